"""Human pages of the sandbox: its webhook key and what it would have sent by SMS."""

from django.shortcuts import render

from sandbox.models import Fault, SigningKey


def home(request):
    return render(
        request,
        "sandbox/home.html",
        {
            "public_key": SigningKey.current().public_key_b64,
            "faults": Fault.objects.filter(remaining__gt=0),
        },
    )
