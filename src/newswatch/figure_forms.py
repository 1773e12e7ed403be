"""One figure written another way, less precisely or in words: rounded ("64.2%" -> "64%"), as
its decade ("a 45-year-old" -> "in his 40s"), as "both" ("the two sides" -> "both sides") or in
the other temperature scale ("100F" -> "38C"). The figure rules rank these low or not at all.
"""

from __future__ import annotations

import re
from itertools import pairwise

from newswatch.edits import WORD, Pair
from newswatch.numbers import Figure, find_figures

# the most a figure may move by rounding and still be read as the same figure
ROUNDING_SHARE = 0.025
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def in_decade(old: Figure, new: Figure, pair: Pair) -> bool:
    """An age or a count given as its decade: "a 45-year-old man" -> "a man in his 40s"."""
    for decade, text, other in ((old, pair.old.text, new), (new, pair.new.text, old)):
        if text[decade.span[1] : decade.span[1] + 1] == "s" and decade.value.endswith("0"):
            start, value = float(decade.value), float(other.value)
            return start <= value < start + 10
    return False


def rounded(old: Figure, new: Figure) -> bool:
    """One figure is the other rounded to fewer decimals, in the same unit: "64.2%" and "64%",
    "£1.47bn" and "£1.5bn"; not "64" and "60" (a count rounded to tens is written so on
    purpose: the rules cannot tell it from a change)."""
    found = [m for f in (old, new) if (m := _DIGITS.search(f.surface))]
    if len(found) < 2:
        return False
    written = [m.group().replace(",", "") for m in found]
    try:
        values = [float(f.value) for f in (old, new)]
        numbers = [float(w) for w in written]
    except ValueError:
        return False
    if 0 in numbers or abs(values[0] / numbers[0] - values[1] / numbers[1]) > 1e-9 * abs(
        values[0] / numbers[0]
    ):
        return False  # another unit or multiplier ("£1.5bn" -> "£1.5m")
    if abs(numbers[0] - numbers[1]) > ROUNDING_SHARE * max(numbers):
        return False  # "2.5%" -> "3%" rounds, but a reader sees another rate
    for precise, rough in ((written[0], written[1]), (written[1], written[0])):
        decimals = len(rough.partition(".")[2])
        step = 10.0**-decimals
        if len(precise.partition(".")[2]) > decimals and abs(
            float(precise) - float(rough)
        ) < step / 2 * (1 - 1e-9):
            return True
    return False


# what a count counts, put just after it: "five consecutive weeks", "the third time"
_UNIT_AFTER = 3


def one_count(old: Figure, new: Figure, old_text: str, new_text: str) -> bool:
    """The same count, once bare and once as a length of time or a number of times: "five
    consecutive weeks" -> "five weeks in a row", "the third time this year" -> "three times
    this year"."""
    for bare, told, bare_text in ((old, new, old_text), (new, old, new_text)):
        if bare.kind not in ("number", "ordinal") or told.kind not in ("duration", "number"):
            continue
        words = told.surface.split()
        if told.kind == "duration":
            count, unit = (find_figures(words[0]) or [None])[0], words[-1].lower()
        else:  # "three" with "times" after it
            count, unit = told, _word_after(told, new_text if told is new else old_text)
        after = [w.lower() for w in WORD.findall(bare_text[bare.span[1] :])[:_UNIT_AFTER]]
        told_text = new_text if told is new else old_text
        if _FIRST_IN.search(told_text[max(0, told.span[0] - 30) : told.span[0]]):
            continue  # "the first time in six months" ends a run; "the sixth month" adds to one
        if (
            count is not None
            and count.value == bare.value
            and unit.rstrip("s")
            and any(w.rstrip("s") == unit.rstrip("s") for w in after)
            and (told.kind == "duration" or unit == "times")
        ):
            return True
    return False


_FIRST_IN = re.compile(r"\bfirst\s+(?:time\s+)?in\s+(?:the\s+(?:past|last)\s+)?$", re.I)
_STREAK = re.compile(r"\b(?:in a row|consecutive|straight|successive|running)\b", re.I)
_STREAK_WORDS = 4


