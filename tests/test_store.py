import zlib
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, inspect, select
from sqlalchemy.exc import IntegrityError

from newswatch import models as m
from newswatch import store as st
from newswatch import store_pages
from newswatch.sources import Watchlist, parse_watchlist


def watchlist(*urls: str) -> Watchlist:
    return parse_watchlist({"source": [{"name": f"s{i}", "url": u} for i, u in enumerate(urls)]})


def test_migrations_create_every_table(store: st.Store) -> None:
    tables = set(inspect(store.engine).get_table_names())
    assert {
        "source",
        "article",
        "blob",
        "capture",
        "version",
        "change",
        "claim_change",
        "alert",
        "site_page",
        "alembic_version",
    } <= tables
    st.migrate(store.engine)  # a second run is a no-op
    assert st.schema_revision(store.engine) == st.SCHEMA_HEAD


def test_schema_head_names_the_newest_migration() -> None:
    """The constant that lets a current store open without Alembic must follow the migrations."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(st.MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == st.SCHEMA_HEAD


def test_the_migrations_build_the_schema_the_models_describe(store: st.Store) -> None:
    """A column added to a model and not to a migration (or the reverse) shows here, on each
    database, rather than as a failed insert on a user's upgraded store."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), m.Base.metadata)
    assert differences == []


def test_article_pages_keep_room_for_updates_on_postgresql(store: st.Store) -> None:
    """Checks update article rows all the time: on PostgreSQL the table leaves room in its pages
    so that an update stays on its page (no new index entries, little growth)."""
    if store.engine.dialect.name != "postgresql":
        pytest.skip("SQLite updates rows in place")
    from sqlalchemy import text

    with store.engine.connect() as connection:
        options = connection.execute(
            text("SELECT reloptions FROM pg_class WHERE oid = 'article'::regclass")
        ).scalar()
    assert options == ["fillfactor=70"]


def test_a_new_database_is_migrated_from_nothing(db_url: str) -> None:
    engine = st.make_engine(db_url)
    assert st.schema_revision(engine) is None
    engine.dispose()
    store = st.open_store(db_url)
    assert st.schema_revision(store.engine) == st.SCHEMA_HEAD
    store.close()


def test_sync_watchlist_is_idempotent(store: st.Store) -> None:
    with store.transaction() as s:
        first = st.sync_watchlist(s, watchlist("https://e.org/a", "https://e.org/b"))
    with store.transaction() as s:
        again = st.sync_watchlist(s, watchlist("https://e.org/a", "https://e.org/b"))
        assert s.scalar(select(func.count()).select_from(m.Article)) == 2
    assert first == again


def test_a_retired_article_its_source_still_covers_is_due_again(store: st.Store) -> None:
    long_ago = datetime(2025, 1, 6, tzinfo=UTC)
    listed = parse_watchlist(
        {
            "source": [
                {"name": "kept", "url": "https://e.org/kept"},  # an article: never retires
                {"name": "done", "url": "https://e.org/done", "schedule": {"stop_after": "14d"}},
            ]
        }
    )
    with store.transaction() as s:
        ids = st.sync_watchlist(s, listed)
        for article in s.scalars(select(m.Article)):  # retired under an older default
            article.status, article.next_check_at, article.born_at = "retired", None, long_ago
    with store.transaction() as s:
        assert st.sync_watchlist(s, listed) == ids
    with store.reading() as s:
        kept, done = (s.get_one(m.Article, i) for i in ids)
        assert kept.status == "ok" and kept.next_check_at is not None
        assert done.status == "retired" and done.next_check_at is None
        assert st.due_articles(s, m.utcnow(), 10) == [kept.id]


def test_going_back_a_migration_writes_every_page_out_whole_as_zlib(store: st.Store) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    chrome = "".join(f"<li>teaser {i}</li>" for i in range(2000)).encode()
    v1, v2 = (chrome + f"<p>Version {n}.</p>".encode() for n in (1, 2))
    with store.transaction() as s:
        first = store_pages.put_blob(s, v1)
        second = store_pages.put_blob(s, v2, earlier=first)
        store_pages.remember_site_pages(s, {"e.org": first})
        assert s.get_one(m.Blob, second).base is not None
    config = Config()
    config.set_main_option("script_location", str(st.MIGRATIONS))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")
    with store.engine.connect() as connection:
        packed, whole = (
            connection.execute(
                text("SELECT data FROM blob WHERE sha256 = :s"), {"s": d}
            ).scalar_one()
            for d in (second, first)
        )
    assert zlib.decompress(packed) == v2
    assert zlib.decompress(whole) == v1  # a zstd page stored whole is zlib's again
    st.migrate(store.engine)
    with store.reading() as s:
        assert s.get_one(m.Blob, second).base is None and store_pages.get_blob(s, second) == v2


def _article(store: st.Store) -> int:
    with store.transaction() as s:
        return st.ensure_article(s, "https://e.org/story", None).id


