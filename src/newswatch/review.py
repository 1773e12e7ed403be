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
from newswatch.diff import Comparison, compare, escape_markdown, inline_markdown

KIND_LABELS = {
    "number": "Figure",
    "negation": "Negation",
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

FIGURE_LABELS = {"date": "Date", "percent": "Percentage", "money": "Amount", "ordinal": "Ordinal"}


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
        if self.kind == "number":
            return FIGURE_LABELS.get(str(self.detail.get("figure")), "Figure")
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
    comparison = compare(old.text, new.text)
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
            (v.number, v.created_at, v.headline)
            for v in session.scalars(
                select(m.Version)
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
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return escape_markdown(text).replace("\n", " ") or "—"


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
        lines.append(
            f"| {claim.label} | {claim.severity} | {_cell(claim.old_value)} | "
            f"{_cell(claim.new_value)} |"
        )
    if not ranked:
        lines.append("| — | — | — | — |")
    cosmetic = [c for c in report.claims if c.severity == "cosmetic"]
    if cosmetic:
        shown = ", ".join(
            f"{_cell(c.old_value, 60)} → {_cell(c.new_value, 60)}" for c in cosmetic[:12]
        )
        lines += ["", f"*{len(cosmetic)} cosmetic edit(s):* {shown}"]
    lines += ["", "## Sentence by sentence", ""]
    for index, unit in enumerate(c.units):
        if unit.kind == "unchanged":
            continue
        old_text, _ = c.old_slice(unit)
        new_text, _ = c.new_slice(unit)
        lines.append(f"**{unit.kind.capitalize()}**")
        lines.append("")
        lines.append("| Before | After |")
        lines.append("|---|---|")
        lines.append(f"| {_cell(old_text or None, 2000)} | {_cell(new_text or None, 2000)} |")
        lines.append("")
        if index in c.word_edits:
            inline = inline_markdown(c.word_edits[index]).replace("\n", " ")
            lines.append("> " + _not_a_list(inline))
            lines.append("")
    if report.timeline:
        lines += ["## Versions", "", "| Version | Stored (UTC) | Headline |", "|---|---|---|"]
        for number, stored, headline in report.timeline:
            mark = " ← this change" if number == report.new_number else ""
            lines.append(f"| {number}{mark} | {stored:%Y-%m-%d %H:%M} | {_cell(headline, 200)} |")
        lines += [
            "",
            f"Any two versions: `newswatch diff {report.url} --from N --to M`; "
            f"a stored page: `newswatch show {report.url} --version N --raw`.",
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
