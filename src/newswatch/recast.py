"""Who did it, when a sentence was recast between active and passive: "Rebels shot down the
helicopter" -> "The helicopter was shot down by government troops". The word diff sees a
sentence rewritten; the doer is the subject on one side and the agent after "by" on the other,
and only a different doer is news ("... was shot down by rebels" is the same claim recast).
A doer can also go: cut from after the passive's "by" ("shot by an officer" -> "shot") or lost
in a recast to a passive without one ("Police shot the man" -> "The man was shot").
"""

from __future__ import annotations

import re

from newswatch.detectors import Context, stem
from newswatch.edits import FUNCTION_WORDS, WORD, Claim, Pair
from newswatch.entities import FORCES
from newswatch.names import same_name
from newswatch.slots import meaning

# "was shot down by government troops", "were arrested by police": the verb and its agent up
# to where the phrase ends
_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?"
    r"(?P<verb>\w+(?:ed|en|wn|un|lt|pt|nt|ght|ot|ound|ade|eld)(?:\s+(?:down|up|off|out))?)"
    # a margin is no agent: "passed by 312 votes to 250", "won by a narrow majority"
    r"\s+by\s+(?![^,.;:!?()\"]{0,30}\b(?:votes?|majority|margin|points?|per\s?cent)\b)(?!\d)"
    r"(?P<agent>[^,.;:!?()\"]{1,60}?)"
    r"(?=\s*(?:[,.;:!?()\"]|$|\b(?:on|in|at|after|before|during|last|this|earlier|near|"
    r"while|when|as|and|but)\b))",
    re.I,
)
MAX_SUBJECT_WORDS = 6
# "the FDA" is the acronym of "the Food and Drug Administration" once "the" is set aside
_THE = re.compile(r"^\s*the\s+", re.I)
_BE = frozenset("is are was were be been being get gets got".split())


def _subject(text: str, verb: str) -> tuple[str, int] | None:
    """The words before ``verb`` at the start of an active sentence ("Rebels" in "Rebels shot
    down the helicopter"), and where they start."""
    found = re.match(
        rf"\s*(?P<subject>[^,;:()\"]{{1,80}}?)\s+(?:\w+ly\s+)?{re.escape(verb)}\b", text, re.I
    )
    if found is None or re.search(rf"\b{re.escape(verb)}\s+by\b", text, re.I):
        return None
    subject = found.group("subject")
    words = WORD.findall(subject)
    if len(words) > MAX_SUBJECT_WORDS or words[-1].lower() in _BE:
        return None  # "The man was shot": a passive without its agent, no active subject
    return subject, found.start("subject")


def _doers(words: str) -> set[object]:
    found = {w.lower() for w in WORD.findall(words)} - FUNCTION_WORDS
    return meaning(found) | {w.removesuffix("s") for w in found}


def recast_agent_claim(pair: Pair) -> Claim | None:
    """The doer of a sentence recast between active and passive, changed on the way."""
    for active, passive, old_is_active in (
        (pair.old, pair.new, True),
        (pair.new, pair.old, False),
    ):
        found = _PASSIVE.search(passive.text)
        if found is None:
            continue
        verb = " ".join(found.group("verb").split())
        subject = _subject(active.text, verb)
        if subject is None:
            continue
        doer, at = subject
        agent = found.group("agent")
        owned = re.search(rf"\b{re.escape(doer.strip())}['’]s\b", agent, re.I)
        if not owned and (
            _doers(doer) & _doers(agent) or same_name(_THE.sub("", doer), _THE.sub("", agent))
        ):
            continue  # the same doer, the sentence only recast ("Ann Lee's husband" is another)
        if not _doers(doer) or not _doers(agent):
            continue
        active_span = active.span(at, at + len(doer))
        passive_span = passive.span(*found.span("agent"))
        old, new = (doer, agent) if old_is_active else (agent, doer)
        old_span, new_span = (
            (active_span, passive_span) if old_is_active else (passive_span, active_span)
        )
        return Claim(
            "fact", "medium", pair.old.text, pair.new.text, old, new, old_span, new_span, {}
        )
    return None


# where or when it happened, put where its doer was: "killed by police" -> "killed in clashes"
_CIRCUMSTANCE = re.compile(r"\s*(?:in|during|amid|after|following)\s+[^,.;:!?()\"]+?\s*", re.I)


def _circumstance_for(put: str, agent: str) -> bool:
    """``put`` tells only when or where, and none of the doer's words: the doer is gone all
    the same ("by police" -> "in clashes"; not "in a police raid")."""
    words = {w.lower() for w in WORD.findall(agent)} - {"by", "the", "a", "an"}
    return bool(_CIRCUMSTANCE.fullmatch(put)) and not words & {w.lower() for w in WORD.findall(put)}


