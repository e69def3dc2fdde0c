"""Telnyx endpoints: brands, Sole Proprietor OTP, external vetting, brand feedback, enums.

A mixin of TelnyxClient: methods call self.request(...) / self.paginate_*(...) from the
transport in client.py and return pydantic models from schemas/.
"""


class BrandsAPI:
    pass
