"""Which claims changed, and does it matter.

For every aligned unit of a ``Comparison``: an edited sentence goes through the detectors of
``newswatch.detectors`` (figures, polarity, quotes, hedges, attribution, names, an item of a
series); every stretch of the word diff that no detector explained is judged by
``newswatch.wording`` (``reworded`` or ``cosmetic``). Whole sentences added, removed or moved
are claims of their own, ranked by how much of what they say is new or lost.

Severity: ``high`` changes a fact a reader would repeat (a figure, a polarity, a replaced name or
speaker, a removed sentence that carried figures or quotes); ``medium`` changes how sure or how
complete a claim is (hedges, quotes, a name brought in or dropped, sentences added or removed);
``low`` is rewording that touches information; ``cosmetic`` is presentation only. A claim that
touches a watch term is raised one step; a claim inside page furniture is cosmetic.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from newswatch import detectors as d
from newswatch import turned
from newswatch.captions import caption_units
from newswatch.contrasts import POLAR_WORDS, contrast_claim, opposite_claim
from newswatch.duration_forms import without_restated_durations
from newswatch.edits import LEVELS, PROVISIONS, WORD, Claim, Pair, Side
from newswatch.entities import entity_claims, pronoun_claim
from newswatch.figure_forms import bounds_restated
from newswatch.figures import (
    FigureBalance,
    as_conversion,
    changed_figures,
    figure_moved,
    number_claims,
    same_quantity,
)
from newswatch.furniture import in_dateline, is_furniture
from newswatch.headlines import headline_claim
from newswatch.hedges import hedge_claim
from newswatch.legal import plea_claim
from newswatch.lists import list_item_claim
from newswatch.moves import role_claim
from newswatch.notes import CORRECTION, CORRECTION_NOTE, UPDATE_NOTE
from newswatch.numbers import find_figures
from newswatch.one_or_many import one_or_many_claim
from newswatch.per_units import per_claim
from newswatch.qualifiers import bound_claim, moved_whole, qualifier_claim
from newswatch.quotes import quote_claims
from newswatch.recast import agent_cut_claim, doer_dropped_claim, recast_agent_claim
from newswatch.redating import reread_price
from newswatch.routine_lines import routine_line
from newswatch.scope import scope_claim
from newswatch.served import rank, served_units
from newswatch.slots import post_before_name_claim, precaution_claim, slot_claim
from newswatch.sourcing import (
    QUOTE,
    anonymous_claim,
    attribution_claim,
    sourcing_claim,
    sourcing_moved,
)
from newswatch.states import state_added_claim, state_claim
from newswatch.tenses import tense_claim
from newswatch.terms import term_claim
from newswatch.turned import none_made_some_claim, prefix_turned_claim
from newswatch.wording import (
    UNTOLD_WORDS,
    group_verdicts,
    hunk_claim,
    is_content,
    moved_phrases,
    same_words_reordered,
    untold_words,
    wording_changed,
    words_changed,
)

if TYPE_CHECKING:
    from newswatch.diff import Comparison, Unit

CLAUSE_LABEL = re.compile(
    rf"^\W*((?:{PROVISIONS})"
    r"\s+(?:\d+[a-z]?|[ivxlc]+)\b)",
    re.I,
)
# How much of a sentence must be new (or lost) for it to count as new (or lost) information.
NOVELTY_FOR_MEDIUM = 0.34


def raise_level(severity: str, steps: int = 1) -> str:
    if severity not in LEVELS:
        return severity
    return LEVELS[min(len(LEVELS) - 1, LEVELS.index(severity) + steps)]


def correction_notes(text: str) -> frozenset[str]:
    """The visible correction or update notes of an article text."""
    return frozenset(line for line in text.splitlines() if CORRECTION_NOTE.match(line))


def is_silent(
    severity: str, old_modified: object, new_modified: object, old_text: str, new_text: str
) -> bool:
    """A substantive edit that the page does not own up to: neither its modified date nor a
    correction note changed."""
    substantive = severity in ("medium", "high")
    noted = bool(correction_notes(new_text) - correction_notes(old_text))
    return substantive and old_modified == new_modified and not noted


def clause_label(sentence: str) -> str | None:
    """'Clause 12', 'Point 7': the identity of a numbered provision that opens a sentence."""
    match = CLAUSE_LABEL.match(sentence)
    return " ".join(match.group(1).split()).capitalize() if match else None


def _within(fact: Claim, figure: Claim) -> bool:
    """The words a fact claim swapped are part of the figures a figure claim changed."""
    return all(
        word and value and word.lower() in value.lower()
        for word, value in ((fact.old_value, figure.old_value), (fact.new_value, figure.new_value))
    )


def _without_conversions(claims: list[Claim]) -> list[Claim]:
    """A figure and its unit changed into the same quantity in other units ("90 mph" -> "145
    km/h") are one claim, a conversion: low."""
    numbers = [c for c in claims if c.kind == "number" and c.old_value and c.new_value]
    units = [c for c in claims if c.kind == "fact" and c.old_value and c.new_value]
    for number in numbers:
        unit = next((u for u in units if same_quantity(number, u)), None)
        if unit is not None:
            claims = [c for c in claims if c is not number and c is not unit]
            claims.append(as_conversion(number))
            units.remove(unit)
    return claims


def edited_claims(pair: Pair, context: d.Context) -> list[Claim]:
    # "A child was hurt" -> "Children were hurt": a count changed without a figure
    claims = number_claims(pair) or [c for c in (one_or_many_claim(pair),) if c]
    turned = (
        d.negation_claim(pair)
        or opposite_claim(pair)
        or prefix_turned_claim(pair)
        or none_made_some_claim(pair)
    )
    if turned and turned.kind == "negation" and _negation_moved(pair, turned, context):
        turned = None  # ", who denies the charges," -> "... custody. He denies the charges."
    if turned and d.turned_twice(pair):
        turned = None  # "Germany beat France" -> "France lost to Germany"
    fact = contrast_claim(pair) or d.party_claim(pair) or d.roles_claim(pair) or role_claim(pair)
    if fact and fact.kind == "fact" and not fact.detail and d.turned_twice(pair):
        fact = None  # "The dollar weakened against the euro" -> "The euro strengthened ..."
    if fact is None and turned is None:
        fact = state_claim(pair)  # "are tackling a blaze" -> "fire has been brought under control"
    if fact and turned and (fact.old_value, fact.new_value) == (turned.old_value, turned.new_value):
        fact = None  # "acquitted" -> "convicted" is one claim, the word turned around
    if fact and bounds_restated(pair, fact.old_value, fact.new_value):
        fact = None  # "more than a dozen" -> "at least 13": the bound moved with the count
    if fact and any(_within(fact, c) for c in claims):
        fact = None  # "next month" -> "next year" is one date changed, not a unit besides
    singles = (
        turned,
        fact,
        qualifier_claim(pair, context.old_text, context.new_text)
        or bound_claim(pair)
        or scope_claim(pair)  # "all new cars" -> "all new petrol cars"
        or per_claim(pair)  # "fined £500 each" -> "fined £500 between them"
        # "denies murder but admits manslaughter" -> "... and manslaughter"
        or (plea_claim(pair) if fact is None and turned is None else None)
        # another fact after the same cue, where no word swap above named it ("fraud" ->
        # "theft" is a charge swapped already)
        or (slot_claim(pair) if fact is None and turned is None else None)
        # "evacuated as a precaution" -> "evacuated after a bomb threat"
        or (precaution_claim(pair) if fact is None and turned is None else None)
        # "union leader Mary Cole" -> "council leader Mary Cole"
        or (post_before_name_claim(pair) if fact is None and turned is None else None)
        # the doer of a sentence recast between active and passive ("Rebels shot down" ->
        # "was shot down by government troops")
        or (recast_agent_claim(pair) if fact is None and turned is None else None)
        or agent_cut_claim(pair, context)  # "shot by an officer" -> "shot"
        or (state_added_claim(pair) if fact is None and turned is None else None)
        or doer_dropped_claim(pair, context),  # "Police shot the man" -> "The man was shot"
        tense_claim(pair),
        hedge_claim(pair),
        attribution_claim(pair),
        pronoun_claim(pair),
        sourcing_claim(pair) or anonymous_claim(pair),
    )
    for single in singles:
        if single is not None and not (fact and _said_by(single, fact)):
            claims.append(single)
    claims += quote_claims(pair, words_changed, context.old_text, context.new_text)
    speakers = {c.new_value for c in claims if c.kind == "attribution"}
    claims += [c for c in entity_claims(pair, context) if c.new_value not in speakers]
    claims = without_restated_durations(pair, claims)
    claims = _without_conversions(claims)
    verdicts: dict[int, bool] = {}
    item = list_item_claim(pair, context)
    hunks = [h for h in pair.hunks if item is not None and pair.touches(h, item)]
    if item is not None and not any(pair.touches(h, c) for h in hunks for c in claims):
        claims.append(item)  # the only words of substance that came or went: the rest is order
        verdicts = dict.fromkeys(map(id, pair.hunks), False)
    moved = moved_phrases(pair.hunks)
    verdicts = verdicts or group_verdicts(pair, context, moved)
    if same_words_reordered(pair, context):  # "X, the chair, said" -> "The chair, X, said"
        verdicts = dict.fromkeys(verdicts, False)
    for hunk in pair.hunks:
        touching = [c for c in claims if pair.touches(hunk, c)]
        if not touching:
            claims.append(hunk_claim(pair, hunk, verdicts[id(hunk)], context))
        elif untold_words(hunk, touching, context) >= UNTOLD_WORDS:
            # "the army had been deployed. He did not say how many troops" -> "2,000 soldiers
            # had been deployed and declared a state of emergency": the figure and the "not"
            # are claims, and the state of emergency is news besides them
            claims.append(hunk_claim(pair, hunk, True, context))
    return _with_term(claims, term_claim(pair, context))


def _with_term(claims: list[Claim], term: Claim | None) -> list[Claim]:
    """A term of a deal gone or put in ("offers an amnesty to fighters" -> "calls on
    fighters") where no claim on its words alerts already (a clause cut whole with it is news
    of its own); it stands for the rewording claims on its words."""
    if term is None:
        return claims
    word = re.compile(rf"\b{re.escape(term.old_value or term.new_value or '')}\b", re.I)

    def on_it(claim: Claim) -> bool:
        value = claim.old_value if term.old_value else claim.new_value
        return word.search(value or "") is not None

    if any(on_it(c) and LEVELS.index(c.severity) >= LEVELS.index("medium") for c in claims):
        return claims
    return [c for c in claims if not on_it(c)] + [term]


_RELATIVE = re.compile(r"^\W*(?:who|which|that|and|but)\s+", re.I)


def _negation_moved(pair: Pair, claim: Claim, context: d.Context) -> bool:
    """The negation came or went in a clause cut whole from the sentence (or put in whole) that
    the other version of the article has in another sentence: moved, not turned."""
    gone = claim.old_value is not None and claim.new_value is None
    for hunk in pair.hunks:
        clause, other = (hunk.removed, hunk.added) if gone else (hunk.added, hunk.removed)
        if not pair.touches(hunk, claim) or WORD.search(other):
            continue
        words = WORD.findall(_RELATIVE.sub("", clause))
        article = context.new_text if gone else context.old_text
        return len(words) >= 3 and moved_whole(" ".join(words), article)
    return False


def _said_by(qualifier: Claim, fact: Claim) -> bool:
    """A word put in or cut that a swap already names: "killed" -> "injured" is one fact
    changed, not that and "killed" taken out."""
    word = qualifier.old_value or qualifier.new_value
    return bool(qualifier.detail.get("qualifier")) and word in (fact.old_value, fact.new_value)


# --- whole sentences --------------------------------------------------------------------------


def _share_new(
    sentence: str, other_words: frozenset[str], little: frozenset[str]
) -> tuple[float, int]:
    """The share of a sentence's content words (not ``little`` ones: the article's language's
    too) that the other version does not have."""
    words = [w for w in WORD.findall(sentence) if is_content(w) and w.lower() not in little]
    if not words:
        return 0.0, 0
    return sum(d.stem(w) not in other_words for w in words) / len(words), len(words)


def _polar_word_new(sentence: str, other_words: frozenset[str]) -> bool:
    """The sentence has a word with an opposite ("excluded", "banned") that the other version
    never uses: the way its claim went is said nowhere else."""
    return any(
        w.lower() in POLAR_WORDS and is_content(w) and d.stem(w) not in other_words
        for w in WORD.findall(sentence)
    )


PAIRS_FOR_MEDIUM = 0.7
MIN_PAIRS = 4


def _says_new(sentence: str, kind: str, context: d.Context) -> bool:
    """Words the article has elsewhere, put together as it does nowhere else: the sentence
    says something of its own ("Relotius now researches alone, without a photographer")."""
    pairs = d.word_pairs(sentence, context.little)
    if len(pairs) < MIN_PAIRS:
        return False
    other = context.old_pairs if kind == "added" else context.new_pairs
    return len(pairs - other) / len(pairs) >= PAIRS_FOR_MEDIUM


def _sentence_claim(
    kind: str, side: Side, anchor: tuple[int, int], context: d.Context, figures_lost: bool
) -> Claim:
    other = context.old_words if kind == "added" else context.new_words
    share, count = _share_new(side.text, other, context.little)
    quoted = bool(QUOTE.search(side.text))
    if count < 2 or is_furniture(side.text):
        severity = "cosmetic"  # trivial, or page furniture
    elif share == 0 and not figures_lost:
        # every word of it said elsewhere: cosmetic, unless put together as the article does
        # nowhere else ("This gave developers insight into failures"), which is shown (low)
        severity = "low" if _says_new(side.text, kind, context) else "cosmetic"
    elif CORRECTION.match(side.text):
        severity = "medium"  # a correction owned up to, or taken down: whatever its words
    elif kind == "removed" and CORRECTION_NOTE.match(side.text):
        severity = "low"  # an old note dropped ("This story has been updated."): sites prune
    elif UPDATE_NOTE.match(side.text):
        severity = "low"  # "This story has been updated with comment": the changes are claimed
    elif routine_line(side.text):
        severity = "low"  # "The firm declined to comment.", "Police appealed for witnesses."
    elif kind == "removed" and (figures_lost or quoted) and share >= NOVELTY_FOR_MEDIUM:
        severity = "high"
    elif share >= NOVELTY_FOR_MEDIUM or figures_lost or _says_new(side.text, kind, context):
        severity = "medium"
    elif _polar_word_new(side.text, other):
        severity = "medium"  # "Farm goods are excluded." cut, the goods now in the deal
    else:
        severity = "low"  # mostly said elsewhere in the article: restated or merged
    detail: dict[str, object] = {"new_information": round(share, 2)}
    if CORRECTION.match(side.text) and severity != "cosmetic":
        detail["note"] = f"correction {kind}"
    if kind == "added":
        return Claim(
            kind,
            severity,
            new=side.text,
            new_value=side.text,
            old_span=anchor,
            new_span=side.whole,
            detail=detail,
        )
    return Claim(
        kind,
        severity,
        old=side.text,
        old_value=side.text,
        old_span=side.whole,
        new_span=anchor,
        detail=detail,
    )


# --- the whole comparison ---------------------------------------------------------------------


def claims_for(
    comparison: Comparison,
    old_headline: str | None,
    new_headline: str | None,
    terms: Iterable[str] = (),
    live: bool = False,
) -> list[Claim]:
    """The claims of an aligned comparison. ``live``: the new text is a live page (see
    ``served``)."""
    context = d.Context(comparison.old_text, comparison.new_text)
    served = caption_units(comparison) | served_units(
        comparison, live, (old_headline, new_headline)
    )
    balance = FigureBalance(comparison.old_text, comparison.new_text)
    claims: list[Claim] = []
    if old_headline is not None and new_headline is not None:
        headline = headline_claim(old_headline, new_headline, context, wording_changed)
        if headline:
            claims.append(headline)
    reread = False
    denied = turned.denied_units(comparison)  # "Fuel has leaked" -> "no sign of a fuel leak"
    for index, unit in enumerate(comparison.units):
        found = _unit_claims(comparison, index, unit, context, balance.kept)
        if reread:
            found = [reread_price(c) for c in found]  # "WTI rose 41 cents" after Brent's clock
        reread = any(c.detail.get("reread") for c in found)
        label = _unit_clause(comparison, unit)
        if label:
            found = [replace(c, detail={**c.detail, "clause": label}) for c in found]
        if index in denied:
            found = turned.at_least_medium(found)
        if index in served:  # (after: a live page's new post stays low)
            found = [rank(c, served[index]) for c in found]
        claims.extend(found)
    changed = changed_figures(claims)
    claims = [c for c in claims if not figure_moved(c, balance, changed)]
    return mark_terms(sourcing_moved(claims), terms)


def _unit_clause(comparison: Comparison, unit: Unit) -> str | None:
    for i in unit.new:
        label = clause_label(comparison.new_sentences[i].text)
        if label:
            return label
    for i in unit.old:
        label = clause_label(comparison.old_sentences[i].text)
        if label:
            return label
    return None


def _anchor(comparison: Comparison, index: int, side: str) -> tuple[int, int]:
    """The gap between neighbouring sentences of one side where the other side's sentence sits.

    Sentences of that side that went (were removed, or added on the other) in the same stretch
    belong to the gap: an added sentence among removed ones took their place, wherever in the
    stretch it stands."""
    sentences = comparison.old_sentences if side == "old" else comparison.new_sentences
    text = comparison.old_text if side == "old" else comparison.new_text
    lone = "removed" if side == "old" else "added"

    def kept(u: Unit) -> bool:
        return bool(u.old if side == "old" else u.new) and u.kind != lone

    before = [u for u in comparison.units[:index] if kept(u)]
    after = [u for u in comparison.units[index + 1 :] if kept(u)]
    start = sentences[max(before[-1].old if side == "old" else before[-1].new)].end if before else 0
    if after:
        end = sentences[min(after[0].old if side == "old" else after[0].new)].start
    else:
        end = len(text)
    return (start, max(start, end))


def _unit_claims(
    comparison: Comparison,
    index: int,
    unit: Unit,
    context: d.Context,
    kept: Callable[[str, bool], bool],
) -> list[Claim]:
    old = Side(*comparison.old_slice(unit))
    new = Side(*comparison.new_slice(unit))
    if unit.kind == "unchanged":
        return []
    if unit.kind == "added":
        lost = any(not kept(f.surface, False) for f in find_figures(new.text))
        return [_sentence_claim("added", new, _anchor(comparison, index, "old"), context, lost)]
    if unit.kind == "removed":
        lost = any(not kept(f.surface, True) for f in find_figures(old.text))
        return [_sentence_claim("removed", old, _anchor(comparison, index, "new"), context, lost)]
    from newswatch.diff import word_diff

    claims = edited_claims(Pair(old, new, word_diff(old.text, new.text, semantic=False)), context)
    if routine_line(old.text) and routine_line(new.text):
        # "The BBC has contacted the council for comment" -> "The council has been approached
        # for comment": a name put in or taken out of a request for comment is the paper's own
        # (and a call for witnesses worded again is still one)
        claims = [
            replace(c, severity="low")
            if c.kind == "entity" and None in (c.old_value, c.new_value)
            else c
            for c in claims
        ]
    if unit.kind == "moved":
        claims = [
            Claim("moved", "low", old.text, new.text, None, None, old.whole, new.whole),
            *[c for c in claims if c.severity != "cosmetic"],
        ]
    if is_furniture(old.text) or is_furniture(new.text):
        claims = [replace(c, severity="cosmetic") for c in claims]
    return [replace(c, severity="cosmetic") if in_dateline(c, old, new) else c for c in claims]


def mark_terms(claims: list[Claim], terms: Iterable[str]) -> list[Claim]:
    patterns = [(t, re.compile(r"\b" + re.escape(t) + r"\b", re.I)) for t in terms if t.strip()]
    if not patterns:
        return claims
    marked = []
    for claim in claims:
        text = f"{claim.old or ''}\n{claim.new or ''}"
        hits = [t for t, p in patterns if p.search(text)]
        if hits and claim.severity != "cosmetic":
            detail = {**claim.detail, "terms": hits}
            claim = replace(claim, severity=raise_level(claim.severity), detail=detail)
        marked.append(claim)
    return marked
