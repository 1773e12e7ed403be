import hashlib
import json
import os
import subprocess
import sys
import threading
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from newswatch import models as m
from newswatch import pipeline
from newswatch.demo.site import DemoSite
from newswatch.review import build_report, render_markdown
from newswatch.settings import Settings
from newswatch.sources import Watchlist, load_watchlist
from newswatch.store import Store, open_store, sync_watchlist, versions_of
from newswatch.store_pages import get_blob
from tests.conftest import write_sources
from tests.httpserver import LocalServer, Reply, Route, Seen


def setup(
    tmp_path: Path, url: str, extra: str = ""
) -> tuple[Store, Settings, Watchlist, list[int]]:
    settings = Settings()
    watchlist = load_watchlist(write_sources(tmp_path / "sources.toml", url, extra=extra))
    store = open_store(settings.resolved_database_url)
    with store.transaction() as session:
        ids = sync_watchlist(session, watchlist)
    return store, settings, watchlist, ids


def serve_articles(
    server: LocalServer, pages: dict[str, bytes], tmp_path: Path, settings: Settings
) -> tuple[Store, Watchlist, list[int]]:
    """Each page at its path on ``server``, watched as an article source of its own; returns
    (store, watchlist, article ids)."""
    server.route("/robots.txt", Reply(404, b""))
    for path, body in pages.items():
        server.route(path, Reply(200, body, {"Content-Type": "text/html"}))
    sources = "".join(
        f'[[source]]\nname = "{path[1:]}"\nkind = "article"\nurl = "{server.url(path)}"\n'
        for path in pages
    )
    (tmp_path / "pages.toml").write_text(sources, "utf-8")
    watchlist = load_watchlist(tmp_path / "pages.toml")
    store = open_store(settings.resolved_database_url)
    with store.transaction() as session:
        ids = sync_watchlist(session, watchlist)
    return store, watchlist, ids


def count(store: Store, model: type[m.Base]) -> int:
    with store.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_demo_revision_end_to_end_without_prefect(
    env: dict[str, str], demo_site: DemoSite, tmp_path: Path
) -> None:
    store, settings, watchlist, ids = setup(tmp_path, demo_site.article_url)
    (first,) = pipeline.check_batch(store, ids, watchlist, settings, "c1")
    assert (first.outcome, first.version) == ("first", 1)

    (again,) = pipeline.check_batch(store, ids, watchlist, settings, "c2")  # fresh page noise
    assert (again.outcome, again.version) == ("unchanged", 1)

    demo_site.publish(2)
    (changed,) = pipeline.check_batch(store, ids, watchlist, settings, "c3")
    assert (changed.outcome, changed.version, changed.severity) == ("changed", 2, "high")
    assert changed.alerts == 1
    with store.reading() as s:
        change = s.get_one(m.Change, changed.change_id)
        claims = {(c.kind, c.old_value, c.new_value) for c in change.claims}
        assert ("number", "600,000", "800,000") in claims
        removed = [c for c in change.claims if c.kind == "removed"]
        assert len(removed) == 1 and "amnesty" in (removed[0].old_sentence or "")
        assert removed[0].severity == "high" and removed[0].detail["terms"] == ["amnesty"]
        assert removed[0].detail["clause"] == "Clause 12"
        assert change.stats["silent"] is True  # the page's modified date did not move
        # v2's page is kept as a delta against v1's and reads back byte for byte
        pages = [
            s.get_one(m.Capture, v.capture_id).blob_sha256 or "" for v in versions_of(s, ids[0])
        ]
        assert s.get_one(m.Blob, pages[1]).base == pages[0]
        assert [hashlib.sha256(get_blob(s, p) or b"").hexdigest() for p in pages] == pages
        (alert,) = s.scalars(select(m.Alert)).all()
        assert (alert.recipient, alert.status) == ("desk@test.invalid", "pending")
        for claim in change.claims:  # spans index the stored texts
            if claim.old_value and claim.kind in ("number", "entity", "attribution", "removed"):
                assert change.old_version.text[claim.old_start : claim.old_end] == claim.old_value

    demo_site.publish(3)  # noise and typography only
    (noise,) = pipeline.check_batch(store, ids, watchlist, settings, "c4")
    assert (noise.outcome, noise.version, noise.alerts) == ("unchanged", 2, 0)
    assert count(store, m.Version) == 2 and count(store, m.Change) == 1
    assert count(store, m.Alert) == 1 and count(store, m.Capture) == 4
    store.close()


