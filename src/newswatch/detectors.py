"""Detectors of factual change inside an edited sentence pair.

Each detector looks for one kind of claim change (a polarity, a hedge, who did it to whom;
quotes are ``newswatch.quotes``'s, figures ``newswatch.figures``'s) and returns claims with
precise spans;
``newswatch.claims`` decides what is left over. The rules are written for news in general:
what a reader would repeat or rely on.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator

# what the detectors' callers reach as ``detectors.Context`` and ``detectors.stem``
from newswatch.context import Context as Context
from newswatch.context import stem as stem
from newswatch.context import vocabulary as vocabulary
from newswatch.context import word_pairs as word_pairs
from newswatch.contrasts import opposite, word_swap
from newswatch.edits import FUNCTION_WORDS, NEGATORS, OTHER_NEGATORS, WORD, Claim, Pair
from newswatch.qualifiers import CEILING_REACHED
from newswatch.sourcing import respelt

NEGATION = re.compile(
    # "no doubt", "never doubted", "without doubt": certainty, not a no
    # "No. 2" is a number, not a no
    r"\b(?:(?:not|never|no(?!\.\s?\d))(?!\s+(?:doubt\w*|question|stranger)\b)|none|nobody|nothing|nowhere|unlikely|"
    r"neither|nor|without(?!\s+(?:a\s+)?doubt\b)|"
    r"den(?:y|ies|ied|ying)|refus(?:e|es|ed|ing)|reject(?:s|ed|ing)?|"
    r"fail(?:s|ed|ing)? to|(?:has|have|had|is|are|was|were) yet to|cannot|short of(?! breath)|"
    # a refusal, not a figure falling: "declined to comment", not "declined to 3%"
    r"declin(?:e|es|ed|ing) to(?!\s+(?:(?:a|an|the|its|their|record|levels?|lows?)\b|[\d$£€]))|"
    r"unable(?= to\b)|"  # "could not confirm" said as "were unable to confirm"
    r"rul(?:e|es|ed|ing) out(?! of)|"  # "ruled out of the final" is an injury, not a no
    # the article's own verdict that a claim is untrue: "falsely said", "wrongly convicted"
    r"falsely|wrongly|wrongfully|incorrectly|erroneously|mistakenly|baselessly|baseless|"
    r"unfounded|"
    # other languages' ("non-" before a hyphen is the English prefix, judged as a word swap)
    + "|".join(w + "(?!-)" if w == "non" else w for w in OTHER_NEGATORS)
    + r")\b|n't\b(?!\s+doubt)",
    re.I,
)
# What the article says is not known yet, in any of its words: one hedge, whichever it uses
UNSETTLED = (
    r"(?:(?:(?:is|are|was|were|remains?|remained|still)\s+|['’]s\s+)(?:still\s+|as\s+yet\s+)?"
    r"(?:unclear|unknown|uncertain)|not\s+(?:yet\s+|immediately\s+|currently\s+)?"
    r"(?:known|clear|certain)|under\s+investigation|being\s+investigated|"
    r"(?:investigat|look\w*\s+into|examin|check|establish|determin|assess|review|prob)\w*"
    r"\s+whether|"
    # a thing a party would not tell is not known either: "did not say how many"
    r"(?:(?:did|would|could|does|do)(?:\s+not|n['’]t)|declined\s+to|refused\s+to)\s+"
    r"(?:immediately\s+)?"
    r"(?:say|disclose|specify|reveal|give)(?=\s+(?:how|what|why|whether|when|who|which|where)\b)|"
    r"(?:gave|give|gives|provided|offered)\s+no\s+(?:further\s+)?(?:details|information)"
    r"(?:\s+(?:of|on|about|as\s+to))?(?=\s+(?:how|what|why|whether|when|who|which|where)\b))"
)
_UNSETTLED = re.compile(UNSETTLED, re.I)
# A claim no one could check, or made with no proof shown: one hedge, "unverified", in any of
# its words ("a claim that could not be independently verified", "without giving evidence")
UNCHECKED = (
    r"(?:could|can)(?:\s+not|not)\s+(?:be\s+)?(?:(?:independently|immediately|yet)\s+)?"
    r"(?:verified|confirmed)|"
    r"(?:without|did\s+not|didn't)\s+(?:giving|providing|offering|citing|presenting|give|"
    r"provide|offer|cite|present)\s+(?:any\s+)?evidence|unsubstantiated"
)
_UNCHECKED = re.compile(UNCHECKED, re.I)
# Nothing found to show it, in any of its words: one hedge ("no evidence that", "no sign of",
# "nothing to suggest")
NOT_FOUND = (
    r"no (?:evidence|signs?|traces?|indications?)(?: (?:that|of))?|"
    r"nothing to (?:suggest|indicate|show)"
)
_NOT_FOUND = re.compile(NOT_FOUND, re.I)
# Words that make a claim less certain (epistemic hedges). Tense and plain modality (will,
# would, must, can) are left out: "will" -> "would" in reported speech is style, not doubt.
# "Could not" is what someone was unable to do ("could not be reached"), not a doubt.
_ADVERBS = "also|still|now|widely|generally|already|originally|initially|currently|not"
HEDGE = re.compile(
    r"\b(?:may|might|could(?!\s+not\b)|reportedly|allegedly|alleged|"
    # "allegations of fraud" hedge a claim; "denied the allegations" names one
    r"allegations?(?=\s+(?:that|of|he|she|they|it)\b)|apparently|possibly|probably|"
    r"not likely|likely|unlikely|perhaps|purportedly|supposedly|seemingly|presumably|suspected|"
    r"at risk|"
    # "will miss the final" -> "is a doubt for the final", "the deal is in doubt"
    r"(?:a )?doubt(?:ful)? for|in doubt|feared(?= (?:dead|drowned|killed|missing|trapped)\b)|"
    # a thing denied made a thing not found: "no data was accessed" -> "no evidence that data
    # was accessed"; a step taken made one weighed: "opened an inquiry" -> "is considering"
    + NOT_FOUND
    + r"|(?:(?:is|are|was|were) (?:considering|weighing|mulling|exploring)|"
    # "will consider allowing", "and consider allowing": a step still weighed
    r"(?:will|would|could|may|might|to|and) (?:consider|weigh|mull|explore))"
    r"(?= (?:\w+ing|whether|an?)\b)|"
    rf"unconfirmed|unverified|(?:is|are|was|were)(?: (?:{_ADVERBS}))? (?:expected|said|"
    r"believed|thought|understood|estimated|"
    r"reported|rumou?red|forecast|predicted|tipped) to|"
    rf"(?:is|are|was|were)(?: (?:{_ADVERBS}))? (?:considered|regarded as)|"
    r"it is (?:understood|believed|thought)|reports suggest|according to reports|"
    r"appears? to|appeared to|seems? to|seemed to|"
    # a forecast said actively: "officials expect the death toll to rise"
    r"(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )"
    r"expect(?:s|ed)? (?:(?:the|a|an|its|their|his|her) )?(?:[\w-]+ ){0,3}?to(?= \w)|"
    # an intention is not yet a fact: "plans to close" -> "will close"
    r"(?:plan(?:s|ned|ning)?|intend(?:s|ed|ing)?|aim(?:s|ed|ing)?|hop(?:e|es|ed|ing)|"
    r"want(?:s|ed|ing)?|"
    r"threaten(?:s|ed|ing)?|vow(?:s|ed|ing)?|pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)) to|"
    # a superlative cut down: "the largest" -> "one of the largest"
    r"(?:one of|among) the (?:[a-z]+(?:'s|s') )?(?:[a-z]+est|most|first|last|best|worst)|"
    # a claim the article could not check, or one made without proof ("unverified"), and a
    # thing said to be not yet known ("the cause is unknown" -> "the cause was a fault")
     + UNCHECKED + "|" + UNSETTLED + r")\b",
    re.I,
)
_INTENTION = re.compile(r"(plan|intend|aim|hop|want|threaten|vow|pledg|promis)\w* to")
# an intention said with another verb of the same strength is the same hedge ("plans to" ->
# "intends to", "pledged to" -> "promised to")
_INTENTIONS = {
    "plan": "plans to", "intend": "plans to", "aim": "plans to", "hop": "hopes to",
    "want": "hopes to",
    "threaten": "threatens to", "vow": "pledges to", "pledg": "pledges to",
    "promis": "pledges to",
}  # fmt: skip


WordingTest = Callable[[str, str], bool]


# --- polarity and certainty ------------------------------------------------------------------


def negation_claim(pair: Pair) -> Claim | None:
    """Polarity flipped: the number of negations differs ("not losing any" = "losing no")."""
    # the "not" of "could not be verified" is a hedge's ("unverified"), judged there
    a = _outside(NEGATION.finditer(pair.old.text), _UNCHECKED.finditer(pair.old.text))
    b = _outside(NEGATION.finditer(pair.new.text), _UNCHECKED.finditer(pair.new.text))
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
    if abs(old_count - new_count) == 1 and _AVOID.search(fewer):
        return None  # "advised not to travel" -> "should avoid travelling": said another way
    more = new if fewer is old else old
    if any(
        (said := negated.search(more)) is not None
        and plain.search(fewer)
        and abs(old_count - new_count) == len(NEGATION.findall(said.group(0)))
        for negated, plain in _SAID_PLAINLY
    ):
        return None  # "lost its majority" -> "no longer has a majority", "not yet" -> "still"
    return _cue_claim("negation", "high", pair, a, b)


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


# a negation only where it answers one on the other side: "to avoid the centre" dropped from a
# reworded sentence is no claim turned round
_AVOID = re.compile(r"\bavoid(?:s|ed|ing)?\b", re.I)
# ... and where a state that ended answers one: "lost", "stopped" said as "no longer"
_NO_LONGER = re.compile(r"\bno longer\b|\bnot\b[^.;]{0,40}\b(?:any longer|anymore)\b", re.I)
_CEASED = re.compile(
    r"\b(?:lost|loses|lose|ended|ends|stopped|stops|ceased|ceases|quit|quits|left|leaves|"
    r"gave up|gives up|dropped|drops|abandoned|abandons)\b",
    re.I,
)


def _negated(words: str) -> re.Pattern[str]:
    """ "not" and, a few words on, one of ``words``: "has not lost a game"."""
    return re.compile(rf"\bnot\b(?:\s+\w+){{0,2}}\s+(?:{words})\b", re.I)


# ... and other negated phrases with a plain twin: a thing still under way, an option kept open,
# a thing that happened before
_NOT_YET = re.compile(r"\bnot\s+yet\b|\bhas\s+yet\s+to\b|\bhave\s+yet\s+to\b", re.I)
_STILL = re.compile(r"\bstill\b", re.I)
_NOT_RULED_OUT = re.compile(r"\bnot\b[^.;]{0,20}\brul(?:e|es|ed|ing)\s+out\b", re.I)
_LEFT_OPEN = re.compile(r"\b(?:leave|leaves|left|leaving|keep|keeps|kept)\s+open\b", re.I)
_NOT_FIRST = re.compile(r"\bnot\s+(?:the|its|their|his|her)\s+first\b", re.I)
_BEFORE = re.compile(r"\b(?:before|previously|again|already)\b", re.I)
_SAID_PLAINLY = (
    (_NO_LONGER, _CEASED),
    (_NOT_YET, _STILL),
    (_NOT_RULED_OUT, _LEFT_OPEN),
    (_NOT_FIRST, _BEFORE),
    (_negated(r"lost|beaten|defeated"), re.compile(r"\bunbeaten\b", re.I)),
    (_negated(r"attend|attended|present|there"), re.compile(r"\babsent\b", re.I)),
    (
        _negated(r"allowed|permitted|able"),
        re.compile(r"\b(?:prevented|barred|banned|stopped|blocked)\s+from\b", re.I),
    ),
    (re.compile(r"\bno\s+(?:charge|fee|cost)\b", re.I), re.compile(r"\bfree\b", re.I)),
    (_negated(r"until"), re.compile(r"\b(?:due|expected|set|scheduled)\b", re.I)),
)


def _turned_twice(pair: Pair) -> bool:
    """A negation put in or taken out with a word turned to its opposite: the claim is the same
    ("was not random" -> "was targeted", "did not win" -> "lost")."""
    for hunk in pair.hunks:
        rem = [w.lower() for w in WORD.findall(hunk.removed)]
        add = [w.lower() for w in WORD.findall(hunk.added)]
        if bool(NEGATORS.intersection(rem)) == bool(NEGATORS.intersection(add)):
            continue
        if any(opposite(r, w) for r in rem for w in add):
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


def _hedges(text: str) -> list[re.Match[str]]:
    """The hedges of ``text``. "May" with a capital is the month or a name: news prose does not
    open a sentence with the modal. "No plans to" is no intention hedged but none at all (the
    negation rules judge it), and "a plan to" is a thing, not a hedge."""
    return [
        m
        for m in HEDGE.finditer(text)
        if m.group(0) != "May"
        and not _NO_BEFORE.search(text, 0, m.start())
        and not (
            _INTENTION.fullmatch(m.group(0).lower()) and _NOT_BEFORE.search(text, 0, m.start())
        )
        and not (m.group(0).lower().startswith("plan ") and _PLAN_NOUN.search(text, 0, m.start()))
    ]


_NO_BEFORE = re.compile(r"\bno\s+(?:(?:immediate|current|further|firm|concrete)\s+)?$", re.I)
# "is not planning to": no intention either
_NOT_BEFORE = re.compile(r"\bnot\s+(?:(?:currently|yet)\s+)?$", re.I)
# "plan to" after a determiner or a verb that takes a plan is a noun ("backs a plan to close",
# "backs plan to close" in a headline): the plan is the news, not a hedge on it
_PLAN_NOUN = re.compile(
    r"\b(?:a|an|the|its|their|his|her|our|my|your|this|that|new|(?:back|approve|unveil|announce|"
    r"reject|scrap|drop|block|halt|defend|outline|launch|ditch|abandon|shelve|table|propose|"
    r"welcome|oppose|criticise|criticize|condemn|publish)(?:s|es|d|ed)?|scrapped|dropped)\s+$",
    re.I,
)


def hedge_claim(pair: Pair) -> Claim | None:
    a = _hedges(pair.old.text)
    b = _hedges(pair.new.text)
    if {_cue(m) for m in a} == {_cue(m) for m in b}:  # "not likely" -> "unlikely": one hedge
        return None
    # a hedge word that only fixes a misspelt one ("alegged" -> "alleged") is not a new hedge
    removed_words = [w.lower() for h in pair.hunks for w in WORD.findall(h.removed)]
    added_words = [w.lower() for h in pair.hunks for w in WORD.findall(h.added)]
    b = [m for m in b if not respelt(m.group(0).lower(), removed_words)]
    a = [m for m in a if not respelt(m.group(0).lower(), added_words)]
    if {_cue(m) for m in a} == {_cue(m) for m in b}:  # the same hedges, however often
        return None
    if {_cue(m) for m in a} ^ {_cue(m) for m in b} == {"expected to"} and all(
        _SCHEDULED.search(side.text) for side in (pair.old, pair.new)
    ):
        return None  # "is expected to last" -> "is scheduled to last": a date still to come
    if {_cue(m) for m in a} ^ {_cue(m) for m in b} <= {"plans to", "pledges to"} and all(
        _INTENDED.search(side.text) or _hedges(side.text) for side in (pair.old, pair.new)
    ):
        return None  # "said it would fight" -> "has vowed to fight": one intention
    if {_cue(m) for m in a} ^ {_cue(m) for m in b} == {"may"} and any(
        CEILING_REACHED.search(one.text) and _UP_TO.search(other.text)
        for one, other in ((pair.old, pair.new), (pair.new, pair.old))
    ):
        return None  # "gusts of up to 80mph" -> "gusts could reach 80mph": one ceiling
    return _cue_claim("hedge", "medium", pair, a, b)


# an intention reported: "said it would fight", "says he will stand"
_INTENDED = re.compile(
    r"\b(?:said|says|say|told \w+)\s+(?:that\s+)?(?:it|he|she|they|we|i)\s+(?:would|will)\b",
    re.I,
)
_UP_TO = re.compile(r"\bup\s+to\b", re.I)
# a thing set down for a date: no hedge, but no fact yet either ("is due to start")
_SCHEDULED = re.compile(
    r"\b(?:is|are|was|were)\s+(?:due|set|scheduled|slated|expected|poised|planned)\s+to\b", re.I
)


_EXPECTED = frozenset({"expected", "forecast", "predicted", "tipped"})
_BELIEVED = frozenset({"believed", "thought", "understood", "estimated", "considered", "regarded"})
_REPORTED = frozenset({"said", "reported", "rumoured", "rumored"})
_POSSIBLE = frozenset({"may", "might", "could", "at risk"})
_LIKELY = frozenset({"likely", "probably"})
_FORECASTS = frozenset(w[:6] for w in _EXPECTED | _LIKELY)  # "expect", "foreca", "likely"
# "officials expect the toll to rise": the forecast said actively
_EXPECTS = re.compile(r"expect(?:s|ed)? ")
_WEIGHING = frozenset(
    {"considering", "weighing", "mulling", "exploring", "consider", "weigh", "mull", "explore"}
)
# cues that stand for several wordings, shown as the sentence words them
_AS_WRITTEN = frozenset(
    {
        "expected to",
        "not known",
        "unverified",
        "may",
        "no evidence",
        "considering",
        "doubtful",
        "plans to",
        "pledges to",
        "hopes to",
        "believed to",
        "reportedly",
    }
)


def _cue(match: re.Match[str]) -> str:
    # "allegations that", "alleged" and "allegedly" hedge a claim the same way
    words = ["alleged" if w.startswith("alleg") else w for w in match.group(0).lower().split()]
    if len(words) > 1 and words[0] in ("is", "are", "was", "were"):
        words = words[1:]  # "is believed to" and "are believed to" are one hedge
    if len(words) > 1 and words[0] == "not" and words[1] in _EXPECTED | {"likely"}:
        return "unlikely"  # "is not expected to", "not likely to" and "unlikely to": one hedge
    if len(words) > 2 and words[0] in _ADVERBS.split("|"):
        words = words[1:]  # "also expected to" is "expected to"
    cue = " ".join(words)
    unsettled = _UNSETTLED.match(match.string, match.start())  # its lookahead reads on
    if unsettled is not None and unsettled.end() == match.end():
        return "not known"  # "is unclear", "is not yet known", "under investigation": one hedge
    if cue in _POSSIBLE:
        return "may"  # "may", "might", "could" and "at risk" say one thing: it is possible
    if _NOT_FOUND.fullmatch(match.group(0)):
        return "no evidence"  # "no sign of", "no evidence that", "nothing to suggest"
    if "doubt" in words or "doubtful" in words:
        return "doubtful"  # "a doubt for", "doubtful for", "in doubt"
    if words[-1] in _WEIGHING:
        return "considering"  # "is weighing", "are considering", "is mulling"
    if _UNCHECKED.fullmatch(match.group(0)) or cue == "unconfirmed":
        return "unverified"  # "could not be independently verified", "without evidence"
    if words[0] in _BELIEVED or cue.startswith("it is "):
        return "believed to"  # "is thought to", "is understood to", "it is believed": one hedge
    if words[0] in _REPORTED or cue in ("reportedly", "reports suggest", "according to reports"):
        return "reportedly"  # "is said to", "is reported to", "reportedly": one hedge
    if (words[0] in _EXPECTED and len(words) == 2) or cue in _LIKELY or _EXPECTS.match(cue):
        return "expected to"  # "is forecast to", "is expected to", "likely": one hedge
    if words[0].startswith(("appear", "seem")) and len(words) == 2:
        return "appears to"  # "appeared to", "seems to": one hedge
    if cue.startswith(("one of the ", "among the ")):
        return "one of the"  # "one of the largest", "among the biggest": one hedge
    intention = _INTENTION.fullmatch(cue)  # "plans to", "planning to": one hedge, read "plans to"
    return _INTENTIONS[intention.group(1)] if intention else cue


def _as_written(cue: str, matches: list[re.Match[str]]) -> str:
    """A cue as the sentence words it ("forecast to" for the cue "expected to")."""
    if cue not in _AS_WRITTEN:
        return cue
    found = next((m for m in matches if _cue(m) == cue), None)
    if found is None:
        return cue
    words = found.group(0).lower().split()
    if cue == "expected to":  # "is also forecast to" reads "forecast to"
        words = words[next((i for i, w in enumerate(words) if w[:6] in _FORECASTS), 0) :]
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
        ", ".join(sorted(_as_written(cue, a) for cue in removed)) or None,
        ", ".join(sorted(_as_written(cue, b) for cue in added)) or None,
        old_span,
        new_span,
    )


# --- who did it to whom ------------------------------------------------------------------------

# words between two parties that make their order no claim: "Lee and Reid", "Lee, Reid", a
# name and its other name ("Kyiv (Kiev)", "Kyiv/Kiev")
_SYMMETRIC = re.compile(r"^[\s,(/]*(?:and|or|with|&|vs\.?|versus|,)?[\s,()/]*$", re.I)


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
        if _SYMMETRIC.match(pair.old.text[first.old_end : second.old_start]):
            continue
        return Claim(
            "fact",
            "high",
            pair.old.text,
            pair.new.text,
            f"{a} … {b}",
            f"{b} … {a}",
            pair.old.span(first.old_start, second.old_end),
            pair.new.span(first.new_start, second.new_end),
            {"swapped": True},
        )
    return _score_turned(pair)


# a score or a vote's tally: "won 3-1", "a 52-48 vote"
_SCORE = re.compile(r"(?<![\d.,-])(\d{1,3})\s?[-–]\s?(\d{1,3})(?![\d.,]|-\d)")


def _score_turned(pair: Pair) -> Claim | None:
    """A score or a tally the other way round ("won 3-1" -> "won 1-3"): the figures are the
    same, the result is not."""
    new_scores = [(m.group(1, 2), m.span()) for m in _SCORE.finditer(pair.new.text)]
    for m in _SCORE.finditer(pair.old.text):
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
