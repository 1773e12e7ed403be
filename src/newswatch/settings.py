"""Settings: one place, environment variables prefixed ``NEWSWATCH_``.

Every field here is documented in the README's settings table; keep the two in step.
List settings accept a JSON list or a comma-separated string.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

CommaList = Annotated[list[str], NoDecode]


def _split_list(value: object) -> object:
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            import json

            return json.loads(text)
        return [part.strip() for part in text.split(",") if part.strip()]
    return value


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSWATCH_", extra="ignore")

    home: Path = Field(Path(".newswatch"), description="Folder for the SQLite database and mail.")
    database_url: str | None = Field(
        None, description="SQLAlchemy URL; default sqlite:///<home>/newswatch.db."
    )
    sources_file: Path = Field(Path("seeds/sources.toml"), description="The watchlist.")

    # fetch
    user_agent: str = "newswatch/0.1 (+https://github.com/newswatch/newswatch)"
    contact: str = Field("", description="Appended to the User-Agent so sites can reach you.")
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    max_bytes: int = Field(5_000_000, description="Largest response body accepted, in bytes.")
    allow_hosts: CommaList = Field(
        default_factory=list,
        description="Hosts or IPs allowed even though they resolve to private addresses.",
    )
    fetch_attempts: int = Field(3, description="Attempts per article for transient errors.")
    retry_backoff: float = Field(1.0, description="First back-off delay in seconds; doubles.")

    host_delay: float = Field(1.0, description="Minimum seconds between two requests to a host.")
    host_concurrency: int = Field(2, ge=1, description="Requests in flight to one host at most.")
    obey_robots: bool = Field(True, description="Honour robots.txt.")
    failure_threshold: int = Field(
        3, ge=1, description="Consecutive failed checks before an article is marked failing."
    )

    # flow
    # each task run costs the Prefect server about 0.1 s of CPU to record: at 50 articles a
    # batch, it spent more on a 2,000-article cycle than the checks of unchanged pages took
    batch_size: int = Field(250, ge=1, description="Articles per Prefect task run.")
    revisit_batch_size: int = Field(
        1000,
        ge=1,
        description="Articles per Prefect task run in a run of mostly revisits (304s and "
        "unchanged texts, about a millisecond each).",
    )
    fetch_workers: int = Field(8, ge=1, le=64, description="Requests in flight per batch.")
    extract_workers: int = Field(
        default_factory=lambda: (os.cpu_count() or 1) if (os.cpu_count() or 1) > 1 else 0,
        ge=0,
        le=64,
        description="Processes that extract text in parallel (0: in the checking process).",
    )
    max_per_cycle: int = Field(5000, ge=1, description="Articles checked in one run at most.")
    task_retry_delays: CommaList = Field(
        default_factory=lambda: ["10", "60"],
        description="Seconds between retries of a batch that hit transient fetch errors.",
    )
    prefect_ui_url: str = "http://127.0.0.1:4200"
    monitor_every: str = Field("15m", description="`make serve`: how often the monitor runs.")
    deliver_every: str = Field("1m", description="`make serve`: how often alerts are sent.")
    triage_every: str = Field("15m", description="`make serve`: how often triage asks.")
    maintenance_cron: str = Field("30 3 * * *", description="When daily upkeep runs (UTC).")
    runner: Literal["warm", "process"] = Field(
        "warm",
        description="`make serve`: every run in this one process (warm) or a new process per run.",
    )
    runner_poll: float = Field(
        1.0, gt=0, le=300, description="`make serve`, warm: seconds between polls for due runs."
    )
    raw_retention_days: int | None = Field(
        None, ge=1, description="Drop raw page bytes older than this; unset keeps them all."
    )
    artifacts: bool = Field(True, description="Write Prefect artifacts for review.")

    # mail
    smtp_host: str = "localhost"
    smtp_port: int = 25
    smtp_security: Literal["none", "starttls", "ssl"] = "none"
    smtp_username: str = ""
    smtp_password: str = ""
    smtp_timeout: float = 20.0
    smtp_block: str = Field(
        "", description="Name of a Prefect EmailServerCredentials block to use instead."
    )
    mail_from: str = "newswatch <newswatch@localhost>"
    operator_email: str = Field("", description="Where notices about failing sources go.")
    digest_hour: int = Field(7, ge=0, le=23, description="UTC hour of the daily digest.")
    alert_recipients: CommaList = Field(
        default_factory=list,
        description="Addresses alerted on every change, besides the sources file's subscriptions.",
    )

    @field_validator("allow_hosts", "alert_recipients", "task_retry_delays", mode="before")
    @classmethod
    def _lists(cls, value: object) -> object:
        return _split_list(value)

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.home / 'newswatch.db').resolve()}"

    @property
    def mail_dir(self) -> Path:
        return self.home / "mail"

    @property
    def full_user_agent(self) -> str:
        if self.contact:
            return f"{self.user_agent} contact: {self.contact}"
        return self.user_agent

    @property
    def retry_delays(self) -> list[float]:
        return [float(x) for x in self.task_retry_delays]


def load_settings(**overrides: object) -> Settings:
    return Settings(**overrides)  # type: ignore[arg-type]
