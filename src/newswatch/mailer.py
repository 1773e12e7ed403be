"""The alert email: what it says, and the SMTP conversation that delivers it.

Templates are Jinja2 in a sandboxed environment; the HTML ones autoescape, so nothing taken
from an article can become markup, and a headline such as ``{{ config }}`` is printed, never
evaluated. SMTP settings come from the ``NEWSWATCH_SMTP_*`` settings, or from a Prefect
``EmailServerCredentials`` block when ``NEWSWATCH_SMTP_BLOCK`` names one.
"""

from __future__ import annotations

import re
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate, parseaddr
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newswatch.review import ChangeReport, ClaimView, significant
from newswatch.settings import Settings
from newswatch.sources import severity_rank

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

TEMPLATES = Path(__file__).parent / "templates"
SEVERITY_COLOURS = {"high": "#b3261e", "medium": "#b35c00", "low": "#5f6b7a", "cosmetic": "#9aa0a6"}
SUBJECT_LIMIT = 160
FIELD_LIMIT = 2000  # longest before/after text shown for one claim


def safe_href(value: object) -> str:
    text = str(value)
    return text if text.startswith(("http://", "https://")) else "#"


def _clip(value: object, limit: int = FIELD_LIMIT) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@cache
def _environment() -> SandboxedEnvironment:
    """The template environment, made when the first email is written (not at import: most
    runs write none)."""
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=lambda name: bool(name and name.endswith(".html.j2")),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["href"] = safe_href
    env.filters["clip"] = _clip
    return env


# --- what the email says ----------------------------------------------------------------------


def mail_domain(settings: Settings) -> str:
    return parseaddr(settings.mail_from)[1].rpartition("@")[2] or "newswatch"


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unit_after(claim: ClaimView, old: bool = False) -> str:
    """The word after a value in its sentence (the new one, or the old), when it names what is
    counted ("troops") or qualified ("attempted murder")."""
    sentence = (claim.old_sentence if old else claim.new_sentence) or ""
    value = (claim.old_value if old else claim.new_value) or ""
    found = re.search(re.escape(value), sentence, re.I) if value else None
    if found is None:
        return ""
    # "troops" after a space, or a unit written onto the figure ("15km")
    following = re.match(r"\s+([A-Za-z][\w-]{2,})|([A-Za-z]{1,4})\b", sentence[found.end() :])
    if following is not None and following.group(2):
        return following.group(2)
    word = following.group(1) if following else ""
    return f" {word}" if word and word.lower() not in ("the", "and", "for", "that", "with") else ""


# what a deed is done to, after the verb: "the line", "all of the patient's contacts"
_OBJECT = re.compile(
    r"\s+((?:(?:the|a|an|its|their|his|her|all|of|some|most|two|three)\s+){0,3}"
    r"(?:[A-Za-z][\w-]*['’]s\s+)?[A-Za-z][\w-]*)"
)


def _object_after(claim: ClaimView) -> str:
    """The words after the new value in its sentence that name what the deed is done to
    ("have repaired the line"), or what it is ("will be charged")."""
    sentence, value = claim.new_sentence or "", claim.new_value or ""
    found = re.search(re.escape(value), sentence, re.I) if value else None
    following = _OBJECT.match(sentence, found.end()) if found else None
    return f" {following.group(1)}" if following else ""


