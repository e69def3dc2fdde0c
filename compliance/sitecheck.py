"""Website and privacy-policy check: RULES.md W1–W5, before a brand or campaign is submitted.

Carriers load the brand's website and its privacy policy and reject a campaign when the site
is broken, insecure, leaves its domain, does not name the brand, or the policy lacks the
"mobile information is never shared" clause. This module fetches those two pages and turns
what it finds into `compliance.checks.Finding`s with rule ids W1–W5.

This is the one module besides compliance/telnyx/ that imports httpx: it talks to the
customer's own web server, not to Telnyx, so the Telnyx client (retries, auth, error mapping)
does not fit. Every request here is bounded:

- timeouts: connect 3 s, the whole check (redirects and body included) about 8 s;
- size: the body is streamed and read up to 1 MB, the rest is ignored;
- redirects: followed by hand, at most 5, and only within the same registrable domain (an
  off-domain redirect is reported, not followed); an https page never falls back to http;
- TLS: verified against certifi's roots (a bad certificate is a finding);
- addresses: only public ones; a host that resolves to a loopback, private, link-local,
  NAT64 (64:ff9b::/96), IPv4-mapped or IPv4-compatible address is refused (server-side
  request forgery), without saying which address it resolved to;
- DNS rebinding: the name is resolved once per hop and the connection goes to the address
  that was checked (the name still in the Host header, SNI and certificate check), so a
  second, different answer from DNS is never used;
- ports: only the standard https port (an address with another port would make the check a
  port scanner). `http://` is upgraded to `https://`.

An unreachable site (DNS failure, refused connection, timeout, 5xx) is a "could not check"
WARNING, never a block and never a hang. Tests point it at local servers with two settings
that production never sets: SITECHECK_ALLOW_LOCAL_HOSTS (allow loopback/private addresses and
plain http to them) and SITECHECK_CA_FILE (trust a test CA).

Pure parts (`analyse_website`, `analyse_privacy_policy`, `registrable_domain`, `page_from_html`)
take and return plain values; `check` is the one entry point that does I/O.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit, urlunsplit

import certifi
import httpx
from django.conf import settings

# The checks engine's own vocabulary and brand matching, so a site is judged by the same
# words as the campaign text.
from compliance.checks import AGE_GATED_RE as AGE_GATED_WORDS
from compliance.checks import BANNED_RE as BANNED_WORDS
from compliance.checks import SITE, BrandContext, Finding, Severity, names_brand
from compliance.checks.engine import REGISTRY

WEBSITE, PRIVACY = "website", "privacy"
FIELDS = {WEBSITE: "website", PRIVACY: "privacyPolicyLink"}
USER_AGENT = "Tendlc-SiteCheck/1.0 (10DLC compliance pre-check)"

# The website rules (W*) are in the catalogue with the others (compliance/checks/rules.toml).
SITE_RULES = {rule.id: rule for rule in REGISTRY.values() if rule.scope == SITE}

# Hosts that are a profile on someone else's platform, not the business's own site (W2).
SOCIAL_DOMAINS = frozenset(
    {
        "facebook.com",
        "fb.com",
        "instagram.com",
        "linkedin.com",
        "twitter.com",
        "x.com",
        "tiktok.com",
        "youtube.com",
        "pinterest.com",
        "yelp.com",
        "linktr.ee",
        "linktree.com",
        "beacons.ai",
        "carrd.co",
        "nextdoor.com",
        "etsy.com",
        "google.com",
        "business.site",
        "wa.me",
        "t.me",
    }
)
# Second-level labels under which registrations happen (example.co.uk): a compact stand-in
# for the public suffix list, which is not a dependency of this project.
_MULTI_PART_SUFFIXES = frozenset(
    f"{second}.{tld}"
    for tld in ("uk", "au", "nz", "jp", "br", "mx", "in", "za", "kr", "ar", "tr", "sg", "hk")
    for second in ("co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "gob", "gen")
)


def registrable_domain(host: str) -> str:
    """The domain a redirect must stay within: example.com for www.shop.example.com,
    example.co.uk for a.example.co.uk; an IP address is its own domain."""
    host = (host or "").strip().lower().rstrip(".")
    try:
        ipaddress.ip_address(host.strip("[]"))
        return host
    except ValueError:
        pass
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and ".".join(labels[-2:]) in _MULTI_PART_SUFFIXES else 2
    return ".".join(labels[-keep:])


# --- Reading a page --------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    """What a fetched page shows a reviewer: its visible text and a few structural facts."""

    url: str
    status: int
    content_type: str = "text/html"
    title: str = ""
    text: str = ""
    has_form: bool = False
    has_password_field: bool = False
    truncated: bool = False

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    @property
    def readable(self) -> bool:
        return self.content_type in ("text/html", "application/xhtml+xml", "text/plain", "")


class _TextExtractor(HTMLParser):
    _SKIP = {"script", "style", "noscript", "template", "svg"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.skip_depth = 0
        self.in_title = False
        self.has_form = False
        self.has_password_field = False

    def handle_starttag(self, tag, attrs):
        if tag in self._SKIP:
            self.skip_depth += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "form":
            self.has_form = True
        elif tag == "input" and (dict(attrs).get("type") or "").lower() == "password":
            self.has_password_field = True
        if tag in self._BLOCK:
            self.parts.append(". ")

    def handle_endtag(self, tag):
        if tag in self._SKIP and self.skip_depth:
            self.skip_depth -= 1
        elif tag == "title":
            self.in_title = False
        if tag in self._BLOCK:
            self.parts.append(". ")

    def handle_data(self, data):
        if self.skip_depth:
            return
        (self.title_parts if self.in_title else self.parts).append(data)


def page_from_html(url: str, status: int, body: str, *, content_type="text/html", truncated=False):
    """Parse an HTML (or plain-text) body into a Page."""
    if content_type == "text/plain":
        return Page(url, status, content_type, text=" ".join(body.split()), truncated=truncated)
    parser = _TextExtractor()
    parser.feed(body)
    parser.close()
    text = " ".join("".join(parser.parts).split())
    text = re.sub(r"(\.\s*){2,}", ". ", text).strip(". ")
    return Page(
        url=url,
        status=status,
        content_type=content_type,
        title=" ".join("".join(parser.title_parts).split()),
        text=text,
        has_form=parser.has_form,
        has_password_field=parser.has_password_field,
        truncated=truncated,
    )


# --- Analysis (pure) -------------------------------------------------------------------------


def _finding(rule_id: str, kind: str, message: str, severity: Severity | None = None) -> Finding:
    r = SITE_RULES[rule_id]
    return Finding(r.id, FIELDS[kind], severity or r.severity, message, r.fix)


def could_not_check(kind: str, url: str, reason: str) -> Finding:
    what = "the website" if kind == WEBSITE else "the privacy policy"
    return _finding(
        "W1" if kind == WEBSITE else "W4",
        kind,
        f"Could not check {what} at {url}: {reason}. This does not block submission, but "
        "carriers load the page too: make sure it is online.",
        Severity.WARNING,
    )


def _status_findings(page: Page, kind: str) -> list[Finding]:
    what = "The website" if kind == WEBSITE else "The privacy policy"
    if kind == WEBSITE and page.status in (401, 403, 407):
        return [
            _finding(
                "W2",
                kind,
                f"{what} answered HTTP {page.status}: it asks for a login or refuses visitors, "
                "so reviewers cannot see it.",
            )
        ]
    if 400 <= page.status < 500:
        return [
            _finding(
                "W1" if kind == WEBSITE else "W4",
                kind,
                f"{what} answered HTTP {page.status} at {page.url}: reviewers see an error page.",
                Severity.ERROR,
            )
        ]
    return []


def _banned_findings(page: Page) -> list[Finding]:
    findings = []
    text = f"{page.title} {page.text}"
    banned = BANNED_WORDS.search(text)
    if banned:
        findings.append(
            _finding(
                "W5",
                WEBSITE,
                f"The website mentions “{banned.group(0)}”, content carriers do not allow.",
            )
        )
    age_gated = AGE_GATED_WORDS.search(text)
    if age_gated:
        findings.append(
            _finding(
                "W5",
                WEBSITE,
                f"The website mentions “{age_gated.group(0)}”: age-restricted content needs an "
                "age-gated campaign.",
                Severity.INFO,
            )
        )
    return findings


def analyse_website(page: Page, brand: BrandContext) -> list[Finding]:
    """W2, W3 and W5 findings for a fetched home page (W1 is about fetching it)."""
    findings = _status_findings(page, WEBSITE)
    if findings or page.status >= 400:
        return findings
    host = urlsplit(page.url).hostname or ""
    if registrable_domain(host) in SOCIAL_DOMAINS:
        findings.append(
            _finding(
                "W2",
                WEBSITE,
                f"{host} is a social-media or link page, not the business's own website.",
            )
        )
    if not page.readable:
        return [
            *findings,
            _finding("W2", WEBSITE, f"The website address serves {page.content_type}, not a page."),
        ]
    if page.has_password_field and page.word_count < 150:
        findings.append(_finding("W2", WEBSITE, "The website shows a login form, not content."))
    elif page.has_form and page.word_count < 60:
        findings.append(_finding("W2", WEBSITE, "The website shows only a form, no content."))
    elif page.word_count < 30:
        findings.append(
            _finding("W2", WEBSITE, f"The website has very little text ({page.word_count} words).")
        )
    if not names_brand(f"{page.title} {page.text}", brand):
        name = brand.display_name or brand.company_name
        findings.append(_finding("W3", WEBSITE, f"The website does not show the name “{name}”."))
    return findings + _banned_findings(page)


_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+")
_MOBILE_RE = re.compile(
    r"(?i)\b(mobile|phone|cell(ular)?|sms|text(ing)?( messag\w*)?|opt[- ]?in|originator)\b"
)
_NEGATION_RE = re.compile(r"(?i)\b(not|never|no|won't|will not|do not|don't|neither|nor)\b")
_SHARE_RE = re.compile(
    r"(?i)\b(shar(e|ed|es|ing)|s(ell|old|elling)|rent(ed|s|ing)?|disclos\w+|transfer\w*)\b"
)
_THIRD_PARTY_RE = re.compile(
    r"(?i)\b(third[- ]part(y|ies)|partners?|affiliates?|sponsors?|vendors?|advertisers?|"
    r"other (companies|businesses))\b"
)
_CONSENT_SHARE_RE = re.compile(r"(?i)\bwith your (consent|permission)\b")
_EXCLUSION_RE = re.compile(r"(?i)\b(exclud\w+|except\w*|other than)\b")


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_RE.split(text) if s]


def has_no_sharing_clause(text: str) -> bool:
    """A sentence says mobile/SMS opt-in information is not shared, sold or rented."""
    return any(
        _MOBILE_RE.search(s) and _NEGATION_RE.search(s) and _SHARE_RE.search(s)
        for s in _sentences(text)
    )


def analyse_privacy_policy(page: Page, brand: BrandContext) -> list[Finding]:
    """W4 findings for a fetched privacy policy."""
    findings = _status_findings(page, PRIVACY)
    if findings or page.status >= 400:
        return findings
    if not page.readable:
        return [
            _finding(
                "W4",
                PRIVACY,
                f"The privacy policy is served as {page.content_type}; publish it as a web page "
                "so reviewers (and this check) can read it.",
                Severity.WARNING,
            )
        ]
    text = f"{page.title}. {page.text}"
    if not names_brand(text, brand):
        name = brand.display_name or brand.company_name
        findings.append(_finding("W4", PRIVACY, f"The privacy policy does not name “{name}”."))
    if not has_no_sharing_clause(text):
        findings.append(
            _finding(
                "W4",
                PRIVACY,
                "The privacy policy does not say that mobile information and SMS opt-in data "
                "are never shared with third parties.",
            )
        )
    for sentence in _sentences(text):
        if not (_SHARE_RE.search(sentence) and _THIRD_PARTY_RE.search(sentence)):
            continue
        if _NEGATION_RE.search(sentence) or _EXCLUSION_RE.search(sentence):
            continue
        consent = _CONSENT_SHARE_RE.search(sentence)
        quoted = sentence if len(sentence) <= 120 else sentence[:117] + "…"
        findings.append(
            _finding(
                "W4",
                PRIVACY,
                (
                    f"The policy shares data “{consent.group(0)}”, which carriers read as "
                    f"sharing opt-in data: “{quoted}”"
                    if consent
                    else f"The policy says data is shared with others: “{quoted}”. Exclude "
                    "mobile and SMS opt-in data explicitly."
                ),
                Severity.WARNING,
            )
        )
        break
    return findings


# --- Fetching --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Limits:
    connect_seconds: float = 3.0
    total_seconds: float = 8.0
    max_bytes: int = 1_000_000
    max_redirects: int = 5
    allow_local_hosts: bool = False  # tests only: loopback/private addresses and plain http
    ca_file: str | None = None  # tests only: trust this CA instead of certifi's roots

    @classmethod
    def from_settings(cls) -> Limits:
        return cls(
            connect_seconds=float(getattr(settings, "SITECHECK_CONNECT_SECONDS", 3.0)),
            total_seconds=float(getattr(settings, "SITECHECK_TOTAL_SECONDS", 8.0)),
            max_bytes=int(getattr(settings, "SITECHECK_MAX_BYTES", 1_000_000)),
            allow_local_hosts=bool(getattr(settings, "SITECHECK_ALLOW_LOCAL_HOSTS", False)),
            ca_file=getattr(settings, "SITECHECK_CA_FILE", None),
        )


class SiteProblem(Exception):
    """The page could not be read. `unreachable` problems (DNS, connection, timeout, 5xx)
    become a "could not check" warning; the others (bad TLS, off-domain or insecure redirect,
    private address, redirect loop) are the site's fault and become W1/W4 errors."""

    def __init__(self, reason: str, *, unreachable: bool):
        super().__init__(reason)
        self.reason = reason
        self.unreachable = unreachable


