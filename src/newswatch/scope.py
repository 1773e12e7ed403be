"""Who or what a rule, an offer or a ban reaches, narrowed or widened by a word or a phrase.

"The ban applies to all new cars" -> "... all new petrol cars" keeps every word of the sentence
and adds one, which the rewording rules rank low: a word put in is mostly colour. Where the
sentence says whom something reaches ("applies to", "open to", "available for", "all", "every"),
a word put before the noun it reaches is the reach itself: petrol cars, not all cars. So is a
phrase put after it at the end of the clause ("would ban smoking in cars carrying children"),
and an "only" put in or taken out ("Only residents can apply" -> "Anyone can apply").
"""

from __future__ import annotations

import re

from newswatch.edits import FUNCTION_WORDS, NEGATORS, WORD, Claim, Hunk, Pair, hunk_fact_claim
from newswatch.number_words import WORD_NUMBERS

# a quantifier right before the words that name whom it reaches: "all [petrol] cars"
_QUANTIFIED = re.compile(r"\b(?:all|every|each|any)\s+(?:[a-z-]+\s+)?$", re.I)
# a verb or an adjective of reach, then the words that name whom: "open to [first-year] students"
_REACHES = re.compile(
    r"\b(?:appl(?:y|ies|ied)|open|available|eligible|entitled|limited|restricted|recommended|"
    r"offered|extended|exempt(?:ed)?|banned|barred|closed|"
    # where money or help goes: "the money will go to schools in deprived areas"
    r"go|goes|went|given|paid|distributed|allocated)\s+(?:to|for|from)\s+"
    r"(?:(?:all|every|each|any|the)\s+)?$|\b(?:ban|tax|levy|cap|limit|charge)\s+on\s+"
    r"(?:(?:all|the)\s+)?$|\bcovers?\s+(?:(?:all|every|each|any|the)\s+)?$",
    re.I,
)
_QUANTIFIERS = frozenset({"all", "every", "each", "any"})
# words put before a noun that stress it or point back, not narrow it
_NO_REACH = frozenset(
    """single other such remaining same whole entire very own current existing relevant eligible
    affected various certain more most further additional new possible available necessary
    appropriate usual normal""".split()
)
MAX_MODIFIER_WORDS = 2


def scope_claim(pair: Pair) -> Claim | None:
    """A word put before (or cut from before) the noun a rule, a ban or an offer reaches, or an
    "only" put in or taken out."""
    for hunk in pair.hunks:
        for narrowed in (True, False):
            claim = (
                _reach_changed(pair, hunk, narrowed)
                or _reach_told_after(pair, hunk, narrowed)
                or _everyone_swapped(pair, hunk, narrowed)
            )
            if claim is not None:
                return claim
    return only_claim(pair)


_EVERYONE = frozenset({"all", "every", "everyone", "everybody", "anyone", "anybody", "any"})
MAX_REACHED_WORDS = 3


def _everyone_swapped(pair: Pair, hunk: Hunk, narrowed: bool) -> Claim | None:
    """Whom a rule or an offer reaches, all of them made some ("available to all users" ->
    "available to paying subscribers"), or back."""
    wide, narrow = (hunk.removed, hunk.added) if narrowed else (hunk.added, hunk.removed)
    wide_words, narrow_words = WORD.findall(wide.lower()), WORD.findall(narrow.lower())
    if not wide_words or not narrow_words or len(wide_words) > MAX_REACHED_WORDS:
        return None
    # (the narrow side may say whom at length: "schools in deprived areas" -> "all schools")
    if len(narrow_words) > MAX_WHICH_WORDS or set(narrow_words) & _EVERYONE:
        return None
    if wide_words[0] not in _EVERYONE:
        return None
    side, start = (pair.old, hunk.old_start) if narrowed else (pair.new, hunk.new_start)
    if not _REACHES.search(side.text[:start]):
        return None
    old, new = " ".join(hunk.removed.split()), " ".join(hunk.added.split())
    return hunk_fact_claim(
        pair, hunk, "medium", old, new, {"scope": "narrowed" if narrowed else "widened"}
    )


# a ban or a rule and what it reaches: "would ban smoking in cars", "applies to homes"
_RULE = re.compile(
    r"\b(?:bans?|banned|banning|outlaws?|outlawed|restricts?|restricted|exempts?|exempted|"
    r"appl(?:y|ies|ied)\s+to|(?:open|available|eligible|entitled|limited|restricted)\s+"
    r"(?:to|for))\b",
    re.I,
)
# a phrase put after the noun that says which of them: "cars carrying children", "people aged
# over 65", "homes worth more than £1m", "staff with young children"
_WHICH = re.compile(
    r"^\s*(?:carrying|with|without|aged|over|under|who|which|that|living|working|earning|worth|"
    r"born|owned|registered|made|sold|built)\b",
    re.I,
)
MAX_WHICH_WORDS = 6


