"""Figures in a sentence, in a form where equal amounts compare equal.

"600,000", "600 000" and "600k" are one figure; "1.5 million" and "1,500,000" too; "11th" and
"eleventh" are one ordinal; "5pm" and "17:00" one time. Percentages, money, ordinals, dates and
times are kept apart from plain counts so that "5 %" and "$5" are never the same claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newswatch.number_words import (
    CLOCK_ZONES,
    CURRENCY_AFTER,
    DAY_WORDS,
    DECADE_WORDS,
    FOREIGN_MONTHS,
    MONTH_NAMES,
    MONTHS,
    MULTIPLIERS,
    ORDINAL_WORDS,
    PENCE_AFTER,
    PER_CENT,
    QUARTER_ENDS,
    QUARTER_STARTS,
    TENS,
    UNITS,
    WORD_NUMBERS,
)
from newswatch.time_lengths import lengths, one_long

_DAY_PATTERN = DAY_WORDS.replace(" ", r"\s+")  # verbose regexes ignore bare spaces
_FOREIGN_MONTH_NAMES = "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True))
_NUMBER_WORDS = "|".join(
    w.replace(" ", r"\s+") for w in sorted({**WORD_NUMBERS, **ORDINAL_WORDS}, key=len, reverse=True)
)

FIGURE = re.compile(
    rf"""
    (?<!\w)  # never inside a word: lets the engine skip mid-word positions at once
    (?:
    (?P<time>\b(?P<hour>\d{{1,2}})(?:[:.](?P<minute>[0-5]\d))?\s?(?P<ampm>[ap]\.\s?m\b\.?|[ap]\s?m\b)
      # "17:00", and "17.00" where a zone follows (else it is a decimal)
      | \b(?P<hour24>[01]?\d|2[0-3])(?::|\.(?=[0-5]\d\s?{CLOCK_ZONES}))(?P<minute24>[0-5]\d)\b
        (?![:.,]?\d)
      # a wire's clock: "0900 GMT", "1430 local time", "1600 hrs"
      | \b(?P<hourw>[01]\d|2[0-3])(?P<minutew>[0-5]\d)(?=\s?{CLOCK_ZONES})
      | \b(?P<noon>noon|midday|midnight)\b
    )
    | (?P<date>\b(?:{_DAY_PATTERN})\b
      | \b(?:(?P<lday>\d{{1,2}})(?:(?:st|nd|rd|th)(?:\s+of)?)?\s+)?(?P<month>{MONTH_NAMES})
        (?![\w])
        (?:\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b)?(?:,?\s+(?P<year>(?:1[89]|20)\d\d)\b)?
      # in other languages, after its day: "5. März 2026", "5 mars", "5 de marzo de 2026"
      | \b(?P<fday>\d{{1,2}})\.?(?:\s+de)?\s+(?P<fmonth>{_FOREIGN_MONTH_NAMES})(?![\w])
        (?:\s+(?:de\s+)?(?P<fyear>(?:1[89]|20)\d\d)\b)?
    )
    # a date in figures: "2026-12-05", "12/05/2026", "5/12" (which of day and month comes
    # first is the site's, so such dates compare only as written)
    | (?P<numdate>\b(?:(?:19|20)\d\d-[01]\d-[0-3]\d|[0-3]?\d/[0-3]?\d(?:/(?:\d{{4}}|\d\d))?)\b)
      (?![/\-]?\d)
    | (?P<cur>[$€£¥]|\b(?:US\$|USD|EUR|GBP)\s?)?
      # not inside a word or a code; a range's end is; a minus sign is ("-5C")
      (?:(?<![\w.\-/–—])|(?<=\d[-–—])|(?<=[-−])(?<![\w.\-/][-−]))
      (?P<num>\d{{1,3}}(?:(?:,|\u202f|\u2009|\ (?=\d{{3}}(?!\d)))\d{{3}})+(?:\.\d+)?
                |\d+(?:[.,]\d+)?)
      (?P<ord>st|nd|rd|th)?
      (?![\w/]*\d)
      (?:\s?(?P<mult>k|m|mn|bn|b|tn|thousand|millions?|billions?|trillion|mio|millionen|millones
        |milioni|milhões|miljoen|mrd|milliarden|milliards|miliardi)(?!\w)(?:(?<=mio|mrd)\.)?)?
      (?P<pct>\s?{PER_CENT})?
      (?P<points>[\s-](?:percentage\ )?(?:points?|pts)\b)?
      (?P<bps>\s?(?:basis\ points?|bps?)\b)?
      (?P<temp>\s?°?\s?(?-i:[CF])\b|\s?°?\s?(?:degrees\ )?(?:celsius|centigrade|fahrenheit)\b)?
    | \b(?:(?P<vague>several|a\s+few)\s+)?
      (?P<word>(?:{TENS})-(?:{UNITS})\b|(?:{_NUMBER_WORDS})\b)
      # "half a million" is 500,000
      (?:\s+(?:(?<=half\s)a\s+)?(?P<wmult>thousand|million|billion|trillion)\b)?
    )
    """,
    re.X | re.I,
)


@dataclass(frozen=True)
class Figure:
    kind: str  # number, percent, money, ordinal, date, time
    value: str  # canonical, comparable
    surface: str
    span: tuple[int, int]

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind, self.value)


def _canonical_number(text: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return float(text.replace(".", ""))  # 30.000: a European thousands separator
    digits = re.sub(r"[,\u202f\u2009 ](?=\d{3}(?!\d))", "", text)
    if re.fullmatch(r"\d+,\d{1,2}", digits):  # a European decimal comma: 2,5
        digits = digits.replace(",", ".")
    return float(digits.replace(",", ""))


def _fmt(value: float) -> str:
    return f"{value:.6g}" if value < 1e6 else f"{value:.4e}"


_AGO = re.compile(r"^an? (week|month|year) ago$")


def _date(match: re.Match[str], surface: str, span: tuple[int, int]) -> Figure | None:
    month = match.group("month")
    if month == "may" and not re.search(r"\d", surface):
        return None  # "may" the verb, not the month
    value = re.sub(r"\s+", " ", surface.lower().rstrip("."))
    value = _AGO.sub(r"last \1", value)  # "a week ago" is "last week"
    number = None
    if match.group("fmonth"):  # "5. März 2026" is "5 March 2026"
        number = FOREIGN_MONTHS[match.group("fmonth").lower()]
        day, year = match.group("fday"), match.group("fyear")
    elif month:
        number = MONTHS[month.lower()[:3]]
        day, year = match.group("day") or match.group("lday"), match.group("year")
    if number is not None:
        value = f"m{number}" + (f"d{int(day)}" if day else "") + (f"y{year}" if year else "")
    return Figure("date", value, surface, span)


def _numeric_date(surface: str, span: tuple[int, int]) -> Figure:
    """ "05/12" is "5/12"; "24/7" and "9/11" are read as written too, and stay equal."""
    if "-" in surface:  # "2026-12-05" is "December 5, 2026"
        year, month, day = (int(part) for part in surface.split("-"))
        return Figure("date", f"m{month}d{day}y{year}", surface, span)
    parts = [str(int(part)) for part in surface.split("/")]
    return Figure("date" if len(parts) == 3 else "number", "/".join(parts), surface, span)


_NOON = {"noon": 12, "midday": 12, "midnight": 0}


def _time(match: re.Match[str], surface: str, span: tuple[int, int]) -> Figure | None:
    """A time of day as minutes past midnight: "10:30 a.m.", "10.30am" and "10:30" are one
    time, "5pm" and "17:00" another, "noon" is "12pm"."""
    if match.group("noon"):
        hour, minute = _NOON[match.group("noon").lower()], 0
    elif match.group("hour24"):
        hour, minute = int(match.group("hour24")), int(match.group("minute24"))
    elif match.group("hourw"):
        hour, minute = int(match.group("hourw")), int(match.group("minutew"))
    else:
        hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
        if not 1 <= hour <= 12:
            return None  # "13pm" is no time
        hour = hour % 12 + (12 if match.group("ampm")[0].lower() == "p" else 0)
    return Figure("time", f"{hour:02d}:{minute:02d}", surface, span)


def _word(match: re.Match[str], text: str, surface: str, span: tuple[int, int]) -> Figure | None:
    word = " ".join(match.group("word").lower().split())
    if "-" in word:  # "twenty-five", "twenty-first"
        tens, units = word.split("-")
        if units in ORDINAL_WORDS:
            return Figure("ordinal", str(WORD_NUMBERS[tens] + ORDINAL_WORDS[units]), surface, span)
        amount = (WORD_NUMBERS[tens] + WORD_NUMBERS[units]) * MULTIPLIERS.get(
            (match.group("wmult") or "").lower(), 1
        )
        return Figure("number", _fmt(amount), surface, span)
    if match.group("vague") and word in ("hundred", "thousand"):
        word += "s"  # "several hundred" people are "hundreds"
    if word in ORDINAL_WORDS:
        return Figure("ordinal", str(ORDINAL_WORDS[word]), surface, span)
    if word == "half" and (
        _PERIOD_HALF.search(text[max(0, match.start() - 8) : match.start()])
        or _HALF_WORD.match(text, match.end())
    ):
        return None  # "the second half" of a year or a match, "half-time": no figure
    if word in ("one", "once") and not match.group("wmult"):
        # "one of them", "no one", "asked for one after", "this one" and "at once" are not
        # counts: "one" stands for a thing named elsewhere
        following = text[match.end() : match.end() + 12].lower()
        before = text[max(0, match.start() - 6) : match.start()].lower()
        pronoun = _PRONOUN_ONE_AFTER.match(following) or _PRONOUN_ONE_BEFORE.search(before)
        if word == "once" or pronoun:
            return None
    amount = WORD_NUMBERS[word] * MULTIPLIERS.get((match.group("wmult") or "").lower(), 1)
    return Figure("number", _fmt(amount), surface, span)


# a half that is a period ("the second half" of a year or a match), not a figure or a share
PERIOD_HALVES = ("first", "second", "latter", "former", "other")
_HALF_WORD = re.compile(r"[\s-]?(?:time|way|term|hearted|brother|sister|price)\b", re.I)
_PERIOD_HALF = re.compile(rf"\b(?:{'|'.join(PERIOD_HALVES)})[\s-]+$", re.I)
_PRONOUN_ONE_AFTER = re.compile(
    r"(?:\s*[.,;:!?)]|\s+(?:of|another|who|whom|whose|that|which|after|before)\b)"
)
_PRONOUN_ONE_BEFORE = re.compile(r"\b(?:no|the|this|that|any|every|each|which)(?:\s+|-)$")


_PERCENT_AFTER = re.compile(r"\s?" + PER_CENT, re.I)
# a per cent sign or word on its own ("%" -> "per cent" is one unit written two ways)
PER_CENT_MARK = re.compile(PER_CENT, re.I)
_POINTS_AFTER = re.compile(r"[\s-](?:percentage\s)?(?:points?|pts)\b", re.I)  # "eight-point"
_DECADE_FIGURES = re.compile(r"\d0s\b")
_SEASON_START = re.compile(r"\b(19|20)\d\d[-–—]$")
_POUNDS_AFTER = re.compile(r"\s+pounds\b", re.I)  # a sum only in millions: "1.2bn pounds"
_CURRENCY_AFTER, _PENCE_AFTER = (re.compile(p, re.I) for p in (CURRENCY_AFTER, PENCE_AFTER))


# A share written as a fraction or a ratio is a percentage: "half of", "a quarter of", "two-thirds
# of", "one in four", "nine out of 10". Rounded to a whole per cent, as "33%" is "a third".
_SMALL = "|".join(w for w, n in WORD_NUMBERS.items() if isinstance(n, int) and 1 <= n <= 100)
_FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0}
_PROPORTION = re.compile(
    rf"\b(?P<n>\d{{1,3}}|{_SMALL})\s+(?:in|out\s+of)\s+(?P<d>(?!(?:19|20)\d\d\b)\d{{1,4}}|{_SMALL})\b"
    r"(?!\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|games?|matches|races|"
    r"attempts|seasons|innings|rounds|places|states|countries|cities|areas)\b)"
    rf"|\b(?P<count>an?|one|two|three|four|nine|{TENS})[\s-]+"
    r"(?P<part>half|thirds?|quarters?|fifths?|tenths?)(?=\s+(?:of|the)\b)"
    # "the second half of the year" is a period, not a share
    + "|"
    + "".join(f"(?<!{word} )" for word in PERIOD_HALVES)
    + r"\b(?P<half>half)(?=\s+(?:of|the|his|her|its|their)\b)"
    # "more than half said": a share of those the sentence counts, after a bound
    + r"|\b(?P<bounded>half)(?:(?<=than half)|(?<=over half)|(?<=under half)|(?<=nearly half)|"
    r"(?<=almost half)|(?<=about half)|(?<=around half))\b(?![\s-]+(?:an?|hours?|days?|weeks?|"
    r"months?|years?|time|way|point|dozen|million|billion|thousand|percentage)\b)",
    re.I,
)
# a change by a share: "fell by a fifth", "cut by two-thirds", "rose by half" (the share only)
_BY_SHARE = re.compile(
    r"(?:(?<=\bby\s)|(?<=\bby about\s)|(?<=\bby around\s)|(?<=\bby nearly\s)|"
    r"(?<=\bby almost\s)|(?<=\bby roughly\s)|(?<=\bby more than\s)|(?<=\bby over\s))"
    rf"(?:(?P<count>an?|one|two|three|four|nine|{TENS})[\s-]+)?"
    r"(?P<part>half|thirds?|quarters?|fifths?|tenths?)\b"
    r"(?!\s+(?:an?\s+)?(?:hour|point|percentage|mile|inch|day|week|month|year|century|million|"
    r"billion|trillion|dozen|thousand|hundred)s?\b"
    r"|\s+(?:of|the)\b)",  # "by half of" is a share the proportions already read
    re.I,
)


def durations(text: str) -> list[float]:
    """The lengths of time ``text`` names, in days, in order."""
    return [float(f.value) for f in _durations(text)]


def _durations(text: str) -> list[Figure]:
    out = [Figure("duration", _fmt(days), surface, span) for days, surface, span in lengths(text)]
    long = [  # "a decade-long study" ran for ten years
        Figure("duration", _fmt(days), surface, span) for days, surface, span in one_long(text)
    ]
    return sorted(out + _without(long, out), key=lambda f: f.span)


# a central bank's step: "a quarter point", "a half-point cut", "half a percentage point"
_POINT_FRACTION = re.compile(
    r"\b(?:(?:an?\s+)?(?P<part>quarter|half)(?:[\s-]+|\s+of\s+an?\s+)|(?P<half>half)\s+an?\s+"
    r"|(?P<three>three)[\s-]quarters\s+of\s+an?\s+)(?:percentage[\s-]+)?point\b",
    re.I,
)


def _point_fractions(text: str) -> list[Figure]:
    out = []
    for match in _POINT_FRACTION.finditer(text):
        part = (match.group("part") or "").lower()
        value = 0.75 if match.group("three") else 0.25 if part == "quarter" else 0.5
        out.append(Figure("points", _fmt(value), match.group(0), match.span()))
    return out


def _proportions(text: str) -> list[Figure]:
    out = []
    for match in [*_PROPORTION.finditer(text), *_BY_SHARE.finditer(text)]:
        if match.group("part") and not match.group("count"):
            share = _FRACTIONS[match.group("part").lower().rstrip("s")]  # "by half"
        elif match.re is _PROPORTION and (match.group("half") or match.group("bounded")):
            share = 50.0
        elif match.group("part"):
            count = match.group("count").lower()
            many = 1 if count in ("a", "an") else WORD_NUMBERS[count]
            share = many * _FRACTIONS[match.group("part").lower().rstrip("s")]
        else:
            n, d = (
                int(g) if g.isdigit() else WORD_NUMBERS[g.lower()]
                for g in (match.group("n"), match.group("d"))
            )
            if not 0 < n <= d:
                continue
            share = 100 * n / d
        if share <= 100:
            out.append(Figure("percent", _fmt(round(share)), match.group(0), match.span()))
    return out


# A company's quarter, however a report names it: "the third quarter", "Q3", "the three months
# to September" (a calendar year's; a fiscal year's quarters are named as the company names them)
# (or "between July and September")
_QUARTER = re.compile(
    r"\b(?:(?P<nth>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\b|Q(?P<q>[1-4])\b"
    r"|(?:three\s+months|quarter)\s+(?:to|ended|ending|through)\s+(?:the\s+end\s+of\s+)?"
    r"(?P<month>March|June|September|December)\b|(?:(?:between|from)\s+)?(?P<start>January|April|"
    r"July|October)\s*(?:and|to|through|-|–)\s*(?P<end>March|June|September|December)\b)",
    re.I,
)


def _quarters(text: str) -> list[Figure]:
    out = []
    for match in _QUARTER.finditer(text):
        if match.group("nth"):
            nth = match.group("nth").lower()
            number = int(nth[0]) if nth[0].isdigit() else ORDINAL_WORDS[nth]
        elif match.group("q"):
            number = int(match.group("q"))
        else:  # "from April to September" is two quarters
            number = QUARTER_ENDS[(match.group("month") or match.group("end")).lower()]
            if match.group("start") and QUARTER_STARTS[match.group("start").lower()] != number:
                continue
        out.append(Figure("date", f"q{number}", match.group(0), match.span()))
    return out


# a decade in words is the decade in figures: "the nineties" is "the 1990s" (as figures read it:
# 1990). Only after "the": "in her thirties" is an age.
_DECADE = re.compile(
    r"(?<=\bthe\s)(?:(?:early|mid|late)[\s-]+)?(?P<decade>" + "|".join(DECADE_WORDS) + r")\b", re.I
)


def _decades(text: str) -> list[Figure]:
    return [
        Figure(
            "number", str(DECADE_WORDS[m.group("decade").lower()]), m["decade"], m.span("decade")
        )
        for m in _DECADE.finditer(text)
    ]


def _without(figures: list[Figure], covering: list[Figure]) -> list[Figure]:
    return [
        f
        for f in figures
        if not any(f.span[0] < c.span[1] and c.span[0] < f.span[1] for c in covering)
    ]


@lru_cache(maxsize=8192)
def find_figures(text: str) -> tuple[Figure, ...]:
    """The figures of a text, with spans into it. Cached: the same sentences and paragraphs
    come back in every comparison of an article's versions."""
    quarters = _quarters(text)
    points = _point_fractions(text)  # "a quarter of a percentage point" is no share
    shares = (
        _without(_proportions(text), points)
        + points
        + quarters
        + _without(_durations(text), quarters)
        + _decades(text)
    )
    figures = _figures(text)
    if not shares:
        return figures
    return tuple(sorted(_without(list(figures), shares) + shares, key=lambda f: f.span))


