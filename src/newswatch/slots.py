"""The fact a phrase names after its cue, swapped for another: "caused by a cyber attack" ->
"caused by a software update", "died of a heart attack" -> "died of a stroke", "arrested on
suspicion of arson" -> "of burglary", "tested positive for cocaine" -> "for steroids".

The cue says what kind of fact follows (a cause, a charge, an illness, a substance, who did
it after a passive's "by", who a named person is, what a count counts), so the words after it
are that fact whatever they are: no list of causes or illnesses is needed. The same fact said
more strongly ("heavy rain" -> "torrential rain": the noun kept), respelt or only grown
("murder" -> "the murder of her husband": its words kept) is no other fact.

``post_before_name_claim`` reads the other side of a name: the word before a post that says
whose post it is ("union leader Mary Cole" -> "council leader Mary Cole").
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from newswatch.contrasts import fact_words, word_swap
from newswatch.edits import FUNCTION_WORDS, WORD, Claim, Pair
from newswatch.qualifiers import CAUSE_CUES

MAX_SLOT_WORDS = 8
SAME_WORDS_RATIO = 80
# the cues, each a kind of fact; the causes are the qualifiers' ("due to" after "is" or "was"
# is mostly a schedule, "is due to arrive", not a cause)
_CAUSES = CAUSE_CUES
_OTHERS = (
    r"died (?:of|from)|dies (?:of|from)|killed by|(?:charged|accused|convicted|suspected|"
    r"acquitted|cleared) (?:with|of)|on suspicion of|diagnosed with|infected with|suffering "
    r"from|tested positive for|(?:jailed|fined|banned|sacked|suspended|sentenced|arrested) for|"
    # who someone was made, who bought or got a thing, and where money goes
    r"(?:named|appointed|elected|chosen|confirmed) as|(?:bought|acquired|taken over) by|"
    r"(?:sold|awarded|given) to|(?:spent|spending|invested|investment|cuts|cut) (?:on|in)|"
    # who did it: the agent after a passive ("shot down by rebels" -> "by government troops")
    r"(?:carried out|shot(?: down)?|attacked|launched|ordered|approved|rejected|blocked|seized|"
    r"captured|claimed|backed|opposed|criticised|criticized|condemned|won|beaten|defeated|"
    r"rescued|injured|hit|struck|targeted) by|"
    # ... and after any participle ("the decision was made by the board" -> "by the chief
    # executive", "a board chaired by the president"); a "by" after a word that is no
    # participle is a place or a time ("close by", "by Friday")
    r"(?:(?:is|are|was|were|be|been|being) |\w+ )(?!(?:\w+ly )?(?:caused|triggered|sparked) by)"
    r"(?:\w+ly )?\w+(?:ed|en|de|ght|wn|un|lt|pt|nt) by|"
    # where a fire or an outbreak began
    r"(?:started|began|broke out) in|"
    # why a place was cleared or a thing stopped ("evacuated after a bomb threat" -> "after a
    # gas leak")
    r"(?:evacuated|closed|shut|cancelled|canceled|suspended|halted|grounded|postponed|abandoned|"
    r"called off|stopped|locked down) (?:after|following|amid)|"
    # what a study measured, and what a strike or a row is about
    r"(?:risk|risks|chance|rate|rates|odds) of|(?:strike|strikes|dispute|row|walkout|protest|"
    r"protests)(?: (?:is|are|was|were))? over|"
    # what is blamed ("blamed rising rents" -> "blamed cuts to its funding")
    r"blam(?:e|es|ed|ing)(?: \w+)? on|blam(?:e|es|ed|ing)|"
    # what someone asked for ("called for calm" -> "called for a curfew")
    # (a police appeal "for witnesses" or "for information" is one appeal: left out)
    r"(?:call|calls|called|calling|pressed|pushed|demanded|demanding|demands) for"
)
# a cue a few words before where the fact changed ("caused by a")
_CUE_BEFORE = re.compile(rf"\b(?:({_CAUSES})|({_OTHERS}))(?:\s+\S+){{0,2}}\s*$", re.I)
# a count just before it says what is counted follows ("3 million households" -> "3 million
# people"); a year ("the 2024 election") counts nothing
_COUNT_BEFORE = re.compile(
    r"(?<![\w.,:/$£€-])(?!(?:1[89]|20)\d\d\b)(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|two|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|millions)"
    r"(?:\s+(?:million|billion|thousand|hundred))?\s+$",
    re.I,
)
# a person's name and a comma: who they are follows ("Ann Lee, the head of the union," ->
# "Ann Lee, a member of the union,")
_WHO_BEFORE = re.compile(
    r"\b(?!(?:On|In|At|By|For|From|During|After|Before|Since|Until|Last|This|Next|Early|Late|"
    r"Earlier|Later)\b)[A-Z][\w'-]+\s+[A-Z][\w'-]+,\s*(?:(?:the|a|an)\s+)?$"
)  # "On Monday," is a time, not a name
# ... and its post ends before whose post it is ("head of the union", "lawyer for the family")
_CLOSED = re.compile(r"[^,.;:!?\"]{0,60},")  # the comma that closes it
_POST_ENDS = re.compile(r"\s*(?:of|for|at|to|with)\b")
_CLOCK = re.compile(r"\s*(?:[ap]\.?m\b|o'clock|hours?\b|hrs\b|gmt\b|utc\b|local\b)", re.I)
# where a noun phrase ends: a stop, a clause's comma, a place or a time after it
_PHRASE_ENDS = re.compile(
    r"\s*(?:[,.;:!?)\"]|$|(?:and|or|but|near|in|on|at|after|before|when|while|which|that|who|"
    r"during|last|this|earlier|officials|police|by|for|from|with|among|than|as|under|"
    # or the verb of its clause ("two people were killed")
    r"is|are|was|were|have|has|had|will|would|could|can|may|might)\b)",
    re.I,
)


# words news uses for one another in these places: "bought by a rival" -> "by a competitor" is
# the same buyer ("chief executive" is read as "ceo")
_SAME = (
    "firm company business corporation group", "rival competitor", "boss chief head ceo",
    "children kids youngsters", "homes houses properties", "flat apartment", "car vehicle",
    "lorry truck", "money cash funds funding", "staff workers employees", "blaze fire",
    "crash collision accident", "illness disease", "shares stock stocks", "covid coronavirus",
    "cannabis marijuana", "cocaine coke", "people persons individuals", "troops soldiers",
    "protesters protestors demonstrators", "votes ballots", "officials authorities",
    "media press outlets news", "mps lawmakers legislators",
    "spokesman spokeswoman spokesperson representative", "police detectives officers",
    "council councillor councillors councilor councilors", "doctor doctors physician physicians",
    "shops stores", "fans supporters", "pupils students", "jobs posts roles positions",
    "men males", "women females", "scientists researchers", "death deaths dying",
    "tired exhausted weary fatigued", "ill sick unwell", "angry furious", "worried concerned",
    "problem problems issue issues fault faults glitch glitches",
)  # fmt: skip
_GROUP = {word: i for i, line in enumerate(_SAME) for word in line.split()}


def meaning(words: set[str]) -> set[object]:
    """Content words with each of news's words for one thing read as that thing."""
    return {_GROUP.get(w, w) for w in words}


