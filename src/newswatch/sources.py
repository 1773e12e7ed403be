"""Load and validate the watchlist (``seeds/sources.toml``).

A bad entry is reported as one line that names the file, the entry and the reason; every bad
entry is reported, not only the first, and nothing is fetched until the file is valid.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

if TYPE_CHECKING:
    from newswatch.schedule import Cadence

SEVERITIES = ("cosmetic", "low", "medium", "high")
Severity = Literal["cosmetic", "low", "medium", "high"]
SourceKind = Literal["article", "feed", "sitemap", "section"]
KINDS = ("article", "feed", "sitemap", "section")
ClaimKind = Literal[
    "number",
    "negation",
    "fact",
    "quote",
    "entity",
    "attribution",
    "hedge",
    "added",
    "removed",
    "moved",
    "headline",
    "reworded",
    "cosmetic",
]
NAME_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"


class SourcesError(ValueError):
    """The sources file cannot be used; ``str()`` is one line per problem."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


_UNSAFE_CHARACTER = re.compile(r"[\x00-\x20\\]")  # control characters, space, backslash


def check_url(url: str) -> str:
    """Refuse URLs newswatch must never fetch; return the URL unchanged when it is fine.

    Only the shape is checked here; where the host resolves to is checked at fetch time.
    """
    if _UNSAFE_CHARACTER.search(url):
        raise ValueError("the URL contains a backslash, whitespace or a control character")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise ValueError(f"only http and https URLs are watched, not {parts.scheme or 'none'!r}")
    if not parts.hostname:
        raise ValueError("the URL has no host")
    if "@" in parts.netloc:
        raise ValueError("user names or passwords in URLs are not accepted")
    try:
        parts.port  # noqa: B018 - raises on a malformed port
    except ValueError as exc:
        raise ValueError(f"bad port: {exc}") from None
    return url


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=NAME_PATTERN, max_length=100)
    kind: SourceKind = "article"
    url: str
    selector: str | None = Field(None, description="CSS selector for the article body.")
    link_pattern: str | None = Field(None, description="Section pages: regex of article URLs.")
    link_selector: str | None = Field(None, description="Section pages: CSS selector of links.")
    max_articles: int = Field(100, ge=1, le=500, description="Newest articles taken per pass.")
    every: str | None = Field(None, description="Check at this fixed interval instead.")
    schedule: dict[str, str] = Field(default_factory=dict)
    tags: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    enabled: bool = True
    needs_internet: bool = False

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        return check_url(value.strip())

    @field_validator("link_pattern")
    @classmethod
    def _pattern(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"bad regular expression {value!r}: {exc}") from None
        return value

    @field_validator("schedule")
    @classmethod
    def _schedule(cls, value: dict[str, str]) -> dict[str, str]:
        from newswatch.schedule import OVERRIDABLE, Cadence

        unknown = sorted(set(value) - set(OVERRIDABLE))
        if unknown:
            raise ValueError(f"unknown schedule keys {unknown}; known: {', '.join(OVERRIDABLE)}")
        Cadence().with_overrides(value)  # raises a clear error on a bad duration
        return value

    @field_validator("every")
    @classmethod
    def _every(cls, value: str | None) -> str | None:
        if value is not None:
            from newswatch.schedule import parse_duration

            parse_duration(value)
        return value

    def cadence(self) -> Cadence:
        """This source's check schedule: the default, with the source's overrides. An article
        listed by hand is never retired unless its source says when: someone asked to watch
        that page, and old stories are edited quietly too (daily checks once it is old)."""
        from newswatch.schedule import Cadence

        overrides = dict(self.schedule)
        if self.every is not None:
            overrides["every"] = self.every
        if self.kind == "article":
            overrides.setdefault("stop_after", "never")
        return Cadence().with_overrides(overrides)

    @field_validator("link_selector", "selector")
    @classmethod
    def _selector(cls, value: str | None) -> str | None:
        if value is None:
            return None
        import soupsieve

        try:
            soupsieve.compile(value)
        except Exception as exc:  # soupsieve raises its own SelectorSyntaxError
            raise ValueError(f"bad CSS selector {value!r}: {str(exc).splitlines()[0]}") from None
        return value


