"""A figure in a move: the level a thing reached, or how far it moved.

"Unemployment rose to 5%" and "Unemployment rose by 5%" (or "rose 5%") keep every figure and
tell two facts: the rate now, and a rise of five points or of a twentieth. ``role_claim``
reads that swap of "to" for "by". ``share_move_restated`` reads the other way a move is told
again, not changed: its size as a share of the start ("fell 10% to £90m") or as a sum ("fell
£10m to £90m"), the arithmetic agreeing.
"""

from __future__ import annotations

import re

from newswatch.edits import Claim, Pair
from newswatch.numbers import Figure, find_figures

# a verb of a move, and the words between it and its figure
_MOVE_VERB = re.compile(
    r"\b(?:rose|rise|rises|risen|rising|fell|fall|falls|fallen|falling|increased|increases|"
    r"decreased|decreases|grew|grow|grows|climbed|climbs|dropped|drops|jumped|jumps|slipped|"
    r"slips|cut|cuts|raised|raises|lowered|lowers|reduced|reduces|went up|went down|"
    r"was up|was down|were up|were down|is up|is down|are up|are down)"
    r"\s+(?:(?:about|around|nearly|almost|some|roughly)\s+)?(?P<word>to\s+|by\s+)?$",
    re.I,
)
_KINDS = frozenset({"percent", "money", "number", "points"})


def _role(figure: Figure, text: str) -> str | None:
    """ "to" for the level a move reached, "by" for its size ("rose 5%" is "rose by 5%"), or
    None where no verb of a move stands just before the figure."""
    found = _MOVE_VERB.search(text[max(0, figure.span[0] - 60) : figure.span[0]])
    if found is None:
        return None
    return "to" if (found.group("word") or "").strip().lower() == "to" else "by"


def role_claim(pair: Pair) -> Claim | None:
    """A figure both sentences give once, after a verb of a move, made the level reached from
    the size of the move, or back: "rose to 5%" -> "rose by 5%"."""
    olds, news = find_figures(pair.old.text), find_figures(pair.new.text)
    for old in olds:
        if old.kind not in _KINDS:
            continue
        same = [f for f in news if f.key == old.key]
        if len(same) != 1 or sum(f.key == old.key for f in olds) != 1:
            continue
        new = same[0]
        was, now = _role(old, pair.old.text), _role(new, pair.new.text)
        if was is None or now is None or was == now:
            continue
        return Claim(
            "fact",
            "high",
            pair.old.text,
            pair.new.text,
            f"{was} {old.surface}",
            f"{now} {new.surface}",
            pair.old.span(*old.span),
            pair.new.span(*new.span),
            {"move": True},
        )
    return None


SHARE_SLACK = 0.05  # a share and a sum are both rounded: "10%" of a fall of 9.7%


def share_move_restated(old: Figure, new: Figure, pair: Pair) -> bool:
    """A move's size told as a share of its start, then as a sum, to the same end: "fell 10% to
    £90m" -> "fell £10m to £90m" (£90m is 90% of £100m)."""
    for (share, text), (size, other) in (
        ((old, pair.old.text), (new, pair.new.text)),
        ((new, pair.new.text), (old, pair.old.text)),
    ):
        if share.kind != "percent" or size.kind not in ("money", "number"):
            continue
        end = _end_after(share, text)
        told = _end_after(size, other)
        if end is None or told is None or end.key != told.key:
            continue
        try:
            p, moved, level = float(share.value), float(size.value), float(end.value)
        except ValueError:
            continue
        for start in (level / (1 - p / 100) if p < 100 else None, level / (1 + p / 100)):
            if start and abs(abs(start - level) - moved) <= SHARE_SLACK * moved:
                return True
    return False


def _end_after(figure: Figure, text: str) -> Figure | None:
    """The figure after "to" just after ``figure``: the level a move reached."""
    to = re.match(r"\s+to\s+", text[figure.span[1] :])
    if to is None:
        return None
    at = figure.span[1] + to.end()
    return next((f for f in find_figures(text) if f.span[0] == at), None)
