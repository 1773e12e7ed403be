import json
from pathlib import Path

import pytest
from sqlalchemy import select
from typer.testing import CliRunner

from newswatch import extract as ex
from newswatch import models as m
from newswatch import pipeline
from newswatch.cli import app
from newswatch.review import build_report, render_markdown
from newswatch.settings import Settings
from newswatch.sources import Watchlist, load_watchlist
from newswatch.store import Store, open_store, sync_watchlist
from tests.httpserver import LocalServer, Reply

PARAGRAPHS = [
    "The harbour board approved a plan on Tuesday to dredge the northern channel, ending a "
    "dispute that had kept the larger ferries out of the port for two winters.",
    "The plan sets aside 14 million euros for the work, which is due to start in March and take "
    "about eight months, the board's chair said at a briefing.",
    "Fishing groups had objected to dredging in the spawning season, so the work will pause "
    "between April and June, when most of the fish come in to spawn.",
]


def page(paragraphs: list[str]) -> bytes:
    """An article with a promo for another story between its paragraphs: extractor 1 kept it
    as a line of text, extractor 2 drops it."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs[:2])
    body += '<p><strong><a href="/other">Storm warning issued for the weekend</a></strong></p>'
    body += "".join(f"<p>{p}</p>" for p in paragraphs[2:])
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Channel to be dredged | Coast Post</title></head><body><main><article>"
        f"<h1>Channel to be dredged</h1>{body}</article></main></body></html>"
    ).encode()


def watch(
    server: LocalServer, pages: dict[str, bytes], tmp_path: Path
) -> tuple[Store, Watchlist, list[int]]:
    """Serve ``pages`` (as they are when fetched), each watched as an article, with a desk
    subscribed at medium; returns (store, watchlist, article ids)."""
    server.route("/robots.txt", Reply(404, b""))
    for path in pages:
        server.route(path, lambda s: Reply(200, pages[s.path], {"Content-Type": "text/html"}))
    sources = (
        "".join(
            f'[[source]]\nname = "{p[1:]}"\nkind = "article"\nurl = "{server.url(p)}"\n'
            for p in pages
        )
        + '[[subscription]]\naddress = "desk@test.invalid"\nmin_severity = "medium"\n'
    )
    (tmp_path / "pages.toml").write_text(sources, "utf-8")
    watchlist = load_watchlist(tmp_path / "pages.toml")
    store = open_store(Settings().resolved_database_url)
    with store.transaction() as session:
        ids = sync_watchlist(session, watchlist)
    return store, watchlist, ids


def as_extractor_1_read(monkeypatch: pytest.MonkeyPatch, data: bytes, url: str) -> ex.Extracted:
    with monkeypatch.context() as patched:
        patched.setattr(ex, "drop_link_only_blocks", lambda tree: 0)
        return ex.extract(data, url)


def test_an_extractor_upgrade_is_not_an_edit_and_a_site_edit_after_it_still_alerts(
    env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two articles stored by extractor 1, whose text held a promo line. Checked again after
    the upgrade, the unchanged one gets a version with no alert (the promo's removal ranked
    cosmetic, "Extraction changed, not the page"); the one whose figure the site edited alerts
    for the figure alone."""
    edited = [p.replace("14 million", "19 million") for p in PARAGRAPHS]
    pages = {"/same": page(PARAGRAPHS), "/edited": page(PARAGRAPHS)}
    with LocalServer() as server:
        store, watchlist, ids = watch(server, pages, tmp_path)
        settings = Settings()
        firsts = pipeline.check_batch(store, ids, watchlist, settings, "c1")
        assert {o.outcome for o in firsts} == {"first"}
        with store.transaction() as session:  # what extractor 1 had stored from these pages
            for version in session.scalars(select(m.Version)):
                assert version.extractor == ex.extractor() and "Storm" not in version.text
                old = as_extractor_1_read(monkeypatch, pages["/same"], server.url("/same"))
                assert "Storm warning issued for the weekend" in old.text
                version.text, version.fingerprint, version.extractor = (
                    old.text,
                    old.fingerprint,
                    "1",
                )

        pages["/edited"] = page(edited)
        outcomes = {o.url: o for o in pipeline.check_batch(store, ids, watchlist, settings, "c2")}
        same, changed = outcomes[server.url("/same")], outcomes[server.url("/edited")]
        assert (same.outcome, same.severity, same.alerts) == ("changed", "cosmetic", 0)
        assert (changed.outcome, changed.severity, changed.alerts) == ("changed", "high", 1)
        with store.reading() as s:
            quiet = s.get_one(m.Change, same.change_id)
            (claim,) = quiet.claims
            assert (claim.kind, claim.severity) == ("removed", "cosmetic")
            assert claim.detail["extraction"] == "changed"
            markdown = render_markdown(build_report(s, quiet))  # what a reviewer reads
            assert "*1 extraction changed, not the page (a newer newswatch" in markdown
            assert "Storm warning issued for the weekend" in markdown
            loud = s.get_one(m.Change, changed.change_id)
            ranks = {(c.kind, c.severity, c.detail.get("extraction")) for c in loud.claims}
            assert ranks == {("number", "high", None), ("removed", "cosmetic", "changed")}
            assert {v.extractor for v in s.scalars(select(m.Version))} == {"1", ex.extractor()}
        # comparing the stored versions again ranks them as the recording did
        shown = CliRunner().invoke(app, ["diff", server.url("/same"), "--json"])
        assert shown.exit_code == 0, shown.output
        assert [c["severity"] for c in json.loads(shown.stdout)["claims"]] == ["cosmetic"]
        # from now on the texts compare as usual: the same page again is unchanged
        again = pipeline.check_batch(store, ids, watchlist, settings, "c3")
        assert {o.outcome for o in again} == {"unchanged"}
        store.close()


def test_a_version_today_s_extractor_read_is_not_read_again(
    env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading a stored page again costs an extraction: only an upgrade pays it."""
    from newswatch import reread

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("read again")

    monkeypatch.setattr(reread, "read_again", never)
    pages = {"/a": page(PARAGRAPHS)}
    with LocalServer() as server:
        store, watchlist, ids = watch(server, pages, tmp_path)
        settings = Settings()
        pipeline.check_batch(store, ids, watchlist, settings, "c1")
        pages["/a"] = page([p.replace("14 million", "19 million") for p in PARAGRAPHS])
        (changed,) = pipeline.check_batch(store, ids, watchlist, settings, "c2")
        assert (changed.outcome, changed.severity) == ("changed", "high")
        store.close()
