"""Compare two versions of an article: sentences aligned, words diffed, claims flagged.

``compare(old, new)`` is the contract the rest of newswatch relies on. It is pure (no I/O) and
every span it returns indexes the exact strings passed in.

How it works:
1. Each line of the text is a paragraph, split into sentences (``newswatch.sentences``).
2. Sentences that are identical in both versions are matched by a longest-common-subsequence
   pass (``difflib``, linear for typical edits). Between two matched runs, the remaining old and
   new sentences are paired by similarity (rapidfuzz ``ratio``, or ``token_set_ratio`` for a
   sentence that grew or lost a clause), keeping their order, when the similarity reaches
   ``EDIT_THRESHOLD``. Unpaired sentences are added or removed, unless the same
   sentence turns up elsewhere (moved), or a sentence was split in two or two were merged.
3. Inside an edited pair, a word-level diff from diff-match-patch (semantic clean-up, time limit).
4. ``newswatch.claims`` turns each unit into claim changes with a kind and a severity.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal

from newswatch.edits import WORD, Claim
from newswatch.number_words import WORD_NUMBERS
from newswatch.sentences import Sentence, split_sentences

# syntok, rapidfuzz and diff-match-patch are imported by the functions that compare texts, not
# with this module: a run in which nothing changed compares nothing (and rapidfuzz alone takes
# a tenth of a second to load). The claim modules load the same way, from here.

__all__ = ["Claim", "Comparison", "Sentence", "Unit", "align", "compare", "split_sentences"]

# Two sentences whose rapidfuzz ratio (0-100) reaches this are the same sentence, edited.
# 50 keeps a rewording of half a sentence together and lets unrelated sentences apart.
EDIT_THRESHOLD = 50.0
# A sentence that grew or shrank by a clause keeps its words: rapidfuzz's token_set_ratio,
# less this discount, also pairs it, when the two share at least SHARED_WORDS content words
# (so that a short sentence is not paired with any long one that happens to hold its words).
CLAUSE_DISCOUNT = 15.0
SHARED_WORDS = 3
# ... or all of them, when one of the two has only this many
SHORT_SENTENCE_WORDS = 2
MIN_SHORT_SENTENCE = 4  # words: a sentence, not a fragment ("Hartley Bay.")
# A removed and an added sentence this similar, in different places, are one moved sentence,
# perhaps edited on the way ("The toll rose to 12" moved down as "... to 15"): its edits are
# judged as an edited sentence's. At 95 a moved sentence with a word put in was a sentence
# removed and one added (medium) and the figure changed in it went unread.
MOVE_THRESHOLD = 80.0
DIFF_TIMEOUT_SECONDS = 0.2

UnitKind = Literal["unchanged", "edited", "added", "removed", "moved", "split", "merged"]
Op = Literal[-1, 0, 1]
SEVERITY_ORDER = ("none", "cosmetic", "low", "medium", "high")


@dataclass(frozen=True)
class Unit:
    """One aligned piece: which old and new sentences (by index) correspond."""

    kind: UnitKind
    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float = 100.0


@dataclass(frozen=True)
class Comparison:
    old_text: str
    new_text: str
    old_sentences: list[Sentence]
    new_sentences: list[Sentence]
    units: list[Unit]
    claims: list[Claim]
    word_edits: dict[int, list[tuple[int, str]]]  # unit index -> diff-match-patch ops

    @property
    def severity(self) -> str:
        return highest_severity(c.severity for c in self.claims)

    @property
    def changed(self) -> bool:
        return any(u.kind != "unchanged" for u in self.units) or bool(self.claims)

    def stats(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for unit in self.units:
            counts[unit.kind] = counts.get(unit.kind, 0) + 1
        counts["claims"] = len(self.claims)
        return counts

    def old_slice(self, unit: Unit) -> tuple[str, int]:
        """The old text a unit covers, and where it starts in ``old_text``."""
        return _slice(self.old_text, self.old_sentences, unit.old)

    def new_slice(self, unit: Unit) -> tuple[str, int]:
        return _slice(self.new_text, self.new_sentences, unit.new)


def _slice(text: str, sentences: list[Sentence], indices: tuple[int, ...]) -> tuple[str, int]:
    if not indices:
        return "", 0
    start, end = sentences[indices[0]].start, sentences[indices[-1]].end
    return text[start:end], start


def highest_severity(severities: object) -> str:
    best = "none"
    for severity in severities:  # type: ignore[attr-defined]
        if SEVERITY_ORDER.index(severity) > SEVERITY_ORDER.index(best):
            best = severity
    return best


# --- alignment ------------------------------------------------------------------------------


def _key(sentence: str) -> str:
    return " ".join(sentence.split())


def similarity(a: str, b: str) -> float:
    from rapidfuzz import fuzz

    return float(fuzz.ratio(a, b))


_FIGURE = re.compile(r"\d[\d,.]*\d|\d")


def _same_figures(old: str, new: str) -> bool:
    """Both sentences hold the same two figures or more, in digits or in words ("eight to
    three" -> "by eight votes to three")."""
    from newswatch.numbers import find_figures

    in_words = sum(w.lower() in WORD_NUMBERS for w in WORD.findall(old))
    if len(_FIGURE.findall(old)) + in_words < 2:
        return False  # (read cheaply first: most sentences hold fewer)
    figures = sorted(f.value for f in find_figures(old))
    return len(figures) >= 2 and figures == sorted(f.value for f in find_figures(new))


def _one_figure(old: str, new: str) -> bool:
    """Both sentences hold the same one figure, in digits (read cheaply first)."""
    from newswatch.numbers import find_figures

    if not _FIGURE.search(old) or not _FIGURE.search(new):
        return False
    figures = [f.value for f in find_figures(old)]
    return len(figures) == 1 and figures == [f.value for f in find_figures(new)]


def _pair_score(old: str, new: str) -> float:
    """Similarity of two sentences for pairing; a numbered clause keeps its identity, so two
    sentences that open with the same label ("Clause 7") pair even when rewritten."""
    from rapidfuzz import fuzz, utils

    from newswatch.claims import clause_label

    score = float(fuzz.ratio(old, new))
    words_old, words_new = _content_words(old), _content_words(new)
    # a short sentence shares all it has: "'We will appeal,' she said" -> "She said they would
    # appeal"
    shorter = min(len(words_old), len(words_new))
    whole = min(len(WORD.findall(old)), len(WORD.findall(new))) >= MIN_SHORT_SENTENCE
    shared_enough = shorter if shorter == SHORT_SENTENCE_WORDS and whole else SHARED_WORDS
    if len(words_old & words_new) >= shared_enough:
        score = max(score, fuzz.token_set_ratio(old, new) - CLAUSE_DISCOUNT)
        if score < EDIT_THRESHOLD:
            # a sentence recast moves its first word and its full stop ("The plant closed
            # because of falling demand" -> "Falling demand led to the plant's closure"): its
            # words compared in lower case and without stops
            words = fuzz.token_set_ratio(old, new, processor=utils.default_process)
            score = words - CLAUSE_DISCOUNT
    if score < EDIT_THRESHOLD and len(words_old & words_new) >= 2 and _one_figure(old, new):
        # a sentence recast around its one figure and two of its words ("Vacancies fell for the
        # 18th month in a row" -> "Vacancies have now fallen for 18 consecutive months")
        score = EDIT_THRESHOLD
    if score < EDIT_THRESHOLD and words_old & words_new and _same_figures(old, new):
        # a sentence recast around the same figures ("Councillors voted 45 to 20 for the
        # budget" -> "The budget was approved by 45 votes to 20")
        score = EDIT_THRESHOLD
    said = words_old - _DENIALS
    if score < EDIT_THRESHOLD and said and said == words_new - _DENIALS:
        # the same content words, recast around them ("Nobody was injured" -> "There were no
        # injuries"): what differs is in the small words, which the claim rules read
        score = EDIT_THRESHOLD
    label_old, label_new = clause_label(old), clause_label(new)
    if label_old and label_old == label_new:
        score = max(score, EDIT_THRESHOLD)
    elif label_old and label_new:
        score -= 15  # different clauses: only a near-identical text pairs them
    return score if score >= EDIT_THRESHOLD else 0.0


# words that deny, compared by the claim rules rather than by pairing
_DENIALS = frozenset({"nobody", "none", "nothing", "never", "neither", "nor"})


@lru_cache(maxsize=16384)
def _content_words(sentence: str) -> frozenset[str]:
    from newswatch.detectors import stem
    from newswatch.wording import is_content

    return frozenset(stem(w) for w in WORD.findall(sentence) if is_content(w))


def _align_gap(old: list[str], new: list[str], oi: list[int], ni: list[int]) -> list[Unit]:
    """Pair sentences of one gap by similarity, in order (a small Needleman-Wunsch)."""
    if not oi or not ni:
        return [Unit("removed", (i,), ()) for i in oi] + [Unit("added", (), (j,)) for j in ni]
    scores = [[_pair_score(old[i], new[j]) for j in ni] for i in oi]
    rows, cols = len(oi), len(ni)
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for r in range(rows - 1, -1, -1):
        for c in range(cols - 1, -1, -1):
            take = best[r + 1][c + 1] + scores[r][c] if scores[r][c] >= EDIT_THRESHOLD else -1.0
            best[r][c] = max(take, best[r + 1][c], best[r][c + 1])
    units: list[Unit] = []
    r = c = 0
    while r < rows and c < cols:
        score = float(scores[r][c])
        if score >= EDIT_THRESHOLD and best[r][c] == best[r + 1][c + 1] + score:
            units.append(Unit("edited", (oi[r],), (ni[c],), score))
            r, c = r + 1, c + 1
        elif best[r][c] == best[r + 1][c]:
            units.append(Unit("removed", (oi[r],), ()))
            r += 1
        else:
            units.append(Unit("added", (), (ni[c],)))
            c += 1
    units += [Unit("removed", (i,), ()) for i in oi[r:]]
    units += [Unit("added", (), (j,)) for j in ni[c:]]
    return _splits_and_merges(units, old, new)


def _splits_and_merges(units: list[Unit], old: list[str], new: list[str]) -> list[Unit]:
    """An edited pair beside an added (removed) sentence may really be a split (merge): join the
    neighbour in reading order and keep the join when it matches clearly better."""
    out = list(units)
    i = 0
    while i < len(out):
        unit = out[i]
        if unit.kind != "edited":
            i += 1
            continue
        best: tuple[float, int, Unit] | None = None
        # judged on the plain ratio: a part of a split sentence is a subset of it, and the
        # token-set score that paired them would hide that the whole matches better
        base = similarity(old[unit.old[0]], new[unit.new[0]])
        for j in (i - 1, i + 1):
            if not 0 <= j < len(out) or out[j].kind not in ("added", "removed"):
                continue
            other = out[j]
            if other.kind == "added":
                parts = other.new + unit.new if j < i else unit.new + other.new
                score = similarity(old[unit.old[0]], " ".join(new[k] for k in parts))
                candidate = Unit("split", unit.old, parts, score)
            else:
                parts = other.old + unit.old if j < i else unit.old + other.old
                score = similarity(" ".join(old[k] for k in parts), new[unit.new[0]])
                candidate = Unit("merged", parts, unit.new, score)
            clearly_better = score > base + 5 and score >= EDIT_THRESHOLD + 15
            if clearly_better and (best is None or score > best[0]):
                best = (score, j, candidate)
        if best is None:
            i += 1
            continue
        _, j, candidate = best
        out[min(i, j)] = candidate
        del out[max(i, j)]
        i = min(i, j) + 1
    return out


def _find_moves(units: list[Unit], old: list[str], new: list[str]) -> list[Unit]:
    removed = [k for k, u in enumerate(units) if u.kind == "removed"]
    added = [k for k, u in enumerate(units) if u.kind == "added"]
    if not removed or not added:
        return units
    taken: set[int] = set()
    replaced: dict[int, Unit] = {}
    for k in removed:
        text = old[units[k].old[0]]
        for a in added:
            if a in taken:
                continue
            score = similarity(text, new[units[a].new[0]])
            if score >= MOVE_THRESHOLD:
                replaced[k] = Unit("moved", units[k].old, units[a].new, score)
                taken.add(a)
                break
    return [replaced.get(k, u) for k, u in enumerate(units) if k not in taken]


def align(old: list[str], new: list[str]) -> list[Unit]:
    """Every old and every new sentence index appears in exactly one unit."""
    matcher = SequenceMatcher(None, [_key(s) for s in old], [_key(s) for s in new], autojunk=False)
    units: list[Unit] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            units.extend(Unit("unchanged", (i1 + k,), (j1 + k,)) for k in range(i2 - i1))
        else:
            units.extend(_align_gap(old, new, list(range(i1, i2)), list(range(j1, j2))))
    return _find_moves(units, old, new)


# --- words ----------------------------------------------------------------------------------

_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


def word_diff(a: str, b: str, *, semantic: bool = True) -> list[tuple[int, str]]:
    """Word-level diff: ``[(op, text)]`` with op -1 removed, 0 kept, 1 added.

    ``semantic`` merges nearby changes into readable chunks (for people); without it each
    change stays as small as it is (for the claim detectors)."""
    vocabulary: dict[str, str] = {}

    def encode(text: str) -> str:
        out = []
        for token in _TOKEN.findall(text):
            if token not in vocabulary:
                vocabulary[token] = (
                    chr(0xE000 + len(vocabulary))
                    if len(vocabulary) < 6400
                    else (chr(0xF0000 + len(vocabulary)))
                )
            out.append(vocabulary[token])
        return "".join(out)

    from diff_match_patch import diff_match_patch

    engine = diff_match_patch()
    engine.Diff_Timeout = DIFF_TIMEOUT_SECONDS
    ea, eb = encode(a), encode(b)
    decode = {v: k for k, v in vocabulary.items()}
    diffs = engine.diff_main(ea, eb, False)
    # Clean up on the encoded form, where one character is one word, so that no boundary
    # ever moves inside a word ("feel" -> "feeling" stays a word change, not "+ing").
    if semantic:
        engine.diff_cleanupSemantic(diffs)
    return [(int(op), "".join(decode[ch] for ch in text)) for op, text in diffs if text]


def inline_markdown(diffs: list[tuple[int, str]]) -> str:
    """``~~removed~~ **added**``: the inline diff every Prefect UI renders."""
    parts: list[str] = []
    previous = 0
    for op, text in diffs:
        stripped = text.strip()
        if op == 0:
            parts.append(escape_markdown(text))
        elif stripped:
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            if op == 1 and previous == -1 and not lead and parts and not parts[-1][-1:].isspace():
                lead = " "  # keep "~~old~~ **new**" readable when the two touch
            mark = "~~" if op == -1 else "**"
            parts.append(f"{lead}{mark}{escape_markdown(stripped)}{mark}{trail}")
        previous = op
    return "".join(parts)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


def escape_markdown(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


# --- the contract ---------------------------------------------------------------------------


def compare(
    old: str,
    new: str,
    *,
    old_headline: str | None = None,
    new_headline: str | None = None,
    terms: tuple[str, ...] = (),
    live: bool = False,
) -> Comparison:
    """Compare two article texts. Headlines, when given, are compared too; a headline claim's
    spans index the headline strings. ``live``: the new text is a live page, whose new posts and
    posts scrolled off its end do not rank above ``low``."""
    from newswatch.claims import claims_for

    aligned = aligned_texts(old, new)
    return replace(aligned, claims=claims_for(aligned, old_headline, new_headline, terms, live))


# A change is compared when it is recorded (perhaps in an extraction process), then again for its
# review artifact and its alert email, in the same run: the alignment (sentences, pairs, word
# edits) of the latest pairs of texts is kept. A batch reviews its changes after recording all
# of them, and edits come in clusters (the articles that just changed are checked first), so
# this holds a whole batch of changes: 256, about 50 KB each for a 1,500-word article. Callers
# read a Comparison, never change it.
ALIGNED_KEPT = 256
_aligned: OrderedDict[tuple[str, str], Comparison] = OrderedDict()
_aligned_lock = threading.Lock()


def aligned_texts(old: str, new: str) -> Comparison:
    """The sentences of both texts, how they pair up and the word edits inside each pair,
    without claims (``compare`` adds them)."""
    with _aligned_lock:
        kept = _aligned.get((old, new))
        if kept is not None:
            _aligned.move_to_end((old, new))
            return kept
    return remember_alignment(_align(old, new))


def remember_alignment(comparison: Comparison) -> Comparison:
    """Keep a comparison's alignment (made here or in another process) for the next caller."""
    aligned = replace(comparison, claims=[]) if comparison.claims else comparison
    with _aligned_lock:
        _aligned[(aligned.old_text, aligned.new_text)] = aligned
        _aligned.move_to_end((aligned.old_text, aligned.new_text))
        while len(_aligned) > ALIGNED_KEPT:
            _aligned.popitem(last=False)
    return aligned


def forget_alignments() -> None:
    """Empty the alignment cache (for benchmarks that time a first comparison)."""
    with _aligned_lock:
        _aligned.clear()


def _align(old: str, new: str) -> Comparison:
    old_sentences = split_sentences(old)
    new_sentences = split_sentences(new)
    units = align([s.text for s in old_sentences], [s.text for s in new_sentences])
    order = {
        id(u): (u.new[0] if u.new else _after(u, units), u.old[0] if u.old else -1) for u in units
    }
    units.sort(key=lambda u: order[id(u)])
    word_edits: dict[int, list[tuple[int, str]]] = {}
    comparison = Comparison(old, new, old_sentences, new_sentences, units, [], word_edits)
    for index, unit in enumerate(units):
        if unit.kind in ("edited", "split", "merged"):
            word_edits[index] = word_diff(
                comparison.old_slice(unit)[0], comparison.new_slice(unit)[0]
            )
    return comparison


def _after(unit: Unit, units: list[Unit]) -> float:
    """Where a removed sentence sits among new sentences: just after its old predecessor."""
    old_index = unit.old[0]
    best = -0.5
    for other in units:
        if other.new and other.old and other.old[-1] < old_index:
            best = max(best, other.new[-1] + 0.5)
    return best
