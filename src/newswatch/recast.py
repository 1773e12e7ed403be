"""Who did it, when a sentence was recast between active and passive: "Rebels shot down the
helicopter" -> "The helicopter was shot down by government troops". The word diff sees a
sentence rewritten; the doer is the subject on one side and the agent after "by" on the other,
and only a different doer is news ("... was shot down by rebels" is the same claim recast).
"""

from __future__ import annotations

import re

from newswatch.edits import FUNCTION_WORDS, WORD, Claim, Pair
from newswatch.names import same_name
from newswatch.slots import meaning

# "was shot down by government troops", "were arrested by police": the verb and its agent up
# to where the phrase ends
_PASSIVE = re.compile(
    r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?"
    r"(?P<verb>\w+(?:ed|en|wn|un|lt|pt|nt|ght|ot|ound|ade|eld)(?:\s+(?:down|up|off|out))?)"
    r"\s+by\s+(?P<agent>[^,.;:!?()\"]{1,60}?)"
    r"(?=\s*(?:[,.;:!?()\"]|$|\b(?:on|in|at|after|before|during|last|this|earlier|near|"
    r"while|when|as|and|but)\b))",
    re.I,
)
MAX_SUBJECT_WORDS = 6


def _subject(text: str, verb: str) -> tuple[str, int] | None:
    """The words before ``verb`` at the start of an active sentence ("Rebels" in "Rebels shot
    down the helicopter"), and where they start."""
    found = re.match(
        rf"\s*(?P<subject>[^,;:()\"]{{1,80}}?)\s+(?:\w+ly\s+)?{re.escape(verb)}\b", text, re.I
    )
    if found is None or re.search(rf"\b{re.escape(verb)}\s+by\b", text, re.I):
        return None
    subject = found.group("subject")
    if len(WORD.findall(subject)) > MAX_SUBJECT_WORDS:
        return None
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
        if not owned and (_doers(doer) & _doers(agent) or same_name(doer, agent)):
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
