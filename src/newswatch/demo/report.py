"""What the demo prints: where things are, and the claims that changed."""

from __future__ import annotations

import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from newswatch.alerts import artifact_url
from newswatch.demo.mailsink import Delivered, MailSink
from newswatch.demo.site import DemoSite
from newswatch.review import build_report, significant
from newswatch.settings import Settings
from newswatch.store import changes_by_id, open_store

console = Console(highlight=False, width=None if sys.stdout.isatty() else 110)


def print_header(site: DemoSite, sink: MailSink, database: Path, mail_dir: Path) -> None:
    console.print("[bold]newswatch demo[/bold]")
    console.print(f"  demo news site  {site.article_url}")
    console.print(f"  SMTP sink       {sink.host}:{sink.port} → {mail_dir}/")
    console.print(f"  database        {database}")


def print_change(change_ids: list[int], mails: list[Delivered]) -> None:
    settings = Settings()
    store = open_store(settings.resolved_database_url)
    try:
        with store.reading() as session:
            for change in changes_by_id(session, change_ids):
                report = build_report(session, change)
                table = Table(
                    title=f"Claims that changed in v{report.old_number} → "
                    f"v{report.new_number}" + (" (silent edit)" if report.silent else ""),
                    title_justify="left",
                    show_lines=False,
                )
                for column in ("severity", "kind", "before", "after"):
                    table.add_column(column, overflow="fold")
                for claim in significant(report.claims):
                    table.add_row(
                        claim.severity, claim.label, claim.old_value or "—", claim.new_value or "—"
                    )
                console.print(table)
                cosmetic = len(report.claims) - len(significant(report.claims))
                if cosmetic:
                    console.print(f"      (+{cosmetic} cosmetic edit(s) not shown)")
                console.print(
                    f"      Prefect artifact: {artifact_url(settings, report.artifact_key)}"
                )
    finally:
        store.close()
    for mail in mails:
        console.print(f"      email to {', '.join(mail.envelope_to)}: {mail.path}")
        console.print(f"        Subject: {mail.message['Subject']}")
    if not mails:
        console.print("      [red]no email arrived[/red]")
