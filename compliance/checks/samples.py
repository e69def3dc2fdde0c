"""Rules on the sample messages (S…): length, brand named, opt-out, content, links."""

from __future__ import annotations

import difflib

from compliance.checks.content import CampaignContent
from compliance.checks.engine import Hit, Severity, declare_rule
from compliance.checks.text import (
    _AFFILIATE_RE,
    _CODE_RE,
    _GLUED_TOKEN_RE,
    _NOTIFICATION_USECASES,
    _OPT_OUT_PHRASE_RE,
    _OPT_OUT_UPPER_RE,
    _PLACEHOLDER_RE,
    _PROMO_RE,
    _SHORTENER_RE,
    BANNED_RE,
    OPT_OUT_WORDS,
    _affirmed,
    _brand_known,
    _is_english,
    _length_hits,
    _negated,
    _norm,
    _search,
    has_link,
    has_phone,
    names_brand,
)

# --- Samples -------------------------------------------------------------------------------


@declare_rule(
    id="S1",
    field="sample1",
    severity="E",
    title="2–5 sample messages of 20–1024 characters",
    fix="Write at least two realistic messages (three is better), each 20–1024 characters; keep "
    "them under 255 so they fit Telnyx's update limit and as few SMS segments as possible.",
    sources="W10; S3; TU; Twilio 30893",
    keywords=("sample message", "samples missing", "insufficient sample", "number of samples"),
)
def two_to_five_samples_of_20_to_1024_characters(c: CampaignContent):
    filled = c.filled_samples
    if len(filled) < 2:
        yield Hit(f"{len(filled)} sample message(s); carriers need at least 2.")
    elif len(filled) < 3:
        yield Hit("Only 2 samples: 3 or more are advised.", severity=Severity.INFO)
    for name, text in filled:
        yield from _length_hits(name, text, 20, 1024, warn_above=255, label=f"Sample {name[-1]}")
    positions = [i for i, s in enumerate(c.samples) if s]
    if positions and positions[-1] >= len(positions):
        yield Hit(
            "Fill the samples in order, without gaps (sample1, sample2 …).",
            "sample1",
            Severity.WARNING,
        )


@declare_rule(
    id="S2",
    field="sample1",
    severity="E",
    title="Samples name the brand",
    fix="Start each sample with the brand name, e.g. “Sweet Crumbs Bakery: …”, or include the "
    "brand's website domain.",
    sources="Twilio 30893; A1 SAMPLE_MESSAGE_MISMATCH; S3",
    keywords=(
        "brand name not in sample",
        "brand name missing",
        "sample message mismatch",
        "does not identify the brand",
        "brand not identified",
        "brand name",
        "names the brand",
    ),
)
def samples_name_the_brand(c: CampaignContent):
    if not _brand_known(c.brand):
        return
    filled = c.filled_samples
    missing = [name for name, text in filled if not names_brand(text, c.brand)]
    if filled and len(missing) == len(filled):
        yield Hit(f"No sample names the brand “{c.brand.display_name or c.brand.company_name}”.")
    else:
        for name in missing:
            yield Hit(f"Sample {name[-1]} does not name the brand.", name, Severity.WARNING)


def _has_opt_out(text: str) -> bool:
    return bool(_OPT_OUT_UPPER_RE.search(text) or _OPT_OUT_PHRASE_RE.search(text))


@declare_rule(
    id="S3",
    field="sample1",
    severity="E",
    title="Opt-out wording in a sample",
    fix="Add “Reply STOP to opt out” (or END, CANCEL, UNSUBSCRIBE, QUIT) to at least one sample, "
    "ideally the first message a subscriber gets.",
    sources="Twilio 30893; A1; S3",
    keywords=(
        "opt-out language",
        "opt out language",
        "missing opt-out",
        "opt-out instructions",
        "stop language",
        "no opt-out",
    ),
)
def opt_out_wording_in_a_sample(c: CampaignContent):
    filled = c.filled_samples
    if filled and not any(_has_opt_out(text) for _, text in filled):
        yield Hit("No sample tells the subscriber how to opt out (e.g. “Reply STOP to opt out”).")


def _glued(text: str) -> list[str]:
    found = []
    for token in _GLUED_TOKEN_RE.findall(text):
        if token in OPT_OUT_WORDS:
            continue
        keywords = sum(token.count(w) for w in ("STOP", "END", "CANCEL", "QUIT"))
        if any(ch.isdigit() for ch in token) or keywords >= 2:
            found.append(token)
    return found


