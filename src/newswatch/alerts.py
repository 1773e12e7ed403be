"""Alerts: who wants a change, the email that says what changed, and delivery from the outbox.

Alert rows are written in the same transaction as the change they report (``queue_alerts``), one
per (change, recipient) with a unique idempotency key, so a change is never stored without its
alerts. ``deliver_pending`` then sends them: each row is claimed by a conditional UPDATE before
sending (two delivery runs never send the same row), temporary SMTP failures are retried later
with back-off, permanent ones are marked failed with the server's reply.
"""

from __future__ import annotations

import hashlib
import smtplib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import formatdate, parseaddr
from pathlib import Path
from typing import Any

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment
from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from newswatch import models as m
from newswatch.claims import mark_terms
from newswatch.diff import Claim
from newswatch.review import ChangeReport, ClaimView, build_report, significant
from newswatch.settings import Settings
from newswatch.sources import Source, Subscription, Watchlist, severity_rank
from newswatch.store import Store

TEMPLATES = Path(__file__).parent / "templates"
SEVERITY_COLOURS = {"high": "#b3261e", "medium": "#c26a00", "low": "#5f6b7a", "cosmetic": "#9aa0a6"}
MAX_ATTEMPTS = 8
SENDING_LEASE = timedelta(minutes=10)
SUBJECT_LIMIT = 160


# --- who gets what --------------------------------------------------------------------------


def wants(subscription: Subscription, source: Source | None, claims: Sequence[Claim]) -> bool:
    """Does this subscriber want a change with these claims, from this source?"""
    if subscription.sources:
        labels = {source.name, *source.tags} if source else set()
        if not labels & set(subscription.sources):
            return False
    relevant = mark_terms(list(claims), subscription.terms)
    if subscription.kinds:
        relevant = [c for c in relevant if c.kind in subscription.kinds]
    floor = severity_rank(subscription.min_severity)
    return any(severity_rank(c.severity) >= floor for c in relevant)


def recipients_for(
    watchlist: Watchlist, settings: Settings, source: Source | None, claims: Sequence[Claim]
) -> list[str]:
    """Everyone to alert about a change, each address once."""
    chosen: list[str] = []
    for subscription in watchlist.subscriptions:
        if subscription.address not in chosen and wants(subscription, source, claims):
            chosen.append(subscription.address)
    default = Subscription(address="default@invalid", min_severity="medium")
    if claims and wants(default, source, claims):
        chosen += [a for a in settings.alert_recipients if a not in chosen]
    return chosen


def idempotency_key(article_url: str, old_fp: str, new_fp: str, recipient: str) -> str:
    """Stable across retries and databases: the same change to the same person is one alert."""
    raw = "\x1f".join((article_url, old_fp, new_fp, recipient.lower()))
    return hashlib.sha256(raw.encode()).hexdigest()


def queue_alerts(session: Session, change: m.Change, recipients: Iterable[str], domain: str) -> int:
    count = 0
    for recipient in recipients:
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
                message_id=f"<{key[:32]}@{domain}>",
            )
        )
        count += 1
    session.flush()
    return count


# --- the email ------------------------------------------------------------------------------


def _safe_href(value: object) -> str:
    text = str(value)
    return text if text.startswith(("http://", "https://")) else "#"


def _environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=lambda name: bool(name and name.endswith(".html.j2")),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["href"] = _safe_href
    return env


_ENV = _environment()


def subject_for(report: ChangeReport) -> str:
    claims = significant(report.claims) or report.claims
    ranked = sorted(claims, key=lambda c: -severity_rank(c.severity))
    if not ranked:
        lead = "Article edited"
    else:
        top = ranked[0]
        lead = _claim_phrase(top)
        if len(ranked) > 1:
            lead += f" (+{len(ranked) - 1} more)"
    subject = f"{lead} — {report.headline}"
    subject = " ".join(subject.split())
    return subject if len(subject) <= SUBJECT_LIMIT else subject[: SUBJECT_LIMIT - 1] + "…"


