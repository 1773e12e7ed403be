"""Finding articles through feeds, sitemaps and section pages served locally, and checking
only what is due."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select
from typer.testing import CliRunner

from newswatch import models as m
from newswatch.cli import app
from newswatch.demo.site import DemoSite
from newswatch.scan import scan_sources
from newswatch.settings import Settings
from newswatch.sources import load_watchlist
from newswatch.store import due_articles, open_store, source_ids, sync_watchlist
from tests.httpserver import LocalServer, Reply, urlset

runner = CliRunner()


def feed(base: str, *items: tuple[str, str]) -> bytes:
    entries = "".join(
        f"<item><title>{t}</title><link>{base}{p}</link>"
        f"<pubDate>Tue, 24 Nov 2026 09:30:00 GMT</pubDate></item>"
        for p, t in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>{entries}</channel></rss>'.encode()


def sources_file(tmp_path: Path, server: LocalServer) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(
        f"""
[[source]]
name = "wire"
kind = "feed"
url = "{server.url("/feed.xml")}"

[[source]]
name = "broken"
kind = "feed"
url = "{server.url("/not-a-feed")}"

[[source]]
name = "map"
kind = "sitemap"
url = "{server.url("/sitemap.xml")}"

[[source]]
name = "front"
kind = "section"
url = "{server.url("/world/")}"
""",
        "utf-8",
    )
    return path


def serve(server: LocalServer) -> None:
    base = server.base
    server.route(
        "/feed.xml",
        Reply(
            200,
            feed(
                base,
                ("/world/2026/11/24/talks-resume?utm_source=rss", "Talks"),
                ("/world/2026/11/24/ferry-fares", "Fares"),
            ),
        ),
    )
    server.route("/not-a-feed", Reply(200, b"<!DOCTYPE html><html><body>Oops</body></html>"))
    server.route(
        "/sitemap.xml",
        Reply(
            200,
            f"""<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{base}/world/2026/11/24/talks-resume</loc><lastmod>2026-11-24T10:00:00Z</lastmod></url>
<url><loc>{base}/world/2026/11/23/bridge-opens</loc><lastmod>2026-11-23T10:00:00Z</lastmod></url>
</urlset>""".encode(),
        ),
    )
    server.route(
        "/world/",
        Reply(
            200,
            f"""<html><body><a href="/about">About</a>
<a href="/world/2026/11/24/ferry-fares?utm_medium=home">Fares</a>
<a href="{base}/world/2026/11/22/harbour-dredging">Dredging</a></body></html>""".encode(),
            {"Content-Type": "text/html"},
        ),
    )


def test_sources_are_scanned_and_one_article_is_tracked_once(
    env: dict[str, str], tmp_path: Path
) -> None:
    with LocalServer() as server:
        serve(server)
        watchlist = load_watchlist(sources_file(tmp_path, server))
        settings = Settings()
        store = open_store(settings.resolved_database_url)
        with store.transaction() as session:
            sync_watchlist(session, watchlist)
        results = {r.source: r for r in scan_sources(store, watchlist, settings)}
        assert (results["wire"].found, results["wire"].new) == (2, 2)
        assert (results["map"].found, results["map"].new) == (2, 1)  # talks-resume already known
        assert (results["front"].found, results["front"].new) == (2, 1)
        assert results["broken"].error == "broken: an HTML page came back instead of a feed"
        with store.reading() as session:
            urls = sorted(session.scalars(select(m.Article.url)))
            assert urls == sorted(
                f"{server.base}/world/2026/11/{p}"
                for p in (
                    "24/talks-resume",
                    "24/ferry-fares",
                    "23/bridge-opens",
                    "22/harbour-dredging",
                )
            )
            broken = session.scalar(select(m.Source).where(m.Source.name == "broken"))
            assert broken is not None and broken.status == "failing"
            assert len(due_articles(session, m.utcnow(), 100)) == 4  # new articles are due now
        # the sitemap announces a newer lastmod for a story checked recently: pulled forward
        talks = f"{server.base}/world/2026/11/24/talks-resume"
        with store.transaction() as session:
            for article in session.scalars(select(m.Article)):
                article.next_check_at = m.utcnow().replace(year=2030)
                article.lastmod_seen = article.lastmod_seen or m.utcnow().replace(year=2020)
        server.route(
            "/sitemap.xml",
            urlset(f"<url><loc>{talks}</loc><lastmod>2026-11-25T10:00:00Z</lastmod></url>"),
        )
        (again,) = scan_sources(store, watchlist, settings, names=["map"])
        assert again.pulled_forward == 1
        with store.reading() as session:
            ids = source_ids(session)
            (due_id,) = due_articles(session, m.utcnow(), 100, sources=[ids["map"], ids["wire"]])
            assert session.get_one(m.Article, due_id).url.endswith("talks-resume")
        # a retired story announced as modified again is watched again, at once
        with store.transaction() as session:
            story = session.get_one(m.Article, due_id)
            story.status, story.next_check_at = "retired", None
        server.route(
            "/sitemap.xml",
            urlset(
                f"<url><loc>{talks}</loc><lastmod>2026-11-26T09:00:00Z</lastmod></url>"
                f"<url><loc>{server.base}/world/2026/11/23/bridge-opens</loc></url>"
            ),
        )
        (revived,) = scan_sources(store, watchlist, settings, names=["map"])
        assert revived.pulled_forward == 1
        with store.reading() as session:
            story = session.get_one(m.Article, due_id)
            assert story.status == "ok" and story.lastmod_seen is not None
            assert story.lastmod_seen.day == 26 and story.next_check_at is not None
            assert due_id in due_articles(session, m.utcnow(), 100)
        store.close()


def test_sources_cli_list_add_and_check(env: dict[str, str], tmp_path: Path) -> None:
    with LocalServer() as server:
        serve(server)
        path = sources_file(tmp_path, server)
        added = runner.invoke(
            app,
            [
                "sources",
                "add",
                "fares",
                server.url("/world/2026/11/24/ferry-fares"),
                "--tag",
                "local",
                "--term",
                "ferry",
                "--sources",
                str(path),
            ],
        )
        assert added.exit_code == 0, added.output
        assert path.read_text().startswith('\n[[source]]\nname = "wire"')  # kept as it was
        assert 'name = "fares"\nkind = "article"' in path.read_text()
        watchlist = load_watchlist(path)
        assert watchlist.by_name("fares").terms == ("ferry",)
        refused = runner.invoke(
            app, ["sources", "add", "fares", "file:///etc/passwd", "--sources", str(path)]
        )
        assert refused.exit_code == 1 and "file" in refused.stderr
        listed = json.loads(
            runner.invoke(app, ["sources", "list", "--json", "--sources", str(path)]).stdout
        )
        assert [s["name"] for s in listed] == ["wire", "broken", "map", "front", "fares"]
        checked = json.loads(
            runner.invoke(
                app, ["sources", "check", "wire", "--json", "--sources", str(path)]
            ).stdout
        )
        assert [a["url"] for a in checked["articles"]] == [
            f"{server.base}/world/2026/11/24/talks-resume",
            f"{server.base}/world/2026/11/24/ferry-fares",
        ]
        bad = runner.invoke(app, ["sources", "check", "broken", "--sources", str(path)])
        assert bad.exit_code == 1 and "HTML page came back" in bad.stderr


def test_checking_an_article_source_shows_its_text(
    env: dict[str, str], tmp_path: Path, demo_site: DemoSite
) -> None:
    path = tmp_path / "s.toml"
    path.write_text(f'[[source]]\nname = "demo"\nurl = "{demo_site.article_url}"\n', "utf-8")
    result = runner.invoke(app, ["sources", "check", "demo", "--json", "--sources", str(path)])
    data = json.loads(result.stdout)
    assert data["headline"] == demo_site.headline and data["characters"] > 500


def test_a_sitemap_naming_a_known_canonical_and_a_url_twice_adds_only_the_new_story(
    env: dict[str, str], tmp_path: Path
) -> None:
    with LocalServer() as server:
        base = server.base
        server.route(
            "/sitemap.xml",
            Reply(
                200,
                f"""<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{base}/world/2026/11/24/talks-resume</loc><lastmod>2026-11-24T10:00:00Z</lastmod></url>
