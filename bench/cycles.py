"""Monitoring cycles through the real CLI and flow, against a local corpus, with baselines.

    python -m bench.cycles [--n 200 --n 2000] [--large] [--db sqlite --db postgresql]
                           [--runner cold --runner warm] [--rounds 2] [--page-kb 250]
                           [--site-share 0.5]

For each corpus size and database: cycle 1 captures every article, cycle 2 finds nothing
changed, cycle 3 finds ten percent edited. Each cycle is a `newswatch run` (a Prefect flow run
against a Prefect server started for the benchmark); its wall and CPU time per article, its peak
memory and the database's size and growth are printed. In the same run, over the same pages:
a bare `requests.get` loop, lxml parsing, trafilatura extraction, and the newswatch stages
called directly without Prefect. The targets are ratios between these.

Every run is a new process, so each cycle's figure per article includes the fixed cost of a
run (start-up, imports, the Prefect flow run). That cost is measured on its own, as a run that
checks one article, and the per-article figures are also given without it ("marginal"): the
first is what a run of N costs, the second what each further article adds. A flow run that does
nothing (bench.floor) and a direct run of one article split that cost into Prefect's part and
the stages' own.

``--runner warm`` runs the cycles in the warm runner of `make serve` instead (bench.warm): one
long-lived process for all of them, as on a server, measured against the stages called directly
in a long-lived process too.

This machine's run-to-run noise is large (10-25 % on identical work, and its speed drifts by
the minute), so the baselines are measured just before and just after each set of cycles and
averaged, ``--rounds`` repeats everything, and the summary shows every round's ratio beside the
others. ``--page-kb`` makes every page weigh about that much (an inline state script around
the same article text, as real news pages carry), for the memory and storage figures;
``--site-share`` makes that share of the added weight the same on every page, as a site's
teasers and settings are (by default none is: the worst case for storage).
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import lxml.html
import requests
import trafilatura

from bench import report, warm
from bench.databases import (
    database_size,
    drop_schemas,
    expect_stored,
    prepare_database,
    quiesce,
    settle,
)

BIN = Path(sys.executable).parent
REPO = Path(__file__).resolve().parents[1]
SITEMAP = 500  # articles per sitemap source


def start_corpus(
    count: int, folder: Path, weight_kb: int = 0, site_share: float = 0.0
) -> tuple[subprocess.Popen[str], str]:
    port_file = folder / "corpus.port"
    port_file.unlink(missing_ok=True)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bench.corpus",
            str(count),
            str(port_file),
            str(weight_kb),
            str(site_share),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    while not port_file.exists() or not port_file.read_text():
        time.sleep(0.05)
    return server, port_file.read_text()


def edit_corpus(corpus: subprocess.Popen[str]) -> None:
    """Have the corpus server revise its share of the articles (cycle 3), and wait till it has."""
    assert corpus.stdin is not None and corpus.stdout is not None
    corpus.stdin.write(f"edit {report.EDITED}\n")
    corpus.stdin.flush()
    corpus.stdout.readline()


def start_prefect(folder: Path) -> tuple[subprocess.Popen[bytes], str]:
    from flows.serve import PREFECT_SERVER_TUNING
    from newswatch.demo.mailsink import free_port

    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(
        PREFECT_SERVER_TUNING,  # as `make serve` starts it
        PREFECT_HOME=str(folder / "prefect"),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        PREFECT_LOGGING_LEVEL="WARNING",
    )
    server = subprocess.Popen(
        [str(BIN / "prefect"), "server", "start", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    api = f"http://127.0.0.1:{port}/api"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{api}/health", timeout=2).is_success:
                return server, api
        except httpx.HTTPError:
            time.sleep(0.3)
    raise SystemExit("the Prefect server did not start")


def write_sources(path: Path, base: str, count: int) -> None:
    blocks = [
        f'[[source]]\nname = "map-{start}"\nkind = "sitemap"\n'
        f'url = "{base}/sitemap-{start}-{min(count, start + SITEMAP)}.xml"\n'
        f"max_articles = {SITEMAP}\n"
        for start in range(0, count, SITEMAP)
    ]
    path.write_text("\n".join(blocks), "utf-8")


class ColdRuns:
    """Each cycle a process of its own: `newswatch run --all` (a Prefect flow run), or with
    ``direct`` the stages called without Prefect (bench.direct)."""

    def __init__(self, env: dict[str, str], *, direct: bool) -> None:
        self.env = env
        self.direct = direct

    def cycle(self, sources: Path) -> tuple[float, float, float]:
        command = (
            [sys.executable, "-m", "bench.direct", str(sources)]
            if self.direct
            else [str(BIN / "newswatch"), "run", "--sources", str(sources), "--all"]
        )
        return measured(command, self.env)

    def asleep(self) -> contextlib.AbstractContextManager[object]:
        """Nothing runs between its cycles: nothing to stop while the yardstick runs."""
        return contextlib.nullcontext()

    def close(self) -> None:
        pass


Runs = ColdRuns | warm.WarmRunner | warm.WarmDirect


def start_runs(runner: str, env: dict[str, str], api: str, *, direct: bool = False) -> Runs:
    """What runs the cycles: a process per cycle (``cold``), or one warm process for all of
    them (``warm``: the warm runner of `make serve`, or a long-lived bench.direct)."""
    if runner == "cold":
        return ColdRuns(env, direct=direct)
    return warm.WarmDirect(env) if direct else warm.WarmRunner(api, env)


def best_of_three(measure: Callable[[], float]) -> float:
    """The least of three measurements, after one that is not counted."""
    measure()
    return min(measure() for _ in range(3))


def without_prefect(
    direct: Runs, runs: Runs, server: warm.ProcessTree, sources: Path, url: str
) -> tuple[float, float, float]:
    """Wall and CPU seconds of one cycle of the stages called directly, and the Prefect server's
    CPU seconds meanwhile; a warm runner is stopped so that its polling takes nothing from it."""
    with runs.asleep():
        server_cpu = server.cpu_seconds()
        wall, cpu, _rss = direct.cycle(sources)
        server_cpu = server.cpu_seconds() - server_cpu
    quiesce(url)
    return wall, server_cpu, cpu


def one_article_run(
    folder: Path,
    base: str,
    env: dict[str, str],
    db: str,
    label: str,
    runner: str,
    api: str,
    *,
    direct: bool = False,
) -> float:
    """Wall seconds of a run that checks one (unchanged) article, the best of three after its
    first capture: the fixed cost of a run, or with ``direct`` the part of it that is not
    Prefect's (for a cold run: interpreter, imports, opening the store)."""
    sources = folder / f"{label}.toml"
    sources.write_text(
        f'[[source]]\nname = "one"\nkind = "article"\nurl = "{base}/news/2026/11/25/story-0"\n',
        "utf-8",
    )
    # a database of its own for each corpus (each corpus server has its own port)
    one_env = {**env, "NEWSWATCH_DATABASE_URL": prepare_database(db, folder, label)}
    runs = start_runs(runner, one_env, api, direct=direct)
    try:
        return best_of_three(lambda: runs.cycle(sources)[0])  # the first capture not counted
    finally:
        runs.close()


