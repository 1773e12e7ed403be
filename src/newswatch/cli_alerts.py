"""``newswatch alerts …``: the outbox as an operator sees it."""

from __future__ import annotations

import sys
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newswatch.alerts import deliver_pending, list_alerts, retry_failed
from newswatch.cli_common import err, open_store, print_json
from newswatch.mailer import SendFailure, send_test
from newswatch.settings import Settings

alerts_app = typer.Typer(no_args_is_help=True, help="The alert outbox: list, test, retry, deliver.")
console = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 140)


@alerts_app.command("list")
def list_command(
    status: Annotated[str | None, typer.Option(help="pending, sending, sent or failed")] = None,
    limit: Annotated[int, typer.Option(help="Most recent first, at most this many.")] = 100,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """Alerts with their status; failed ones with the server's reason."""
    store = open_store()
    with store.reading() as session:
        rows: list[dict[str, Any]] = [
            {
                "id": a.id,
                "recipient": a.recipient,
                "status": a.status,
                "mode": a.mode,
                "attempts": a.attempts,
                "article": a.change.article.url,
                "headline": a.change.new_version.headline,
                "versions": f"{a.change.old_version.number}→{a.change.new_version.number}",
                "severity": a.change.severity,
                "created_at": a.created_at.isoformat(),
                "next_attempt_at": a.next_attempt_at.isoformat() if a.next_attempt_at else None,
                "sent_at": a.sent_at.isoformat() if a.sent_at else None,
                "reason": a.last_error if a.status != "sent" else a.reply,
                "message_id": a.delivered_in or a.message_id,
            }
            for a in list_alerts(session, status, limit)
        ]
    if as_json:
        print_json(rows)
        return
    table = Table(
        "id", "recipient", "status", "tries", "article", "versions", "severity", "reason or reply"
    )
    for r in rows:
        table.add_row(
            str(r["id"]),
            escape(r["recipient"]),
            r["status"],
            str(r["attempts"]),
            escape(r["headline"][:60]),
            r["versions"],
            r["severity"],
            escape(str(r["reason"] or "")),
        )
    console.print(table)


@alerts_app.command("notices")
def notices_command(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Notices for the operator: articles failing or recovered, extraction broken."""
    from sqlalchemy import select

    from newswatch import models as m

    store = open_store()
    with store.reading() as session:
        notices: list[dict[str, Any]] = [
            {
                "id": n.id,
                "kind": n.kind,
                "status": n.status,
                "created_at": n.created_at.isoformat(),
                "subject": n.subject,
                "body": n.body,
                "error": n.last_error,
            }
            for n in session.scalars(select(m.Notice).order_by(m.Notice.id.desc()).limit(200))
        ]
    if as_json:
        print_json(notices)
        return
    table = Table("id", "when (UTC)", "kind", "status", "notice")
    for r in notices:
        table.add_row(
            str(r["id"]),
            r["created_at"][:16].replace("T", " "),
            r["kind"],
            r["status"],
            escape(r["subject"]),
        )
    console.print(table)
    if not Settings().operator_email:
        console.print("NEWSWATCH_OPERATOR_EMAIL is not set: notices are only listed here.")


@alerts_app.command("test")
def test_command(address: str) -> None:
    """Send a test message through the configured SMTP server and print its reply."""
    try:
        result = send_test(Settings(), address)
    except SendFailure as failure:
        err.print(f"[red]not sent:[/red] {escape(failure.reason)}")
        raise typer.Exit(code=1) from None
    console.print(f"sent to {escape(result.recipient)}, Message-ID {escape(result.message_id)}")
    console.print(f"server replied: {escape(result.reply)}")


@alerts_app.command("retry")
def retry_command(
    ids: Annotated[
        list[int] | None, typer.Argument(help="Alert ids; all failed when omitted.")
    ] = None,
) -> None:
    """Put failed alerts back in the outbox; the next delivery round sends them."""
    count = retry_failed(open_store(), ids or [])
    console.print(f"{count} failed alert(s) back in the outbox")


@alerts_app.command("deliver")
def deliver_command(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Run one delivery round now (without Prefect)."""
    settings = Settings()
    report = deliver_pending(open_store(settings), settings)
    if as_json:
        print_json(report.as_dict())
        return
    console.print(
        f"sent {report.sent} alert(s) in {report.emails} email(s); "
        f"deferred {report.deferred}; failed {report.failed}"
    )
    for problem in report.errors:
        console.print(f"  {escape(problem)}")