def _cue_before(text: str, at: int) -> tuple[str, bool] | None:
    """The cue before ``at`` in ``text``, and whether it gives a cause."""
    before = text[max(0, at - 60) : at]
    if _COUNT_BEFORE.search(before):
        return "count", False
    if _WHO_BEFORE.search(before):
        return "who", False
    found = _CUE_BEFORE.search(before)
    if found is None:
        return None
    return " ".join(found.group(0).lower().split()[:3]), found.group(1) is not None


def _content(text: str) -> set[str]:
    text = re.sub(r"\bchief executive(?: officer)?\b", "ceo", text.lower())
    return {w for w in WORD.findall(text) if w not in FUNCTION_WORDS}


def _phrased(text: str) -> set[str]:
    """The content words of ``text``, each phrase the lists know as one read as its word."""
    return {w for w in fact_words(text) if w not in FUNCTION_WORDS}


def slot_claim(pair: Pair) -> Claim | None:
    """Another fact named after the same cue: the words after it changed for others the old
    sentence did not have, up to where the phrase ends."""
    for hunk in pair.hunks:
        taken, put = WORD.findall(hunk.removed), WORD.findall(hunk.added)
        if not taken or not put or len(taken) > MAX_SLOT_WORDS or len(put) > MAX_SLOT_WORDS:
            continue
        cue = _cue_before(pair.old.text, hunk.old_start)
        if cue is None or cue != _cue_before(pair.new.text, hunk.new_start):
            continue
        if cue[0] == "count" and (_CLOCK.match(hunk.removed) or _CLOCK.match(hunk.added)):
            continue  # "3 am" -> "3 a.m. local time": the hour written out
        if cue[0] == "who" and not (
            _CLOSED.match(pair.old.text, hunk.old_end)
            and _CLOSED.match(pair.new.text, hunk.new_end)
        ):
            continue  # "Ann Lee, who wrote that" -> "Ann Lee, explained": no post between commas
        if any(c.isdigit() for c in hunk.removed + hunk.added):
            continue  # "rose by 5%" -> "by 6%": a figure, the figure rules'
        gone = _content(hunk.removed)
        came = _content(hunk.added)
        if not gone or not came or gone & came or meaning(gone) == meaning(came):
            continue
        if _phrased(hunk.removed) == _phrased(hunk.added):
            continue  # "an IT failure" -> "a technical fault": one phrase's two wordings
        ends = _PHRASE_ENDS.match(pair.new.text, hunk.new_end)
        if not ends and not (cue[0] == "who" and _POST_ENDS.match(pair.new.text, hunk.new_end)):
            continue  # "heavy rain" -> "torrential rain": the fact kept, said more strongly
        old, new = " ".join(hunk.removed.split()), " ".join(hunk.added.split())
        if all(w[0].isupper() for w in WORD.findall(new) if w.lower() not in FUNCTION_WORDS):
            continue  # a name for a name ("by Russian troops" -> "by Ukrainian troops"): entities
        if fuzz.ratio(old.lower(), new.lower()) >= SAME_WORDS_RATIO:
            continue  # "a cyber atack" -> "a cyber attack": the same fact respelt
        # what a count counts swapped is shown, not alerted: news has a word or two for
        # most things counted ("pupils" and "students"), and no list here knows them all
        severity = "low" if cue[0] == "count" else "medium"
        return word_swap(
            "fact", severity, pair, hunk, (old, new), {"cause": True} if cue[1] else {}
        )
    return None


