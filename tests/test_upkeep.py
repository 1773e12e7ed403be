from datetime import timedelta

import pytest
from sqlalchemy import func, select

from newswatch import models as m
from newswatch.store import Store, add_capture, ensure_article
from newswatch.store_pages import get_blob, put_blob, remember_site_pages
from newswatch.upkeep import prune_raw_pages, upkeep
from tests.conftest import DemoChange


def test_raw_pages_past_retention_are_dropped_and_nothing_else(demo_change: DemoChange) -> None:
    store, _settings, _w, _o = demo_change
    with store.reading() as s:
        blobs_before = s.scalar(select(func.count()).select_from(m.Blob))
        kept = {c.id: c.blob_sha256 for c in s.scalars(select(m.Capture)) if c.blob_sha256}
    assert blobs_before == 2 and len(kept) == 2
    assert prune_raw_pages(store, timedelta(days=30)) == (0, 0)  # all recent: kept
    touched, deleted = prune_raw_pages(
        store, timedelta(days=30), now=m.utcnow() + timedelta(days=31)
    )
    assert (touched, deleted) == (2, 2)
    with store.reading() as s:
        assert s.scalar(select(func.count()).select_from(m.Blob)) == 0
        for capture in s.scalars(select(m.Capture)):
            if capture.id in kept:  # the digest of what was fetched stays on record
                assert capture.blob_sha256 is None and capture.payload_sha256 == kept[capture.id]
        assert s.scalar(select(func.count()).select_from(m.Version)) == 2  # versions stay


def test_upkeep_runs_on_either_database(demo_change: DemoChange) -> None:
    store, _settings, _w, _o = demo_change
    report = upkeep(store, raw_retention_days=None)
    assert report.raw_pages_dropped == 0 and report.database.split(":")[0] in (
        "sqlite",
        "postgresql",
    )


def test_make_serve_schedules_the_four_flows(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from flows.serve import deployments

    monkeypatch.setenv("NEWSWATCH_MONITOR_EVERY", "10m")
    found = {d.name: d for _, d in deployments()}
    assert set(found) == {"monitor", "deliver", "triage", "maintenance"}
    schedule = found["monitor"].schedules[0].schedule
    assert schedule.interval == timedelta(minutes=10)
    assert found["maintenance"].schedules[0].schedule.cron == "30 3 * * *"
    monkeypatch.setenv("NEWSWATCH_TRIAGE_EVERY", "off")
    monkeypatch.setenv("NEWSWATCH_MAINTENANCE_CRON", "Off")
    found = {d.name: d for _, d in deployments()}
    assert not found["triage"].schedules and not found["maintenance"].schedules
    assert found["deliver"].schedules[0].schedule.interval == timedelta(minutes=1)


def test_a_page_that_a_kept_delta_needs_stays_until_the_delta_goes(demo_change: DemoChange) -> None:
    store, _settings, _w, _o = demo_change
    with store.transaction() as s:
        query = select(m.Capture).where(m.Capture.blob_sha256.is_not(None))
        old, new = s.scalars(query.order_by(m.Capture.id)).all()
        delta = str(new.blob_sha256)
        assert s.get_one(m.Blob, delta).base == old.blob_sha256  # v2 stored against v1
        old.fetched_at -= timedelta(days=40)
        page = get_blob(s, delta)
    assert page and prune_raw_pages(store, timedelta(days=30)) == (1, 0)
    with store.reading() as s:
        assert get_blob(s, delta) == page
    later = m.utcnow() + timedelta(days=41)
    assert prune_raw_pages(store, timedelta(days=30), now=later) == (1, 2)


def test_a_chain_of_deltas_keeps_every_page_it_needs(store: Store) -> None:
    """A first version stored against a sibling, the article's next version against it: the
    sibling and the first version stay as long as the next version's capture is kept."""
    chrome = "".join(f"<li>teaser {i}</li>" for i in range(3000))
    sibling, v1, v2 = (f"<nav>{chrome}</nav><p>{t}</p>".encode() for t in ("A", "B1", "B2"))
    old = m.utcnow() - timedelta(days=40)
    with store.transaction() as s:
        article = ensure_article(s, "https://e.org/b", None).id
        digests = [put_blob(s, sibling)]
        digests.append(put_blob(s, v1, earlier=digests[0]))
        digests.append(put_blob(s, v2, earlier=digests[1]))
        assert s.get_one(m.Blob, digests[2]).base == digests[1]
        for digest, when in zip(digests, (old, old, m.utcnow()), strict=True):
            add_capture(
                s, article_id=article, outcome="new-version", blob_sha256=digest, fetched_at=when
            )
    assert prune_raw_pages(store, timedelta(days=30)) == (2, 0)
    with store.reading() as s:
        assert get_blob(s, digests[2]) == v2
    later = m.utcnow() + timedelta(days=41)
    with store.transaction() as s:
        remember_site_pages(s, {"e.org": digests[0]})
    assert prune_raw_pages(store, timedelta(days=30), now=later) == (1, 3)
    with store.reading() as s:  # the site's reference page went with its bytes
        assert s.scalar(select(func.count()).select_from(m.SitePage)) == 0
