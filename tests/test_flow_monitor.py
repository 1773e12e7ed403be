"""The demo scenario as real Prefect flow runs, against the session's test server."""

from pathlib import Path

import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
from prefect.client.schemas.sorting import ArtifactSort
from sqlalchemy import func, select

from flows.monitor import monitor
from newswatch import models as m
from newswatch.demo.mailsink import MailSink
from newswatch.demo.site import DemoSite
from newswatch.store import open_store
from tests.conftest import write_sources
from tests.httpserver import LocalServer, Reply

pytestmark = pytest.mark.orchestration


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
    first = monitor(sources)
    assert [o["outcome"] for o in first["outcomes"]] == ["first"]
    assert first["summary"]["first"] == 1 and mail_sink.delivered == []

    demo_site.publish(2)
    second = monitor(sources)
    (outcome,) = second["outcomes"]
    assert (outcome["outcome"], outcome["version"], outcome["severity"]) == ("changed", 2, "high")
    assert second["delivery"]["sent"] == 1
    (mail,) = mail_sink.delivered
    assert "600,000 → 800,000" in mail.message["Subject"]
    body = mail.message.get_body(("plain",)).get_content()
    assert "All combatants will receive a full amnesty" in body

    markdown, *older = artifacts(key)
    assert len(older) == earlier
    assert "| Figure | high | 600,000 | 800,000 |" in markdown
    assert "| Sentence removed | high |" in markdown and "amnesty" in markdown
    assert "~~600~~ **800**" in markdown
    assert "| Before | After |" in markdown
    runs = artifacts("newswatch-run")
    assert len(runs) >= 2

    third = monitor(sources)  # nothing changed but the page noise
    assert [o["outcome"] for o in third["outcomes"]] == ["unchanged"]
    demo_site.publish(3)  # noise and typography only
    fourth = monitor(sources)
    assert [o["outcome"] for o in fourth["outcomes"]] == ["unchanged"]
    assert len(mail_sink.delivered) == 1
    assert counts(env["NEWSWATCH_DATABASE_URL"]) == (2, 1, 1)
    assert len(artifacts(key)) == earlier + 1  # no review artifact without a change


def test_transient_fetch_errors_are_retried_by_the_batch_task(
    prefect_harness: None, env: dict[str, str], tmp_path: Path
) -> None:
    page = DemoSite().render().encode()
    calls = {"n": 0}

    def flaky(_seen):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        return Reply(503, b"busy") if calls["n"] == 1 else Reply(200, page)

    with LocalServer() as server:
        server.route("/story", flaky)
        sources = str(write_sources(tmp_path / "sources.toml", server.url("/story")))
        result = monitor(sources)
    assert [o["outcome"] for o in result["outcomes"]] == ["first"]
    assert calls["n"] == 2


def test_a_lasting_failure_is_reported_and_the_flow_completes(
    prefect_harness: None, env: dict[str, str], tmp_path: Path
) -> None:
    with LocalServer() as server:
        server.route("/story", Reply(500, b"broken"))
        sources = str(write_sources(tmp_path / "sources.toml", server.url("/story")))
        result = monitor(sources)
    (outcome,) = result["outcomes"]
    assert outcome["outcome"] == "failed" and "HTTP 500" in outcome["error"]
    assert result["summary"]["failed"] == 1
    assert len(server.seen) == 3  # the first try and two retries


def test_a_bad_sources_file_fails_the_flow_with_its_error_line(
    prefect_harness: None, env: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('[[source]]\nname = "x"\nurl = "file:///etc/passwd"\n', "utf-8")
    from newswatch.sources import SourcesError

    with pytest.raises(SourcesError, match="only http and https"):
        monitor(str(path))
