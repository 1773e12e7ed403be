"""Whether a thing has happened or is still to come.

"has been charged" -> "will be charged" takes back a fact, "will reopen" -> "has reopened"
reports one, and "was deported" -> "was due to be deported" makes a deed a plan again.
``tense_claim`` reads such a short hunk; "would" counts as a thing to come, so that reported
speech shifting its tense ("said it would" -> "said it will") is no change.
"""

from __future__ import annotations

import re

from newswatch.context import stem
from newswatch.duration_forms import with_next_word
from newswatch.edits import WORD, Claim, Pair, hunk_fact_claim
from newswatch.qualifiers import MAX_HUNK_WORDS, inside

# a thing to come ("will" the noun, "the will of residents", is none)
TO_COME = re.compile(
    r"(?<!\bthe )(?<!\bhis )(?<!\bher )(?<!\btheir )(?<!\bfree )"
    r"\b(?:will(?!\s+of\b)|shall|would|won't|(?:is|are|was|were) (?:due|set|going|scheduled|"
    r"planned|about|projected|forecast|predicted|tipped) to|(?:is|are|was|were) to be|"
    r"(?:is|are) due(?= (?:in|at|before)\b)|"
    # a step still needed: "must still be approved", "has yet to be signed"
    r"must(?: still)?(?= be\b)|(?:has|have|is|are) yet to|(?:still )?needs? to be|"
    r"(?:is|are) (?:still )?subject to)\b|'ll\b",
    re.I,
)
# a thing done: a perfect, a passive or a past form ("has reopened", "was charged", "came");
# a present ("returns on Monday") may already mean a thing to come, and "expected to" or
# "scheduled to" is a plan, not a past
_PAST = (
    r"came|went|took|made|gave|held|met|began|won|lost|left|sold|bought|paid|ran|rose|fell|broke|"
    r"struck|told|found|kept|got|saw|led|sent|spent|built|chose|drove|flew|fought|froze|grew|knew|"
    r"rode|shook|spoke|stole|swore|threw|wore|wrote"
)
_PARTICIPLE = (
    r"been|done|gone|taken|given|begun|run|risen|fallen|broken|seen|known|grown|shown|written|"
    r"spoken|chosen|driven|flown|stolen|sworn|thrown|worn|frozen|ridden|shaken|cut|put|hit|set|"
    r"let|shut|quit|spread|cost|hurt|bid|[a-z]{3,}ed|" + _PAST
)
# "has" needs its participle: "have serious concerns" is no thing done
DONE = re.compile(
    r"\b(?:(?:has|have|had)(?:\s+(?:not|never|already|now|just|also|since|yet|recently))?\s+"
    # "has vowed to fight": what was done is a promise, the deed still to come
    # "was splitting up" is a thing under way, not done
    rf"(?:{_PARTICIPLE})(?!\s+to\b)|(?:was|were)(?!\s+\w+ing\b)|did|[a-z]{{3,}}ed(?!\s+to\b)|"
    rf"{_PAST})\b",
    re.I,
)
# a thing not done, which is a thing still to come
_NEGATED_DONE = re.compile(
    r"^\s*no\b|\b(?:has|have|had|did)\s+(?:not|never)\b|\b(?:has|have|had|did)n['’]t\b", re.I
)


def tense_claim(pair: Pair) -> Claim | None:
    """A thing done made a thing to come, or the other way round, by a short hunk: "has been
    charged" -> "will be charged", "is due to reopen" -> "has reopened"."""
    for hunk in pair.hunks:
        words = WORD.findall(hunk.removed), WORD.findall(hunk.added)
        # a plan put in whole counts too: "was deported" -> "was due to be deported"
        if not any(words) or (
            not all(len(w) <= MAX_HUNK_WORDS for w in words)
            and not _one_deed(hunk.removed, hunk.added)
        ):
            continue
        future = None
        # a plan put in whole may start with the verb kept before it ("was [due to be]")
        new_start = _word_before(pair.new.text, hunk.new_start) if not words[0] else hunk.new_start
        old_start = _word_before(pair.old.text, hunk.old_start) if not words[1] else hunk.old_start
        if (
            inside(TO_COME, pair.new.text, new_start, hunk.new_end)
            and not TO_COME.search(pair.old.text)
            and DONE.search(with_next_word(pair.old.text, hunk.old_start, hunk.old_end))
        ):
            future = True
        elif (
            inside(TO_COME, pair.old.text, old_start, hunk.old_end)
            and not TO_COME.search(pair.new.text)
            and DONE.search(with_next_word(pair.new.text, hunk.new_start, hunk.new_end))
        ):
            future = False
        if future is None:
            continue
        done = pair.old.text if future else pair.new.text
        if _NEGATED_DONE.search(done):
            continue  # "No decision has been made" -> "A decision is yet to be made": the same
        old, new = " ".join(hunk.removed.split()), " ".join(hunk.added.split())
        return hunk_fact_claim(
            pair,
            hunk,
            "medium",
            old or None,
            new or None,
            {"tense": "to come" if future else "done"},
        )
    return _progress_claim(pair)


