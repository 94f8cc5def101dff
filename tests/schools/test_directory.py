"""The public directory: forgiving search, authority pages, accessibility statement."""

from __future__ import annotations

import pytest

from schools.search import normalise
from tests.factories import LocalAuthorityFactory, SchoolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def schools():
    authority = LocalAuthorityFactory(name="Wexbury County Council", slug="wexbury")
    return {
        "marys": SchoolFactory(
            name="St. Mary's C of E (VA) Primary School",
            town="Little Wexbury",
            postcode="WX1 2AB",
            urn="123456",
            local_authority=authority,
        ),
        "harbour": SchoolFactory(
            name="Harbour Academy",
            town="Saltmouth",
            postcode="WX9 8ZZ",
            urn="654321",
            local_authority=authority,
        ),
        "closed": SchoolFactory(
            name="Old Mill Infant School",
            town="Saltmouth",
            is_open=False,
            local_authority=authority,
        ),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("St. Mary's C of E (VA)", "st marys c of e va"),
        ("ST MARY\u2019S", "st marys"),
        ("Ashby-de-la-Zouch", "ashby de la zouch"),
        ("Brontë & Ellis", "bronte and ellis"),
    ],
)
def test_it_normalises_case_accents_and_punctuation(text, expected):
    assert normalise(text) == expected


@pytest.mark.parametrize(
    "query",
    [
        "st marys",
        "ST. MARY'S",
        "mary",
        "little wexbury",
        "wx1 2ab",
        "WX12AB",
        "123456",
        "primary marys",
    ],
)
def test_it_finds_a_school_by_name_town_postcode_or_urn(client, schools, query):
    response = client.get("/", {"q": query})

    assert response.status_code == 200
    assert list(response.context["results"]) == [schools["marys"]]


def test_it_leaves_closed_schools_out(client, schools):
    response = client.get("/", {"q": "saltmouth"})

    assert list(response.context["results"]) == [schools["harbour"]]


def test_it_suggests_a_school_for_a_misspelt_name(client, schools):
    response = client.get("/", {"q": "harbor acadamy"})

    assert response.context["results"] == []
    assert response.context["suggestions"] == [schools["harbour"]]
    assert "Did you mean" in response.content.decode()


def test_it_says_when_nothing_matches(client, schools):
    response = client.get("/", {"q": "zzzz"})

    assert response.status_code == 200
    assert "No schools found for “zzzz”" in response.content.decode()


def test_the_search_escapes_the_query(client, schools):
    response = client.get("/", {"q": "<script>alert(1)</script>"})

    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;" in body


def test_search_uses_a_bounded_number_of_queries(client, schools, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        client.get("/", {"q": "saltmouth"})


def test_the_authority_page_lists_its_open_schools(client, schools):
    response = client.get("/authorities/wexbury/")

    assert response.status_code == 200
    assert list(response.context["schools"]) == [schools["harbour"], schools["marys"]]


def test_an_unknown_authority_is_a_404(client, db):
    assert client.get("/authorities/nowhere/").status_code == 404


def test_the_accessibility_statement_is_linked_from_every_page(client, schools):
    home = client.get("/")
    statement = client.get("/accessibility/")

    assert 'href="/accessibility/"' in home.content.decode()
    assert statement.status_code == 200
    assert "Accessibility statement" in statement.content.decode()


def test_public_directory_pages_set_no_cookie(client, schools):
    for url in ["/", "/?q=mary", "/authorities/wexbury/", "/accessibility/"]:
        response = client.get(url)
        assert response.cookies == {}, url
