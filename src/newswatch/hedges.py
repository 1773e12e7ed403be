"""Hedges: the words that make a claim less certain, and how a claim's cue is shown.

A hedge put in or taken out (``hedge_claim``) changes how sure the article is of what it says:
"may", "reportedly", "is expected to", an intention ("plans to"), a thing not yet known, a claim
no one could check. The many wordings of one hedge are one cue (``_cue``: "is thought to" and
"is believed to", "plans to" and "intends to"), so that a hedge said another way is no change.
``cue_claim`` builds the claim on the cues that differ, for the negation rule too.
"""

from __future__ import annotations

import re
from collections import Counter

from newswatch.edits import WORD, Claim, Pair
from newswatch.qualifiers import CEILING_REACHED
from newswatch.sourcing import SOURCING, respelt

# What the article says is not known yet, in any of its words: one hedge, whichever it uses
UNSETTLED = (
    r"(?:(?:(?:is|are|was|were|remains?|remained|still)\s+|['’]s\s+)(?:still\s+|as\s+yet\s+)?"
    r"(?:unclear|unknown|uncertain)|not\s+(?:yet\s+|immediately\s+|currently\s+)?"
    r"(?:known|clear|certain)|under\s+investigation|being\s+investigated|"
    # "the cause has yet to be established", "has not been determined" (a person "who has yet
    # to be identified" goes unnamed: no claim is left open)
    r"(?<!\bwho\shas\s)(?<!\bwho\shave\s)"
    r"(?:yet\s+to\s+be|not\s+(?:yet\s+)?been)\s+(?:established|determined|identified|"
    r"ascertained)|"
    r"(?:is|are)\s+(?:still\s+)?(?:investigating|looking\s+into|examining|probing|trying\s+to\s+"
    r"(?:establish|determine|identify|find|work\s+out|pinpoint))\s+(?:the\s+)?"
    r"(?:cause|circumstances)|"
    # ... or "are still investigating" it: the active "an investigation is continuing"
    r"(?:is|are)\s+still\s+(?:investigating|probing)\b|"
    # "an investigation into the cause is under way" is "the cause is being investigated"
    r"investigations?\s+into\s+(?:[\w'’-]+\s+){0,8}?(?:is|are|was|were)\s+(?:now\s+|still\s+)?"
    r"(?:under\s*way|ongoing|continuing)|"
    r"(?:investigat|look\w*\s+into|examin|check|establish|determin|assess|review|prob)\w*"
    r"\s+whether|"
    # a thing a party would not tell is not known either: "did not say how many"
    r"(?:(?:did|would|could|does|do|has|have|had|will|wo)(?:\s+not|n['’]t)|declined\s+to|"
    r"refused\s+to|(?:has|have|had|is|are|was|were)\s+yet\s+to)"
    r"\s+(?:yet\s+)?(?:immediately\s+)?"
    r"(?:say|said|disclose|disclosed|specify|specified|reveal|revealed|give)"
    r"(?=\s+(?:how|what|why|whether|when|who|which|where)\b)|"
    r"(?:gave|give|gives|provided|offered)\s+no\s+(?:further\s+)?(?:details|information)"
    r"(?:\s+(?:of|on|about|as\s+to))?(?=\s+(?:how|what|why|whether|when|who|which|where)\b))"
)
_UNSETTLED = re.compile(UNSETTLED, re.I)
# A claim no one could check, or made with no proof shown: one hedge, "unverified", in any of
# its words ("a claim that could not be independently verified", "without giving evidence")
UNCHECKED = (
    r"(?:could|can)(?:\s+not|not|n['’]t)\s+(?:be\s+)?(?:(?:independently|immediately|yet)\s+)?"
    r"(?:verified|confirmed|verify|confirm)\b|"
    r"(?:was|were|is|are|has\s+been|have\s+been)\s+(?:not\s+)?unable\s+to\s+"
    r"(?:(?:independently|immediately)\s+)?(?:verify|confirm)\b|"
    r"(?:has|have|had)\s+not\s+(?:yet\s+)?been\s+(?:independently\s+)?(?:verified|confirmed)|"
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
# what early figures point to ("early results suggest"), or show
_FIGURES = r"(?:results?|polls?|projections?|surveys?)\s+(?:so\s+far\s+)?"
_SUGGEST = r"(?:suggests?|suggested|indicates?|indicated|points?\s+to)"
HEDGE = re.compile(
    r"\b(?:may|might|could(?!\s+not\b)(?!\s+(?:be\s+)?(?:heard|seen|felt|smelt|smelled|hear|see|feel|"
    r"smell)\b)|reportedly|allegedly|alleged|"
    # "looks set to": a forecast, as "is expected to" is, and what early figures point to
    r"(?:looks?|looked|looking)\s+set\s+to|" + _FIGURES + _SUGGEST + "|"
    # "allegations of fraud" hedge a claim; "denied the allegations" names one
    r"allegations?(?=\s+(?:that|of|he|she|they|it)\b)|apparently|possibly|probably|"
    # "twice as likely": a comparison of odds, not a hedge
    r"not likely|(?<!\bas )likely|unlikely|"
    r"perhaps|purportedly|supposedly|seemingly|presumably|suspected|"
    r"on suspicion of|"
    r"at risk|under threat|"
    # a thing that may come: "warned of further delays", "subject to revision"
    r"warn(?:s|ed|ing)?\s+of|subject\s+to\s+(?:revision|change|approval|confirmation)|"
    # a penalty that may come: "is facing a £10m fine" -> "could be fined £10m"
    r"fac(?:es|ing|e)\s+(?:an?\s+)?(?:possible\s+|potential\s+)?(?:[£$€][\d.,]+\w*\s+)?"
    r"(?:fine|ban|jail|prison|penalty|up\s+to)|"
    # "will miss the final" -> "is a doubt for the final", "the deal is in doubt"
    r"(?:a )?doubt(?:ful)? for|in doubt|feared(?= (?:dead|drowned|killed|missing|trapped)\b)|"
    # a thing denied made a thing not found: "no data was accessed" -> "no evidence that data
    # was accessed"; a step taken made one weighed: "opened an inquiry" -> "is considering"
     + NOT_FOUND + r"|(?:(?:is|are|was|were) (?:considering|weighing|mulling|exploring)|"
    # "will consider allowing", "and consider allowing": a step still weighed
    r"(?:will|would|could|may|might|to|and) (?:consider|weigh|mull|explore|discuss|"
    # "agreed to restore ties" -> "agreed to hold talks on restoring them": a step still weighed
    r"(?:hold|open|begin|start) talks (?:on|about)))"
    r"(?= (?:\w+ing|whether|an?)\b)|"
    # options still weighed: "was reviewing its options" -> "had decided to sell the unit"
    r"(?:is|are|was|were) (?:reviewing|weighing|considering|exploring) (?:its|their|all) options|"
    rf"unconfirmed|unverified|(?:is|are|was|were)(?: (?:{_ADVERBS}))? (?:expected|said|"
    r"believed|thought|understood|estimated|"
    r"reported|rumou?red|forecast|predicted|projected|tipped) to|"
    # the same with its "are" left out: "injuries not thought to be life-threatening"
    r"(?<=\bnot )(?:expected|believed|thought|understood) to|"
    rf"(?:is|are|was|were)(?: (?:{_ADVERBS}))? (?:considered|regarded as)|"
    r"it is (?:understood|believed|thought)|reports suggest|according to reports|"
    # a belief held actively: "police believe the fire was started deliberately"
    r"(?:suspect|suspects)(?= (?:that|the|it|he|she|they|this|a|an)\b)|"
    # ... of a clause after it ("believe heavy rain caused it"), not "believe in" or "think so"
    r"(?:believe|believes|think|thinks)"
    r"(?= (?!(?:in|so|of|about|me|him|her|them|us|you|tank|tanks|twice|again|ahead|back|"
    r"through|over|up|out|big|otherwise)\b)(?![a-z]+ly\b)[a-z]\w*\b)|"
    r"appears? to|appeared to|seems? to|seemed to|"
    # a forecast said actively: "officials expect the death toll to rise"
    r"(?<!\bbe )(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )"
    r"expect(?:s|ed)? (?:(?:the|a|an|its|their|his|her) )?(?:[\w-]+ ){0,3}?to(?= \w)|"
    # an intention is not yet a fact: "plans to close" -> "will close"
    r"(?:plan(?:s|ned|ning)?|intend(?:s|ed|ing)?|aim(?:s|ed|ing)?|hop(?:e|es|ed|ing)|"
    r"would like|"
    r"threaten(?:s|ed|ing)?|vow(?:s|ed|ing)?|pledg(?:e|es|ed|ing)|promis(?:e|es|ed|ing)) to"
    # ("put its plan to a vote", "promised to the family": no verb after it, no intention)
    r"(?! (?:a|an|the|its|his|her|their|this|that)\b)|"
    # ... and a wish, for oneself or of others: "wanted to make exams fairer", "wanted exams
    # to be fairer"
    r"want(?:s|ed|ing)? (?:[\w'-]+ ){0,3}?to(?= \w)|"
    # a superlative cut down: "the largest" -> "one of the largest"
    r"(?:one of|among) the (?:[a-z]+(?:'s|s') )?(?:[a-z]+est|most|first|last|best|worst)|"
    # a claim the article could not check, or one made without proof ("unverified"), and a
    # thing said to be not yet known ("the cause is unknown" -> "the cause was a fault")
     + UNCHECKED + "|" + UNSETTLED + r")\b",
    re.I,
)
_INTENTION = re.compile(r"(plan|intend|aim|hop|want|would like|threaten|vow|pledg|promis)\w* to")
# an intention said with another verb of the same strength is the same hedge ("plans to" ->
# "intends to", "pledged to" -> "promised to")
_INTENTIONS = {
    "plan": "plans to", "intend": "plans to", "aim": "plans to", "hop": "hopes to",
    "want": "hopes to", "would like": "hopes to",
    "threaten": "threatens to", "vow": "pledges to", "pledg": "pledges to",
    "promis": "pledges to",
}  # fmt: skip


def _hedges(text: str) -> list[re.Match[str]]:
    """The hedges of ``text``. "May" with a capital is the month or a name: news prose does not
    open a sentence with the modal. "No plans to" is no intention hedged but none at all (the
    negation rules judge it), and "a plan to" is a thing, not a hedge."""
    return [
        m
        for m in HEDGE.finditer(text)
        if m.group(0) != "May"
        and not _NO_BEFORE.search(text, 0, m.start())
        and not _ALL_IT_CAN.search(text, 0, m.start())
        and not (
            _INTENTION.fullmatch(m.group(0).lower()) and _NOT_BEFORE.search(text, 0, m.start())
        )
        and not (m.group(0).lower().startswith("plan ") and _PLAN_NOUN.search(text, 0, m.start()))
    ]


# "doing everything it could", "as soon as they can": an effort's measure, not a hedge
_ALL_IT_CAN = re.compile(
    r"\b(?:everything|all|whatever|as\s+(?:soon|much|quickly|best|far)\s+as)\s+(?:that\s+)?"
    r"(?:it|we|they|he|she|i|you|the\s+\w+)\s+$",
    re.I,
)
_NO_BEFORE = re.compile(r"\bno\s+(?:(?:immediate|current|further|firm|concrete)\s+)?$", re.I)
# "is not planning to": no intention either
_NOT_BEFORE = re.compile(r"\bnot\s+(?:(?:currently|yet)\s+)?$", re.I)
# "plan to" after a determiner or a verb that takes a plan is a noun ("backs a plan to close",
# "backs plan to close" in a headline): the plan is the news, not a hedge on it
_PLAN_NOUN = re.compile(
    r"\b(?:a|an|the|its|their|his|her|our|my|your|this|that|new|(?:back|approve|unveil|announce|"
    r"reject|scrap|drop|block|halt|defend|outline|launch|ditch|abandon|shelve|table|propose|"
    r"welcome|oppose|criticise|criticize|condemn|publish)(?:s|es|d|ed)?|scrapped|dropped|"
    # a sum before it: "£18m plan to rebuild bridge"
    r"\d(?:[\d.,]*\d)?(?:m|bn|k|million|billion)?)\s+$",
    re.I,
)


def hedge_claim(pair: Pair) -> Claim | None:
    found_a, found_b = _hedges(pair.old.text), _hedges(pair.new.text)
    cues_a, cues_b = {_cue(m) for m in found_a}, {_cue(m) for m in found_b}
    if cues_a == cues_b:  # "not likely" -> "unlikely"
        return None
    # a hedge word that only fixes a misspelt one ("alegged" -> "alleged") is not a new hedge
    removed_words = [w.lower() for h in pair.hunks for w in WORD.findall(h.removed)]
    added_words = [w.lower() for h in pair.hunks for w in WORD.findall(h.added)]
    b = [m for m in found_b if not respelt(m.group(0).lower(), removed_words)]
    a = [m for m in found_a if not respelt(m.group(0).lower(), added_words)]
    differ = {_cue(m) for m in a} ^ {_cue(m) for m in b}
    if not differ or _said_alike(pair, differ, cues_a, cues_b):
        return None  # the same hedges, however often, or one said another way
    return cue_claim("hedge", "medium", pair, a, b)


# a possibility said without a modal, or "could" as the past of "can" ("were able to rebook")
_POSSIBLE_STATED = re.compile(
    r"\b(?:is|are|was|were|remains?)\s+(?:also\s+|still\s+)?possible\b|\bpossibility\b|"
    r"\b(?:was|were)\s+able\s+to\b",
    re.I,
)


def _said_alike(pair: Pair, differ: set[str], cues_old: set[str], cues_new: set[str]) -> bool:
    """The cues that differ (``differ``) are a hedge said with other words on the other side
    (``cues_old`` and ``cues_new``: every hedge each side has)."""
    sides = ((pair.old, bool(cues_old)), (pair.new, bool(cues_new)))
    if differ == {"expected to"}:
        # "is expected to last" -> "is scheduled to last": a date still to come; "will cost an
        # estimated £40m" -> "is expected to cost £40m": a figure forecast either way
        # ("is expected to reach Mars" -> "should arrive at Mars": one expectation)
        # ("can even rise" -> "is projected to rise": a rise foreseen either way)
        # ("is expected to bring winds" -> "winds are expected in coastal areas")
        return all(
            _SCHEDULED.search(s.text)
            or _ESTIMATED.search(s.text)
            or _SHOULD.search(s.text)
            or _CAN.search(s.text)
            or _EXPECTED_PASSIVE.search(s.text)
            or _FORECASTS_NOUN.search(s.text)
            # "polls suggest" -> "polls show": one reading of the figures
            or _FIGURES_SHOW.search(s.text)
            or _FIGURES_SUGGEST.search(s.text)
            for s, _ in sides
        )
    if differ <= {"plans to", "pledges to"}:
        # "said it would fight" -> "has vowed to fight": one intention; "launched to help
        # buyers" -> "aims to help buyers": the purpose it was made for
        return all(
            hedged
            or _INTENDED.search(s.text)
            or (_INTENDED_AFTER.search(s.text) and not SOURCING.search(other.text))
            or _TARGET.search(s.text)  # "has a target of 300,000 homes" -> "aims to build"
            or _made_for(s.text, other.text)
            for (s, hedged), (other, _) in zip(sides, reversed(sides), strict=True)
        )
    if differ == {"believed to"}:
        # "The boy is said to be recovering" -> "..., his family said": held, not vouched for;
        # but "police said" -> "police believe" is a source's statement made its belief
        if any(
            _BELIEF_HELD.fullmatch(one.strip()) and _SAID.fullmatch(other.strip())
            for h in pair.hunks
            for one, other in ((h.added, h.removed), (h.removed, h.added))
        ):
            return False
        # "will cost an estimated £3bn" -> "is estimated to cost £3bn": one estimate
        return all(
            hedged or SOURCING.search(s.text) or _ESTIMATED.search(s.text) for s, hedged in sides
        )
    if differ == {"alleged"}:
        # "allegedly stole" -> "is accused of stealing": a charge told, not vouched for
        return all(hedged or _ACCUSED.search(s.text) for s, hedged in sides)
    if differ == {"may"}:
        # "gusts of up to 80mph" -> "gusts could reach 80mph": one ceiling; "flooding is
        # possible" -> "homes could be flooded": one possibility
        return all(
            "may" in cues or _POSSIBLE_STATED.search(side.text)
            for side, cues in ((pair.old, cues_old), (pair.new, cues_new))
        ) or any(
            CEILING_REACHED.search(one.text) and _UP_TO.search(other.text)
            for one, other in ((pair.old, pair.new), (pair.new, pair.old))
        )
    return False


# an intention reported: "said it would fight", "says he will stand"
_INTENDED = re.compile(
    r"\b(?:said|says|say|told \w+)\s+(?:that\s+)?(?:it|he|she|they|we|i)\s+(?:would|will)\b",
    re.I,
)
# ... or said after it, where the plan was told unsourced: "plans to add 20 routes" -> "will add
# 20 routes, the company said"
_INTENDED_AFTER = re.compile(
    r"\b(?:will|would)\b[^.;]*,\s+(?:it|he|she|they|we|(?:the\s+)?\w+(?:\s+\w+)?)\s+"
    r"(?:said|says|added)\b",
    re.I,
)
_TARGET = re.compile(r"\b(?:target|goal|aim|ambition)s?\s+(?:of|to|is|was)\b", re.I)
_FIGURES_SUGGEST = re.compile(rf"\b{_FIGURES}{_SUGGEST}\b", re.I)
_FIGURES_SHOW = re.compile(rf"\b{_FIGURES}(?:show|shows|showed|shown|find|finds|found)\b", re.I)
_ESTIMATED = re.compile(r"\ban estimated\b", re.I)
# a forecast made actively: "the lender expects prices to fall" -> "predicts further falls"
_FORECASTS_NOUN = re.compile(
    r"\b(?:predicts?|predicted|forecasts?|anticipates?|anticipated|expects?)\b", re.I
)
# an expectation told in the passive, with no "to" after it: "winds are expected in the south"
# ("than expected", "as expected" compare a result with one: no forecast)
_EXPECTED_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|be|been)\s+(?:now\s+|also\s+|still\s+|widely\s+)?"
    r"(?:expected|forecast|predicted|projected)\b(?!\s+to\b)",
    re.I,
)
# what a thing was made for: "launched last year to help buyers"
_MADE_FOR = re.compile(
    r"\b(?:launched|set\s+up|created|designed|introduced|established|founded|formed|developed|"
    r"meant|built)\b[^.;:]{0,60}?\bto\s+(\w+)",
    re.I,
)
_AIMS_AT = re.compile(r"\baim(?:s|ed|ing)?\s+to\s+(\w+)", re.I)


