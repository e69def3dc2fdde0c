"""The website and privacy-policy check (W1–W5) against real local web servers."""

import pytest
from django.urls import reverse

from compliance import sitecheck
from compliance.checks import BrandContext, Severity
from compliance.models import Brand, Campaign, SiteCheck
from compliance.services.sitecheck import (
    blocking_site_findings,
    latest_site_checks,
    request_site_check,
)
from compliance.sitecheck import PRIVACY, WEBSITE, Limits, registrable_domain
from tests.domain.local_sites import Reply, elapsed, make_certificates, serve

BRAND = BrandContext(
    display_name="Sweet Crumbs Bakery",
    company_name="Sweet Crumbs Bakery LLC",
    website="https://sweetcrumbs.com",
)
HOME = """<!doctype html><html><head><title>Sweet Crumbs Bakery · Austin</title>
<style>body {{ color: red }}</style><script>var hidden = "casino";</script></head>
<body><h1>Sweet Crumbs Bakery</h1>
<p>Fresh sourdough, croissants and seasonal pies baked every morning in our Austin kitchen
since 2009. Order cakes for birthdays and weddings, visit our cafe on South Congress, or join
our weekly baking classes. Opening hours: Monday to Saturday, 7am to 6pm.</p>
<a href="/privacy">Privacy policy</a> <a href="/terms">Terms</a></body></html>"""
PRIVACY_OK = """<html><head><title>Privacy policy</title></head><body>
<h1>Sweet Crumbs Bakery privacy policy</h1>
<p>We collect your name, email and phone number when you order. We may share order data with
our delivery partners to deliver your order, excluding text messaging originator opt-in data
and consent.</p>
<p>No mobile information will be shared with third parties/affiliates for marketing/promotional
purposes. Text messaging originator opt-in data and consent will not be shared with any third
parties.</p></body></html>"""
PRIVACY_SHARES = """<html><body><h1>Sweet Crumbs Bakery privacy policy</h1>
<p>We collect your name, email and phone number when you order.</p>
<p>We may share your information with our marketing partners.</p></body></html>"""


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    return make_certificates(tmp_path_factory.mktemp("certs"))


@pytest.fixture
def local_limits():
    return Limits(allow_local_hosts=True, connect_seconds=1, total_seconds=2)


def rules_of(report, severity=None):
    return [f.rule for f in report.findings if severity is None or f.severity is severity]


# --- Pure parts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "host, domain",
    [
        ("www.sweetcrumbs.com", "sweetcrumbs.com"),
        ("shop.eu.sweetcrumbs.com", "sweetcrumbs.com"),
        ("sweetcrumbs.co.uk", "sweetcrumbs.co.uk"),
        ("www.sweetcrumbs.co.uk", "sweetcrumbs.co.uk"),
        ("127.0.0.1", "127.0.0.1"),
        ("LOCALHOST.", "localhost"),
    ],
)
def test_registrable_domain(host, domain):
    assert registrable_domain(host) == domain


@pytest.mark.parametrize(
    "sentence",
    [
        "No mobile information will be shared with third parties/affiliates for marketing.",
        "We will never sell, rent or share your phone number.",
        "Text messaging originator opt-in data and consent will not be shared with anyone.",
        "We do not sell or share SMS opt-in data with third parties.",
    ],
)
def test_no_sharing_clause_is_recognised(sentence):
    assert sitecheck.has_no_sharing_clause(f"We bake bread. {sentence} Thanks.")


@pytest.mark.parametrize(
    "sentence",
    [
        "We may share your mobile number with our partners.",
        "Your phone number helps us deliver your order.",
        "We never share your email address.",  # not about mobile or SMS data
    ],
)
def test_text_without_the_clause_is_not_mistaken_for_it(sentence):
    assert not sitecheck.has_no_sharing_clause(sentence)


def test_page_text_leaves_out_scripts_and_styles():
    page = sitecheck.page_from_html("https://x.com/", 200, HOME)
    assert page.title == "Sweet Crumbs Bakery · Austin"
    assert "casino" not in page.text and "color" not in page.text
    assert "Fresh sourdough" in page.text


