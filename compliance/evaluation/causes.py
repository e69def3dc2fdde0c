"""Which rules should fire for each labelled rejection cause (tests/corpus/CAUSES.md): the one
place that ties the corpus's words to the checker's rule ids. A cause with no rule is one the
checker does not model yet; its campaigns count as misses until a rule covers it."""

CAUSE_RULES: dict[str, tuple[str, ...]] = {
    "brand_not_named": ("S2",),
    "no_opt_out": ("S3", "S4"),
    "optin_not_described": ("M2",),
    "cta_incomplete": ("M3", "M6"),
    "consent_not_explicit": ("M4",),
    "number_sharing": ("M4",),
    "purchased_list": ("M4",),
    "lead_generation": ("S10",),
    "usecase_mismatch": ("S8", "U4"),
    "prohibited_content": ("S9",),
    "age_gate_missing": ("U2",),
    "lending_undeclared": ("U1",),
    "url_shortener": ("S6",),
    "phishing_link": ("S13",),
    "flag_mismatch": ("S7",),
    "description_vague": ("D2",),
    "help_incomplete": ("K1", "K4"),
    "samples_insufficient": ("S1", "S11"),
    "political_without_token": ("U6",),
    "agency_as_brand": ("B6", "D3"),
}
