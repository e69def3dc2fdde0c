"""The only code that speaks HTTP to Telnyx (or to the local sandbox, same wire format)."""
