"""Which claims changed, and does it matter.

Given the aligned units of a ``Comparison``, each detector looks for one kind of factual change
inside an edited sentence (a figure, a polarity, a quote, a name, a hedge, an attribution); whole
sentences added, removed or moved are claims of their own. What no detector explains is either
``cosmetic`` (spelling, punctuation, case, function words) or ``reworded`` (content words changed
without a recognisable fact).

Severity: ``high`` changes a fact a reader would repeat (a number, a polarity, a replaced name, a
removed claim-bearing sentence); ``medium`` changes how sure or whose a claim is (hedges, quotes,
attribution, new or removed sentences); ``low`` is rewording; ``cosmetic`` is presentation only.
A claim that touches a watch term is raised one step.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from newswatch.numbers import Figure, find_figures

if TYPE_CHECKING:
    from newswatch.diff import Claim, Comparison, Unit

LEVELS = ("cosmetic", "low", "medium", "high")

NEGATION_CUES = re.compile(
    r"\b(?:not|never|no|none|nobody|nothing|neither|nor|without|no longer|"
    r"den(?:y|ies|ied|ying)|refus(?:e|es|ed|ing)|reject(?:s|ed|ing)?|"
    r"fail(?:s|ed)? to|has yet to|have yet to|cannot|unable)\b|n't\b",
    re.I,
)
HEDGE_CUES = re.compile(
    r"\b(?:may|might|could|would|should|will|must|can|"
    r"reportedly|allegedly|alleged|apparently|possibly|probably|likely|unlikely|perhaps|"
    r"expected to|is said to|are said to|believed to|thought to|appears? to|seems? to|"
    r"suspected|unconfirmed|unverified|claims?|claimed|hopes? to|plans? to)\b",
    re.I,
)
ATTRIBUTION_VERBS = re.compile(
    r"\b(?:said|says|say|told|tells|stated|states|announced|announces|added|adds|"
    r"according to|wrote|writes|claimed|claims|confirmed|confirms|denied|denies|insisted|"
    r"argued|warned|reported|reports)\b",
    re.I,
)
QUOTE = re.compile(r'"([^"\n]{2,})"')
ENTITY = re.compile(r"\b(?:[A-Z][\w'\-]*\.?)(?:\s+(?:of|de|van|von|al|bin|the)?\s*[A-Z][\w'\-]*)*")
NOT_ENTITIES = frozenset(
    """a an the he she it they we i you his her its their our my your this that these those there
    here in on at by for from to of and but or if when while after before as with without
    however meanwhile also mr mrs ms dr prof sir according yesterday today tomorrow monday
    tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december""".split()
)
FUNCTION_WORDS = frozenset(
    """a an the of to in on at by for from with and or but that which who whom whose this these
    those it its is are was were be been being has have had do does did also as so very just
    then than there their they them he she his her we our us you your i me my""".split()
)
WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Side:
    """One side of an edited unit: its text and where it sits in the article text."""

    text: str
    offset: int

    def span(self, start: int, end: int) -> tuple[int, int]:
        return (self.offset + start, self.offset + end)

    @property
    def whole(self) -> tuple[int, int]:
        return (self.offset, self.offset + len(self.text))


def raise_level(severity: str, steps: int = 1) -> str:
    if severity not in LEVELS:
        return severity
    return LEVELS[min(len(LEVELS) - 1, LEVELS.index(severity) + steps)]


# --- detectors on an edited pair ------------------------------------------------------------


def _number_claims(old: Side, new: Side) -> list[Claim]:
    from newswatch.diff import Claim

    before, after = find_figures(old.text), find_figures(new.text)
    gone = Counter(f.key for f in before) - Counter(f.key for f in after)
    came = Counter(f.key for f in after) - Counter(f.key for f in before)
    lost = _take(before, gone)
    got = _take(after, came)
    claims: list[Claim] = []
    for kind in ("percent", "money", "date", "number"):
        a = [f for f in lost if f.kind == kind]
        b = [f for f in got if f.kind == kind]
        for f_old, f_new in zip(a, b, strict=False):
            claims.append(
                Claim(
                    "number",
                    "high",
                    old.text,
                    new.text,
                    f_old.surface,
                    f_new.surface,
                    old.span(*f_old.span),
                    new.span(*f_new.span),
                    {"figure": kind},
                )
            )
        for f_old in a[len(b) :]:
            claims.append(
                Claim(
                    "number",
                    "high",
                    old.text,
                    new.text,
                    f_old.surface,
                    None,
                    old.span(*f_old.span),
                    new.whole,
                    {"figure": kind, "vanished": True},
                )
            )
        for f_new in b[len(a) :]:
            claims.append(
                Claim(
                    "number",
                    "high",
                    old.text,
                    new.text,
                    None,
                    f_new.surface,
                    old.whole,
                    new.span(*f_new.span),
                    {"figure": kind, "appeared": True},
                )
            )
    return claims


def _take(figures: list[Figure], wanted: Counter[tuple[str, str]]) -> list[Figure]:
    left = Counter(wanted)
    out = []
    for figure in figures:
        if left[figure.key] > 0:
            out.append(figure)
            left[figure.key] -= 1
    return out


def _cue_claim(
    kind: str, severity: str, pattern: re.Pattern[str], old: Side, new: Side
) -> Claim | None:
    from newswatch.diff import Claim

    a = [(m.group(0).lower(), m.span()) for m in pattern.finditer(old.text)]
    b = [(m.group(0).lower(), m.span()) for m in pattern.finditer(new.text)]
    if Counter(w for w, _ in a) == Counter(w for w, _ in b):
        return None
    removed = Counter(w for w, _ in a) - Counter(w for w, _ in b)
    added = Counter(w for w, _ in b) - Counter(w for w, _ in a)
    old_hit = next((s for w, s in a if w in removed), None)
    new_hit = next((s for w, s in b if w in added), None)
    return Claim(
        kind,
        severity,
        old.text,
        new.text,
        ", ".join(sorted(removed)) or None,
        ", ".join(sorted(added)) or None,
        old.span(*old_hit) if old_hit else old.whole,
        new.span(*new_hit) if new_hit else new.whole,
    )


def _quote_claims(old: Side, new: Side) -> list[Claim]:
    from newswatch.diff import Claim

    a = [(m.group(1), m.span(1)) for m in QUOTE.finditer(old.text)]
    b = [(m.group(1), m.span(1)) for m in QUOTE.finditer(new.text)]
    if [q for q, _ in a] == [q for q, _ in b]:
        return []
    claims: list[Claim] = []
    unmatched_b = list(b)
    for quote, span in a:
        if any(quote == q for q, _ in unmatched_b):
            unmatched_b = [x for x in unmatched_b if x[0] != quote]
            continue
        best = max(unmatched_b, key=lambda x: fuzz.ratio(quote, x[0]), default=None)
        if best is not None and fuzz.ratio(quote, best[0]) >= 50:
            unmatched_b.remove(best)
            claims.append(
                Claim(
                    "quote",
                    "medium",
                    old.text,
                    new.text,
                    quote,
                    best[0],
                    old.span(*span),
                    new.span(*best[1]),
                    {"speaker": speaker(new.text) or speaker(old.text)},
                )
            )
        else:
            claims.append(
                Claim(
                    "quote",
                    "medium",
                    old.text,
                    new.text,
                    quote,
                    None,
                    old.span(*span),
                    new.whole,
                    {"speaker": speaker(old.text)},
                )
            )
    for quote, span in unmatched_b:
        claims.append(
            Claim(
                "quote",
                "medium",
                old.text,
                new.text,
                None,
                quote,
                old.whole,
                new.span(*span),
                {"speaker": speaker(new.text)},
            )
        )
    return claims


def speaker(sentence: str) -> str | None:
    """The person a sentence attributes its words to, when it says so plainly."""
    outside = QUOTE.sub(" ", sentence)
    match = re.search(
        r"(?:said|says|told \w+|according to|added|stated)\s+"
        r"((?:[A-Z][\w'\-]+\s+){0,3}[A-Z][\w'\-]+)"
        r"|((?:[A-Z][\w'\-]+\s+){0,3}[A-Z][\w'\-]+)\s+(?:said|says|told|added|stated)",
        outside,
    )
    if not match:
        return None
    return (match.group(1) or match.group(2)).strip()


def entities(text: str) -> list[tuple[str, tuple[int, int]]]:
    found = []
    for match in ENTITY.finditer(text):
        words = match.group(0).split()
        while words and words[0].lower().rstrip(".") in NOT_ENTITIES:
            words = words[1:]
        if not words:
            continue
        name = " ".join(words).rstrip(".")
        start = match.start() + match.group(0).find(words[0])
        found.append((name, (start, start + len(name))))
    return found


def _entity_claims(old: Side, new: Side) -> list[Claim]:
    from newswatch.diff import Claim

    a, b = entities(old.text), entities(new.text)
    gone = [e for e in a if e[0] not in {n for n, _ in b}]
    came = [e for e in b if e[0] not in {n for n, _ in a}]
    claims: list[Claim] = []
    for (name_a, span_a), (name_b, span_b) in zip(gone, came, strict=False):
        if fuzz.ratio(name_a.lower(), name_b.lower()) >= 80 or _contains(name_a, name_b):
            continue  # a spelling fix or a fuller form of the same name
        near_attribution = bool(ATTRIBUTION_VERBS.search(_around(new.text, span_b)))
        kind = "attribution" if near_attribution else "entity"
        claims.append(
            Claim(
                kind,
                "high" if kind == "entity" else "medium",
                old.text,
                new.text,
                name_a,
                name_b,
                old.span(*span_a),
                new.span(*span_b),
            )
        )
    return claims


def _contains(a: str, b: str) -> bool:
    wa, wb = set(a.lower().split()), set(b.lower().split())
    return bool(wa) and bool(wb) and (wa <= wb or wb <= wa)


def _around(text: str, span: tuple[int, int], width: int = 40) -> str:
    return text[max(0, span[0] - width) : span[1] + width]


def _wording_claim(old: Side, new: Side, edits: list[tuple[int, str]]) -> Claim:
    """What is left when no fact detector fired: cosmetic or reworded."""
    from newswatch.diff import Claim

    removed = [w for op, t in edits if op == -1 for w in WORD.findall(t)]
    added = [w for op, t in edits if op == 1 for w in WORD.findall(t)]
    spans_old, spans_new = _edit_spans(edits)
    old_span = old.span(*spans_old) if spans_old else old.whole
    new_span = new.span(*spans_new) if spans_new else new.whole
    old_value = " ".join(t for op, t in edits if op == -1).strip() or None
    new_value = " ".join(t for op, t in edits if op == 1).strip() or None
    if _is_cosmetic(removed, added):
        return Claim(
            "cosmetic", "cosmetic", old.text, new.text, old_value, new_value, old_span, new_span
        )
    return Claim("reworded", "low", old.text, new.text, old_value, new_value, old_span, new_span)


def _is_cosmetic(removed: list[str], added: list[str]) -> bool:
    r = [w.lower() for w in removed]
    a = [w.lower() for w in added]
    if Counter(r) == Counter(a):
        return True  # punctuation, case or word order only
    content_r = [w for w in r if w not in FUNCTION_WORDS]
    content_a = [w for w in a if w not in FUNCTION_WORDS]
    if not content_r and not content_a:
        return True
    if len(content_r) == len(content_a):
        return all(fuzz.ratio(x, y) >= 75 for x, y in zip(content_r, content_a, strict=True))
    return False


def _edit_spans(
    edits: list[tuple[int, str]],
) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The smallest span in each side that covers all of its removed (added) text."""
    pos_old = pos_new = 0
    old_span: tuple[int, int] | None = None
    new_span: tuple[int, int] | None = None
    for op, text in edits:
        if op == 0:
            pos_old += len(text)
            pos_new += len(text)
        elif op == -1:
            old_span = (old_span[0] if old_span else pos_old, pos_old + len(text))
            pos_old += len(text)
        else:
            new_span = (new_span[0] if new_span else pos_new, pos_new + len(text))
            pos_new += len(text)
    return old_span, new_span


