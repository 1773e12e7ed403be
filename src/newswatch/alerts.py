"""Alerts: who wants a change, the outbox, and delivery that sends each alert exactly once.

Alert rows are written in the same transaction as the change they report (``queue_alerts``), one
per (change, recipient), with a unique idempotency key: a change is never stored without its
alerts, and the same change cannot be queued twice for one person. ``deliver_pending`` sends
them: each row is claimed by a conditional UPDATE before anything is sent, so two delivery runs
at the same time never send the same row (on PostgreSQL and on SQLite alike); a claimed row
holds a lease, so a run that crashed mid-send leaves it to be retried, with the same
Message-ID, once the lease has passed. Temporary SMTP failures (no connection, time-outs, 4xx)
are retried with exponential back-off; permanent ones (5xx) are marked failed with the server's
answer and never re-sent by themselves.

Bursts: when more than ``BURST_LIMIT`` alerts are due for one person in a round (a site
template change can touch hundreds of articles), they go out as one digest instead, listing at
most ``DIGEST_CAP`` changes. Subscribers in hourly or daily mode always get digests.
"""

from __future__ import annotations

import hashlib
import random
import smtplib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from newswatch import models as m
from newswatch.diff import Claim
from newswatch.mailer import (
    SendFailure,
    build_message,
    build_plain_message,
    mail_domain,
    open_smtp,
    quietly_close,
    render_digest,
    render_email,
    send,
)
from newswatch.review import build_report
from newswatch.settings import Settings
from newswatch.sources import Source, Subscription, Watchlist, severity_rank
from newswatch.store import Store

MAX_ATTEMPTS = 8
SENDING_LEASE = timedelta(minutes=10)
BURST_LIMIT = 3  # more immediate alerts than this for one person in one round: one digest
DIGEST_CAP = 50  # changes listed in one digest; the rest are counted


# --- who gets what ----------------------------------------------------------------------------


def wants(subscription: Subscription, source: Source | None, claims: Sequence[Claim]) -> bool:
    """Does this subscriber want a change with these claims, from this source?"""
    if subscription.sources:
        labels = {source.name, *source.tags} if source else set()
        if not labels & set(subscription.sources):
            return False
    from newswatch.claims import mark_terms  # loaded when there is a change to alert on

    relevant = mark_terms(list(claims), subscription.terms)
    if subscription.kinds:
        relevant = [c for c in relevant if c.kind in subscription.kinds]
    floor = severity_rank(subscription.min_severity)
    return any(severity_rank(c.severity) >= floor for c in relevant)


def recipients_for(
    watchlist: Watchlist, settings: Settings, source: Source | None, claims: Sequence[Claim]
) -> list[tuple[str, str]]:
    """(address, mode) of everyone to alert about a change, each address once."""
    chosen: dict[str, str] = {}
    for subscription in watchlist.subscriptions:
        if subscription.address not in chosen and wants(subscription, source, claims):
            chosen[subscription.address] = subscription.mode
    default = Subscription(address="default@invalid", min_severity="medium")
    if claims and wants(default, source, claims):
        for address in settings.alert_recipients:
            chosen.setdefault(address, "immediate")
    return list(chosen.items())


def idempotency_key(article_url: str, old_fp: str, new_fp: str, recipient: str) -> str:
    """Stable across retries and databases: the same change to the same person is one alert."""
    raw = "\x1f".join((article_url, old_fp, new_fp, recipient.lower()))
    return hashlib.sha256(raw.encode()).hexdigest()


def digest_window(mode: str, now: datetime, daily_hour: int = 7) -> datetime | None:
    """When a digest alert may go: the next full hour, or the next day at ``daily_hour`` UTC."""
    if mode == "hourly":
        return now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    if mode == "daily":
        at = now.replace(hour=daily_hour, minute=0, second=0, microsecond=0)
        return at if at > now else at + timedelta(days=1)
    return None


def queue_alerts(
    session: Session,
    change: m.Change,
    recipients: Iterable[tuple[str, str]],
    domain: str,
    daily_hour: int = 7,
) -> int:
    """Write the change's alert rows; call inside the transaction that stores the change."""
    now = m.utcnow()
    count = 0
    for recipient, mode in recipients:
        key = idempotency_key(
            change.article.url,
            change.old_version.fingerprint,
            change.new_version.fingerprint,
            recipient,
        )
        session.add(
            m.Alert(
                change_id=change.id,
                recipient=recipient,
                idempotency_key=key,
                status="pending",
                mode=mode,
                message_id=f"<{key[:32]}@{domain}>",
                next_attempt_at=digest_window(mode, now, daily_hour),
            )
        )
        count += 1
    session.flush()
    return count


# --- delivery ---------------------------------------------------------------------------------


@dataclass
class Delivered:
    alert_ids: list[int]
    recipient: str
    outcome: str  # sent, deferred, failed
    note: str
    digest: bool = False


