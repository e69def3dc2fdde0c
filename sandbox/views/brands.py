"""Sandbox endpoints for Telnyx's brands resources (paths relative to /sandbox/telnyx/v2/)."""

urlpatterns: list = []
