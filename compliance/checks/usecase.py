"""Rules on the use case and the content flags (U…): lending, age gate, test programs."""

from __future__ import annotations

import re

from compliance.checks.content import CampaignContent
from compliance.checks.engine import Hit, Severity, checks
from compliance.checks.samples import _content_fields
from compliance.checks.text import (
    _AGE_CLAIM_RE,
    _AGE_GATE_RE,
    _LENDING_RE,
    _LENDING_SERVICE_RE,
    _TEST_PROGRAM_RE,
    AGE_GATED_RE,
    CESSATION_SENTENCE_RE,
    POLITICAL_RE,
    RECOVERY_SENTENCE_RE,
    _affirmed,
    _negated,
    in_a_title,
)

# --- Use case and flags --------------------------------------------------------------------


@checks("U1")
def lending_content_is_declared(c: CampaignContent):
    if c.direct_lending:
        return
    for name, text in _content_fields(c):
        serviced = [m.span() for m in _LENDING_SERVICE_RE.finditer(text)]
        for match in _LENDING_RE.finditer(text):
            if (
                _negated(text, match.start())
                or any(start <= match.start() < end for start, end in serviced)
                or _in_a_link(text, match)
            ):
                continue
            yield Hit(f"{name} mentions “{match.group(0)}” but directLending is not set.")
            return


_BOTTLE_BEFORE_RE = re.compile(
    r"(?i)\b(bottles?|cases?|six-?packs?|magnums?|growlers? full) of ([\w'-]+ ){0,3}$"
)
_SENTENCE_END_RE = re.compile(r"(?<!\d)[.!?](?!\d)|\n")
# A spirit that flavours food ("bourbon caramel truffles", "rum-glazed ham") is not alcohol for
# sale: the same sentence names a dish.
_FOOD_CONTEXT_RE = re.compile(
    r"(?i)\b(glaze[ds]?|glazed|caramels?|truffles?|cakes?|cupcakes?|ham|sauce|beans|bbq|barbecue|"
    r"ribs|brisket|smoked|infused|flavou?red|chocolates?|candy|candies|ice cream|cookies?|"
    r"brownies?|pies?|salmon|marinated|mocktails?|sin alcohol|non-?alcoholic|alcohol-?free|"
    r"pecans?|pralines?|tiramisu|fudge|frosting|custards?|tarts?|bread pudding|pre-?orders?|"
    r"risotto|broth|stews?|recipes?|marinades?|"
    # a growler or a tap of something without alcohol
    r"kombucha|kefir|root beer|ginger beer|cold brew|sodas?)\b"
)


