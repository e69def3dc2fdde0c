"""Guidance without a check (R…): fees, new use cases, appeals, referenceId."""

from __future__ import annotations

from compliance.checks.engine import GUIDANCE, declare_rule

# --- Resubmission (guidance: nothing in the content to check) -------------------------------

declare_rule(
    id="R1",
    field="usecase",
    severity="I",
    title="Fees before every submit or appeal",
    fix="Expect a vetting fee ($15) on each submission or appeal and 3 months of the campaign fee "
    "paid upfront, non-refundable.",
    sources="B3; P3; W6; T11",
    scope=GUIDANCE,
    keywords=("insufficient funds", "fee", "402"),
)()
declare_rule(
    id="R2",
    field="usecase",
    severity="I",
    title="A new use case means a new campaign",
    fix="To change the use case or a wrong attribute, create a new campaign; after creation only "
    "the samples, message flow and help message can be edited.",
    sources="T15; B3 601; P2 1003",
    scope=GUIDANCE,
    keywords=("601", "resubmit", "cannot be edited"),
)()
declare_rule(
    id="R3",
    field="appeal_reason",
    severity="I",
    title="Appeal only rejected campaigns",
    fix="Appeal from TELNYX_FAILED or MNO_REJECTED with an appeal reason that says what you "
    "changed; the campaign then returns to TCR_ACCEPTED.",
    sources="T4",
    scope=GUIDANCE,
    keywords=("appeal", "mno_rejected", "telnyx_failed"),
)()
declare_rule(
    id="R4",
    field="referenceId",
    severity="I",
    title="A unique referenceId per submission",
    fix="The app sends a unique referenceId with each campaign so a retry never creates a second, "
    "billable campaign.",
    sources="TC; B9",
    scope=GUIDANCE,
    keywords=("duplicate campaign", "referenceid"),
)()