<url><loc>{base}/world/2026/11/24/talks-resume</loc><lastmod>2026-11-25T08:00:00Z</lastmod></url>
<url><loc>{base}/world/2026/11/25/dam-inquiry</loc></url>
</urlset>""".encode(),
            ),
        )
        path = tmp_path / "sources.toml"
        path.write_text(
            f'[[source]]\nname = "map"\nkind = "sitemap"\nurl = "{server.url("/sitemap.xml")}"\n',
            "utf-8",
        )
        watchlist = load_watchlist(path)
        settings = Settings()
        store = open_store(settings.resolved_database_url)
        with store.transaction() as session:
            sync_watchlist(session, watchlist)
            # tracked under another address; its page names the sitemap's URL as canonical
            session.add(
                m.Article(
                    url=f"{base}/story?id=7",
                    canonical_url=f"{base}/world/2026/11/24/talks-resume",
                    status="ok",
                    consecutive_failures=0,
                    next_check_at=m.utcnow().replace(year=2030),
                )
            )
        (result,) = scan_sources(store, watchlist, settings)
        assert result.new == 1
        assert result.pulled_forward == 1  # the known story, announced as modified
        with store.reading() as session:
            rows = {a.url: a for a in session.scalars(select(m.Article))}
            assert sorted(rows) == [f"{base}/story?id=7", f"{base}/world/2026/11/25/dam-inquiry"]
            known = rows[f"{base}/story?id=7"]
            assert known.lastmod_seen is not None and known.lastmod_seen.day == 25
        store.close()


def test_a_source_whose_schedule_was_lengthened_brings_its_retired_stories_back(
    env: dict[str, str], tmp_path: Path
) -> None:
    with LocalServer() as server:
        server.route("/feed.xml", Reply(200, feed(server.base, ("/world/old-story", "Old"))))
        path = tmp_path / "sources.toml"
        entry = f'[[source]]\nname = "wire"\nkind = "feed"\nurl = "{server.url("/feed.xml")}"\n'
        path.write_text(entry, "utf-8")
        settings = Settings()
        store = open_store(settings.resolved_database_url)
        watchlist = load_watchlist(path)
        with store.transaction() as session:
            sync_watchlist(session, watchlist)
        scan_sources(store, watchlist, settings)
        with store.transaction() as session:  # checked long ago, then retired at 14 days
            story = session.scalars(select(m.Article)).one()
            story.status, story.next_check_at = "retired", None
            story.born_at = m.utcnow().replace(year=2025)
        (unchanged,) = scan_sources(store, watchlist, settings)
        with store.reading() as session:
            assert session.get_one(m.Article, story.id).status == "retired"
        path.write_text(entry + 'schedule = { stop_after = "never" }\n', "utf-8")
        watchlist = load_watchlist(path)
        (lengthened,) = scan_sources(store, watchlist, settings)
        assert (unchanged.pulled_forward, lengthened.pulled_forward) == (0, 1)
        with store.reading() as session:
            story = session.get_one(m.Article, story.id)
            assert story.status == "ok"
            assert due_articles(session, m.utcnow(), 10) == [story.id]
        store.close()