def test_versions_are_numbered_per_article_and_unique_by_fingerprint(store: st.Store) -> None:
    article_id = _article(store)
    with store.transaction() as s:
        v1 = st.add_version(
            s,
            article_id,
            fingerprint="a" * 64,
            headline="H",
            byline=None,
            published=None,
            modified=None,
            text="one",
        )
        v2 = st.add_version(
            s,
            article_id,
            fingerprint="b" * 64,
            headline="H",
            byline=None,
            published=None,
            modified=None,
            text="two",
        )
    assert (v1.number, v2.number) == (1, 2)
    with pytest.raises(IntegrityError), store.transaction() as s:
        st.add_version(
            s,
            article_id,
            fingerprint="a" * 64,
            headline="H",
            byline=None,
            published=None,
            modified=None,
            text="one again",
        )
    with store.reading() as s:
        assert [v.text for v in st.versions_of(s, article_id)] == ["one", "two"]
        assert st.version_by_fingerprint(s, article_id, "b" * 64).number == 2  # type: ignore[union-attr]


def test_a_failed_transaction_leaves_nothing(store: st.Store) -> None:
    article_id = _article(store)
    with pytest.raises(RuntimeError), store.transaction() as s:
        store_pages.put_blob(s, b"page")
        st.add_capture(s, article_id=article_id, url="https://e.org/story", outcome="new-version")
        raise RuntimeError("crash in the middle of writing a version")
    with store.reading() as s:
        assert s.scalar(select(func.count()).select_from(m.Capture)) == 0
        assert s.scalar(select(func.count()).select_from(m.Blob)) == 0


def test_times_come_back_in_utc(store: st.Store) -> None:
    article_id = _article(store)
    local = datetime(2026, 3, 29, 2, 30, tzinfo=timezone(timedelta(hours=2)))
    with store.transaction() as s:
        st.add_capture(s, article_id=article_id, url="u", outcome="error", fetched_at=local)
    with store.reading() as s:
        (capture,) = st.captures_of(s, article_id)
        assert capture.fetched_at == local and capture.fetched_at.tzinfo == UTC


def test_naive_times_are_refused(store: st.Store) -> None:
    article_id = _article(store)
    with pytest.raises(Exception, match="naive datetime"), store.transaction() as s:
        st.add_capture(
            s, article_id=article_id, url="u", outcome="error", fetched_at=datetime(2026, 1, 1)
        )


def test_unreachable_database_fails_fast_with_one_line() -> None:
    with pytest.raises(st.StoreUnavailable) as caught:
        st.open_store("postgresql+psycopg://nobody:secret@127.0.0.1:1/none?connect_timeout=2")
    message = str(caught.value)
    assert "\n" not in message and "is unavailable" in message and "secret" not in message


def test_two_runs_claim_disjoint_due_articles(db_url: str) -> None:
    import threading

    first = st.open_store(db_url)
    with first.transaction() as s:
        for i in range(40):
            st.ensure_article(s, f"https://e.org/story-{i}", None)
    claimed: dict[str, list[int]] = {}
    start = threading.Barrier(2)

    def run(cycle: str) -> None:
        own = st.open_store(db_url)  # another worker: its own connections
        start.wait()
        got: list[int] = []
        for _ in range(4):  # several rounds of 5, interleaving with the other run
            with own.transaction() as s:
                got += st.claim_due_articles(s, cycle, datetime.now(UTC), 5)
        claimed[cycle] = got
        own.close()

    runs = [threading.Thread(target=run, args=(name,)) for name in ("run-a", "run-b")]
    for thread in runs:
        thread.start()
    for thread in runs:
        thread.join()
    a, b = claimed["run-a"], claimed["run-b"]
    assert len(a) == len(b) == 20 and not set(a) & set(b)
    with first.transaction() as s:  # a lapsed lease frees the article for another run
        later = datetime.now(UTC) + timedelta(hours=2)
        assert len(st.claim_due_articles(s, "run-c", later, 100)) == 40
    first.close()


def test_migrating_an_older_store_keeps_every_text(db_url: str) -> None:
    """A store made before texts were compressed: the upgrade converts every version."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    engine = st.make_engine(db_url)
    config = Config()
    config.set_main_option("script_location", str(st.MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0005")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO article (id, url, created_at, status, "
                "consecutive_failures) VALUES (1, 'https://e.org/a', "
                "'2026-11-20 10:00:00', 'ok', 0)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO version (id, article_id, number, fingerprint, "
                "headline, text, created_at) VALUES (1, 1, 1, :fp, 'H', "
                ":t, '2026-11-20 10:00:00')"
            ),
            {"fp": "f" * 64, "t": "Ceasefire talks resume on Monday. " * 40},
        )
    st.migrate(engine)
    engine.dispose()
    store = st.open_store(db_url)
    with store.reading() as s:
        (version,) = st.versions_of(s, 1)
        assert version.text == "Ceasefire talks resume on Monday. " * 40
    store.close()