# a thing under way made a thing done, or back: "Engineers are repairing the line" -> "have
# repaired the line", "Officials are tracing contacts" -> "have traced all of them"
_UNDER_WAY = re.compile(r"\b(?:is|are|was|were)\s+(?:still\s+|now\s+)?([a-z]{3,}ing)\b", re.I)
_HAS_DONE = re.compile(r"\b(?:has|have|had)\s+(?:now\s+|already\s+)?([a-z]{3,}ed)\b", re.I)
# ... and an effort toward the deed: "are working to restore power" -> "have restored power"
_EFFORT = re.compile(
    r"\b(?:is|are|was|were)\s+(?:still\s+|now\s+)?(?:working|trying|attempting|seeking|racing|"
    r"scrambling|struggling|preparing|getting\s+ready)\s+to\s+([a-z]{3,})\b",
    re.I,
)


# ... not what is said or asked, nor an effort with no end to reach: "Officers are appealing
# for witnesses" -> "Police have appealed for witnesses" is one appeal
_OPEN_ENDED = frozenset(
    stem(w)
    for w in "appealing calling urging asking warning saying telling speaking talking pleading "
    "working trying attempting helping supporting campaigning lobbying pressing pushing "
    "demanding offering".split()
)


# ... and in the passive: "The bridge is being repaired" -> "has been repaired"
_BEING = re.compile(r"\b(?:is|are|was|were)\s+(?:still\s+|now\s+)?being\s+([a-z]{3,}ed)\b", re.I)
_BEEN = re.compile(r"\b(?:has|have|had)\s+(?:now\s+|already\s+)?been\s+([a-z]{3,}ed)\b", re.I)


def _progress_claim(pair: Pair) -> Claim | None:
    for hunk in pair.hunks:
        # (the verb both keep after the hunk: "has been" -> "is being" before "repaired")
        old = with_next_word(pair.old.text, hunk.old_start, hunk.old_end)
        new = with_next_word(pair.new.text, hunk.new_start, hunk.new_end)
        for was, now, tense in ((old, new, "done"), (new, old, "under way")):
            going, finished = _BEING.search(was), _BEEN.search(now)
            if going and finished and going.group(1).lower() == finished.group(1).lower():
                removed, added = " ".join(hunk.removed.split()), " ".join(hunk.added.split())
                return hunk_fact_claim(pair, hunk, "medium", removed, added, {"tense": tense})
        for was, now, tense in (
            (hunk.removed, hunk.added, "done"),
            (hunk.added, hunk.removed, "under way"),
        ):
            going = _EFFORT.search(was) or _UNDER_WAY.search(was)
            finished = _HAS_DONE.search(now)
            if going is None or finished is None:
                continue
            verb = _root(going.group(1))
            if verb == _root(finished.group(1)) and stem(going.group(1)) not in _OPEN_ENDED:
                old, new = " ".join(hunk.removed.split()), " ".join(hunk.added.split())
                return hunk_fact_claim(pair, hunk, "medium", old, new, {"tense": tense})
    return None


def _root(verb: str) -> str:
    """A verb without its "-ing" or "-ed", short ones too ("fixing" and "fixed" are "fix")."""
    root = re.sub(r"(?:ing|ed)$", "", verb.lower()) if len(verb) > 4 else verb.lower()
    if len(root) > 3 and root[-1] == root[-2] and root[-1] not in "aeiousl":
        root = root[:-1]  # "stopp" is "stop"
    return root.removesuffix("e")


def _one_deed(removed: str, added: str) -> bool:
    """A longer hunk that still tells one deed to come on one side and done on the other: a
    verb just after the "will" or "due to" shares its stem with a word of the other side ("is
    due to start in the spring" -> "has already started")."""
    for future, done in ((removed, added), (added, removed)):
        plan = TO_COME.search(future)
        if plan is None:
            continue
        verbs = {stem(w) for w in WORD.findall(future[plan.end() :])[:2]} - _AUXILIARIES
        if verbs & {stem(w) for w in WORD.findall(done)}:
            return True
    return False


_AUXILIARIES = frozenset({"be", "been", "have", "get", "go"})


def _word_before(text: str, at: int) -> int:
    """Where the word before ``at`` starts (``at`` itself where none is)."""
    end = len(text[:at].rstrip())
    start = end
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return start if start < end else at