def prefect_floor(api: str) -> float:
    """Wall seconds of a flow run that does nothing, as a process (the best of three)."""
    env = {**os.environ, "PREFECT_API_URL": api, "PREFECT_LOGGING_LEVEL": "WARNING"}
    return best_of_three(lambda: measured([sys.executable, "-m", "bench.floor"], env)[0])


def measured(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one run of ``command`` (see bench.launch
    for why it is started through a small process of its own)."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.launch", *command],
        env=env,
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr[-2000:]}")
    wall, maxrss_kb, user, system = done.stderr.strip().splitlines()[-1].split()
    return float(wall), float(user) + float(system), float(maxrss_kb) / 1024


def baselines(base: str, count: int) -> dict[str, float]:
    """Seconds per article for a bare GET loop, lxml parsing and trafilatura extraction."""
    urls = [f"{base}/news/2026/11/25/story-{i}" for i in range(count)]
    started = time.perf_counter()
    with requests.Session() as http:
        bodies = [http.get(url, timeout=10).content for url in urls]
    get = (time.perf_counter() - started) / count
    started = time.perf_counter()
    for body in bodies:
        lxml.html.fromstring(body)
    parse = (time.perf_counter() - started) / count
    started = time.perf_counter()
    for body in bodies:
        trafilatura.bare_extraction(body.decode("utf-8"))
    extract = (time.perf_counter() - started) / count
    return {"get": get, "lxml": parse, "trafilatura": extract}


