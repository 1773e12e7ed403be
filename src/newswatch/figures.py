"""Figures changed in a sentence: a count, an amount, a percentage, an ordinal, a date or a
time of day, told from the same figure written another way (``numbers``), from a date
re-written as the story aged (``redating``) and from a figure only converted into other units;
and, across the article, a figure that left one sentence for another."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from itertools import pairwise

from newswatch.edits import FUNCTION_WORDS, PROVISIONS, WORD, Claim, Pair, misspelt_in
from newswatch.figure_forms import (
    bound_restated,
    change_restated,
    less_exact,
    one_count,
    period_in_months,
    rate_as_adjective,
    split_of_whole,
    streak_counted,
    sum_or_difference,
    uncounted,
    year_before,
)
from newswatch.figure_words import said_in_words
from newswatch.moves import share_move_restated
from newswatch.numbers import Figure, find_figures
from newswatch.other_units import same_temperature, without_heights_converted
from newswatch.redating import (
    RELATIVE_DAYS,
    as_of,
    as_reread,
    named_for_then,
    pinned,
    redated,
    this_for_the,
    when_said,
    years_written_out,
)

FIGURE_KINDS = (
    "percent", "points", "money", "temperature", "ordinal", "date", "time", "duration", "number"
)  # fmt: skip


def number_claims(pair: Pair) -> list[Claim]:
    before, after = find_figures(pair.old.text), find_figures(pair.new.text)
    gone = Counter(f.key for f in before) - Counter(f.key for f in after)
    came = Counter(f.key for f in after) - Counter(f.key for f in before)
    lost, got = _take(before, gone), _take(after, came)
    # "March 4, 2008" -> "March 4": the year dropped (or added) from a date is style
    for f_old in [f for f in lost if f.kind == "date"]:
        twin = next(
            (
                f
                for f in got
                if f.kind == "date"
                and (
                    _same_day(f_old, f)
                    or _month_end(f_old, f, pair.old.text)
                    or _month_end(f, f_old, pair.new.text)
                )
            ),
            None,
        )
        if twin is not None:
            lost.remove(f_old)
            got.remove(twin)
    lost = [f for f in lost if not _said_as_verb(f, pair.new.text, pair.old.text)]
    got = [f for f in got if not _said_as_verb(f, pair.old.text, pair.new.text)]
    lost, got = without_heights_converted(lost, got, pair)  # "6ft 4in" -> "1.93m"
    # a typo put right ("htousands" -> "thousands", "10 setpembre" -> "10 septembre"), by a
    # word the other sentence brought in ("three" is no typo of a "there" both sentences have)
    lost = [f for f in lost if not misspelt_in(f.surface, _only_in(pair.new.text, pair.old.text))]
    got = [f for f in got if not misspelt_in(f.surface, _only_in(pair.old.text, pair.new.text))]
    for dates, numbers, other in ((got, lost, pair.old.text), (lost, got, pair.new.text)):
        for f in [f for f in dates if f.kind == "date"]:
            parts = [g for g in numbers if g.kind != "date" and g.surface in f.surface]
            if parts and any(misspelt_in(w, other) for w in WORD.findall(f.surface)):
                dates.remove(f)  # its day and its year were read as bare numbers
                for part in parts:
                    numbers.remove(part)
    conversions = _conversions(pair.old.text, before) | _conversions(pair.new.text, after)
    # "five consecutive weeks" -> "five weeks in a row": the same count, its unit now with it
    for f_old in list(lost):
        twin = next(
            (
                f
                for f in got
                if one_count(f_old, f, pair.old.text, pair.new.text)
                or streak_counted(f_old, f, pair.old.text, pair.new.text)
                # "fell 10% to £90m" -> "fell £10m to £90m"
                or share_move_restated(f_old, f, pair)
                # "closed at 7,512 points" -> "closed at 7,512": an index's level, its unit left
                or ({f_old.kind, f.kind} == {"points", "number"} and f_old.value == f.value)
            ),
            None,
        )
        if twin is not None:
            lost.remove(f_old)
            got.remove(twin)
    claims: list[Claim] = []
    # "this year" -> "in 2026": a year word written as its year (a date figure, a number)
    for f_old, f_new in years_written_out(lost, got):
        lost.remove(f_old)
        got.remove(f_new)
        claims.append(_redated(_figure_claim(pair, f_old, f_new, "date")))
    # a market read again later: "at $82.40 by 0930 GMT" -> "at $82.26 by 1345 GMT"
    reread = any(f.kind == "time" and as_of(f, pair.old.text) for f in lost) and any(
        f.kind == "time" and as_of(f, pair.new.text) for f in got
    )
    for kind in FIGURE_KINDS:
        a = [f for f in lost if f.kind == kind]
        b = [f for f in got if f.kind == kind]
        a, b = _paired(a, b, pair.old.text, pair.new.text)
        for f_old, f_new in zip(a, b, strict=False):
            if (
                bound_restated(f_old, f_new, pair)
                or change_restated(f_old, f_new, pair)
                or split_of_whole(f_old, f_new, (pair.old.text, pair.new.text))
            ):
                # "more than 12" -> "at least 13", "from £10m to £7m" -> "by £3m to £7m",
                # "seven of the nine" -> "7-2"
                continue
            claim = _figure_claim(pair, f_old, f_new, kind)
            if kind == "date" and redated(f_old.value, f_new.value):
                # re-dated as the story aged ("today" -> "on Tuesday"): shown, not alerted
                claim = _redated(claim)
            elif id(f_old) in conversions and id(f_new) in conversions:
                claim = as_conversion(claim)  # "($43 million)" -> "($44 million)": a new rate
            elif as_of(f_old, pair.old.text) and as_of(f_new, pair.new.text):
                claim = _redated(claim)  # "as of 0900 GMT" -> "as of 1400 GMT": a new count
            elif reread and kind in ("money", "percent", "points"):
                # a price read at a later time, not a figure put right (a count, such as a
                # toll, stays high)
                claim = as_reread(claim)
            elif kind == "temperature" and same_temperature(f_old.value, f_new.value):
                claim = as_conversion(claim)  # "100F" -> "38C": one heat in the other scale
            elif less_exact(f_old, f_new, pair):
                # "64.2%" -> "64%", "£1.47bn" -> "£1.5bn": the same figure, less precise
                claim = replace(claim, severity="low", detail={**claim.detail, "rounded": True})
            elif _enumerator(f_old, pair.old.text) and _enumerator(f_new, pair.new.text):
                # "4. Elections ..." -> "3. Elections ...": an item renumbered when one before
                # it came or went; what the item says is judged by the other rules
                claim = replace(claim, severity="low", detail={**claim.detail, "renumbered": True})
            claims.append(claim)
        # an ordinal word left alone ("first" dropped from "first raped") is mostly an adverb or
        # a "second" of time: the rewording rules judge it, not the figure rules
        for f_old in a[len(b) :]:
            claims += _lone_claim(pair, f_old, kind, (before, after), conversions, vanished=True)
        for f_new in b[len(a) :]:
            claims += _lone_claim(pair, f_new, kind, (after, before), conversions, vanished=False)
    return claims


CONTEXT_WORDS = 4  # words either side of a figure that say what it counts


# where what a figure counts stops: "Alliance had 34.2% and the Labour Bloc 33.8%"
_CLAUSE_END = re.compile(r"[,;:()\[\]]|\b(?:and|but|against|while|whereas|versus|vs|than)\b", re.I)


def _only_in(text: str, other: str) -> str:
    """The words of ``text`` that ``other`` does not have."""
    theirs = {w.lower() for w in WORD.findall(other)}
    return " ".join(w for w in WORD.findall(text) if w.lower() not in theirs)


def _context(figure: Figure, text: str) -> set[str]:
    """The content words around a figure, within its clause ("the Labour Bloc took 36.1%")."""
    before = _CLAUSE_END.split(text[: figure.span[0]])[-1]
    after = _CLAUSE_END.split(text[figure.span[1] :], maxsplit=1)[0]
    words = WORD.findall(before)[-CONTEXT_WORDS:] + WORD.findall(after)[:CONTEXT_WORDS]
    return {
        w.lower().removesuffix("s")
        for w in words
        if w.isalpha() and w.lower() not in FUNCTION_WORDS
    }


def _paired(
    a: list[Figure], b: list[Figure], old: str, new: str
) -> tuple[list[Figure], list[Figure]]:
    """Old and new figures of one kind put in the order they pair up: by the words around
    them where those tell ("Centre Alliance had 34.2%" -> "33.0% for the Centre Alliance"),
    else in the order they come. Those left over come last."""
    if (len(a) < 2 and len(b) < 2) or not a or not b:
        return a, b
    old_words = [_context(f, old) for f in a]
    new_words = [_context(g, new) for g in b]
    scores = sorted(
        (-len(x & y), i, j) for i, x in enumerate(old_words) for j, y in enumerate(new_words)
    )
    if scores[0][0] == 0:
        return a, b  # no words in common anywhere: keep the order
    pairs: list[tuple[int, int]] = []
    for score, i, j in scores:
        if score < 0 and all(i != p and j != q for p, q in pairs):
            pairs.append((i, j))
    rest_a = [i for i in range(len(a)) if all(i != p for p, _ in pairs)]
    rest_b = [j for j in range(len(b)) if all(j != q for _, q in pairs)]
    pairs = sorted(pairs + list(zip(rest_a, rest_b, strict=False)))  # the rest in their order
    return (
        [a[i] for i, _ in pairs] + [a[i] for i in rest_a[len(rest_b) :]],
        [b[j] for _, j in pairs] + [b[j] for j in rest_b[len(rest_a) :]],
    )


def _lone_claim(
    pair: Pair,
    figure: Figure,
    kind: str,
    sides: tuple[tuple[Figure, ...], tuple[Figure, ...]],
    conversions: set[int],
    vanished: bool,
) -> list[Claim]:
    """The claim on a figure only one sentence has (``sides``: that sentence's figures, then
    the other's): gone from the old one (``vanished``) or come into the new one."""
    if kind == "ordinal" and figure.surface.isalpha():
        return []
    other_text = pair.new.text if vanished else pair.old.text
    if _said_in_words(figure, other_text):
        return []  # "goalless" -> "0-0", "the world number one" -> "the top-ranked player"
    if kind == "duration" and rate_as_adjective(figure, other_text):
        return []  # "5.5% a year" -> "an annual rate of 5.5%"
    if kind == "duration" and uncounted(figure, pair.old.text if vanished else pair.new.text):
        return []  # "a week", "one-day fall" -> "daily fall": no count; the rewording rules judge
    if this_for_the(figure, other_text):
        return []  # "by the end of the year" -> "of this year": the same year
    own, other = sides
    text = pair.old.text if vanished else pair.new.text
    if (
        said_in_words(figure, text, other_text)
        or period_in_months(figure, other_text)
        or year_before(figure, text, other_text)
        or sum_or_difference(figure, own, other, (text, other_text))
    ):
        return []  # "doubled" -> "rose 100%", "three times" -> "triple", "one point" -> "a point"
    old, new = (figure, None) if vanished else (None, figure)
    claim = _figure_claim(pair, old, new, kind)
    if id(figure) in conversions:
        claim = as_conversion(claim)
    low = (
        _said_by(figure, other)
        # "later today" -> "later": a day word dropped as the story ages ("tomorrow" stays)
        or (vanished and figure.value in RELATIVE_DAYS - {"tomorrow"})
        or when_said(figure, own, text)
        or as_of(figure, text)
        or (not vanished and pinned(figure, pair))
        or named_for_then(figure, pair, vanished)
    )
    if low:
        return [_redated(claim)]
    if vanished and kind == "date":
        # "rose to 12 on Tuesday" -> "has risen to 12": when it happened is no longer told, which
        # is no other day told (medium)
        return [replace(claim, severity="medium")]
    return [claim]


# A figure given again in other units, in brackets after it: "£40m ($50m)", "120 km/h (75
# mph)". Wire copy adds, drops and re-rates these between takes; the figure before the bracket
# is the claim.
_BEFORE_BRACKET = re.compile(
    r"^\s*(?P<unit>[^\d()]{0,20}?)\s*\(\s*(?:about|around|roughly|approximately|some|nearly|"
    r"almost|~|c\.)?\s*$",
    re.I,
)
_IN_BRACKET = re.compile(r"^\s*(?P<unit>[^\d()]{0,15}?)\s*\)")
_UNITS = re.compile(
    r"(?:km/h|kph|mph|km|kilometres?|kilometers?|miles?|m|metres?|meters?|feet|foot|ft|inch(?:es)?"
    r"|in|cm|centimetres?|kg|kilos?|kilograms?|lbs?|pounds|tonnes?|tons?|acres?|hectares?|ha|"
    r"sq(?:uare)? (?:km|miles?|metres?|feet)|litres?|liters?|gallons?|°?[cf]|degrees(?: [cf]\w*)?)",
    re.I,
)


def _conversions(text: str, figures: tuple[Figure, ...]) -> set[int]:
    """The figures of ``text`` (by id) that only convert the figure before them."""
    out = set()
    for first, second in pairwise(figures):
        gap = _BEFORE_BRACKET.match(text[first.span[1] : second.span[0]])
        after = _IN_BRACKET.match(text[second.span[1] : second.span[1] + 20])
        if gap is None or after is None or first.kind != second.kind:
            continue
        units = gap.group("unit").strip(), after.group("unit").strip()
        if first.kind in ("money", "temperature"):
            other = re.sub(r"[\d.,\s]", "", first.surface) != re.sub(
                r"[\d.,\s]", "", second.surface
            )
        else:
            other = first.kind == "number" and all(_UNITS.fullmatch(u) for u in units)
            other = other and units[0].lower() != units[1].lower()
        if other:
            out.add(id(second))
    return out


# a list item's or a provision's number opening its sentence: "4. ", "(4) ", "Point 4: "
_ENUMERATOR = re.compile(
    rf"^\W*(?:(?:{PROVISIONS})\s+)?"
    r"\(?\d{1,3}[a-z]?(?:[.):]|\s+[-–—:])\s",
    re.I,
)


def _enumerator(figure: Figure, text: str) -> bool:
    found = _ENUMERATOR.match(text)
    return found is not None and figure.span[1] <= found.end() and figure.kind == "number"


def as_conversion(claim: Claim) -> Claim:
    return replace(claim, severity="low", detail={**claim.detail, "conversion": True})


def _said_by(figure: Figure, others: tuple[Figure, ...]) -> bool:
    """A date added or dropped that names the day the other sentence still names: "on Tuesday"
    -> "on Tuesday, December 1", "on Tuesday, December 1" -> "on December 1"."""
    return figure.kind == "date" and any(
        f.kind == "date" and redated(figure.value, f.value) for f in others
    )


def _said_in_words(figure: Figure, other: str) -> bool:
    """A nil score or a number one the other sentence says in words."""
    if figure.value == "0" and re.search(r"\b(?:goalless|scoreless|nil-nil)\b", other, re.I):
        return True
    return figure.value == "1" and bool(
        re.search(r"\b(?:top-ranked|top ranked|top seed|top-seeded)\b", other, re.I)
    )


def _redated(claim: Claim) -> Claim:
    return replace(claim, severity="low", detail={**claim.detail, "redated": True})


# "cut by half" -> "halved", "twice as many" -> "doubled": the figure said by a verb
_AS_VERB = {"half": "halv", "twice": "doubl", "double": "doubl", "triple": "tripl"}


def _said_as_verb(figure: Figure, other: str, own: str) -> bool:
    """``figure`` is a word ("half") whose verb ("halved") the other sentence has instead."""
    verb = _AS_VERB.get(figure.surface.lower())
    if verb is None:
        return False
    pattern = re.compile(rf"\b{verb}(?:e|es|ed|ing)\b", re.I)
    return bool(pattern.search(other)) and not pattern.search(own)


def _figure_claim(pair: Pair, old: Figure | None, new: Figure | None, kind: str) -> Claim:
    detail: dict[str, object] = {"figure": kind}
    if old is None:
        detail["appeared"] = True
    if new is None:
        detail["vanished"] = True
    old_span = pair.old.span(*old.span) if old else pair.old_span_for_new(*new.span)  # type: ignore[union-attr]
    new_span = pair.new.span(*new.span) if new else pair.new_span_for_old(*old.span)  # type: ignore[union-attr]
    return Claim(
        "number",
        "high",
        pair.old.text,
        pair.new.text,
        old.surface if old else None,
        new.surface if new else None,
        old_span,
        new_span,
        detail,
    )


_CALENDAR_DAY = re.compile(r"(m\d+d\d+)(y\d+)?")


def _same_day(a: Figure, b: Figure) -> bool:
    day_a, day_b = _CALENDAR_DAY.fullmatch(a.value), _CALENDAR_DAY.fullmatch(b.value)
    if day_a is None or day_b is None or day_a.group(1) != day_b.group(1):
        return False
    return not (day_a.group(2) and day_b.group(2))  # two different years are two dates


# "the end of March" is "31 March": a month's end as its last day
_MONTH_LAST_DAYS = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30,
                    12: 31}  # fmt: skip