def _claim_phrase(claim: ClaimView) -> str:
    old, new = claim.old_value, claim.new_value
    if claim.kind in ("number", "entity", "attribution", "hedge", "negation") and old and new:
        return f"{claim.label} changed: {_short(old)} → {_short(new)}"
    if claim.kind == "number":
        return (
            f"Figure removed: {_short(old or '')}" if old else f"Figure added: {_short(new or '')}"
        )
    if claim.kind in ("added", "removed", "moved"):
        return claim.label
    return f"{claim.label} changed"


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _rows(report: ChangeReport) -> list[dict[str, Any]]:
    c = report.comparison
    rows = []
    for index, unit in enumerate(c.units):
        if unit.kind == "unchanged":
            continue
        rows.append(
            {
                "kind": unit.kind,
                "old": c.old_slice(unit)[0],
                "new": c.new_slice(unit)[0],
                "inline": c.word_edits.get(index),
            }
        )
    return rows


def _notes(claim: ClaimView) -> str:
    notes = []
    speaker = claim.detail.get("speaker")
    if speaker:
        notes.append(f"speaker: {speaker}")
    terms = claim.detail.get("terms")
    if isinstance(terms, list) and terms:
        notes.append("watch terms: " + ", ".join(str(t) for t in terms))
    return f" ({'; '.join(notes)})" if notes else ""


def render_email(report: ChangeReport, artifact_url: str) -> tuple[str, str, str]:
    """(subject, plain text, HTML) for one change."""
    claims = significant(report.claims)
    context = {
        "report": report,
        "notes": _notes,
        "silent_note": " (silent edit: the page's modified date did not change)"
        if report.silent
        else "",
        "claims": claims,
        "cosmetic_count": len(report.claims) - len(claims),
        "rows": _rows(report),
        "artifact_url": _safe_href(artifact_url),
        "colours": SEVERITY_COLOURS,
    }
    text = _ENV.get_template("alert.txt.j2").render(context)
    html = _ENV.get_template("alert.html.j2").render(context)
    return subject_for(report), text, html


def build_message(
    settings: Settings, recipient: str, message_id: str, subject: str, text: str, html: str
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = recipient
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = message_id
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    return message


# --- SMTP -----------------------------------------------------------------------------------


class SendFailure(Exception):
    def __init__(self, reason: str, *, permanent: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


def open_smtp(settings: Settings) -> smtplib.SMTP:
    try:
        client: smtplib.SMTP
        if settings.smtp_security == "ssl":
            client = smtplib.SMTP_SSL(
                settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout
            )
        else:
            client = smtplib.SMTP(
                settings.smtp_host, settings.smtp_port, timeout=settings.smtp_timeout
            )
            if settings.smtp_security == "starttls":
                client.starttls()
        if settings.smtp_username:
            client.login(settings.smtp_username, settings.smtp_password)
        return client
    except smtplib.SMTPAuthenticationError as exc:
        raise SendFailure(
            f"SMTP login refused: {exc.smtp_code} {_decode(exc.smtp_error)}", permanent=False
        ) from None
    except (OSError, smtplib.SMTPException) as exc:
        raise SendFailure(
            f"SMTP server {settings.smtp_host}:{settings.smtp_port} unreachable: {exc}",
            permanent=False,
        ) from None


def _decode(value: bytes | str) -> str:
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)


def send(client: smtplib.SMTP, message: EmailMessage) -> str:
    """Send one message; return the server's reply to the data, or raise ``SendFailure``."""
    try:
        refused = client.send_message(message)
    except smtplib.SMTPRecipientsRefused as exc:
        code, reason = next(iter(exc.recipients.values()))
        raise SendFailure(f"{code} {_decode(reason)}", permanent=code >= 500) from None
    except smtplib.SMTPResponseException as exc:
        raise SendFailure(
            f"{exc.smtp_code} {_decode(exc.smtp_error)}", permanent=exc.smtp_code >= 500
        ) from None
    except (TimeoutError, OSError, smtplib.SMTPException) as exc:
        raise SendFailure(f"SMTP connection failed: {exc}", permanent=False) from None
    if refused:
        code, reason = next(iter(refused.values()))
        raise SendFailure(f"{code} {_decode(reason)}", permanent=code >= 500)
    return "250 accepted"


# --- delivery from the outbox ---------------------------------------------------------------


@dataclass
class DeliveryReport:
    sent: int = 0
    failed: int = 0
    deferred: int = 0
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return {
            "sent": self.sent,
            "failed": self.failed,
            "deferred": self.deferred,
            "errors": self.errors,
        }


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(3600, 30 * 2 ** max(0, attempts - 1)))