# a step taken only to be safe, and a reason that says there was cause
_PRECAUTION = re.compile(r"\bas\s+a\s+precaution(?:ary\s+measure)?\b", re.I)
_REASON = re.compile(
    r"\b(?:after|following|amid|because\s+of|due\s+to)\s+((?:an?\s+|the\s+)?\w+(?:[\s-]+\w+){0,4})"
    # "taken to hospital with serious injuries"
    r"|\bwith\s+((?:\w+\s+){0,2}(?:injuries|wounds|burns|symptoms))\b",
    re.I,
)


def precaution_claim(pair: Pair) -> Claim | None:
    """A step taken "as a precaution" given a reason instead, or the other way round:
    "evacuated as a precaution" -> "evacuated after a suspicious package was found"."""
    for cautious, reasoned, added in ((pair.old, pair.new, True), (pair.new, pair.old, False)):
        caution = _PRECAUTION.search(cautious.text)
        if caution is None or _PRECAUTION.search(reasoned.text):
            continue
        reason = _REASON.search(reasoned.text)
        said = reason and (reason.group(1) or reason.group(2))
        if not said or not _content(said) - _content(cautious.text):
            continue
        for hunk in pair.hunks:
            start, end = (hunk.old_start, hunk.old_end) if added else (hunk.new_start, hunk.new_end)
            if start < caution.end() and caution.start() < end:
                values = (caution.group(0), said)
                return word_swap(
                    "fact", "medium", pair, hunk, values if added else values[::-1], {"cause": True}
                )
    return None


# a post before a name, and the word before it that says whose post it is: "union leader Mary
# Cole" -> "council leader Mary Cole"
_POST_NAME = re.compile(
    r"\s+(?:leader|chief|head|boss|spokesman|spokeswoman|spokesperson|secretary|chairman|"
    r"chairwoman|chair|president|director|minister|officer|member|councillor|official|"
    r"manager|coach|captain)\s+[A-Z][\w'-]+\s+[A-Z][\w'-]+"
)


def post_before_name_claim(pair: Pair) -> Claim | None:
    """The word that says whose post a named person holds, swapped for another: "union leader
    Mary Cole" -> "council leader Mary Cole" (medium). News's words for one thing are one."""
    for hunk in pair.hunks:
        taken, put = WORD.findall(hunk.removed), WORD.findall(hunk.added)
        if len(taken) != 1 or len(put) != 1 or not (taken[0].islower() and put[0].islower()):
            continue
        if meaning({taken[0]}) == meaning({put[0]}) or taken[0] in FUNCTION_WORDS:
            continue
        if _POST_NAME.match(pair.old.text, hunk.old_end) and _POST_NAME.match(
            pair.new.text, hunk.new_end
        ):
            return word_swap("fact", "medium", pair, hunk, (taken[0], put[0]), {"post": True})
    return _described_claim(pair)


# who a named person is, said right before the name: one of the public, or an office
_PUBLIC = frozenset(
    "resident residents local man woman father mother neighbour neighbor passer-by "
    "witness shopper parent".split()
)
_OFFICES = frozenset(
    "councillor mayor mp senator officer constable judge minister spokesman spokeswoman "
    "spokesperson chairman chairwoman director".split()
)
_NAME_AFTER = re.compile(r"\s+[A-Z][\w'-]+\s+[A-Z][\w'-]+")


def _described_claim(pair: Pair) -> Claim | None:
    """ "said local resident Tom Hale" -> "said councillor Tom Hale": one of the public made an
    office holder, or the other way round (medium)."""
    for hunk in pair.hunks:
        taken, put = WORD.findall(hunk.removed.lower()), WORD.findall(hunk.added.lower())
        if not taken or not put or len(taken) > 3 or len(put) > 3:
            continue
        if not (
            _NAME_AFTER.match(pair.old.text, hunk.old_end)
            and _NAME_AFTER.match(pair.new.text, hunk.new_end)
        ):
            continue
        was, now = set(taken), set(put)
        if (was & _PUBLIC and now & _OFFICES) or (was & _OFFICES and now & _PUBLIC):
            swap = (hunk.removed.strip(), hunk.added.strip())
            return word_swap("fact", "medium", pair, hunk, swap, {"post": True})
    return None