def claim_phrase(claim: ClaimView) -> str:
    """A short description of one claim change, for a subject line or a digest."""
    old, new = claim.old_value, claim.new_value
    clause = claim.detail.get("clause")
    where = f"{clause}: " if isinstance(clause, str) else ""
    if claim.kind == "number":
        if old and new:
            return f"Claim changed: {where}{_short(old)} → {_short(new)}{_unit_after(claim)}"
        return f"Figure {'removed' if old else 'added'}: {where}{_short(old or new or '')}"
    sourcing = claim.detail.get("sourcing")
    if claim.kind == "attribution" and sourcing in ("anonymous", "named"):
        what = "Source made anonymous" if sourcing == "anonymous" else "Anonymous source named"
        return f"{what}: {_short((new if sourcing == 'anonymous' else old) or '')}"
    if claim.kind == "attribution" and sourcing:
        return f"Sourcing {sourcing}: {_short((old if sourcing == 'removed' else new) or '')}"
    if claim.detail.get("swapped") and old:  # "City … Rovers" -> "Rovers … City"
        first, _, second = old.partition(" … ")
        return f"Roles swapped: {_short(first)} ↔ {_short(second)}"
    scope = claim.detail.get("scope")  # "Reach narrowed: petrol cars"
    if scope in ("narrowed", "widened") and (old or new):
        return f"Reach {scope}: {_short(old or new or '')}{_unit_after(claim, old=not new)}"
    # "Item removed from a list: burglary", "Detail added: over the expenses row"
    if (claim.detail.get("item") or claim.detail.get("detail")) and (old or new):
        return f"{claim.label}: {_short(old or new or '')}"
    tense = claim.detail.get("tense")  # "Now to come: has been → will be charged"
    if tense and old and new:
        return f"Now {tense}: {_short(old)} → {_short(new)}{_object_after(claim)}"
    if claim.kind in ("entity", "attribution", "hedge", "fact") and old and new:
        return f"{claim.label} changed: {_short(old)} → {_short(new)}"
    if claim.kind in ("hedge", "fact", "entity") and (old or new):  # "Key fact added: murder"
        word = _unit_after(claim, old=not new) if claim.detail.get("qualifier") else ""
        return f"{claim.label} {'added' if new else 'removed'}: {_short(new or old or '')}{word}"
    if claim.kind == "negation" and claim.detail.get("opposite") and old and new:
        return f"Claim reversed: {where}{_short(old)} → {_short(new)}"
    if claim.kind == "negation":
        return (
            f"Claim reversed: {where}“{_short(new or old or '')}” {'added' if new else 'removed'}"
        )
    if claim.kind == "quote":
        speaker = claim.detail.get("speaker")
        return f"Quote changed{f' ({speaker})' if speaker else ''}"
    if claim.kind in ("added", "removed"):
        return f"{claim.label}{f' ({clause})' if clause else ''}"
    return f"{claim.label} changed"


def subject_for(report: ChangeReport) -> str:
    claims = significant(report.claims) or report.claims
    ranked = sorted(claims, key=lambda c: -severity_rank(c.severity))
    lead = claim_phrase(ranked[0]) if ranked else "Article edited"
    if len(ranked) > 1:
        lead += f" (+{len(ranked) - 1} more)"
    return _subject(f"{lead} — {report.headline}")


def _subject(text: str) -> str:
    text = " ".join(text.split())  # no newline can reach a header
    return text if len(text) <= SUBJECT_LIMIT else text[: SUBJECT_LIMIT - 1] + "…"


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
    for key, label in (("speaker", "speaker"), ("clause", "clause")):
        if claim.detail.get(key):
            notes.append(f"{label}: {claim.detail[key]}")
    terms = claim.detail.get("terms")
    if isinstance(terms, list) and terms:
        notes.append("watch terms: " + ", ".join(str(t) for t in terms))
    return f" ({'; '.join(notes)})" if notes else ""


def _context(report: ChangeReport, artifact_url: str) -> dict[str, Any]:
    claims = significant(report.claims)
    return {
        "report": report,
        "claims": claims,
        "cosmetic_count": len(report.claims) - len(claims),
        "rows": _rows(report),
        "artifact_url": safe_href(artifact_url),
        "colours": SEVERITY_COLOURS,
        "notes": _notes,
        "silent_note": " (silent edit: neither the page's modified date nor a correction note"
        " changed)"
        if report.silent
        else "",
    }


def render_email(report: ChangeReport, artifact_url: str) -> tuple[str, str, str]:
    """(subject, plain text, HTML) for one change."""
    context = _context(report, artifact_url)
    text = _environment().get_template("alert.txt.j2").render(context)
    html = _environment().get_template("alert.html.j2").render(context)
    return subject_for(report), text, html


def render_digest(
    reports: list[ChangeReport], artifact_urls: list[str], total: int, period: str
) -> tuple[str, str, str]:
    """(subject, plain text, HTML) for several changes in one email; ``total`` counts the
    changes left out beyond the cap too."""
    entries = [
        _context(r, u) | {"phrase": claim_phrase(_top(r)) if r.claims else "Edited"}
        for r, u in zip(reports, artifact_urls, strict=True)
    ]
    context = {
        "entries": entries,
        "total": total,
        "left_out": total - len(reports),
        "period": period,
        "colours": SEVERITY_COLOURS,
        "notes": _notes,
    }
    high = sum(1 for r in reports if r.severity == "high")
    subject = _subject(
        f"{total} article{'s' if total != 1 else ''} changed"
        f"{f' ({high} with high-severity claims)' if high else ''} — {period}"
    )
    text = _environment().get_template("digest.txt.j2").render(context)
    html = _environment().get_template("digest.html.j2").render(context)
    return subject, text, html