def _reach_told_after(pair: Pair, hunk: Hunk, narrowed: bool) -> Claim | None:
    """A phrase put after (or cut from after) the noun a ban or a rule reaches, at the end of
    its clause: "would ban smoking in cars" -> "in cars carrying children"."""
    side = pair.new if narrowed else pair.old
    put, taken = (hunk.added, hunk.removed) if narrowed else (hunk.removed, hunk.added)
    start, end = (hunk.new_start, hunk.new_end) if narrowed else (hunk.old_start, hunk.old_end)
    words = WORD.findall(put)
    if WORD.search(taken) or not 0 < len(words) <= MAX_WHICH_WORDS or not _WHICH.match(put):
        return None
    if not re.match(r"\s*(?:[.,;:!?]|$)", side.text[end:]):
        return None  # not the end of the clause: the words after it are another fact's
    before = side.text[:start]
    clause = re.split(r"[.;:!?]", before)[-1]
    if not _RULE.search(clause):
        return None
    value = " ".join(put.split())
    old, new = (None, value) if narrowed else (value, None)
    return hunk_fact_claim(
        pair, hunk, "medium", old, new, {"scope": "narrowed" if narrowed else "widened"}
    )


# "only" that limits whom or what ("Only residents can apply", "for key workers only"); not
# "not only ... but", "if only", "only just" (barely)
_ONLY = re.compile(r"(?<!\bnot )(?<!\bif )\b(?:only|solely|exclusively)\b(?!\s+just\b)", re.I)
# a limit said another way on the other side
_LIMITED = re.compile(
    r"\b(?:only|solely|exclusively|just|alone|sole|limited to|restricted to|reserved for|"
    r"except|all but|no one but|none but|no other|no one else|nobody else|nothing else|"
    r"none other)\b",
    re.I,
)
# "only" before an amount, a time or a deed stresses it ("only 12%", "only learned of it on
# Monday"): shown, not alerted
_STRESSES = re.compile(
    r"\s+(?:\d|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|a handful|"
    r"half|once|twice|on|in|at|after|when|since|recently|yesterday|today|last|this|then|now|"
    r"be|been|being|have|has|had)\b|\w+ed\b)",
    re.I,
)


def only_claim(pair: Pair) -> Claim | None:
    """ "only" put in or taken out, the other sentence holding no limit of its own: "Only
    residents can apply" -> "Anyone can apply" (medium); "only 12%" -> "12%" (low)."""
    for hunk in pair.hunks:
        for side, start, end, other, added in (
            (pair.new.text, hunk.new_start, hunk.new_end, pair.old.text, True),
            (pair.old.text, hunk.old_start, hunk.old_end, pair.new.text, False),
        ):
            found = next(
                (m for m in _ONLY.finditer(side) if start <= m.start() and m.end() <= end), None
            )
            if found is None or _LIMITED.search(other):
                continue
            severity = "low" if _STRESSES.match(side, found.end()) else "medium"
            word = found.group(0).lower()
            old, new = (None, word) if added else (word, None)
            scope = "narrowed" if added else "widened"
            return hunk_fact_claim(pair, hunk, severity, old, new, {"scope": scope})
    return None


def _reach_changed(pair: Pair, hunk: Hunk, narrowed: bool) -> Claim | None:
    side = pair.new if narrowed else pair.old
    start, end = (hunk.new_start, hunk.new_end) if narrowed else (hunk.old_start, hunk.old_end)
    put, taken = (hunk.added, hunk.removed) if narrowed else (hunk.removed, hunk.added)
    if any(w.lower() not in _QUANTIFIERS for w in WORD.findall(taken)):
        return None  # words swapped, not one put in: other rules judge a swap
    words = put.split()
    if not 0 < len(words) <= MAX_MODIFIER_WORDS or not all(_modifier(w) for w in words):
        return None
    rest = side.text[end:]
    after = re.match(r"\s*([a-z][\w-]*)", rest)
    if not (put[-1:].isspace() or rest[:1].isspace()) or after is None:
        return None
    if after.group(1) in FUNCTION_WORDS:
        return None  # the word must stand before the noun it narrows
    before = side.text[:start]
    if not (_QUANTIFIED.search(before) or _REACHES.search(before)):
        return None
    value = " ".join(words)
    old, new = (None, value) if narrowed else (value, None)
    return hunk_fact_claim(
        pair, hunk, "medium", old, new, {"scope": "narrowed" if narrowed else "widened"}
    )


def _modifier(word: str) -> bool:
    """A lower-case content word that can stand before a noun: no name, figure or negation."""
    bare = word.strip(",;:")
    return (
        bare == word
        and re.fullmatch(r"[a-z][a-z-]*[a-z]", bare) is not None
        and bare not in FUNCTION_WORDS
        and bare not in NEGATORS
        and bare not in _NO_REACH
        and bare not in _QUANTIFIERS
        and bare not in WORD_NUMBERS  # "all three men": a figure, which the figure rules read
    )
