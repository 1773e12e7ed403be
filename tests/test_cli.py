import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Select, select
from typer.testing import CliRunner

from newswatch import models as m
from newswatch.cli import app
from newswatch.cli_common import parse_since
from newswatch.demo.mailsink import MailSink
from newswatch.demo.site import DemoSite
from tests.conftest import DemoChange, write_sources

runner = CliRunner()


def test_history_lists_versions_and_checks(demo_change: DemoChange, demo_site: DemoSite) -> None:
    result = runner.invoke(app, ["history", demo_site.article_url, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [v["version"] for v in data["versions"]] == [1, 2]
    assert [c["outcome"] for c in data["checks"]] == ["new-version", "new-version"]
    human = runner.invoke(app, ["history", demo_site.article_url])
    assert "Veloria and Kastan" in human.stdout and "new-version" in human.stdout


def test_diff_any_two_versions(demo_change: DemoChange, demo_site: DemoSite) -> None:
    result = runner.invoke(
        app, ["diff", demo_site.article_url, "--from", "1", "--to", "2", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["from_version"], data["to_version"]) == (1, 2)
    kinds = {(c["kind"], c["old"], c["new"]) for c in data["claims"]}
    assert ("number", "600,000", "800,000") in kinds
    backwards = json.loads(
        runner.invoke(
            app, ["diff", demo_site.article_url, "--from", "2", "--to", "1", "--json"]
        ).stdout
    )
    assert ("number", "800,000", "600,000") in {
        (c["kind"], c["old"], c["new"]) for c in backwards["claims"]
    }
    human = runner.invoke(app, ["diff", demo_site.article_url])
    assert "Figure" in human.stdout and "800,000" in human.stdout
    missing = runner.invoke(app, ["diff", demo_site.article_url, "--from", "1", "--to", "7"])
    assert missing.exit_code == 1 and "versions 1 to 2" in missing.stderr


def test_changes_as_json_for_scripts(demo_change: DemoChange, demo_site: DemoSite) -> None:
    result = runner.invoke(app, ["changes", "--since", "1h", "--json"])
    assert result.exit_code == 0, result.output
    (change,) = json.loads(result.stdout)
    assert change["url"] == demo_site.article_url
    assert (change["from_version"], change["to_version"]) == (1, 2)
    claim = next(c for c in change["claims"] if c["kind"] == "number")
    assert set(claim) >= {"kind", "severity", "old", "new"}
    future = runner.invoke(app, ["changes", "--since", "2999-01-01", "--json"])
    assert json.loads(future.stdout) == []
    human = runner.invoke(app, ["changes"])
    assert "v1 → v2" in human.stdout and "silent edit" in human.stdout


def test_unknown_url_is_a_clear_error(env: dict[str, str]) -> None:
    result = runner.invoke(app, ["history", "https://example.org/never"])
    assert result.exit_code == 1 and "is not tracked" in result.stderr


def test_run_with_a_bad_sources_file_prints_one_line_per_problem(
    env: dict[str, str], tmp_path: Path
) -> None:
    path = tmp_path / "s.toml"
    path.write_text('[[source]]\nname = "x"\nurl = "ftp://e.org/"\n', "utf-8")
    result = runner.invoke(app, ["run", "--sources", str(path)])
    assert result.exit_code == 1
    assert "source #1 ('x'): url: only http and https" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.orchestration
def test_run_performs_one_cycle(
    prefect_harness: None, env: dict[str, str], demo_site: DemoSite, tmp_path: Path
) -> None:
    sources = write_sources(tmp_path / "sources.toml", demo_site.article_url)
    result = runner.invoke(app, ["run", "--sources", str(sources), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [o["outcome"] for o in data["outcomes"]] == ["first"]
    # the table lists what happened to articles; one found as it was is only counted
    again = runner.invoke(app, ["run", "--sources", str(sources), "--all"])
    assert again.exit_code == 0, again.output
    assert demo_site.article_url not in again.stdout
    assert "unchanged: 1" in again.stdout


def test_since_accepts_spans_dates_and_times() -> None:
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
    assert parse_since("12h", now) == datetime(2026, 11, 25, 0, 0, tzinfo=UTC)
    assert parse_since("2d", now) == datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    assert parse_since("2026-11-20", now) == datetime(2026, 11, 20, tzinfo=UTC)
    with pytest.raises(Exception, match="use a date"):
        parse_since("last tuesday", now)


def test_history_follows_one_clause(demo_change: DemoChange, demo_site: DemoSite) -> None:
    result = runner.invoke(
        app, ["history", demo_site.article_url, "--clause", "clause 7", "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["clause"] == "Clause 7"
    texts = [v["text"] for v in data["versions"]]
    assert "600,000" in texts[0] and "800,000" in texts[1]
    gone = json.loads(
        runner.invoke(
            app, ["history", demo_site.article_url, "--clause", "clause 12", "--json"]
        ).stdout
    )
    assert gone["versions"][0]["text"].startswith("- Clause 12:")
    assert gone["versions"][1]["text"] is None
    human = runner.invoke(app, ["history", demo_site.article_url, "--clause", "clause 9"])
    assert "(unchanged)" in human.stdout


def test_alerts_list_retry_and_deliver(demo_change: DemoChange, mail_sink: MailSink) -> None:
    mail_sink.reject("550 5.1.1 no such mailbox")
    result = runner.invoke(app, ["alerts", "deliver"])
    assert result.exit_code == 0 and "failed 1" in result.stdout
    listed = json.loads(runner.invoke(app, ["alerts", "list", "--json"]).stdout)
    assert [(a["status"], a["recipient"]) for a in listed] == [("failed", "desk@test.invalid")]
    assert "550 5.1.1 no such mailbox" in listed[0]["reason"]
    human = runner.invoke(app, ["alerts", "list", "--status", "failed"])
    assert "550 5.1.1" in human.stdout
    mail_sink.reject(None)
    assert "1 failed alert(s) back" in runner.invoke(app, ["alerts", "retry"]).stdout
    sent = runner.invoke(app, ["alerts", "deliver", "--json"])
    assert json.loads(sent.stdout)["sent"] == 1 and len(mail_sink.delivered) == 1
    listed = json.loads(runner.invoke(app, ["alerts", "list", "--json"]).stdout)
    assert listed[0]["status"] == "sent" and listed[0]["reason"].startswith("250")


def test_alerts_test_prints_the_server_reply(env: dict[str, str], mail_sink: MailSink) -> None:
    result = runner.invoke(app, ["alerts", "test", "ops@test.invalid"])
    assert result.exit_code == 0, result.output
    assert "server replied: 250" in result.stdout
    (mail,) = mail_sink.delivered
    assert mail.envelope_to == ["ops@test.invalid"]
    mail_sink.reject("554 5.7.1 relay denied")
    refused = runner.invoke(app, ["alerts", "test", "ops@test.invalid"])
    assert refused.exit_code == 1 and "554 5.7.1 relay denied" in refused.stderr


def test_show_prints_a_version_and_its_raw_page(
    demo_change: DemoChange, demo_site: DemoSite
) -> None:
    first = runner.invoke(app, ["show", demo_site.article_url, "--version", "1"])
    assert first.exit_code == 0 and "600,000 troops" in first.stdout
    latest = runner.invoke(app, ["show", demo_site.article_url])
    assert "800,000 troops" in latest.stdout
    raw = runner.invoke(app, ["show", demo_site.article_url, "--version", "1", "--raw"])
    assert raw.stdout.startswith("<!DOCTYPE html>") and "window.__adSlots" in raw.stdout


def test_a_raw_page_whose_base_page_was_deleted_by_hand_is_a_one_line_error(
    demo_change: DemoChange, demo_site: DemoSite, tmp_path: Path
) -> None:
    from sqlalchemy import delete, update

    from newswatch import models as m

    store = demo_change[0]
    with store.transaction() as session:
        first, second = session.scalars(select_captures_with_pages()).all()
        assert session.get_one(m.Blob, second.blob_sha256).base == first.blob_sha256
        gone = first.blob_sha256
        assert gone is not None
        session.execute(update(m.Capture).where(m.Capture.id == first.id).values(blob_sha256=None))
        session.execute(delete(m.Blob).where(m.Blob.sha256 == gone))
    raw = runner.invoke(app, ["show", demo_site.article_url, "--version", "2", "--raw"])
    said = " ".join(raw.stderr.split())  # the test console wraps at 80 columns
    assert raw.exit_code == 1 and raw.stdout == ""
    assert said.startswith("error: version 2 of") and f"({gone[:12]}) is gone" in said
    assert "Traceback" not in said
    path = tmp_path / "archive.warc.gz"
    export = runner.invoke(app, ["export", "--warc", str(path)])
    assert export.exit_code == 1 and "not written" in " ".join(export.stderr.split())
    assert not path.exists()
    text = runner.invoke(app, ["show", demo_site.article_url, "--version", "2"])
    assert text.exit_code == 0 and "800,000 troops" in text.stdout  # the text is kept apart


def select_captures_with_pages() -> Select[m.Capture]:
    return select(m.Capture).where(m.Capture.blob_sha256.is_not(None)).order_by(m.Capture.id)


def test_export_writes_a_warc_that_standard_tools_read(
    demo_change: DemoChange,
    demo_site: DemoSite,
    tmp_path: Path,
) -> None:
    import subprocess
    import sys

    from warcio.archiveiterator import ArchiveIterator

    store, settings, watchlist, _o = demo_change
    from newswatch import pipeline
    from newswatch.store import find_article

    with store.reading() as s:
        article_id = find_article(s, demo_site.article_url).id  # type: ignore[union-attr]
    pipeline.check_batch(store, [article_id], watchlist, settings, "third")  # an unchanged fetch
    path = tmp_path / "archive.warc.gz"
    result = runner.invoke(app, ["export", "--warc", str(path)])
    assert result.exit_code == 0, result.output
    assert "2 response, 0 revisit and 1 metadata" in result.stdout
    with path.open("rb") as stream:
        records = [
            (r.rec_type, r.rec_headers.get_header("WARC-Target-URI"), r.content_stream().read())
            for r in ArchiveIterator(stream)
        ]
    responses = [body for kind, uri, body in records if kind == "response"]
    assert len(responses) == 2 and all(uri == demo_site.article_url for _, uri, _ in records)
    assert b"600,000 troops" in responses[0] and b"800,000 troops" in responses[1]
    check = subprocess.run(
        [Path(sys.executable).parent / "warcio", "check", str(path)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
