"""Regression tests for the outside tester's finding 7 (issue 20): the site check's guard
against server-side request forgery.

The guard resolved the name, then httpx resolved it again to connect (DNS rebinding reached
127.0.0.1); NAT64 and IPv4-compatible addresses passed the guard; the distinct messages for a
refused port, a bad certificate and a timeout made it a port scanner; nothing limited how many
checks (3–8 s of fetching each) one organisation could start.
"""

import ipaddress
import socket

import pytest

from compliance import sitecheck
from compliance.checks import BrandContext, Severity
from compliance.models import Brand, Campaign, SiteCheck
from compliance.services.sitecheck import blocking_site_findings, request_site_check
from compliance.sitecheck import WEBSITE, Limits
from tests.domain.local_sites import Reply, make_certificates, serve
from tests.factories import organisation_of

BRAND = BrandContext(display_name="Sweet Crumbs Bakery", company_name="Sweet Crumbs Bakery LLC")
PUBLIC = "93.184.215.14"  # an address of the public internet (never connected to here)
HOME = "<title>Sweet Crumbs Bakery</title><h1>Sweet Crumbs Bakery</h1>" + "<p>bread</p>" * 40


class RebindingDns:
    """A resolver that answers `first` for `name` once and `then` ever after; any other name
    resolves as usual. Counts the lookups of `name`."""

    def __init__(self, monkeypatch, name: str, first: str, then: str = "127.0.0.1"):
        self.name, self.first, self.then, self.lookups = name, first, then, 0
        real = socket.getaddrinfo

        def getaddrinfo(host, port, *args, **kwargs):
            if host != self.name:
                return real(host, port, *args, **kwargs)
            self.lookups += 1
            address = self.first if self.lookups == 1 else self.then
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            return [(family, socket.SOCK_STREAM, 6, "", (address, port or 443))]

        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture
def connections(monkeypatch) -> list:
    """Every address a connection was opened to; each one refused (nothing leaves the box)."""
    opened: list = []

    def create_connection(address, *args, **kwargs):
        opened.append(address[0])
        raise ConnectionRefusedError("refused by the test")

    monkeypatch.setattr(socket, "create_connection", create_connection)
    return opened


def test_finding7_dns_rebinding_cannot_reach_loopback_the_checked_address_is_pinned(
    monkeypatch, connections
):
    dns = RebindingDns(monkeypatch, "rebind.example", first=PUBLIC, then="127.0.0.1")

    report = sitecheck.check(WEBSITE, "https://rebind.example/", BRAND, Limits(total_seconds=2))

    assert dns.lookups == 1  # resolved once: checked and connected to the same answer
    assert connections == [PUBLIC]
    assert "127.0.0.1" not in connections
    assert not report.reachable  # (the test refused the connection)


def test_finding7_the_pinned_fetch_keeps_the_name_for_the_host_and_the_certificate(
    monkeypatch, tmp_path
):
    certificates = make_certificates(tmp_path)
    dns = RebindingDns(monkeypatch, "localhost", first="127.0.0.1", then="192.0.2.1")
    limits = Limits(
        allow_local_hosts=True, connect_seconds=1, total_seconds=3, ca_file=str(certificates.ca)
    )
    with serve({"/": Reply(HOME)}, cert=certificates.leaf, key=certificates.leaf_key) as site:
        report = sitecheck.check(WEBSITE, site.url("/", host="localhost"), BRAND, limits)

    assert dns.lookups == 1
    assert report.reachable and report.findings == []
    assert report.final_url.startswith("https://localhost:")


