"""What a reviewer reads: one report per change, rendered as the Prefect artifact markdown.

The same ``ChangeReport`` feeds the alert email and the CLI, so all three say the same thing.
Prefect's UIs render tables, **bold** and ``~~strike~~`` but no colours, so the inline diff is
``~~removed~~ **added**`` with a Before | After table per changed sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from newswatch import models as m
from newswatch.diff import Comparison, aligned_texts, escape_markdown, inline_markdown

KIND_LABELS = {
    "number": "Figure",
    "negation": "Negation",
    "fact": "Key fact",
    "quote": "Quote",
    "entity": "Name",
    "attribution": "Attribution",
    "hedge": "Hedge",
    "added": "Sentence added",
    "removed": "Sentence removed",
    "moved": "Sentence moved",
    "headline": "Headline",
    "reworded": "Reworded",
    "cosmetic": "Cosmetic",
}

# A sentence added or removed by the page's serving, by why it was (newswatch.served)
SERVED_LABELS = {
    ("live", "new post"): "New live post",
    ("live", "scrolled off"): "Live post scrolled off",
    ("paywall", "shown in full"): "Shown past a paywall",
    ("paywall", "prompt"): "Paywall prompt",
    ("caption", "picture added"): "Picture added",
    ("caption", "picture removed"): "Picture removed",
    ("note", "correction added"): "Correction note added",
    ("note", "correction removed"): "Correction note removed",
}
EXTRACTION_LABEL = "Extraction changed, not the page"
FIGURE_LABELS = {
    "date": "Date",
    "time": "Time",
    "percent": "Percentage",
    "points": "Points",
    "temperature": "Temperature",
    "money": "Amount",
    "ordinal": "Ordinal",
    "duration": "Length of time",
}


@dataclass(frozen=True)
class ClaimView:
    kind: str
    severity: str
    old_value: str | None
    new_value: str | None
    old_sentence: str | None
    new_sentence: str | None
    detail: dict[str, object] = field(default_factory=dict)

    @property
    def label(self) -> str:
        if self.detail.get("extraction") == "changed":  # newswatch.reread
            return EXTRACTION_LABEL
        if self.kind == "number" and self.detail.get("conversion"):
            return "Conversion"  # "(75 mph)": the figure before it given in other units
        if self.kind == "number" and self.detail.get("rounded"):
            return "Rounded"  # "64.2%" -> "64%": the same figure, less precise
        if self.kind == "number" and self.detail.get("renumbered"):
            return "Renumbered"  # "4. Elections ..." -> "3. Elections ...": an item before it went
        if self.kind == "number":
            return FIGURE_LABELS.get(str(self.detail.get("figure")), "Figure")
        if self.detail.get("cause"):
            return "Cause"  # "abandoned" -> "abandoned due to heavy rain" (newswatch.qualifiers)
        if self.detail.get("funding"):
            return "Funding"  # ", funded by the drinks industry," cut (newswatch.qualifiers)
        if self.detail.get("condition"):
            return "Condition"  # "will go ahead" -> "will go ahead unless talks succeed"
        if self.detail.get("exception"):
            return "Exception"  # "all workers" -> "all workers except the self-employed"
        if self.detail.get("scope"):
            return "Reach"  # "all new cars" -> "all new petrol cars" (newswatch.scope)
        if self.detail.get("tense"):
            return "Done or to come"  # "has been charged" -> "will be charged"
        if self.detail.get("swapped"):
            return "Roles swapped"  # "City beat Rovers" -> "Rovers beat City"
        if self.detail.get("detail") in ("added", "removed"):  # newswatch.wording
            return f"Detail {self.detail['detail']}"  # "resigned" -> "resigned over the row"
        if self.detail.get("item") in ("added", "removed"):  # newswatch.lists
            return f"Item {'added to' if self.detail['item'] == 'added' else 'removed from'} a list"
        if self.kind in ("added", "removed"):
            for (key, why), label in SERVED_LABELS.items():
                if self.detail.get(key) == why:
                    return label
        return KIND_LABELS.get(self.kind, self.kind)

    def as_dict(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "severity": self.severity,
            "old": self.old_value,
            "new": self.new_value,
            "old_sentence": self.old_sentence,
            "new_sentence": self.new_sentence,
            **({"detail": self.detail} if self.detail else {}),
        }


@dataclass(frozen=True)
class ChangeReport:
    change_id: int
    article_id: int
    url: str
    source: str | None
    old_number: int
    new_number: int
    old_headline: str
    new_headline: str
    detected_at: datetime
    severity: str
    silent: bool
    claims: list[ClaimView]
    comparison: Comparison
    artifact_key: str
    verdict: str | None = None
    verdict_note: str | None = None
    timeline: list[tuple[int, datetime, str]] = field(default_factory=list)  # every version

    @property
    def headline(self) -> str:
        return self.new_headline or self.old_headline

    def as_dict(self) -> dict[str, object]:
        return {
            "change_id": self.change_id,
            "url": self.url,
            "source": self.source,
            "headline": self.headline,
            "from_version": self.old_number,
            "to_version": self.new_number,
            "detected_at": self.detected_at.isoformat(),
            "severity": self.severity,
            "silent": self.silent,
            "verdict": self.verdict,
            "verdict_note": self.verdict_note,
            "claims": [c.as_dict() for c in self.claims],
        }


def artifact_key(article_id: int, url: str) -> str:
    """Prefect artifact keys allow lowercase letters, digits and dashes; one key per article."""
    path = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]
    slug = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")[:48].strip("-")
    return f"article-{article_id}" + (f"-{slug}" if slug else "")


def claim_view(row: m.ClaimChange) -> ClaimView:
    return ClaimView(
        row.kind,
        row.severity,
        row.old_value,
        row.new_value,
        row.old_sentence,
        row.new_sentence,
        dict(row.detail or {}),
    )


def build_report(session: Session, change: m.Change) -> ChangeReport:
    old, new = change.old_version, change.new_version
    article = change.article
    comparison = aligned_texts(old.text, new.text)  # the claims are the stored ones
    return ChangeReport(
        change_id=change.id,
        article_id=article.id,
        url=article.url,
        source=article.source.name if article.source else None,
        old_number=old.number,
        new_number=new.number,
        old_headline=old.headline,
        new_headline=new.headline,
        detected_at=change.created_at,
        severity=change.severity,
        silent=bool((change.stats or {}).get("silent")),
        claims=[claim_view(c) for c in change.claims],
        comparison=comparison,
        artifact_key=artifact_key(article.id, article.url),
        verdict=change.verdict,
        verdict_note=change.verdict_note,
        timeline=[
            (number, created, headline)  # not the texts: an article may have many versions
            for number, created, headline in session.execute(
                select(m.Version.number, m.Version.created_at, m.Version.headline)
                .where(m.Version.article_id == article.id)
                .order_by(m.Version.number)
            )
        ],
    )


def significant(claims: list[ClaimView]) -> list[ClaimView]:
    """Claims worth a reader's attention first: everything but cosmetic ones."""
    return [c for c in claims if c.severity != "cosmetic"]