def agent_cut_claim(pair: Pair, context: Context) -> Claim | None:
    """A passive's doer cut whole or put in, nothing in its place: "the man was shot by an
    officer" -> "the man was shot" says no longer who did it."""
    for hunk in pair.hunks:
        for side, other, text, added in (
            (pair.old, pair.new, hunk.removed, hunk.added),
            (pair.new, pair.old, hunk.added, hunk.removed),
        ):
            if not re.fullmatch(r"\s*by\s+[^,.;:!?()\"]+?\s*", text):
                continue
            if WORD.search(added) and not _circumstance_for(added, text):
                continue
            start = hunk.old_start if side is pair.old else hunk.new_start
            found = _PASSIVE.search(side.text, max(0, start - 60))
            if found is None or not (start <= found.start("agent") - 3 <= start + 1):
                continue
            if found.end("agent") > start + len(text.rstrip()):
                continue  # only part of the agent went ("by two officers" -> "by officers")
            by = side.text.rindex("by", 0, found.start("agent"))
            agent = " ".join(side.text[by : found.end("agent")].split())  # "by an officer"
            at = side.span(by, found.end("agent"))
            gap = other.span(*(
                (hunk.new_start, hunk.new_start) if side is pair.old
                else (hunk.old_start, hunk.old_start)
            ))  # fmt: skip
            old, new, spans = (
                (agent, None, (at, gap)) if side is pair.old else (None, agent, (gap, at))
            )
            severity = _weight(agent, context, side is pair.old, found.group("verb"))
            return Claim("fact", severity, pair.old.text, pair.new.text, old, new, *spans,
                         {"agent": True})  # fmt: skip
    return None


# what only the police do, and who does it: "Officers arrested a man" -> "A man was arrested"
# says the same
_CUSTODY = frozenset(
    "arrested detained held questioned interviewed charged bailed cautioned booked released "
    "fined seized confiscated impounded recovered".split()
)
_POLICE = frozenset(
    "police officers officer detectives detective policemen policeman constables authorities "
    "investigators".split()
)


def _weight(doer: str, context: Context, dropped: bool, verb: str = "") -> str:
    """Medium for a force ("police", "soldiers"), or a doer dropped that the new version of the
    article names nowhere; low for one it still names ("The company announced the closure" ->
    "The closure was announced", the company named elsewhere: style more often than not) and
    for a doer named where there was none ("was brought under control" -> "Firefighters
    brought it under control"): news more often hides a doer than adds one. The police who
    arrested or charged someone are low: the verb says who."""
    words = [w.lower() for w in WORD.findall(doer) if w.lower() not in FUNCTION_WORDS]
    if verb.lower() in _CUSTODY and words and all(w in _POLICE for w in words):
        return "low"
    if verb.lower() in _FINDING:
        return "low"  # "Researchers found no side effects" -> "No side effects were found"
    if any(w in FORCES or f"{w}s" in FORCES or w.removesuffix("s") in FORCES for w in words):
        return "medium"
    if not dropped:
        return "low"
    return "low" if all(stem(w) in context.new_words for w in words) else "medium"


# what a finder did, whose name says where a finding came from rather than who did a deed
_FINDING = frozenset(
    "found discovered detected recorded observed measured identified spotted seen".split()
)
_AUXILIARIES = re.compile(
    r"(?:\s+(?:has|have|had|will|would|can|could|may|might|did|does|do))+$", re.I
)
# a passive without its agent: "the man was shot", "three protesters were killed"
_AGENTLESS = re.compile(
    r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?"
    r"(?P<verb>\w+(?:ed|en|wn|un|lt|pt|nt|ght|ot|ound|ade|eld))(?!\s+by\b)\b",
    re.I,
)


_DIED = re.compile(r"\b(?:died|have\s+died|perished|lost\s+their\s+lives)\b", re.I)


def doer_dropped_claim(pair: Pair, context: Context) -> Claim | None:
    """A sentence recast from active to a passive without its agent, or back: "Police shot the
    man" -> "The man was shot" no longer says who did it."""
    for active, passive, old_is_active in (
        (pair.old, pair.new, True),
        (pair.new, pair.old, False),
    ):
        for found, verb in [
            *((m, m.group("verb")) for m in _AGENTLESS.finditer(passive.text)),
            # "Soldiers killed 12 villagers" -> "Twelve villagers died": no killer told
            *((m, "killed") for m in _DIED.finditer(passive.text)),
        ]:
            subject = _subject(active.text, verb)
            if subject is None:
                continue
            doer, at = subject
            after = re.match(
                rf".*?\b{re.escape(verb)}\s+(?:the\s+|an?\s+)?(?:[\d,.]+\s+)?(\w+)",
                active.text,
                re.I,
            )
            opening = {w.lower() for w in WORD.findall(passive.text[: found.start()])}
            if after is None or after.group(1).lower() not in opening:
                continue  # what was done to is not what the passive sentence opens with
            passive_words = {w.lower() for w in WORD.findall(passive.text)}
            if (
                not _doers(doer)
                or {w.lower() for w in WORD.findall(doer)} & passive_words - FUNCTION_WORDS
                or _doers(doer) & _doers(passive.text) - passive_words
            ):
                continue  # the doer is still in the sentence ("the blaze" -> "in the fire")
            doer = _AUXILIARIES.sub("", doer)  # "The government has" extended it
            span = active.span(at, at + len(doer))
            gap = passive.span(found.start(), found.start())
            old, new, spans = (
                (doer, None, (span, gap)) if old_is_active else (None, doer, (gap, span))
            )
            severity = _weight(doer, context, old_is_active, verb)
            return Claim("fact", severity, pair.old.text, pair.new.text, old, new, *spans,
                         {"agent": True})  # fmt: skip
    return None