def test_an_article_is_checked_once_per_cycle(
    env: dict[str, str], demo_site: DemoSite, tmp_path: Path
) -> None:
    store, settings, watchlist, ids = setup(tmp_path, demo_site.article_url)
    pipeline.check_batch(store, ids, watchlist, settings, "same")
    (repeat,) = pipeline.check_batch(store, ids, watchlist, settings, "same")
    assert repeat.outcome == "skipped" and demo_site.requests == 2  # robots.txt and the page
    store.close()


def test_failures_are_recorded_and_nothing_is_lost(env: dict[str, str], tmp_path: Path) -> None:
    with LocalServer() as server:
        site = DemoSite()
        pages = {"body": site.render().encode()}
        server.route("/story", lambda _s: Reply(200, pages["body"], {"Content-Type": "text/html"}))
        store, settings, watchlist, ids = setup(tmp_path, server.url("/story"))
        (first,) = pipeline.check_batch(store, ids, watchlist, settings, "c1")
        assert first.outcome == "first"

        pages["body"] = b"<html><body><p>Please accept our cookies to continue.</p></body></html>"
        (wall,) = pipeline.check_batch(store, ids, watchlist, settings, "c2")
        assert wall.outcome == "failed" and "no article text" in (wall.error or "")

        shrunk = site.render().replace(
            site.versions[0].body, "<p>" + "Short text only. " * 8 + "</p>"
        )
        pages["body"] = shrunk.encode()
        (broken,) = pipeline.check_batch(store, ids, watchlist, settings, "c3")
        assert broken.outcome == "failed" and "extraction broken" in (broken.error or "")

        server.route("/story", Reply(503, b"down"))
        (down,) = pipeline.check_batch(store, ids, watchlist, settings, "c4")
        assert down.outcome == "failed" and down.transient
        with store.reading() as s:
            article = s.get_one(m.Article, ids[0])
            assert article.status == "failing" and article.consecutive_failures == 3
            assert [v.number for v in versions_of(s, ids[0])] == [1]
        assert count(store, m.Change) == 0 and count(store, m.Alert) == 0

        server.route("/story", lambda _s: Reply(200, site.render().encode()))
        (back,) = pipeline.check_batch(store, ids, watchlist, settings, "c5")
        assert back.outcome == "unchanged"
        with store.reading() as s:
            assert s.get_one(m.Article, ids[0]).status == "ok"
        store.close()


def test_conditional_get_records_a_cheap_revisit(env: dict[str, str], tmp_path: Path) -> None:
    body = DemoSite().render().encode()

    def conditional(seen: Seen) -> Reply:
        if seen.headers.get("if-none-match") == '"abc"':
            return Reply(304, b"", {"ETag": '"abc"'})
        return Reply(200, body, {"ETag": '"abc"', "Content-Type": "text/html"})

    with LocalServer() as server:
        server.route("/story", conditional)
        store, settings, watchlist, ids = setup(tmp_path, server.url("/story"))
        pipeline.check_batch(store, ids, watchlist, settings, "c1")
        (second,) = pipeline.check_batch(store, ids, watchlist, settings, "c2")
        assert (second.outcome, second.version) == ("not-modified", 1)
        stories = [s for s in server.seen if s.path == "/story"]
        assert stories[1].headers["if-none-match"] == '"abc"'
        with store.reading() as s:
            captures = list(s.scalars(select(m.Capture).order_by(m.Capture.id)))
            assert [c.outcome for c in captures] == ["new-version", "not-modified"]
            # the ETag is on the capture with the bytes; the revisit that echoes it keeps none
            assert captures[0].headers["etag"] == '"abc"'
            assert captures[1].headers == {}
        assert count(store, m.Blob) == 1
        store.close()


