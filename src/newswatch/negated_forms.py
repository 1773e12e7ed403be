"""Negations with a plain twin, and words that are each other's complement.

A sentence may say one thing with a negation or without one: "no longer has a majority" is
"lost its majority", "was not found" is "is still missing", "No one was killed" is "Everyone
survived". The negation rule counts the negations of each side; where the side with one more
says, in one of these forms, what the other says plainly, the count differing is no claim
turned round.
"""

from __future__ import annotations

import re

# a negation only where it answers one on the other side: "to avoid the centre" dropped from a
# reworded sentence is no claim turned round
AVOID = re.compile(r"\bavoid(?:s|ed|ing)?\b", re.I)
# ... and where a state that ended answers one: "lost", "stopped" said as "no longer"
_NO_LONGER = re.compile(r"\bno longer\b|\bnot\b[^.;]{0,40}\b(?:any longer|anymore)\b", re.I)
_CEASED = re.compile(
    r"\b(?:lost|loses|lose|ended|ends|end|ending|stopped|stops|stop|stopping|ceased|ceases|cease|"
    r"quit|quits|left|leaves|"
    r"gave up|gives up|dropped|drops|abandoned|abandons)\b",
    re.I,
)


def _negated(words: str) -> re.Pattern[str]:
    """ "not" and, a few words on, one of ``words``: "has not lost a game"."""
    return re.compile(rf"\bnot\b(?:\s+\w+){{0,2}}\s+(?:{words})\b", re.I)


