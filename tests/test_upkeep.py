from datetime import timedelta

from sqlalchemy import func, select

from newswatch import models as m
from newswatch.store import get_blob
from newswatch.upkeep import prune_raw_pages, upkeep


def test_raw_pages_past_retention_are_dropped_and_nothing_else(demo_change) -> None:  # type: ignore[no-untyped-def]
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


def test_upkeep_runs_on_either_database(demo_change) -> None:  # type: ignore[no-untyped-def]
    store, _settings, _w, _o = demo_change
    report = upkeep(store, raw_retention_days=None)
    assert report.raw_pages_dropped == 0 and report.database.split(":")[0] in (
        "sqlite",
        "postgresql",
    )


def test_make_serve_schedules_the_four_flows(env: dict[str, str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
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


def test_a_page_that_a_kept_delta_needs_stays_until_the_delta_goes(demo_change) -> None:  # type: ignore[no-untyped-def]
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
