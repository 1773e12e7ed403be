"""Quotes in an edited sentence pair: a quote's words changed, a quote put in or taken out, or
one quote put for another. A quote is the speaker's own words, so any word changed inside it
counts (a contraction spelt out does not: "It's" and "It is" are one quote); who said it is
``sourcing``'s.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz import fuzz

from newswatch.context import stem
from newswatch.detectors import WordingTest
from newswatch.edits import FUNCTION_WORDS, WORD, Claim, Pair, Side
from newswatch.sourcing import QUOTE, speaker


def quoted(side: Side, text: str = "") -> list[tuple[str, tuple[int, int]]]:
    """The quotes of a sentence, with their spans in it. ``text``, the article the sentence is
    in, tells where a quote runs over several sentences: a sentence that opens inside one has
    its words up to the closing mark quoted, one that ends inside one its words after the
    opening mark."""
    start = text.rfind("\n", 0, side.offset) + 1
    end = text.find("\n", side.offset)
    paragraph = text[start : end if end >= 0 else len(text)]
    # only where the paragraph's marks pair up: a stray mark would quote all that follows it
    balanced = bool(text) and paragraph.count('"') % 2 == 0
    inside = balanced and text.count('"', start, side.offset) % 2 == 1
    text_here = side.text
    if inside and text_here.lstrip().startswith('"'):
        # the mark the sentence opens with closes the quote before it (French spacing puts it
        # after the full stop: 'manquent. " Il ajoute'): nothing of this sentence is inside
        at = text_here.index('"')
        text_here, inside = text_here[:at] + " " + text_here[at + 1 :], False
    marked = ('"' if inside else "") + text_here
    if balanced and marked.count('"') % 2 == 1:
        marked += '"'
    shift = 1 if inside else 0
    return [
        (m.group(1), (m.start(1) - shift, min(len(side.text), m.end(1) - shift)))
        for m in QUOTE.finditer(marked)
    ]


def quote_claims(
    pair: Pair, wording_changed: WordingTest, old_text: str = "", new_text: str = ""
) -> list[Claim]:
    """Words inside quotation marks changed, or a quote appeared or vanished. ``old_text`` and
    ``new_text``: the articles, for quotes that run over several sentences.

    ``wording_changed(removed, added)`` tells whether a change of words is more than cosmetic.
    """
    a = quoted(pair.old, old_text)
    b = quoted(pair.new, new_text)
    if [q for q, _ in a] == [q for q, _ in b]:
        return []
    who = speaker(pair.new.text) or speaker(pair.old.text)
    claims: list[Claim] = []
    unmatched = list(b)
    for quote, span in a:
        same = next((x for x in unmatched if x[0] == quote), None)
        if same is not None:
            unmatched.remove(same)
            continue
        best = max(unmatched, key=lambda x: fuzz.ratio(quote, x[0]), default=None)
        if best is not None and fuzz.ratio(quote, best[0]) >= 50:
            unmatched.remove(best)
            changed = _changed_within(quote, best[0], wording_changed)
            if changed is not None:
                (a0, a1), (b0, b1) = changed
                old_span = pair.old.span(span[0] + a0, span[0] + a1)
                new_span = pair.new.span(best[1][0] + b0, best[1][0] + b1)
                claims.append(_quote_claim(pair, quote, best[0], old_span, new_span, who))
        elif not _said_before(quote, pair.new.text) and not _quoted_in(quote, new_text):
            spans = pair.old.span(*span), pair.new_span_for_old(*span)
            claim = _quote_claim(pair, quote, None, *spans, who, vanished=True)
            claims.append(_as_reported(claim) if _reported(quote, pair.new.text) else claim)
    for quote, span in unmatched:
        if _said_before(quote, pair.old.text):
            continue  # the words were there already; the quotation marks are new, and the
            # rewording rules judge any words that changed
        if _quoted_in(quote, old_text):
            continue  # the same quote, moved from another sentence
        spans = pair.old_span_for_new(*span), pair.new.span(*span)
        claim = _quote_claim(pair, None, quote, *spans, who, appeared=True)
        claims.append(_as_reported(claim) if _reported(quote, pair.old.text) else claim)
    return _one_quote_for_another(claims)


def _quote_claim(
    pair: Pair,
    old: str | None,
    new: str | None,
    old_span: tuple[int, int],
    new_span: tuple[int, int],
    who: str | None,
    **flags: bool,
) -> Claim:
    """A quote changed, or (``vanished``, ``appeared``) one only a side has, with its speaker."""
    detail: dict[str, object] = {"speaker": who, **flags}
    # French marks stand apart from the words they quote: "« Nous allons faire appel »"
    old, new = (value.strip() if value else value for value in (old, new))
    return Claim("quote", "medium", pair.old.text, pair.new.text, old, new, old_span, new_span,
                 detail)  # fmt: skip


def _one_quote_for_another(claims: list[Claim]) -> list[Claim]:
    """One quote gone and one come in the same sentence: the quote was changed ("painful but
    necessary" -> "difficult"), one claim rather than two."""
    gone = [c for c in claims if c.detail.get("vanished")]
    came = [c for c in claims if c.detail.get("appeared")]
    if len(gone) != 1 or len(came) != 1:
        return claims
    old, new = gone[0], came[0]
    changed = Claim(
        "quote",
        "medium",
        old.old,
        old.new,
        old.old_value,
        new.new_value,
        old.old_span,
        new.new_span,
        {"speaker": new.detail.get("speaker")},
    )
    return [c for c in claims if c is not old and c is not new] + [changed]


def _changed_within(
    old: str, new: str, wording_changed: WordingTest
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Where the quote's words changed for real (not only case, spelling or punctuation), as
    spans inside the old and the new quote; None when nothing did."""
    from newswatch.diff import word_diff
    from newswatch.edits import hunks

    if _uncontracted(old) == _uncontracted(new):
        return None  # "It's" -> "It is": the same words, spelt out
    real = [
        h
        for h in hunks(word_diff(old, new, semantic=False))
        if wording_changed(_BRACKETED.sub(" ", h.removed), _BRACKETED.sub(" ", h.added))
    ]
    if not real:
        return None
    return ((real[0].old_start, real[-1].old_end), (real[0].new_start, real[-1].new_end))


# the paper's words set into a quote in square brackets: "They [the government] let us down"
_BRACKETED = re.compile(r"\[[^\]\n]{1,60}\]")


# contractions spelt out: "it's" is "it is", "won't" "will not" ("'s" after a name is whose)
_CONTRACTIONS = (
    (re.compile(r"\b(can)'t\b|\bcannot\b", re.I), "can not"),
    (re.compile(r"\b(won)'t\b", re.I), "will not"),
    (re.compile(r"n't\b", re.I), " not"),
    (re.compile(r"\b(it|that|there|here|what|who|he|she|where)'s\b", re.I), r"\1 is"),
    (re.compile(r"'re\b", re.I), " are"),
    (re.compile(r"'m\b", re.I), " am"),
    (re.compile(r"'ve\b", re.I), " have"),
    (re.compile(r"'ll\b", re.I), " will"),
    (re.compile(r"'d\b", re.I), " would"),
    # speech as spoken, written out: "gonna" is "going to"
    (re.compile(r"\bgonna\b", re.I), "going to"),
    (re.compile(r"\bwanna\b", re.I), "want to"),
    (re.compile(r"\bgotta\b", re.I), "got to"),
    (re.compile(r"\bkinda\b", re.I), "kind of"),
    (re.compile(r"\bsorta\b", re.I), "sort of"),
    (re.compile(r"\bdunno\b", re.I), "do not know"),
    (re.compile(r"(?<!\w)(?:'cause|cos|cuz)\b", re.I), "because"),
)


def _uncontracted(text: str) -> str:
    text = text.replace("’", "'")
    for pattern, spelt in _CONTRACTIONS:
        text = pattern.sub(spelt, text)
    return " ".join(text.lower().split())


def in_moved_quote(sentence: str, span: tuple[int, int], other_article: str) -> bool:
    """``span`` of ``sentence`` lies inside a quote that the other version of the article has
    too, in another sentence: it moved with the quote."""
    return any(
        m.start(1) <= span[0] and span[1] <= m.end(1) and _quoted_in(m.group(1), other_article)
        for m in QUOTE.finditer(sentence)
    )


def _quoted_in(quote: str, article: str) -> bool:
    """The article quotes the same words somewhere (a quote moved to another sentence)."""
    words = _normal(quote)
    return bool(words) and any(_normal(m.group(1)) == words for m in QUOTE.finditer(article))


MIN_REPORTED_WORDS = 3  # a clause, not a word or two that could stand anywhere
PARAPHRASED_WORDS = 6
PARAPHRASED_SHARE = 2 / 3


def _reported(quote: str, sentence: str) -> bool:
    """Every content word of the quote stands in the other sentence, as reported speech: "'The
    firm acted unlawfully,' the judge said" -> "The judge said the firm had acted unlawfully"."""
    every = _normal(quote).split()
    words = {w for w in every if w not in FUNCTION_WORDS}
    if len(every) < MIN_REPORTED_WORDS or not words:
        return False
    told = set(_normal(sentence).split())
    if words <= told:
        return True
    # a long quote retold in the reporter's words, most of its words kept: "'... and make sure
    # this never happens again,' the firm said" -> "... and prevent it happening again"
    kept = {stem(w) for w in words} & {stem(w) for w in told}
    return len(words) >= PARAPHRASED_WORDS and len(kept) >= PARAPHRASED_SHARE * len(words)


def _as_reported(claim: Claim) -> Claim:
    """A quote told as reported speech, or back, in the same words: shown, not alerted."""
    return replace(claim, severity="low", detail={**claim.detail, "reported": True})


def _said_before(quote: str, sentence: str) -> bool:
    """The quote's words stand, nearly all and in order, in the other sentence (a long quote
    only: a short one is a few words that could stand anywhere)."""
    q, other = _normal(quote), _normal(sentence)
    if q in other:
        return True
    return len(q.split()) >= 8 and fuzz.partial_ratio(q, other) >= 85


def _normal(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))
