"""A parent finds a school, reads its notice, downloads the PDF and sees what changed."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from clauses.models import Clause, ClauseVersion, ClauseVersionTranslation
from clauses.services import clause_version_publish, clause_version_start_draft
from notices.models import NoticeType, NoticeTypeClause, NoticeTypeTranslation, SchoolNotice
from notices.publishing.batch import notices_publish, select_school_notices
from schools.models import DataProtectionOfficer, LocalAuthority, School, SharingPartner

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
BODIES = {
    "who-we-are": "We are {{ school.name }}. Write to us at "
    "[{{ school.email }}](mailto:{{ school.email }}) or call {{ school.phone }}.",
    "who-we-share-with": "We share information with:\n\n{{ partners }}",
    "your-rights": "You can ask to see your information.\n\n- to correct it\n- to delete it",
    "complaints": "Contact {{ dpo.name }} at {{ dpo.email }}, or the "
    "[ICO](https://ico.org.uk/make-a-complaint/).",
}
SUMMARIES = {
    "who-we-are": "{{ school.name }} looks after your information.",
    "your-rights": "You can see, correct and delete what we hold.",
    "complaints": "Tell us first; you can also complain to the ICO.",
}


@pytest.fixture
def published_school(tmp_path, settings) -> School:
    settings.MEDIA_ROOT = tmp_path
    authority = LocalAuthority.objects.create(name="Wexbury County", code="990", slug="wexbury")
    dpo = DataProtectionOfficer.objects.create(
        name="Data Protection Officer",
        organisation="Wexbury County Council Schools Information Governance Service",
        email="schools.dpo@wexbury.example.org",
        phone="0113 496 0500",
    )
    school = School.objects.create(
        urn="100001",
        name="St. Aldhelm's Primary School",
        slug="st-aldhelms-primary-school",
        local_authority=authority,
        town="Lower Wexbury",
        postcode="WX1 2AB",
        phone="0113 496 0001",
        email="office@st-aldhelms.example.org",
        dpo=dpo,
    )
    SharingPartner.objects.create(
        name="Department for Education",
        category=SharingPartner.Category.GOVERNMENT,
        purpose="School census returns.",
        privacy_notice_url="https://dfe.example.org/privacy",
    )
    notice_type = NoticeType.objects.create(
        slug="pupils-and-parents",
        title="How we use pupil and parent information",
        audience="Parents, carers and pupils",
        is_primary=True,
    )
    for position, (key, body) in enumerate(BODIES.items()):
        clause = Clause.objects.create(
            key=key,
            heading=key.replace("-", " ").capitalize(),
            art13_items=["complaint"] if key == "complaints" else [],
        )
        ClauseVersion.objects.create(
            clause=clause, body=body, summary=SUMMARIES.get(key, ""), status="published"
        )
        NoticeTypeClause.objects.create(notice_type=notice_type, clause=clause, position=position)
    SchoolNotice.objects.create(school=school, notice_type=notice_type)
    report = notices_publish(school_notices=select_school_notices())
    assert len(report.published) == 1
    return school


def _republish_with_new_rights_wording() -> None:
    draft = clause_version_start_draft(clause=Clause.objects.get(key="your-rights"), user=None)
    draft.body = draft.body.replace("to delete it", "to erase it")
    draft.change_summary = "Plainer wording."
    draft.save()
    clause_version_publish(version=draft, user=None)
    notices_publish(school_notices=select_school_notices())


def _assert_no_axe_violations(page: Page) -> None:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()


def test_a_parent_finds_the_school_by_a_forgiving_search(page: Page, live_server, published_school):
    page.goto(live_server.url)
    page.get_by_label("School name, town, postcode or URN").fill("st aldhelms")
    page.get_by_role("button", name="Search").click()

    expect(page.get_by_role("heading", name="1 school found for “st aldhelms”")).to_be_visible()
    page.get_by_role("link", name="St. Aldhelm's Primary School").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("St. Aldhelm's Primary School")


def test_a_parent_reads_the_notice_and_downloads_the_pdf(page: Page, live_server, published_school):
    page.goto(f"{live_server.url}/schools/{published_school.slug}/privacy-notice/")

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "How we use pupil and parent information"
    )
    expect(page.get_by_role("link", name="0113 496 0001")).to_be_visible()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download PDF").click()
    download = download_info.value
    assert download.suggested_filename == f"{published_school.slug}-privacy-notice-v1.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_a_parent_sees_what_changed_between_versions(page: Page, live_server, published_school):
    _republish_with_new_rights_wording()
    page.goto(f"{live_server.url}/schools/{published_school.slug}/privacy-notice/")

    page.get_by_role("link", name="Previous versions and what changed").click()
    expect(page.get_by_role("heading", name="Version 2 (current)")).to_be_visible()
    page.get_by_role("link", name="Compare version 2 with version 1").click()

    expect(page.locator("del.diff")).to_contain_text("delete")
    expect(page.locator("ins.diff")).to_contain_text("erase")
    expect(page.locator("ins.diff")).to_contain_text("added:")


def test_public_pages_have_no_wcag_22_aa_violations(page: Page, live_server, published_school):
    _republish_with_new_rights_wording()
    base = f"{live_server.url}/schools/{published_school.slug}"
    for path in [
        f"{live_server.url}/",
        f"{live_server.url}/?q=aldhelm",
        f"{live_server.url}/?q=aldhelnn",
        f"{base}/",
        f"{base}/privacy-notice/",
        f"{base}/notices/pupils-and-parents/versions/",
        f"{base}/notices/pupils-and-parents/versions/1/",
        f"{base}/notices/pupils-and-parents/versions/2/changes/",
        f"{live_server.url}/schools/no-such-school/privacy-notice/",
        f"{live_server.url}/accessibility/",
    ]:
        page.goto(path)
        _assert_no_axe_violations(page)


def test_on_a_phone_whom_to_contact_is_on_the_first_screen(
    page: Page, live_server, published_school
):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/schools/{published_school.slug}/privacy-notice/")

    contacts = page.get_by_role("region", name="Questions about your information")
    box = contacts.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844, box
    for name, href in [
        ("0113 496 0001", "tel:+441134960001"),
        ("0113 496 0500", "tel:+441134960500"),
        ("office@st-aldhelms.example.org", "mailto:office@st-aldhelms.example.org"),
        ("schools.dpo@wexbury.example.org", "mailto:schools.dpo@wexbury.example.org"),
        ("how to complain", "#complaints"),
    ]:
        link = contacts.get_by_role("link", name=name)
        expect(link).to_have_attribute("href", href)
        expect(link).to_be_in_viewport()
    glance = page.get_by_role("region", name="At a glance").bounding_box()
    assert glance is not None and glance["y"] > box["y"] + box["height"] - 1
    _assert_no_axe_violations(page)


def test_the_welsh_page_and_its_language_switcher_pass_axe(
    page: Page, live_server, published_school
):
    notice_type = NoticeType.objects.get()
    NoticeTypeTranslation.objects.create(
        notice_type=notice_type,
        language="cy",
        title="Sut rydym yn defnyddio gwybodaeth am ddisgyblion a rhieni",
        audience="Rhieni, gofalwyr a disgyblion",
    )
    who = ClauseVersion.objects.get(clause__key="who-we-are")
    ClauseVersionTranslation.objects.create(
        version=who,
        language="cy",
        heading="Pwy ydym ni",
        body="{{ school.name }} ydym ni. Ysgrifennwch atom yn "
        "[{{ school.email }}](mailto:{{ school.email }}) neu ffoniwch {{ school.phone }}.",
        summary="{{ school.name }} sy'n gofalu am eich gwybodaeth.",
    )
    school_notice = SchoolNotice.objects.get()
    school_notice.languages = ["cy"]
    school_notice.save()
    notices_publish(school_notices=select_school_notices())
    page.goto(f"{live_server.url}/schools/{published_school.slug}/privacy-notice/")

    page.get_by_role("navigation", name="Languages").get_by_role("link", name="Cymraeg").click()

    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.get_by_role("heading", level=2, name="Yn gryno")).to_be_visible()
    switcher = page.get_by_role("navigation", name="Ieithoedd")
    expect(switcher.get_by_role("link", name="Cymraeg")).to_have_attribute("aria-current", "page")
    expect(switcher.get_by_role("link", name="English")).to_have_attribute("lang", "en-GB")
    _assert_no_axe_violations(page)


def test_the_notice_is_usable_at_320_pixels_wide(page: Page, live_server, published_school):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(f"{live_server.url}/schools/{published_school.slug}/privacy-notice/")

    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 320


def test_keyboard_reaches_the_pdf_link_and_every_contents_entry(
    page: Page, live_server, published_school
):
    page.goto(f"{live_server.url}/schools/{published_school.slug}/privacy-notice/")
    wanted = {"Download PDF"} | {key.replace("-", " ").capitalize() for key in BODIES}
    reached: set[str] = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        text = page.evaluate("document.activeElement && document.activeElement.innerText")
        if text:
            reached.add(text.split(" (")[0].strip())
        if wanted <= reached:
            break
    assert wanted <= reached, f"not reached by Tab: {wanted - reached}"

    # The focused contents entry works from the keyboard: Enter jumps to its section.
    href = page.evaluate("document.activeElement.getAttribute('href')")
    assert href.startswith("#")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(href) + "$"))


def test_public_pages_set_no_cookie_and_load_nothing_from_elsewhere(
    page: Page, live_server, published_school
):
    origins: set[str] = set()
    page.on("request", lambda request: origins.add(urlparse(request.url).netloc))
    page.goto(f"{live_server.url}/schools/{published_school.slug}/privacy-notice/")
    page.goto(f"{live_server.url}/?q=aldhelm")

    assert origins == {urlparse(live_server.url).netloc}
    assert page.context.cookies() == []
