"""The ``newswatch`` command: human tables by default, ``--json`` for scripts."""

from __future__ import annotations

import sys
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newswatch import store as st
from newswatch import store_pages
from newswatch.cli_alerts import alerts_app
from newswatch.cli_common import fail, open_store, parse_since, print_json, tracked_article
from newswatch.cli_sources import sources_app
from newswatch.diff import compare, split_sentences
from newswatch.review import KIND_LABELS, build_report
from newswatch.settings import Settings
from newswatch.sources import SourcesError, load_watchlist

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Watch news articles for edits and report which claims changed.",
)
app.add_typer(alerts_app, name="alerts")
app.add_typer(sources_app, name="sources")
console = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 120)


QUIET_OUTCOMES = ("unchanged", "not-modified", "skipped")
RUN_ROWS = 200  # rows `newswatch run` prints at most


@app.command()
def run(
    sources: Annotated[Path | None, typer.Option("--sources", help="The sources file.")] = None,
    everything: Annotated[
        bool, typer.Option("--all", help="Check every tracked article now, due or not.")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the run's outcome as JSON.")
    ] = False,
    served: Annotated[
        bool,
        typer.Option(
            "--served",
            help="Run the cycle in `make serve`'s runner (PREFECT_API_URL), not in this process.",
        ),
    ] = False,
    timeout: Annotated[
        float, typer.Option(help="--served: seconds to wait for the run's end.")
    ] = 3600.0,
) -> None:
    """Run one monitoring cycle (a Prefect flow run; no server to start): scan the feeds,
    sitemaps and section pages, then check the articles that are due."""
    settings = Settings()
    path = sources or settings.sources_file
    try:
        load_watchlist(path)
    except SourcesError as exc:
        raise fail(str(exc)) from None
    if served:
        _run_served(settings, path, everything, as_json, timeout)
        return
    import asyncio

    from flows.common import freeze_imports, light_tls_for_plain_http

    light_tls_for_plain_http(settings.home)  # before Prefect is imported
    from flows.monitor import monitor

    freeze_imports()  # before the flow engine starts: it makes garbage, the imports do not
    result = asyncio.run(monitor(str(path), everything))
    if as_json:
        print_json(dict(result))
        return
    # the articles found as they were are only counted: a table of thousands helps nobody
    shown = [o for o in result["outcomes"] if o["outcome"] not in QUIET_OUTCOMES]
    if shown:
        table = Table("article", "outcome", "version", "severity", "alerts", "error")
        for o in shown[:RUN_ROWS]:
            table.add_row(
                escape(o["url"]),
                o["outcome"],
                str(o["version"] or ""),
                o["severity"] or "",
                str(o["alerts"]),
                escape(o["error"] or ""),
            )
        console.print(table)
        if len(shown) > RUN_ROWS:
            console.print(f"… and {len(shown) - RUN_ROWS} more (--json lists every article)")
    console.print(" · ".join(f"{k}: {v}" for k, v in result["summary"].items()))


def _run_served(
    settings: Settings, path: Path, everything: bool, as_json: bool, timeout: float
) -> None:
    import os

    from flows.trigger import TriggerError, run_deployment

    api = os.environ.get("PREFECT_API_URL")
    if not api:
        raise fail("--served needs PREFECT_API_URL: the API of the server `make serve` runs on")
    from newswatch.models import utcnow

    started = utcnow() - timedelta(seconds=5)  # slack for the clocks of two processes
    try:
        ended = run_deployment(
            api,
            "newswatch-monitor/monitor",
            {"sources_file": str(path.resolve()), "everything": everything},
            timeout=timeout,
            ui_url=settings.prefect_ui_url,
        )
    except TriggerError as exc:
        raise fail(str(exc)) from None
    with open_store(settings).reading() as session:
        outcomes = st.capture_outcomes(session, ended.cycle, started)
    if as_json:
        print_json({"flow_run": ended.name, "state": ended.state, "captures": outcomes})
    else:
        console.print(
            f"flow run {ended.name}: {ended.state.lower()} · "
            + " · ".join(f"{k}: {v}" for k, v in sorted(outcomes.items()))
            + f"\n{ended.ui_url}"
        )
    if ended.state != "COMPLETED":
        raise fail(f"flow run {ended.name} ended {ended.state.lower()}: {ended.message}")


