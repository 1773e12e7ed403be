from datetime import UTC, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update

from newswatch import models as m
from newswatch.alerts import deliver_pending, wants
from newswatch.demo.mailsink import MailSink
from newswatch.diff import Claim
from newswatch.mailer import claim_phrase, render_email
from newswatch.review import ClaimView, build_report
from newswatch.settings import Settings
from newswatch.sources import Source, Subscription
from newswatch.store import Store
from tests.conftest import DemoChange, ManyChanges, body_of


def alerts(store: Store) -> list[m.Alert]:
    with store.reading() as s:
        return list(s.scalars(select(m.Alert).order_by(m.Alert.id)))


def test_the_alert_email_arrives_once_with_the_claims(
    demo_change: DemoChange, mail_sink: MailSink
) -> None:
    store, settings, _watchlist, _outcome = demo_change
    report = deliver_pending(store, settings)
    assert (report.sent, report.failed, report.deferred) == (1, 0, 0)
    (mail,) = mail_sink.delivered
    message = mail.message
    assert mail.envelope_to == ["desk@test.invalid"]
    assert message["Subject"].startswith("Claim changed: Clause 7: 600,000 → 800,000 troops")
    assert message["Subject"].endswith("Veloria and Kastan agree outline of draft peace plan")
    (alert,) = alerts(store)
    assert alert.status == "sent" and message["Message-ID"] == alert.message_id
    text = body_of(message).replace("\r\n", "\n")
    html = body_of(message, "html")
    assert "before: 600,000\n    after:  800,000" in text
    assert "Clause 12: All combatants will receive a full amnesty" in text
    assert "silent edit" in text
    assert "<del" in html and "<ins" in html and "800,000" in html
    assert mail.path.exists() and mail.path.suffix == ".eml"
    assert deliver_pending(store, settings).sent == 0  # nothing is sent twice
    assert len(mail_sink.delivered) == 1


def test_permanent_rejection_is_failed_and_not_retried(
    demo_change: DemoChange, mail_sink: MailSink
) -> None:
    store, settings, _w, _o = demo_change
    mail_sink.reject("550 5.1.1 mailbox unavailable")
    report = deliver_pending(store, settings)
    assert (report.sent, report.failed) == (0, 1)
    (alert,) = alerts(store)
    assert alert.status == "failed" and "550" in (alert.last_error or "")
    mail_sink.reject(None)
    assert deliver_pending(store, settings).sent == 0
    assert mail_sink.delivered == []


def test_smtp_down_then_up_delivers_once(
    demo_change: DemoChange, mail_sink: MailSink, monkeypatch: pytest.MonkeyPatch
) -> None:
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


def test_temporary_rejection_is_retried_later(demo_change: DemoChange, mail_sink: MailSink) -> None:
    store, settings, _w, _o = demo_change
    mail_sink.reject("451 4.3.0 try again later", count=1)
    assert deliver_pending(store, settings).deferred == 1
    (alert,) = alerts(store)
    assert alert.status == "pending" and "451" in (alert.last_error or "")


def test_hostile_article_text_is_escaped(demo_change: DemoChange) -> None:
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
    assert wants(Subscription(address="a@e.org", min_severity="low"), source, low)
    assert not wants(Subscription(address="a@e.org"), source, low)  # medium by default
    assert not wants(Subscription(address="a@e.org", min_severity="medium"), source, low)
    assert wants(
        Subscription(address="a@e.org", min_severity="medium", terms=("amnesty",)), source, low
    )
    assert wants(Subscription(address="a@e.org", sources=("world",)), source, high)
    assert not wants(Subscription(address="a@e.org", sources=("sport",)), source, high)
    assert not wants(Subscription(address="a@e.org", kinds=("quote",)), source, high)


def test_a_crash_between_commit_and_send_is_delivered_once_after_restart(
    demo_change: DemoChange, mail_sink: MailSink
) -> None:
    store, settings, _w, _o = demo_change
    store.close()  # the process died after the change and its alert were committed
    from newswatch.store import open_store

    restarted = open_store(settings.resolved_database_url)
    assert deliver_pending(restarted, settings).sent == 1
    assert deliver_pending(restarted, settings).sent == 0
    assert len(mail_sink.delivered) == 1
    restarted.close()


