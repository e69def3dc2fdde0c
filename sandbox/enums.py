"""What the sandbox answers on GET /10dlc/enum/{endpoint}.

Telnyx's spec lists the endpoint names but not which JSON shape each returns (a list of
strings, a list of objects, an object of strings or objects, or a page of records), so the
shapes below follow the spec's per-shape examples. Values:

- from compliance/telnyx/fields.py (FIELDS.md) where the wire has an enum: vertical,
  altBusinessIdType, brandIdentityStatus, brandRelationship, campaignStatus, entityType,
  brandStatus, stockExchange;
- usecase: the standard and special TCR use cases of ../shared/telnyx/README.md;
- optionalAttributes: the one field of BrandOptionalAttributes (taxExemptStatus);
- operationStatus: the two values of the spec's operationStatus example (APPROVED, REVIEW);
- approvedPublicCompany: the spec's paginated example records;
- mno: the carrier network ids that occur in the spec's examples (10017, 10035, 10999), in the
  shape of the spec's EnumObjectListResponse example; displayName from
  sandbox/campaign_review.py's CARRIER_NAMES (the id where no name is published);
- extVettingProvider / vettingClass: no list exists in the docs or the spec; the sandbox serves
  the one provider and class of Telnyx's brand-registration guide (evpId AEGIS, vettingClass
  STANDARD);
- vettingStatus: not documented anywhere, so an empty list.
"""

from compliance.telnyx.fields import FIELDS
from sandbox.campaign_review import CARRIER_NAMES, MNO_IDS

USECASES = (
    "2FA",
    "ACCOUNT_NOTIFICATION",
    "CUSTOMER_CARE",
    "DELIVERY_NOTIFICATION",
    "FRAUD_ALERT",
    "HIGHER_EDUCATION",
    "LOW_VOLUME",
    "MARKETING",
    "MIXED",
    "POLLING_VOTING",
    "PUBLIC_SERVICE_ANNOUNCEMENT",
    "SECURITY_ALERT",
    "SOLE_PROPRIETOR",
    "AGENTS_FRANCHISES",
    "CARRIER_EXEMPT",
    "CHARITY",
    "EMERGENCY",
    "K12_EDUCATION",
    "M2M",
    "POLITICAL",
    "PROXY",
    "SOCIAL",
    "SWEEPSTAKE",
    "TRIAL",
    "UCAAS_HIGH",
    "UCAAS_LOW",
)

EXT_VETTING_PROVIDERS = {"AEGIS": "AEGIS"}
VETTING_CLASSES = ("STANDARD",)


def _values(schema: str, field: str) -> list[str]:
    return list(FIELDS[schema][field]["enum"] or ())


ENUMS: dict[str, object] = {
    "mno": [{"networkId": int(mno), "displayName": CARRIER_NAMES.get(mno, mno)} for mno in MNO_IDS],
    "optionalAttributes": ["taxExemptStatus"],
    "usecase": list(USECASES),
    "vertical": _values("BrandCreateParams", "vertical"),
    "altBusinessIdType": _values("BrandUpdateParams", "altBusinessIdType"),
    "brandIdentityStatus": _values("TelnyxBrand", "identityStatus"),
    "brandRelationship": _values("TelnyxBrand", "brandRelationship"),
    "campaignStatus": _values("TelnyxCampaignCsp", "campaignStatus"),
    "entityType": _values("BrandCreateParams", "entityType"),
    "extVettingProvider": dict(EXT_VETTING_PROVIDERS),
    "vettingStatus": [],
    "brandStatus": _values("TelnyxBrand", "status"),
    "operationStatus": ["APPROVED", "REVIEW"],
    "approvedPublicCompany": {
        "page": 1,
        "records": [
            {
                "displayName": "1-800 FLOWERS.COM, Inc.",
                "exchange": "NASDAQ",
                "isin": "US68243Q1067",
                "iso2": "US",
                "symbol": "FLWS",
            },
            {
                "displayName": "10X GENOMICS INC CLASS A",
                "exchange": "NASDAQ",
                "isin": "US88025U1097",
                "iso2": "US",
                "symbol": "TXG",
            },
        ],
        "totalRecords": 2,
    },
    "stockExchange": _values("BrandCreateParams", "stockExchange"),
    "vettingClass": list(VETTING_CLASSES),
}
