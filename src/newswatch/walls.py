"""Consent and paywalls: the lines a page shows instead of, or after the start of, its article.

A page that is only a wall is no version at all (``extract.not_an_article``). A metered or
server-side paywall shows the article's first paragraphs and then its prompt ("Subscribe to
continue reading"): read as a version, that would be the article losing the rest of its text,
and read after it, the full text coming back would be its second half added. ``ends_at_wall``
tells such a text by its last line.
"""

from __future__ import annotations

import re

from newswatch.other_languages import WALL_ELSEWHERE

WALL = re.compile(
    r"\b(?:accept (?:all )?cookies|cookie (?:consent|settings)|manage (?:your )?consent|"
    r"subscribe (?:now |today )?to (?:continue|read|keep reading|unlock)|subscribers? only|"
    r"for (?:our )?subscribers|already a (?:subscriber|member)|"
    r"(?:sign|log) in to (?:continue|read|keep reading)|"
    r"(?:create a free account|register(?: for free)?|sign up(?: for free)?) to "
    r"(?:continue|read|keep reading)|"
    r"(?:continue|keep) reading (?:with|by subscribing)|"
    r"you have reached your (?:free )?(?:article |monthly )?limit|"
    r"reached the limit of (?:free |your )?articles|enable javascript)\b|" + WALL_ELSEWHERE,
    re.I,
)
# a real article is longer than any wall; a wall's own line is short
WALL_MAX_CHARS = 600
WALL_LINE_MAX_CHARS = 250


def is_wall_line(line: str) -> bool:
    return len(line) <= WALL_LINE_MAX_CHARS and WALL.search(line) is not None


def ends_at_wall(text: str) -> bool:
    """The text stops at a wall's prompt: what the page showed of the article was cut there."""
    return is_wall_line(text.rstrip().rsplit("\n", 1)[-1])


def cut_short(stored: str, new: str) -> str | None:
    """Why ``new`` is no version after ``stored``, if a paywall cut it: shorter, and stopping at
    a wall's prompt where the stored text did not."""
    if len(new) >= len(stored) or not ends_at_wall(new) or ends_at_wall(stored):
        return None
    wall = new.rstrip().rsplit("\n", 1)[-1]
    return (
        f"paywall: the page showed {len(new):,} of the stored version's {len(stored):,} "
        f"characters, then {wall!r}; stored versions kept"
    )
