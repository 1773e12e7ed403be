"""``newswatch sources …``: the watchlist, what each source gives, and adding to it."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from sqlalchemy import func, select

from newswatch import models as m
from newswatch.cli_common import err, fail, open_store, print_json
from newswatch.discover import DiscoveryError
from newswatch.fetch import FetchError
from newswatch.settings import Settings
from newswatch.sources import KINDS, SourcesError, Watchlist, load_watchlist, parse_watchlist

sources_app = typer.Typer(no_args_is_help=True, help="The watchlist: list, add, check.")
console = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 140)
SourcesOption = Annotated[Path | None, typer.Option("--sources", help="The sources file.")]


def _load(path: Path | None) -> tuple[Path, Watchlist]:
    chosen = path or Settings().sources_file
    try:
        return chosen, load_watchlist(chosen)
    except SourcesError as exc:
        raise fail(str(exc)) from None


@sources_app.command("list")
def list_command(
    sources: SourcesOption = None, as_json: Annotated[bool, typer.Option("--json")] = False
) -> None:
    """The sources, with what the store knows of them."""
    _, watchlist = _load(sources)
    with open_store().reading() as session:
        rows: dict[str, m.Source] = {s.name: s for s in session.scalars(select(m.Source))}
        counts = dict(
            session.execute(
                select(m.Article.source_id, func.count()).group_by(m.Article.source_id)
            ).all()
        )
    data: list[dict[str, Any]] = []
    for source in watchlist.sources:
        row = rows.get(source.name)
        data.append(
            {
                "name": source.name,
                "kind": source.kind,
                "url": source.url,
                "enabled": source.enabled,
                "needs_internet": source.needs_internet,
                "tags": list(source.tags),
                "articles": counts.get(row.id, 0) if row else 0,
                "status": row.status if row else "new",
                "last_error": row.last_error if row else None,
            }
        )
    if as_json:
        print_json(data)
        return
    table = Table("name", "kind", "url", "enabled", "articles", "status", "last error")
    for r in data:
        enabled = ("yes" if r["enabled"] else "no") + (" (internet)" if r["needs_internet"] else "")
        table.add_row(
            escape(r["name"]),
            r["kind"],
            escape(r["url"]),
            enabled,
            str(r["articles"]),
            r["status"],
            escape(r["last_error"] or ""),
        )
    console.print(table)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a TOML basic string


@sources_app.command("add")
def add_command(
    name: str,
    url: str,
    kind: Annotated[str, typer.Option(help=f"One of: {', '.join(KINDS)}.")] = "article",
    tag: Annotated[list[str] | None, typer.Option(help="A tag (repeat for several).")] = None,
    term: Annotated[list[str] | None, typer.Option(help="A watch term (repeatable).")] = None,
    selector: Annotated[str | None, typer.Option(help="CSS selector of the article body.")] = None,
    link_pattern: Annotated[str | None, typer.Option(help="Section pages: regex of links.")] = None,
    sources: SourcesOption = None,
) -> None:
    """Add a source to the sources file (validated first; the file's comments are kept)."""
    path, watchlist = _load(sources)
    entry: dict[str, object] = {"name": name, "kind": kind, "url": url}
    for key, value in (
        ("tags", tag),
        ("terms", term),
        ("selector", selector),
        ("link_pattern", link_pattern),
    ):
        if value:
            entry[key] = value
    raw: dict[str, object] = {
        "source": [s.model_dump(exclude_defaults=True) for s in watchlist.sources] + [entry],
        "subscription": [s.model_dump(exclude_defaults=True) for s in watchlist.subscriptions],
    }
    try:
        parse_watchlist(raw, str(path))
    except SourcesError as exc:
        err.print(f"[red]not added:[/red] {escape(str(exc))}")
        raise typer.Exit(code=1) from None
    block = "\n[[source]]\n" + "".join(f"{k} = {_toml_value(v)}\n" for k, v in entry.items())
    with path.open("a", encoding="utf-8") as out:
        out.write(block)
    console.print(f"added {escape(name)} ({kind}) to {path}")


@sources_app.command("check")
def check_command(
    name: str,
    sources: SourcesOption = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Fetch a source once and show what would be tracked; nothing is stored."""
    from newswatch.extract import ExtractionError, extract
    from newswatch.fetch import fetch
    from newswatch.pipeline import fetch_options
    from newswatch.scan import preview

    _, watchlist = _load(sources)
    try:
        source = watchlist.by_name(name)
    except KeyError:
        raise fail(f"no source named {name}") from None
    settings = Settings()
    if source.kind == "article":
        result = fetch(source.url, fetch_options(settings))
        if result.error or result.body is None:
            err.print(f"[red]{escape(name)}:[/red] {escape(result.error or 'no body')}")
            raise typer.Exit(code=1)
        try:
            page = extract(
                result.body,
                source.url,
                content_type=result.headers.get("content-type"),
                selector=source.selector,
            )
        except ExtractionError as exc:
            err.print(f"[red]{escape(name)}:[/red] no article text: {escape(str(exc))}")
            raise typer.Exit(code=1) from None
        report = {
            "name": name,
            "url": source.url,
            "headline": page.headline,
            "byline": page.byline,
            "characters": len(page.text),
            "published": page.published.isoformat() if page.published else None,
            "first_lines": page.text.splitlines()[:3],
        }
        if as_json:
            print_json(report)
        else:
            console.print(f"[bold]{escape(page.headline)}[/bold] ({len(page.text)} characters)")
            for line in report["first_lines"]:  # type: ignore[union-attr]
                console.print(f"  {escape(line)}")
        return
    try:
        discovery = preview(open_store(settings), source, settings)
    except (FetchError, DiscoveryError) as exc:
        reason = exc.reason if isinstance(exc, FetchError) else str(exc)
        err.print(f"[red]{escape(name)}:[/red] {escape(reason)}")
        raise typer.Exit(code=1) from None
    found = [
        {"url": f.url, "lastmod": f.lastmod.isoformat() if f.lastmod else None, "title": f.title}
        for f in discovery.articles
    ]
    if as_json:
        print_json({"name": name, "articles": found})
        return
    table = Table(
        "article",
        "lastmod",
        "title",
        title=f"{name}: {len(found)} article(s) would be tracked",
        title_justify="left",
    )
    for f in found:
        table.add_row(escape(str(f["url"])), str(f["lastmod"] or ""), escape(str(f["title"] or "")))
    console.print(table)