# ... and other negated phrases with a plain twin: a thing still under way, an option kept open,
# a thing that happened before
_NOT_YET = re.compile(r"\bnot\s+yet\b|\b(?:has|have|is|are)\s+yet\s+to\b", re.I)
_STILL = re.compile(r"\bstill\b", re.I)
# "has not commented" -> "has yet to comment": one thing not done so far
_HAS_NOT = re.compile(r"\b(?:has|have|had|did)\s*(?:not\b|n['’]t\b)", re.I)
_YET_TO = re.compile(r"\byet\s+to\b", re.I)
_NOT_RULED_OUT = re.compile(r"\bnot\b[^.;]{0,20}\brul(?:e|es|ed|ing)\s+out\b", re.I)
_LEFT_OPEN = re.compile(
    r"\b(?:leave|leaves|left|leaving|keep|keeps|kept)\s+open\b|\b(?:possible|an option)\b", re.I
)
_NOT_FIRST = re.compile(r"\bnot\s+(?:the|its|their|his|her)\s+first\b", re.I)
_BEFORE = re.compile(r"\b(?:before|previously|again|already)\b", re.I)
SAID_PLAINLY = (
    (_NO_LONGER, _CEASED),
    # "12 games without defeat" -> "unbeaten in 12 games"
    (
        re.compile(r"\bwithout\s+(?:a\s+)?(?:defeat|losing|loss)\b", re.I),
        re.compile(r"\bunbeaten\b", re.I),
    ),
    (_NOT_YET, _STILL),
    # "no longer in danger" -> "out of danger", "no longer in intensive care" -> "out of it"
    (re.compile(r"\bno\s+longer\s+in\b", re.I), re.compile(r"\bout\s+of\b", re.I)),
    (_HAS_NOT, _YET_TO),
    # "failed to go top" -> "missed the chance to go top"
    (
        re.compile(r"\bfail(?:ed|s)?\s+to\b", re.I),
        re.compile(
            r"\bmiss(?:ed|es)?\s+(?:the|a|an|its|his|her|their)\s+(?:chance|opportunity)", re.I
        ),
    ),
    (
        re.compile(r"\b(?:found|ruled|declared)\s+not\s+guilty\b", re.I),
        re.compile(r"\b(?:cleared|acquitted)\b", re.I),
    ),
    # "has not been found" -> "is still missing", "has not been caught" -> "remains at large",
    # "did not go ahead" -> "was called off"
    (_negated(r"found|located|traced"), re.compile(r"\b(?:missing|unaccounted)\b", re.I)),
    (_negated(r"caught|arrested|captured|traced"), re.compile(r"\bat\s+large\b", re.I)),
    (
        _negated(r"go\s+ahead|take\s+place|happen"),
        re.compile(r"\b(?:called\s+off|cancell?ed|scrapped|abandoned|postponed)\b", re.I),
    ),
    (_NOT_RULED_OUT, _LEFT_OPEN),
    # "spoke on condition of anonymity" -> "asked not to be named"
    (
        re.compile(r"\bnot\s+(?:to\s+)?be(?:ing)?\s+(?:named|identified)\b", re.I),
        re.compile(r"\banonym\w*|\bunnamed\b", re.I),
    ),
    # "will be without their captain" -> "their captain will miss the final"
    (re.compile(r"\bwithout\b", re.I), re.compile(r"\bmiss(?:es|ed|ing)?\b", re.I)),
    # "is unlikely to be fit" -> "is a doubt": the same uncertain no
    (re.compile(r"\bunlikely\b", re.I), re.compile(r"\ba\s+doubt\b|\bdoubtful\b", re.I)),
    # "no one in his family had gone to university before him": he was the first
    (
        re.compile(r"\b(?:no\s+one|nobody|none)\b[^.]{0,80}\bbefore\b", re.I),
        re.compile(r"\bfirst\b", re.I),
    ),
    (_NOT_FIRST, _BEFORE),
    (_negated(r"lost|beaten|defeated"), re.compile(r"\bunbeaten\b", re.I)),
    (_negated(r"hurt|injured|harmed"), re.compile(r"\b(?:unhurt|uninjured|unharmed)\b", re.I)),
    (
        _negated(r"serious|severe|critical|life-threatening|major"),
        re.compile(r"\b(?:minor|slight|superficial)\b", re.I),
    ),
    (_negated(r"attend|attended|present|there"), re.compile(r"\babsent\b", re.I)),
    (
        _negated(r"allowed|permitted|able"),
        re.compile(r"\b(?:prevented|barred|banned|stopped|blocked)\s+from\b", re.I),
    ),
    (re.compile(r"\bno\s+(?:charge|fee|cost)\b", re.I), re.compile(r"\bfree\b", re.I)),
    (_negated(r"until"), re.compile(r"\b(?:due|expected|set|scheduled)\b", re.I)),
    # "a rate not seen since 2021" is "the highest rate since 2021"
    (
        re.compile(r"\bnot\s+(?:been\s+)?seen\s+since\b", re.I),
        re.compile(r"\b(?:highest|lowest|biggest|largest|smallest|worst|best|most|fewest)\b", re.I),
    ),
    (
        re.compile(r"\b(?:could|can)\s*not\b|\b(?:couldn|can)['’]t\b|\bnot\s+able\b", re.I),
        re.compile(r"\b(?:unable|inability)\b", re.I),
    ),
    # "no risk to the public" -> "safe", "no one was inside" -> "empty", "wasted no time" ->
    # "acted quickly", "could not be reached" -> "was unavailable"
    (
        re.compile(r"\bno\s+(?:risk|danger|threat)\b", re.I),
        re.compile(r"\b(?:safe|harmless)\b", re.I),
    ),
    (
        re.compile(r"\b(?:no\s+one|nobody)\s+(?:was|were|is)\s+(?:in|inside|at\s+home)\b", re.I),
        re.compile(r"\b(?:empty|deserted|unoccupied|vacant)\b", re.I),
    ),
    (
        re.compile(r"\bwast(?:ed|es|ing|e)?\s+no\s+time\b", re.I),
        re.compile(
            r"\b(?:quick(?:ly)?|swift(?:ly)?|immediately|prompt(?:ly)?|rapid(?:ly)?)\b", re.I
        ),
    ),
    # "was not ambitious enough" -> "lacked ambition", "had no money" -> "lacked money"
    (
        re.compile(r"\bnot\b(?:\s+\w+){0,2}\s+enough\b|\b(?:has|have|had)\s+no\b", re.I),
        re.compile(r"\black(?:s|ed|ing)?\b", re.I),
    ),
    # "make sure this never happens again" -> "prevent it from happening again"
    (
        re.compile(r"\b(?:make\s+sure|ensure)\b[^.]{0,40}\b(?:never|not)\b", re.I),
        re.compile(r"\b(?:prevent|stop)(?:s|ped|ping)?\b", re.I),
    ),
    # "no other vehicle was involved" -> "the only vehicle involved"
    (re.compile(r"\bno\s+other\b", re.I), re.compile(r"\bonly\b", re.I)),
    # "would fall short of expectations" -> "would be lower than expected"
    (
        re.compile(r"\b(?:fall|falls|fell|fallen|falling)\s+short\s+of\b", re.I),
        re.compile(r"\b(?:lower|less|worse|weaker|smaller|below|missed|miss|misses)\b", re.I),
    ),
    # "had not won a trophy for 11 years" -> "its first trophy in 11 years"
    (
        re.compile(
            r"\bnot\b[^.;]{0,40}\bfor\s+(?:\d+|[a-z]+)\s+(?:years|months|decades|weeks|games)\b",
            re.I,
        ),
        re.compile(r"\bfirst\b[^.;]{0,40}\b(?:in|since)\b", re.I),
    ),
    # "did not exceed legal limits" -> "was within them"; "has no end date" -> "is indefinite"
    (_negated(r"exceed|exceeded|breach|breached"), re.compile(r"\bwithin\b", re.I)),
    (
        re.compile(r"\bno\s+(?:end\s+date|time\s+limit|fixed\s+end)\b", re.I),
        re.compile(r"\bindefinite(?:ly)?\b", re.I),
    ),
    # "will not be taxed" -> "tax-free", "no fees" -> "fee-free"
    (
        re.compile(
            r"\bnot\s+(?:be\s+|been\s+)?(?:taxed|charged)\b|\bno\s+(?:tax|interest|fees?|rent|duty)\b",
            re.I,
        ),
        re.compile(r"\b(?:tax|interest|fee|rent|duty)-free\b", re.I),
    ),
    # "fares will not rise" -> "fares will be frozen"
    (
        _negated(
            r"rise|risen|increase|increased|go\s+up|gone\s+up|change|changed|fall|fallen|drop|"
            r"dropped|grow|grown|move|moved|budge|budged"
        ),
        re.compile(
            r"\b(?:frozen|freeze|unchanged|held|steady|flat|"
            r"(?:stay|stays|stayed|remain|remains|remained)\s+the\s+same)\b",
            re.I,
        ),
    ),
    # "there were no major incidents" -> "the event passed off peacefully"
    (
        re.compile(
            r"\bno\s+(?:major\s+|serious\s+|significant\s+|reported\s+)?(?:incidents?|trouble|"
            r"disorder|arrests)\b|\bwithout\s+(?:any\s+)?(?:incident|trouble)\b",
            re.I,
        ),
        re.compile(r"\b(?:peaceful(?:ly)?|calm(?:ly)?|smoothly|trouble-free|orderly)\b", re.I),
    ),
    (
        re.compile(r"\b(?:could|can)\s*(?:not|n['’]t)\s+be\s+(?:reached|contacted)\b", re.I),
        re.compile(r"\b(?:unavailable|unreachable)\b", re.I),
    ),
    (
        re.compile(r"\bwithout\s+(?:power|electricity|water|heating|gas|a\s+job|work)\b", re.I),
        re.compile(
            r"\b(?:lost|lose|loses|losing|cut\s+off|(?:power|electricity)\s+cuts?|outages?|"
            r"blackouts?)\b",
            re.I,
        ),
    ),
)


