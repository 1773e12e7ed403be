"""A local SMTP server (aiosmtpd) that writes every message it accepts as an ``.eml`` file.

Used by the demo and by the tests, which can also make it refuse mail: ``reject_with`` answers
the next messages with an SMTP error (a 4xx is temporary, a 5xx permanent).
"""

from __future__ import annotations

import email
import email.policy
import socket
import threading
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


@dataclass
class Delivered:
    path: Path
    envelope_to: list[str]
    message: EmailMessage


@dataclass
class _Handler:
    folder: Path
    delivered: list[Delivered] = field(default_factory=list)
    reject_with: str | None = None
    reject_count: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        with self.lock:
            if self.reject_with and self.reject_count != 0:
                self.reject_count -= 1
                return self.reject_with
            raw: bytes = envelope.original_content or envelope.content
            number = len(self.delivered) + 1
            message = email.message_from_bytes(raw, policy=email.policy.default)
            stem = "".join(ch if ch.isalnum() else "-" for ch in str(message["Message-ID"] or ""))
            path = self.folder / f"{number:04d}{('-' + stem.strip('-'))[:60] if stem else ''}.eml"
            path.write_bytes(raw)
            self.delivered.append(Delivered(path, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


class MailSink:
    def __init__(self, folder: Path, host: str = "127.0.0.1", port: int | None = None) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.host = host
        self.port = port or free_port(host)
        self.handler = _Handler(folder)
        self._controller = Controller(self.handler, hostname=host, port=self.port)

    @property
    def delivered(self) -> list[Delivered]:
        return self.handler.delivered

    def reject(self, reply: str | None, count: int = -1) -> None:
        """Answer the next ``count`` messages (all, when -1) with ``reply``, e.g. '550 no'."""
        with self.handler.lock:
            self.handler.reject_with = reply
            self.handler.reject_count = count

    def start(self) -> MailSink:
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()

    def __enter__(self) -> MailSink:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