def _top(report: ChangeReport) -> ClaimView:
    claims = significant(report.claims) or report.claims
    return max(claims, key=lambda c: severity_rank(c.severity))


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
    message["X-Newswatch"] = "alert"
    # quoted-printable keeps every line short and 7-bit clean, whatever the server supports
    message.set_content(text, cte="quoted-printable")
    message.add_alternative(html, subtype="html", cte="quoted-printable")
    return message


# --- SMTP -------------------------------------------------------------------------------------


class SendFailure(Exception):
    """SMTP did not take the message. ``permanent`` for 5xx answers: do not try again."""

    def __init__(self, reason: str, *, permanent: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.permanent = permanent


def _decode(value: bytes | str) -> str:
    return value.decode(errors="replace") if isinstance(value, bytes) else str(value)


def open_smtp(settings: Settings) -> smtplib.SMTP:
    """A connected, logged-in SMTP client, from a Prefect block or from the settings."""
    where = settings.smtp_block or f"{settings.smtp_host}:{settings.smtp_port}"
    try:
        if settings.smtp_block:
            from prefect_email import EmailServerCredentials

            return EmailServerCredentials.load(settings.smtp_block).get_server()  # type: ignore[no-any-return]
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
            f"SMTP login refused by {where}: {exc.smtp_code} {_decode(exc.smtp_error)}",
            permanent=False,
        ) from None
    except (OSError, smtplib.SMTPException, ValueError) as exc:
        raise SendFailure(f"SMTP server {where} unreachable: {exc}", permanent=False) from None


def send(client: smtplib.SMTP, message: EmailMessage) -> str:
    """Send one message; return the server's answer to it, or raise ``SendFailure``."""
    sender = parseaddr(str(message["From"]))[1]
    recipient = parseaddr(str(message["To"]))[1]
    try:
        client.ehlo_or_helo_if_needed()
        code, answer = client.mail(sender)
        if code != 250:
            client.rset()
            raise SendFailure(f"{code} {_decode(answer)}", permanent=code >= 500)
        code, answer = client.rcpt(recipient)
        if code not in (250, 251):
            client.rset()
            raise SendFailure(f"{code} {_decode(answer)}", permanent=code >= 500)
        # smtplib sends bytes as they are: the message must already use CRLF line ends
        code, answer = client.data(message.as_bytes(policy=message.policy.clone(linesep="\r\n")))
    except smtplib.SMTPResponseException as exc:
        raise SendFailure(
            f"{exc.smtp_code} {_decode(exc.smtp_error)}", permanent=exc.smtp_code >= 500
        ) from None
    except (OSError, smtplib.SMTPException) as exc:
        raise SendFailure(f"SMTP connection failed: {exc}", permanent=False) from None
    if code != 250:
        raise SendFailure(f"{code} {_decode(answer)}", permanent=code >= 500)
    return f"{code} {_decode(answer)}"


def build_plain_message(
    settings: Settings, recipient: str, message_id: str, subject: str, text: str
) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = recipient
    message["Subject"] = _subject(subject)
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = message_id
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(text, cte="quoted-printable")
    return message


def quietly_close(client: smtplib.SMTP) -> None:
    try:
        client.quit()
    except (OSError, smtplib.SMTPException):
        client.close()


@dataclass(frozen=True)
class TestResult:
    recipient: str
    message_id: str
    reply: str


def send_test(settings: Settings, address: str) -> TestResult:
    """``newswatch alerts test``: one plain message through the configured server."""
    from email.utils import make_msgid

    message = EmailMessage()
    message["From"] = settings.mail_from
    message["To"] = address
    message["Subject"] = "newswatch test message"
    message["Date"] = formatdate(localtime=False)
    message["Message-ID"] = make_msgid("test", domain=mail_domain(settings))
    message.set_content("This is a test message from newswatch. Alerts will come this way.\n")
    client = open_smtp(settings)
    try:
        reply = send(client, message)
    finally:
        quietly_close(client)
    return TestResult(address, str(message["Message-ID"]), reply)
