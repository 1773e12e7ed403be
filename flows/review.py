"""The triage flow: a reviewer judges each high-severity change in the Prefect UI.

For every high-severity change without a verdict, the flow run pauses with a form (a Prefect run
input): confirm, or dismiss as noise, optionally turning the dismissal into an ignore rule for
the article's source. The verdict is stored; later runs apply the ignore rules and
`newswatch changes` shows the verdicts. A change left unanswered until the time-out stays
waiting for the next triage run.
"""

from __future__ import annotations

from typing import Any, Literal

from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact
from prefect.flow_runs import pause_flow_run
from prefect.input import RunInput

from flows.common import settings_now, store_for
from newswatch.alerts import artifact_url
from newswatch.review import build_report, render_markdown
from newswatch.triage import Verdict as VerdictName
from newswatch.triage import awaiting_review, record_verdict


class Verdict(RunInput):
    """What the reviewer answers in the Prefect UI."""

    verdict: Literal["confirm", "dismiss"] = "confirm"
    ignore_in_future: bool = False
    note: str = ""


@flow(name="newswatch-triage")
def triage(limit: int = 10, timeout_seconds: int = 3600) -> list[dict[str, Any]]:
    """Ask a reviewer about each high-severity change that has no verdict yet."""
    logger = get_run_logger()
    settings = settings_now()
    store = store_for(settings)
    with store.reading() as session:
        pending = [(c.id, build_report(session, c)) for c in awaiting_review(session, limit)]
    answers: list[dict[str, Any]] = []
    for change_id, report in pending:
        markdown = render_markdown(
            report,
            {
                "The article": report.url,
                "Its edit timeline": artifact_url(settings, report.artifact_key),
            },
        )
        create_markdown_artifact(
            key=f"triage-change-{change_id}",
            markdown=markdown,
            description=f"To review: {report.headline}"[:500],
        )
        form = Verdict.with_initial_data(
            description=f"## Review change {change_id}: {report.headline}\n\n"
            "Confirm it, or dismiss it as noise (and, if you wish, ignore such sentences for "
            "this source from now on). The full diff is in the artifact "
            f"`triage-change-{change_id}`.\n\n" + markdown[:4000],
        )
        answer = pause_flow_run(
            wait_for_input=form, timeout=timeout_seconds, key=f"change-{change_id}"
        )
        if answer is None:
            logger.info("change %s: no answer before the time-out; it stays waiting", change_id)
            continue
        verdict: VerdictName = "confirmed" if answer.verdict == "confirm" else "dismissed"
        with store.transaction() as session:
            rules = record_verdict(
                session, change_id, verdict, answer.note, answer.ignore_in_future
            )
        answers.append(
            {"change_id": change_id, "verdict": verdict, "ignore_rules": rules, "note": answer.note}
        )
        logger.info("change %s %s (%s ignore rule(s) added)", change_id, verdict, rules)
    return answers