def _unreachable(reason: str) -> SiteProblem:
    return SiteProblem(reason, unreachable=True)


def _refused(reason: str) -> SiteProblem:
    return SiteProblem(reason, unreachable=False)


def normalise_url(url: str, limits: Limits) -> str:
    """https:// in front of a bare domain; http:// upgraded unless local hosts are allowed."""
    url = url.strip()
    if "://" not in url:
        url = "https://" + url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _refused(f"“{url}” is not a web address")
    if parts.scheme == "http" and not limits.allow_local_hosts:
        parts = parts._replace(scheme="https")
    return urlunsplit(parts._replace(path=parts.path or "/"))


def _resolve(host: str, port: int, timeout: float) -> list[str]:
    """getaddrinfo in a daemon thread, so a stuck resolver cannot outlast the deadline."""
    result: dict = {}

    def run():
        try:
            result["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            result["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise _unreachable(f"the name {host} did not resolve within {timeout:.0f} seconds")
    if "error" in result:
        raise _unreachable(f"the name {host} does not resolve")
    return [info[4][0] for info in result["infos"]]


# IPv6 ranges that carry an IPv4 address (or are not addresses of the internet at all), which
# `is_global` lets through: NAT64 (well-known and local-use prefixes), IPv4-mapped and the
# deprecated IPv4-compatible ::a.b.c.d, 6to4 and Teredo.
_EMBEDS_IPV4 = tuple(
    ipaddress.IPv6Network(network)
    for network in ("64:ff9b::/96", "64:ff9b:1::/48", "::ffff:0:0/96", "::/96", "2002::/16",
                    "2001::/32")
)  # fmt: skip


def is_public_address(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """An address of the public internet, and nothing that reaches a private one."""
    if isinstance(ip, ipaddress.IPv6Address) and any(ip in net for net in _EMBEDS_IPV4):
        return False
    return ip.is_global and not ip.is_multicast


@dataclass(frozen=True)
class Pinned:
    """Where one hop connects: the checked address, with the name kept for the server."""

    url: str  # the address with the IP in place of the name
    headers: dict[str, str]
    extensions: dict[str, str]


def _pin(url: str, limits: Limits, timeout: float) -> Pinned:
    """Resolve the name once, refuse addresses that are not on the public internet (unless
    tests allow them) and other ports than https's, and connect to the address checked."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    addresses = [
        ipaddress.ip_address(address.split("%")[0])
        for address in _resolve(host, parts.port or 443, timeout)
    ]
    if not limits.allow_local_hosts:
        if not addresses or not all(is_public_address(ip) for ip in addresses):
            raise _refused(f"{host} points to a private network address, not a public website")
        if parts.port not in (None, 443):
            raise _refused(f"it uses port {parts.port}; a website must be on the https port")
    target = httpx.URL(url)
    pinned = target.copy_with(host=str(addresses[0]))
    extensions = {}
    if _is_name(host):
        extensions["sni_hostname"] = host  # the certificate is checked against the name
    return Pinned(str(pinned), {"Host": target.netloc.decode("ascii")}, extensions)


def _is_name(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return True
    return False


def _tls_reason(exc: BaseException) -> str | None:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return seen.verify_message or "certificate verification failed"
        if isinstance(seen, ssl.SSLError):
            return seen.reason or "TLS handshake failed"
        seen = seen.__cause__ or seen.__context__
    return None


def _ssl_context(limits: Limits) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=limits.ca_file or certifi.where())


def _content_type(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip().lower()


def fetch(url: str, limits: Limits) -> Page:
    """GET the page within the limits, following same-domain redirects by hand."""
    deadline = time.monotonic() + limits.total_seconds
    url = normalise_url(url, limits)
    home = registrable_domain(urlsplit(url).hostname or "")

    def remaining() -> float:
        left = deadline - time.monotonic()
        if left <= 0:
            raise _unreachable(f"no answer within {limits.total_seconds:g} seconds")
        return left

    with httpx.Client(
        verify=_ssl_context(limits),
        follow_redirects=False,
        headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"},
        trust_env=False,
    ) as client:
        for _ in range(limits.max_redirects + 1):
            pinned = _pin(url, limits, min(limits.connect_seconds, remaining()))
            left = remaining()
            timeout = httpx.Timeout(left, connect=min(limits.connect_seconds, left))
            try:
                with client.stream(
                    "GET",
                    pinned.url,
                    headers=pinned.headers,
                    extensions=pinned.extensions,
                    timeout=timeout,
                ) as response:
                    if response.is_redirect:
                        url = _next_hop(url, response, home, limits)
                        continue
                    return _read(url, response, limits, remaining)
            except httpx.TimeoutException as exc:
                raise _unreachable(f"no answer within {limits.total_seconds:g} seconds") from exc
            except httpx.TransportError as exc:
                tls = _tls_reason(exc)
                if tls:
                    raise _refused(f"its TLS certificate is not valid ({tls})") from exc
                raise _unreachable("the connection failed") from exc
    raise _refused(f"it redirects more than {limits.max_redirects} times")


def _next_hop(url: str, response: httpx.Response, home: str, limits: Limits) -> str:
    location = response.headers.get("location", "")
    target = urljoin(url, location)
    parts = urlsplit(target)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _refused(f"it redirects to “{location}”, which is not a web address")
    if registrable_domain(parts.hostname) != home:
        raise _refused(f"it redirects off its domain, to {target}")
    if urlsplit(url).scheme == "https" and parts.scheme == "http" and not limits.allow_local_hosts:
        raise _refused(f"it redirects from https to an insecure address, {target}")
    return target


def _read(url: str, response: httpx.Response, limits: Limits, remaining) -> Page:
    content_type = _content_type(response)
    if response.status_code >= 500:
        raise _unreachable(f"the server answered HTTP {response.status_code}")
    body, truncated = bytearray(), False
    if content_type in ("text/html", "application/xhtml+xml", "text/plain", ""):
        for chunk in response.iter_bytes():
            body += chunk
            remaining()
            if len(body) >= limits.max_bytes:
                del body[limits.max_bytes :]
                truncated = True
                break
    text = bytes(body).decode(response.encoding or "utf-8", errors="replace")
    return page_from_html(
        url, response.status_code, text, content_type=content_type, truncated=truncated
    )


# --- The check -------------------------------------------------------------------------------


@dataclass
class SiteReport:
    kind: str
    url: str
    reachable: bool = True
    final_url: str = ""
    findings: list[Finding] = field(default_factory=list)


def check(kind: str, url: str, brand: BrandContext, limits: Limits | None = None) -> SiteReport:
    """Fetch the brand website (kind WEBSITE) or privacy policy (PRIVACY) and judge it."""
    limits = limits or Limits.from_settings()
    report = SiteReport(kind, url)
    if not url.strip():
        report.reachable = False
        report.findings = [could_not_check(kind, "(none)", "no address was entered")]
        return report
    try:
        page = fetch(url, limits)
    except SiteProblem as problem:
        report.reachable = not problem.unreachable
        if problem.unreachable:
            report.findings = [could_not_check(kind, url, problem.reason)]
        elif kind == WEBSITE:
            report.findings = [_finding("W1", kind, f"The website {url} fails: {problem.reason}.")]
        else:
            report.findings = [
                _finding("W4", kind, f"The privacy policy {url} fails: {problem.reason}.")
            ]
        return report
    report.final_url = page.url
    analyse = analyse_website if kind == WEBSITE else analyse_privacy_policy
    report.findings = analyse(page, brand)
    return report
