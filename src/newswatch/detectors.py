"""Detectors of factual change inside an edited sentence pair.

Each detector looks for one kind of claim change (a polarity, who did it to whom; hedges are
``newswatch.hedges``'s, quotes ``newswatch.quotes``'s, figures ``newswatch.figures``'s) and
returns claims with
precise spans;
``newswatch.claims`` decides what is left over. The rules are written for news in general:
what a reader would repeat or rely on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

# what the detectors' callers reach as ``detectors.Context`` and ``detectors.stem``
from newswatch.context import Context as Context
from newswatch.context import stem as stem
from newswatch.context import vocabulary as vocabulary
from newswatch.context import word_pairs as word_pairs
from newswatch.contrasts import DIRECTIONS, opposite, word_swap
from newswatch.edits import FUNCTION_WORDS, NEGATING, NEGATORS, OTHER_NEGATORS, WORD, Claim, Pair
from newswatch.hedges import UNCHECKED, cue_claim
from newswatch.negated_forms import AVOID, SAID_PLAINLY, complementary

NEGATION = re.compile(
    # "no doubt", "never doubted", "without doubt": certainty, not a no
    # "No. 2" is a number, not a no
    # "not only ... but also" adds, it does not deny
    r"\b(?:(?:not(?!\s+only\b)|never|no(?!\.\s?\d))(?!\s+(?:doubt\w*|question|stranger)\b)|none|nobody|nothing|nowhere|unlikely|"
    r"neither|nor|without(?!\s+(?:a\s+)?doubt\b)|"
    r"den(?:y|ies|ied|ying)|refus(?:e|es|ed|ing)|reject(?:s|ed|ing)?|turn(?:s|ed|ing)? down|"
    r"unable(?= to\b)|inability(?= to\b)|"  # "confirmed" -> "were unable to confirm"
    r"fail(?:s|ed|ing|ures?)? to|(?:has|have|had|is|are|was|were) yet to|cannot(?!\s+wait\b)|"
    r"short of(?! breath)|"
    # a refusal, not a figure falling: "declined to comment", not "declined to 3%"
    r"declin(?:e|es|ed|ing) to(?!\s+(?:(?:a|an|the|its|their|record|levels?|lows?)\b|[\d$£€]))|"
    # "ruled out of the final" is an injury and a goal "ruled out for offside" disallowed, not a no
    r"rul(?:e|es|ed|ing) out(?! of| for (?:offside|a foul|handball))|"
    # ... and "excluded" a possibility is "ruled out": "has not excluded further job cuts"
    r"exclud(?:e|es|ed|ing)(?=\s+(?:the\s+)?(?:possibility|further|any|more|other)\b)|"
    # the article's own verdict that a claim is untrue: "falsely said", "wrongly convicted"
    r"falsely|wrongly|wrongfully|incorrectly|erroneously|mistakenly|baselessly|baseless|"
    r"unfounded|"
    # other languages' ("non-" before a hyphen is the English prefix, judged as a word swap)
    + "|".join(w + "(?!-)" if w == "non" else w for w in OTHER_NEGATORS)
    # "can't wait to get started" is eagerness, not a no
    + r")\b|n't\b(?!\s+(?:doubt|wait)\b)",
    re.I,
)
# the "not" of "could not be verified" is a hedge's
_UNCHECKED = re.compile(UNCHECKED, re.I)
# a person not named: "has not been named", "has yet to be identified", "declined to be named"
_UNNAMED = re.compile(
    r"\b(?:(?:has|have|had|is|are|was|were)\s+)?(?:not\s+(?:yet\s+)?|yet\s+|declin\w*\s+)"
    r"(?:to\s+)?(?:been|be|being)\s+"
    r"(?:publicly\s+|formally\s+|officially\s+)?(?:named|identified)\b",
    re.I,
)
_NAMED = re.compile(r"\b(?:named|identified)\b", re.I)

WordingTest = Callable[[str, str], bool]


# --- polarity and certainty ------------------------------------------------------------------


def negation_claim(pair: Pair) -> Claim | None:
    """Polarity flipped: the number of negations differs ("not losing any" = "losing no")."""
    # the "not" of "could not be verified" is a hedge's ("unverified"), judged there, unless
    # the other side says it was confirmed: "confirmed" -> "unable to confirm" is turned
    a = _outside(NEGATION.finditer(pair.old.text), _unchecked(pair.old.text, pair.new.text))
    b = _outside(NEGATION.finditer(pair.new.text), _unchecked(pair.new.text, pair.old.text))
    # ", who has not been named," put in: who it is goes untold, nothing is denied (unless the
    # other side named them: "has been named" -> "has not been named" is turned)
    if not _NAMED.search(pair.new.text):
        a = _outside(iter(a), _UNNAMED.finditer(pair.old.text))
    if not _NAMED.search(pair.old.text):
        b = _outside(iter(b), _UNNAMED.finditer(pair.new.text))
    if len(a) == len(b):
        return _non_claim(pair)
    if _in_clauses_of_their_own(pair, a, b):
        return None  # ", the most allowed without a vote" put on: information added, not turned
    old, new = pair.old.text, pair.new.text
    unsaid = bool(_UNKNOWN.search(old) and _UNKNOWN.search(new))  # both say it is not known
    old_count = len(a) - unsaid * _unsaid(old, a) + _negated_words(old, new, unsaid)
    new_count = len(b) - unsaid * _unsaid(new, b) + _negated_words(new, old, unsaid)
    if old_count == new_count or (abs(old_count - new_count) == 1 and _turned_twice(pair)):
        return None
    fewer = old if old_count < new_count else new
    if abs(old_count - new_count) == 1 and AVOID.search(fewer):
        return None  # "advised not to travel" -> "should avoid travelling": said another way
    more = new if fewer is old else old
    if any(
        (said := negated.search(more)) is not None
        and plain.search(fewer)
        and abs(old_count - new_count) == len(NEGATION.findall(said.group(0)))
        for negated, plain in SAID_PLAINLY
    ):
        return None  # "lost its majority" -> "no longer has a majority", "not yet" -> "still"
    return cue_claim("negation", "high", pair, a, b)


def denials(passage: str) -> int:
    """The negations of a passage, but those that only say a person goes unnamed."""
    return len(_outside(NEGATION.finditer(passage), _UNNAMED.finditer(passage)))


def said_plainly(negated: str, plain: str) -> bool:
    """``negated`` says with a negation what ``plain`` says without one ("will not go ahead",
    "was cancelled")."""
    return any(n.search(negated) and p.search(plain) for n, p in SAID_PLAINLY)


_CHECKED = re.compile(r"\b(?:confirm|verif)\w*", re.I)


def _unchecked(text: str, other: str) -> Iterator[re.Match[str]]:
    """The claims ``text`` says no one could check, where ``other`` says none was checked."""
    if len(_outside(_CHECKED.finditer(other), _UNCHECKED.finditer(other))):
        return iter(())
    return _UNCHECKED.finditer(text)


def _outside(
    matches: Iterator[re.Match[str]], phrases: Iterator[re.Match[str]]
) -> list[re.Match[str]]:
    spans = [p.span() for p in phrases]
    return [m for m in matches if not any(a <= m.start() < b for a, b in spans)]


# Content words a passage put in (or taken out) whole needs to be a clause of its own
CLAUSE_WORDS = 3


def _in_clauses_of_their_own(pair: Pair, a: list[re.Match[str]], b: list[re.Match[str]]) -> bool:
    """The extra negations all came (or went) inside passages added (or cut) whole, each with
    words enough to say something of its own: the sentence says more (or less), it does not
    say the opposite. Other rules judge what such a passage brings."""
    gained = len(b) > len(a)
    whole = [
        (h.new_start, h.new_end) if gained else (h.old_start, h.old_end)
        for h in pair.hunks
        if not WORD.search(h.removed if gained else h.added)
        and sum(
            w.lower() not in FUNCTION_WORDS and w.lower() not in NEGATORS
            for w in WORD.findall(h.added if gained else h.removed)
        )
        >= CLAUSE_WORDS
    ]
    inside = sum(
        any(start <= m.start() and m.end() <= end for start, end in whole)
        for m in (b if gained else a)
    )
    return inside > 0 and abs(len(a) - len(b)) <= inside


def _turned_twice(pair: Pair) -> bool:
    """A negation put in or taken out with a word turned to its opposite: the claim is the same
    ("was not random" -> "was targeted", "did not win" -> "lost")."""
    for hunks in [[h] for h in pair.hunks] + [pair.hunks] if len(pair.hunks) > 1 else [pair.hunks]:
        # one hunk, or the sentence's hunks together: "would be missed" -> "would not be met"
        # diffs as "not" put in and "missed" -> "met" apart
        rem = [w.lower() for h in hunks for w in WORD.findall(h.removed)]
        add = [w.lower() for h in hunks for w in WORD.findall(h.added)]
        if bool(NEGATING.intersection(rem)) == bool(NEGATING.intersection(add)):
            continue
        if any(
            # "from" and "to" are opposite directions, but too common to turn a negation
            # round: "paid from its profits, not customers' bills" -> "added to customers' bills"
            (opposite(r, w) or complementary(r, w)) and not {r, w} <= DIRECTIONS
            for r in rem
            for w in add
        ):
            return True
    return False


def _non_claim(pair: Pair) -> Claim | None:
    """ "non-fatal" -> "fatal": the word edits see only "non-" put in or taken out."""
    for hunk in pair.hunks:
        removed, added = hunk.removed.strip(), hunk.added.strip()
        if {removed.lower(), added.lower()} in ({"non-", ""}, {"non", ""}):
            after_prefix = (
                WORD.match(pair.old.text, hunk.old_end)
                if removed
                else WORD.match(pair.new.text, hunk.new_end)
            )
            rest = after_prefix.group(0) if after_prefix else ""
            before, after = (removed + rest, rest) if removed else (rest, added + rest)
            return word_swap("negation", "high", pair, hunk, (before, after), {"opposite": True})
    return None


# a word made negative by its prefix: "unclear", "non-fatal", "unarmed"
_PREFIXED = re.compile(r"\b(?:un|non-|in|im|il|ir|dis)([a-z][\w-]{3,})", re.I)


def _negated_words(text: str, other: str, unsaid: bool) -> int:
    """The words of ``text`` that negate one ``other`` has bare: "not immediately clear" ->
    "unclear", "non-life-threatening" -> "not thought to be life-threatening". With
    ``unsaid``, an "unclear" that says a thing is not known is not counted again."""
    found = 0
    for match in _PREFIXED.finditer(text):
        if unsaid and _UNKNOWN.fullmatch(match.group(0)):
            continue
        stem = re.escape(match.group(1))
        if re.search(rf"(?<![\w-]){stem}\b", other, re.I) and not re.search(
            rf"\b{re.escape(match.group(0))}\b", other, re.I
        ):
            found += 1
    return found


# what is not known yet, said either way: "is not yet known" -> "is unclear", "is under
# investigation"; its "not" is no claim turned around when the other side says it too
_UNKNOWN = re.compile(
    r"\b(?:not\s+(?:yet\s+|immediately\s+|currently\s+)?(?:known|clear|certain|confirmed)"
    r"|unclear|unknown|uncertain|under\s+investigation|being\s+investigated)\b",
    re.I,
)


def _unsaid(text: str, negations: list[re.Match[str]]) -> int:
    """How many of ``negations`` only say a thing is not known yet."""
    spans = [m.span() for m in _UNKNOWN.finditer(text)]
    return sum(any(s <= n.start() < e for s, e in spans) for n in negations)


# --- who did it to whom ------------------------------------------------------------------------

# a bill and the chamber that passed it, either way round
_PASSED = re.compile(r"^\s*(?:(?:has|have|had)\s+)?(?:passed|cleared)\s+(?:the\s+)?$", re.I)
_CHAMBER = re.compile(
    r"\b(?:House|Senate|Congress|parliament|Commons|Lords|assembly|chamber|Bundestag|Knesset)\b",
    re.I,
)

# words between two parties that make their order no claim: "Lee and Reid", "Lee, Reid",
# "shaken but unhurt", a name and its other name ("Kyiv (Kiev)", "Kyiv/Kiev")
_SYMMETRIC = re.compile(
    r"^[\s,(/]*+(?:and|or|but|with|&|vs\.?|versus|,)?[\s,()/]*+(?:the\s+)?$"
    # ... and a deed two parties do to each other alike: "met", "clashed with", "held talks with"
    r"|^\s*(?:(?:has|have|had|will|was|were)\s+)?(?:met|meets|meet|meeting|clashed|clash|clashes|"
    r"spoke|speaks|talked|talks|held talks|negotiated|fought|married|drew|played|shook hands)"
    r"(?:\s+(?:with|to|against))?\s+(?:the\s+)?$",
    re.I,
)


_CLAUSE_WORDS = 3  # a clause with its figure traded whole is no party
# a phrase of a preposition and its object, traded whole for another
_WITH_OBJECT = re.compile(
    r"^(?:from|to|into|in|at|by|on|with|for|against|since|until|after|before|between|among|"
    r"over|under|across|through|near|via)\s+\S",
    re.I,
)


def roles_claim(pair: Pair) -> Claim | None:
    """Two parties traded places: "City beat Rovers" -> "Rovers beat City", "The landlord sued
    the tenant" -> "The tenant sued the landlord". Who did it to whom is the claim; two names
    side by side ("Lee and Reid" -> "Reid and Lee") only changed their order."""
    for first, second in zip(pair.hunks, pair.hunks[1:], strict=False):
        a, b = " ".join(first.removed.split()), " ".join(first.added.split())
        if not a or not b or a.lower() == b.lower():
            continue
        if (" ".join(second.removed.split()).lower(), " ".join(second.added.split()).lower()) != (
            b.lower(),
            a.lower(),
        ):
            continue
        if not any(c.isalnum() for c in a + b):
            continue  # punctuation; figures count ("destroyed 12 and damaged 30" turned round)
        if _WITH_OBJECT.match(a) and _WITH_OBJECT.match(b):
            continue  # "fell from 5% to 4%" -> "fell to 4% from 5%": each phrase kept whole
        if all(len(x.split()) >= _CLAUSE_WORDS and any(c.isdigit() for c in x) for x in (a, b)):
            continue  # "Exports fell 2% while imports rose 1%" -> the two clauses turned round
        if _SYMMETRIC.match(pair.old.text[first.old_end : second.old_start]):
            continue
        if _PASSED.match(pair.old.text[first.old_end : second.old_start]) and (
            _CHAMBER.search(a) or _CHAMBER.search(b)
        ):
            continue  # "The bill passed the House" -> "The House passed the bill"
        return _swapped(pair, (a, b), (b, a), (first.old_start, second.old_end),
                        (first.new_start, second.new_end))  # fmt: skip
    return _turned_in_one_hunk(pair) or _score_turned(pair)


def _swapped(
    pair: Pair,
    old: tuple[str, str],
    new: tuple[str, str],
    old_at: tuple[int, int],
    new_at: tuple[int, int],
) -> Claim:
    """Two parties that traded places ("City … Rovers" -> "Rovers … City")."""
    return Claim("fact", "high", pair.old.text, pair.new.text, " … ".join(old), " … ".join(new),
                 pair.old.span(*old_at), pair.new.span(*new_at), {"swapped": True})  # fmt: skip


# "Germany beat France" -> "France lost to Germany": the parties and the verb both turned round
_NAME = r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}"
_DOES_TO = re.compile(
    rf"(?:^|\b[Tt]he\s+|(?<=\s))(?P<a>{_NAME})\s+(?P<verb>[a-z]+)\s+(?:the\s+)?(?P<b>{_NAME})"
)
_DONE_BY = re.compile(
    rf"(?:^|\b[Tt]he\s+|(?<=\s))(?P<b>{_NAME})\s+(?:(?:were|was|have|has|had)\s+)?"
    rf"(?P<verb>[a-z]+)(?:\s+\d+[-–]\d+)?\s+(?:to|against|by)\s+(?:the\s+)?(?P<a>{_NAME})"
)


_AGAINST = re.compile(r"\b(?P<a>\w+)\s+(?P<verb>[a-z]+)\s+against\s+(?:the\s+)?(?P<b>\w+)")


def turned_twice(pair: Pair) -> bool:
    """The two parties and the verb between them both turned round: the same result told from
    the other side ("Germany beat France" -> "France lost to Germany")."""
    for one, other in ((pair.old.text, pair.new.text), (pair.new.text, pair.old.text)):
        does = _DOES_TO.search(one)
        done = _DONE_BY.search(other)
        if does is None or done is None:
            continue
        if (does["a"].lower(), does["b"].lower()) != (done["a"].lower(), done["b"].lower()):
            continue
        if opposite(does["verb"].lower(), done["verb"].lower()):
            return True
    # "The dollar weakened against the euro" -> "The euro strengthened against the dollar"
    was, now = _AGAINST.search(pair.old.text), _AGAINST.search(pair.new.text)
    return (
        was is not None
        and now is not None
        and (was["a"].lower(), was["b"].lower()) == (now["b"].lower(), now["a"].lower())
        and opposite(was["verb"].lower(), now["verb"].lower())
    )


# "Labour leads the Conservatives" -> "The Conservatives lead Labour": two names around one verb
# (in any of its forms), in one stretch the diff could not split
_NAME_VERB_NAME = re.compile(
    r"^(?:[Tt]he\s+)?(?P<a>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})\s+(?P<verb>[a-z]+)\s+"
    r"(?:the\s+)?(?P<b>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})$"
)


def _turned_in_one_hunk(pair: Pair) -> Claim | None:
    for hunk in pair.hunks:
        old = _NAME_VERB_NAME.match(" ".join(hunk.removed.split()))
        new = _NAME_VERB_NAME.match(" ".join(hunk.added.split()))
        if old is None or new is None or stem(old["verb"]) != stem(new["verb"]):
            continue
        a, b = old["a"].lower(), old["b"].lower()
        if a == b or (new["a"].lower(), new["b"].lower()) != (b, a):
            continue
        if _SYMMETRIC.match(f" {old['verb']} "):
            continue  # "Lee met Reid" -> "Reid met Lee"
        return _swapped(pair, (old["a"], old["b"]), (new["a"], new["b"]),
                        (hunk.old_start, hunk.old_end), (hunk.new_start, hunk.new_end))  # fmt: skip
    return None


# a score or a vote's tally: "won 3-1", "a 52-48 vote"
SCORE = re.compile(r"(?<![\d.,-])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\d,]|[.]\d|-\d)")


def _score_turned(pair: Pair) -> Claim | None:
    """A score or a tally the other way round ("won 3-1" -> "won 1-3"): the figures are the
    same, the result is not."""
    new_scores = [(m.group(1, 2), m.span()) for m in SCORE.finditer(pair.new.text)]
    for m in SCORE.finditer(pair.old.text):
        x, y = m.group(1, 2)
        if x == y or any(s == (x, y) for s, _ in new_scores):
            continue
        turned = next((span for s, span in new_scores if s == (y, x)), None)
        if turned is not None:
            return Claim(
                "fact",
                "high",
                pair.old.text,
                pair.new.text,
                m.group(0),
                pair.new.text[turned[0] : turned[1]],
                pair.old.span(*m.span()),
                pair.new.span(*turned),
                {"score": True},
            )
    return None


# a politician's party and state as US news writes them: "(D-Ore.)", "(R)"
_PARTY = re.compile(r"(?<=\()[DRI](?=[-–)])")


def party_claim(pair: Pair) -> Claim | None:
    """ "(D-Ore.)" -> "(R-Ore.)": another party."""
    for hunk in pair.hunks:
        if (
            _PARTY.match(pair.old.text, hunk.old_start)
            and _PARTY.match(pair.new.text, hunk.new_start)
            and len(hunk.removed.strip()) == len(hunk.added.strip()) == 1
        ):
            return word_swap("fact", "high", pair, hunk, (hunk.removed, hunk.added), {})
    return None
