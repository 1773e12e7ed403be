"""Sentences of an article's text, with their offsets: each line a paragraph, each paragraph
split by syntok (which knows abbreviations, initials, decimals and quotations), or by a shortcut
for plain sentences that gives the same spans at a seventh of the cost. Spans are cached by
paragraph, so an unchanged paragraph is segmented once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    paragraph: int


# Segmenting is most of the cost of a comparison, and a run compares each changed article twice
# (when recording the change, then for its review): the cache must outlast a run's comparisons,
# about 35 paragraphs per changed article. 32,768 paragraphs is at most ~20 MB.
@lru_cache(maxsize=32768)
def paragraph_spans(paragraph: str) -> tuple[tuple[int, int], ...]:
    plain = plain_spans(paragraph)
    if plain is not None:
        return plain
    import syntok.segmenter as syntok

    spans: list[tuple[int, int]] = []
    for para in syntok.analyze(paragraph):
        for sentence in para:
            tokens = list(sentence)
            if not tokens:
                continue
            start = tokens[0].offset
            end = min(len(paragraph), tokens[-1].offset + len(tokens[-1].value))
            if paragraph[start:end].strip():
                if spans and _TITLE_AT_END.search(paragraph, spans[-1][0], spans[-1][1]):
                    spans[-1] = (spans[-1][0], end)  # "Gov." opens a name, not a sentence end
                elif (
                    spans
                    and paragraph[start] == "("
                    and not _ENDED.search(paragraph, spans[-1][0], spans[-1][1])
                ):
                    # "the closure of Bing Dian (Freezing Point ), a newspaper": the segmenter
                    # breaks before a bracket closed after a space; no sentence ended there
                    spans[-1] = (spans[-1][0], end)
                else:
                    spans.append((start, end))
    return tuple(spans)


# a sentence's last character when it ends
_ENDED = re.compile(r"[.!?…\"'”’)\]:;]\s*$")


# A paragraph of plain sentences is split without the segmenter: one sentence with no stop,
# bracket, colon or semicolon inside (a number's point aside), or several, each ended by ".", "!"
# or "?" after a word of three letters or more that is no abbreviation or title (or after a
# number that does not open the sentence) and followed by a capital that opens no month. The
# spans are the segmenter's own: on 8,972 paragraphs (real pages in five languages, the dev set,
# our claim cases) not one differed, and tests/test_sentences.py checks them against it. Segmenting
# is most of an edited article's comparison, about a millisecond a paragraph, and 43 % of real
# pages' text is plain. Anything else goes to the segmenter.
_PLAIN_BREAK = re.compile(
    r"(?<![\w.,])([^\W\d_][^\W\d_A-Z]{2,}|\d+)[.!?]['\"”’]?(\s+)['\"“‘]?(?=([^\W\d_]\w*))"
)
_NOT_PLAIN = re.compile(r"(?<!\d)\.|\.(?!\d)|[!?…。！？;:()\[\]]")
_SENTENCE_END = ".!?…\"')]”’ "


def plain_spans(paragraph: str) -> tuple[tuple[int, int], ...] | None:
    """The sentences of a paragraph of plain sentences, or None for the segmenter to find."""
    cuts: list[int] = []
    for match in _PLAIN_BREAK.finditer(paragraph):
        word, following = match.group(1), match.group(3)
        if not following[0].isupper():
            return None  # "5 p.m. on Friday", "bzw. beauty": the segmenter decides
        if word in _abbreviations() or following in _abbreviations():
            return None  # "approx. 40", "on 4. Sept"
        if _TITLE_AT_END.search(word + "."):
            return None  # "Gov. Maria Delgado": one sentence, as below
        if not paragraph[cuts[-1] if cuts else 0 : match.start()].strip():
            return None  # a list's number ("2. Sam Ponder"): the segmenter keeps it
        cuts.append(match.start(2))
    spans: list[tuple[int, int]] = []
    start = 0
    for end in [*cuts, len(paragraph)]:
        piece = paragraph[start:end]
        text = piece.strip()
        body = text.rstrip(_SENTENCE_END)
        if not body or _NOT_PLAIN.search(body) or any(c.isspace() for c in text[len(body) :]):
            return None
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, start + len(piece.rstrip())))
        start = end
    return tuple(spans)


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """The words the segmenter reads as abbreviations before a stop ("bzw.", "approx.")."""
    from syntok._segmentation_states import State

    return frozenset(State.abbreviations | State.months)


# Titles that US wire copy abbreviates before a name ("Gov. Maria Delgado", "Det. Sgt. Ann
# Cole"), which the segmenter reads as a sentence's end; a title never ends one
_TITLE_AT_END = re.compile(
    r"(?<![\w.])(?:Gov|Govs|Rep|Reps|Sen|Sens|Lt|Det|Sgt|Atty|Supt|Insp|Pres|Dep|Asst|Cpl|Pvt|"
    r"Spc|Adm|Cmdr|Maj|Brig|Rev|Hon|Amb|Sec|Msgr|Fr|Gen|Gens|Capt|Col|Ald|Supv|Cmsr|Commr)\.$"
)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with offsets into ``text``; each line is a paragraph of its own."""
    sentences: list[Sentence] = []
    offset = 0
    for number, line in enumerate(text.split("\n")):
        if line.strip():
            for start, end in paragraph_spans(line):
                sentences.append(Sentence(line[start:end], offset + start, offset + end, number))
        offset += len(line) + 1
    return sentences
