"""Shared test fixtures: real local servers, SQLite and (when configured) PostgreSQL.

Prefect is pointed at a temporary home before it is imported, and its temporary server is
disabled, so that a unit test calling a flow by accident fails at once; the orchestration tests
start one test server for the whole session (``prefect_harness``).
"""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Callable, Iterator
from email.message import EmailMessage
from pathlib import Path
from typing import NamedTuple

_PREFECT_HOME = tempfile.mkdtemp(prefix="newswatch-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ["PREFECT_SERVER_EPHEMERAL_ENABLED"] = "false"
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"] = "WARNING"
os.environ.pop("PREFECT_API_URL", None)
for name in list(os.environ):
    if name.startswith("NEWSWATCH_") and name != "NEWSWATCH_TEST_DATABASE_URL":
        del os.environ[name]

import pytest  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from newswatch import pipeline  # noqa: E402
from newswatch.demo.mailsink import MailSink  # noqa: E402
from newswatch.demo.site import DemoSite  # noqa: E402
from newswatch.pipeline import Outcome  # noqa: E402
from newswatch.settings import Settings  # noqa: E402
from newswatch.sources import Watchlist, load_watchlist  # noqa: E402
from newswatch.store import Store, open_store, sync_watchlist  # noqa: E402
from tests.httpserver import LocalServer, Reply  # noqa: E402


class DemoChange(NamedTuple):
    """The ``demo_change`` fixture: a store holding the demo revision, and how it was made."""

    store: Store
    settings: Settings
    watchlist: Watchlist
    outcome: Outcome


# The ``many_changes`` fixture: make(n, subscriptions) -> (store, settings, change ids)
ManyChanges = Callable[[int, str], tuple[Store, Settings, list[int]]]

POSTGRES_URL = os.environ.get("NEWSWATCH_TEST_DATABASE_URL")


@pytest.fixture(
    params=[
        "sqlite",
        pytest.param("postgresql", marks=pytest.mark.postgres),
    ]
)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database: a SQLite file, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'newswatch.db'}"
        return
    if not POSTGRES_URL:
        pytest.skip("NEWSWATCH_TEST_DATABASE_URL is not set")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in POSTGRES_URL else "?"
    try:
        yield f"{POSTGRES_URL}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = open_store(db_url)
    yield opened
    opened.close()


@pytest.fixture
def demo_site() -> Iterator[DemoSite]:
    with DemoSite() as site:
        yield site


@pytest.fixture
def mail_sink(tmp_path: Path) -> Iterator[MailSink]:
    with MailSink(tmp_path / "mail") as sink:
        yield sink


@pytest.fixture
def env(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db_url: str, mail_sink: MailSink
) -> Iterator[dict[str, str]]:
    """NEWSWATCH_ settings for a test: its own database, loopback allowed, mail to the sink."""
    values = {
        "NEWSWATCH_HOME": str(tmp_path / "home"),
        "NEWSWATCH_DATABASE_URL": db_url,
        "NEWSWATCH_ALLOW_HOSTS": "127.0.0.1",
        "NEWSWATCH_SMTP_HOST": mail_sink.host,
        "NEWSWATCH_SMTP_PORT": str(mail_sink.port),
        "NEWSWATCH_MAIL_FROM": "newswatch <newswatch@test.invalid>",
        "NEWSWATCH_TASK_RETRY_DELAYS": "0,0",
        "NEWSWATCH_CONNECT_TIMEOUT": "2",
        "NEWSWATCH_READ_TIMEOUT": "2",
        "NEWSWATCH_HOST_DELAY": "0",  # politeness has tests of its own
    }
    for key, value in values.items():
        monkeypatch.setenv(key, value)
    yield values
    from flows.common import forget_stores

    forget_stores()


def body_of(message: EmailMessage, kind: str = "plain") -> str:
    """The text of an email's ``kind`` part (``plain`` or ``html``); fails when it has none."""
    part = message.get_body((kind,))
    assert part is not None, f"the email has no {kind} part"
    return str(part.get_content())


