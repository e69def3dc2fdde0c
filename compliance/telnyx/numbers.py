"""Telnyx endpoints: messaging profiles, messaging numbers, number-campaign assignments,
assignment by profile, messages.

A mixin of TelnyxClient: methods call self.request(...) / self.paginate_*(...) from the
transport in client.py and return pydantic models from schemas/.
"""


class NumbersAPI:
    pass
