"""What every ``newswatch`` command shares: the error line, opening the store, JSON output."""

from __future__ import annotations

import json
import re
import sys
from datetime import UTC, datetime, timedelta
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from sqlalchemy.orm import Session

from newswatch import models as m
from newswatch import store as st
from newswatch.settings import Settings

err = Console(stderr=True, highlight=False)


def fail(message: str) -> typer.Exit:
    """Print the one-line error; the caller raises what this returns."""
    err.print(f"[red]error:[/red] {escape(message)}")
    return typer.Exit(code=1)


def open_store(settings: Settings | None = None) -> st.Store:
    try:
        return st.open_store((settings or Settings()).resolved_database_url)
    except st.StoreUnavailable as exc:
        raise fail(str(exc)) from None


def tracked_article(session: Session, url: str) -> m.Article:
    """The article ``url`` names (its own or its canonical URL), or the one-line error."""
    article = st.find_article(session, url)
    if article is None:
        raise fail(f"{url} is not tracked; `newswatch run` adds the sources file's articles")
    return article


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n")


def parse_since(value: str | None, now: datetime | None = None) -> datetime | None:
    """'2026-11-20', an ISO time, or a span back from now: '90m', '12h', '7d', '2w'."""
    if not value:
        return None
    now = now or datetime.now(UTC)
    match = re.fullmatch(r"(\d+)\s*([mhdw])", value.strip())
    if match:
        amount, unit = int(match.group(1)), match.group(2)
        minutes = {"m": 1, "h": 60, "d": 1440, "w": 10080}[unit] * amount
        return now - timedelta(minutes=minutes)
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise typer.BadParameter(
            f"{value!r}: use a date, an ISO time or a span such as 12h or 7d"
        ) from None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed
