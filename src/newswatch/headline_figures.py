"""A figure a headline took in or dropped that its article's text states: the headline leads
with another part of the story, it does not change the figure ("Fares to rise 8% in January" ->
"Island passengers face higher fares"; "Dozens evacuated" -> "14 rescued" where the text says
both). A headline rounds ("half" for 52%) and dates by the day it is read ("tonight").
"""

from __future__ import annotations

import re

from newswatch import detectors as d
from newswatch.edits import WORD, Claim
from newswatch.figure_forms import vague_covers
from newswatch.headline_words import RELATIVE_DAY, SENTENCE_END, content, inflected
from newswatch.numbers import Figure, find_figures

# a figure someone expected, not the one that came: "economists had expected growth of 0.3%"
_FORECAST = re.compile(r"\b(?:expect\w*|forecast\w*|predict\w*|estimat\w*|target\w*)\b", re.I)


def figure_in_text(claim: Claim, context: d.Context) -> bool:
    """A figure the headline dropped or took in that the article's text states: the headline
    now leads with another part of the story ("Fares to rise 8% in January" -> "Island
    passengers face higher fares"), it does not change the figure."""
    values = [v for v in (claim.old_value, claim.new_value) if v]
    figures = [find_figures(v) for v in values]
    if not all(figures):
        return False
    if any(
        score.group(0).replace(" ", "") not in context.new_text.replace(" ", "")
        for score in d.SCORE.finditer(claim.new or "")
    ):
        return False  # a score the text does not give ("Rovers 2-1 City" -> "draw 1-1")
    if len(values) == 1 and RELATIVE_DAY.fullmatch(values[0]):
        return True  # "PM faces vote" -> "... tonight": the day the text dates, as the headline
    told = [f for line in context.new_text.split("\n") for f in find_figures(line)]
    if len(values) == 1:
        # ... or rounds, as a headline does: "cuts infections by half" where the text says 52%
        # (the figure read where it stands in the headline: "half" alone is no share)
        line, span = (claim.new, claim.new_span) if claim.new_value else (claim.old, claim.old_span)
        here = next((f for f in find_figures(line or "") if f.span == span), figures[0][0])
        return any(
            f.key == figures[0][0].key or _rounds(here, f) or vague_covers(here, f) for f in told
        )
    # a vague count made the count the text gives, or back ("Millions to wait longer" ->
    # "... affecting 10 million"): the same count told closer
    if any(
        vague_covers(one[0], two[0]) and any(f.key == two[0].key for f in told)
        for one, two in (figures, figures[::-1])
    ):
        return True
    # a figure changed into another where the text states both, each in a sentence with a
    # word of the new headline: the headline leads with another count of the story ("Dozens
    # evacuated" -> "14 rescued"), not with a forecast the text gives ("grows 0.2%" -> "grows
    # 0.3%" where economists had expected 0.3%)
    words = {d.stem(w) for w in content(claim.new or "")} - {
        d.stem(w) for v in values for w in WORD.findall(v)
    }
    return all(
        any(
            any(f.key == figure[0].key for f in find_figures(sentence))
            and _share_a_word(words, {d.stem(w) for w in content(sentence)})
            and not _FORECAST.search(sentence)
            for sentence in SENTENCE_END.split(context.new_text)
        )
        for figure in figures
    )


HEADLINE_POINTS = 3.0  # how far a headline rounds a share: 52% is "half"
HEADLINE_SHARE = 0.05  # ... and a count or a sum: "£4.2bn" is "£4bn"


def _rounds(headline: Figure, told: Figure) -> bool:
    """The headline's figure rounds the text's (the same kind, and close)."""
    if headline.kind != told.kind or headline.kind not in ("percent", "number", "money"):
        return False
    try:
        a, b = float(headline.value), float(told.value)
    except ValueError:
        return False
    if headline.kind == "percent":
        return abs(a - b) <= HEADLINE_POINTS
    return abs(a - b) <= HEADLINE_SHARE * max(abs(a), abs(b))


def _share_a_word(ours: set[str], theirs: set[str]) -> bool:
    """A stem in both, or one that is the other with a letter or two more ("seriously" and
    "serious" stem apart); not "economy" and "economist"."""
    return bool(ours & theirs) or any(
        inflected(a, b) or inflected(b, a) for a in ours for b in theirs
    )