def edited_claims(old: Side, new: Side, edits: list[tuple[int, str]]) -> list[Claim]:
    claims = _number_claims(old, new)
    negation = _cue_claim("negation", "high", NEGATION_CUES, old, new)
    if negation:
        claims.append(negation)
    claims.extend(_quote_claims(old, new))
    hedge = _cue_claim("hedge", "medium", HEDGE_CUES, old, new)
    if hedge:
        claims.append(hedge)
    claims.extend(_entity_claims(old, new))
    if not claims:
        claims.append(_wording_claim(old, new, edits))
    return claims


# --- whole sentences ------------------------------------------------------------------------


def claim_bearing(sentence: str) -> bool:
    """Does a sentence state something checkable: a figure, a quote, a name, a polarity?"""
    return (
        bool(
            find_figures(sentence)
            or QUOTE.search(sentence)
            or NEGATION_CUES.search(sentence)
            or any(span[0] > 0 for _, span in entities(sentence))
        )
        and len(WORD.findall(sentence)) >= 4
    )


def _sentence_claim(kind: str, side: Side, is_old: bool) -> Claim:
    from newswatch.diff import Claim

    bearing = claim_bearing(side.text)
    if kind == "removed":
        severity = (
            "high"
            if bearing and (find_figures(side.text) or QUOTE.search(side.text))
            else ("medium" if bearing else "low")
        )
    else:
        severity = "medium" if bearing else "low"
    if len(WORD.findall(side.text)) < 3:
        severity = "cosmetic"
    if is_old:
        return Claim(kind, severity, old=side.text, old_value=side.text, old_span=side.whole)
    return Claim(kind, severity, new=side.text, new_value=side.text, new_span=side.whole)