def streak_counted(old: Figure, new: Figure, old_text: str, new_text: str) -> bool:
    """A streak told by its last one or by its length: "for the fourth month in a row" ->
    "for four consecutive months"."""
    if {old.kind, new.kind} != {"ordinal", "number"} or old.value != new.value:
        return False
    units = []
    for figure, text in ((old, old_text), (new, new_text)):
        after = " ".join(WORD.findall(text[figure.span[1] :])[:_STREAK_WORDS])
        if not _STREAK.search(after):
            return False
        units.append({w.lower().rstrip("s") for w in WORD.findall(after)})
    return len(units[0] & units[1] - {"in", "a", "row", "consecutive", "straight"}) > 0


def _word_after(figure: Figure, text: str) -> str:
    found = WORD.search(text, figure.span[1])
    return found.group().lower() if found else ""


# a part of a year named as such: "the first half" is six months, "the quarter" three
_PERIODS = (
    (re.compile(r"\b(?:first|second|latter|other)[\s-]half\b|\bhalf[\s-]year\b", re.I), 6),
    (re.compile(r"\b(?:first|second|third|fourth|last|final)\s+quarter\b", re.I), 3),
)


def period_in_months(figure: Figure, other: str) -> bool:
    """ "the first six months of the year" where the other sentence says "the first half"."""
    if figure.kind != "duration":
        return False
    months = float(figure.value) / _MONTH_DAYS
    return any(abs(months - n) < 0.01 and p.search(other) for p, n in _PERIODS)


_MONTH_DAYS = float(find_figures("one month")[0].value)


# a change measured against the year before, said either way: "up 9% on a year ago", "over the
# past year"
_YEAR_BEFORE = re.compile(
    r"\b(?:(?:past|previous|last)\s+(?:year|12\s+months)|year\s+(?:earlier|before|on\s+year)|"
    r"the\s+(?:year|12\s+months)\s+to)\b",
    re.I,
)


def year_before(figure: Figure, text: str, other: str) -> bool:
    """ "on a year ago" where the other sentence says "over the past year"."""
    if figure.kind != "date" or not _A_YEAR_AGO.fullmatch(figure.surface):
        return False
    compared = _COMPARED_WITH.search(text[: figure.span[0]]) is not None
    return compared and _YEAR_BEFORE.search(other) is not None


_A_YEAR_AGO = re.compile(r"an?\s+year\s+(?:ago|earlier)", re.I)
_COMPARED_WITH = re.compile(r"\b(?:on|from|than)\s+$", re.I)


# a bound just before a figure, and how far it moves the figure to the first (or last) whole
# count it allows: "more than 12" allows 13 at least, "fewer than 10" nine at most
_BOUND_BEFORE = re.compile(
    r"\b(more than|over|fewer than|less than|under|at least|no fewer than|no less than|"
    r"at most|no more than|up to)\s+(?:a\s+)?$",
    re.I,
)
_LOWER = {"more than": 1, "over": 1, "at least": 0, "no fewer than": 0, "no less than": 0}
_UPPER = {
    "fewer than": -1,
    "less than": -1,
    "under": -1,
    "at most": 0,
    "no more than": 0,
    "up to": 0,
}


def _whole_bound(figure: Figure, text: str) -> tuple[bool, float] | None:
    """(a floor?, the first or last whole count the bound before ``figure`` allows)."""
    match = _BOUND_BEFORE.search(text, max(0, figure.span[0] - 20), figure.span[0])
    if match is None or figure.kind != "number" or not float(figure.value).is_integer():
        return None
    word = " ".join(match.group(1).lower().split())
    floor = word in _LOWER
    return floor, float(figure.value) + (_LOWER[word] if floor else _UPPER[word])


def bound_restated(old: Figure, new: Figure, pair: Pair) -> bool:
    """One count bounded two ways: "more than a dozen" -> "at least 13", "fewer than 10" ->
    "at most nine"."""
    a, b = _whole_bound(old, pair.old.text), _whole_bound(new, pair.new.text)
    return a is not None and a == b