@app.command()
def history(
    url: str,
    clause: Annotated[
        str | None, typer.Option(help='Follow one numbered clause, e.g. "clause 7" or "point 3".')
    ] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """The stored versions of an article and its recent checks, or how one clause evolved."""
    store = open_store(Settings())
    with store.reading() as session:
        article = tracked_article(session, url)
        versions = st.versions_of(session, article.id)
        if clause is not None:
            _clause_history(clause, [(v.number, v.text) for v in versions], as_json)
            return
        captures = st.captures_of(session, article.id, limit=20)
        numbers = {v.id: v.number for v in versions}
        data: dict[str, Any] = {
            "url": article.url,
            "status": article.status,
            "last_error": article.last_error,
            "versions": [
                {
                    "version": v.number,
                    "captured_at": v.created_at.isoformat(),
                    "headline": v.headline,
                    "modified": v.modified.isoformat() if v.modified else None,
                    "characters": len(v.text),
                    "fingerprint": v.fingerprint[:12],
                }
                for v in versions
            ],
            "checks": [
                {
                    "at": c.fetched_at.isoformat(),
                    "outcome": c.outcome,
                    "status": c.status,
                    "version": numbers.get(c.version_id or -1),
                    "error": c.error,
                }
                for c in captures
            ],
        }
    if as_json:
        print_json(data)
        return
    console.print(
        f"[bold]{escape(url)}[/bold]  status: {data['status']}"
        + (f"  last error: {escape(str(data['last_error']))}" if data["last_error"] else "")
    )
    table = Table("version", "captured (UTC)", "headline", "chars", "page modified")
    for v in data["versions"]:
        table.add_row(
            str(v["version"]),
            _when(v["captured_at"]),
            escape(v["headline"]),
            str(v["characters"]),
            _when(v["modified"]) if v["modified"] else "—",
        )
    console.print(table)
    checks = Table(
        "checked (UTC)",
        "outcome",
        "HTTP",
        "version",
        "error",
        title="Recent checks",
        title_justify="left",
    )
    for c in data["checks"]:
        checks.add_row(
            _when(c["at"]),
            c["outcome"],
            str(c["status"] or "—"),
            str(c["version"] or "—"),
            escape(c["error"] or ""),
        )
    console.print(checks)


def _clause_history(wanted: str, versions: list[tuple[int, str]], as_json: bool) -> None:
    from newswatch.claims import clause_label

    label = clause_label(wanted.strip() + ":") or wanted.strip().capitalize()
    rows: list[dict[str, Any]] = []
    for number, text in versions:
        found = [s.text for s in split_sentences(text) if clause_label(s.text) == label]
        rows.append({"version": number, "text": " ".join(found) or None})
    if as_json:
        print_json({"clause": label, "versions": rows})
        return
    table = Table("version", f"{label}", title=f"How {label} changed", title_justify="left")
    previous: str | None = None
    for row in rows:
        current: str | None = row["text"]
        shown = "(absent)" if current is None else current
        if previous is not None and current == previous:
            shown = "(unchanged)"
        table.add_row(str(row["version"]), escape(shown))
        previous = current
    console.print(table)


def _when(iso: str) -> str:
    return iso[:19].replace("T", " ")


@app.command()
def diff(
    url: str,
    from_version: Annotated[
        int | None, typer.Option("--from", help="Older version number.")
    ] = None,
    to_version: Annotated[int | None, typer.Option("--to", help="Newer version number.")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Compare any two stored versions (default: the last two)."""
    store = open_store(Settings())
    with store.reading() as session:
        article = tracked_article(session, url)
        versions = st.versions_of(session, article.id)
        if len(versions) < 2 and (from_version is None or to_version is None):
            raise fail(f"{url} has {len(versions)} version(s); nothing to compare yet")
        to_n = to_version or versions[-1].number
        from_n = from_version or max(1, to_n - 1)
        old = st.version_number(session, article.id, from_n)
        new = st.version_number(session, article.id, to_n)
        if old is None or new is None:
            raise fail(f"{url} has versions 1 to {len(versions)}; asked for {from_n} and {to_n}")
        spec = (article.source.settings or {}) if article.source else {}
        terms = tuple(spec.get("terms") or ())
        comparison = compare(
            old.text,
            new.text,
            old_headline=old.headline,
            new_headline=new.headline,
            terms=terms,
            live=new.live,
        )
        from newswatch.reread import without_extraction_changes  # reads pages: loaded late

        # ranked as the recording ranked it when an older extractor read the old version
        comparison = without_extraction_changes(
            session, old, new, comparison, url=article.url, selector=spec.get("selector"),
            terms=terms, new_extractor=new.extractor,
        )  # fmt: skip
    claims = [
        {
            "kind": c.kind,
            "severity": c.severity,
            "old": c.old_value,
            "new": c.new_value,
            "old_sentence": c.old,
            "new_sentence": c.new,
            "old_span": c.old_span,
            "new_span": c.new_span,
            **({"detail": c.detail} if c.detail else {}),
        }
        for c in comparison.claims
    ]
    if as_json:
        print_json({"url": url, "from_version": from_n, "to_version": to_n, "claims": claims})
        return
    console.print(f"[bold]{escape(new.headline)}[/bold]\n{escape(url)}  v{from_n} → v{to_n}")
    _claims_table(claims)
    for index, unit in enumerate(comparison.units):
        if unit.kind == "unchanged":
            continue
        console.print(f"\n[bold]{unit.kind}[/bold]")
        if index in comparison.word_edits:
            line = "".join(
                f"[red strike]{escape(t)}[/red strike]"
                if op == -1
                else f"[green]{escape(t)}[/green]"
                if op == 1
                else escape(t)
                for op, t in comparison.word_edits[index]
            )
            console.print("  " + line)
        else:
            old_text = comparison.old_slice(unit)[0]
            new_text = comparison.new_slice(unit)[0]
            if old_text:
                console.print(f"  [red]- {escape(old_text)}[/red]")
            if new_text:
                console.print(f"  [green]+ {escape(new_text)}[/green]")


def _claims_table(claims: list[dict[str, Any]]) -> None:
    table = Table("severity", "kind", "before", "after")
    for c in claims:
        table.add_row(
            c["severity"],
            KIND_LABELS.get(c["kind"], c["kind"]),
            escape(c["old"] or "—"),
            escape(c["new"] or "—"),
        )
    console.print(table)


@app.command()
def changes(
    since: Annotated[str | None, typer.Option(help="A date, ISO time or span (12h, 7d).")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Changes detected, oldest first, with their claims."""
    when = parse_since(since)
    store = open_store(Settings())
    with store.reading() as session:
        reports = [build_report(session, c) for c in st.changes_since(session, when)]
    if as_json:
        print_json([r.as_dict() for r in reports])
        return
    if not reports:
        console.print("No changes" + (f" since {when:%Y-%m-%d %H:%M} UTC." if when else "."))
        return
    for report in reports:
        console.print(f"\n[bold]{escape(report.headline)}[/bold]  [dim]{escape(report.url)}[/dim]")
        console.print(
            f"change {report.change_id} · v{report.old_number} → v{report.new_number} · "
            f"{report.severity}"
            + (" · silent edit" if report.silent else "")
            + (f" · {report.verdict}" if report.verdict else "")
            + (f" ({escape(report.verdict_note)})" if report.verdict_note else "")
            + f" · detected {report.detected_at:%Y-%m-%d %H:%M} UTC"
        )
        _claims_table([c.as_dict() for c in report.claims])


@app.command()
def show(
    url: str,
    version: Annotated[
        int | None, typer.Option(help="Version number; the latest by default.")
    ] = None,
    raw: Annotated[bool, typer.Option("--raw", help="The stored page bytes, as fetched.")] = False,
) -> None:
    """Print a stored version of an article: its text, or with --raw the page as fetched."""
    from newswatch.archive import raw_page

    store = open_store(Settings())
    with store.reading() as session:
        article = tracked_article(session, url)
        versions = st.versions_of(session, article.id)
        if not versions:
            raise fail(f"{url} has no stored version yet")
        chosen = (
            versions[-1] if version is None else st.version_number(session, article.id, version)
        )
        if chosen is None:
            raise fail(f"{url} has versions 1 to {len(versions)}; asked for {version}")
        if raw:
            try:
                data = raw_page(session, chosen)
            except store_pages.PageLostError as exc:
                raise fail(f"version {chosen.number} of {url}: {exc}") from None
            if data is None:
                raise fail(f"the raw page of version {chosen.number} was not kept")
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
            return
        sys.stdout.write(f"{chosen.headline}\n\n{chosen.text}\n")


@app.command()
def export(
    warc: Annotated[Path, typer.Option("--warc", help="The WARC file to write (gzipped).")],
    url: Annotated[str | None, typer.Option(help="Only this article.")] = None,
) -> None:
    """Write the captures as WARC, so the archive can be replayed with standard tools."""
    from newswatch.archive import captures_to_export, write_warc

    store = open_store(Settings())
    with store.reading() as session:
        ids = None
        if url is not None:
            article = tracked_article(session, url)
            ids = [article.id]
        captures = captures_to_export(session, ids)
        try:
            with warc.open("wb") as out:
                report = write_warc(session, out, captures)
        except store_pages.PageLostError as exc:
            warc.unlink(missing_ok=True)  # no half archive left behind to be taken for whole
            raise fail(f"{warc} not written: {exc}") from None
    console.print(
        f"wrote {warc}: {report.responses} response, {report.revisits} revisit and "
        f"{report.metadata} metadata record(s)"
    )


@app.command()
def review(
    change_id: int,
    verdict: Annotated[str, typer.Argument(help="confirm or dismiss")],
    ignore: Annotated[
        bool, typer.Option("--ignore", help="Dismissed: ignore such sentences for the source.")
    ] = False,
    note: Annotated[str, typer.Option(help="Why.")] = "",
) -> None:
    """Record a verdict on a change (the triage flow asks the same in the Prefect UI)."""
    from newswatch.triage import record_verdict

    if verdict not in ("confirm", "dismiss"):
        raise fail(f"verdict must be confirm or dismiss, not {verdict!r}")
    store = open_store(Settings())
    try:
        with store.transaction() as session:
            rules = record_verdict(
                session,
                change_id,
                "confirmed" if verdict == "confirm" else "dismissed",
                note,
                ignore,
            )
    except LookupError as exc:
        raise fail(str(exc)) from None
    console.print(
        f"change {change_id} {verdict}ed" + (f"; {rules} ignore rule(s) added" if rules else "")
    )


@app.command("demo-site")
def demo_site(
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")] = 8642,
    version: Annotated[int, typer.Option(help="Which version of the article to publish.")] = 1,
) -> None:
    """Serve the demo news site (article, /feed.xml, /sitemap.xml) until interrupted. Watch it
    with NEWSWATCH_ALLOW_HOSTS=127.0.0.1 and the demo entries of seeds/sources.toml."""
    import time

    from newswatch.demo.site import DemoSite

    site = DemoSite(port=port)
    site.publish(version)
    with site:
        console.print(
            f"demo site on {site.base_url}: {site.article_url}, {site.base_url}/feed.xml,"
            f" {site.base_url}/sitemap.xml (Ctrl-C to stop)"
        )
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


def main() -> None:
    app()
