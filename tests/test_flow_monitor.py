"""The demo scenario as real Prefect flow runs, against the session's test server."""

import asyncio
import itertools
from pathlib import Path
from typing import Any

import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
from prefect.client.schemas.objects import State
from prefect.client.schemas.sorting import ArtifactSort
from sqlalchemy import func, select

from flows.monitor import RunReport, monitor
from newswatch import models as m
from newswatch.demo.mailsink import MailSink
from newswatch.demo.site import DemoSite
from newswatch.store import open_store
from tests.conftest import DemoChange, body_of, write_sources
from tests.httpserver import LocalServer, Reply, Seen, urlset

pytestmark = pytest.mark.orchestration


def run_monitor(sources: str, everything: bool = False) -> Any:
    """One run of the (async) monitoring flow, as `newswatch run` does it."""
    return asyncio.run(monitor(sources, everything=everything))


def monitor_state(sources: str, everything: bool = False) -> State[RunReport]:
    """One run of the flow, its final state returned (for its flow run id and result)."""

    async def run() -> State[RunReport]:
        return await monitor(sources, everything=everything, return_state=True)

    return asyncio.run(run())


def artifacts(key: str) -> list[str]:
    """Every version of an artifact, newest first (the test server lives for the session)."""
    with get_client(sync_client=True) as client:
        found = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=[key])),
            sort=ArtifactSort.CREATED_DESC,
        )
    return [str(a.data) for a in found]


def counts(db_url: str) -> tuple[int, int, int]:
    store = open_store(db_url)
    with store.reading() as s:
        result = tuple(
            int(s.scalar(select(func.count()).select_from(t)) or 0)
            for t in (m.Version, m.Change, m.Alert)
        )
    store.close()
    return result  # type: ignore[return-value]


def test_demo_scenario_through_the_flow(
    prefect_harness: None,
    env: dict[str, str],
    demo_site: DemoSite,
    mail_sink: MailSink,
    tmp_path: Path,
) -> None:
    key = "article-1-veloria-kastan-draft-peace-plan"
    earlier = len(artifacts(key))
    sources = str(write_sources(tmp_path / "sources.toml", demo_site.article_url))
    first = run_monitor(sources)
    assert [o["outcome"] for o in first["outcomes"]] == ["first"]
    assert first["summary"]["first"] == 1 and mail_sink.delivered == []

    demo_site.publish(2)
    second = run_monitor(sources, everything=True)
    (outcome,) = second["outcomes"]
    assert (outcome["outcome"], outcome["version"], outcome["severity"]) == ("changed", 2, "high")
    assert second["delivery"]["sent"] == 1
    (mail,) = mail_sink.delivered
    assert "600,000 → 800,000" in mail.message["Subject"]
    body = body_of(mail.message)
    assert "All combatants will receive a full amnesty" in body

    markdown, *older = artifacts(key)
    assert len(older) == earlier
    assert "| Figure | high | 600,000 | 800,000 |" in markdown
    assert "| Sentence removed | high |" in markdown and "amnesty" in markdown
    assert "~~600~~ **800**" in markdown
    assert "| Before | After |" in markdown
    latest_run, *_ = artifacts("newswatch-run")
    assert '{"this run": "changed", "count": 1}' in latest_run
    assert '{"this run": "alerts sent", "count": 1}' in latest_run
    assert "changed" in artifacts("newswatch-run-articles")[0]

    third = run_monitor(sources, everything=True)  # nothing changed but the page noise
    assert [o["outcome"] for o in third["outcomes"]] == ["unchanged"]
    demo_site.publish(3)  # noise and typography only
    fourth = run_monitor(sources, everything=True)
    assert [o["outcome"] for o in fourth["outcomes"]] == ["unchanged"]
    assert len(mail_sink.delivered) == 1
    assert counts(env["NEWSWATCH_DATABASE_URL"]) == (2, 1, 1)
    assert len(artifacts(key)) == earlier + 1  # no review artifact without a change


