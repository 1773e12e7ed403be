"""What every ``newswatch`` command shares: the error line, opening the store, JSON output."""

from __future__ import annotations

import json
import sys
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