@pytest.mark.parametrize(
    "html, expected",
    [
        ('<form><input type="password" name="p"><button>Log in</button></form>', "login form"),
        ('<h1>Sweet Crumbs Bakery</h1><form><input name="email"></form>', "only a form"),
        ("<h1>Sweet Crumbs Bakery</h1><p>Coming soon.</p>", "very little text"),
    ],
)
def test_a_login_wall_a_bare_form_or_an_empty_page_is_not_a_business_site(html, expected):
    findings = sitecheck.analyse_website(
        sitecheck.page_from_html("https://a.com/", 200, html), BRAND
    )
    w2 = [f for f in findings if f.rule == "W2"]
    assert w2 and expected in w2[0].message and w2[0].severity is Severity.WARNING


def test_a_social_media_profile_is_not_the_business_site():
    page = sitecheck.page_from_html("https://www.facebook.com/sweetcrumbs", 200, HOME)
    assert "W2" in [f.rule for f in sitecheck.analyse_website(page, BRAND)]


def test_banned_content_on_the_site_is_flagged():
    html = HOME.replace("baking classes", "poker nights with sports betting")
    findings = sitecheck.analyse_website(
        sitecheck.page_from_html("https://a.com/", 200, html), BRAND
    )
    w5 = [f for f in findings if f.rule == "W5"]
    assert w5 and w5[0].severity is Severity.WARNING and "poker" in w5[0].message


def test_a_compliant_home_page_has_no_findings():
    page = sitecheck.page_from_html("https://sweetcrumbs.com/", 200, HOME)
    assert sitecheck.analyse_website(page, BRAND) == []


def test_a_site_that_does_not_show_the_brand_name_gets_w3():
    html = HOME.replace("Sweet Crumbs Bakery", "Our bakery")
    findings = sitecheck.analyse_website(
        sitecheck.page_from_html("https://a.com/", 200, html), BRAND
    )
    assert [(f.rule, f.severity) for f in findings] == [("W3", Severity.WARNING)]


def test_a_privacy_policy_that_does_not_name_the_brand_is_an_error():
    html = PRIVACY_OK.replace("Sweet Crumbs Bakery", "Our")
    page = sitecheck.page_from_html("https://a.com/privacy", 200, html)
    findings = sitecheck.analyse_privacy_policy(page, BRAND)
    assert [(f.rule, f.severity) for f in findings] == [("W4", Severity.ERROR)]
    assert "does not name" in findings[0].message


def test_sharing_with_your_consent_is_flagged():
    html = PRIVACY_OK.replace(
        "</body>", "<p>We share your data with partners with your consent.</p></body>"
    )
    page = sitecheck.page_from_html("https://a.com/privacy", 200, html)
    findings = sitecheck.analyse_privacy_policy(page, BRAND)
    assert [(f.rule, f.severity) for f in findings] == [("W4", Severity.WARNING)]
    assert "with your consent" in findings[0].message


# --- Real servers -------------------------------------------------------------------------


def test_a_good_site_over_trusted_tls_passes(certificates):
    routes = {"/": Reply(HOME), "/privacy": Reply(PRIVACY_OK)}
    with serve(routes, cert=certificates.leaf, key=certificates.leaf_key) as site:
        limits = Limits(ca_file=str(certificates.ca), allow_local_hosts=True)
        website = sitecheck.check(WEBSITE, site.url("/"), BRAND, limits)
        privacy = sitecheck.check(PRIVACY, site.url("/privacy"), BRAND, limits)
    assert website.reachable and website.findings == []
    assert website.final_url == site.url("/")
    assert privacy.reachable and privacy.findings == []


def test_a_privacy_policy_without_the_clause_is_an_error(local_limits):
    with serve({"/privacy": Reply(PRIVACY_SHARES)}) as site:
        report = sitecheck.check(PRIVACY, site.url("/privacy"), BRAND, local_limits)
    assert report.reachable
    assert [(f.rule, f.severity, f.field) for f in report.findings] == [
        ("W4", Severity.ERROR, "privacyPolicyLink"),
        ("W4", Severity.WARNING, "privacyPolicyLink"),
    ]
    assert "never shared" in report.findings[0].message
    assert "marketing partners" in report.findings[1].message