_END_OF = re.compile(r"\bend\s+of\s+$", re.I)
_MONTH_ONLY = re.compile(r"m(\d+)(y\d+)?")


def _month_end(month: Figure, day: Figure, text: str) -> bool:
    """``month`` is a bare month after "the end of" in ``text``, and ``day`` its last day."""
    bare = _MONTH_ONLY.fullmatch(month.value)
    if bare is None or not _END_OF.search(text[: month.span[0]]):
        return False
    number, year = int(bare.group(1)), bare.group(2) or ""
    last = {_MONTH_LAST_DAYS[number]} | ({29} if number == 2 else set())
    return any(day.value == f"m{number}d{d}{year}" for d in last)


def _take(figures: tuple[Figure, ...], wanted: Counter[tuple[str, str]]) -> list[Figure]:
    left = Counter(wanted)
    out = []
    for figure in figures:
        if left[figure.key] > 0:
            out.append(figure)
            left[figure.key] -= 1
    return out


# --- figures moved between sentences ------------------------------------------------------


def changed_figures(claims: list[Claim]) -> Counter[tuple[str, str]]:
    """The old figures a claim says were changed into others ("three" -> "five"): they did
    not move anywhere. (Their new figures may be where a figure moved to: the figures of a
    sentence are paired in order, not by meaning.)"""
    changed: Counter[tuple[str, str]] = Counter()
    for claim in claims:
        if claim.kind == "number" and claim.old_value and claim.new_value:
            changed.update(f.key for f in find_figures(claim.old_value)[:1])
    return changed


