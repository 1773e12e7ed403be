"""The evidence, exported: every capture as a WARC record that standard tools can replay.

- a capture whose bytes were kept (a new version, an error page worth keeping) is a
  ``response`` record with its status line, the headers newswatch keeps, and the exact bytes;
- a 304 answer is a ``revisit`` (profile server-not-modified) of the version it confirmed;
- a fetch whose text was unchanged is a ``revisit`` (identical-payload-digest) when its bytes
  were byte-identical to a kept capture, otherwise a ``metadata`` record that names the payload's
  sha256 and the version it matched (newswatch keeps the bytes of versions, not of every
  unchanged fetch);
- a failed fetch with nothing kept is a ``metadata`` record carrying the error.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from http import HTTPStatus
from io import BytesIO
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newswatch import models as m
from newswatch.store_pages import get_blob


@dataclass
class ExportReport:
    responses: int = 0
    revisits: int = 0
    metadata: int = 0


def _sha1_digest(data: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def _http_headers(capture: m.Capture, length: int | None) -> StatusAndHeaders:
    status = capture.status or 200
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = ""
    headers = [
        (k.title(), str(v))
        for k, v in (capture.headers or {}).items()
        if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")
    ]
    if length is not None:
        headers.append(("Content-Length", str(length)))  # the bytes below are decoded
    return StatusAndHeaders(f"{status} {reason}".strip(), headers, protocol="HTTP/1.1")


def _target(capture: m.Capture) -> str:
    """The URL fetched: the capture's own when the answer came from a redirect."""
    return capture.url or capture.article.url


def _warc_date(capture: m.Capture) -> str:
    return capture.fetched_at.strftime("%Y-%m-%dT%H:%M:%SZ")


def captures_to_export(
    session: Session, article_ids: Iterable[int] | None = None
) -> list[m.Capture]:
    query = select(m.Capture).order_by(m.Capture.fetched_at, m.Capture.id)
    if article_ids is not None:
        query = query.where(m.Capture.article_id.in_(list(article_ids)))
    return list(session.scalars(query))


def write_warc(session: Session, out: BinaryIO, captures: list[m.Capture]) -> ExportReport:
    writer = WARCWriter(out, gzip=True)
    report = ExportReport()
    kept: dict[int, m.Capture] = {}  # version id -> the capture that holds its bytes
    for capture in captures:
        if capture.blob_sha256 and capture.version_id:
            kept.setdefault(capture.version_id, capture)
    for capture in captures:
        date = _warc_date(capture)
        if capture.blob_sha256:
            body = get_blob(session, capture.blob_sha256) or b""
            record = writer.create_warc_record(
                _target(capture),
                "response",
                payload=BytesIO(body),
                http_headers=_http_headers(capture, len(body)),
                warc_headers_dict={"WARC-Date": date},
            )
            writer.write_record(record)
            report.responses += 1
            continue
        original = kept.get(capture.version_id or -1)
        if original is not None and (
            capture.outcome == "not-modified"
            or (capture.payload_sha256 and capture.payload_sha256 == original.blob_sha256)
        ):
            body = get_blob(session, original.blob_sha256 or "") or b""
            profile = (
                "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
                if capture.outcome == "not-modified"
                else "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"
            )
            record = writer.create_revisit_record(
                _target(capture),
                digest=_sha1_digest(body),
                refers_to_uri=_target(original),
                refers_to_date=_warc_date(original),
                http_headers=_http_headers(capture, None),
                warc_headers_dict={"WARC-Date": date, "WARC-Profile": profile},
            )
            writer.write_record(record)
            report.revisits += 1
            continue
        note = {
            "outcome": capture.outcome,
            "status": capture.status,
            "error": capture.error,
            "payload_sha256": capture.payload_sha256,
            "matched_version_id": capture.version_id,
            "headers": capture.headers,
        }
        record = writer.create_warc_record(
            _target(capture),
            "metadata",
            payload=BytesIO(json.dumps(note, indent=1).encode()),
            warc_content_type="application/json",
            warc_headers_dict={"WARC-Date": date},
        )
        writer.write_record(record)
        report.metadata += 1
    return report


def raw_page(session: Session, version: m.Version) -> bytes | None:
    """The bytes fetched when this version was first seen."""
    if version.capture_id is None:
        return None
    capture = session.get(m.Capture, version.capture_id)
    if capture is None or capture.blob_sha256 is None:
        return None
    return get_blob(session, capture.blob_sha256)
