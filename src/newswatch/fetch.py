"""The one gate through which newswatch reaches the network.

``fetch()`` does a conditional GET with time-outs, a body size cap and a redirect limit, and checks
every hop with ``check_destination()`` so that a watched URL can never make newswatch read from
this machine or a private network, unless an operator allowed that host (``NEWSWATCH_ALLOW_HOSTS``;
the demo and the tests allow 127.0.0.1 that way).
"""

from __future__ import annotations

import hashlib
import ipaddress
import os
import socket
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from requests.structures import CaseInsensitiveDict
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from newswatch.sources import check_url

# Response headers kept with every capture: enough to replay caching and explain an answer.
KEPT_HEADERS = (
    "content-type",
    "content-length",
    "content-encoding",
    "etag",
    "last-modified",
    "date",
    "retry-after",
    "location",
    "cache-control",
)
MAX_REDIRECTS = 5
CHUNK = 64 * 1024


@dataclass(frozen=True)
class FetchOptions:
    user_agent: str = "newswatch/0.1"
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    max_bytes: int = 5_000_000
    allow_hosts: tuple[str, ...] = ()
    max_redirects: int = MAX_REDIRECTS

    @property
    def deadline_seconds(self) -> float:
        # A total bound per request, so a server trickling bytes cannot hold a worker forever.
        return self.connect_timeout + 2 * self.read_timeout


@dataclass(frozen=True)
class FetchResult:
    url: str
    final_url: str
    status: int | None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    error: str | None = None
    transient: bool = False
    elapsed: float = 0.0
    digest: str | None = None  # the body's sha256, kept when the body is let go

    @property
    def payload_sha256(self) -> str | None:
        if self.digest is not None:
            return self.digest
        return hashlib.sha256(self.body).hexdigest() if self.body is not None else None

    def without_body(self, digest: str | None = None) -> FetchResult:
        """This answer without its bytes (their digest kept): what a batch holds on to until
        its bulk write, so that 250 pages of 300 KB are not all in memory at once. ``digest``:
        the body's sha256 where the caller has it already (hashing a page twice costs)."""
        return replace(self, body=None, digest=digest or self.payload_sha256)

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")

    @property
    def retry_after(self) -> float | None:
        return parse_retry_after(self.headers.get("retry-after"))


class FetchError(Exception):
    """A fetch that did not produce a page. ``transient`` says whether trying later may help."""

    def __init__(self, reason: str, *, transient: bool = False, status: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = transient
        self.status = status


class BlockedAddress(FetchError):
    pass


def _is_allowed_host(host: str, allow_hosts: Iterable[str]) -> bool:
    host = host.lower().strip("[]")
    return any(host == allowed.lower().strip("[]") for allowed in allow_hosts)


def _public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address):
        # IPv6 forms that carry an IPv4 address (::ffff:10.0.0.1, ::10.0.0.1, 64:ff9b::/96,
        # 2002::/16, Teredo) are judged by the IPv4 address inside them as well.
        embedded: list[ipaddress.IPv4Address] = []
        if address.ipv4_mapped is not None:
            embedded.append(address.ipv4_mapped)
        if address.sixtofour is not None:
            embedded.append(address.sixtofour)
        if address.teredo is not None:
            embedded.extend(address.teredo)
        if int(address) >> 32 == 0 or address in _NAT64:
            embedded.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
        if any(not _public(inner) for inner in embedded):
            return False
    return address.is_global and not address.is_multicast


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def check_destination(url: str, allow_hosts: Iterable[str] = ()) -> None:
    """Raise ``BlockedAddress`` unless ``url`` is http(s) and every address of its host is public.

    This is the single place where newswatch decides whether it may talk to a host.
    """
    try:
        check_url(url)
    except ValueError as exc:
        raise BlockedAddress(f"refused URL: {exc}") from None
    parts = urlsplit(url)
    host = parts.hostname or ""
    if _is_allowed_host(host, allow_hosts):
        return
    port = parts.port or (443 if parts.scheme == "https" else 80)
    key = (host.lower(), port)
    now = time.monotonic()
    if _PUBLIC_HOSTS.get(key, 0.0) > now:
        return
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc.strerror}", transient=True) from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not _public(address) and not _is_allowed_host(str(address), allow_hosts):
            raise BlockedAddress(
                f"blocked: {host} resolves to non-public address {address}"
                " (allow it with NEWSWATCH_ALLOW_HOSTS)"
            )
    if len(_PUBLIC_HOSTS) >= 10_000:
        _PUBLIC_HOSTS.clear()
    _PUBLIC_HOSTS[key] = now + PUBLIC_HOST_TTL