class FigureBalance:
    """Whether a figure (by its surface) is still as common in the article as before: then a
    figure that left one sentence went to another, and nothing was lost. The article's figures
    are counted once, on first use, paragraph by paragraph (their reading is cached)."""

    def __init__(self, old: str, new: str) -> None:
        self._texts = old, new
        self._counts: tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]] | None = None

    def kept(
        self, surface: str, vanished: bool, changed: Counter[tuple[str, str]] | None = None
    ) -> bool:
        """Old figures ``changed`` into others are not counted: "three" changed to "five" in
        one sentence and "three" come into another is a figure added, not one moved."""
        figures = find_figures(surface)
        if not figures:
            return False
        if self._counts is None:
            old, new = (
                Counter(f.key for line in text.split("\n") for f in find_figures(line))
                for text in self._texts
            )
            self._counts = old, new
        before, after = self._counts
        key = figures[0].key
        if (before if vanished else after)[key] == 0:
            return False  # read alone the surface is another figure ("Half" of "Half of the")
        before_left = before[key] - (changed[key] if changed else 0)
        return after[key] >= before_left if vanished else before_left >= after[key]


def figure_moved(claim: Claim, balance: FigureBalance, changed: Counter[tuple[str, str]]) -> bool:
    if claim.kind != "number":
        return False
    if claim.detail.get("vanished") and claim.old_value:
        return balance.kept(claim.old_value, True, changed)
    if claim.detail.get("appeared") and claim.new_value:
        return balance.kept(claim.new_value, False, changed)
    return False


