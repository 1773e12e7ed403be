"""``make demo``: the whole pipeline, offline, on embedded defaults.

A local news site publishes an article, the monitoring flow (a real Prefect flow run on Prefect's
local server) stores it, the site publishes a revision, the flow flags what changed and emails a
local SMTP sink, then a noise-only revision shows that page furniture raises nothing.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path

HOME = Path(os.environ.get("NEWSWATCH_HOME", ".newswatch")).resolve()
DEMO_DB = HOME / "demo.db"


def _prepare_environment(mail_port: int) -> None:
    """Settings for this process, set before Prefect or newswatch read them."""
    os.environ.setdefault("PREFECT_HOME", str(HOME / "prefect"))
    os.environ["NEWSWATCH_HOME"] = str(HOME)
    os.environ["NEWSWATCH_DATABASE_URL"] = f"sqlite:///{DEMO_DB}"
    os.environ["NEWSWATCH_ALLOW_HOSTS"] = "127.0.0.1"
    os.environ["NEWSWATCH_SMTP_HOST"] = "127.0.0.1"
    os.environ["NEWSWATCH_SMTP_PORT"] = str(mail_port)
    os.environ["NEWSWATCH_SMTP_SECURITY"] = "none"
    os.environ["NEWSWATCH_MAIL_FROM"] = "newswatch demo <newswatch@demo.invalid>"
    # The console shows the demo's own summary; Prefect's run logs stay in the UI.
    os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "90")
    # The telemetry write races the first requests on the temporary SQLite server and logs a
    # "database is locked" traceback (Prefect issues #18934, #19771); the demo needs none of it.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


def _write_sources(path: Path, article_url: str) -> Path:
    path.write_text(
        "# Written by `make demo`: the demo site's article and one subscriber.\n"
        "[[source]]\n"
        'name = "harbour-times-peace-plan"\n'
        'kind = "article"\n'
        f'url = "{article_url}"\n'
        'tags = ["demo", "diplomacy"]\n'
        'terms = ["peace plan", "amnesty", "clause"]\n\n'
        "[[subscription]]\n"
        'address = "standards-desk@demo.invalid"\n'
        'min_severity = "medium"\n',
        "utf-8",
    )
    return path


def main() -> int:
    from newswatch.demo.mailsink import MailSink
    from newswatch.demo.site import DemoSite

    started = time.monotonic()
    HOME.mkdir(parents=True, exist_ok=True)
    for leftover in (DEMO_DB, DEMO_DB.with_suffix(".db-wal"), DEMO_DB.with_suffix(".db-shm")):
        leftover.unlink(missing_ok=True)
    mail_dir = HOME / "mail"
    with DemoSite() as site, MailSink(mail_dir) as sink:
        _prepare_environment(sink.port)
        from flows.monitor import monitor
        from newswatch.demo.report import print_change, print_header

        sources = _write_sources(HOME / "demo-sources.toml", site.article_url)
        print_header(site, sink, DEMO_DB, mail_dir)
        before = len(sink.delivered)

        print(
            "\n[1/3] The site publishes the article; the monitoring flow runs (the first run"
            " starts Prefect's local server, ~15 s)..."
        )
        result = asyncio.run(monitor(str(sources), everything=True))
        print(f"      {_outcome_line(result)}")

        described = site.publish(2).describe
        print(
            f"\n[2/3] The site publishes a revision ({described}), with fresh page noise;"
            " the flow runs again..."
        )
        result = asyncio.run(monitor(str(sources), everything=True))
        print(f"      {_outcome_line(result)}")
        change_ids = [o["change_id"] for o in result["outcomes"] if o.get("change_id")]
        print_change(change_ids, sink.delivered[before:])
        problems = []
        if not change_ids:
            problems.append("the revision was not flagged")
        if len(sink.delivered) == before:
            problems.append("no alert email arrived")

        described = site.publish(3).describe
        print(f"\n[3/3] The site republishes with {described}; the flow runs again...")
        mails_before = len(sink.delivered)
        result = asyncio.run(monitor(str(sources), everything=True))
        print(f"      {_outcome_line(result)}; emails sent: {len(sink.delivered) - mails_before}")
        if any(o["outcome"] != "unchanged" for o in result["outcomes"]):
            problems.append("page noise was taken for an edit")
        if len(sink.delivered) != mails_before:
            problems.append("page noise sent an email")

    if problems:
        print("\nDEMO FAILED: " + "; ".join(problems), file=sys.stderr)
        return 1
    print(f"\nDone in {time.monotonic() - started:.0f} s.")
    print(
        "See the diff in the Prefect UI: run `make ui`, open http://127.0.0.1:4200 and go to"
        " Artifacts (the article's key keeps its edit timeline)."
    )
    print(
        f"Query the demo database: NEWSWATCH_DATABASE_URL=sqlite:///{DEMO_DB} "
        ".venv/bin/newswatch changes"
    )
    return 0


def _outcome_line(result: Mapping[str, object]) -> str:
    outcomes = result["outcomes"]
    assert isinstance(outcomes, list)
    parts = []
    for o in outcomes:
        if o["outcome"] == "first":
            parts.append(f"version {o['version']} stored (first capture)")
        elif o["outcome"] == "changed":
            parts.append(
                f"version {o['version']} stored, change flagged ({o['severity']}),"
                f" {o['alerts']} alert(s) queued"
            )
        elif o["outcome"] in ("unchanged", "not-modified"):
            parts.append(f"no new version (text identical to version {o['version']})")
        else:
            parts.append(f"{o['outcome']}: {o.get('error')}")
    return "; ".join(parts) or "no articles checked"


if __name__ == "__main__":
    sys.exit(main())
