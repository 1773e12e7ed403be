"""A state told again in a sentence recast around it.

The swap rules of ``contrasts`` read a word swapped for another in one short stretch: "the fire
is raging" -> "the fire is contained". A sentence rewritten as a story moves on often says the
new state with other words around it: "Firefighters are tackling a large blaze" -> "A large
fire has been brought under control, firefighters said". For a few kinds of fact that name the
state of a thing (a fire, a suspect, the people in a story, a plan, a flight), a sentence that
tells one state of the kind and its recast that tells another, neither telling both, changed
the fact.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newswatch.contrasts import as_written, classes, contrast, fact_words
from newswatch.edits import FUNCTION_WORDS, NEGATING, WORD, Claim, Pair

# a word of each kind read this way: the kinds are found by it, so the lists stay the one source
_MARKERS = ("contained", "arrested", "killed", "approved", "diverted")


def _kind_of(marker: str) -> int:
    return classes(marker)[0][0]


_STATE_KINDS = tuple(_kind_of(m) for m in _MARKERS)


def state_claim(pair: Pair) -> Claim | None:
    """One state of a thing in the old sentence, another of the same kind in the new one."""
    old_negations, old_told = _read(pair.old.text)
    new_negations, new_told = _read(pair.new.text)
    if old_negations != new_negations:
        return None  # "rejected" -> "did not approve": one state, said with a "not"
    for kind in _STATE_KINDS:
        old, new = old_told.get(kind, {}), new_told.get(kind, {})
        if len(old) != 1 or len(new) != 1 or old.keys() == new.keys():
            continue
        ((_, was),), ((_, now),) = old.items(), new.items()
        severity = contrast(was, now)
        if severity is None:
            continue
        was_written, now_written = as_written(was, pair.old.text), as_written(now, pair.new.text)
        old_at = re.search(rf"\b{re.escape(was_written)}\b", pair.old.text, re.I)
        new_at = re.search(rf"\b{re.escape(now_written)}\b", pair.new.text, re.I)
        if old_at is None or new_at is None:
            continue
        return Claim(
            "fact",
            severity,
            pair.old.text,
            pair.new.text,
            old_at.group(0),
            new_at.group(0),
            pair.old.span(*old_at.span()),
            pair.new.span(*new_at.span()),
            {"state": True},
        )
    return None


# what is searched for is not told: "Search for survivors after quake kills 14"
_SOUGHT = re.compile(
    r"\b(search(?:es|ed|ing)?|hunt(?:s|ed|ing)?|look(?:s|ed|ing)?)\s+for\s+"
    r"(?:any\s+|more\s+|possible\s+)?\w+",
    re.I,
)


@lru_cache(maxsize=4096)
def _read(sentence: str) -> tuple[int, dict[int, dict[int, str]]]:
    """How many negations the sentence has, and for each state kind the classes it tells, each
    with the first word that tells it. Cached: a sentence is read again in each comparison of
    its article's versions. Callers only read what it returns."""
    words = fact_words(_SOUGHT.sub(r"\1", sentence))
    told: dict[int, dict[int, str]] = {}
    for word in words:
        for kind, index in classes(word):
            if kind in _STATE_KINDS:
                told.setdefault(kind, {}).setdefault(index, word)
    return sum(w in NEGATING for w in words), told


MAX_BESIDE_WORDS = 3
# the kinds a state put in beside another is read for: the state kinds above, how badly
# someone is hurt, and where a figure went
_BESIDE_KINDS = frozenset(_STATE_KINDS + tuple(_kind_of(m) for m in ("serious", "risen")))


