"""What every flow run's process shares: start-up cost, the garbage collector's freeze, and
the TLS bundle Prefect loads for each API client."""

import gc
import json
import os
import ssl
import subprocess
import sys
from pathlib import Path

import pytest

from flows.common import freeze_imports, light_tls_for_plain_http, settings_now

REPO = Path(__file__).resolve().parents[1]


def test_the_imports_are_frozen_once_per_process() -> None:
    freeze_imports()
    frozen = gc.get_freeze_count()
    assert frozen > 0
    garbage_later: list[list[object]] = [[] for _ in range(1000)]
    freeze_imports()  # a second flow run in the same process freezes nothing more
    assert gc.get_freeze_count() == frozen
    del garbage_later


def test_a_run_with_nothing_changed_loads_no_comparison_or_extraction_library() -> None:
    """Start-up is most of a small run's cost: what only a change, a new page or a migration
    needs is loaded when that happens, not by `newswatch run` itself."""
    heavy = ["alembic", "trafilatura", "bs4", "feedparser", "rapidfuzz", "syntok", "jinja2"]
    probe = (
        "import json, sys\n"
        "import newswatch.cli, flows.monitor, newswatch.pipeline\n"
        f"print(json.dumps([name for name in {heavy!r} if name in sys.modules]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []


def test_settings_are_read_again_only_when_the_environment_changed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NEWSWATCH_BATCH_SIZE", "17")
    first = settings_now()
    assert first.batch_size == 17 and settings_now() is first
    monkeypatch.setenv("NEWSWATCH_BATCH_SIZE", "18")
    assert settings_now().batch_size == 18
    monkeypatch.setenv("newswatch_fetch_workers", "3")  # the prefix is read in any case
    assert settings_now().fetch_workers == 3


def test_a_plain_http_api_gets_a_bundle_of_one_certificate(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    monkeypatch.delenv("PREFECT_API_SSL_CERT_FILE", raising=False)
    light_tls_for_plain_http(tmp_path / "home")
    bundle = Path(os.environ["PREFECT_API_SSL_CERT_FILE"])
    assert bundle.parent == (tmp_path / "home").resolve()
    assert bundle.read_text("ascii").count("BEGIN CERTIFICATE") == 1
    context = ssl.create_default_context(cafile=str(bundle))  # a bundle Prefect can load
    assert len(context.get_ca_certs()) == 1
    assert list((tmp_path / "home").iterdir()) == [bundle]  # no partial file left behind


@pytest.mark.parametrize(
    ("api", "chosen"),
    [("https://prefect.example.org/api", None), ("http://127.0.0.1:4200/api", "/etc/ca.pem")],
)
def test_an_https_api_or_a_chosen_bundle_is_left_alone(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, api: str, chosen: str | None
) -> None:
    monkeypatch.setenv("PREFECT_API_URL", api)
    if chosen is None:
        monkeypatch.delenv("PREFECT_API_SSL_CERT_FILE", raising=False)
    else:
        monkeypatch.setenv("PREFECT_API_SSL_CERT_FILE", chosen)
    light_tls_for_plain_http(tmp_path / "home")
    assert os.environ.get("PREFECT_API_SSL_CERT_FILE") == chosen
    assert not (tmp_path / "home").exists()


# Frees one large block (glibc then raises its threshold), then holds 40 blocks of 768 KB and
# frees all but the last: the heap cannot shrink past the one still held.
FRAGMENTING = """
import ctypes, sys
from flows.common import memory_given_back
if sys.argv[1] == "given-back":
    assert memory_given_back()
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
def block(size):
    address = libc.malloc(size)
    ctypes.memset(address, 1, size)
    return address
libc.free(block(4 << 20))
held = [block(3 << 18) for _ in range(40)]
for address in held[:-1]:
    libc.free(address)
print(int(open("/proc/self/statm").read().split()[1]) * 4096 >> 20)
"""


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="needs Linux and glibc")
def test_a_long_lived_runner_gives_freed_large_blocks_back() -> None:
    environment = {k: v for k, v in os.environ.items() if k != "MALLOC_MMAP_THRESHOLD_"}

    def rss_mb(mode: str) -> int:
        done = subprocess.run(
            [sys.executable, "-c", FRAGMENTING, mode],
            capture_output=True,
            text=True,
            cwd=REPO,
            check=True,
            env=environment,
        )
        return int(done.stdout.split()[-1])

    kept, given_back = rss_mb("default"), rss_mb("given-back")
    assert kept - given_back > 20, (kept, given_back)  # 30 MB freed but kept, without it