def test_transient_fetch_errors_are_retried_by_the_batch_task(
    prefect_harness: None, env: dict[str, str], tmp_path: Path
) -> None:
    page = DemoSite().render().encode()
    calls = {"n": 0}

    def flaky(_seen: Seen) -> Reply:
        calls["n"] += 1
        return Reply(503, b"busy") if calls["n"] == 1 else Reply(200, page)

    with LocalServer() as server:
        server.route("/story", flaky)
        sources = str(write_sources(tmp_path / "sources.toml", server.url("/story")))
        result = run_monitor(sources)
    assert [o["outcome"] for o in result["outcomes"]] == ["first"]
    assert calls["n"] == 2


def test_the_server_shows_each_task_run_of_a_run_with_its_final_state(
    prefect_harness: None, env: dict[str, str], tmp_path: Path
) -> None:
    """The server records task runs in batches (flows.serve.PREFECT_SERVER_TUNING): a
    reviewer still sees every one of them, retries counted, within a few seconds of the end."""
    import time

    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    page = DemoSite().render().encode()
    calls = {"n": 0}

    def flaky(_seen: Seen) -> Reply:
        calls["n"] += 1
        return Reply(503, b"busy") if calls["n"] == 1 else Reply(200, page)

    with LocalServer() as server:
        server.route("/story", flaky)
        sources = str(write_sources(tmp_path / "sources.toml", server.url("/story")))
        state = monitor_state(sources)
    flow_run_id = state.state_details.flow_run_id
    assert state.is_completed() and flow_run_id is not None
    shown: dict[str, tuple[str, int]] = {}
    deadline = time.monotonic() + 15
    with get_client(sync_client=True) as client:
        while time.monotonic() < deadline:
            shown = {
                run.name.rsplit("-", 1)[0]: (str(run.state_type.value), run.run_count)
                for run in client.read_task_runs(
                    flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id]))
                )
                if run.state_type is not None
            }
            if all(state == "COMPLETED" for state, _ in shown.values()) and len(shown) == 3:
                break
            time.sleep(0.2)
    assert shown == {
        "find-due-articles": ("COMPLETED", 1),
        "check-batch": ("COMPLETED", 2),  # the 503, then the page
        "deliver-alerts": ("COMPLETED", 1),
    }


def test_a_lasting_failure_is_reported_and_the_flow_completes(
    prefect_harness: None, env: dict[str, str], tmp_path: Path
) -> None:
    with LocalServer() as server:
        server.route("/story", Reply(500, b"broken"))
        sources = str(write_sources(tmp_path / "sources.toml", server.url("/story")))
        result = run_monitor(sources)
    (outcome,) = result["outcomes"]
    assert outcome["outcome"] == "failed" and "HTTP 500" in outcome["error"]
    assert result["summary"]["failed"] == 1
    assert len([s for s in server.seen if s.path == "/story"]) == 3  # a try and two retries


