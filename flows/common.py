"""What the flows share: settings read at run time, one store per database per process, the
runs asked to stop (the warm runner runs flows in threads, which can only stop themselves), and
a process's set-up before Prefect is imported."""

from __future__ import annotations

import gc
import os
import threading
from pathlib import Path

from newswatch.settings import Settings
from newswatch.store import Store, open_store

_stores: dict[str, Store] = {}
_lock = threading.Lock()
_frozen = False
_PREFIX = "NEWSWATCH_"
_settings: tuple[tuple[tuple[str, str], ...], Settings] | None = None
_stopping: set[str] = set()  # ids of the flow runs asked to stop


def freeze_imports() -> None:
    """Exempt everything imported so far (Prefect, pydantic and SQLAlchemy make about a million
    objects) from the garbage collector's full passes, once per process. Without this, every
    full collection during a run walks them all, and so does the one at interpreter exit: half
    a second of a 2,000-article run. Objects made later are collected as usual."""
    global _frozen
    with _lock:
        if not _frozen:
            gc.freeze()
            _frozen = True


def settings_now() -> Settings:
    """The settings as the environment gives them now. Reading them costs about 13 ms, and a
    monitoring run asks five times, so they are kept while no ``NEWSWATCH_`` variable changed
    (tests and a long-lived runner see a change at the next call)."""
    global _settings
    seen = tuple(sorted((k, v) for k, v in os.environ.items() if k.upper().startswith(_PREFIX)))
    with _lock:
        if _settings is None or _settings[0] != seen:
            _settings = (seen, Settings())
        return _settings[1]


def store_for(settings: Settings) -> Store:
    """Open (and migrate) each database once per process; tasks in threads share it."""
    url = settings.resolved_database_url
    with _lock:
        if url not in _stores:
            _stores[url] = open_store(url)
        return _stores[url]


def forget_stores() -> None:
    with _lock:
        for store in _stores.values():
            store.close()
        _stores.clear()


def request_stop(flow_run_id: str) -> None:
    """Ask a flow run of this process to stop (it was cancelled, or the runner is stopping):
    the monitoring flow starts no further batch and ends Cancelled."""
    with _lock:
        _stopping.add(flow_run_id)


def stop_requested(flow_run_id: str | None) -> bool:
    with _lock:
        return flow_run_id in _stopping


def forget_stop(flow_run_id: str) -> None:
    with _lock:
        _stopping.discard(flow_run_id)


def light_tls_for_plain_http(folder: Path) -> None:
    """Each Prefect API client loads certifi's whole CA bundle into a new TLS context (about
    20 ms of CPU), and a flow run makes four or five clients. When the API is plain http (the
    server on this machine, as `make serve` runs it) no TLS is ever used, so this process gives
    Prefect a bundle of one certificate instead: the same behaviour, a tenth of a second less
    per run. An https API, or a bundle the operator chose, is left alone. Call before Prefect
    is imported: it reads its settings then."""
    if not os.environ.get("PREFECT_API_URL", "").startswith("http://"):
        return
    if os.environ.get("PREFECT_API_SSL_CERT_FILE"):
        return
    import certifi

    bundle = Path(certifi.where()).read_text("ascii")
    begin, end = "-----BEGIN CERTIFICATE-----", "-----END CERTIFICATE-----"
    first = bundle[bundle.index(begin) : bundle.index(end) + len(end)] + "\n"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "prefect-plain-http-ca.pem"
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(first, "ascii")
    partial.replace(path)  # several runners may start at once
    os.environ["PREFECT_API_SSL_CERT_FILE"] = str(path.resolve())


# glibc's mallopt parameter for the size above which a block is its own mapping.
_M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 128 * 1024  # glibc's own starting value


def memory_given_back() -> bool:
    """Make freed large blocks go back to the system in a long-lived process. glibc serves a
    block over 128 KB as a mapping of its own until one such block is freed; then it raises that
    threshold, and later pages (100 to 500 KB each), their compressed copies and zstd's tables
    come from the per-thread heaps, which keep them after they are freed: a runner checking
    pages of 250 KB grew by 100 MB and more over its first cycles. Fixing the threshold stops
    that. Returns whether it was set (glibc only; left alone when the operator set
    MALLOC_MMAP_THRESHOLD_)."""
    if os.environ.get("MALLOC_MMAP_THRESHOLD_"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6")
        return bool(libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD))
    except (OSError, AttributeError):  # not glibc
        return False