# A host found public is not looked up again for a minute: a cycle checks many articles of
# one site, and a DNS query per article only adds waiting. This is safe because the address a
# connection actually reaches is checked again when it opens (see ``_guarded_pools``).
PUBLIC_HOST_TTL = 60.0
_PUBLIC_HOSTS: dict[tuple[str, int], float] = {}


def _peer_allowed(address: str, host: str, allow_hosts: Iterable[str]) -> bool:
    if _is_allowed_host(host, allow_hosts) or _is_allowed_host(address, allow_hosts):
        return True
    try:
        return _public(ipaddress.ip_address(address.split("%")[0]))
    except ValueError:
        return False


def _guarded_pools(allow_hosts: tuple[str, ...]) -> dict[str, type[HTTPConnectionPool]]:
    """Connection pools whose sockets are checked once connected: the address actually reached
    must be public (or allowed), whatever DNS answered when the URL was checked. This closes
    the window in which a host could resolve to a public address first and a private one next
    (DNS rebinding)."""

    def check(sock: socket.socket, host: str) -> socket.socket:
        address = str(sock.getpeername()[0])
        if not _peer_allowed(address, host, allow_hosts):
            sock.close()
            raise BlockedAddress(f"blocked: {host} connected to non-public address {address}")
        return sock

    class GuardedHTTPConnection(HTTPConnection):
        def _new_conn(self) -> socket.socket:
            return check(super()._new_conn(), self.host)

    class GuardedHTTPSConnection(HTTPSConnection):
        def _new_conn(self) -> socket.socket:
            return check(super()._new_conn(), self.host)

    class GuardedHTTPPool(HTTPConnectionPool):
        ConnectionCls = GuardedHTTPConnection

    class GuardedHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = GuardedHTTPSConnection

    return {"http": GuardedHTTPPool, "https": GuardedHTTPSPool}


class GuardedAdapter(HTTPAdapter):
    def __init__(self, allow_hosts: tuple[str, ...], pool_maxsize: int = 10) -> None:
        self.allow_hosts = allow_hosts
        self._pool_keys: dict[object, Any] = {}
        super().__init__(pool_connections=pool_maxsize, pool_maxsize=pool_maxsize, max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _guarded_pools(self.allow_hosts)

    def build_connection_pool_key_attributes(
        self, request: requests.PreparedRequest, verify: bool | str, cert: Any = None
    ) -> Any:  # requests' own private TypedDicts
        # requests asks the file system whether a CA bundle is a directory on every request;
        # the answer does not change while a session lives
        key = (urlsplit(request.url or "")[:2], verify, str(cert))
        if key not in self._pool_keys:
            self._pool_keys[key] = super().build_connection_pool_key_attributes(
                request, verify, cert
            )
        host, pool = self._pool_keys[key]
        return dict(host), dict(pool)


def make_session(options: FetchOptions, pool_maxsize: int = 10) -> requests.Session:
    """A requests session whose every connection goes through the address check. It connects
    to sites directly: proxy variables in the environment are not used (the check must see the
    site's own address), and not reading them on every request saves a third of a conditional
    GET's CPU time. A CA bundle named by REQUESTS_CA_BUNDLE or CURL_CA_BUNDLE still applies."""
    session = requests.Session()
    session.trust_env = False
    bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
    if bundle:
        session.verify = bundle
    adapter = GuardedAdapter(tuple(options.allow_hosts), pool_maxsize)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (a number of seconds or an HTTP date)."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - (now if now is not None else time.time()))


def _kept_headers(response: requests.Response) -> dict[str, str]:
    return {name: response.headers[name] for name in KEPT_HEADERS if name in response.headers}


def _classify_status(status: int) -> tuple[str, bool]:
    if status == 429:
        return "HTTP 429 Too Many Requests", True
    if status >= 500:
        return f"HTTP {status} server error", True
    return f"HTTP {status}", False


# An unread body up to this size is read and dropped so that the connection goes back to the
# pool; a bigger one is cheaper to abandon with its connection.
DRAIN_BYTES = 64 * 1024


def _release(response: requests.Response) -> None:
    """Hand the connection back for the next request. Closing a response whose body was not
    read closes its socket, even when there is no body (a 304): every unchanged check would
    then open a new connection."""
    declared = response.headers.get("content-length", "")
    no_body = response.status_code in (204, 304) or declared == "0"
    if no_body or (declared.isdigit() and int(declared) <= DRAIN_BYTES):
        try:
            response.raw.drain_conn()
        except Exception:  # a broken connection is simply not reused
            return


def _read_capped(response: requests.Response, max_bytes: int, deadline: float) -> bytes:
    """Read the (decompressed) body, stopping at the size cap or the total deadline.

    ``read1`` returns whatever has arrived, so a server trickling bytes meets the deadline
    check after every few bytes instead of filling a whole chunk first.
    """
    chunks: list[bytes] = []
    size = 0
    raw = response.raw
    while True:
        try:
            chunk = raw.read1(CHUNK, decode_content=True)
        except Exception as exc:  # urllib3 wraps decoding and protocol errors in its own types
            raise FetchError(f"could not read the body: {_short(exc)}", transient=True) from None
        if not chunk:
            break  # end of the body
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"body larger than the {max_bytes}-byte limit")
        if time.monotonic() > deadline:
            raise FetchError("download took longer than the total deadline", transient=True)
        chunks.append(chunk)
    return b"".join(chunks)