def cycle_env(api: str, url: str, folder: Path, count: int) -> dict[str, str]:
    """How newswatch runs in the benchmarks: its store at ``url``, the corpus on this machine
    allowed, no delay between requests to the one host, no artifacts, no mail."""
    return {
        **os.environ,
        "PREFECT_API_URL": api,
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "NEWSWATCH_DATABASE_URL": url,
        "NEWSWATCH_HOME": str(folder / "home"),
        "NEWSWATCH_ALLOW_HOSTS": "127.0.0.1",
        "NEWSWATCH_HOST_DELAY": "0",
        "NEWSWATCH_HOST_CONCURRENCY": "32",
        "NEWSWATCH_MAX_PER_CYCLE": str(count + 10),
        "NEWSWATCH_ARTIFACTS": "false",
        "NEWSWATCH_SMTP_PORT": "1",
    }


def cycles(
    count: int,
    db: str,
    folder: Path,
    api: str,
    corpus: subprocess.Popen[str],
    base: str,
    tag: str,
    runner: str,
    server: warm.ProcessTree,
) -> dict[str, object]:
    sources = folder / f"sources-{tag}.toml"
    write_sources(sources, base, count)
    flow_db = prepare_database(db, folder, f"flow{tag}")
    env = cycle_env(api, flow_db, folder, count)
    results: dict[str, object] = {"n": count, "db": db, "runner": runner}
    size = 0
    steps = (
        (1, "first capture"),
        (2, "nothing changed"),
        (3, "10% edited"),
        # the steady state of a server: the old row versions the first unchanged cycle left
        # behind are reused instead of adding to the file
        (4, "unchanged again"),
    )
    runs = start_runs(runner, env, api)
    # The same work without Prefect, each on a database of its own, run just before and just
    # after the flow's first and second cycles, and averaged: the machine's speed drifts by the
    # minute, and Prefect's share is a small difference between two long runs.
    yardsticks = [
        start_runs(
            runner,
            {**env, "NEWSWATCH_DATABASE_URL": prepare_database(db, folder, f"{side}{tag}")},
            api,
            direct=True,
        )
        for side in ("directbefore", "directafter")
    ]
    try:
        for cycle, label in steps:
            if cycle == 3:
                edit_corpus(corpus)
            key = {1: "direct_first", 2: "direct_unchanged"}.get(cycle)
            if key:
                before = without_prefect(yardsticks[0], runs, server, sources, flow_db)
            server_cpu = server.cpu_seconds()
            wall, cpu, rss = runs.cycle(sources)
            server_cpu = server.cpu_seconds() - server_cpu
            expect_stored(flow_db, count, cycle, label)
            settle(flow_db)
            quiesce(flow_db)
            new_size = database_size(flow_db)
            results[f"cycle{cycle}"] = {
                "label": label,
                "wall_ms": wall / count * 1000,
                "cpu_ms": cpu / count * 1000,
                "rss_mb": rss,
                "db_bytes": new_size,
                "growth_bytes": new_size - size,
                "server_cpu_s": server_cpu,
            }
            size = new_size
            if key:
                after = without_prefect(yardsticks[1], runs, server, sources, flow_db)
                results[f"{key}_each_ms"] = [before[0] / count * 1000, after[0] / count * 1000]
                results[f"{key}_ms"] = (before[0] + after[0]) / 2 / count * 1000
                results[f"{key}_server_cpu_s"] = (before[1] + after[1]) / 2
                results[f"{key}_cpu_ms"] = (before[2] + after[2]) / 2 / count * 1000
    finally:
        runs.close()
        for yardstick in yardsticks:
            yardstick.close()
    if isinstance(runs, warm.WarmRunner):
        results["waited_s"] = runs.waited
    results["fixed_s"] = one_article_run(folder, base, env, db, f"one{tag}", runner, api)
    results["direct_fixed_s"] = one_article_run(
        folder, base, env, db, f"onedirect{tag}", runner, api, direct=True
    )
    return results


