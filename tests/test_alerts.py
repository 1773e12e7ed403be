from datetime import timedelta

from sqlalchemy import select, update

from newswatch import models as m
from newswatch.alerts import deliver_pending, render_email, wants
from newswatch.demo.mailsink import MailSink
from newswatch.diff import Claim
from newswatch.review import build_report
from newswatch.settings import Settings
from newswatch.sources import Source, Subscription


def alerts(store):  # type: ignore[no-untyped-def]
    with store.reading() as s:
        return list(s.scalars(select(m.Alert).order_by(m.Alert.id)))


def test_the_alert_email_arrives_once_with_the_claims(demo_change, mail_sink: MailSink) -> None:  # type: ignore[no-untyped-def]
    store, settings, _watchlist, _outcome = demo_change
    report = deliver_pending(store, settings)
    assert (report.sent, report.failed, report.deferred) == (1, 0, 0)
    (mail,) = mail_sink.delivered
    message = mail.message
    assert mail.envelope_to == ["desk@test.invalid"]
    assert message["Subject"].startswith("Figure changed: 600,000 → 800,000")
    assert message["Subject"].endswith("Veloria and Kastan agree outline of draft peace plan")
    (alert,) = alerts(store)
    assert alert.status == "sent" and message["Message-ID"] == alert.message_id
    text = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    html = message.get_body(("html",)).get_content()
    assert "before: 600,000\n    after:  800,000" in text
    assert "Clause 12: All combatants will receive a full amnesty" in text
    assert "silent edit" in text
    assert "<del" in html and "<ins" in html and "800,000" in html
    assert mail.path.exists() and mail.path.suffix == ".eml"
    assert deliver_pending(store, settings).sent == 0  # nothing is sent twice
    assert len(mail_sink.delivered) == 1


def test_permanent_rejection_is_failed_and_not_retried(demo_change, mail_sink: MailSink) -> None:  # type: ignore[no-untyped-def]
    store, settings, _w, _o = demo_change
    mail_sink.reject("550 5.1.1 mailbox unavailable")
    report = deliver_pending(store, settings)
    assert (report.sent, report.failed) == (0, 1)
    (alert,) = alerts(store)
    assert alert.status == "failed" and "550" in (alert.last_error or "")
    mail_sink.reject(None)
    assert deliver_pending(store, settings).sent == 0
    assert mail_sink.delivered == []


def test_smtp_down_then_up_delivers_once(demo_change, mail_sink: MailSink, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store, settings, _w, _o = demo_change
    from newswatch.demo.mailsink import free_port

    down = Settings(smtp_port=free_port())
    report = deliver_pending(store, down)
    assert (report.sent, report.deferred) == (0, 1)
    (alert,) = alerts(store)
    assert alert.status == "pending" and alert.next_attempt_at is not None
    assert "unreachable" in (alert.last_error or "")
    assert deliver_pending(store, settings).sent == 0  # not due yet: back-off holds
    with store.transaction() as s:
        s.execute(
            update(m.Alert).values(next_attempt_at=alert.next_attempt_at - timedelta(hours=2))
        )
    assert deliver_pending(store, settings).sent == 1
    assert deliver_pending(store, settings).sent == 0
    assert len(mail_sink.delivered) == 1


def test_temporary_rejection_is_retried_later(demo_change, mail_sink: MailSink) -> None:  # type: ignore[no-untyped-def]
    store, settings, _w, _o = demo_change
    mail_sink.reject("451 4.3.0 try again later", count=1)
    assert deliver_pending(store, settings).deferred == 1
    (alert,) = alerts(store)
    assert alert.status == "pending" and "451" in (alert.last_error or "")


def test_hostile_article_text_is_escaped(demo_change) -> None:  # type: ignore[no-untyped-def]
    store, _settings, _w, outcome = demo_change
    with store.transaction() as s:
        change = s.get_one(m.Change, outcome.change_id)
        change.new_version.headline = "<script>alert(1)</script>{{ config }}"
        shown = next(c for c in change.claims if c.severity != "cosmetic")
        shown.new_value = '<img src=x onerror="alert(2)">'
    with store.reading() as s:
        report = build_report(s, s.get_one(m.Change, outcome.change_id))
        subject, _text, html = render_email(report, "javascript:alert(3)")
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img" not in html and "&lt;img" in html
    assert "{{ config }}" in html  # rendered as text, not evaluated
    assert "javascript:" not in html
    assert "\n" not in subject


def _claim(kind: str, severity: str, text: str = "A sentence about the amnesty.") -> Claim:
    return Claim(kind, severity, old=text, new=text)


def test_subscriptions_filter_by_source_severity_kind_and_terms() -> None:
    source = Source(name="harbour", url="https://e.org/a", tags=("world",))
    low = [_claim("reworded", "low")]
    high = [_claim("number", "high")]
    assert wants(Subscription(address="a@e.org"), source, low)
    assert not wants(Subscription(address="a@e.org", min_severity="medium"), source, low)
    assert wants(
        Subscription(address="a@e.org", min_severity="medium", terms=("amnesty",)), source, low
    )
    assert wants(Subscription(address="a@e.org", sources=("world",)), source, high)
    assert not wants(Subscription(address="a@e.org", sources=("sport",)), source, high)
    assert not wants(Subscription(address="a@e.org", kinds=("quote",)), source, high)
