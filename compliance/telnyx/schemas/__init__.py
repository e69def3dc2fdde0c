"""Pydantic models for Telnyx bodies and responses, one module per domain."""
