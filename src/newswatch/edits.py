"""An edited pair of sentences and its word diff, with the positions that link the two sides.

Detectors in ``newswatch.detectors`` and the engine in ``newswatch.claims`` work on ``Pair``:
offsets local to each side are turned into offsets in the whole article text by ``Side.span``,
and ``to_old`` / ``to_new`` find where a position on one side sits on the other, so a value
that only exists on one side still gets a precise (zero-width) span on the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

WORD = re.compile(r"\w+", re.UNICODE)
# Words that carry grammar, not information: how much of an edit is content is counted without
# them.
FUNCTION_WORDS = frozenset(
    """a an the of to in on at by for from with and or but that which who whom whose this these
    those it its is are was were be been being has have had do does did also as so very just then
    than there their they them he she his her we our us you your i me my will would can could
    should shall must may might into onto upon about over under up down out off some any each
    such what when where while how all both other another more most much many only even still
    yet however though although because since if whether not no never him after before during
    until between through across within among around towards toward via per""".split()
)
# The words (as WORD reads them: "didn't" is "didn", "t") that negate what follows.
# The commonest negations of the other languages news is watched in (German, French, Dutch,
# Spanish, Portuguese, Italian): "ist nicht", "n'est pas", "is niet", "nunca", "non è"
OTHER_NEGATORS = (
    "nicht kein keine keinen keinem keiner keines nie niemals pas jamais aucun aucune niet "
    "geen nooit não nunca ningún ninguna ninguno nessuno nessuna non"
).split()
NEGATORS = frozenset({"not", "no", "never", "t", "without", "neither", "nor", *OTHER_NEGATORS})
# ... and the pronouns that deny on their own ("None were hurt", "Nobody saw it")
NEGATING = NEGATORS | {"none", "nobody", "nothing"}
# What a numbered provision of a text is called: "Clause 7", "Point 3", "Article 5".
PROVISIONS = "clause|point|article|section|paragraph|item|provision|principle|annex"
LEVELS = ("cosmetic", "low", "medium", "high")  # a claim's severity, least first


@dataclass(frozen=True)
class Claim:
    """One changed claim. Spans are character offsets into the article texts compared (for a
    headline claim, into the headlines). A span covers the value on its side (the figure, the
    name, the whole sentence added or removed); for a quote or a rewording it covers the words
    that changed. Where a side has no value, its span is the gap the value went into or came
    out of."""

    kind: str
    severity: str
    old: str | None = None
    new: str | None = None
    old_value: str | None = None
    new_value: str | None = None
    old_span: tuple[int, int] | None = None
    new_span: tuple[int, int] | None = None
    detail: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Side:
    """One side of a unit: its text and where it starts in the article text."""

    text: str
    offset: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        return (self.offset + start, self.offset + end)

    @property
    def whole(self) -> tuple[int, int]:
        return (self.offset, self.offset + len(self.text))


@dataclass(frozen=True)
class Hunk:
    """A run of removed and/or added text between two kept stretches."""

    old_start: int
    old_end: int
    new_start: int
    new_end: int
    removed: str
    added: str

    def touches_old(self, span: tuple[int, int]) -> bool:
        return _touch((self.old_start, self.old_end), span)

    def touches_new(self, span: tuple[int, int]) -> bool:
        return _touch((self.new_start, self.new_end), span)


def _touch(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:
        return a[0] <= b[1] and b[0] <= a[1]
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class Pair:
    old: Side
    new: Side
    edits: list[tuple[int, str]]
    _hunks: list[Hunk] | None = field(default=None, repr=False)

    @property
    def hunks(self) -> list[Hunk]:
        if self._hunks is None:
            self._hunks = hunks(self.edits)
        return self._hunks

    def to_old(self, position: int) -> int:
        """Where a position in the new side falls in the old side."""
        return _map_position(self.edits, position, 1)

    def to_new(self, position: int) -> int:
        """Where a position in the old side falls in the new side."""
        return _map_position(self.edits, position, -1)

    def old_span_for_new(self, start: int, end: int) -> tuple[int, int]:
        """The old-side span matching a new-side span; where it was inserted, the gap of
        whitespace it went into."""
        return self.old.span(*gap(self.old.text, self.to_old(start), self.to_old(end)))

    def new_span_for_old(self, start: int, end: int) -> tuple[int, int]:
        return self.new.span(*gap(self.new.text, self.to_new(start), self.to_new(end)))

    def touches(self, hunk: Hunk, claim: Claim) -> bool:
        """The claim's span on either side meets the hunk."""
        return hunk.touches_old(_local(claim.old_span, self.old)) or hunk.touches_new(
            _local(claim.new_span, self.new)
        )


