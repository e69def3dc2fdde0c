"""Sandbox state for Telnyx's numbers resources."""