# A drink's name inside a proper place name ("Whiskey Creek Lodge", "Brandy Lane", "Rum Point")
# names where, not what is sold.
_PLACE_NAME_AFTER_RE = re.compile(
    r"\s+(Creek|Lodge|River|Ridge|Road|Rd|Lane|Ln|Hollow|Valley|Springs?|Bay|Point|Hills?|"
    r"Canyon|Street|St|Farms?|Ranch|Cabins?|Inn|Lake|Mountain|Trail|Park|Falls|Run|Bend|Gulch|"
    r"Flats?|Meadows?|Island|Cove|Harbor|Station|Avenue|Ave|Drive|Dr|Way|Court|Pass|Row|Alley|"
    r"Square|District|Quarter|Corner|Plaza|Building|Block)\b"
)
# A drink's name as a colour, shade or scent ("Merlot Moment nail polish", "Champagne Toast
# shimmer"), wine at a religious service (communion, kiddush), tattoo "guns": named, not sold.
_NAMED_NOT_SOLD_RE = re.compile(
    r"(?i)\b(colou?rs?|shades?|polish|hues?|scents?|candles?|lipsticks?|lacquers?|tones?|"
    r"fragrances?|communion|kiddush|eucharist|sacrament\w*|seder|havdalah|mass|vanilla|lotions?|"
    r"soaps?|balms?|scrubs?|body (butter|wash|oil)|tattoo\w*|satin|silk|velvet|chiffon|"
    r"sequin\w*|tulle|dress(es)?|gowns?|"
    # a barrel that flavoured a food ("bourbon-barrel aged shoyu"), training to serve alcohol
    # responsibly, a spa's "happy hour pricing" on a massage (no drink in the sentence)
    r"barrel[- ]aged|shoyu|soy sauce|vinegar|maple syrup|hot sauce|servsafe alcohol|"
    r"(alcohol|liquor|bartend\w*) (server|seller|service|awareness|safety|education)( \w+)? "
    r"(training|certification|cert|course|class|permit|licen[cs]e|program)|responsible "
    r"(beverage|alcohol) (service|server|training)|wine (&|and) cheese (reception|social|hour)|"
    r"happy hour (pricing|rates?|prices?)\b(?![^.!?]"
    r"{0,60}\b(drinks?|beers?|wines?|cocktails?|pints?|wells?|shots?|margaritas?|spirits?)\b))\b"
)
# Advice to do without it ("skip the beer the night before leg day") sells nothing.
_DO_WITHOUT_BEFORE_RE = re.compile(
    r"(?i)\b(skip|avoid|cut (back|down) on|cut out|go easy on|lay off|hold off on|no|swapped|"
    r"replaced|removed|subbed( out)?|left out|took out)\s+(the |your |any )?([\w-]+ )?$"
)
# Storage or gear for a drink ("climate-controlled wine lockers", "wine racks") sells no drink.
_STORAGE_AFTER_RE = re.compile(
    r"(?i)\s+(lockers?|storage|racks?|cellar (units|storage)|fridges?|coolers?|cabinets?|"
    # equipment and marks, not the drink ("a margarita machine rental", "a red wine stain")
    r"machines?|glass(es|ware)?|dispensers?|mix(es)?|mixers?|stains?|spills?)\b"
)
# A hunting season is a date on the calendar ("deer rifle season opens Saturday, wear blaze
# orange"), a safety notice, not firearms for sale; a golf "shotgun start" is a format.
_SEASON_AFTER_RE = re.compile(
    r"(?i)\)?\s+((deer|bear|elk|turkey|hunting)\s+)?(seasons?|openers?|hunts?|hunting)\b"
)
_START_AFTER_RE = re.compile(r"(?i)[\s-]+(start|team|club|match(es)?|practice|squad|league)\b")
# Not a firearm: "archery & air rifle practice", "laser tag guns", "BB gun safety".
_NOT_A_FIREARM_BEFORE_RE = re.compile(r"(?i)\b(air|bb|pellet|nerf|paintball|laser|toy|water)\s+$")


# A venue named as a place ("parked at the brewery lot", "outside Foxhole Brewery", "meet at the
# winery's patio") says where, not what is sold: no age gate is about a location.
_VENUE_RE = re.compile(r"(?i)^(winery|brewery|breweries|gun shop|liquor store|bar|pub)$")
_PLACE_BEFORE_RE = re.compile(
    r"(?i)\b(at|outside|near|by|behind|beside|next to|in front of|across from|across the "
    r"street from|in the parking lot of|parked at)\s+(the\s+|our\s+)?([A-Z][\w'&.-]*\s+){0,3}$"
)
_PLACE_AFTER_RE = re.compile(
    r"(?i)^('s)?\s*(lot|parking( lot)?|patio|lawn|grounds|courtyard|entrance|corner|pavilion|"
    r"barn|garden|gardens|terrace|chapel|ballroom|hall|tent|deck|gazebo|"
    r"on \w+ (st|street|ave|avenue|rd|road)\b)"
)


def _names_a_place(text: str, match: re.Match) -> bool:
    if not _VENUE_RE.match(match.group(0)):
        return False
    before = text[: match.start()]
    return bool(_PLACE_BEFORE_RE.search(before)) and (
        bool(_PLACE_AFTER_RE.match(text[match.end() :]))
        or bool(re.search(r"(?i)\b(lot|parked|parking|location|spot)\b", text))
    )