def _claim(session: Session, alert_id: int, now: datetime) -> bool:
    """Take one alert for sending; False when another worker has it or it is not due."""
    result = session.execute(
        update(m.Alert)
        .where(
            m.Alert.id == alert_id,
            or_(
                (m.Alert.status == "pending")
                & or_(m.Alert.next_attempt_at.is_(None), m.Alert.next_attempt_at <= now),
                (m.Alert.status == "sending") & (m.Alert.next_attempt_at <= now),
            ),
        )
        .values(
            status="sending", attempts=m.Alert.attempts + 1, next_attempt_at=now + SENDING_LEASE
        )
        .execution_options(synchronize_session=False)
    )
    return bool(result.rowcount == 1)  # type: ignore[attr-defined]


def due_alerts(session: Session, now: datetime, limit: int) -> list[int]:
    return list(
        session.scalars(
            select(m.Alert.id)
            .where(
                or_(
                    (m.Alert.status == "pending")
                    & or_(m.Alert.next_attempt_at.is_(None), m.Alert.next_attempt_at <= now),
                    (m.Alert.status == "sending") & (m.Alert.next_attempt_at <= now),
                )
            )
            .order_by(m.Alert.id)
            .limit(limit)
        )
    )


def artifact_url(settings: Settings, key: str) -> str:
    return f"{settings.prefect_ui_url.rstrip('/')}/artifacts/key/{key}"


def deliver_pending(store: Store, settings: Settings, *, limit: int = 500) -> DeliveryReport:
    report = DeliveryReport()
    now = m.utcnow()
    with store.reading() as session:
        ids = due_alerts(session, now, limit)
    if not ids:
        return report
    client: smtplib.SMTP | None = None
    domain = parseaddr(settings.mail_from)[1].rpartition("@")[2] or "newswatch"
    try:
        for alert_id in ids:
            with store.transaction() as session:
                if not _claim(session, alert_id, now):
                    continue
            with store.reading() as session:
                alert = session.get_one(m.Alert, alert_id)
                change_report = build_report(session, alert.change)
                subject, text, html = render_email(
                    change_report, artifact_url(settings, change_report.artifact_key)
                )
                message = build_message(
                    settings,
                    alert.recipient,
                    alert.message_id or f"<{alert.idempotency_key[:32]}@{domain}>",
                    subject,
                    text,
                    html,
                )
                attempts = alert.attempts
            try:
                if client is None:
                    client = open_smtp(settings)
                reply = send(client, message)
            except SendFailure as failure:
                if client is not None and not failure.permanent:
                    _quietly_close(client)
                    client = None
                final = failure.permanent or attempts >= MAX_ATTEMPTS
                _finish(
                    store,
                    alert_id,
                    "failed" if final else "pending",
                    failure.reason,
                    None if final else m.utcnow() + backoff(attempts),
                )
                report.errors.append(f"{alert_id}: {failure.reason}")
                if final:
                    report.failed += 1
                else:
                    report.deferred += 1
                continue
            _finish(store, alert_id, "sent", reply, None, sent=True)
            report.sent += 1
    finally:
        if client is not None:
            _quietly_close(client)
    return report


def _finish(
    store: Store,
    alert_id: int,
    status: str,
    note: str | None,
    next_attempt: datetime | None,
    *,
    sent: bool = False,
) -> None:
    with store.transaction() as session:
        values: dict[str, Any] = {"status": status, "next_attempt_at": next_attempt}
        if sent:
            values["sent_at"] = m.utcnow()
        else:
            values["last_error"] = note
        session.execute(update(m.Alert).where(m.Alert.id == alert_id).values(**values))


def _quietly_close(client: smtplib.SMTP) -> None:
    try:
        client.quit()
    except (OSError, smtplib.SMTPException):
        client.close()