def _figures(text: str) -> tuple[Figure, ...]:
    figures: list[Figure] = []
    for match in FIGURE.finditer(text):
        surface = match.group(0).strip()
        start = match.start() + (len(match.group(0)) - len(match.group(0).lstrip()))
        span = (start, start + len(surface))
        figure: Figure | None
        if match.group("time"):
            figure = _time(match, surface, span)
        elif match.group("numdate"):
            figure = _numeric_date(surface, span)
        elif match.group("date"):
            figure = _date(match, surface, span)
        elif match.group("word"):
            figure = _word(match, text, surface, span)
            percent = _PERCENT_AFTER.match(text, span[1]) if figure is not None else None
            points = _POINTS_AFTER.match(text, span[1]) if figure is not None else None
            if figure is not None and figure.kind == "number" and percent is not None:
                end = percent.end()  # "ten percent" is "10%"
                figure = Figure("percent", figure.value, text[span[0] : end], (span[0], end))
            elif figure is not None and figure.kind == "number" and points is not None:
                end = points.end()  # "five points" is "5 points"
                figure = Figure("points", figure.value, text[span[0] : end], (span[0], end))
        elif match.group("num") is not None:
            figure = _numeral(match, surface, span)
            if (
                span[0]
                and text[span[0] - 1] in "'’"
                and (_DECADE_FIGURES.match(text, span[0]) or re.fullmatch(r"\d\d", surface))
            ):
                # "the '90s" is "the 1990s", "'98" is 1998; a year to come is this century's
                short = int(match.group("num"))
                figure = Figure(
                    "number", _fmt((1900 if short > 30 else 2000) + short), surface, span
                )
            season = _SEASON_START.search(text, max(0, span[0] - 5), span[0])
            if season is not None and season.end() == span[0] and len(match.group("num")) == 2:
                # "2019–20" ends in 2020, as "2019-2020" does
                century = int(season.group(1)) * 100
                figure = Figure("number", _fmt(century + int(match.group("num"))), surface, span)
            sign = _MINUS.search(text, max(0, span[0] - 6), span[0])
            if sign is not None and not match.group("cur"):  # "-5C", "minus 0.3%"
                start = sign.start()
                value = "-" + figure.value
                figure = Figure(figure.kind, value, text[start : span[1]], (start, span[1]))
            currency = _CURRENCY_AFTER.match(text, span[1]) if figure.kind == "number" else None
            if currency is None and figure.kind == "number" and match.group("mult"):
                currency = _POUNDS_AFTER.match(text, span[1])  # "1.2 billion pounds" is a sum
            pence = None if currency else _PENCE_AFTER.match(text, span[1])
            if figure.kind == "number" and (after := currency or pence) is not None:
                end = after.end()  # "1.2 million euros": its currency part of its surface
                value = _fmt(float(figure.value) / 100) if pence else figure.value
                figure = Figure("money", value, text[span[0] : end], (span[0], end))
        else:
            figure = None
        if figure is not None:
            figures.append(figure)
    return tuple(figures)