# A unit's size in the base unit of its quantity (km, hectare, kg, metre, cm): what news
# converts between
_IN_BASE_UNITS = {
    "mile": 1.609344, "miles": 1.609344, "mph": 1.609344, "km": 1.0, "kph": 1.0, "kmh": 1.0,
    "kilometre": 1.0, "kilometres": 1.0, "kilometer": 1.0, "kilometers": 1.0,
    "acre": 0.404686, "acres": 0.404686, "hectare": 1.0, "hectares": 1.0,
    "pound": 0.453592, "pounds": 0.453592, "lb": 0.453592, "lbs": 0.453592, "kg": 1.0,
    "kilogram": 1.0, "kilograms": 1.0, "kilo": 1.0, "kilos": 1.0,
    "foot": 0.3048, "feet": 0.3048, "ft": 0.3048, "metre": 1.0, "metres": 1.0, "meter": 1.0,
    "meters": 1.0, "m": 1.0, "inch": 2.54, "inches": 2.54, "cm": 1.0, "centimetres": 1.0,
}  # fmt: skip
# how far a converted figure may be from the exact conversion (news rounds it)
CONVERSION_SLACK = 0.04


def same_quantity(number: Claim, unit: Claim) -> bool:
    """A figure and its unit both changed, into the same quantity in other units: "90 mph" ->
    "145 km/h", "2,000 acres" -> "809 hectares". Wording (house style), not a new figure."""
    try:
        old, new = float(_plain(number.old_value)), float(_plain(number.new_value))
        old_unit = _IN_BASE_UNITS[(unit.old_value or "").lower()]
        new_unit = _IN_BASE_UNITS[(unit.new_value or "").lower()]
    except (KeyError, ValueError):
        return False
    if old_unit == new_unit or not new:
        return False
    return abs(old * old_unit / (new * new_unit) - 1) <= CONVERSION_SLACK


def _plain(value: str | None) -> str:
    return (value or "").replace(",", "")