def write_sources(
    path: Path,
    url: str,
    *,
    subscriber: str = "desk@test.invalid",
    min_severity: str = "medium",
    extra: str = "",
) -> Path:
    path.write_text(
        f'[[source]]\nname = "demo"\nkind = "article"\nurl = "{url}"\ntags = ["demo"]\n'
        f'terms = ["amnesty"]\n{extra}\n'
        f'[[subscription]]\naddress = "{subscriber}"\nmin_severity = "{min_severity}"\n',
        "utf-8",
    )
    return path


def tracked_article(tmp_path: Path, url: str) -> tuple[Store, Settings, Watchlist, list[int]]:
    """A watchlist of one article at ``url``, known to the store: (store, settings, watchlist,
    article ids)."""

    settings = Settings()
    watchlist = load_watchlist(write_sources(tmp_path / "s.toml", url))
    store = open_store(settings.resolved_database_url)
    with store.transaction() as session:
        ids = sync_watchlist(session, watchlist)
    return store, settings, watchlist, ids


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """One temporary Prefect server for every orchestration test of the session, tuned as
    every server newswatch starts is (flows.serve.PREFECT_SERVER_TUNING)."""
    from prefect.testing.utilities import prefect_test_harness

    from flows.serve import PREFECT_SERVER_TUNING

    saved = {name: os.environ.get(name) for name in PREFECT_SERVER_TUNING}
    os.environ.update(PREFECT_SERVER_TUNING)  # the test server's process inherits them
    try:
        with prefect_test_harness(server_startup_timeout=120):
            yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture
def demo_change(env: dict[str, str], demo_site: DemoSite, tmp_path: Path) -> Iterator[DemoChange]:
    """The demo revision, checked through the pipeline (no Prefect): v1 stored, then v2 with
    its change, claims and alert rows."""

    settings = Settings()
    watchlist = load_watchlist(write_sources(tmp_path / "sources.toml", demo_site.article_url))
    opened = open_store(settings.resolved_database_url)
    with opened.transaction() as session:
        ids = sync_watchlist(session, watchlist)
    pipeline.check_batch(opened, ids, watchlist, settings, "cycle-1")
    demo_site.publish(2)
    (outcome,) = pipeline.check_batch(opened, ids, watchlist, settings, "cycle-2")
    assert outcome.outcome == "changed"
    yield DemoChange(opened, settings, watchlist, outcome)
    opened.close()


@pytest.fixture
def many_changes(env: dict[str, str], tmp_path: Path) -> Iterator[ManyChanges]:
    """A factory: ``n`` articles, each stored and then revised through the pipeline, with the
    subscriptions given. Returns (store, settings, change ids)."""

    opened: list[Store] = []
    servers: list[LocalServer] = []

    def make(n: int, subscriptions: str) -> tuple[Store, Settings, list[int]]:
        site = DemoSite()
        first = site.render().encode()
        site.publish(2)
        second = site.render().encode()
        pages = {"body": first}
        server = LocalServer().__enter__()
        servers.append(server)
        sources = ""
        for i in range(n):
            server.route(
                f"/story-{i}", lambda _s: Reply(200, pages["body"], {"Content-Type": "text/html"})
            )
            sources += f'[[source]]\nname = "s{i}"\nurl = "{server.url(f"/story-{i}")}"\n\n'
        path = tmp_path / "many.toml"
        path.write_text(sources + subscriptions, "utf-8")
        watchlist = load_watchlist(path)
        settings = Settings()
        store = open_store(settings.resolved_database_url)
        opened.append(store)
        with store.transaction() as session:
            ids = sync_watchlist(session, watchlist)
        pipeline.check_batch(store, ids, watchlist, settings, "first")
        pages["body"] = second
        outcomes = pipeline.check_batch(store, ids, watchlist, settings, "second")
        return store, settings, [o.change_id for o in outcomes if o.change_id]

    yield make
    for store in opened:
        store.close()
    for server in servers:
        server.__exit__(None, None, None)