@dataclass
class DeliveryReport:
    sent: int = 0
    failed: int = 0
    deferred: int = 0
    emails: int = 0
    notices: int = 0
    rounds: list[Delivered] = field(default_factory=list)

    @property
    def errors(self) -> list[str]:
        return [f"{d.recipient}: {d.note}" for d in self.rounds if d.outcome != "sent"]

    def as_dict(self) -> dict[str, object]:
        return {
            "sent": self.sent,
            "failed": self.failed,
            "deferred": self.deferred,
            "emails": self.emails,
            "notices": self.notices,
            "errors": self.errors,
            "deliveries": [vars(d) for d in self.rounds],
        }


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min … capped at an hour."""
    return timedelta(seconds=min(3600, 30 * 2 ** max(0, attempts - 1)))


def _due(now: datetime) -> Any:
    return or_(
        (m.Alert.status == "pending")
        & or_(m.Alert.next_attempt_at.is_(None), m.Alert.next_attempt_at <= now),
        (m.Alert.status == "sending") & (m.Alert.next_attempt_at <= now),  # a lapsed lease
    )


def due_alerts(session: Session, now: datetime, limit: int) -> list[int]:
    return list(
        session.scalars(select(m.Alert.id).where(_due(now)).order_by(m.Alert.id).limit(limit))
    )


def claim(store: Store, alert_id: int, now: datetime) -> bool:
    """Take one alert for sending; False when another run has it or it is no longer due."""
    with store.transaction() as session:
        result = session.execute(
            update(m.Alert)
            .where(m.Alert.id == alert_id, _due(now))
            .values(
                status="sending", attempts=m.Alert.attempts + 1, next_attempt_at=now + SENDING_LEASE
            )
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def artifact_url(settings: Settings, key: str) -> str:
    return f"{settings.prefect_ui_url.rstrip('/')}/artifacts/key/{key}"


_SHUFFLE = random.Random()  # its own: threads that shuffle leave the global generator alone


def deliver_pending(
    store: Store, settings: Settings, *, now: datetime | None = None, limit: int = 1000
) -> DeliveryReport:
    """One delivery round: claim what is due, group it per recipient, send, record."""
    now = now or m.utcnow()
    report = DeliveryReport()
    with store.reading() as session:
        ids = due_alerts(session, now, limit)
    _SHUFFLE.shuffle(ids)  # workers running at once spread over the rows instead of racing
    mine = [alert_id for alert_id in ids if claim(store, alert_id, now)]
    report.notices = deliver_notices(store, settings, now)
    if not mine:
        return report
    with store.reading() as session:
        rows = list(
            session.scalars(select(m.Alert).where(m.Alert.id.in_(mine)).order_by(m.Alert.id))
        )
        groups: dict[tuple[str, str], list[m.Alert]] = {}
        for row in rows:
            groups.setdefault((row.recipient, row.mode), []).append(row)
        batches: list[_Batch] = []
        for (recipient, mode), alerts in groups.items():
            if mode == "immediate" and len(alerts) <= BURST_LIMIT:
                batches += [_single(session, settings, recipient, a) for a in alerts]
            else:
                batches.append(_digest(session, settings, recipient, mode, alerts))
    client: smtplib.SMTP | None = None
    try:
        for batch in batches:
            try:
                if client is None:
                    client = open_smtp(settings)
                reply = send(client, batch.message)
            except SendFailure as failure:
                if client is not None and not failure.permanent:
                    quietly_close(client)
                    client = None
                _failed(store, batch, failure, report)
                continue
            _sent(store, batch, reply, report)
    finally:
        if client is not None:
            quietly_close(client)
    return report


@dataclass
class _Batch:
    alert_ids: list[int]
    attempts: int
    recipient: str
    message: Any
    digest: bool


def _single(session: Session, settings: Settings, recipient: str, alert: m.Alert) -> _Batch:
    report = build_report(session, alert.change)
    subject, text, html = render_email(report, artifact_url(settings, report.artifact_key))
    message = build_message(settings, recipient, alert.message_id, subject, text, html)
    return _Batch([alert.id], alert.attempts, recipient, message, False)


def _digest(
    session: Session, settings: Settings, recipient: str, mode: str, alerts: list[m.Alert]
) -> _Batch:
    """One email for many changes; it lists the first ``DIGEST_CAP`` and counts the rest."""
    ranked = sorted(alerts, key=lambda a: (-severity_rank(a.change.severity), a.id))
    reports = [build_report(session, a.change) for a in ranked[:DIGEST_CAP]]
    urls = [artifact_url(settings, r.artifact_key) for r in reports]
    period = {"hourly": "hourly digest", "daily": "daily digest"}.get(mode, "several at once")
    subject, text, html = render_digest(reports, urls, len(alerts), period)
    # the same set of alerts always makes the same Message-ID, so a resend is recognisable
    digest_key = hashlib.sha256("".join(sorted(a.idempotency_key for a in alerts)).encode())
    message_id = f"<digest-{digest_key.hexdigest()[:32]}@{mail_domain(settings)}>"
    message = build_message(settings, recipient, message_id, subject, text, html)
    attempts = max(a.attempts for a in alerts)
    return _Batch([a.id for a in alerts], attempts, recipient, message, True)


def _sent(store: Store, batch: _Batch, reply: str, report: DeliveryReport) -> None:
    with store.transaction() as session:
        session.execute(
            update(m.Alert)
            .where(m.Alert.id.in_(batch.alert_ids))
            .values(
                status="sent",
                sent_at=m.utcnow(),
                next_attempt_at=None,
                reply=reply,
                delivered_in=str(batch.message["Message-ID"]),
                last_error=None,
            )
        )
    report.sent += len(batch.alert_ids)
    report.emails += 1
    report.rounds.append(Delivered(batch.alert_ids, batch.recipient, "sent", reply, batch.digest))


def _failed(store: Store, batch: _Batch, failure: SendFailure, report: DeliveryReport) -> None:
    final = failure.permanent or batch.attempts >= MAX_ATTEMPTS
    with store.transaction() as session:
        session.execute(
            update(m.Alert)
            .where(m.Alert.id.in_(batch.alert_ids))
            .values(
                status="failed" if final else "pending",
                last_error=failure.reason,
                next_attempt_at=None if final else m.utcnow() + backoff(batch.attempts),
            )
        )
    if final:
        report.failed += len(batch.alert_ids)
    else:
        report.deferred += len(batch.alert_ids)
    outcome = "failed" if final else "deferred"
    report.rounds.append(
        Delivered(batch.alert_ids, batch.recipient, outcome, failure.reason, batch.digest)
    )


NOTICE_MAX_AGE = timedelta(days=7)


def deliver_notices(store: Store, settings: Settings, now: datetime) -> int:
    """Send pending operator notices to ``NEWSWATCH_OPERATOR_EMAIL``; without one they wait
    (and `newswatch notices` lists them). Each notice is claimed like an alert, sent once."""
    if not settings.operator_email:
        return 0
    with store.transaction() as session:
        session.execute(
            update(m.Notice)
            .where(m.Notice.status == "pending", m.Notice.created_at < now - NOTICE_MAX_AGE)
            .values(status="expired")
        )
    with store.reading() as session:
        pending = list(
            session.scalars(
                select(m.Notice)
                .where(m.Notice.status == "pending")
                .order_by(m.Notice.id)
                .limit(100)
            )
        )
    sent = 0
    client: smtplib.SMTP | None = None
    try:
        for notice in pending:
            with store.transaction() as session:
                taken = session.execute(
                    update(m.Notice)
                    .where(m.Notice.id == notice.id, m.Notice.status == "pending")
                    .values(status="sending")
                )
                if taken.rowcount != 1:  # type: ignore[attr-defined]
                    continue
            key = hashlib.sha256(notice.key.encode()).hexdigest()[:32]
            message = build_plain_message(
                settings,
                settings.operator_email,
                f"<notice-{key}@{mail_domain(settings)}>",
                notice.subject,
                notice.body,
            )
            try:
                if client is None:
                    client = open_smtp(settings)
                send(client, message)
            except SendFailure as failure:
                status = "failed" if failure.permanent else "pending"
                with store.transaction() as session:
                    session.execute(
                        update(m.Notice)
                        .where(m.Notice.id == notice.id)
                        .values(status=status, last_error=failure.reason)
                    )
                break
            with store.transaction() as session:
                session.execute(
                    update(m.Notice)
                    .where(m.Notice.id == notice.id)
                    .values(status="sent", sent_at=m.utcnow())
                )
            sent += 1
    finally:
        if client is not None:
            quietly_close(client)
    return sent


# --- the operator's view ----------------------------------------------------------------------


def list_alerts(session: Session, status: str | None = None, limit: int = 200) -> list[m.Alert]:
    query = select(m.Alert).order_by(m.Alert.id.desc()).limit(limit)
    if status:
        query = query.where(m.Alert.status == status)
    return list(session.scalars(query))


def retry_failed(store: Store, alert_ids: Sequence[int] = ()) -> int:
    """Put failed alerts (all, or the ones named) back in the outbox, due now."""
    with store.transaction() as session:
        query = update(m.Alert).where(m.Alert.status == "failed")
        if alert_ids:
            query = query.where(m.Alert.id.in_(list(alert_ids)))
        result = session.execute(query.values(status="pending", next_attempt_at=None, attempts=0))
        return int(result.rowcount)  # type: ignore[attr-defined]
