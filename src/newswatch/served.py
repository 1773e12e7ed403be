"""Changes that come from how a page is served, not from its editors.

A live page (a live blog, rolling coverage) adds posts and lets the oldest scroll off its ends
by design. A text first seen behind a paywall gains its second half once the page is served in
full. Extraction takes a page's <h1> into its text on some layouts and not on others. Each
would otherwise read as sentences added or removed and alert on every visit: their claims are
kept, for the record and the review, but ranked down (``rank``). An edit inside kept text keeps
its full rank, and a watch term still raises a claim ranked ``low``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, NamedTuple

from newswatch.edits import LEVELS, Claim
from newswatch.walls import ends_at_wall, is_wall_line

if TYPE_CHECKING:
    from newswatch.diff import Comparison, Unit


class Served(NamedTuple):
    """Why a unit's claims are ranked down: ``detail[key] = why``, at most ``ceiling``."""

    key: str
    why: str
    ceiling: str = "low"


NEW_POST = Served("live", "new post")
SCROLLED_OFF = Served("live", "scrolled off")
PAST_THE_WALL = Served("paywall", "shown in full")
WALL_PROMPT = Served("paywall", "prompt", "cosmetic")
HEADLINE_LINE = Served("headline", "line", "cosmetic")


def served_units(
    comparison: Comparison, live: bool, headlines: tuple[str | None, str | None]
) -> dict[int, Served]:
    """The units (by index) whose change the page's serving made, and why."""
    found: dict[int, Served] = {}
    if live:
        found |= dict.fromkeys(_scrolled_off(comparison), SCROLLED_OFF)
        found |= dict.fromkeys(_new_posts(comparison), NEW_POST)
    found |= _wall_lifted(comparison)
    for index, unit in enumerate(comparison.units):
        if _headline_line(comparison, unit, headlines):
            found[index] = HEADLINE_LINE
    return found


def rank(claim: Claim, served: Served) -> Claim:
    severity = min(claim.severity, served.ceiling, key=LEVELS.index)
    return replace(claim, severity=severity, detail={**claim.detail, served.key: served.why})


def _new_posts(comparison: Comparison) -> list[int]:
    """The added units that are paragraphs of their own. A sentence added to a paragraph that
    was there before is an edit of a post, not a new one, and keeps its rank."""
    sentences = comparison.new_sentences
    old_paragraphs = {
        sentences[i].paragraph for u in comparison.units if u.kind != "added" for i in u.new
    }
    return [
        index
        for index, unit in enumerate(comparison.units)
        if unit.kind == "added"
        and not any(sentences[i].paragraph in old_paragraphs for i in unit.new)
    ]


def _scrolled_off(comparison: Comparison) -> list[int]:
    """The removed units at either end of the old text, before every sentence the new text kept
    or after them all (newest first or oldest first), that were paragraphs of their own: a
    sentence cut from a paragraph that stays is an edit. None when nothing was kept: that is a
    different page, not a page that moved on."""
    units = comparison.units
    kept = _kept(units)
    if not kept:
        return []
    sentences = comparison.old_sentences
    kept_paragraphs = {sentences[s].paragraph for k in kept for s in units[k].old}
    return [
        i
        for i, u in enumerate(units)
        if u.kind == "removed"
        and (i < kept[0] or i > kept[-1])
        and not any(sentences[s].paragraph in kept_paragraphs for s in u.old)
    ]


def _wall_lifted(comparison: Comparison) -> dict[int, Served]:
    """The old text stopped at a paywall's prompt (the article's first version, captured behind
    it) and the new one does not: the prompt's going is cosmetic, and what the new text adds
    after the last sentence the two share is the rest of the article, not new reporting."""
    old, new = comparison.old_text, comparison.new_text
    if not ends_at_wall(old) or ends_at_wall(new):
        return {}
    units = comparison.units
    kept = _kept(units)
    found: dict[int, Served] = {}
    for index, unit in enumerate(units):
        if unit.kind == "removed" and is_wall_line(comparison.old_slice(unit)[0]):
            found[index] = WALL_PROMPT
        elif unit.kind == "added" and (not kept or index > kept[-1]):
            found[index] = PAST_THE_WALL
    return found


def _kept(units: list[Unit]) -> list[int]:
    return [i for i, u in enumerate(units) if u.old and u.kind != "removed"]


def _headline_line(
    comparison: Comparison, unit: Unit, headlines: tuple[str | None, str | None]
) -> bool:
    """A line that is only the headline, come into or gone from the text (or moved in it).
    Nothing the article claims changed there; a headline edit is its own claim."""
    if unit.kind not in ("added", "removed", "moved"):
        return False
    text = (comparison.new_slice(unit) if unit.kind == "added" else comparison.old_slice(unit))[0]
    return bool(text) and any(text.strip() == (h or "").strip() for h in headlines)