def test_a_self_signed_certificate_is_a_tls_error(certificates):
    with serve(
        {"/": Reply(HOME)}, cert=certificates.self_signed, key=certificates.self_signed_key
    ) as site:
        report = sitecheck.check(WEBSITE, site.url("/"), BRAND, Limits(allow_local_hosts=True))
    assert report.reachable  # the site answered: it is its certificate that is wrong
    [finding] = report.findings
    assert (finding.rule, finding.severity, finding.field) == ("W1", Severity.ERROR, "website")
    assert "TLS certificate is not valid" in finding.message
    assert "self-signed" in finding.message


def test_a_certificate_from_an_unknown_ca_is_a_tls_error(certificates):
    with serve({"/": Reply(HOME)}, cert=certificates.leaf, key=certificates.leaf_key) as site:
        report = sitecheck.check(WEBSITE, site.url("/"), BRAND, Limits(allow_local_hosts=True))
    assert rules_of(report, Severity.ERROR) == ["W1"]
    assert "unable to get local issuer certificate" in report.findings[0].message


def test_a_slow_site_is_a_could_not_check_warning_and_does_not_hang():
    limits = Limits(allow_local_hosts=True, connect_seconds=0.5, total_seconds=0.8)
    with serve({"/": Reply(HOME, delay=30)}) as site:
        report, seconds = elapsed(sitecheck.check, WEBSITE, site.url("/"), BRAND, limits)
    assert seconds < 3
    assert not report.reachable
    [finding] = report.findings
    assert (finding.rule, finding.severity) == ("W1", Severity.WARNING)
    assert finding.message.startswith("Could not check the website")
    assert "does not block" in finding.message


def test_a_redirect_off_the_domain_is_not_followed(local_limits):
    routes = {"/": Reply(status=302, location="http://localhost:{port}/elsewhere")}
    with serve(routes) as site:
        report = sitecheck.check(WEBSITE, site.url("/"), BRAND, local_limits)
    assert site.requests == ["/"]
    [finding] = report.findings
    assert (finding.rule, finding.severity) == ("W1", Severity.ERROR)
    assert "redirects off its domain" in finding.message


def test_a_redirect_within_the_domain_is_followed(local_limits):
    routes = {"/": Reply(status=301, location="/home"), "/home": Reply(HOME)}
    with serve(routes) as site:
        report = sitecheck.check(WEBSITE, site.url("/"), BRAND, local_limits)
    assert site.requests == ["/", "/home"]
    assert report.findings == [] and report.final_url == site.url("/home")


def test_a_redirect_loop_is_an_error(local_limits):
    with serve({"/": Reply(status=302, location="/")}) as site:
        report = sitecheck.check(WEBSITE, site.url("/"), BRAND, local_limits)
    assert rules_of(report, Severity.ERROR) == ["W1"]
    assert len(site.requests) == local_limits.max_redirects + 1


def test_a_missing_page_is_an_error_and_a_server_error_could_not_be_checked(local_limits):
    routes = {"/down": Reply("oops", status=503)}
    with serve(routes) as site:
        missing = sitecheck.check(PRIVACY, site.url("/gone"), BRAND, local_limits)
        down = sitecheck.check(WEBSITE, site.url("/down"), BRAND, local_limits)
    assert [(f.rule, f.severity) for f in missing.findings] == [("W4", Severity.ERROR)]
    assert "HTTP 404" in missing.findings[0].message
    assert not down.reachable
    assert [(f.rule, f.severity) for f in down.findings] == [("W1", Severity.WARNING)]


def test_a_login_wall_is_a_warning(local_limits):
    with serve({"/": Reply("<h1>Sign in</h1>", status=401)}) as site:
        report = sitecheck.check(WEBSITE, site.url("/"), BRAND, local_limits)
    assert [(f.rule, f.severity) for f in report.findings] == [("W2", Severity.WARNING)]


def test_only_the_first_megabyte_is_read(local_limits):
    big = HOME.replace("</body>", "<p>" + "crumb " * 400_000 + "</p></body>")
    with serve({"/": Reply(big)}) as site:
        page = sitecheck.fetch(site.url("/"), local_limits)
    assert page.truncated
    assert len(page.text) <= local_limits.max_bytes