def state_added_claim(pair: Pair) -> Claim | None:
    """A state put in beside another of its kind that the sentence keeps: "in a stable
    condition" -> "in a serious but stable condition", "rose" -> "rose, then fell". The old
    state still stands, so no word was swapped, but the fact told is another."""
    old_words = set(fact_words(pair.old.text))
    for hunk in pair.hunks:
        put = fact_words(hunk.added)
        if WORD.search(hunk.removed) or not 0 < len(put) <= MAX_BESIDE_WORDS:
            continue
        for new in put:
            if new in old_words or new in FUNCTION_WORDS or len(new) < 4:
                continue
            if not any(kind in _BESIDE_KINDS for kind, _ in classes(new)):
                continue
            kept = next((w for w in old_words if contrast(w, new) == "high"), None)
            if kept is None:
                continue
            at = re.search(rf"\b{re.escape(as_written(new, hunk.added))}\b", hunk.added, re.I)
            if at is None:
                continue
            start = hunk.new_start + at.start()
            return Claim(
                "fact",
                "medium",
                pair.old.text,
                pair.new.text,
                None,
                at.group(0),
                pair.old.span(hunk.old_start, hunk.old_end),
                pair.new.span(start, start + len(at.group(0))),
                {"beside": kept},
            )
    return None


_CHARGES_DROPPED = re.compile(
    r"\b(?:dropped|drops|drop)\s+(?:all\s+|the\s+)?(?:\w+\s+)?charges\b|"
    r"\bcharges\s+(?:against\s+\w+\s+)?(?:were|have\s+been|had\s+been|was|are)\s+dropped\b",
    re.I,
)


def headline_state(old: str, new: str, text: str) -> str | None:
    """A state the new headline tells that neither the old headline nor the article's text
    tells, where the old headline told none of its kind: "University staff to strike" ->
    "University strike called off". High where the text tells another state of the kind (the
    headline contradicts it), medium where it tells none. A headline with a negation is left to
    the negation rules."""
    new_negations, new_told = _read(new)
    if new_negations:
        return None
    _, old_told = _read(old)
    text_told = {kind: dict(told) for kind, told in _read(text)[1].items()}
    if _CHARGES_DROPPED.search(text):  # "prosecutors dropped all charges": the man is cleared
        for kind, index in classes("cleared"):
            text_told.setdefault(kind, {}).setdefault(index, "cleared")
    found: set[str] = set()
    for kind in _STATE_KINDS:
        if kind in old_told:
            continue  # a state swapped for another: the swap rules' ("sign" -> "complete")
        for index, word in new_told.get(kind, {}).items():
            if index in text_told.get(kind, {}):
                continue
            told = text_told.get(kind, {}).values()
            found.add("high" if any(contrast(word, w) == "high" for w in told) else "medium")
    return max(found, key=("medium", "high").index) if found else None


def swapped_against_text(old: str, new: str, text: str) -> bool:
    """The headline traded a word for one of another class of its kind, wherever the two stand
    in it, and the text tells the old word's class, not the new one's: "Rovers sack manager
    Baird" -> "Baird resigns as Rovers manager", the text saying he was sacked. A word the
    other headline says again in another form ("sign" and "signing") was not traded."""
    if _read(new)[0] != _read(old)[0]:
        return False  # a negation put in or taken out: the negation rules'
    old_words, new_words = set(fact_words(old)), set(fact_words(new))
    gone = [w for w in old_words - new_words if not _formed_in(w, new_words)]
    came = [w for w in new_words - old_words if not _formed_in(w, old_words)]
    traded = [(was, now) for was in gone for now in came if contrast(was, now) == "high"]
    if not traded:
        return False
    told = _classes_told(text)  # the classes the text tells, read once
    return any(set(classes(was)) & told and not set(classes(now)) & told for was, now in traded)


def _formed_in(word: str, words: set[str]) -> bool:
    return len(word) >= 4 and any(w.startswith(word[:4]) for w in words)


@lru_cache(maxsize=64)
def _classes_told(text: str) -> frozenset[tuple[int, int]]:
    """Every (kind, class) a word of the text tells. Cached: each headline pair asks."""
    return frozenset(c for w in set(fact_words(_SOUGHT.sub(r"\1", text))) for c in classes(w))