@pytest.mark.parametrize(
    "address",
    [
        "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "64:ff9b:1::7f00:1",  # local-use NAT64
        "::127.0.0.1",  # IPv4-compatible
        "::ffff:127.0.0.1",  # IPv4-mapped
        "::ffff:93.184.215.14",  # IPv4-mapped, even of a public address
        "2002:7f00:1::1",  # 6to4 of 127.0.0.1
        "::1",
        "fe80::1",
        "fc00::1",
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # carrier-grade NAT
        "0.0.0.0",  # noqa: S104 (an address to refuse, not to bind)
        "224.0.0.1",
    ],
)
def test_finding7_private_loopback_link_local_nat64_and_ipv4_mapped_addresses_are_refused(
    address, monkeypatch, connections
):
    RebindingDns(monkeypatch, "inside.example", first=address, then=address)

    for url in ("https://inside.example/", f"https://[{address}]/" if ":" in address else None):
        if url is None:
            continue
        report = sitecheck.check(WEBSITE, url, BRAND, Limits(total_seconds=2))
        [finding] = report.findings
        assert (finding.rule, finding.severity) == ("W1", Severity.ERROR)
        assert "private network address" in finding.message
        if "inside.example" in url:
            assert address not in finding.message  # what the name resolved to is not revealed
    assert connections == []


def test_finding7_is_public_address_refuses_what_embeds_or_reaches_a_private_address():
    for address in ("64:ff9b::7f00:1", "::127.0.0.1", "::ffff:8.8.8.8", "2001::1", "::1"):
        assert not sitecheck.is_public_address(ipaddress.ip_address(address))


def test_finding7_public_addresses_still_pass():
    for address in (PUBLIC, "2606:2800:220:1:248:1893:25c8:1946", "8.8.8.8"):
        assert sitecheck.is_public_address(ipaddress.ip_address(address))


def test_finding7_a_port_other_than_https_is_refused_so_the_check_is_no_port_scanner(
    monkeypatch, connections
):
    RebindingDns(monkeypatch, "scan.example", first=PUBLIC, then=PUBLIC)
    for port in (22, 25, 6379, 8443):
        report = sitecheck.check(
            WEBSITE, f"https://scan.example:{port}/", BRAND, Limits(total_seconds=2)
        )
        [finding] = report.findings
        assert finding.severity == Severity.ERROR and f"port {port}" in finding.message
    assert connections == []  # nothing was probed


# -- the per-organisation limit ------------------------------------------------------------------
@pytest.fixture
def brand(organisation, owner, settings):
    settings.SITECHECK_PER_ORGANISATION_PER_HOUR = 3
    return Brand.objects.create(
        organisation=organisation,
        created_by=owner,
        display_name="Sweet Crumbs Bakery",
        website="https://no-such-host.invalid/",
    )


@pytest.mark.django_db
def test_finding7_site_checks_are_limited_per_organisation_with_a_plain_words_message(brand):
    for _ in range(3):
        [check] = request_site_check(brand=brand, again=True)
        assert check.status == SiteCheck.Status.UNREACHABLE  # it ran

    [limited] = request_site_check(brand=brand, again=True)

    assert limited.status == SiteCheck.Status.LIMITED
    [finding] = limited.findings
    assert finding["severity"] == "warning"
    assert "already run 3 website checks in the last hour" in finding["message"]
    assert "Check again in about 60 minutes" in finding["fix"]
    assert SiteCheck.objects.exclude(status=SiteCheck.Status.LIMITED).count() == 3


@pytest.mark.django_db
def test_finding7_the_limit_is_per_organisation_not_site_wide(brand, outsider):
    for _ in range(4):
        request_site_check(brand=brand, again=True)
    theirs = Brand.objects.create(
        organisation=organisation_of(outsider),
        display_name="Other",
        website="https://no-such-host.invalid/",
    )

    [check] = request_site_check(brand=theirs, again=True)

    assert check.status == SiteCheck.Status.UNREACHABLE


@pytest.mark.django_db
def test_finding7_a_check_over_the_limit_does_not_hide_an_error_from_the_submit_guard(brand):
    campaign = Campaign.objects.create(organisation=brand.organisation, brand=brand)
    error = {"rule": "W1", "field": "website", "severity": "error", "message": "m", "fix": "f"}
    for _ in range(3):
        SiteCheck.objects.create(
            organisation=brand.organisation,
            brand=brand,
            kind="website",
            url=brand.website,
            status=SiteCheck.Status.DONE,
            findings=[error],
        )

    [limited] = request_site_check(campaign=campaign, again=True)

    assert limited.status == SiteCheck.Status.LIMITED
    assert blocking_site_findings(brand=brand) == [error]