class Subscription(BaseModel):
    """Who gets alerts, for which sources (names or tags; empty means all)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    address: str = Field(pattern=r"^[^@\s<>]+@[^@\s<>]+$")
    sources: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    min_severity: Severity = "medium"
    kinds: tuple[ClaimKind, ...] = ()
    mode: Literal["immediate", "hourly", "daily"] = "immediate"


@dataclass(frozen=True)
class Watchlist:
    sources: tuple[Source, ...]
    subscriptions: tuple[Subscription, ...]
    path: Path | None = None

    def enabled_sources(self) -> list[Source]:
        return [s for s in self.sources if s.enabled]

    def by_name(self, name: str) -> Source:
        for source in self.sources:
            if source.name == name:
                return source
        raise KeyError(name)


def _describe(error: dict[str, object]) -> str:
    loc = ".".join(str(p) for p in error.get("loc", ()) if p != "__root__")  # type: ignore[attr-defined]
    message = str(error.get("msg", "invalid"))
    message = re.sub(r"^Value error, ", "", message)
    if error.get("type") == "extra_forbidden":
        message = "unknown field"
    if error.get("type") == "literal_error" and loc == "kind":
        message = f"{error.get('input')!r} is not supported; supported kinds: {', '.join(KINDS)}"
    return f"{loc}: {message}" if loc else message


def _entry_label(table: str, index: int, raw: object) -> str:
    name = raw.get("name") if isinstance(raw, dict) else None
    if table == "subscription" and isinstance(raw, dict):
        name = raw.get("address")
    label = f"{table} #{index + 1}"
    return f"{label} ({name!r})" if isinstance(name, str) else label


def parse_watchlist(data: dict[str, object], origin: str = "sources.toml") -> Watchlist:
    problems: list[str] = []
    known = {"source", "subscription"}
    for key in data:
        if key not in known:
            problems.append(
                f"{origin}: unknown table [{key}]; expected [[source]] or [[subscription]]"
            )

    def entries(table: str) -> list[object]:
        value = data.get(table, [])
        if not isinstance(value, list):
            problems.append(f"{origin}: [{table}] must be an array of tables: [[{table}]]")
            return []
        return value

    sources: list[Source] = []
    for i, raw in enumerate(entries("source")):
        try:
            sources.append(Source.model_validate(raw))
        except ValidationError as exc:
            for err in exc.errors():
                problems.append(
                    f"{origin}: {_entry_label('source', i, raw)}: {_describe(dict(err))}"
                )

    subscriptions: list[Subscription] = []
    for i, raw in enumerate(entries("subscription")):
        try:
            subscriptions.append(Subscription.model_validate(raw))
        except ValidationError as exc:
            for err in exc.errors():
                label = _entry_label("subscription", i, raw)
                problems.append(f"{origin}: {label}: {_describe(dict(err))}")

    seen: set[str] = set()
    for source in sources:
        if source.name in seen:
            problems.append(f"{origin}: source {source.name!r}: the name is used twice")
        seen.add(source.name)
    labels = seen | {tag for s in sources for tag in s.tags}
    for sub in subscriptions:
        for wanted in sub.sources:
            if wanted not in labels:
                problems.append(
                    f"{origin}: subscription {sub.address!r}: no source or tag named {wanted!r}"
                )
    if problems:
        raise SourcesError(problems)
    return Watchlist(tuple(sources), tuple(subscriptions))


def load_watchlist(path: Path) -> Watchlist:
    origin = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourcesError([f"{origin}: cannot read the sources file: {exc.strerror}"]) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SourcesError([f"{origin}: the file is not UTF-8 text"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise SourcesError([f"{origin}: not valid TOML: {exc}"]) from None
    watchlist = parse_watchlist(data, origin)
    return Watchlist(watchlist.sources, watchlist.subscriptions, path)


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity) if severity in SEVERITIES else -1
