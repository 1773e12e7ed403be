"""The monitoring flow: sources → articles → batches of checks → review artifacts → alert emails.

A thin Prefect shell over ``newswatch.pipeline``: one task run per batch of articles (never one
per article), retried when a batch hit transient fetch errors (the retry only repeats the articles
that failed, because each article is checked once per cycle). Each batch also writes the review
artifacts and the change events of the changes it found, while their comparisons are at hand;
then one task delivers the alert outbox.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple
from uuid import UUID

from prefect import flow, get_run_logger, task
from prefect.artifacts import (
    acreate_progress_artifact,
    acreate_table_artifact,
    aupdate_progress_artifact,
    create_markdown_artifact,
)
from prefect.client.schemas.objects import State, TaskRun
from prefect.context import SyncClientContext
from prefect.events import emit_event
from prefect.runtime import flow_run
from prefect.states import Cancelled
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from prefect.tasks import Task

from flows.common import freeze_imports, settings_now, stop_requested, store_for
from flows.deliver import deliver_alerts
from newswatch import models as m
from newswatch import pipeline
from newswatch.alerts import artifact_url
from newswatch.review import ChangeReport, build_report, render_markdown, run_table
from newswatch.scan import discoverable, scan_sources
from newswatch.sources import Watchlist, load_watchlist
from newswatch.store import (
    changes_by_id,
    claim_due_articles,
    first_captures_claimed,
    release_claims,
    source_ids,
    sync_watchlist,
)


class TransientFetchErrors(Exception):
    """Some articles of a batch failed in a way that may pass; the batch task is retried."""

    def __init__(self, outcomes: list[dict[str, Any]]) -> None:
        failed = [o for o in outcomes if o["outcome"] == "failed" and o["transient"]]
        super().__init__(
            f"{len(failed)} article(s) failed transiently: "
            + "; ".join(f"{o['url']}: {o['error']}" for o in failed[:5])
        )
        self.outcomes = outcomes


def retry_transient(task: Task[..., Any], task_run: TaskRun, state: State[Any]) -> bool:
    try:
        state.result()
    except TransientFetchErrors:
        return True
    except Exception:
        return False
    return False


class RunReport(Mapping[str, Any]):
    """What a run did: ``summary``, ``outcomes`` (one per article), ``delivery``, ``sources``.

    A mapping but not a dict, on purpose: Prefect walks every dict and list a flow returns,
    looking for futures to resolve, and for a run of 2,000 articles that walk took a few tenths
    of a second; it leaves other objects alone."""

    def __init__(self, **parts: Any) -> None:
        self._parts = parts

    def __getitem__(self, key: str) -> Any:
        return self._parts[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._parts)

    def __len__(self) -> int:
        return len(self._parts)


@task(
    name="check-batch",
    retries=2,
    retry_delay_seconds=[10, 60],
    retry_jitter_factor=0.5,
    retry_condition_fn=retry_transient,
)
def check_batch(article_ids: list[int], sources_file: str, cycle: str) -> list[dict[str, Any]]:
    if stop_requested(flow_run.get_id()):
        return []  # the run was cancelled: its articles are released when the flow ends
    settings = settings_now()
    watchlist = load_watchlist(Path(sources_file))
    outcomes = pipeline.check_batch(store_for(settings), article_ids, watchlist, settings, cycle)
    # reviewed in the batch, not once after all of them: its comparisons are still cached
    publish_review([o.change_id for o in outcomes if o.change_id])
    rows = [o.as_dict() for o in outcomes]
    if any(o.transient for o in outcomes):
        raise TransientFetchErrors(rows)
    return rows


def publish_review(change_ids: list[int]) -> list[str]:
    """One markdown artifact per changed article, keyed by the article (its edit timeline), and
    one ``newswatch.article.changed`` event per change for Prefect automations."""
    if not change_ids:
        return []
    settings = settings_now()
    keys = []
    with store_for(settings).reading() as session:
        for change in changes_by_id(session, change_ids):
            report = build_report(session, change)
            review_url = artifact_url(settings, report.artifact_key)
            if settings.artifacts:
                create_markdown_artifact(
                    key=report.artifact_key,
                    markdown=render_markdown(
                        report, {"This artifact's history": review_url, "The article": report.url}
                    ),
                    description=f"v{report.old_number} → v{report.new_number}: {report.headline}"[
                        :500
                    ],
                )
            announce(report, review_url)
            keys.append(report.artifact_key)
    return keys


def announce(report: ChangeReport, review_url: str) -> None:
    """The event operators build automations on (webhooks, chat, other channels)."""
    significant = [c for c in report.claims if c.severity != "cosmetic"]
    emit_event(
        event="newswatch.article.changed",
        resource={
            "prefect.resource.id": f"newswatch.article.{report.article_id}",
            "prefect.resource.name": report.headline[:200],
            "newswatch.url": report.url,
            "newswatch.severity": report.severity,
        },
        payload={
            "change_id": report.change_id,
            "url": report.url,
            "headline": report.headline,
            "source": report.source,
            "from_version": report.old_number,
            "to_version": report.new_number,
            "severity": report.severity,
            "silent": report.silent,
            "claims": [
                {
                    "kind": c.kind,
                    "severity": c.severity,
                    "old": (c.old_value or "")[:300],
                    "new": (c.new_value or "")[:300],
                }
                for c in significant[:20]
            ],
            "claim_count": len(report.claims),
            "review_url": review_url,
        },
    )


class Found(NamedTuple):
    """What ``find_due`` found: the scans of the discoverable sources and the claimed articles."""

    scans: list[dict[str, Any]]
    article_ids: list[int]
    first_captures: int = 0  # of them, articles with no version yet


@task(name="find-due-articles")
def find_due(sources_file: str, everything: bool, cycle: str) -> Found:
    """Make the store know the watchlist, scan its feeds, sitemaps and section pages for new
    articles, and claim the articles whose next check has come (all of them with
    ``everything``) for this run: runs on other workers take the others.

    One task run, not three: the Prefect server spends about 0.1 s of CPU recording each task
    run (its state events), on the same machine as the checks."""
    settings = settings_now()
    store = store_for(settings)
    watchlist: Watchlist = load_watchlist(Path(sources_file))
    with store.transaction() as session:
        sync_watchlist(session, watchlist)
        ids = source_ids(session)
    enabled = [ids[s.name] for s in watchlist.enabled_sources()]
    scans = scan_sources(store, watchlist, settings) if discoverable(watchlist) else []
    for result in scans:
        if result.error:
            get_run_logger().warning("source failed: %s", result.error)
    with store.transaction() as session:
        claimed = claim_due_articles(
            session, cycle, m.utcnow(), settings.max_per_cycle, everything, enabled
        )
        fresh = first_captures_claimed(session, cycle)
    return Found([r.as_dict() for r in scans], claimed, fresh)


# Two batches at a time where most articles are new: one fetches and extracts while the other
# records; more would only fight over the interpreter lock and the database (the work inside a
# batch is already concurrent). Revisits (mostly 304s and unchanged texts) go one batch after
# another: two at a time, their 16 fetch threads spent more CPU on the lock than they saved
# (bench/RESULTS.md, eighth round).
TWO_BATCHES: TaskRunner[Any] = ThreadPoolTaskRunner(max_workers=2)


def batches_at_once(first_captures: int, due: int) -> int:
    """How many batches of this run to check at a time."""
    return 2 if first_captures * 2 >= due else 1


@flow(name="newswatch-monitor", log_prints=True, task_runner=TWO_BATCHES)
async def monitor(sources_file: str | None = None, everything: bool = False) -> RunReport:
    """Find articles, check the ones that are due (every one with ``everything``), store what
    changed, alert, and publish for review."""
    freeze_imports()
    settings = settings_now()
    path = str(sources_file or settings.sources_file)
    load_watchlist(Path(path))  # fail at once, with the file's own error lines
    # the run's id, short: it is written on every capture of the run
    run_id = str(flow_run.get_id() or f"local{m.utcnow():%Y%m%d%H%M%S%f}")
    cycle = run_id.replace("-", "")[:16]
    # one API client for every task run of this flow run: otherwise each task run builds its own
    # (with a TLS context and the CA bundle, tens of milliseconds each, for every batch)
    with SyncClientContext.get_or_create():
        report = await _monitor(path, cycle, everything)
    if not stop_requested(run_id):
        return report
    # Cancelled while it ran (only a warm runner asks): the batches under way finished, the
    # others never started, and their articles go back to the next run at once.
    with store_for(settings).transaction() as session:
        released = release_claims(session, cycle)
    # Prefect makes a state a flow returns its final state (a caller gets CancelledRun).
    return Cancelled(  # type: ignore[return-value]
        message=f"cancelled after {report['summary']['checked']} checks; {released} articles "
        "left for the next run"
    )


async def _monitor(path: str, cycle: str, everything: bool) -> RunReport:
    logger = get_run_logger()
    settings = settings_now()
    scans, article_ids, first_captures = find_due(path, everything, cycle)
    size = pipeline.batch_size_for(first_captures, len(article_ids), settings)
    batches = [article_ids[i : i + size] for i in range(0, len(article_ids), size)]
    retrying = check_batch.with_options(retry_delay_seconds=settings.retry_delays or 0)
    # two at a time: all submitted, the task runner starts the next as soon as one ends; one at
    # a time: each submitted when the one before has ended
    at_once = batches_at_once(first_captures, len(article_ids))
    futures = [retrying.submit(batch, path, cycle) for batch in batches] if at_once > 1 else []
    progress: UUID | None = None
    if settings.artifacts and len(batches) > 1:
        progress = await acreate_progress_artifact(0.0, description=f"{len(article_ids)} due")
    outcomes: list[dict[str, Any]] = []
    for done, batch in enumerate(batches, start=1):
        future = futures[done - 1] if futures else retrying.submit(batch, path, cycle)
        try:
            outcomes.extend(future.result())
        except TransientFetchErrors as exc:
            outcomes.extend(exc.outcomes)  # the articles are marked failing; the flow goes on
        if progress is not None:
            await aupdate_progress_artifact(progress, 100.0 * done / len(batches))
    delivery = deliver_alerts()
    counts = pipeline.cycle_outcomes([pipeline.Outcome(**o) for o in outcomes])
    summary = {
        **counts,
        "sources failing": sum(1 for s in scans if s["error"]),
        "new articles": sum(int(s["new"]) for s in scans),
        "alerts sent": delivery["sent"],
        "alerts failed": delivery["failed"],
    }
    if settings.artifacts:
        await acreate_table_artifact(
            key="newswatch-run",
            # one row per figure: a row of a dozen columns runs off the side of the page
            table=[{"this run": name, "count": value} for name, value in summary.items()],
            description="this run: articles checked, changed, failed, alerts",
        )
        noteworthy = [
            o for o in outcomes if o["outcome"] not in ("unchanged", "not-modified", "skipped")
        ]
        if noteworthy:
            await acreate_table_artifact(
                key="newswatch-run-articles",
                table=run_table(noteworthy),
                description="articles new, changed or failing in this run",
            )
    logger.info("cycle done: %s", summary)
    return RunReport(summary=summary, outcomes=outcomes, delivery=delivery, sources=scans)
