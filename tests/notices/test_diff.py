"""Word-level comparison of two publications."""

from __future__ import annotations

from notices import diff as diff_module
from notices.diff import changed_sections, compare_notices, notice_sections, word_diff


def _notice(*sections: tuple[str, str, str]) -> str:
    return "".join(
        f'<section class="notice-section" id="{key}" aria-labelledby="{key}-heading">'
        f'<h2 id="{key}-heading">{heading}</h2>{body}</section>'
        for key, heading, body in sections
    )


def test_it_marks_inserted_and_deleted_words():
    parts = word_diff("call 0113 496 0001 today", "call 020 7946 0002 today")

    assert parts == [
        ("equal", "call"),
        ("delete", "0113 496 0001"),
        ("insert", "020 7946 0002"),
        ("equal", "today"),
    ]


def test_it_reads_sections_as_plain_text():
    html = _notice(("rights", "Your rights", "<p>You <em>can</em> ask &amp; we answer.</p>"))

    [section] = notice_sections(html)

    assert (section.key, section.heading, section.text) == (
        "rights",
        "Your rights",
        "You can ask & we answer.",
    )


def test_it_reports_added_removed_changed_and_unchanged_sections():
    old = _notice(("a", "A", "<p>same</p>"), ("b", "B", "<p>old words</p>"), ("c", "C", "<p>x</p>"))
    new = _notice(("a", "A", "<p>same</p>"), ("b", "B", "<p>new words</p>"), ("d", "D", "<p>y</p>"))

    diffs = {d.key: d for d in compare_notices(old, new)}

    assert {k: d.status for k, d in diffs.items()} == {
        "a": "unchanged",
        "b": "changed",
        "c": "removed",
        "d": "added",
    }
    assert diffs["b"].parts == [("delete", "old"), ("insert", "new"), ("equal", "words")]


def test_changed_sections_are_those_compare_notices_finds_changed(monkeypatch):
    old = _notice(
        ("a", "A", "<p>same</p>"),
        ("b", "B", "<ul><li>old words</li></ul>"),
        ("c", "C", "<p>x</p>"),
        ("e", "E", "<p>same <em>markup</em></p>"),
    )
    new = _notice(
        ("a", "A", "<p>same</p>"),
        ("b", "B", "<ul><li>new words</li></ul>"),
        ("d", "D", "<p>y</p>"),
        ("e", "E", "<p>same markup</p>"),  # the same words: not a change a reader sees
    )
    expected = [d for d in compare_notices(old, new) if d.status != "unchanged"]
    parsed: list[str] = []
    original = diff_module.section_blocks
    monkeypatch.setattr(
        diff_module, "section_blocks", lambda html: parsed.append(html) or original(html)
    )

    changed = changed_sections(old, new)

    assert changed == expected
    assert [d.key for d in changed] == ["b", "d", "c"]
    assert not any("same</p>" in html for html in parsed)  # identical sections never parsed