def test_selector_from_the_sources_file_is_used(
    env: dict[str, str], demo_site: DemoSite, tmp_path: Path
) -> None:
    store, settings, watchlist, ids = setup(
        tmp_path, demo_site.article_url, extra='selector = "div.story-body ol"'
    )
    pipeline.check_batch(store, ids, watchlist, settings, "c1")
    with store.reading() as s:
        (version,) = versions_of(s, ids[0])
        assert version.text.splitlines()[0].startswith("- Clause 4:")
        assert len(version.text.splitlines()) == 4
    store.close()


def test_a_page_flipping_between_two_variants_alerts_once(
    env: dict[str, str], demo_site: DemoSite, tmp_path: Path
) -> None:
    store, settings, watchlist, ids = setup(tmp_path, demo_site.article_url)
    outcomes = []
    for cycle, version in enumerate([1, 2, 1, 2, 1, 2]):
        demo_site.publish(version)
        (outcome,) = pipeline.check_batch(store, ids, watchlist, settings, f"c{cycle}")
        outcomes.append(outcome.outcome)
    assert outcomes == ["first", "changed", "unchanged", "unchanged", "unchanged", "unchanged"]
    assert count(store, m.Version) == 2 and count(store, m.Change) == 1
    assert count(store, m.Alert) == 1
    store.close()


def test_a_correction_note_makes_an_edit_not_silent(env: dict[str, str], tmp_path: Path) -> None:
    site = DemoSite()
    first = site.render()
    site.publish(2)
    body = (
        site.versions[1].body
        + "<p>Correction: an earlier version of this article gave the wrong troop cap.</p>"
    )
    corrected = site.render().replace(site.versions[1].body, body)
    pages = {"body": first.encode()}
    with LocalServer() as server:
        server.route("/story", lambda _s: Reply(200, pages["body"], {"Content-Type": "text/html"}))
        store, settings, watchlist, ids = setup(tmp_path, server.url("/story"))
        pipeline.check_batch(store, ids, watchlist, settings, "c1")
        pages["body"] = corrected.encode()
        (changed,) = pipeline.check_batch(store, ids, watchlist, settings, "c2")
        with store.reading() as s:
            assert s.get_one(m.Change, changed.change_id).stats["silent"] is False
        store.close()


