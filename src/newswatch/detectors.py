"""Detectors of factual change inside an edited sentence pair.

Each detector looks for one kind of claim change (a figure, a polarity, a quote, a hedge, a name,
an attribution) and returns claims with precise spans; ``newswatch.claims`` decides what is left
over. The rules are written for news in general: what a reader would repeat or rely on.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from functools import cached_property, lru_cache

from rapidfuzz import fuzz

from newswatch.edits import WORD, Claim, Pair
from newswatch.names import (
    echoes,
    inside,
    names,
    one_person,
    proper_words,
    recased,
    same_name,
    stands_for_words_in,
)
from newswatch.numbers import Figure, find_figures
from newswatch.redating import redated, same_year
from newswatch.sourcing import QUOTE, respelt, speaker

NEGATION = re.compile(
    r"\b(?:not|never|no|none|nobody|nothing|nowhere|neither|nor|without|"
    r"den(?:y|ies|ied|ying)|refus(?:e|es|ed|ing)|reject(?:s|ed|ing)?|"
    r"fail(?:s|ed|ing)? to|has yet to|have yet to|cannot|rul(?:e|es|ed|ing) out|"
    # the article's own verdict that a claim is untrue: "falsely said", "wrongly convicted"
    r"falsely|wrongly|wrongfully|incorrectly|erroneously|mistakenly|baselessly|baseless|"
    r"unfounded)\b|n't\b",
    re.I,
)
# Words that make a claim less certain (epistemic hedges). Tense and plain modality (will,
# would, must, can) are left out: "will" -> "would" in reported speech is style, not doubt.
HEDGE = re.compile(
    r"\b(?:may|might|could|reportedly|allegedly|alleged|allegations?|apparently|possibly|probably|"
    r"likely|unlikely|perhaps|purportedly|supposedly|seemingly|presumably|suspected|"
    r"unconfirmed|unverified|(?:is|are|was|were) (?:expected|said|believed|thought|understood|"
    r"reported|rumou?red) to|appears? to|appeared to|seems? to|seemed to)\b",
    re.I,
)


WordingTest = Callable[[str, str], bool]


class Context:
    """What the detectors may know of the whole article: its words before and after (worked
    out on first use: most comparisons never need them)."""

    def __init__(self, old_text: str, new_text: str) -> None:
        self.old_text = old_text
        self.new_text = new_text

    @cached_property
    def proper(self) -> frozenset[str]:
        """The words either version capitalises inside a sentence, alone or ending a name."""
        return proper_words(self.old_text) | proper_words(self.new_text)

    @cached_property
    def proper_alone(self) -> frozenset[str]:
        """The words either version capitalises alone inside a sentence ("in Geneva")."""
        return proper_words(self.old_text, alone=True) | proper_words(self.new_text, alone=True)

    @cached_property
    def old_words(self) -> frozenset[str]:
        return vocabulary(self.old_text)

    @cached_property
    def new_words(self) -> frozenset[str]:
        return vocabulary(self.new_text)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, language-light stem: enough to see "troops"/"troop", "rapes"/"raped" or
    "dropped"/"drops" as one word."""
    w = word.lower()
    for suffix in ("ings", "ing", "edly", "ed", "es", "s", "ly"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
                w = w[:-1]  # dropp -> drop, but keep "fall", "miss", "agree"
            return w
    return w


def vocabulary(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in WORD.findall(text))


# --- figures --------------------------------------------------------------------------------


def number_claims(pair: Pair) -> list[Claim]:
    before, after = find_figures(pair.old.text), find_figures(pair.new.text)
    gone = Counter(f.key for f in before) - Counter(f.key for f in after)
    came = Counter(f.key for f in after) - Counter(f.key for f in before)
    lost, got = _take(before, gone), _take(after, came)
    # "March 4, 2008" -> "March 4": the year dropped (or added) from a date is style, the day
    # is the same
    for f_old in [f for f in lost if f.kind == "date"]:
        twin = next((f for f in got if f.kind == "date" and _same_day(f_old, f)), None)
        if twin is not None:
            lost.remove(f_old)
            got.remove(twin)
    lost = [f for f in lost if not _said_as_verb(f, pair.new.text, pair.old.text)]
    got = [f for f in got if not _said_as_verb(f, pair.old.text, pair.new.text)]
    claims: list[Claim] = []
    # "this year" -> "in 2026": a year word written as its year (a date figure, a number)
    for f_old, f_new in [*_years_written_out(lost, got), *_years_written_out(got, lost)]:
        if f_old in lost and f_new in got:
            lost.remove(f_old)
            got.remove(f_new)
            claims.append(_redated(_figure_claim(pair, f_old, f_new, "date")))
        else:  # the year in the old sentence, the word in the new
            lost.remove(f_new)
            got.remove(f_old)
            claims.append(_redated(_figure_claim(pair, f_new, f_old, "date")))
    for kind in ("percent", "money", "ordinal", "date", "time", "number"):
        a = [f for f in lost if f.kind == kind]
        b = [f for f in got if f.kind == kind]
        for f_old, f_new in zip(a, b, strict=False):
            claim = _figure_claim(pair, f_old, f_new, kind)
            if kind == "date" and redated(f_old.value, f_new.value):
                # re-dated as the story aged ("today" -> "on Tuesday"): shown, not alerted
                claim = _redated(claim)
            claims.append(claim)
        # an ordinal word left alone ("first" dropped from "first raped") is mostly an adverb or
        # a "second" of time: the rewording rules judge it, not the figure rules
        for f_old in a[len(b) :]:
            if not (kind == "ordinal" and f_old.surface.isalpha()):
                claim = _figure_claim(pair, f_old, None, kind)
                claims.append(_redated(claim) if _said_by(f_old, after) else claim)
        for f_new in b[len(a) :]:
            if not (kind == "ordinal" and f_new.surface.isalpha()):
                claim = _figure_claim(pair, None, f_new, kind)
                claims.append(_redated(claim) if _said_by(f_new, before) else claim)
    return claims


def _said_by(figure: Figure, others: tuple[Figure, ...]) -> bool:
    """A date added or dropped that names the day the other sentence still names: "on Tuesday"
    -> "on Tuesday, December 1", "on Tuesday, December 1" -> "on December 1"."""
    return figure.kind == "date" and any(
        f.kind == "date" and redated(figure.value, f.value) for f in others
    )


def _redated(claim: Claim) -> Claim:
    return replace(claim, severity="low", detail={**claim.detail, "redated": True})


def _years_written_out(words: list[Figure], numbers: list[Figure]) -> list[tuple[Figure, Figure]]:
    """Pairs of a year word ("this year") among ``words`` and its year among ``numbers``."""
    out: list[tuple[Figure, Figure]] = []
    for word in [f for f in words if f.kind == "date"]:
        year = next(
            (n for n in numbers if n.kind == "number" and same_year(word.value, float(n.value))),
            None,
        )
        if year is not None and all(year is not n for _, n in out):
            out.append((word, year))
    return out


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


def _take(figures: tuple[Figure, ...], wanted: Counter[tuple[str, str]]) -> list[Figure]:
    left = Counter(wanted)
    out = []
    for figure in figures:
        if left[figure.key] > 0:
            out.append(figure)
            left[figure.key] -= 1
    return out


# --- polarity and certainty ------------------------------------------------------------------


def negation_claim(pair: Pair) -> Claim | None:
    """Polarity flipped: the number of negations differs ("not losing any" = "losing no")."""
    a = list(NEGATION.finditer(pair.old.text))
    b = list(NEGATION.finditer(pair.new.text))
    if len(a) == len(b):
        return None
    return _cue_claim("negation", "high", pair, a, b)


def _hedges(text: str) -> list[re.Match[str]]:
    """The hedges of ``text``. "May" with a capital is the month or a name: news prose does not
    open a sentence with the modal."""
    return [m for m in HEDGE.finditer(text) if m.group(0) != "May"]


def hedge_claim(pair: Pair) -> Claim | None:
    a = _hedges(pair.old.text)
    b = _hedges(pair.new.text)
    # a hedge word that only fixes a misspelt one ("alegged" -> "alleged") is not a new hedge
    removed_words = [w.lower() for h in pair.hunks for w in WORD.findall(h.removed)]
    added_words = [w.lower() for h in pair.hunks for w in WORD.findall(h.added)]
    b = [m for m in b if not respelt(m.group(0).lower(), removed_words)]
    a = [m for m in a if not respelt(m.group(0).lower(), added_words)]
    if {_cue(m) for m in a} == {_cue(m) for m in b}:  # the same hedges, however often
        return None
    return _cue_claim("hedge", "medium", pair, a, b)


def _cue(match: re.Match[str]) -> str:
    # "allegations that", "alleged" and "allegedly" hedge a claim the same way
    words = ["alleged" if w.startswith("alleg") else w for w in match.group(0).lower().split()]
    if len(words) > 1 and words[0] in ("is", "are", "was", "were"):
        words = words[1:]  # "is believed to" and "are believed to" are one hedge
    return " ".join(words)


def _cue_claim(
    kind: str, severity: str, pair: Pair, a: list[re.Match[str]], b: list[re.Match[str]]
) -> Claim:
    removed = Counter(_cue(m) for m in a) - Counter(_cue(m) for m in b)
    added = Counter(_cue(m) for m in b) - Counter(_cue(m) for m in a)
    old_hit = next((m.span() for m in a if _cue(m) in removed), None)
    new_hit = next((m.span() for m in b if _cue(m) in added), None)
    if old_hit is None and new_hit is None:  # same cues, different counts
        old_hit, new_hit = (a[-1].span() if a else None), (b[-1].span() if b else None)
    old_span = pair.old.span(*old_hit) if old_hit else pair.old_span_for_new(*new_hit)  # type: ignore[misc]
    new_span = pair.new.span(*new_hit) if new_hit else pair.new_span_for_old(*old_hit)  # type: ignore[misc]
    return Claim(
        kind,
        severity,
        pair.old.text,
        pair.new.text,
        ", ".join(sorted(removed)) or None,
        ", ".join(sorted(added)) or None,
        old_span,
        new_span,
    )


# --- quotes and who said them ----------------------------------------------------------------


def quote_claims(pair: Pair, wording_changed: WordingTest) -> list[Claim]:
    """Words inside quotation marks changed, or a quote appeared or vanished.

    ``wording_changed(removed, added)`` tells whether a change of words is more than cosmetic.
    """
    a = [(m.group(1), m.span(1)) for m in QUOTE.finditer(pair.old.text)]
    b = [(m.group(1), m.span(1)) for m in QUOTE.finditer(pair.new.text)]
    if [q for q, _ in a] == [q for q, _ in b]:
        return []
    who = speaker(pair.new.text) or speaker(pair.old.text)
    claims: list[Claim] = []
    unmatched = list(b)
    for quote, span in a:
        same = next((x for x in unmatched if x[0] == quote), None)
        if same is not None:
            unmatched.remove(same)
            continue
        best = max(unmatched, key=lambda x: fuzz.ratio(quote, x[0]), default=None)
        if best is not None and fuzz.ratio(quote, best[0]) >= 50:
            unmatched.remove(best)
            changed = _changed_within(quote, best[0], wording_changed)
            if changed is not None:
                (a0, a1), (b0, b1) = changed
                claims.append(
                    Claim(
                        "quote",
                        "medium",
                        pair.old.text,
                        pair.new.text,
                        quote,
                        best[0],
                        pair.old.span(span[0] + a0, span[0] + a1),
                        pair.new.span(best[1][0] + b0, best[1][0] + b1),
                        {"speaker": who},
                    )
                )
        elif not _said_before(quote, pair.new.text):
            claims.append(
                Claim(
                    "quote",
                    "medium",
                    pair.old.text,
                    pair.new.text,
                    quote,
                    None,
                    pair.old.span(*span),
                    pair.new_span_for_old(*span),
                    {"speaker": who, "vanished": True},
                )
            )
    for quote, span in unmatched:
        if _said_before(quote, pair.old.text):
            continue  # the words were there already; the quotation marks are new, and the
            # rewording rules judge any words that changed
        claims.append(
            Claim(
                "quote",
                "medium",
                pair.old.text,
                pair.new.text,
                None,
                quote,
                pair.old_span_for_new(*span),
                pair.new.span(*span),
                {"speaker": who, "appeared": True},
            )
        )
    return _one_quote_for_another(claims)


def _one_quote_for_another(claims: list[Claim]) -> list[Claim]:
    """One quote gone and one come in the same sentence: the quote was changed (""painful but
    necessary" -> "difficult"), one claim rather than two."""
    gone = [c for c in claims if c.detail.get("vanished")]
    came = [c for c in claims if c.detail.get("appeared")]
    if len(gone) != 1 or len(came) != 1:
        return claims
    old, new = gone[0], came[0]
    changed = Claim(
        "quote",
        "medium",
        old.old,
        old.new,
        old.old_value,
        new.new_value,
        old.old_span,
        new.new_span,
        {"speaker": new.detail.get("speaker")},
    )
    return [c for c in claims if c is not old and c is not new] + [changed]


def _changed_within(
    old: str, new: str, wording_changed: WordingTest
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Where the quote's words changed for real (not only case, spelling or punctuation), as
    spans inside the old and the new quote; None when nothing did."""
    from newswatch.diff import word_diff
    from newswatch.edits import hunks

    real = [
        h for h in hunks(word_diff(old, new, semantic=False)) if wording_changed(h.removed, h.added)
    ]
    if not real:
        return None
    return ((real[0].old_start, real[-1].old_end), (real[0].new_start, real[-1].new_end))


def _said_before(quote: str, sentence: str) -> bool:
    """The quote's words stand, nearly all and in order, in the other sentence (a long quote
    only: a short one is a few words that could stand anywhere)."""
    q, other = _normal(quote), _normal(sentence)
    if q in other:
        return True
    return len(q.split()) >= 8 and fuzz.partial_ratio(q, other) >= 85


def _normal(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


# --- names -----------------------------------------------------------------------------------


_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish|i)")
_FIRST_WORD = re.compile(r"[\"'‘“(]?\s*([A-Z][a-z][\w'\-]*)")


def entity_claims(pair: Pair, context: Context) -> list[Claim]:
    """A person, place or organisation replaced by another, or a new name brought in."""
    proper = context.proper
    firsts = {
        m.group(1)
        for m in (_FIRST_WORD.match(pair.old.text), _FIRST_WORD.match(pair.new.text))
        if m
    }
    # "Geneva will host ..." -> "Vienna will host ...": a name for a name; "Russian forces" ->
    # "Ukrainian forces": one people's adjective for another's
    if firsts & context.proper_alone or (
        len(firsts) == 2 and all(_DEMONYM.fullmatch(w) for w in firsts)
    ):
        proper = proper | firsts
    a, b = names(pair.old.text, proper), names(pair.new.text, proper)
    old_names = {n.lower() for n, _ in a}
    new_names = {n.lower() for n, _ in b}
    gone = [e for e in a if e[0].lower() not in new_names and not inside(e[0], new_names)]
    came = [e for e in b if e[0].lower() not in old_names and not inside(e[0], old_names)]
    # a name that only capitalises words the other sentence had ("the herald" -> "The Herald")
    # is no new name
    old_lower = {w.lower() for w in WORD.findall(pair.old.text)}
    new_lower = {w.lower() for w in WORD.findall(pair.new.text)}
    came = [e for e in came if not recased(e[0], pair.old.text, old_lower)]
    gone = [e for e in gone if not recased(e[0], pair.new.text, new_lower)]
    # the same name written differently (spelling, fuller form, acronym) pairs off first
    whole = (context.old_text, context.new_text)
    for entry in list(gone):
        twin = next(
            (c for c in came if same_name(entry[0], c[0]) or one_person(entry[0], c[0], whole)),
            None,
        )
        if twin is not None:
            gone.remove(entry)
            came.remove(twin)
    claims: list[Claim] = []
    for (name_a, span_a), (name_b, span_b) in zip(gone, came, strict=False):
        claims.append(
            Claim(
                "entity",
                "high",
                pair.old.text,
                pair.new.text,
                name_a,
                name_b,
                pair.old.span(*span_a),
                pair.new.span(*span_b),
            )
        )
    old_words = [w.lower() for w in WORD.findall(pair.old.text)]
    for name_b, span_b in came[len(gone) :]:
        if stands_for_words_in(name_b, pair.old.text):
            continue  # an acronym for a name the sentence spelt out
        if not _known(name_b, context.old_words) and not echoes(name_b, old_words):
            claims.append(
                Claim(
                    "entity",
                    "medium",
                    pair.old.text,
                    pair.new.text,
                    None,
                    name_b,
                    pair.old_span_for_new(*span_b),
                    pair.new.span(*span_b),
                    {"appeared": True},
                )
            )
    new_words = [w.lower() for w in WORD.findall(pair.new.text)]
    for name_a, span_a in gone[len(came) :]:
        if stands_for_words_in(name_a, pair.new.text):
            continue  # an acronym spelt out ("PM" -> "prime minister")
        if not _known(name_a, context.new_words) and not echoes(name_a, new_words):
            claims.append(
                Claim(
                    "entity",
                    "medium",
                    pair.old.text,
                    pair.new.text,
                    name_a,
                    None,
                    pair.old.span(*span_a),
                    pair.new_span_for_old(*span_a),
                    {"vanished": True},
                )
            )
    return claims


def _known(name: str, words: frozenset[str]) -> bool:
    """Every word of the name occurs somewhere in the other version of the article."""
    return all(stem(w) in words for w in WORD.findall(name))
