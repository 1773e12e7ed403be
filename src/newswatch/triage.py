"""Reviewers' verdicts on changes, and the ignore rules a dismissal can leave behind.

A reviewer confirms a change or dismisses it as noise; a dismissal can become an ignore rule
for the article's source: from then on, a claim inside a sentence that matches the dismissed
sentence (with any figures in it) is cosmetic, so the same noise never alerts again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from newswatch import models as m
from newswatch.edits import Claim

Verdict = Literal["confirmed", "dismissed"]


def sentence_pattern(sentence: str) -> str:
    """A pattern for "this sentence, whatever its figures": the noise of counters and clocks."""
    marked = re.sub(r"\d+(?:[,.\u202f]\d+)*", "\x00", " ".join(sentence.split()))
    escaped = re.escape(marked).replace("\x00", r"\d[\d,.\u202f]*")
    return re.sub(r"(?:\\ )+", r"\\s+", escaped)


def apply_ignore_rules(claims: Sequence[Claim], patterns: Sequence[str]) -> list[Claim]:
    """Claims inside a sentence an ignore rule matches become cosmetic."""
    compiled = [re.compile(p) for p in patterns]
    if not compiled:
        return list(claims)
    out = []
    for claim in claims:
        sentences = [" ".join(s.split()) for s in (claim.old, claim.new) if s]
        if (
            claim.severity != "cosmetic"
            and sentences
            and all(any(p.fullmatch(s) for p in compiled) for s in sentences)
        ):
            claim = replace(claim, severity="cosmetic", detail={**claim.detail, "ignored": True})
        out.append(claim)
    return out


def rules_for(session: Session, source_id: int | None) -> list[str]:
    if source_id is None:
        return []
    return list(
        session.scalars(select(m.IgnoreRule.pattern).where(m.IgnoreRule.source_id == source_id))
    )


def record_verdict(
    session: Session,
    change_id: int,
    verdict: Verdict,
    note: str = "",
    ignore_in_future: bool = False,
) -> int:
    """Store a reviewer's verdict; returns how many ignore rules it added."""
    change = session.get(m.Change, change_id)
    if change is None:
        raise LookupError(f"no change {change_id}")
    change.verdict = verdict
    change.verdict_note = note or None
    change.reviewed_at = m.utcnow()
    added = 0
    if verdict == "dismissed" and ignore_in_future:
        known = set(rules_for(session, change.article.source_id))
        for claim in change.claims:
            if claim.severity == "cosmetic":
                continue
            for sentence in (claim.old_sentence, claim.new_sentence):
                if not sentence:
                    continue
                pattern = sentence_pattern(sentence)
                if pattern not in known:
                    session.add(
                        m.IgnoreRule(
                            source_id=change.article.source_id,
                            pattern=pattern,
                            from_change_id=change.id,
                            note=note or None,
                        )
                    )
                    known.add(pattern)
                    added += 1
    session.flush()
    return added


def awaiting_review(session: Session, limit: int = 20) -> list[m.Change]:
    """High-severity changes nobody has judged yet, oldest first."""
    return list(
        session.scalars(
            select(m.Change)
            .where(m.Change.severity == "high", m.Change.verdict.is_(None))
            .order_by(m.Change.id)
            .limit(limit)
        )
    )
