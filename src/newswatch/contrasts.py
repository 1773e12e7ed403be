"""Words whose swap for another changes a fact, and lengths of time written two ways.

A one-word swap is mostly wording ("road" -> "street", "said" -> "stated"), so the rewording rules
rank it low or cosmetic. The words here are the exceptions a news reader relies on: a word and
its opposite ("rose" -> "fell", "armed" -> "unarmed"), and words of one kind that state
different facts ("killed" -> "injured", "murder" -> "manslaughter", "approved" -> "delayed").
Within a kind, words that say the same thing share a class ("killed", "died", "dead"), so a
swap between them is still wording.

Lengths of time go the other way: "a week" and "seven days" are one duration.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newswatch.context import stem
from newswatch.edits import FUNCTION_WORDS, NEGATING, NEGATORS, WORD, Claim, Hunk, Pair
from newswatch.figure_forms import round_floor
from newswatch.loose_classes import LOOSE_CONTRASTS
from newswatch.negated_forms import denied_complement
from newswatch.phrases import PHRASAL_VERBS
from newswatch.redating import same_when
from newswatch.wide_hunks import PHRASAL, joined_hunk, phrase_hunks
from newswatch.word_classes import CONTRASTS, OPPOSITES

_OPPOSITE = {(a, b) for pair in OPPOSITES for a, b in (pair.split(), reversed(pair.split()))}

# "armed" -> "unarmed", "dependent" -> "independent": a word and its negative. The stem must be
# long enough to be a word of its own ("do"/"undo", "form"/"inform", "ease"/"disease" are
# other words); "un" makes few other words, so "able"/"unable" counts.
_NEGATIVE_PREFIX = re.compile(r"^(?:(un)|non|in|im|il|ir|dis)(?=[a-z])")
MIN_NEGATED_STEM = 5
MIN_UN_STEM = 4
# words that take one of those prefixes without being turned round: "disclosed" is no "closed"
# denied, "uncovered" no "covered" undone
_NOT_NEGATED = frozenset(
    "close closed closes closing cover covered covers covering form formed forms forming "
    "vested pressed posed solved stalled played counted missed patched veiled leashed earthed "
    "ravelled banded mantled".split()
)

# a currency written as its sign: "$5bn" -> "£5bn" changes the sum as much as "dollars" ->
# "pounds" does
CURRENCY_SIGNS = {"$": " dollar ", "£": " pound ", "€": " euro ", "¥": " yen ", "₹": " rupee "}
_SIGN = re.compile("[" + re.escape("".join(CURRENCY_SIGNS)) + "]")
# words with an opposite: each says which way a claim goes
POLAR_WORDS = frozenset(word for line in OPPOSITES for word in line.split())
_CLASS: dict[str, list[tuple[int, int]]] = {}
for _kind, _line in enumerate(CONTRASTS + LOOSE_CONTRASTS):
    for _index, _words in enumerate(_line.split("|")):
        for _word in _words.split():
            _CLASS.setdefault(_word, []).append((_kind, _index))


# a change said as a multiple ("doubled"), which the rise class holds together with "rose"
_MULTIPLES = {
    "doubled": 2, "doubles": 2, "doubling": 2, "tripled": 3, "triples": 3, "tripling": 3,
    "trebled": 3, "trebles": 3, "quadrupled": 4, "quadruples": 4, "halved": 0.5, "halves": 0.5,
}  # fmt: skip


def opposite(old: str, new: str) -> bool:
    """``new`` turns ``old`` around: its opposite, or the same word negated (lower case)."""
    if (old, new) in _OPPOSITE:
        return True
    shorter, longer = sorted((old, new), key=len)
    prefix = _NEGATIVE_PREFIX.match(longer)
    if prefix is None or longer[prefix.end() :] != shorter or shorter in _NOT_NEGATED:
        return False
    return len(shorter) >= (MIN_UN_STEM if prefix.group(1) else MIN_NEGATED_STEM)


def classes(word: str) -> list[tuple[int, int]]:
    """The kinds of fact a word (lower case) names, and its class in each, as (kind, class)."""
    return _CLASS.get(word, [])


def contrast(old: str, new: str) -> str | None:
    """How far ``old`` and ``new`` (lower case) differ as facts of one kind: "high" ("killed",
    "injured"), "medium" ("about", "more" than a figure), or None."""
    if old in _MULTIPLES and new in _MULTIPLES and _MULTIPLES[old] != _MULTIPLES[new]:
        return "high"  # "doubled" -> "tripled": both rose, by other multiples
    ours, theirs = _CLASS.get(old, []), _CLASS.get(new, [])
    if set(ours) & set(theirs):
        return None  # words one list holds apart and another together: "released", "freed"
    kinds = [
        kind
        for kind, index in ours
        for other_kind, other_index in theirs
        if kind == other_kind and index != other_index
    ]
    if not kinds:
        return None
    return "high" if min(kinds) < len(CONTRASTS) else "medium"


# --- claims -----------------------------------------------------------------------------------


def opposite_claim(pair: Pair) -> Claim | None:
    """A word swapped for its opposite ("ahead of" for "behind", "rose" for "fell")."""
    found = _first_swap(pair, opposite) or _figure_turned(pair)
    if found is None:
        return None
    hunk, (old, new) = found
    if _negation_balanced(pair, old, new):
        return None
    if {old, new} & DIRECTIONS and not _direction_swapped(pair, hunk):
        return None
    if (old, new) in _OPPOSITE and _negated_too(pair, old, new):
        return None  # "would be missed" -> "would not be met": turned twice, the same claim
    return word_swap("negation", "high", pair, hunk, _written(hunk, old, new), {"opposite": True})


DIRECTIONS = frozenset({"from", "to", "into"})


def _direction_swapped(pair: Pair, hunk: Hunk) -> bool:
    """Only the word of a direction was swapped, the place after it kept ("flights from the
    UK" -> "to the UK"): not "to" of a verb ("to rise" -> "from January") nor a clause recast,
    nor house style ("different from" -> "different to")."""
    words = (fact_words(hunk.removed), fact_words(hunk.added))
    if not all(len(side) == 1 for side in words):
        return False
    return not _DIFFERENT.search(pair.old.text[: hunk.old_start])


_DIFFERENT = re.compile(r"\b(?:different|differs?|differed|differing|distinct)\s*$", re.I)


def _negation_balanced(pair: Pair, old: str, new: str) -> bool:
    """A word given its negative prefix where the sentence dropped a negation, or the other way
    round: "None of them were hurt" -> "All of them were unhurt" says the same."""
    if (old, new) in _OPPOSITE or not opposite(old, new):
        return False
    prefixed, plain = (pair.new, pair.old) if len(new) > len(old) else (pair.old, pair.new)
    return _negators(prefixed.text) + 1 == _negators(plain.text)


def _negated_too(pair: Pair, old: str, new: str) -> bool:
    """One more negation on one side, a few words before that side's word of the swap."""
    more = _negators(pair.new.text) - _negators(pair.old.text)
    if abs(more) != 1:
        return False
    text, word = (pair.new.text, new) if more > 0 else (pair.old.text, old)
    return bool(
        re.search(
            rf"\b(?:{'|'.join(sorted(NEGATING))})\b(?:\s+\w+){{0,3}}\s+{re.escape(word)}\b",
            text,
            re.I,
        )
    )


def _negators(text: str) -> int:
    return sum(w.lower() in NEGATING for w in WORD.findall(text))


# "up" and "down" are too idiomatic to list as opposites, but not before a figure: "up 3 points"
# -> "down 3 points" is a figure that moved the other way
_BEFORE_FIGURE = re.compile(r"\s*(?:\$|£|€)?\d")


def _figure_turned(pair: Pair) -> tuple[Hunk, tuple[str, str]] | None:
    """The hunk that turned "up" into "down" (or back) before a figure, and the two words."""
    for hunk in pair.hunks:
        old, new = hunk.removed.strip().lower(), hunk.added.strip().lower()
        if {old, new} == {"up", "down"} and _BEFORE_FIGURE.match(pair.new.text, hunk.new_end):
            return hunk, (old, new)
    return None


def contrast_claim(pair: Pair) -> Claim | None:
    """A word swapped for another that states a different fact of its kind ("killed" for
    "injured", "murder" for "manslaughter", "approved" for "delayed")."""
    found = _first_swap(pair, contrast)
    if found is None:
        return None
    hunk, (old, new) = found
    if {old, new} == {"never", "not"} and _ever_after(
        pair.old.text if old == "not" else pair.new.text,
        hunk.old_start if old == "not" else hunk.new_start,
    ):
        return None  # "will not play again" -> "will never play": one claim
    if {old, new} == {"never", "not"} and _DID_NOT.search(
        pair.old.text if old == "not" else pair.new.text
    ):
        return None  # "never recovered" -> "did not recover": of a past, one claim
    if _negation_balanced(pair, old, new) or denied_complement(
        pair.old.text, pair.new.text, old, new
    ):
        return None  # "None were hurt" -> "All were unhurt", "none killed" -> "all survived"
    if same_when(pair, hunk, old, new):
        return None  # "have since eased" -> "easing in recent months": no date moved
    if {old, new} == {"all", "some"} and _not_all(pair, old == "all"):
        return None  # "Not all residents were told" -> "Some residents were not told"
    severity = contrast(old, new) or "high"
    if {old, new} == {"more", "least"} and round_floor(pair.new.text, hunk.new_end):
        severity = "low"  # "more than 300" -> "at least 300": one floor, as news rounds it
    return word_swap("fact", severity, pair, hunk, _written(hunk, old, new), {})


def _not_all(pair: Pair, old_has_all: bool) -> bool:
    """ "not all" on one side, "some ... not" on the other: one claim."""
    every, some = (pair.old.text, pair.new.text) if old_has_all else (pair.new.text, pair.old.text)
    return bool(re.search(r"\bnot\s+all\b", every, re.I)) and _negators(some) == 1


_DID_NOT = re.compile(r"\b(?:did|was|were|had)\s+not\b|\b(?:did|was|were|had)n['’]t\b", re.I)
# "not ... again", "not ... ever", "not once": "never" said in two words
_EVER = frozenset({"again", "ever", "once", "anymore"})


def _ever_after(text: str, at: int) -> bool:
    """One of the words of "never" said in two follows the "not" at ``at`` within six words."""
    words = [w.lower() for w in WORD.findall(text[at : at + 80])][:6]
    return bool(_EVER.intersection(words[1:])) or "any more" in " ".join(words)


MAX_SWAP_WORDS = 3  # a hunk with more content words is a rewrite, not a swap: other rules judge it


def _first_swap(
    pair: Pair, test: Callable[[str, str], object]
) -> tuple[Hunk, tuple[str, str]] | None:
    """The first hunk that swaps a word for one ``test`` accepts, and the two words; failing
    that, the hunks close together read as one ("close three libraries" -> "keep three
    libraries open")."""
    joined = joined_hunk(pair)
    widened = phrase_hunks(pair, joined)
    for hunk in [*pair.hunks, *([joined] if joined else []), *widened]:
        rem, add = fact_words(hunk.removed), fact_words(hunk.added)
        if not rem or not add or not _swap_sized(rem) or not _swap_sized(add):
            continue
        if bool(NEGATORS.intersection(rem)) != bool(NEGATORS.intersection(add)):
            continue  # "rejected" -> "did not approve", "not clear" -> "unclear": said again
        # a word widened into a phrase ("shot" -> "shot at") stays in the sentence, traded all
        # the same
        kept = hunk in widened
        # the old word said again in another form is not traded: "sign Amadi" -> "complete
        # Amadi signing"
        swap = next(
            (
                (r, a)
                for r in rem
                for a in add
                if test(r, a)
                and (kept or (_traded(pair, r) and not _said_again(pair, r) and _new(pair, a)))
            ),
            None,
        )
        if swap is not None:
            return hunk, swap
    return _swap_in_rewrite(pair, test)


LONG_SWAP_WORDS = 8


def _swap_in_rewrite(
    pair: Pair, test: Callable[[str, str], object]
) -> tuple[Hunk, tuple[str, str]] | None:
    """A short rewrite that trades one word for one of another fact of its kind and no more:
    "died at the scene" -> "was taken to hospital, where he died". Each word must be gone from
    (or new to) the sentence, and the pair the only one the rewrite holds."""
    for hunk in pair.hunks:
        rem, add = fact_words(hunk.removed), fact_words(hunk.added)
        if not rem or not add or max(len(rem), len(add)) > LONG_SWAP_WORDS:
            continue
        if _swap_sized(rem) and _swap_sized(add):
            continue  # read as a swap already
        swaps = {
            (r, a)
            for r in rem
            for a in add
            if test(r, a)
            and not _count(r, pair.new.text)
            and not _count(a, pair.old.text)
            and not _said_again(pair, r)
        }
        # one word new to the sentence against two it gave up ("cleared of the more serious
        # charge" -> "convicted") is one swap still: the first word gone that it turns
        if len({a for _, a in swaps}) == 1 or len({r for r, _ in swaps}) == 1:
            return hunk, min(swaps, key=lambda s: (rem.index(s[0]), add.index(s[1])))
    return None


def _count(word: str, text: str) -> int:
    return len(re.findall(rf"\b{re.escape(word)}\b", text, re.I))


def _traded(pair: Pair, old: str) -> bool:
    """The sentence gave up the old word: "cars and vans" -> "cars, vans and lorries" diffs as
    "vans" -> "lorries" but keeps its vans (a series grew: ``lists``). A word read from other
    text than its own ("least" from "at least", a currency sign) is taken as given up."""
    before = _count(old, pair.old.text)
    return before == 0 or _count(old, pair.new.text) < before


def _new(pair: Pair, word: str) -> bool:
    """The new sentence has ``word`` more often than the old one: not the object of a sentence
    recast as its subject ("Soldiers killed the protesters" -> "The protesters were killed")."""
    return _count(word, pair.new.text) > _count(word, pair.old.text) or not _count(
        word, pair.old.text
    )


def _said_again(pair: Pair, word: str) -> bool:
    """The new sentence has ``word`` in another form as often as the old one had it."""
    if len(word) < 4:
        return False
    counts = [
        sum(stem(w) == stem(word) for w in WORD.findall(s.text)) for s in (pair.old, pair.new)
    ]
    return counts[1] >= counts[0] > 0


def _swap_sized(words: list[str]) -> bool:
    """Short enough for a swap: at most three words that carry information, and two more that
    only carry grammar ("arrested on suspicion of" -> "charged with" is a swap)."""
    content = sum(w not in FUNCTION_WORDS for w in words)
    return content <= MAX_SWAP_WORDS and len(words) <= MAX_SWAP_WORDS + 2


def _written(hunk: Hunk, old: str, new: str) -> tuple[str, str]:
    """The two words of a swap as the hunk wrote them ("called off", not "cancel")."""
    return as_written(old, hunk.removed), as_written(new, hunk.added)


def as_written(word: str, text: str) -> str:
    """The currency sign ``word`` was read from, where ``text`` has the sign, not the word; the
    whole bound a bound's word stands for ("least" in "at least", "more" in "more than")."""
    sign = next((k for k, v in CURRENCY_SIGNS.items() if v.strip() == word and k in text), None)
    if sign is not None and word not in text.lower():
        return sign
    bound = _BOUNDS.get(word)
    if bound and re.search(rf"\b{bound}\b", text, re.I):
        return bound
    # a phrase read as one word: "called off" for "cancelled", "government troops" for "troops"
    phrase = next((m for m in PHRASAL.finditer(text.lower()) if _phrasal(m.group(0)) == word), None)
    if phrase is not None:  # as the text has it, where lower case kept its length
        same = len(text.lower()) == len(text)
        return " ".join((text[phrase.start() : phrase.end()] if same else phrase.group(0)).split())
    found = re.search(rf"\b{re.escape(word)}\b", text, re.I)
    return found.group(0) if found else word  # "Democrats" as the text has it


def _phrasal(phrase: str) -> str:
    return PHRASAL_VERBS[" ".join(phrase.split())]


_BOUNDS = {"least": "at least", "up": "up to", "more": "more than", "fewer": "fewer than",
           "less": "less than"}  # fmt: skip


# a plea of guilty is an admission ("admitted fraud" -> "pleaded guilty to fraud"), not a verdict
_PLEADED_GUILTY = re.compile(r"\b(?:plead|pleads|pleaded|pled|pleading)\s+guilty\b")


_UNIT_ON_FIGURE = re.compile(r"(\d)([a-z]{1,3})\b")


def fact_words(text: str) -> list[str]:
    """The lower-case words of ``text``, currency signs as words; "a few" is "several", not
    "few" ("not many")."""
    text = _SIGN.sub(lambda m: CURRENCY_SIGNS[m.group(0)], text.lower())
    text = _PLEADED_GUILTY.sub("admitted", text).replace("found guilty", "guilty")
    text = _UNIT_ON_FIGURE.sub(r"\1 \2", text)  # "10km" is 10 "km"
    text = PHRASAL.sub(lambda m: _phrasal(m.group(0)), text)
    text = _PLACE_AROUND.sub(" ", text)  # "around the world" rounds no figure
    text = _UP_NOT_TO.sub(" ", text)  # "back up after four hours" bounds no figure; "up to" does
    return re.sub(r"\ba few\b", "several", " ".join(WORD.findall(text))).split()


_UP_NOT_TO = re.compile(r"\bup\b(?!\s+to\b)")
_PLACE_AROUND = re.compile(
    r"\b(?:around|about)(?=\s+(?:the|this|that|his|her|its|their|our|town|here|there)\b)"
)


def word_swap(
    kind: str,
    severity: str,
    pair: Pair,
    hunk: Hunk,
    swap: tuple[str, str],
    detail: dict[str, object],
) -> Claim:
    """A claim on one hunk where a word was swapped for another."""
    return Claim(
        kind,
        severity,
        pair.old.text,
        pair.new.text,
        swap[0],
        swap[1],
        pair.old.span(hunk.old_start, hunk.old_end),
        pair.new.span(hunk.new_start, hunk.new_end),
        detail,
    )