def bounds_restated(pair: Pair, old: str | None, new: str | None) -> bool:
    """``old`` and ``new`` are bounds, and some count of the sentence is bounded two ways
    (``bound_restated``): the bound's words swapped are no claim of their own."""
    if not (old and new and {old.lower(), new.lower()} <= _LOWER.keys() | _UPPER.keys()):
        return False
    olds, news = find_figures(pair.old.text), find_figures(pair.new.text)
    return any(bound_restated(a, b, pair) for a in olds for b in news)


def change_restated(old: Figure, new: Figure, pair: Pair) -> bool:
    """A move told by its ends told again by its size, or back: "reduced from £10m to £7m" ->
    "cut by £3m to £7m" (10 - 3 = 7); or two figures each told by the other sentence's."""
    for (start, text), (size, other) in (
        ((old, pair.old.text), (new, pair.new.text)),
        ((new, pair.new.text), (old, pair.old.text)),
    ):
        ends = re.match(r"\s+to\s+", text[start.span[1] :])
        by = re.search(r"\bby\s+$", other[: size.span[0]])
        if not ends or not by or not re.search(r"\bfrom\s+$", text[: start.span[0]]):
            continue
        end = next((f for f in find_figures(text) if f.span[0] == start.span[1] + ends.end()), None)
        told = next((f for f in find_figures(other) if f.span[0] > size.span[1]), None)
        if end is None or told is None or end.key != told.key:
            continue
        a, b, moved = _amount(start), _amount(end), _amount(size)
        if a is None or b is None or moved is None:
            continue
        if abs(abs(a - b) - moved) <= 1e-6 * max(abs(a - b), 1.0):
            return True
    # each figure the sum or difference of two of the other sentence ("voted 320 to 210" ->
    # "by a majority of 110, with 320 for")
    # (each in another role: "by 3 points to 5" -> "by 2 points to 5" is a new move)
    olds, news = find_figures(pair.old.text), find_figures(pair.new.text)
    texts = (pair.old.text, pair.new.text)
    return (
        _role(old, texts[0]) != _role(new, texts[1])
        and sum_or_difference(old, olds, news, texts)
        and sum_or_difference(new, news, olds, texts[::-1])
    )


def _role(figure: Figure, text: str) -> str:
    """The word of a move or a margin before a figure, or none."""
    found = _MOVE.search(text[: figure.span[0]])
    return found.group(0).split()[0].lower() if found else ""


def less_exact(old: Figure, new: Figure, pair: Pair) -> bool:
    """One figure written less exactly: rounded, as its decade, or an exact count made the vague
    one it falls in ("about 60 firefighters" -> "dozens of firefighters"). (A vague count given
    exactly, "hundreds" -> "over 400", is not: the dev set's editors call it a change of
    meaning.)"""
    return (
        rounded(old, new)
        or in_decade(old, new, pair)
        # (a bounded count made vague, "over 400" -> "hundreds", is a change, as the dev set's
        # editors label it)
        or (vague_covers(new, old) and not _BOUND_BEFORE.search(pair.old.text[: old.span[0]]))
        or _approximated(old, new, pair)
    )


# a figure given roughly: "about £4bn" for "£4.2bn", "nearly £10m" for "£9.7m"
_ROUGHLY = re.compile(
    r"\b(?:about|around|roughly|approximately|some|an\s+estimated|nearly|almost|close\s+to|"
    r"just\s+(?:under|short\s+of))\s+$",
    re.I,
)
_BELOW = ("nearly", "almost", "close", "just")  # "nearly £10m": a little under it
ROUGH_SHARE = 0.075  # how far news rounds a figure it gives roughly: £4.2bn is "about £4bn"


def _approximated(old: Figure, new: Figure, pair: Pair) -> bool:
    """An exact figure given roughly, near enough to be the same one."""
    if old.kind != new.kind or old.kind not in ("number", "money", "percent"):
        return False
    rough = _ROUGHLY.search(pair.new.text[max(0, new.span[0] - 20) : new.span[0]])
    if rough is None or _ROUGHLY.search(pair.old.text[max(0, old.span[0] - 20) : old.span[0]]):
        return False  # only an exact figure made rough ("about 40" -> "about 50" is a change)
    try:
        exact, given = float(old.value), float(new.value)
    except ValueError:
        return False
    if rough.group(0).split()[0].lower() in _BELOW and given < exact:
        return False  # "nearly 10" is more than 9.7, never less
    return exact > 0 and abs(given - exact) <= ROUGH_SHARE * exact