def _made_for(text: str, hedged: str) -> bool:
    """``text`` tells what a thing was made for, and ``hedged`` that it aims to do that."""
    made = {m.group(1).lower() for m in _MADE_FOR.finditer(text)}
    return bool(made) and any(m.group(1).lower() in made for m in _AIMS_AT.finditer(hedged))


_CAN = re.compile(r"\bcan\s+(?:even\s+|still\s+)?(?:rise|fall|grow|reach|increase|climb)\b", re.I)
_BELIEF_HELD = re.compile(r"believe|believes|think|thinks|suspect|suspects", re.I)
_SAID = re.compile(r"said|say|says|stated|state|states", re.I)
_SHOULD = re.compile(r"\bshould\s+(?:be\s+)?(?!not\b)\w+", re.I)
_ACCUSED = re.compile(r"\b(?:accused|charged)\s+(?:of|with)\b", re.I)
_UP_TO = re.compile(r"\bup\s+to\b", re.I)
# a thing set down for a date: no hedge, but no fact yet either ("is due to start")
_SCHEDULED = re.compile(
    r"\b(?:is|are|was|were)\s+(?:due|set|scheduled|slated|expected|poised|planned|projected)\s+to\b",
    re.I,
)


_EXPECTED = frozenset({"expected", "forecast", "predicted", "projected", "tipped"})
_BELIEVED = frozenset({"believed", "thought", "understood", "estimated", "considered", "regarded"})
_REPORTED = frozenset({"said", "reported", "rumoured", "rumored"})
_BELIEVES = frozenset({"believe", "believes", "think", "thinks", "suspect", "suspects"})
_POSSIBLE = frozenset({"may", "might", "could", "at risk", "under threat"})
_LIKELY = frozenset({"likely", "probably"})
_FORECASTS = frozenset(w[:6] for w in _EXPECTED | _LIKELY)  # "expect", "foreca", "likely"
# "officials expect the toll to rise": the forecast said actively
_EXPECTS = re.compile(r"expect(?:s|ed)? ")
_WEIGHING = frozenset(
    {
        "considering",
        "weighing",
        "mulling",
        "exploring",
        "consider",
        "weigh",
        "mull",
        "explore",
        "discuss",
    }
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
        "suspected",
    }
)