def _sold_age_restricted(text: str, non_alcoholic: bool = False) -> str | None:
    """The first age-restricted product the text offers, outside food and negation."""
    for match in AGE_GATED_RE.finditer(text):
        if _BOTTLE_BEFORE_RE.search(text, 0, match.start()):
            return match.group(0)  # "a bottle of estate Cabernet", whatever food is beside it
        # (a decimal point, "0.5% ABV", ends no sentence)
        starts = [m.end() for m in _SENTENCE_END_RE.finditer(text, 0, match.start())]
        end = _SENTENCE_END_RE.search(text, match.end())
        sentence = text[starts[-1] if starts else 0 : end.start() if end else len(text)]
        if (
            _FOOD_CONTEXT_RE.search(sentence)
            or _negated(text, match.start())
            or _names_a_place(text, match)
            or _PLACE_NAME_AFTER_RE.match(text, match.end())
            or _SEASON_AFTER_RE.match(text, match.end())
            or _STORAGE_AFTER_RE.match(text, match.end())
            or _NAMED_NOT_SOLD_RE.search(sentence)
            or _DO_WITHOUT_BEFORE_RE.search(text, 0, match.start())
            or _START_AFTER_RE.match(text, match.end())
            or _NOT_A_FIREARM_BEFORE_RE.search(text, 0, match.start())
            # a keyword in a list of keywords ("(HOCKEY, XC, RIFLE, SOFTBALL)") names a team
            or (match.group(0).isupper() and re.search(r"[(,]\s*$", text[: match.start()]))
            or _in_a_link(text, match)
            or CESSATION_SENTENCE_RE.search(sentence)
            or RECOVERY_SENTENCE_RE.search(sentence)
            or _NEVER_PROMOTED_RE.search(sentence)
            or in_a_title(text, match)
            or _OWN_EVENT_DRINK_RE.search(sentence)
            or (
                _VESSEL_RE.fullmatch(match.group(0))
                and (non_alcoholic or _NON_ALCOHOLIC_RE.search(text))
            )
        ):
            continue
        return match.group(0)
    return None


# "We also serve tej (honey wine) …, but our texts never mention or promote alcohol"
_NEVER_PROMOTED_RE = re.compile(
    r"(?i)\b(texts?|messages?|sms)\b[^.!?]{0,20}\b(never|do not|don't|won't|will not) "
    r"(mention|promote|advertise|include|market)\b"
)
# A growler or a tap of a drink the same text says has no alcohol ("non-alcoholic kombucha …
# your growler refill is ready").
_VESSEL_RE = re.compile(r"(?i)growlers?|crowlers?|on tap|taps?|kegs?|pints?|brew\w*")
_NON_ALCOHOLIC_RE = re.compile(
    r"(?i)\b(non-?alcoholic|alcohol-?free|zero-?proof|0\.0 ?%|under 0\.5 ?% abv|no alcohol)"
)
# The couple's own bar at their wedding ("your signature cocktail pick"): planned, not sold.
_OWN_EVENT_DRINK_RE = re.compile(
    r"(?i)\b(your|their|the couple['’]s) signature (cocktails?|drinks?)\b|"
    # a toast in a wedding timeline
    r"\b(champagne|wine) toasts?\b(?=[^.!?]{0,80}\b(ceremony|reception|timeline|wedding|couple|"
    r"vows|first dance))|\b(ceremony|reception|timeline|wedding|couple|vows|first dance)\b"
    r"[^.!?]{0,80}\b(champagne|wine) toasts?\b"
)


# An ID checked when the goods are handed over ("drivers check ID at the door on every
# delivery") gates the sale, not the texts: the gate AWS asks for is at opt-in.
_AT_HANDOVER_RE = re.compile(
    r"(?i)[^.;]{0,30}\b(at the door|on (every |each )?deliver\w*|at deliver\w*|upon deliver\w*|"
    r"at pick-?up|at the (register|counter) (when|on) (buying|purchase|pickup))"
)