# the counts news gives in words, and the exact counts each covers: "dozens" is 24 to 199,
# "thousands" 2,000 to 99,999
_VAGUE = {
    "dozens": (24, 200), "scores of": (24, 200), "hundreds": (200, 1000),
    "thousands": (2000, 100_000), "tens of thousands": (20_000, 100_000),
    "hundreds of thousands": (200_000, 1_000_000), "millions": (2e6, 1e8),
}  # fmt: skip


def vague_covers(vague: Figure, exact: Figure) -> bool:
    """``vague`` is a count in words ("dozens") that covers the exact count ``exact``."""
    reach = _VAGUE.get(" ".join(vague.surface.lower().split()))
    if reach is None or vague.kind != "number" or exact.kind != "number":
        return False
    if " ".join(exact.surface.lower().split()) in _VAGUE:
        return False
    try:
        return reach[0] <= float(exact.value) < reach[1]
    except ValueError:
        return False


_SHARES = frozenset({"percent", "points"})


def _counted_alike(*figures: Figure) -> bool:
    kinds = {f.kind for f in figures}
    return kinds <= _SHARES or (len(kinds) == 1 and kinds <= {"number", "money"})


def sum_or_difference(
    figure: Figure, own: tuple[Figure, ...], other: tuple[Figure, ...], texts: tuple[str, str]
) -> bool:
    """A figure one sentence has alone that is the sum or the difference of two figures of the
    other, one of them in both, where a word of a move or a margin stands before the figure or
    the other one ("42%, down from 46%" -> "fell four points to 42%"; "voted 320 to 210" -> "by
    a majority of 110"). ``texts``: the figure's sentence, then the other. Without such a word
    the sum is chance: "killed 3 and injured 5" -> "killed 8 and injured 5" is a new toll."""
    value = _amount(figure)
    if value is None:
        return False
    if _share_of(figure, own, other, texts) or _ratio_of(figure, own, other, texts):
        return True
    kept = {f.key for f in own} & {f.key for f in other}
    amounts = [(f, _amount(f)) for f in other if _counted_alike(figure, f)]
    return any(
        a.key in kept
        and b is not a
        and x is not None
        and y is not None
        and value in (abs(x - y), x + y)
        and _counted_alike(a, b)
        and (_MOVE.search(texts[0][: figure.span[0]]) or _MOVE.search(texts[1][: b.span[0]]))
        for a, x in amounts
        for b, y in amounts
    )


# a word of a move or a margin just before a figure: "fell four points", "down from 46%",
# "a majority of 110"
_MOVE = re.compile(
    r"\b(?:by|from|majority of|margin of|gap of|lead of|fell|rose|dropped|climbed|slipped|"
    r"gained|lost|cut|up|down)\s+(?:(?:a|an|about|some|nearly|almost)\s+)?$",
    re.I,
)


_OF = re.compile(r"\s+of\s+(?:the\s+)?$")
# "seven of the nine" and "7-2", "seven to two"
_PART_OF = re.compile(r"\s+of\s+(?:the\s+)?")
_SPLIT = re.compile(r"\s*[-–]\s*|\s+to\s+")


def split_of_whole(whole: Figure, rest: Figure, texts: tuple[str, str]) -> bool:
    """A part of a whole told as a split: "seven of the nine members voted to hold" -> "voted
    7-2 to hold". ``whole`` (the nine) is gone from the first text and ``rest`` (the two) came
    into the second, after the part both have (the seven)."""
    w, r = _amount(whole), _amount(rest)
    if w is None or r is None:
        return False
    old_text, new_text = texts
    for part in find_figures(new_text):
        x = _amount(part)
        if (
            x is None
            or x + r != w
            or part.span[1] > rest.span[0]
            or not _SPLIT.fullmatch(new_text[part.span[1] : rest.span[0]])
        ):
            continue
        for kept in find_figures(old_text):
            of = _PART_OF.match(old_text, kept.span[1])
            if kept.key == part.key and of and of.end() == whole.span[0]:
                return True
    return False