@declare_rule(
    id="S4",
    field="sample1",
    severity="E",
    title="Opt-out keyword stands alone",
    fix="Write the keyword as its own word: “Reply STOP to end”, not “STOP2END” or “STOPEND”.",
    sources="wire2air and linkedip support pages on campaign rejections",
    keywords=("stop2end", "opt-out keyword format", "keyword must stand alone"),
)
def opt_out_keyword_stands_alone(c: CampaignContent):
    for name, text in [*c.filled_samples, ("optinMessage", c.optin_message)]:
        glued = _glued(text)
        if glued:
            yield Hit(f"{name}: the opt-out keyword is glued to other text in “{glued[0]}”.", name)


@declare_rule(
    id="S5",
    field="sample1",
    severity="W",
    title="Samples read like real messages",
    fix="Write samples as the subscriber will see them; put variable parts in [brackets] "
    "(“Hi [first name], …”), not {{…}}, and avoid “test”, lorem ipsum or 3-word samples.",
    sources="Twilio 30893; A1 SAMPLE_MESSAGE_USE_CASE_MISMATCH",
    keywords=(
        "placeholder",
        "template variable",
        "generic sample",
        "sample too short",
        "test message",
    ),
)
def samples_read_like_real_messages(c: CampaignContent):
    for name, text in c.filled_samples:
        bad = _search(_PLACEHOLDER_RE, text)
        if bad:
            yield Hit(
                f"Sample {name[-1]} contains “{bad.strip()}”; use [brackets] for variables "
                "and real wording.",
                name,
            )
        elif len(text.split()) < 4:
            yield Hit(f"Sample {name[-1]} has fewer than 4 words.", name)


@declare_rule(
    id="S6",
    field="sample1",
    severity="E",
    title="No public URL shorteners",
    fix="Use the full link on your own domain (or a branded short domain you own) instead of "
    "bit.ly, tinyurl.com and other public shorteners.",
    sources="A1 SAMPLE_MESSAGE_SHORT_URL; S3; nmogil/A2P10DLC-Scanner urlShorteners.ts",
    keywords=(
        "url shortener",
        "shortened url",
        "short url",
        "shortened link",
        "bit.ly",
        "public shortener",
    ),
)
def no_public_url_shorteners(c: CampaignContent):
    for name, text in [
        *c.filled_samples,
        ("embeddedLinkSample", c.embedded_link_sample),
        ("messageFlow", c.message_flow),
    ]:
        match = _SHORTENER_RE.search(text)
        if match:
            yield Hit(f"{name} uses the public URL shortener {match.group(1).lower()}.", name)


@declare_rule(
    id="S7",
    field="embeddedLink",
    severity="E",
    title="Link and phone flags match the samples",
    fix="Tick “embedded link” if and only if a sample contains a URL, and “embedded phone” if and "
    "only if a sample contains a phone number.",
    sources="B3 601; Twilio 30889; A1 SAMPLE_MESSAGE_PHONE_NUMBER",
    keywords=(
        "embedded link",
        "embeddedlink",
        "embedded phone",
        "embeddedphone",
        "phone number in sample",
        "link in sample",
        "attribute mismatch",
        "30889",
    ),
)
def link_and_phone_flags_match_the_samples(c: CampaignContent):
    filled = c.filled_samples
    if not filled:
        return
    with_link = [name for name, text in filled if has_link(text)]
    with_phone = [name for name, text in filled if has_phone(text)]
    if with_link and c.embedded_link is not True:
        yield Hit(f"{with_link[0]} contains a link but embeddedLink is not set.", "embeddedLink")
    if c.embedded_link and not with_link:
        yield Hit("embeddedLink is set but no sample contains a link.", "embeddedLink")
    if with_phone and c.embedded_phone is not True:
        yield Hit(
            f"{with_phone[0]} contains a phone number but embeddedPhone is not set.",
            "embeddedPhone",
        )
    if c.embedded_phone and not with_phone:
        yield Hit("embeddedPhone is set but no sample contains a phone number.", "embeddedPhone")


