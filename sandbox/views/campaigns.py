"""Sandbox endpoints for Telnyx's campaigns resources (paths relative to /sandbox/telnyx/v2/)."""

urlpatterns: list = []
