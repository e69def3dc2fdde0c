"""The app's URLs plus the floors: views that do the least a server can do for a request."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def floor_webhook(request):
    """Reads the body and answers 204: the floor for webhook ingestion."""
    request.body  # noqa: B018
    return HttpResponse(status=204)


def floor_template(request, template_name):
    """Renders a template with no work: the floor for a wizard step."""
    return render(request, template_name, {})


urlpatterns = [
    path("bench/floor/webhook/", floor_webhook),
    path("bench/floor/template/<path:template_name>", floor_template),
    path("", include("compliance.urls")),
]