@declare_rule(
    id="S8",
    field="sample1",
    severity="W",
    title="Samples fit the use case",
    fix="Make the samples show the use case: promotions for MARKETING, a 4–8 digit code for 2FA, "
    "no promotional wording in notifications, one sample per sub-use-case for MIXED.",
    sources="B3 602; A1 USE_CASE_MISMATCH; S3",
    keywords=(
        "use case mismatch",
        "usecase mismatch",
        "does not match the use case",
        "not consistent with use case",
        "602",
    ),
)
def samples_fit_the_use_case(c: CampaignContent):
    filled = c.filled_samples
    if not filled:
        return
    if c.usecase == "MARKETING" and not any(_PROMO_RE.search(t) for _, t in filled):
        yield Hit("MARKETING samples show no offer, sale or promotion.")
    if c.usecase == "2FA" and not any(_CODE_RE.search(t) for _, t in filled):
        yield Hit("2FA samples show no 4–8 digit code (or [code] placeholder).")
    if c.usecase in _NOTIFICATION_USECASES:
        for name, text in filled:
            promo = _search(_PROMO_RE, text)
            if promo:
                yield Hit(
                    f"Sample {name[-1]} has promotional wording (“{promo}”), which does not "
                    f"belong in {c.usecase}.",
                    name,
                )
    if c.usecase == "MIXED" and len(filled) < len(c.sub_usecases):
        yield Hit(
            f"MIXED with {len(c.sub_usecases)} sub-use-cases needs one sample each; "
            f"there are {len(filled)}."
        )


def _content_fields(c: CampaignContent) -> list[tuple[str, str]]:
    return [(n, t) for n, t in c.text_fields() if n not in ("optoutMessage", "helpMessage")]


@declare_rule(
    id="S9",
    field="sample1",
    severity="E",
    title="No SHAFT-C or banned content",
    fix="Remove cannabis/CBD, gambling, high-risk finance (payday loans, crypto), illegal drugs, "
    "sexual or hateful content: carriers never allow it and a rejection cannot be resubmitted.",
    sources="A1 Disallowed Content and Age Gate; B3 701; P2 1001",
    keywords=(
        "shaft",
        "prohibited content",
        "disallowed content",
        "banned content",
        "cannabis",
        "gambling",
        "701",
        "1001",
        "restricted content",
    ),
)
def no_shaft_c_or_banned_content(c: CampaignContent):
    for name, text in _content_fields(c):
        for match in BANNED_RE.finditer(text):
            if not _negated(text, match.start()):
                yield Hit(
                    f"{name} mentions “{match.group(0)}”, content carriers do not allow.", name
                )
                break


@declare_rule(
    id="S10",
    field="description",
    severity="W",
    title="No lead generation or affiliate marketing",
    fix="Send only your own brand's messages; carriers refuse lead generation, affiliate offers "
    "and sharing of subscriber lists, and the rejection cannot be resubmitted.",
    sources="A1 CAMPAIGN_NON_COMPLIANT_CONTENT_AFFILIATE_MARKETING",
    keywords=("affiliate", "lead generation", "lead gen", "third party marketing"),
)
def no_lead_generation_or_affiliate_marketing(c: CampaignContent):
    for name, text in _content_fields(c):
        found = _affirmed(_AFFILIATE_RE, text)
        if found:
            yield Hit(
                f"{name} mentions “{found}”, which reads as lead generation or affiliate "
                "marketing.",
                name,
            )


@declare_rule(
    id="S11",
    field="sample2",
    severity="W",
    title="Samples differ and no text is reused across fields",
    fix="Write each sample as a different real message, and write the description, message flow "
    "and replies in their own words.",
    sources="A1 CAMPAIGN_TEMPLATE_REUSE",
    keywords=("template reuse", "duplicate sample", "identical samples", "reused"),
)
def samples_differ_and_no_text_is_reused_across_fields(c: CampaignContent):
    filled = c.filled_samples
    for i, (name_a, a) in enumerate(filled):
        for name_b, b in filled[i + 1 :]:
            a_norm, b_norm = _norm(a), _norm(b)
            matcher = difflib.SequenceMatcher(None, a_norm, b_norm)
            if a_norm == b_norm or (matcher.quick_ratio() >= 0.9 and matcher.ratio() >= 0.9):
                yield Hit(f"{name_b} is (nearly) the same as {name_a}.", name_b)
    seen: dict[str, str] = {}
    for name, text in c.text_fields():
        key = _norm(text)
        if (
            len(key) >= 20
            and key in seen
            and not (name.startswith("sample") and seen[key].startswith("sample"))
        ):
            yield Hit(f"{name} repeats the text of {seen[key]}.", name)
        seen.setdefault(key, name)


@declare_rule(
    id="S12",
    field="description",
    severity="W",
    title="Fields are in English",
    fix="Write the fields in English, or add an English translation next to the other language.",
    sources="A1 CAMPAIGN_NON_ENGLISH_CONTENT; DCA2 code 506",
    keywords=("non-english", "non english", "not in english", "english translation", "506"),
)
def fields_are_in_english(c: CampaignContent):
    for name, text in c.text_fields():
        if not _is_english(text):
            yield Hit(f"{name} does not read as English.", name)