def _share_of(
    figure: Figure, own: tuple[Figure, ...], other: tuple[Figure, ...], texts: tuple[str, str]
) -> bool:
    """ "Half of the 200 jobs" and "100 of the 200 jobs": a share and its count of one whole
    both sentences name."""
    for part_side, part_text, share_side in ((own, texts[0], other), (other, texts[1], own)):
        for whole in part_side:
            part = next(
                (
                    f
                    for f in part_side
                    if f.span[1] <= whole.span[0]
                    and _OF.fullmatch(part_text[f.span[1] : whole.span[0]])
                ),
                None,
            )
            if part is None or whole.key not in {f.key for f in share_side}:
                continue
            a, b = _amount(part), _amount(whole)
            shares = [_amount(f) for f in share_side if f.kind == "percent"]
            if (
                a is not None
                and b
                and any(x is not None and abs(x - 100 * a / b) < 0.6 for x in shares)
                and figure in (part, *[f for f in share_side if f.kind == "percent"])
            ):
                return True
    return False


_RATIO_WORDS = re.compile(r"\s(?:in|out\s+of)\s", re.I)


def _ratio_of(
    figure: Figure, own: tuple[Figure, ...], other: tuple[Figure, ...], texts: tuple[str, str]
) -> bool:
    """ "Four of the ten" and "four out of ten": a part and its whole, and the share they make
    told as a ratio (which holds both figures in its own)."""
    for counts, text, shares in ((own, texts[0], other), (other, texts[1], own)):
        for part, whole in pairwise(counts):
            a, b = _amount(part), _amount(whole)
            if a is None or not b or not _OF.fullmatch(text[part.span[1] : whole.span[0]]):
                continue
            for share in shares:
                x = _amount(share)
                if (
                    share.kind == "percent"
                    and x is not None
                    and _RATIO_WORDS.search(share.surface)
                    and abs(x - 100 * a / b) < 0.6
                    and figure in (part, whole, share)
                ):
                    return True
    return False


def _amount(figure: Figure) -> float | None:
    """A count, a sum or a share as a number; None for other figures ("5/12", a date)."""
    if figure.kind not in _SHARES | {"number", "money"}:
        return None
    try:
        return float(figure.value)
    except ValueError:
        return None


_A_UNIT = re.compile(r"(?:an?|one)[\s-]", re.I)
# a sum or a count just before: "£15 a day", "twice a week" is a rate
_RATE_OF = re.compile(r"(?:\d(?:[kmb]n?|p|%)?|\b(?:twice|once|times)) $", re.I)


def uncounted(figure: Figure, text: str) -> bool:
    """ "a week", "one-day": a unit with no count of its own, unless it is the rate of a sum or
    a count before it ("£15 a day" -> "£15" drops a daily charge)."""
    before = text[max(0, figure.span[0] - 12) : figure.span[0]]
    return bool(_A_UNIT.match(figure.surface)) and not _RATE_OF.search(before)


_THAN = re.compile(r"\s*(?:than\s*)?", re.I)
ROUND_FLOOR = 100  # "more than 12" -> "at least 12" corrects a count; "... 300" rounds one


def round_floor(text: str, at: int) -> bool:
    """The figure after the bound at ``at`` is a round count of ``ROUND_FLOOR`` or more."""
    figure = next((f for f in find_figures(text) if f.span[0] >= at), None)
    if figure is None or figure.kind != "number" or not _THAN.fullmatch(text[at : figure.span[0]]):
        return False
    try:
        count = float(figure.value)
    except ValueError:
        return False
    return count >= ROUND_FLOOR and count % 10 == 0


# a rate's period said as an adjective ("per_units" reads these too)
RATE_WORDS = {"year": r"annual|annually|yearly|per annum", "month": r"monthly",
              "week": r"weekly", "day": r"daily", "hour": r"hourly"}  # fmt: skip


def rate_as_adjective(figure: Figure, other: str) -> bool:
    """ "5.5% a year" told as "an annual rate of 5.5%": the rate's period as an adjective."""
    unit = re.fullmatch(r"(?:an?|one|per)\s+(year|month|week|day)", figure.surface.lower())
    return (
        unit is not None
        and re.search(rf"\b(?:{RATE_WORDS[unit.group(1)]})\b", other, re.I) is not None
    )