def test_a_bad_sources_file_fails_the_flow_with_its_error_line(
    prefect_harness: None, env: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[[source]]\nname = "x"\nurl = "file:///etc/passwd"\n', "utf-8")
    from newswatch.sources import SourcesError

    with pytest.raises(SourcesError, match="only http and https"):
        run_monitor(str(path))


def test_each_change_emits_an_event_for_automations(
    prefect_harness: None, env: dict[str, str], demo_site: DemoSite, tmp_path: Path
) -> None:
    import time
    from datetime import UTC, datetime

    from prefect.events.filters import (
        EventFilter,
        EventNameFilter,
        EventOccurredFilter,
        EventResourceFilter,
    )

    started = datetime.now(UTC)  # the test server lives for the session: only this test's events
    sources = str(write_sources(tmp_path / "sources.toml", demo_site.article_url))
    run_monitor(sources)
    demo_site.publish(2)
    result = run_monitor(sources, everything=True)
    (outcome,) = result["outcomes"]
    resource = f"newswatch.article.{outcome['article_id']}"
    events = []
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # events reach the server a moment after the run
        wanted = EventFilter(
            event=EventNameFilter(name=["newswatch.article.changed"]),
            resource=EventResourceFilter(id=[resource]),
            occurred=EventOccurredFilter(since=started),
        )
        with get_client(sync_client=True) as client:
            page = client.read_events(filter=wanted, limit=50)  # the server allows 50 at most
        events = [e for e in page.events if e.payload.get("change_id") == outcome["change_id"]]
        if events:
            break
        time.sleep(0.5)
    (event,) = events
    assert event.resource.id == resource
    assert event.payload["severity"] == "high" and event.payload["to_version"] == 2
    kinds = {(c["kind"], c["old"], c["new"]) for c in event.payload["claims"]}
    assert ("number", "600,000", "800,000") in kinds


def test_smtp_settings_can_come_from_a_prefect_block(
    prefect_harness: None,
    env: dict[str, str],
    demo_site: DemoSite,
    mail_sink: MailSink,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from prefect_email import EmailServerCredentials, SMTPType

    EmailServerCredentials(
        smtp_server="127.0.0.1", smtp_port=mail_sink.port, smtp_type=SMTPType.INSECURE
    ).save("newswatch-test-smtp", overwrite=True)
    monkeypatch.setenv("NEWSWATCH_SMTP_BLOCK", "newswatch-test-smtp")
    monkeypatch.setenv("NEWSWATCH_SMTP_PORT", "1")  # would fail: the block must be what is used
    sources = str(write_sources(tmp_path / "sources.toml", demo_site.article_url))
    run_monitor(sources)
    demo_site.publish(2)
    result = run_monitor(sources, everything=True)
    assert result["delivery"]["sent"] == 1
    assert len(mail_sink.delivered) == 1


def test_the_delivery_flow_sends_what_is_due(
    prefect_harness: None,
    demo_change: DemoChange,
    mail_sink: MailSink,
) -> None:
    from flows.deliver import deliver

    result = deliver()
    assert result["sent"] == 1 and len(mail_sink.delivered) == 1
    assert deliver()["sent"] == 0


def test_the_documented_automation_is_accepted_by_a_prefect_server(prefect_harness: None) -> None:
    import yaml
    from prefect.blocks.webhook import Webhook
    from prefect.events.schemas.automations import AutomationCore

    block_id = Webhook(url="http://127.0.0.1:9/hook").save("newswatch-test-hook", overwrite=True)
    path = Path(__file__).parents[1] / "deploy" / "automations" / "article-changed-webhook.yaml"
    text = path.read_text("utf-8").replace("WEBHOOK_BLOCK_ID", str(block_id))
    (spec,) = yaml.safe_load(text)["automations"]
    automation = AutomationCore.model_validate(spec)
    with get_client(sync_client=True) as client:
        created = client.create_automation(automation)
        stored = client.read_automation(created)
    assert stored is not None and stored.name.startswith("newswatch")
    assert "newswatch.article.changed" in stored.trigger.expect  # type: ignore[union-attr]


def test_a_feed_is_scanned_and_only_due_articles_are_checked(
    prefect_harness: None, env: dict[str, str], demo_site: DemoSite, tmp_path: Path
) -> None:
    path = tmp_path / "feed.toml"
    path.write_text(
        f'[[source]]\nname = "demo-feed"\nkind = "feed"\nurl = "{demo_site.base_url}/feed.xml"\n',
        "utf-8",
    )
    first = run_monitor(str(path))
    assert first["sources"][0]["new"] == 1
    (outcome,) = first["outcomes"]
    assert outcome["url"] == demo_site.article_url  # the feed's tracking parameters dropped
    assert outcome["outcome"] == "first"
    assert run_monitor(str(path))["outcomes"] == []  # checked a moment ago: not due yet
    assert [o["outcome"] for o in run_monitor(str(path), everything=True)["outcomes"]] == [
        "unchanged"
    ]


def story(title: str, detail: str) -> bytes:
    paragraphs = "".join(
        f"<p>{sentence}</p>"
        for sentence in (
            f"The harbour council met on Tuesday to discuss {detail}.",
            "Members heard from ferry operators, fishing crews and residents of the old quay.",
            "A decision is expected after a second reading next month, the chair said.",
            "Opponents argued that the plan moved too fast and asked for an independent review.",
        )
    )
    return (
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article></body></html>"
    ).encode()


def test_the_sources_are_scanned_and_their_articles_checked_in_the_same_run(
    prefect_harness: None, env: dict[str, str], tmp_path: Path
) -> None:
    """One task syncs the watchlist, scans the sitemaps and feeds and claims what they list;
    a source that fails is counted and the others go on."""
    today = m.utcnow().strftime("%Y-%m-%dT%H:%M:%SZ")
    with LocalServer() as server:
        entries = "".join(
            f"<url><loc>{server.url(path)}</loc><lastmod>{today}</lastmod></url>"
            for path in ("/news/dredging", "/news/fares")
        )
        server.route("/sitemap.xml", urlset(entries))
        html = {"Content-Type": "text/html"}
        server.route("/news/dredging", Reply(200, story("Dredging", "dredging the channel"), html))
        server.route("/news/fares", Reply(200, story("Fares", "raising ferry fares"), html))
        server.route("/feed.xml", Reply(500, b"broken"))
        sources = tmp_path / "sources.toml"
        sources.write_text(
            f'[[source]]\nname = "map"\nkind = "sitemap"\nurl = "{server.url("/sitemap.xml")}"\n\n'
            f'[[source]]\nname = "feed"\nkind = "feed"\nurl = "{server.url("/feed.xml")}"\n',
            "utf-8",
        )
        result = run_monitor(str(sources))
    summary = result["summary"]
    assert (summary["new articles"], summary["sources failing"]) == (2, 1)
    assert sorted(o["url"].rsplit("/", 1)[1] for o in result["outcomes"]) == ["dredging", "fares"]
    assert {o["outcome"] for o in result["outcomes"]} == {"first"}


def test_batches_of_first_captures_go_two_at_a_time_and_revisits_one_after_another() -> None:
    from flows.monitor import batches_at_once

    assert batches_at_once(first_captures=2000, due=2000) == 2
    assert batches_at_once(first_captures=1000, due=2000) == 2
    assert batches_at_once(first_captures=999, due=2000) == 1
    assert batches_at_once(first_captures=0, due=2000) == 1


def test_a_run_of_revisits_checks_its_batches_one_after_another(
    prefect_harness: None,
    env: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import time

    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    monkeypatch.setenv("NEWSWATCH_BATCH_SIZE", "1")  # four articles, four batches
    monkeypatch.setenv("NEWSWATCH_REVISIT_BATCH_SIZE", "1")
    with LocalServer() as server:
        server.route("/robots.txt", Reply(404, b""))
        for n in range(4):
            server.route(f"/s{n}", Reply(200, story(f"Story {n}", f"plan {n}")))
        path = tmp_path / "four.toml"
        path.write_text(
            "".join(
                f'[[source]]\nname = "s{n}"\nkind = "article"\nurl = "{server.url(f"/s{n}")}"\n'
                for n in range(4)
            ),
            "utf-8",
        )
        first = run_monitor(str(path))
        state = monitor_state(str(path), everything=True)
    assert sorted(o["outcome"] for o in first["outcomes"]) == ["first"] * 4
    report = state.result()
    assert sorted(o["outcome"] for o in report["outcomes"]) == ["unchanged"] * 4
    spans: list[tuple[Any, Any]] = []
    deadline = time.monotonic() + 15
    with get_client(sync_client=True) as client:
        while time.monotonic() < deadline:
            runs = client.read_task_runs(
                flow_run_filter=FlowRunFilter(
                    id=FlowRunFilterId(any_=[state.state_details.flow_run_id])
                )
            )
            spans = sorted(
                (r.start_time, r.end_time)
                for r in runs
                if r.name.startswith("check-batch") and r.end_time is not None
            )
            if len(spans) == 4:
                break
            time.sleep(0.2)
    assert len(spans) == 4
    for (_, ended), (started, _) in itertools.pairwise(spans):
        assert started >= ended  # each batch began after the one before had ended