def test_local_addresses_are_refused_outside_tests():
    with serve({"/": Reply(HOME)}) as site:
        report = sitecheck.check(WEBSITE, site.url("/"), BRAND, Limits())
    assert site.requests == []
    [finding] = report.findings
    assert (finding.rule, finding.severity) == ("W1", Severity.ERROR)
    assert "private network address" in finding.message


def test_plain_http_is_upgraded_to_https_outside_tests():
    assert sitecheck.normalise_url("http://sweetcrumbs.com", Limits()) == "https://sweetcrumbs.com/"
    assert sitecheck.normalise_url("sweetcrumbs.com/a", Limits()) == "https://sweetcrumbs.com/a"


def test_an_unresolvable_host_could_not_be_checked_quickly():
    report, seconds = elapsed(
        sitecheck.check, WEBSITE, "https://no-such-host.invalid/", BRAND, Limits(total_seconds=2)
    )
    assert seconds < 4
    assert not report.reachable and rules_of(report, Severity.WARNING) == ["W1"]


# --- Task, service and the results partial ---------------------------------------------------


@pytest.fixture
def site_settings(settings):
    settings.SITECHECK_ALLOW_LOCAL_HOSTS = True
    settings.SITECHECK_CONNECT_SECONDS = 1
    settings.SITECHECK_TOTAL_SECONDS = 2
    return settings


@pytest.fixture
def brand(organisation, owner):
    return Brand.objects.create(
        organisation=organisation,
        created_by=owner,
        display_name="Sweet Crumbs Bakery",
        company_name="Sweet Crumbs Bakery LLC",
    )


def test_request_site_check_runs_the_task_and_stores_findings(site_settings, brand):
    routes = {"/": Reply(HOME), "/privacy": Reply(PRIVACY_SHARES)}
    with serve(routes) as site:
        brand.website = site.url("/")
        brand.save()
        campaign = Campaign.objects.create(
            organisation=brand.organisation, brand=brand, privacy_policy_link=site.url("/privacy")
        )
        checks = request_site_check(campaign=campaign)
    assert [(c.kind, c.status) for c in checks] == [("website", "done"), ("privacy", "done")]
    website, privacy = checks
    assert website.campaign is None and website.findings == [] and website.checked_at
    assert privacy.campaign == campaign
    assert [f["rule"] for f in privacy.errors] == ["W4"]
    assert latest_site_checks(campaign=campaign) == [website, privacy]
    assert latest_site_checks(brand=brand) == [website]
    assert [f["rule"] for f in blocking_site_findings(campaign=campaign)] == ["W4"]
    assert blocking_site_findings(brand=brand) == []


def test_an_offline_site_never_blocks(site_settings, brand):
    brand.website = "https://no-such-host.invalid/"
    brand.save()
    site_settings.SITECHECK_ALLOW_LOCAL_HOSTS = False
    [check] = request_site_check(brand=brand)
    assert check.status == SiteCheck.Status.UNREACHABLE
    assert [f["severity"] for f in check.findings] == ["warning"]
    assert blocking_site_findings(brand=brand) == []


def test_a_running_check_of_the_same_page_is_not_duplicated(brand):
    brand.website = "https://sweetcrumbs.com/"
    brand.save()
    running = SiteCheck.objects.create(
        organisation=brand.organisation, brand=brand, kind="website", url=brand.website
    )
    assert request_site_check(brand=brand) == [running]
    assert SiteCheck.objects.count() == 1


def test_an_unchanged_address_keeps_its_latest_check_until_asked_again(site_settings, brand):
    with serve({"/": Reply(HOME), "/other": Reply(HOME)}) as site:
        brand.website = site.url("/")
        brand.save()
        [first] = request_site_check(brand=brand)
        assert request_site_check(brand=brand) == [first]  # a wizard save, same address
        [again] = request_site_check(brand=brand, again=True)  # "check again", a submission
        brand.website = site.url("/other")
        brand.save()
        [moved] = request_site_check(brand=brand)  # a new address is checked at once
    assert len({first.pk, again.pk, moved.pk}) == 3
    assert [c.status for c in (first, again, moved)] == ["done"] * 3
    assert latest_site_checks(brand=brand) == [moved]


