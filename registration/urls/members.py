from django.urls import path

from registration.views import members

urlpatterns = [
    path("members/", members.member_list, name="members"),
    path("members/invite/", members.member_invite, name="member_invite"),
    path("members/<uuid:public_id>/role/", members.member_role, name="member_role"),
    path("members/<uuid:public_id>/remove/", members.member_remove, name="member_remove"),
    path("members/<uuid:public_id>/transfer/", members.member_transfer, name="member_transfer"),
    path(
        "invitations/<uuid:public_id>/resend/",
        members.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "invitations/<uuid:public_id>/revoke/",
        members.invitation_revoke,
        name="invitation_revoke",
    ),
]
