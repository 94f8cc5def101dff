"""What changed between two publications of a notice, in words a parent or a DPO can read."""

from __future__ import annotations

from clauses.languages import language_name
from clauses.markup import PLACEHOLDERS

FIRST = "First publication."
UPDATED = "Updated “{heading}”."
TRANSLATION_ADDED = "Published in {language}."
TRANSLATION_UPDATED = "Updated the {language} version."


def summarise_changes(previous: dict | None, current: dict) -> list[str]:
    """Compare two input snapshots (see `NoticeInputs.snapshot`) and list the differences."""
    if previous is None:
        return [FIRST]
    changes: list[str] = []
    before = {c["key"]: c for c in previous.get("clauses", [])}
    after = {c["key"]: c for c in current["clauses"]}
    for key, clause in after.items():
        old = before.get(key)
        if old is None:
            changes.append(f"Added “{clause['heading']}”.")
        elif old["version_id"] != clause["version_id"]:
            # The DPO's own words for the change, which publishing a new version requires.
            why = " ".join(clause.get("change_summary", "").split())
            changes.append(
                f"Updated “{clause['heading']}”: {why}" if why else UPDATED.format(**clause)
            )
    changes.extend(
        f"Removed “{clause['heading']}”." for key, clause in before.items() if key not in after
    )
    old_facts, new_facts = previous.get("facts", {}), current["facts"]
    for name, value in new_facts.items():
        if old_facts.get(name, "") != value and name in PLACEHOLDERS:
            changes.append(f"Changed the {PLACEHOLDERS[name].label}.")
    if previous.get("partners") != current["partners"]:
        changes.append("Changed the list of sharing partners.")
    if previous.get("review_date") != current["review_date"]:
        changes.append("Changed the review date.")
    if previous.get("notice_title") != current["notice_title"]:
        changes.append("Changed the title of the notice.")
    before_translations = {t["language"]: t for t in previous.get("translations", [])}
    for translation in current.get("translations", []):
        language = translation["language"]
        if language not in before_translations:
            changes.append(TRANSLATION_ADDED.format(language=language_name(language)))
        elif before_translations[language] != translation:
            changes.append(TRANSLATION_UPDATED.format(language=language_name(language)))
    if not changes and previous.get("renderer_version") != current["renderer_version"]:
        changes.append("Updated the layout of the notice.")
    return changes