def test_a_wizard_save_that_leaves_the_website_alone_starts_no_check(owner_client, brand):
    brand.entity_type = "PRIVATE_PROFIT"
    brand.save()
    url = reverse("brand_wizard_step", args=[brand.public_id, "contact"])
    contact = {
        "street": "1 Main St",
        "state": "IL",
        "postal_code": "60601",
        "country": "US",
        "phone": "+13125550001",
        "email": "hello@sweetcrumbs.com",
        "website": "https://sweetcrumbs.invalid/",  # never resolves: the check ends at once
    }
    for city in ("Chicago", "Evanston", "Oak Park"):
        response = owner_client.post(url, {**contact, "city": city})
        assert response.status_code == 302, response.content.decode()
    brand.refresh_from_db()
    assert brand.city == "Oak Park"
    assert SiteCheck.objects.filter(brand=brand).count() == 1


def test_the_results_partial_polls_while_running_and_stops_when_done(owner_client, brand):
    brand.website = "https://sweetcrumbs.com/"
    brand.save()
    check = SiteCheck.objects.create(
        organisation=brand.organisation, brand=brand, kind="website", url=brand.website
    )
    url = reverse("site_check_brand", args=[brand.public_id])
    response = owner_client.get(url, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'hx-trigger="every 2s"' in html and "Checking" in html
    assert "<html" not in html  # the fragment only
    SiteCheck.objects.filter(pk=check.pk).update(
        status="done",
        findings=[
            {
                "rule": "W3",
                "field": "website",
                "severity": "warning",
                "message": "The website does not show the name “Sweet Crumbs Bakery”.",
                "fix": "Show the brand name.",
            }
        ],
    )
    html = owner_client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert "every 2s" not in html
    assert "W3" in html and "does not show the name" in html


def test_check_now_starts_a_check_and_works_without_javascript(owner_client, site_settings, brand):
    with serve({"/": Reply(HOME)}) as site:
        brand.website = site.url("/")
        brand.save()
        run = reverse("site_check_brand_run", args=[brand.public_id])
        response = owner_client.post(run, {"next": "/brands/"})
    assert response.status_code == 302 and response["Location"] == "/brands/"
    assert SiteCheck.objects.get(brand=brand).status == "done"
    page = owner_client.get(reverse("site_check_brand", args=[brand.public_id]))
    assert "<html" in page.content.decode() and "No problems found" in page.content.decode()


def test_check_now_ignores_an_offsite_next(owner_client, brand):
    run = reverse("site_check_brand_run", args=[brand.public_id])
    response = owner_client.post(run, {"next": "https://evil.example/"})
    assert response["Location"] == reverse("site_check_brand", args=[brand.public_id])


def test_the_campaign_panel_shows_both_pages(owner_client, site_settings, brand):
    routes = {"/": Reply(HOME), "/privacy": Reply(PRIVACY_OK)}
    with serve(routes) as site:
        brand.website = site.url("/")
        brand.save()
        campaign = Campaign.objects.create(
            organisation=brand.organisation, brand=brand, privacy_policy_link=site.url("/privacy")
        )
        run = reverse("site_check_campaign_run", args=[campaign.public_id])
        html = owner_client.post(run, headers={"HX-Request": "true"}).content.decode()
    assert "Website" in html and "Privacy policy" in html
    assert html.count("No problems found") == 2


def test_another_organisation_cannot_see_or_run_checks(outsider_client, brand):
    campaign = Campaign.objects.create(organisation=brand.organisation, brand=brand)
    for name, obj in (("site_check_brand", brand), ("site_check_campaign", campaign)):
        assert outsider_client.get(reverse(name, args=[obj.public_id])).status_code == 404
        assert outsider_client.post(reverse(f"{name}_run", args=[obj.public_id])).status_code == 404
    assert not SiteCheck.objects.exists()


def test_the_panel_needs_a_login(client, brand):
    response = client.get(reverse("site_check_brand", args=[brand.public_id]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