def test_extraction_workers_do_not_run_the_main_module_again(tmp_path: Path) -> None:
    """A spawned worker would import its parent's ``__main__`` first (the CLI, Prefect's engine:
    all of Prefect and the store); the pool's workers need only ``newswatch.extract``."""
    marker = tmp_path / "imported-by"
    script = tmp_path / "main_script.py"
    script.write_text(
        f"open({str(marker)!r}, 'a').write(__name__ + '\\n')\n"
        "from newswatch import pipeline\n"
        "from newswatch.extract import extract_or_error\n"
        "if __name__ == '__main__':\n"
        "    pool = pipeline.extraction_pool(2)\n"
        "    page = b'<html><head><title>T</title></head><body><article><h1>T</h1>'\n"
        "    page += b'<p>' + b'A sentence of the article body for the test. ' * 10 + b'</p>'\n"
        "    page += b'</article></body></html>'\n"
        "    results = [pool.submit(extract_or_error, page, 'http://x.test/a', None, None)\n"
        "               for _ in range(4)]\n"
        "    print(*{type(r.result()).__name__ for r in results})\n"
        "    pool.shutdown()\n",
        "utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.split() == ["Extracted"]
    assert marker.read_text("utf-8").split() == ["__main__"]  # not "__mp_main__" as well
    assert Path(sys.modules["__main__"].__file__ or "").exists()  # this process's own is intact


def _story(number: int, troops: str, closing: bool) -> bytes:
    body = (
        f"<p>The harbour council of Tessford voted on plan {number} on Tuesday after a long "
        f"debate about the ferry timetable and the cost of the new quay.</p>"
        f"<p>The plan sends {troops} workers to the quay this winter, the council said.</p>"
    )
    if closing:
        body += "<p>Critics said the vote came too early and asked for an independent review.</p>"
    return (
        f"<html><head><title>Plan {number}</title></head><body><article><h1>Plan {number} "
        f"approved</h1>{body}</article></body></html>"
    ).encode()


def test_extraction_processes_compare_a_new_text_as_the_recording_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a pool, the claim engine runs where the page is extracted; the change stored is the
    one an in-process comparison gives."""
    monkeypatch.setenv("NEWSWATCH_HOME", str(tmp_path))
    monkeypatch.setenv("NEWSWATCH_ALLOW_HOSTS", "127.0.0.1")
    monkeypatch.setenv("NEWSWATCH_HOST_DELAY", "0")
    revised = {"on": False}

    def plan(n: int) -> Route:
        def page(_seen: Seen) -> Reply:
            return Reply(200, _story(n, "800" if revised["on"] else "600", not revised["on"]))

        return page

    with LocalServer() as server:
        for n in range(4):
            server.route(f"/plan-{n}", plan(n))
        server.route("/robots.txt", Reply(404, b""))
        sources = "".join(
            f'[[source]]\nname = "plan-{n}"\nkind = "article"\nurl = "{server.url(f"/plan-{n}")}"\n'
            for n in range(4)
        )
        claims: dict[int, set[tuple[str, str, str | None, str | None]]] = {}
        for workers in (2, 0):
            path = tmp_path / f"sources-{workers}.toml"
            path.write_text(sources, "utf-8")
            watchlist = load_watchlist(path)
            settings = Settings(
                database_url=f"sqlite:///{tmp_path / f'pool-{workers}.db'}", extract_workers=workers
            )
            store = open_store(settings.resolved_database_url)
            with store.transaction() as session:
                ids = sync_watchlist(session, watchlist)
            revised["on"] = False
            pipeline.check_batch(store, ids, watchlist, settings, "first")
            revised["on"] = True
            with monkeypatch.context() as patch:
                if workers:  # the recording must not compare: the extraction process did
                    patch.setattr("newswatch.recording.compare", _no_compare)
                outcomes = pipeline.check_batch(store, ids, watchlist, settings, "second")
            assert [o.outcome for o in outcomes] == ["changed"] * 4, outcomes
            with store.reading() as s:
                claims[workers] = {
                    (c.kind, c.severity, c.old_value, c.new_value)
                    for change in s.scalars(select(m.Change))
                    for c in change.claims
                }
            store.close()
    assert claims[2] == claims[0]
    assert ("number", "high", "600", "800") in claims[2]


def _no_compare(*args: object, **kwargs: object) -> None:
    raise AssertionError("compared in the recording although an extraction process had")


def test_a_broken_extraction_pool_is_replaced_after_a_while(
    env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker that dies between runs (the out-of-memory killer, an operator) breaks the pool:
    the next batch extracts in the checking process, and a long-lived runner gets a new pool
    once the pause is over instead of doing without one for good."""
    page = DemoSite().render().encode()
    with LocalServer() as server:
        sources = ""
        for i in range(4):
            server.route(f"/story-{i}", lambda _s: Reply(200, page, {"Content-Type": "text/html"}))
            sources += f'[[source]]\nname = "s{i}"\nurl = "{server.url(f"/story-{i}")}"\n\n'
        (tmp_path / "four.toml").write_text(sources, "utf-8")
        watchlist = load_watchlist(tmp_path / "four.toml")
        settings = Settings(extract_workers=2)
        store = open_store(settings.resolved_database_url)
        with store.transaction() as session:
            ids = sync_watchlist(session, watchlist)
        monkeypatch.setattr(pipeline, "_pool_broken_until", 0.0)  # restored after the test
        broken = pipeline.extraction_pool(2)
        assert broken is not None
        with pytest.raises(BrokenProcessPool):
            broken.submit(os._exit, 1).result(timeout=60)
        outcomes = pipeline.check_batch(store, ids, watchlist, settings, "c1")
        assert [o.outcome for o in outcomes] == ["first"] * 4
        assert pipeline.extraction_pool(2) is None  # paused after the break
        monkeypatch.setattr(pipeline, "_pool_broken_until", 0.0)  # the pause is over
        renewed = pipeline.extraction_pool(2)
        assert renewed is not None and renewed is not broken
        assert renewed.submit(os.getpid).result(timeout=60) != os.getpid()
        store.close()


def test_pages_are_recorded_while_a_slow_one_is_still_on_the_way(
    env: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch settles each page once it is fetched and extracted, not after the last fetch:
    a batch does not hold every page's bytes until its slowest site answers."""
    released = threading.Event()
    slow_done = threading.Event()

    def slow(_seen: Seen) -> Reply:
        released.wait(20)
        slow_done.set()
        return Reply(200, _story(0, "600", True), {"Content-Type": "text/html"})

    with LocalServer() as server:
        server.route("/robots.txt", Reply(404, b""))
        server.route("/plan-0", slow)
        for n in range(1, 5):
            server.route(f"/plan-{n}", Reply(200, _story(n, "600", True)))
        sources = "".join(
            f'[[source]]\nname = "plan-{n}"\nkind = "article"\nurl = "{server.url(f"/plan-{n}")}"\n'
            for n in range(5)
        )
        (tmp_path / "five.toml").write_text(sources, "utf-8")
        watchlist = load_watchlist(tmp_path / "five.toml")
        settings = Settings(extract_workers=2, read_timeout=30)
        store = open_store(settings.resolved_database_url)
        with store.transaction() as session:
            ids = sync_watchlist(session, watchlist)
        settled_before_the_slow_page: list[bool] = []
        settle = pipeline._settle

        def watched(*args: Any) -> Any:
            settled_before_the_slow_page.append(not slow_done.is_set())
            released.set()
            return settle(*args)

        monkeypatch.setattr(pipeline, "_settle", watched)
        outcomes = pipeline.check_batch(store, ids, watchlist, settings, "c1")
        store.close()
    assert [o.outcome for o in outcomes] == ["first"] * 5
    assert settled_before_the_slow_page[0], "the batch waited for its slowest fetch"


def test_a_batch_keeps_each_payloads_digest_and_bytes_after_letting_go_of_them(
    env: dict[str, str], tmp_path: Path
) -> None:
    """First versions wait for the bulk write compressed and unchanged pages without their
    bytes; what is stored is still the exact payload and its digest, on either path (a page
    whose canonical URL names another address is recorded one by one)."""
    pages = {f"/plan-{n}": _story(n, "600", True) for n in range(4)}
    elsewhere = _story(9, "900", True).replace(
        b"<head>", b'<head><link rel="canonical" href="/plan-9-amp">'
    )
    pages["/plan-9"] = elsewhere
    with LocalServer() as server:
        settings = Settings(extract_workers=2)
        store, watchlist, ids = serve_articles(server, pages, tmp_path, settings)
        first = pipeline.check_batch(store, ids, watchlist, settings, "c1")
        again = pipeline.check_batch(store, ids, watchlist, settings, "c2")
    assert all(o.outcome == "first" for o in first), first
    assert [o.outcome for o in again] == ["unchanged"] * 5
    with store.reading() as s:
        articles = {a.id: a.url for a in s.scalars(select(m.Article))}
        captures = s.scalars(select(m.Capture).order_by(m.Capture.id)).all()
        assert len(captures) == 10
        for capture in captures:
            page = pages[articles[capture.article_id].removeprefix(server.base)]
            assert capture.payload_sha256 == hashlib.sha256(page).hexdigest()
            if capture.cycle == "c1":
                assert get_blob(s, capture.blob_sha256 or "") == page
        # the site's pages share their template: all but one are deltas against a sibling
        rows = {b.sha256: b for b in s.scalars(select(m.Blob))}
        bases = [b.base for b in rows.values() if b.base is not None]
        assert len(rows) == 5 and len(bases) >= 3
        assert all(rows[base].base is None for base in bases)
    store.close()


def test_a_sites_pages_are_stored_against_a_sibling_and_an_edit_against_its_own_page(
    env: dict[str, str], tmp_path: Path
) -> None:
    """First versions of one site share its chrome with a sibling checked in the same batch; an
    edited article's new page is then packed against its own first page, not the sibling."""
    chrome = "".join(f"<li><a href='/s/{i}'>Teaser {i * 7919 % 10007}</a></li>" for i in range(900))

    def page(number: int, troops: str) -> bytes:
        return _story(number, troops, True).replace(b"<body>", f"<body><ul>{chrome}</ul>".encode())

    pages = {f"/plan-{n}": page(n, "600") for n in range(3)}
    with LocalServer() as server:
        settings = Settings(extract_workers=0)
        store, watchlist, ids = serve_articles(server, pages, tmp_path, settings)
        pipeline.check_batch(store, ids, watchlist, settings, "c1")
        with store.reading() as s:  # an article whose first page is a delta against a sibling
            number = next(
                int(c.article.url.rsplit("-", 1)[1])
                for c in s.scalars(select(m.Capture))
                if s.get_one(m.Blob, c.blob_sha256).base is not None
            )
        edited = page(number, "900")
        server.route(f"/plan-{number}", Reply(200, edited, {"Content-Type": "text/html"}))
        (outcome,) = [
            o
            for o in pipeline.check_batch(store, ids, watchlist, settings, "c2")
            if o.outcome == "changed"
        ]
    with store.reading() as s:
        v1, v2 = (
            s.get_one(m.Capture, v.capture_id).blob_sha256 or ""
            for v in versions_of(s, outcome.article_id)
        )
        rows = {b.sha256: b for b in s.scalars(select(m.Blob))}
        assert len(rows) == 4 and sum(b.base is None for b in rows.values()) == 1
        assert rows[v1].base is not None and rows[v2].base == v1
        assert len(rows[v2].data) < 200
        assert get_blob(s, v2) == edited
    store.close()


def test_a_sites_first_versions_in_a_later_batch_are_stored_against_its_reference_page(
    env: dict[str, str], tmp_path: Path
) -> None:
    """New articles of a site arrive a few per cycle: the first page stored whole becomes the
    site's reference, and the site's first versions in later batches are deltas against it."""
    chrome = "".join(f"<li><a href='/s/{i}'>Teaser {i * 7919 % 10007}</a></li>" for i in range(900))
    pages = {
        f"/plan-{n}": _story(n, "600", True).replace(b"<body>", f"<body><ul>{chrome}</ul>".encode())
        for n in range(3)
    }
    with LocalServer() as server:
        settings = Settings(extract_workers=0)
        store, watchlist, ids = serve_articles(server, pages, tmp_path, settings)
        (first,) = pipeline.check_batch(store, ids[:1], watchlist, settings, "c1")
        later = pipeline.check_batch(store, ids[1:], watchlist, settings, "c2")
    assert first.outcome == "first" and [o.outcome for o in later] == ["first", "first"]
    with store.reading() as s:
        (reference,) = s.scalars(select(m.SitePage)).all()
        assert reference.site == "127.0.0.1"
        rows = {b.sha256: b for b in s.scalars(select(m.Blob))}
        assert rows[reference.blob_sha256].base is None
        deltas = [b for b in rows.values() if b.base is not None]
        assert len(rows) == 3 and [d.base for d in deltas] == [reference.blob_sha256] * 2
        assert all(len(d.data) < 400 for d in deltas)
        stored = {
            s.get_one(m.Capture, v.capture_id).blob_sha256
            for o in later
            for v in versions_of(s, o.article_id)
        }
        assert sorted(get_blob(s, d or "") or b"" for d in stored) == sorted(
            pages[f"/plan-{n}"] for n in (1, 2)
        )
    store.close()


def test_stamps_and_furniture_moving_on_store_a_version_but_alert_no_one(
    env: dict[str, str], tmp_path: Path
) -> None:
    """An update stamp, a reading time and a rotating promo inside the article body change on
    every visit of many real pages: the page is kept as a new version, but no one is told.
    A figure changed next to them still alerts."""
    site = DemoSite()
    body = site.versions[0].body

    def page(stamp: str, minutes: int, promo: str, text: str = body) -> bytes:
        furniture = (
            f"<p>Updated: 1 December 2026, {stamp} GMT</p><p>{minutes} min read</p>"
            f"<p>Read more: {promo}</p>"
        )
        return site.render().replace(body, furniture + text).encode()

    pages = {"body": page("10:32", 5, "Harbour dredging begins")}
    with LocalServer() as server:
        server.route("/story", lambda _s: Reply(200, pages["body"], {"Content-Type": "text/html"}))
        store, settings, watchlist, ids = setup(tmp_path, server.url("/story"))
        (first,) = pipeline.check_batch(store, ids, watchlist, settings, "c1")
        pages["body"] = page("14:05", 6, "Ferry operator names a new chief")
        (moved_on,) = pipeline.check_batch(store, ids, watchlist, settings, "c2")
        assert (first.outcome, moved_on.outcome) == ("first", "changed")
        assert count(store, m.Version) == 2 and count(store, m.Alert) == 0
        assert "600,000" in body
        edited = body.replace("600,000", "800,000")
        pages["body"] = page("15:40", 6, "Ferry operator names a new chief", edited)
        (figure,) = pipeline.check_batch(store, ids, watchlist, settings, "c3")
        assert figure.outcome == "changed"
        assert count(store, m.Version) == 3 and count(store, m.Alert) == 1
        store.close()


def live_page(posts: list[str]) -> bytes:
    feed = "".join(f'<article class="post"><p>{p}</p></article>' for p in posts)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Storm on the coast: live | Coast Courier</title>"
        '<script type="application/ld+json">{"@type": "LiveBlogPosting", '
        '"headline": "Storm on the coast: live"}</script></head><body>'
        '<header><a href="/">Coast Courier</a></header><main>'
        f'<h1>Storm on the coast: live</h1><div class="feed">{feed}</div></main></body></html>'
    ).encode()


LIVE_POSTS = [
    "Power has been cut to about 4,000 homes in the eastern districts, the grid operator said. "
    "Crews will start repairs once the wind drops.",
    "Police asked drivers to stay off the coastal road until the evening. Two lorries were "
    "blown onto their sides near the bridge.",
    "The council has opened three shelters in the north of the city. Each can take about 250 "
    "people.",
    "Winds of 90 km/h were measured at the harbour, the weather office said. Gusts should ease "
    "after nightfall.",
    "Schools will stay closed on Tuesday, the education board announced. Exams move to next month.",
]


def test_a_live_blog_moving_on_is_recorded_and_an_edited_post_alerts(
    env: dict[str, str], tmp_path: Path
) -> None:
    """A live blog's new posts and the posts that scroll off its end are versions kept for the
    record, ranked low: no alert on every visit. A figure changed in a post already published
    alerts as on any article."""
    pages = {"live": live_page(LIVE_POSTS[1:])}
    with LocalServer() as server:
        server.route("/live", lambda _s: Reply(200, pages["live"], {"Content-Type": "text/html"}))
        store, settings, watchlist, ids = setup(tmp_path, server.url("/live"))
        (first,) = pipeline.check_batch(store, ids, watchlist, settings, "c1")
        pages["live"] = live_page(LIVE_POSTS[:4])
        (moved_on,) = pipeline.check_batch(store, ids, watchlist, settings, "c2")
        assert (first.outcome, moved_on.outcome) == ("first", "changed")
        assert count(store, m.Version) == 2 and count(store, m.Alert) == 0
        with store.reading() as s:
            change = s.scalars(select(m.Change)).one()
            assert change.severity == "low" and change.new_version.live
            assert {c.severity for c in change.claims} == {"low"}
            assert {c.detail.get("live") for c in change.claims} >= {"new post", "scrolled off"}
            markdown = render_markdown(build_report(s, change))  # what a reviewer reads
            assert "| New live post | low |" in markdown
            assert "| Live post scrolled off | low |" in markdown
        # comparing the stored versions again ranks them as the recording did
        from typer.testing import CliRunner

        from newswatch.cli import app

        again = CliRunner().invoke(app, ["diff", server.url("/live"), "--json"])
        assert {c["severity"] for c in json.loads(again.stdout)["claims"]} == {"low"}
        edited = [p.replace("three shelters", "five shelters") for p in LIVE_POSTS[:4]]
        pages["live"] = live_page(edited)
        (figure,) = pipeline.check_batch(store, ids, watchlist, settings, "c3")
        assert figure.outcome == "changed"
        assert count(store, m.Version) == 3 and count(store, m.Alert) == 1
        store.close()


FERRY = [
    "The harbour authority approved a new ferry timetable on Wednesday after a month of talks "
    "with the crews, ending a dispute that had cancelled dozens of crossings this winter.",
    "Crossings to the outer islands will run every ninety minutes instead of every two hours "
    "from March, and the first boat of the day will leave the mainland half an hour earlier.",
    "The authority said the change would cost about 2.4 million a year, paid from the port "
    "levy, and that it expected more passengers to make up part of that within three years.",
    "Union representatives said their members had accepted the new rosters by a narrow margin "
    "after the authority agreed to cap night shifts at three a week for every crew.",
    "Island councils had asked for a later last crossing on Fridays and Saturdays, which the "
    "timetable does not include; the authority said it would look at the request next year.",
    "The authority will review the timetable after its first summer season, its chair said, "
    "and publish the number of passengers on every route each month until then.",
    "Ticket prices stay as they are until the review, although the levy itself rises in April.",
    "The first crossings on the new timetable leave on the second Monday of March.",
]


def walled_page(paragraphs: list[str], wall: bool) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    prompt = '<p class="prompt">Subscribe to continue reading.</p>' if wall else ""
    return (
        '<html lang="en"><head><title>Ferries to run more often | Coast Courier</title>'
        '<meta property="og:title" content="Ferries to run more often"></head><body><main>'
        f"<article><h1>Ferries to run more often</h1>{body}{prompt}</article></main></body></html>"
    ).encode()


def test_a_paywall_that_cuts_an_article_short_is_neither_a_version_nor_an_alert(
    env: dict[str, str], tmp_path: Path
) -> None:
    """A metered paywall shows the first paragraphs and its prompt on some visits. After the
    whole text, such a page is a failed check with the page kept as evidence, not half the
    article deleted; an article first seen behind the wall gains the rest later without an
    alert."""
    pages = {
        "/whole": walled_page(FERRY, wall=False),
        "/behind": walled_page(FERRY[:4], wall=True),
    }
    settings = Settings()
    with LocalServer() as server:
        store, watchlist, ids = serve_articles(server, dict(pages), tmp_path, settings)
        for path in pages:  # served as they are at each check
            server.route(path, lambda s: Reply(200, pages[s.path], {"Content-Type": "text/html"}))
        pipeline.check_batch(store, ids, watchlist, settings, "c1")
        pages["/whole"], pages["/behind"] = pages["/behind"], pages["/whole"]
        outcomes = {o.url: o for o in pipeline.check_batch(store, ids, watchlist, settings, "c2")}
        cut, lifted = outcomes[server.url("/whole")], outcomes[server.url("/behind")]
        assert cut.outcome == "failed" and cut.error is not None
        assert cut.error.startswith("paywall: the page showed")
        assert lifted.outcome == "changed"
        assert count(store, m.Version) == 3 and count(store, m.Alert) == 0
        with store.reading() as s:
            capture = s.scalars(select(m.Capture).where(m.Capture.error == cut.error)).one()
            assert get_blob(s, capture.blob_sha256 or "") == pages["/whole"]  # the evidence
            change = s.scalars(select(m.Change)).one()
            assert change.severity == "low"
            assert {c.detail.get("paywall") for c in change.claims} == {"shown in full", "prompt"}
            markdown = render_markdown(build_report(s, change))
            assert "| Shown past a paywall | low |" in markdown
        pages["/whole"] = walled_page(FERRY, wall=False)  # served whole again: as stored
        outcomes = {o.url: o for o in pipeline.check_batch(store, ids, watchlist, settings, "c3")}
        assert outcomes[server.url("/whole")].outcome == "unchanged"
        assert count(store, m.Version) == 3
        store.close()


def test_a_run_of_mostly_revisits_takes_bigger_batches() -> None:
    """Each batch is a task run the Prefect server spends CPU recording; a batch of revisits
    (304s, unchanged texts) is cheap to check, so a run of mostly revisits takes fewer."""
    settings = Settings(batch_size=250, revisit_batch_size=1000)
    assert pipeline.batch_size_for(first_captures=2000, due=2000, settings=settings) == 250
    assert pipeline.batch_size_for(first_captures=1000, due=2000, settings=settings) == 250
    assert pipeline.batch_size_for(first_captures=999, due=2000, settings=settings) == 1000
    assert pipeline.batch_size_for(first_captures=0, due=2000, settings=settings) == 1000
    smaller = Settings(batch_size=250, revisit_batch_size=100)  # never below the batch size
    assert pipeline.batch_size_for(first_captures=0, due=2000, settings=smaller) == 250
