"""Fixtures shared by the webhook tests."""

import pytest

from compliance.telnyx.signatures import generate_keypair


@pytest.fixture
def seed(settings) -> str:
    """The signing half of a fresh key pair; the app verifies with the public half."""
    seed, public = generate_keypair()
    settings.TELNYX_PUBLIC_KEY = public
    return seed
