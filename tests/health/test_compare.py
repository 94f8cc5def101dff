"""Comparison as a reader sees it: only a change of words is a change."""

from __future__ import annotations

import pytest

from health.checks.compare import Tokens, changed_parts, diff_parts, same_words

LIBRARY = (
    "We share information with:\n\n"
    "- the local authority, to meet our duties;\n"
    "- the Department for Education (DfE).\n\n"
    "Parents' requests go to the school office."
)


@pytest.mark.parametrize(
    "copy",
    [
        # bullets and numbering
        "We share information with:\n\n• the local authority, to meet our duties;\n"
        "• the Department for Education (DfE).\n\nParents' requests go to the school office.",
        "We share information with:\n1. the local authority, to meet our duties;\n"
        "2) the Department for Education (DfE).\nParents' requests go to the school office.",
        # punctuation, quotes and case
        "We share information with: The local authority - to meet our duties - the Department "
        "for Education DfE. Parents\u2019 requests go to the School Office",
        # a PDF: line-end hyphenation, a running header and page numbers
        "We share information with: the local au-\nthority, to meet our duties;\n"
        "Oakfield Primary School\nPage 1 of 2\nthe Department for Education (DfE).\n"
        "Oakfield Primary School\nPage 2 of 2\nParents' requests go to the school office.\n"
        "Oakfield Primary School\n",
    ],
    ids=["bullets", "numbering", "punctuation-quotes-case", "pdf-furniture"],
)
def test_what_a_reader_would_not_call_a_change_is_not_one(copy):
    assert same_words(LIBRARY, copy)


def test_a_changed_word_is_a_change_and_is_shown_first():
    copy = LIBRARY.replace("school office", "headteacher")

    parts = diff_parts(Tokens.read(LIBRARY), Tokens.read(copy))

    assert not same_words(LIBRARY, copy)
    assert changed_parts(parts) == [("delete", "school office"), ("insert", "headteacher")]
    assert parts[0] == ("equal", "We share information with: - the local authority, to meet "
                        "our duties; - the Department for Education (DfE). Parents' requests go "
                        "to the")  # fmt: skip


def test_a_number_in_the_text_is_a_word_not_a_list_marker():
    assert not same_words("Records are kept for 25 years.", "Records are kept for years.")
    assert not same_words("Call 01632 960 001 today.", "Call 01632 960 002 today.")