def _local(span: tuple[int, int] | None, side: Side) -> tuple[int, int]:
    """An article-wide span as an offset into one side's text; (-1, -1) for none."""
    if span is None:
        return (-1, -1)
    return (span[0] - side.offset, span[1] - side.offset)


def gap(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen an empty span over the whitespace around it: the gap something went into."""
    if start != end:
        return (start, end)
    while start > 0 and text[start - 1].isspace():
        start -= 1
    while end < len(text) and text[end].isspace():
        end += 1
    return (start, end)


def hunks(edits: list[tuple[int, str]]) -> list[Hunk]:
    """Group the diff into hunks; changes separated only by whitespace form one hunk."""
    out: list[Hunk] = []
    old_pos = new_pos = 0
    opened: tuple[int, int] | None = None  # where the open hunk starts (old, new)
    closed_at = (0, 0)  # where it would end: after its last change
    removed: list[str] = []
    added: list[str] = []
    gap = ""  # whitespace kept between two changes of one hunk

    def close() -> None:
        nonlocal opened
        if opened is not None:
            out.append(
                Hunk(
                    opened[0],
                    closed_at[0],
                    opened[1],
                    closed_at[1],
                    "".join(removed),
                    "".join(added),
                )
            )
        opened = None
        removed.clear()
        added.clear()

    for op, text in edits:
        if op == 0:
            if opened is not None and not text.strip():
                gap = text
            else:
                close()
                gap = ""
            old_pos += len(text)
            new_pos += len(text)
            continue
        if opened is None:
            opened = (old_pos, new_pos)
        elif gap:
            removed.append(gap)
            added.append(gap)
            gap = ""
        if op == -1:
            removed.append(text)
            old_pos += len(text)
        else:
            added.append(text)
            new_pos += len(text)
        closed_at = (old_pos, new_pos)
    close()
    return out


def _map_position(edits: list[tuple[int, str]], position: int, own: int) -> int:
    """Where ``position`` on one side of ``edits`` falls on the other; ``own`` is the op of the
    text only that side has (1, inserted, for the new side; -1, deleted, for the old)."""
    mine = theirs = 0
    for op, text in edits:
        size = len(text)
        if op == 0:
            if position <= mine + size:
                return theirs + (position - mine)
            mine += size
            theirs += size
        elif op == own:
            if position <= mine + size:
                return theirs  # inside text the other side lacks: where it would have been
            mine += size
        else:
            theirs += size
    return theirs


MIN_TRADED_WORD = 5  # "thier" for "their"
MIN_SLIP_WORD = 7  # a letter left out or struck in a shorter word may make another ("tree")


def misspelt_in(word: str, other: str) -> bool:
    """``other`` has ``word`` misspelt (or ``word`` is the misspelling): two letters traded
    ("htousands", "generlaly"), or, in a longer word, one left out, doubled or struck on the
    same first letter ("goverment"). An inflection ("million", "millions") is no typo. A typo
    put right is no word put in."""
    from rapidfuzz.distance import Levenshtein

    low = word.lower()
    if len(low) < MIN_TRADED_WORD or not low.isalpha():
        return False
    for candidate in {w.lower() for w in WORD.findall(other)}:
        if (
            abs(len(candidate) - len(low)) > 1
            or candidate.startswith(low)
            or low.startswith(candidate)
        ):
            continue
        distance = Levenshtein.distance(candidate, low)
        if sorted(candidate) == sorted(low) and distance == 2:
            return True  # two letters traded
        if distance == 1 and candidate[0] == low[0] and len(low) >= MIN_SLIP_WORD:
            return True
    return False


def hunk_fact_claim(
    pair: Pair,
    hunk: Hunk,
    severity: str,
    old: str | None,
    new: str | None,
    detail: dict[str, object],
) -> Claim:
    """A key-fact claim on one hunk of ``pair``."""
    return Claim(
        "fact",
        severity,
        pair.old.text,
        pair.new.text,
        old,
        new,
        pair.old.span(hunk.old_start, hunk.old_end),
        pair.new.span(hunk.new_start, hunk.new_end),
        detail,
    )
