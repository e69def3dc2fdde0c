"""Telnyx endpoints: brands, Sole Proprietor OTP, external vetting, brand feedback, enums.

A mixin of TelnyxClient: methods call self.request(...) / self.paginate_*(...) from the
transport in client.py and return pydantic models from schemas/.
"""

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .schemas.brands import (
    BrandBasic,
    BrandCreate,
    BrandFeedback,
    BrandListQuery,
    BrandPage,
    BrandUpdate,
    ExternalVetting,
    ExternalVettingImport,
    ExternalVettingOrder,
    SmsOtpStatus,
    SmsOtpTrigger,
    SmsOtpTriggered,
    SmsOtpVerify,
    TelnyxBrand,
)

if TYPE_CHECKING:  # the methods below run on the Transport TelnyxClient mixes in
    from .client import Transport as _Transport
else:
    _Transport = object

ENUM_ENDPOINTS = (
    "mno",
    "optionalAttributes",
    "usecase",
    "vertical",
    "altBusinessIdType",
    "brandIdentityStatus",
    "brandRelationship",
    "campaignStatus",
    "entityType",
    "extVettingProvider",
    "vettingStatus",
    "brandStatus",
    "operationStatus",
    "approvedPublicCompany",
    "stockExchange",
    "vettingClass",
)


def _brand_path(brand_id: str, *rest: str) -> str:
    return "/".join(("/10dlc/brand", quote(str(brand_id), safe=""), *rest))


class BrandsAPI(_Transport):
    # -- brands ------------------------------------------------------------------------------
    def list_brands(
        self, *, page: int = 1, records_per_page: int = 10, **filters: Any
    ) -> BrandPage:
        """One page of GET /10dlc/brand. Filters by attribute name: display_name,
        entity_type, state, country, brand_id, tcr_brand_id, sort."""
        query = BrandListQuery(page=page, records_per_page=records_per_page, **filters)
        return BrandPage.model_validate(
            self.request("GET", "/10dlc/brand", params=query.to_wire()) or {}
        )

    def iter_brands(self, *, records_per_page: int = 100, **filters: Any) -> Iterator[BrandBasic]:
        """Every brand matching the filters, walking all pages."""
        params = BrandListQuery(**filters).to_wire()
        for record in self.paginate_10dlc(
            "/10dlc/brand", params, records_per_page=records_per_page
        ):
            yield BrandBasic.model_validate(record)

    def create_brand(self, brand: BrandCreate) -> TelnyxBrand:
        """POST /10dlc/brand. Never retried: on Unavailable the caller reconciles by listing."""
        return TelnyxBrand.model_validate(
            self.request("POST", "/10dlc/brand", json=brand.to_wire())
        )

    def get_brand(self, brand_id: str) -> TelnyxBrand:
        return TelnyxBrand.model_validate(self.request("GET", _brand_path(brand_id)))

    def update_brand(self, brand_id: str, brand: BrandUpdate) -> TelnyxBrand:
        return TelnyxBrand.model_validate(
            self.request("PUT", _brand_path(brand_id), json=brand.to_wire())
        )

    def delete_brand(self, brand_id: str) -> None:
        self.request("DELETE", _brand_path(brand_id))

    def resend_2fa_email(self, brand_id: str) -> None:
        """POST /10dlc/brand/{brandId}/2faEmail (no body either way)."""
        self.request("POST", _brand_path(brand_id, "2faEmail"))

    def revet_brand(self, brand_id: str) -> TelnyxBrand:
        """Once after registration, then at most once every three months."""
        return TelnyxBrand.model_validate(self.request("PUT", _brand_path(brand_id, "revet")))

    def get_brand_feedback(self, brand_id: str) -> BrandFeedback:
        """Why a brand is unverified (current spec path; the seed spells it brand_feedback)."""
        path = "/10dlc/brand/feedback/" + quote(str(brand_id), safe="")
        return BrandFeedback.model_validate(self.request("GET", path))

    # -- external vetting --------------------------------------------------------------------
    def list_external_vettings(self, brand_id: str) -> list[ExternalVetting]:
        body = self.request("GET", _brand_path(brand_id, "externalVetting")) or []
        return [ExternalVetting.model_validate(item) for item in body]

    def order_external_vetting(
        self, brand_id: str, evp_id: str, vetting_class: str
    ) -> ExternalVetting:
        order = ExternalVettingOrder(evp_id=evp_id, vetting_class=vetting_class)
        return ExternalVetting.model_validate(
            self.request("POST", _brand_path(brand_id, "externalVetting"), json=order.to_wire())
        )

    def import_external_vetting(
        self, brand_id: str, evp_id: str, vetting_id: str, vetting_token: str | None = None
    ) -> ExternalVetting:
        record = ExternalVettingImport(
            evp_id=evp_id, vetting_id=vetting_id, vetting_token=vetting_token or None
        )
        return ExternalVetting.model_validate(
            self.request("PUT", _brand_path(brand_id, "externalVetting"), json=record.to_wire())
        )

    # -- Sole Proprietor OTP -----------------------------------------------------------------
    def trigger_sms_otp(self, brand_id: str, pin_sms: str, success_sms: str) -> SmsOtpTriggered:
        """Send the OTP to the brand's mobilePhone; pin_sms must contain @OTP_PIN@."""
        body = SmsOtpTrigger(pin_sms=pin_sms, success_sms=success_sms)
        return SmsOtpTriggered.model_validate(
            self.request("POST", _brand_path(brand_id, "smsOtp"), json=body.to_wire())
        )

    def verify_sms_otp(self, brand_id: str, otp_pin: str) -> None:
        """204 on success; a wrong or expired PIN raises BadRequest."""
        body = SmsOtpVerify(otp_pin=otp_pin)
        self.request("PUT", _brand_path(brand_id, "smsOtp"), json=body.to_wire())

    def get_sms_otp_status(self, brand_id: str) -> SmsOtpStatus:
        return SmsOtpStatus.model_validate(self.request("GET", _brand_path(brand_id, "smsOtp")))

    def get_sms_otp_by_reference(
        self, reference_id: str, brand_id: str | None = None
    ) -> SmsOtpStatus:
        path = "/10dlc/brand/smsOtp/" + quote(str(reference_id), safe="")
        return SmsOtpStatus.model_validate(self.request("GET", path, params={"brandId": brand_id}))

    # -- enums -------------------------------------------------------------------------------
    def get_enum(self, endpoint: str) -> list | dict:
        """GET /10dlc/enum/{endpoint}: a list of strings or objects, a mapping, or a page of
        records, depending on the endpoint (decode by JSON type)."""
        if endpoint not in ENUM_ENDPOINTS:
            raise ValueError(f"Unknown enum endpoint {endpoint!r}")
        return self.request("GET", f"/10dlc/enum/{endpoint}")
