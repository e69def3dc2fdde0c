"""The sandbox's own state: one module per domain, like Telnyx's resources."""

from . import brands, campaigns, numbers  # noqa: F401  (registers their models)
from .core import ApiKey, Fault, SandboxAccount, SigningKey

__all__ = ["ApiKey", "Fault", "SandboxAccount", "SigningKey"]