def _in_a_link(text: str, match: re.Match) -> bool:
    """A word inside a link ("cubby.storage/wine") is an address, not content."""
    start = max(text.rfind(" ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    end = min(
        (i for i in (text.find(" ", match.end()), text.find("\n", match.end())) if i != -1),
        default=len(text),
    )
    return bool(re.search(r"(?i)(https?://|[\w-]+\.[a-z]{2,24}/)", text[start:end]))


@checks("U2")
def age_restricted_content_is_age_gated(c: CampaignContent):
    if not c.age_gated:
        # (the description saying the product has no alcohol covers "growler" in a sample)
        non_alcoholic = bool(_NON_ALCOHOLIC_RE.search(c.description))
        for name, text in _content_fields(c):
            found = _sold_age_restricted(text, non_alcoholic)
            if found:
                yield Hit(f"{name} mentions “{found}” but ageGated is not set.")
                return
    elif not any(
        not (
            re.search(r"(?i)\bid\b", m.group(0)) and _AT_HANDOVER_RE.match(c.message_flow, m.end())
        )
        for m in _AGE_GATE_RE.finditer(c.message_flow)
    ):
        claim = _AGE_CLAIM_RE.search(c.message_flow)
        yield Hit(
            f"The message flow asks subscribers to confirm their age (“{claim.group(0)}”): a "
            "yes/no answer or a tick box is not an age gate; ask for the date of birth."
            if claim
            else "ageGated is set but the message flow does not describe a date-of-birth check.",
            "messageFlow",
        )


@checks("U3")
def test_and_tiny_programs_use_low_volume(c: CampaignContent):
    if c.usecase in ("LOW_VOLUME", "SOLE_PROPRIETOR"):
        return
    found = _affirmed(_TEST_PROGRAM_RE, c.description)
    if found:
        yield Hit(f"The description mentions “{found}”; consider LOW_VOLUME.")


# Use cases open only to some kinds of organisation, whatever the content: CHARITY is limited
# to 501(c)(3) non-profits (Twilio, Special Use Cases for A2P 10DLC; Bandwidth/DCA2 602 gives
# a for-profit under CHARITY as its example); political messages come from 527 political
# organisations and 501(c) advocacy groups (Twilio's political registration guide), never from
# a business or a government office.
_ENTITIES_OF_USECASE = {
    "CHARITY": (("NON_PROFIT",), "a 501(c)(3) non-profit", ("NGO",)),
    "POLITICAL": (("NON_PROFIT",), "a political committee or 501(c) organisation", ("POLITICAL",)),
}
_ENTITY_WORDS = {
    "PRIVATE_PROFIT": "a private for-profit company",
    "PUBLIC_PROFIT": "a publicly traded company",
    "GOVERNMENT": "a government body",
    "SOLE_PROPRIETOR": "a sole proprietor",
}


@checks("U4")
def the_brand_qualifies_for_the_use_case(c: CampaignContent):
    if not c.usecase:
        yield Hit("Choose a use case.")
    elif c.brand.qualified_usecases is not None and c.usecase not in c.brand.qualified_usecases:
        yield Hit(f"The brand did not qualify for {c.usecase}.")
    elif c.usecase in _ENTITIES_OF_USECASE and c.brand.entity_type:
        entities, who, verticals = _ENTITIES_OF_USECASE[c.usecase]
        if c.brand.entity_type in entities or c.brand.sole_proprietor:
            return  # a sole proprietor's use case is P1's
        kind = _ENTITY_WORDS.get(c.brand.entity_type, c.brand.entity_type)
        # A brand whose vertical says it is such an organisation (NGO, POLITICAL) most likely
        # chose the wrong entity type: risky, to be corrected on the brand; otherwise the
        # business is not one, and the use case is refused.
        entered_wrongly = c.brand.vertical in verticals
        yield Hit(
            f"{c.usecase} is only for {who}, and the brand is registered as {kind}"
            + (
                ": if the organisation is one, correct the brand's entity type first."
                if entered_wrongly
                else ": choose the use case that fits the messages (e.g. ACCOUNT_NOTIFICATION "
                "or MARKETING)."
            ),
            severity=Severity.WARNING if entered_wrongly else None,
        )


@checks("U5")
def sub_use_case_count_is_within_limits(c: CampaignContent):
    low, high = c.brand.min_sub_usecases, c.brand.max_sub_usecases
    if c.usecase == "MIXED":
        low, high = low if low is not None else 2, high if high is not None else 5
    n = len(c.sub_usecases)
    if low is not None and n < low:
        yield Hit(f"{c.usecase} needs at least {low} sub-use-cases; {n} chosen.")
    if high is not None and n > high:
        yield Hit(f"{c.usecase} allows at most {high} sub-use-cases; {n} chosen.")
    if len(set(c.sub_usecases)) != n:
        yield Hit("Each sub-use-case may be chosen only once.")


@checks("U6")
def political_content_uses_the_political_use_case(c: CampaignContent):
    """Election and ballot content only in a POLITICAL campaign, with its Campaign Verify
    token (TCR's political use case; carriers refuse political content elsewhere)."""
    if c.usecase == "POLITICAL":
        # Campaign Verify is for 527 political organisations (campaigns, parties, PACs);
        # 501(c)(4)-(6) advocacy groups use the POLITICAL use case without it (Twilio's
        # political guide; ThruText's Campaign Verify note).
        if not c.campaign_verify_token.strip() and not _ADVOCACY_NONPROFIT_RE.search(c.description):
            yield Hit("POLITICAL campaigns need the Campaign Verify token of the committee.")
        return
    if _only_voting_logistics(c) or _only_an_internal_election(c):
        return
    for name, text in _content_fields(c):
        found = _affirmed(POLITICAL_RE, text)
        if found:
            yield Hit(
                f"{name} has political content (“{found}”): it needs its own POLITICAL "
                "campaign with a Campaign Verify token.",
                name,
            )
            return


_ADVOCACY_NONPROFIT_RE = re.compile(
    r"(?i)(\b501 ?\(c\) ?\((4|5|6)\)|\b(501c[456]|social welfare (organi[sz]ation|group)|"
    r"labor union|trade association|chamber of commerce)\b)"
)


# Voting logistics (ballot mailing dates, drop boxes, registration deadlines, "your ballot was
# received", "the library is a polling place Tuesday") from an election office or any brand that
# is not a political organisation are public-service information, not political content: TCR's
# political use case and Campaign Verify are for candidates, parties, committees and
# ballot-measure advocacy. Anything that advocates (vote for/yes/no, a candidate or an office
# sought, donations, get out the vote) still needs the POLITICAL campaign, and so does anything
# a brand of the POLITICAL vertical sends.
_ADVOCACY_RE = re.compile(
    r"(?i)\b(vote (for|yes|no|against)|re-?elect|elect\b|candidates?|chip in|donat\w+|"
    r"contribut\w+|pac\b|support (prop(osition)?|measure|our)|oppose|endorse\w*|"
    r"democrat\w*|republican\w*|campaign (contributions?|donations?|rally|office|events?)|"
    r"get out the vote|for (city |county |state )?(council|mayor|senate|congress|governor|"
    r"commissioner|sheriff|school board|state house|assembly|president)|alder(man|woman|person)|"
    r"vote [A-Z]\w+ [A-Z]\w+ for)\b"
)


# An organisation electing its own board or officers (a co-op's member-owners, a union local,
# an HOA, a credit union, a student body) is governance, not a public election: Campaign
# Verify covers candidates for public office, parties, PACs and ballot measures. Any public
# office, party, PAC or ballot measure named anywhere still needs the POLITICAL campaign.
_INTERNAL_ELECTION_RE = re.compile(
    r"(?i)\b((board|board of directors|directors?|trustees?|officers?|delegates?|stewards?|"
    r"student (government|council|body)|hoa board|executive board)( seats?)? (elections?|"
    r"ballots?|votes?|voting|candidates?)|(elect|elects|electing|vote for) (\w+ ){0,3}(to )?"
    r"(the |our |its )?(co-?op'?s? |union'?s? |association'?s? |hoa'?s? )?(board|board of "
    r"directors|trustees|officers)|"
    r"member[- ](owners?|elected|ballots?|candidates?|vote|voting|elections?)|"
    r"annual (member(s|ship)? )?meeting|shareholder (votes?|meeting|proxy)|proxy (vote|ballot))\b"
)
_PUBLIC_POLITICS_RE = re.compile(
    r"(?i)\b((city|county|town|state) (council|commission\w*|election|office|ballot|"
    r"representative|senate|house)|congress\w*|senat(e|or)\w*|governor|mayor\w*|"
    r"council ?(member|woman|man|seat|district)|school board|sheriff|legislat(ure|or|ive)\w*|"
    r"state assembly|president\w*|democrat\w*|republican\w*|political part(y|ies)|pac|"
    r"campaign verify|prop(osition)? \w+|ballot (measure|initiative|question)|measure \w+|"
    r"constitutional amendment|referendum|primary election|general election|midterm|"
    r"polling place|precinct|voter registration|register to vote|public elections?)\b"
)


def _only_an_internal_election(c: CampaignContent) -> bool:
    texts = [text for _, text in _content_fields(c)]
    return any(_affirmed(_INTERNAL_ELECTION_RE, t) for t in texts) and not any(
        _affirmed(_PUBLIC_POLITICS_RE, t) for t in texts
    )


def _only_voting_logistics(c: CampaignContent) -> bool:
    texts = [text for _, text in _content_fields(c)]
    # "No candidates or positions are mentioned" says the opposite of advocacy.
    if any(_affirmed(_ADVOCACY_RE, text) for text in texts):
        return False
    return c.brand.vertical != "POLITICAL" and c.brand.entity_type != "SOLE_PROPRIETOR"
