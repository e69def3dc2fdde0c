"""Sandbox endpoints for Telnyx's numbers resources (paths relative to /sandbox/telnyx/v2/)."""

urlpatterns: list = []