def headline_claim(old: str, new: str) -> Claim | None:
    from newswatch.diff import Claim, word_diff

    if old == new:
        return None
    a, b = Side(old, 0), Side(new, 0)
    facts = _number_claims(a, b) or [
        c for c in [_cue_claim("negation", "high", NEGATION_CUES, a, b)] if c
    ]
    if facts:
        severity = "high"
    else:
        wording = _wording_claim(a, b, word_diff(old, new))
        severity = "cosmetic" if wording.kind == "cosmetic" else "medium"
    return Claim("headline", severity, old, new, old, new, (0, len(old)), (0, len(new)))


# --- the whole comparison -------------------------------------------------------------------


def claims_for(
    comparison: Comparison,
    old_headline: str | None,
    new_headline: str | None,
    terms: Iterable[str] = (),
) -> list[Claim]:
    claims: list[Claim] = []
    if old_headline is not None and new_headline is not None:
        headline = headline_claim(old_headline, new_headline)
        if headline:
            claims.append(headline)
    for index, unit in enumerate(comparison.units):
        claims.extend(_unit_claims(comparison, index, unit))
    return mark_terms(claims, terms)


def _unit_claims(comparison: Comparison, index: int, unit: Unit) -> list[Claim]:
    from newswatch.diff import Claim

    old = Side(*comparison.old_slice(unit))
    new = Side(*comparison.new_slice(unit))
    if unit.kind == "unchanged":
        return []
    if unit.kind == "added":
        return [_sentence_claim("added", new, is_old=False)]
    if unit.kind == "removed":
        return [_sentence_claim("removed", old, is_old=True)]
    if unit.kind == "moved":
        if old.text == new.text:
            return [Claim("moved", "low", old.text, new.text, None, None, old.whole, new.whole)]
        edits = comparison.word_edits.get(index) or _diff(old.text, new.text)
        return [
            Claim("moved", "low", old.text, new.text, None, None, old.whole, new.whole),
            *[c for c in edited_claims(old, new, edits) if c.kind != "cosmetic"],
        ]
    return edited_claims(old, new, comparison.word_edits.get(index, []))


def _diff(a: str, b: str) -> list[tuple[int, str]]:
    from newswatch.diff import word_diff

    return word_diff(a, b)


def mark_terms(claims: list[Claim], terms: Iterable[str]) -> list[Claim]:
    patterns = [(t, re.compile(r"\b" + re.escape(t) + r"\b", re.I)) for t in terms if t.strip()]
    if not patterns:
        return claims
    marked = []
    for claim in claims:
        text = f"{claim.old or ''}\n{claim.new or ''}"
        hits = [t for t, p in patterns if p.search(text)]
        if hits and claim.severity != "cosmetic":
            detail = {**claim.detail, "terms": hits}
            claim = replace(claim, severity=raise_level(claim.severity), detail=detail)
        marked.append(claim)
    return marked
