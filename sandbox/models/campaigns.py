"""Sandbox state for Telnyx's campaigns resources."""
