"""The alert delivery flow: sends what the outbox holds. Scheduled on its own, and also run as a
task at the end of each monitoring run, so an alert waits at most one schedule interval."""

from __future__ import annotations

from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact

from flows.common import settings_now, store_for
from newswatch.alerts import deliver_pending


@task(name="deliver-alerts")
def deliver_alerts() -> dict[str, Any]:
    """One delivery round; its outcome, alert by alert, goes into a table artifact."""
    settings = settings_now()
    report = deliver_pending(store_for(settings), settings)
    if report.rounds and settings.artifacts:
        create_table_artifact(
            key="newswatch-alert-delivery",
            table=[
                {
                    "recipient": d.recipient,
                    "outcome": d.outcome,
                    "alerts": len(d.alert_ids),
                    "digest": "yes" if d.digest else "",
                    "server reply or error": d.note,
                }
                for d in report.rounds
            ],
            description=f"sent {report.sent}, deferred {report.deferred}, failed {report.failed}",
        )
    if report.failed or report.deferred:
        get_run_logger().warning("alert delivery problems: %s", "; ".join(report.errors[:10]))
    return report.as_dict()


@flow(name="newswatch-deliver")
def deliver() -> dict[str, Any]:
    """Send every pending alert that is due (retries and digests included)."""
    return deliver_alerts()