def _prepared(
    http: requests.Session, url: str, headers: dict[str, str]
) -> requests.PreparedRequest:
    """The GET that ``http.get`` would send, prepared without ``Session.request``'s merging of
    session-wide parameters, hooks, auth and proxy settings that these sessions never have (a
    quarter of a conditional GET's CPU time). The session's headers and cookies still go with
    it, and ``send`` still keeps the cookies a site sets."""
    merged = CaseInsensitiveDict(http.headers)
    merged.update(headers)
    prepared = requests.PreparedRequest()
    prepared.prepare(method="GET", url=url, headers=merged, cookies=http.cookies)
    return prepared


def fetch(
    url: str,
    options: FetchOptions,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    session: requests.Session | None = None,
) -> FetchResult:
    """GET ``url`` conditionally. Never raises for network trouble: the result carries the error."""
    started = time.monotonic()
    deadline = started + options.deadline_seconds
    own_session = session is None
    http = session or make_session(options, pool_maxsize=1)
    headers = {"User-Agent": options.user_agent, "Accept": "text/html,application/xhtml+xml"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    current = url
    try:
        for _hop in range(options.max_redirects + 1):
            check_destination(current, options.allow_hosts)
            with http.send(
                _prepared(http, current, headers),
                timeout=(options.connect_timeout, options.read_timeout),
                allow_redirects=False,
                stream=True,
                proxies={},
            ) as response:
                if response.is_redirect and "location" in response.headers:
                    current = urljoin(current, response.headers["location"])
                    _release(response)
                    continue
                kept = _kept_headers(response)
                if response.status_code == 304:
                    _release(response)
                    return FetchResult(url, current, 304, kept, elapsed=time.monotonic() - started)
                if response.status_code >= 300:
                    _release(response)
                    reason, transient = _classify_status(response.status_code)
                    return FetchResult(
                        url,
                        current,
                        response.status_code,
                        kept,
                        error=reason,
                        transient=transient,
                        elapsed=time.monotonic() - started,
                    )
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > options.max_bytes:
                    raise FetchError(f"body of {declared} bytes exceeds the limit")
                body = _read_capped(response, options.max_bytes, deadline)
                return FetchResult(
                    url,
                    current,
                    response.status_code,
                    kept,
                    body=body,
                    elapsed=time.monotonic() - started,
                )
        raise FetchError(f"more than {options.max_redirects} redirects")
    except FetchError as exc:
        return FetchResult(
            url,
            current,
            exc.status,
            error=exc.reason,
            transient=exc.transient,
            elapsed=time.monotonic() - started,
        )
    except requests.Timeout:
        return FetchResult(
            url,
            current,
            None,
            error="timed out",
            transient=True,
            elapsed=time.monotonic() - started,
        )
    except requests.ConnectionError as exc:
        return FetchResult(
            url,
            current,
            None,
            error=f"connection failed: {_short(exc)}",
            transient=True,
            elapsed=time.monotonic() - started,
        )
    except requests.RequestException as exc:
        return FetchResult(
            url,
            current,
            None,
            error=f"request failed: {_short(exc)}",
            elapsed=time.monotonic() - started,
        )
    finally:
        if own_session:
            http.close()


def _short(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return text[:200]