# words of a kind of fact that are each other's complement, so that one denied is the other
# said: "No one was killed" is "Everyone survived", "none were missing" is "all were accounted
# for", "told not to open their windows" is "told to keep them shut"
_COMPLEMENTS = (
    "survived killed", "survived died", "survived dead", "survive die", "survives dies",
    "unhurt injured", "unhurt hurt", "unharmed injured", "unharmed hurt", "safe hurt",
    "safe injured", "safe harmed", "accounted missing", "shut open", "shut opened",
    "shuts opens", "shut reopen", "shut reopened", "shut reopens",
)  # fmt: skip
_COMPLEMENT = {(a, b) for pair in _COMPLEMENTS for a, b in (pair.split(), reversed(pair.split()))}
_SUBJECT_NO = re.compile(r"\b(?:no\s+one|nobody|none|no)\b", re.I)
_NOT = re.compile(r"\b(?:not|never)\b|n['’]t\b", re.I)


def complementary(old: str, new: str) -> bool:
    """``old`` and ``new`` (lower case) are complements: "survived" and "killed"."""
    return (old, new) in _COMPLEMENT


def denied_complement(old_text: str, new_text: str, old: str, new: str) -> bool:
    """``old`` swapped for its complement ``new``, and the side of one of them denies it: a
    "not" up to three words before it, or a "no one" or "none" up to eight ("No one inside the
    building was killed")."""
    if not complementary(old, new):
        return False
    for text, word in ((old_text, old), (new_text, new)):
        at = re.search(rf"\b{re.escape(word)}\b", text, re.I)
        if at is None:
            continue
        before = text[: at.start()].split()
        if _NOT.search(" ".join(before[-3:])) or _SUBJECT_NO.search(" ".join(before[-8:])):
            other = new_text if text is old_text else old_text
            return _denials(other) < _denials(text)
    return False


def _denials(text: str) -> int:
    return len(_NOT.findall(text)) + len(_SUBJECT_NO.findall(text))