def _cell(text: str | None, limit: int = 300) -> str:
    if text is None:
        return "—"
    text = " ".join(text.split())
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return escape_markdown(text) or "—"


# Prefect's UIs do not wrap table cells: a long cell pushes the next column out of sight. So
# tables hold short excerpts, and whole sentences go in paragraphs below them, which wrap.
CLAIM_CELL = 40  # characters per Before or After cell of the claims table
SENTENCE_CELL = 55  # ... of a sentence's Before | After table
CONTEXT_WORDS = 3


def excerpts(old: str | None, new: str | None, limit: int) -> tuple[str, str]:
    """Table cells for a before/after pair: short values as they are; longer ones cut down to
    the words that differ (``~~removed~~`` and ``**added**``) with a few words around them."""
    if not old or not new or (len(old) <= limit and len(new) <= limit):
        return _cell(old or None, limit), _cell(new or None, limit)
    a, b = old.split(), new.split()
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    return _excerpt(a, start, end, "~~", limit), _excerpt(b, start, end, "**", limit)


def _excerpt(words: list[str], start: int, end: int, mark: str, limit: int) -> str:
    changed = " ".join(words[start : len(words) - end])
    context = max(0, (limit - len(changed)) // 2)  # characters of context on each side
    lead = _fit(words[max(0, start - CONTEXT_WORDS) : start], context, from_end=True)
    tail = _fit(words[len(words) - end : len(words) - end + CONTEXT_WORDS], context)
    room = max(12, limit - len(" ".join(lead + tail)))
    if len(changed) > room:
        changed = changed[: room - 1].rstrip() + "…"
    parts = ["…"] if len(lead) < start else []
    if lead:
        parts.append(escape_markdown(" ".join(lead)))
    if changed:
        parts.append(f"{mark}{escape_markdown(changed)}{mark}")
    if tail:
        parts.append(escape_markdown(" ".join(tail)))
    if len(tail) < end:
        parts.append("…")
    return " ".join(parts)


def _fit(words: list[str], chars: int, from_end: bool = False) -> list[str]:
    """As many of ``words`` as fit in ``chars``, taken from the end nearest the change."""
    kept: list[str] = []
    for word in reversed(words) if from_end else words:
        if len(" ".join([*kept, word])) > chars:
            break
        kept.append(word)
    return kept[::-1] if from_end else kept


def render_markdown(report: ChangeReport, ui_links: dict[str, str] | None = None) -> str:
    """The artifact a reviewer reads in the Prefect UI."""
    c = report.comparison
    lines = [
        f"# {escape_markdown(report.headline)}",
        "",
        f"**Article:** [{escape_markdown(report.url)}]({report.url})  ",
        f"**Source:** {escape_markdown(report.source or '—')}  ",
        f"**Versions:** {report.old_number} → {report.new_number}, detected "
        f"{report.detected_at:%Y-%m-%d %H:%M} UTC  ",
        f"**Severity:** {report.severity}"
        + ("  (silent edit: no change in the page's modified date)" if report.silent else ""),
        "",
        "## Claims that changed",
        "",
        "| Kind | Severity | Before | After |",
        "|---|---|---|---|",
    ]
    ranked = sorted(significant(report.claims), key=lambda c: -SEVERITY_RANK[c.severity])
    for claim in ranked:
        before, after = excerpts(claim.old_value, claim.new_value, CLAIM_CELL)
        lines.append(f"| {claim.label} | {claim.severity} | {before} | {after} |")
    if not ranked:
        lines.append("| — | — | — | — |")
    cosmetic = [c for c in report.claims if c.severity == "cosmetic"]
    ours = [c for c in cosmetic if c.label == EXTRACTION_LABEL]
    for claims, what in (
        ([c for c in cosmetic if c not in ours], "cosmetic edit(s)"),
        (ours, f"{EXTRACTION_LABEL.lower()} (a newer newswatch read the same page otherwise)"),
    ):
        if claims:
            shown = ", ".join(
                f"{_cell(c.old_value, 60)} → {_cell(c.new_value, 60)}" for c in claims[:12]
            )
            lines += ["", f"*{len(claims)} {what}:* {shown}"]
    lines += ["", "## Sentence by sentence", ""]
    for index, unit in enumerate(c.units):
        if unit.kind == "unchanged":
            continue
        old_text, _ = c.old_slice(unit)
        new_text, _ = c.new_slice(unit)
        before, after = excerpts(old_text, new_text, SENTENCE_CELL)
        lines += [f"**{unit.kind.capitalize()}**", "", "| Before | After |", "|---|---|"]
        lines += [f"| {before} | {after} |", ""]
        if index in c.word_edits:
            whole = inline_markdown(c.word_edits[index])
        elif old_text and new_text:
            whole = escape_markdown(new_text)  # moved: the same words elsewhere
        elif old_text:
            whole = f"~~{escape_markdown(old_text)}~~"
        else:
            whole = f"**{escape_markdown(new_text)}**"
        lines += ["> " + _not_a_list(" ".join(whole.split())), ""]
    if report.timeline:
        # the same address, safe inside shell quotes and a code block
        quoted = report.url.replace("'", "%27").replace("`", "%60")
        lines += ["## Versions", "", "| Version | Stored (UTC) | Headline |", "|---|---|---|"]
        for number, stored, headline in report.timeline:
            mark = " ← this change" if number == report.new_number else ""
            lines.append(f"| {number}{mark} | {stored:%Y-%m-%d %H:%M} | {_cell(headline, 200)} |")
        lines += [
            "",
            "Any two versions, and a stored page as it was served:",
            "",
            "```",
            f"newswatch diff '{quoted}' --from N --to M",
            f"newswatch show '{quoted}' --version N --raw",
            "```",
            "",
        ]
    if ui_links:
        lines += ["## Links", ""]
        lines += [f"- [{escape_markdown(name)}]({href})" for name, href in ui_links.items()]
    return "\n".join(lines) + "\n"


SEVERITY_RANK = {"cosmetic": 0, "low": 1, "medium": 2, "high": 3}


def _not_a_list(markdown: str) -> str:
    """A line that opens like a list item ("- Clause 4", "1. Point") must stay a line of text."""
    bullet = re.match(r"^(\s*)([-+*])(\s)", markdown)
    if bullet:
        return f"{bullet.group(1)}\\{markdown[len(bullet.group(1)) :]}"
    number = re.match(r"^(\s*\d+)([.)])(\s)", markdown)
    if number:
        return f"{number.group(1)}\\{markdown[len(number.group(1)) :]}"
    return markdown


def run_table(outcomes: list[dict[str, object]]) -> list[dict[str, object]]:
    """Rows of the per-run table artifact: one per article checked."""
    return [
        {
            "article": str(o.get("url", "")),
            "outcome": str(o.get("outcome", "")),
            "version": o.get("version") or "",
            "severity": o.get("severity") or "",
            "alerts queued": o.get("alerts", 0),
            "error": o.get("error") or "",
        }
        for o in outcomes
    ]