def test_a_crash_mid_send_is_resent_after_the_lease_with_the_same_message_id(
    demo_change: DemoChange, mail_sink: MailSink
) -> None:
    from datetime import datetime

    from newswatch.alerts import SENDING_LEASE, claim

    store, settings, _w, _o = demo_change
    (alert,) = alerts(store)
    now = datetime.now(UTC)
    assert claim(store, alert.id, now)  # a delivery run took it, then died before recording
    assert deliver_pending(store, settings, now=now).sent == 0  # the lease still holds
    later = now + SENDING_LEASE + timedelta(seconds=1)
    assert deliver_pending(store, settings, now=later).sent == 1
    (mail,) = mail_sink.delivered
    assert mail.message["Message-ID"] == alert.message_id


def test_two_delivery_runs_at_once_send_each_alert_once(
    many_changes: ManyChanges, mail_sink: MailSink
) -> None:
    import threading
    import time

    from newswatch.store import open_store

    subscriptions = "".join(
        f'[[subscription]]\naddress = "r{i}@test.invalid"\n\n' for i in range(4)
    )
    store, settings, _ids = many_changes(2, subscriptions)
    assert len(alerts(store)) == 8
    original = mail_sink.handler.handle_DATA

    async def slow(server: Any, session: Any, envelope: Any) -> Any:
        time.sleep(0.15)  # keep both runs busy at the same time
        return await original(server, session, envelope)

    mail_sink.handler.handle_DATA = slow  # type: ignore[method-assign]
    reports = []
    start = threading.Barrier(2)

    def run() -> None:
        own = open_store(settings.resolved_database_url)  # a second worker: its own connections
        start.wait()  # both look for due alerts, and claim them, at the same time
        reports.append(deliver_pending(own, settings))
        own.close()

    workers = [threading.Thread(target=run) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert len(reports) == 2  # both workers ran to the end
    ids = [str(d.message["Message-ID"]) for d in mail_sink.delivered]
    assert len(ids) == len(set(ids)) == 8
    assert sum(r.sent for r in reports) == 8
    assert {a.status for a in alerts(store)} == {"sent"}


def test_a_burst_becomes_one_digest_per_recipient(
    many_changes: ManyChanges, mail_sink: MailSink, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newswatch import alerts as alerts_module

    monkeypatch.setattr(alerts_module, "DIGEST_CAP", 5)
    store, settings, change_ids = many_changes(
        8, '[[subscription]]\naddress = "desk@test.invalid"\n'
    )
    assert len(change_ids) == 8
    report = deliver_pending(store, settings)
    assert (report.sent, report.emails) == (8, 1)
    (mail,) = mail_sink.delivered
    assert mail.message["Subject"].startswith("8 articles changed")
    assert mail.message["Message-ID"].startswith("<digest-")
    text = body_of(mail.message)
    assert text.count("Review in Prefect:") == 5 and "and 3 more changed article(s)" in text
    rows = alerts(store)
    assert {a.status for a in rows} == {"sent"}
    assert {a.delivered_in for a in rows} == {mail.message["Message-ID"]}


def test_a_few_changes_at_once_still_get_one_email_each(
    many_changes: ManyChanges, mail_sink: MailSink
) -> None:
    store, settings, _ids = many_changes(3, '[[subscription]]\naddress = "desk@test.invalid"\n')
    assert deliver_pending(store, settings).emails == 3


def test_hourly_subscribers_get_a_digest_when_the_hour_turns(
    many_changes: ManyChanges, mail_sink: MailSink
) -> None:
    store, settings, _ids = many_changes(
        2, '[[subscription]]\naddress = "hourly@test.invalid"\nmode = "hourly"\n'
    )
    rows = alerts(store)
    assert all(a.mode == "hourly" and a.next_attempt_at is not None for a in rows)
    assert deliver_pending(store, settings).sent == 0
    window = max(a.next_attempt_at for a in rows if a.next_attempt_at is not None)
    report = deliver_pending(store, settings, now=window)
    assert (report.sent, report.emails) == (2, 1)
    assert mail_sink.delivered[0].message["Subject"].endswith("hourly digest")


@pytest.mark.parametrize(
    ("kind", "old", "new", "detail", "phrase"),
    [
        ("fact", "killed", "injured", {}, "Key fact changed: killed → injured"),
        ("negation", "rose", "fell", {"opposite": True}, "Claim reversed: rose → fell"),
        ("negation", None, "not", {}, "Claim reversed: “not” added"),
        (
            "attribution",
            "Officials said",
            None,
            {"sourcing": "removed"},
            "Sourcing removed: Officials said",
        ),
        ("fact", "$", "£", {}, "Key fact changed: $ → £"),
        ("fact", None, "attempted", {"qualifier": True}, "Key fact added: attempted"),
        ("fact", "former", None, {"qualifier": True}, "Key fact removed: former"),
        ("hedge", None, "reportedly", {}, "Hedge added: reportedly"),
        ("entity", "Israeli", None, {"vanished": True}, "Name removed: Israeli"),
        ("entity", None, "Ann Lee", {"appeared": True}, "Name added: Ann Lee"),
        (
            "attribution",
            None,
            "sources",
            {"sourcing": "anonymous"},
            "Source made anonymous: sources",
        ),
    ],
)
def test_a_claim_s_phrase_names_both_words_of_a_swap(
    kind: str, old: str | None, new: str, detail: dict[str, object], phrase: str
) -> None:
    claim = ClaimView(kind, "high", old, new, "The old sentence.", "The new one.", detail)
    assert claim_phrase(claim) == phrase


def test_a_qualifier_s_phrase_names_the_word_it_qualifies() -> None:
    added = ClaimView(
        "fact", "high", None, "attempted", "He was charged with murder.",
        "He was charged with attempted murder.", {"qualifier": True},
    )  # fmt: skip
    removed = ClaimView(
        "fact", "high", "former", None, "The former minister spoke.", "The minister spoke.",
        {"qualifier": True},
    )  # fmt: skip
    assert claim_phrase(added) == "Key fact added: attempted murder"
    assert claim_phrase(removed) == "Key fact removed: former minister"


def test_parties_that_traded_places_are_named_both() -> None:
    claim = ClaimView(
        "fact", "high", "City … Rovers", "Rovers … City", "City beat Rovers.", "Rovers beat City.",
        {"swapped": True},
    )  # fmt: skip
    assert claim_phrase(claim) == "Roles swapped: City ↔ Rovers"


def test_a_score_turned_round_is_a_key_fact_changed() -> None:
    from newswatch.diff import compare

    result = compare("United won 3-1 at home.", "United won 1-3 at home.")
    turned = next(c for c in result.claims if c.severity == "high")
    claim = ClaimView(
        turned.kind, turned.severity, turned.old_value, turned.new_value, "United won 3-1 at home.",
        "United won 1-3 at home.", turned.detail,
    )  # fmt: skip
    assert claim_phrase(claim) == "Key fact changed: 3-1 → 1-3"


def test_an_item_of_a_series_is_named_with_what_happened_to_it() -> None:
    removed = ClaimView(
        "reworded", "medium", "burglary", None, "Accused of theft, burglary and assault.",
        "Accused of theft and assault.", {"item": "removed"},
    )  # fmt: skip
    added = ClaimView(
        "reworded", "medium", None, "false accounting", "Charged with fraud.",
        "Charged with fraud and false accounting.", {"item": "added"},
    )  # fmt: skip
    assert claim_phrase(removed) == "Item removed from a list: burglary"
    assert claim_phrase(added) == "Item added to a list: false accounting"


def test_a_detail_put_in_or_cut_is_named_with_its_words() -> None:
    from newswatch.diff import compare

    for old, new, phrase in (
        ("The minister resigned.", "The minister resigned over the expenses row.",
         "Detail added: over the expenses row"),
        ("The minister resigned over the expenses row.", "The minister resigned.",
         "Detail removed: over the expenses row"),
    ):  # fmt: skip
        found = next(c for c in compare(old, new).claims if c.severity == "medium")
        claim = ClaimView(
            found.kind, found.severity, found.old_value, found.new_value, old, new, found.detail
        )
        assert claim.label == phrase.split(":")[0]
        assert claim_phrase(claim) == phrase


def test_a_figure_s_phrase_keeps_a_unit_written_onto_it() -> None:
    claim = ClaimView(
        "number", "high", "30", "15", "Weapons would be withdrawn 30km from the line.",
        "Weapons would be withdrawn 15km from the line.", {"figure": "number"},
    )  # fmt: skip
    assert claim_phrase(claim) == "Claim changed: 30 → 15km"
    troops = ClaimView(
        "number", "high", "600,000", "800,000", "It caps the army at 600,000 troops.",
        "It caps the army at 800,000 troops.", {"figure": "number"},
    )  # fmt: skip
    assert claim_phrase(troops) == "Claim changed: 600,000 → 800,000 troops"


def test_a_tense_claim_says_whether_the_thing_is_done_or_to_come() -> None:
    claim = ClaimView(
        "fact", "medium", "has been", "will be", "He has been charged with fraud.",
        "He will be charged with fraud.", {"tense": "to come"},
    )  # fmt: skip
    assert claim_phrase(claim) == "Now to come: has been → will be charged"


def test_a_time_of_day_claim_is_labelled_a_time() -> None:
    claim = ClaimView(
        "number", "high", "8 a.m.", "8 p.m.", "It sails at 8 a.m.", "It sails at 8 p.m.",
        {"figure": "time"},
    )  # fmt: skip
    assert claim.label == "Time"
    assert claim_phrase(claim) == "Claim changed: 8 a.m. → 8 p.m."


def test_a_rounded_figure_is_labelled_rounded() -> None:
    claim = ClaimView(
        "number", "low", "64.2%", "64%", "Turnout was 64.2%.", "Turnout was 64%.",
        {"figure": "percent", "rounded": True},
    )  # fmt: skip
    assert (claim.label, claim_phrase(claim)) == ("Rounded", "Claim changed: 64.2% → 64%")


def test_a_conversion_and_a_tense_claim_are_labelled_for_what_they_are() -> None:
    conversion = ClaimView(
        "number", "low", "75", None, "Winds reached 120 km/h (75 mph).", "Winds reached 120 km/h.",
        {"figure": "number", "conversion": True},
    )  # fmt: skip
    tense = ClaimView(
        "fact", "medium", "has been", "will be", "He has been charged.", "He will be charged.",
        {"tense": "to come"},
    )  # fmt: skip
    assert (conversion.label, tense.label) == ("Conversion", "Done or to come")


def test_a_cause_put_in_is_labelled_a_cause_and_named_whole() -> None:
    claim = ClaimView(
        "fact", "medium", None, "due to heavy rain", "The match was abandoned.",
        "The match was abandoned due to heavy rain.", {"cause": True},
    )  # fmt: skip
    assert (claim.label, claim_phrase(claim)) == ("Cause", "Cause added: due to heavy rain")


def test_a_reach_narrowed_or_widened_names_the_word_and_its_noun() -> None:
    narrowed = ClaimView(
        "fact", "medium", None, "petrol", "The ban applies to all new cars.",
        "The ban applies to all new petrol cars.", {"scope": "narrowed"},
    )  # fmt: skip
    widened = ClaimView(
        "fact", "medium", "disabled", None, "Parking is free for disabled residents.",
        "Parking is free for residents.", {"scope": "widened"},
    )  # fmt: skip
    assert (narrowed.label, claim_phrase(narrowed)) == ("Reach", "Reach narrowed: petrol cars")
    assert claim_phrase(widened) == "Reach widened: disabled residents"


def test_who_paid_for_it_is_labelled_funding() -> None:
    claim = ClaimView(
        "fact", "medium", "funded by a sugar producers' group", None,
        "The survey, funded by a sugar producers' group, found no harm.",
        "The survey found no harm.", {"funding": True},
    )  # fmt: skip
    assert claim.label == "Funding"
    assert claim_phrase(claim) == "Funding removed: funded by a sugar producers' group"


def test_a_condition_put_in_is_labelled_a_condition() -> None:
    claim = ClaimView(
        "fact", "medium", None, "unless talks succeed", "The strike will go ahead.",
        "The strike will go ahead unless talks succeed.", {"condition": True},
    )  # fmt: skip
    assert claim.label == "Condition"
    assert claim_phrase(claim) == "Condition added: unless talks succeed"


def test_an_exception_put_in_is_labelled_an_exception() -> None:
    claim = ClaimView(
        "fact", "medium", None, "except the self-employed", "The law applies to all workers.",
        "The law applies to all workers except the self-employed.", {"exception": True},
    )  # fmt: skip
    assert claim.label == "Exception"
    assert claim_phrase(claim) == "Exception added: except the self-employed"


def test_another_cause_is_named_both_ways() -> None:
    claim = ClaimView(
        "fact", "medium", "black ice", "speeding", "The crash was blamed on black ice.",
        "The crash was blamed on speeding.", {"cause": True},
    )  # fmt: skip
    assert claim_phrase(claim) == "Cause changed: black ice → speeding"


def test_a_task_under_way_made_done_reads_now_done_or_now_under_way() -> None:
    from newswatch.diff import compare

    for old, new, phrase in (
        ("Engineers are repairing the line.", "Engineers have repaired the line.",
         "Now done: are repairing → have repaired the line"),
        ("Engineers have repaired the line.", "Engineers are repairing the line.",
         "Now under way: have repaired → are repairing the line"),
        ("Officials are tracing the patient's contacts.",
         "Officials have traced all of the patient's contacts.",
         "Now done: are tracing → have traced all of the patient's contacts"),
    ):  # fmt: skip
        found = next(c for c in compare(old, new).claims if c.severity == "medium")
        claim = ClaimView(
            found.kind, found.severity, found.old_value, found.new_value, old, new, found.detail
        )
        assert claim_phrase(claim) == phrase
