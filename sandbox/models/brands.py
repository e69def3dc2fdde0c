"""Sandbox state for Telnyx's brands resources."""
