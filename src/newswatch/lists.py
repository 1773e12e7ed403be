"""An item put into or taken out of a series: "charged with theft, burglary and assault" ->
"charged with theft and assault", "killed or injured" -> "killed", "apples, pears and plums" ->
"apples, pears, plums and cherries".

A word or two cut from a sentence is usually a wording fix (``wording.wording_changed`` wants
three content words gone before it calls a cut information), but one member of a series is a
claim of its own: a charge dropped, a group of victims no longer counted, a country added to
talks. The sentence must differ by that item's words alone (whatever the word diff made of it:
"and plums" -> ", plums and cherries" diffs as a plum put in and a plum turned into a cherry);
the item must be short and joined to its series by "and", "or" or a comma, with "and" or "or"
near (commas alone mark an aside: ", a lawyer,"); a comma or a conjunction must have come or
gone with it ("rain and strong winds" -> "rain and winds" cuts a word of an item, not an item);
and the article must not name all its words elsewhere (in the other version), so that a series
reordered or merged into another sentence says nothing.
"""

from __future__ import annotations

import re
from collections import Counter

from newswatch import detectors as d
from newswatch.edits import FUNCTION_WORDS, WORD, Claim, Pair, Side, gap

MOST_WORDS = 4
# "and" or "or" this close to the item, in words
NEAR_CONJUNCTION = 4
# A series joins things, not clauses: an item holding one of these verbs is a clause.
_CLAUSE_WORDS = frozenset(
    "said says say told was were is are be been has have had will would could can may might "
    "did does do added noted".split()
)
_CONJUNCTIONS = ("and", "or")


def _content(text: str) -> Counter[str]:
    """The content words, figures aside (``figures`` judges those)."""
    return Counter(
        d.stem(w)
        for w in WORD.findall(text)
        if w.lower() not in FUNCTION_WORDS and not any(c.isdigit() for c in w)
    )


def _item_span(side: Side, stems: Counter[str]) -> tuple[int, int] | None:
    """Where the item's words stand in the sentence: one run of at most four words, none of
    them an auxiliary, a verb of saying or a conjunction (a clause, or two items)."""
    left = Counter(stems)
    found = []
    for match in WORD.finditer(side.text):
        key = d.stem(match.group())
        if left[key] > 0 and match.group().lower() not in FUNCTION_WORDS:
            left[key] -= 1
            found.append(match)
    if not found or +left:
        return None
    start, end = found[0].start(), found[-1].end()
    words = WORD.findall(side.text[start:end])
    if len(words) > MOST_WORDS or any(
        w.lower() in _CLAUSE_WORDS.union(_CONJUNCTIONS) for w in words
    ):
        return None
    return start, end


def _joints(text: str) -> int:
    return text.count(",") + sum(w.lower() in _CONJUNCTIONS for w in WORD.findall(text))


_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|be|been)\b", re.I)


def _in_series(text: str, start: int, end: int) -> bool:
    """A comma or "and"/"or" joins the item to a word of its series, with at most two little
    words between ("and its partners"), and "and" or "or" is near."""
    before, after = text[:start].rstrip(), text[end:].lstrip()
    lead = re.search(r"(?:\s+(?!(?:and|or)\b)[\w'’]+){0,2}$", before, re.I)
    if lead and all(w.lower() in FUNCTION_WORDS for w in WORD.findall(lead.group())):
        if _VERB.search(lead.group()):
            return False  # "heavy rain, and it was cold": a clause, not an item
        before = before[: lead.start()]
    joint_before = re.search(r"\w[\w'’-]*(?:,|\s*,?\s+(?:and|or))$", before, re.I)
    joint_after = re.match(r"(?:,|(?:and|or)\b)\s*(?:(?:and|or)\s+)?\w", after, re.I)
    near = WORD.findall(before)[-NEAR_CONJUNCTION:] + WORD.findall(after)[:NEAR_CONJUNCTION]
    return bool(joint_before or joint_after) and any(w.lower() in _CONJUNCTIONS for w in near)


def list_item_claim(pair: Pair, context: d.Context) -> Claim | None:
    """The claim of a sentence whose only change of substance is one item of a series."""
    old, new = _content(pair.old.text), _content(pair.new.text)
    gained, lost = new - old, old - new
    if bool(gained) == bool(lost) or sum((gained or lost).values()) > MOST_WORDS:
        return None
    added = bool(gained)
    stems = gained or lost
    if all(s in (context.old_words if added else context.new_words) for s in stems):
        return None  # the article names it elsewhere: merged or moved, not dropped or new
    side, other_side = (pair.new, pair.old) if added else (pair.old, pair.new)
    if _joints(side.text) <= _joints(other_side.text):
        return None  # no joint came or went with it: "rain and strong winds" -> "and winds"
    span = _item_span(side, stems)
    if span is None or not _in_series(side.text, *span):
        return None
    touched = [h for h in pair.hunks if (h.touches_new if added else h.touches_old)(span)]
    if not touched:
        return None
    other = (
        pair.old.span(*gap(pair.old.text, touched[0].old_start, touched[-1].old_end))
        if added
        else pair.new.span(*gap(pair.new.text, touched[0].new_start, touched[-1].new_end))
    )
    item = side.text[span[0] : span[1]]
    return Claim(
        "reworded",
        "medium",
        pair.old.text,
        pair.new.text,
        None if added else item,
        item if added else None,
        other if added else side.span(*span),
        side.span(*span) if added else other,
        detail={"item": "added" if added else "removed"},
    )
