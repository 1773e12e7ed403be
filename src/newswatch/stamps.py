"""Stamps: the lines that only say when a page was published or updated.

Kept in the text (a stamp is how a page owns up to an update), but a change to one is no change
of claim: "Updated: 1 December 2026, 10:32 GMT" -> "Updated: 2 December 2026, 09:15 GMT" is the
site's clock, not the story's.
"""

from __future__ import annotations

import re

from newswatch.other_languages import STAMP_PREFIXES_ELSEWHERE, STAMP_WORDS_ELSEWHERE

_MONTHS = "january february march april may june july august september october november december"
_DAYS = "monday tuesday wednesday thursday friday saturday sunday"
_STAMP_WORDS = frozenset(
    [
        *_MONTHS.split(),
        *(m[:3] for m in _MONTHS.split()),
        "sept",
        *_DAYS.split(),
        *(d[:3] for d in _DAYS.split()),
        *"tues wed thur thurs am pm a m p at on of the st nd rd th h".split(),
        # time zones news sites print
        *"gmt utc bst cet cest eet eest wet west est edt cst cdt mst mdt".split(),
        *"pst pdt et ct mt pt ist aest aedt jst kst hkt sgt msk sast nzst nzdt wib z".split(),
        *"today yesterday".split(),
        *STAMP_WORDS_ELSEWHERE.split(),
    ]
)
_STAMP_PREFIX = re.compile(
    r"^[·•|\-\s]*(?:(?:last|first|originally)\s+)?"
    r"(?:updated|modified|published|posted|edited|amended|"
    + STAMP_PREFIXES_ELSEWHERE
    + r")(?!\w)\s*(?:on|at|am|le|el|il|em|op)?\s*:?",
    re.I,
)
_BYLINE = re.compile(r"^by\s+[^\W\d_][^,|•·\d]{1,60}[,|•·]\s*", re.I)
_CLOCK = re.compile(r"\b\d{1,2}[:.h]\d{2}\b")  # "17:40", "17.40", "17h40"


def is_stamp(line: str) -> bool:
    """A line that only says when the page was published or updated ("Updated: 1 December
    2026, 10:32 GMT", "Published 2:05 PM EST, Mon December 1, 2026"). Kept in the text (it is
    how a page owns up to an update), but a change to it is no change of claim. A date alone,
    without a time or an "Updated" in front, is not taken for one: it may head a timeline."""
    if len(line) > 80 or not any(ch.isdigit() for ch in line):
        return False
    if _byline_bar(line):
        return True
    byline = _BYLINE.match(line)  # "By Mira Okafor, 10:32 GMT": the stamp after the name
    if byline:
        line = line[byline.end() :]
    prefix = _STAMP_PREFIX.match(line)
    rest = line[prefix.end() :] if prefix else line
    words = re.findall(r"[^\W\d_]+", rest)
    if not all(word.lower() in _STAMP_WORDS for word in words):
        return False
    return prefix is not None or bool(_CLOCK.search(rest))


_BAR = re.compile(r"\s+[|•·]\s+")
_CALENDAR_DATE = re.compile(r"\b(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})\b")
_MONTH_WORDS = frozenset([*_MONTHS.split(), *(m[:3] for m in _MONTHS.split()), "sept"])
_NAME_PARTICLES = frozenset("de del la le da di du van von der den al bin of the and y e".split())
MAX_BAR_PARTS = 4
MAX_NAME_WORDS = 5


def _byline_bar(line: str) -> bool:
    """Who wrote it, where, and when, side by side: "Ana Ruiz | Palma | 08/01/2026". Each
    part that is no date is a name (every word capitalised), and one part is a date or a time
    (a score, "3-1", is neither)."""
    parts = _BAR.split(line.strip())
    if not 2 <= len(parts) <= MAX_BAR_PARTS:
        return False
    dated = False
    for part in parts:
        words = re.findall(r"[^\W\d_]+", part)
        if is_date(part) and (
            _CALENDAR_DATE.search(part)
            or _CLOCK.search(part)
            or any(w.lower() in _MONTH_WORDS for w in words)
        ):
            dated = True
        elif not _a_name(part, words):
            return False
    return dated


def _a_name(part: str, words: list[str]) -> bool:
    """A writer's, a place's or a site's name: a few words, each capitalised, and no digits."""
    if any(ch.isdigit() for ch in part) or not words or len(words) > MAX_NAME_WORDS:
        return False
    return all(w[0].isupper() or w in _NAME_PARTICLES for w in words)


def is_date(text: str) -> bool:
    """Only a date or a time: digits and the words of dates ("3 Dec 2026", "17:40 GMT")."""
    words = re.findall(r"[^\W\d_]+", text)
    return any(ch.isdigit() for ch in text) and all(w.lower() in _STAMP_WORDS for w in words)