def _cue(match: re.Match[str]) -> str:
    # "allegations that", "alleged", "allegedly" and "accused of" hedge a claim the same way
    words = ["alleged" if w.startswith("alleg") else w for w in match.group(0).lower().split()]
    if len(words) > 1 and words[0] in ("look", "looks", "looked", "looking") and words[1] == "set":
        return "expected to"  # "looks set to"
    if _FIGURES_SUGGEST.fullmatch(match.group(0)):
        return "expected to"  # "early results suggest", "polls indicate"
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
    if cue == "on suspicion of":
        return "suspected"  # "arrested on suspicion of theft", "for suspected theft": one hedge
    if (
        cue in _POSSIBLE
        or words[0] in ("faces", "facing", "face", "subject")
        or words[0].startswith("warn")
    ):
        return "may"  # "may", "might", "could" and "at risk" say one thing: it is possible
    if _NOT_FOUND.fullmatch(match.group(0)):
        return "no evidence"  # "no sign of", "no evidence that", "nothing to suggest"
    if "doubt" in words or "doubtful" in words:
        return "doubtful"  # "a doubt for", "doubtful for", "in doubt"
    if words[-1] in _WEIGHING or words[-1] == "options" or "talks" in words:
        return "considering"  # "is weighing", "are considering", "is reviewing its options"
    if _UNCHECKED.fullmatch(match.group(0)) or cue == "unconfirmed":
        return "unverified"  # "could not be independently verified", "without evidence"
    if (
        words[0] in _BELIEVED | _REPORTED
        or cue.startswith("it is ")
        or cue in ("reportedly", "reports suggest", "according to reports")
        or words[0] in _BELIEVES
    ):
        # "is thought to", "is said to", "reportedly", "police believe": a claim the article
        # does not vouch for, whoever holds it; one hedge
        return "believed to"
    if (words[0] in _EXPECTED and len(words) == 2) or cue in _LIKELY or _EXPECTS.match(cue):
        return "expected to"  # "is forecast to", "is expected to", "likely": one hedge
    if words[0].startswith(("appear", "seem")) and len(words) == 2:
        return "appears to"  # "appeared to", "seems to": one hedge
    if cue.startswith(("one of the ", "among the ")):
        return "one of the"  # "one of the largest", "among the biggest": one hedge
    if words[0].startswith("want") and words[-1] == "to":
        return "hopes to"  # "wanted to", "wants the plan to": one wish
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


def cue_claim(
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