_MILLIONS_OF = re.compile(
    r"\s+(?:people|residents|voters|votes|users|customers|households|homes|viewers|barrels|jobs|"
    r"children|workers|visitors|subscribers|patients|doses|copies|passengers|refugees|members)\b"
)
# a minus before a figure: a sign, not a hyphen ("COVID-19") or a range ("10-15")
_MINUS = re.compile(r"(?:(?<![\w.\-/])[-−]|\bminus\s+)$", re.I)


def _numeral(match: re.Match[str], surface: str, span: tuple[int, int]) -> Figure:
    amount = _canonical_number(match.group("num"))
    mult = (match.group("mult") or "").lower()
    if (
        mult in ("m", "b")
        and not match.group("cur")
        and not _MILLIONS_OF.match(match.string, span[1])
    ):
        mult = ""  # "5 m" is more often metres than millions, but "2m people" are millions
        surface = surface[: surface.lower().rfind(match.group("mult").lower())].strip() or surface
        span = (span[0], span[0] + len(surface))
    amount *= MULTIPLIERS.get(mult, 1)
    if match.group("ord") and not match.group("cur") and not match.group("pct"):
        return Figure("ordinal", _fmt(amount), surface, span)
    if match.group("temp"):  # "40C", "40 °C" and "40 degrees Celsius" are one temperature
        scale = "F" if match.group("temp").strip(" °").lower()[0] == "f" else "C"
        return Figure("temperature", _fmt(amount) + scale, surface, span)
    if match.group("bps"):  # "25 basis points" is "0.25 points"
        return Figure("points", _fmt(amount / 100), surface, span)
    if match.group("points"):  # "5 percentage points" and "5 points": not "5%"
        kind = "points"
    elif match.group("pct"):
        kind = "percent"
    elif match.group("cur"):
        kind = "money"
    else:
        kind = "number"
    return Figure(kind, _fmt(amount), surface, span)