def history_flatness(base: str, folder: Path) -> tuple[float, float]:
    """Milliseconds per unchanged check of an article with 2 stored versions, and with 100."""
    result = subprocess.run(
        [sys.executable, "-m", "bench.history", base, str(folder)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise SystemExit(f"bench.history failed: {result.stderr[-2000:]}")
    two, hundred = json.loads(result.stdout.strip().splitlines()[-1])
    return float(two), float(hundred)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, action="append", help="corpus sizes (200 and 2000)")
    parser.add_argument("--large", action="store_true", help="add N = 10,000")
    parser.add_argument("--db", action="append", choices=("sqlite", "postgresql"))
    parser.add_argument("--rounds", type=int, default=1, help="repeat everything (default 1)")
    parser.add_argument(
        "--runner",
        action="append",
        choices=("cold", "warm"),
        help="cold: a process per cycle (`newswatch run`); warm: the warm runner of `make serve`"
        " (default: both)",
    )
    parser.add_argument(
        "--page-kb",
        type=int,
        default=0,
        help="pages of about this weight (default: the article's own, 8-24 KB)",
    )
    parser.add_argument(
        "--site-share",
        type=float,
        default=0.0,
        help="with --page-kb: the share of the added weight that is the same on every page (the"
        " site's teasers and settings; default 0, every page's own: the worst case for storage)",
    )
    args = parser.parse_args(argv)
    sizes = args.n or [200, 2000]
    if args.large:
        sizes.append(10_000)
    dbs = args.db or ["sqlite", "postgresql"]
    runners = args.runner or ["cold", "warm"]
    # as an installed package has them: without compiled modules (PYTHONDONTWRITEBYTECODE),
    # every run would compile newswatch's source again, a tenth of a second each
    for code in ("src", "flows", "bench"):
        compileall.compile_dir(REPO / code, quiet=1)
    resource.setrlimit(resource.RLIMIT_NOFILE, (4096, 4096))
    folder = Path(tempfile.mkdtemp(prefix="newswatch-bench-"))
    prefect, api = start_prefect(folder)
    server = warm.ProcessTree(prefect.pid)  # its CPU is taken from the same two cores
    results: list[dict[str, object]] = []
    try:
        for count in sizes:
            corpus, base = start_corpus(count, folder, args.page_kb, args.site_share)
            try:
                baselines(base, count)  # not counted: the corpus server renders every page once
                for round_number in range(1, args.rounds + 1):
                    floor = prefect_floor(api)
                    for db in dbs:
                        for runner in runners:
                            print(
                                f"running N = {count} on {db}, {runner}, round {round_number}...",
                                flush=True,
                            )
                            tag = f"{count}{runner}r{round_number}"
                            # the machine's speed drifts by the minute: the yardsticks are taken
                            # just before and just after the cycles they measure, and averaged
                            before = baselines(base, count)
                            result = cycles(
                                count, db, folder, api, corpus, base, tag, runner, server
                            )
                            after = baselines(base, count)
                            result.update(
                                round=round_number,
                                baseline={k: (before[k] + after[k]) / 2 for k in before},
                                baselines=[before, after],
                                prefect_floor_s=floor,
                            )
                            results.append(result)
            finally:
                corpus.terminate()
        corpus, base = start_corpus(1, folder)
        try:
            history = history_flatness(base, folder)
        finally:
            corpus.terminate()
    finally:
        prefect.terminate()
        prefect.wait(timeout=30)
        if "postgresql" in dbs:
            drop_schemas()
    print("\nper article        wall ms   cpu ms   peak RSS MB   db bytes   growth bytes")
    print("(PostgreSQL sizes after a VACUUM between cycles, as autovacuum runs on a server)")
    for result in results:
        report.print_result(result)
    report.print_summary(results)
    report.print_history(*history)
    return 0


if __name__ == "__main__":
    sys.exit(main())
