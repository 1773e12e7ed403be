"""The terms of a deal, a law or a ruling, named by a noun: an amnesty, a ceasefire, a curfew.

"The plan offers an amnesty to fighters who lay down their weapons" -> "The plan calls on
fighters to lay down their weapons" keeps every other word's weight: the rewording rules count
two content words out and one in, a style edit. But the amnesty is a term of the plan, and the
article no longer has it anywhere. ``term_claim`` reads a term the edited sentence drops that
the other version of the article does not name at all (in any form, nor by a word of its class
in the sentence), and a term put in that the article did not have.
"""

from __future__ import annotations

from newswatch import detectors as d
from newswatch.edits import WORD, Claim, Pair

# each class one term, in the words news names it by
_TERMS = (
    "amnesty amnesties pardon pardons",
    "immunity",
    "ceasefire ceasefires cease-fire truce truces armistice",
    "referendum referendums referenda plebiscite",
    "compensation reparations",
    "sanctions embargo embargoes",
    "tariff tariffs levy levies tax taxes",
    "subsidy subsidies",
    "curfew curfews lockdown lockdowns",
    "quota quotas",
    "veto vetoes",
    "exemption exemptions",
    "moratorium",
    "bailout bailouts",
    "refund refunds",
    "recount",
    "injunction injunctions",
    "extradition",
    "asylum",
    "parole",
    "autonomy",
    "annexation",
)
_CLASS = {d.stem(w): i for i, words in enumerate(_TERMS) for w in words.split()}


def _terms(text: str) -> dict[str, str]:
    """The terms ``text`` names, by stem, as written."""
    out: dict[str, str] = {}
    for word in WORD.findall(text):
        key = d.stem(word)
        if key in _CLASS and word.islower():
            out.setdefault(key, word)
    return out


def _named(term: str, words: frozenset[str]) -> bool:
    """The text names the term, perhaps as a verb or an adjective: "tax" as "taxed", "taxable",
    "compensation" as "compensate" (a short word's stem is the word itself)."""
    # ("compensation" as "compensate": the word less its ending)
    prefix = term[: max(5, len(term) - 4)]
    return term in words or any(w.startswith(prefix) for w in words)


def term_claim(pair: Pair, context: d.Context) -> Claim | None:
    """A term the sentence dropped that the new article does not name, or one it put in that
    the old article did not."""
    old, new = _terms(pair.old.text), _terms(pair.new.text)
    old_classes, new_classes = {_CLASS[k] for k in old}, {_CLASS[k] for k in new}
    gone = [
        w
        for k, w in old.items()
        if not _named(k, context.new_words) and _CLASS[k] not in new_classes
    ]
    came = [
        w
        for k, w in new.items()
        if not _named(k, context.old_words) and _CLASS[k] not in old_classes
    ]
    if not gone and not came:
        return None
    word, text, side = (gone[0], pair.old.text, "old") if gone else (came[0], pair.new.text, "new")
    at = next(m for m in WORD.finditer(text) if m.group(0) == word)
    span = (at.start(), at.end())
    if side == "old":
        old_span, new_span = pair.old.span(*span), pair.new_span_for_old(*span)
    else:
        old_span, new_span = pair.old_span_for_new(*span), pair.new.span(*span)
    return Claim(
        "fact",
        "medium",
        pair.old.text,
        pair.new.text,
        word if side == "old" else None,
        word if side == "new" else None,
        old_span,
        new_span,
        {"term": "dropped" if side == "old" else "added"},
    )
