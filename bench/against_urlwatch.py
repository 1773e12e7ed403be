"""newswatch against urlwatch on the same pages: ``python -m bench.against_urlwatch``.

    python -m bench.against_urlwatch [--n 200 --n 2000] [--db sqlite] [--runner cold]
                                     [--urlwatch PATH]

urlwatch is the tool most people reach for to watch a page, and the one newswatch means to be
faster than per article. Both watch the same local corpus (bench.corpus, served with ETags) for
the same three cycles as bench.cycles: 1 every article captured, 2 nothing changed, 3 ten percent
edited. The tools run one after the other (their order swapped every cycle, so that neither
always has the warmer machine). Each urlwatch cycle is a process, timed as bench.cycles times a
newswatch process (bench.launch: wall and CPU time of the process and all it started, and its
peak memory); a warm runner's cycle is timed as bench.warm times it, and the runner is stopped
while urlwatch runs. Each tool's fixed cost of a run is measured too, as a run that checks one
unchanged article (the best of three).

- newswatch: ``newswatch run --all`` (a Prefect flow run, as bench.cycles' cold runs), finding
  the articles through the corpus's sitemaps, extracting each page's text, storing every
  version, diffing and flagging claims; or, with ``--runner warm``, the warm runner of
  `make serve`.
- urlwatch, twice: watching each page's bytes (its default), and with its ``html2text`` filter
  (the page's text, tags stripped), each URL a job, ten jobs at a time (urlwatch's own pool),
  its cache a SQLite file, its report printed to a file.

Both send If-None-Match with the ETag they kept, so an unchanged page is a 304 for both. Each
run's changes are counted from what it stored or reported, and the benchmark stops if either
tool missed the corpus's edits (or reported a change where there was none).

urlwatch is not one of newswatch's dependencies: without ``--urlwatch`` (or an ``urlwatch`` on
the PATH) the benchmark installs it, pinned, into a virtual environment of its own under
``.newswatch/bench-urlwatch`` (from the package index, once).
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import cycles, report
from bench.databases import database_size, drop_schemas, expect_stored, prepare_database, settle

URLWATCH = "urlwatch==2.29"
OWN_VENV = cycles.REPO / ".newswatch" / "bench-urlwatch"
STEPS = ((1, "first capture"), (2, "nothing changed"), (3, "10% edited"))
# urlwatch's text report: one summary line per job ("01. NEW: story-0", "02. CHANGED: ...")
_REPORTED = re.compile(r"^\d+\. (NEW|CHANGED|ERROR): ", re.M)


def urlwatch_executable(given: str | None) -> Path:
    """The urlwatch to measure: the one given, the one on the PATH, or one installed here."""
    if given:
        return Path(given)
    found = shutil.which("urlwatch")
    if found:
        return Path(found)
    executable = OWN_VENV / "bin" / "urlwatch"
    if not executable.exists():
        print(f"installing {URLWATCH} into {OWN_VENV} ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(OWN_VENV)], check=True)
        pip = [str(OWN_VENV / "bin" / "pip"), "install", "-q", URLWATCH]
        subprocess.run(pip, check=True)
    return executable


class Urlwatch:
    """One urlwatch set-up: its jobs, configuration and cache in a folder of its own."""

    def __init__(self, executable: Path, folder: Path, base: str, count: int, text: bool):
        self.executable = executable
        self.folder = folder
        folder.mkdir(parents=True)
        self.cache = folder / "cache.db"
        self.jobs = folder / "urls.yaml"
        self.config = folder / "urlwatch.yaml"
        text_filter = "filter:\n  - html2text\n" if text else ""
        self.jobs.write_text(
            "---\n".join(
                f"name: story-{i}\nurl: {base}/news/2026/11/25/story-{i}\n{text_filter}"
                for i in range(count)
            ),
            "utf-8",
        )
        # its default report (stdout, in colour), to a file; nothing else
        self.config.write_text("report:\n  stdout:\n    enabled: true\n    color: false\n", "utf-8")
        home = folder / "home"  # its keyring, hooks and default files stay out of the user's
        home.mkdir()
        self.env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}
        self.env["XDG_CACHE_HOME"] = str(home / ".cache")

    def cycle(self, number: int) -> tuple[float, float, float, dict[str, int]]:
        """Wall seconds, CPU seconds, peak RSS (MB) and what it reported, by kind."""
        out = self.folder / f"report-{number}.txt"
        command = [str(self.executable), "--urls", str(self.jobs), "--config", str(self.config)]
        command += ["--cache", str(self.cache)]
        with out.open("w", encoding="utf-8") as sink:
            done = subprocess.run(
                [sys.executable, "-m", "bench.launch", *command],
                env=self.env,
                cwd=cycles.REPO,
                stdout=sink,
                stderr=subprocess.PIPE,
                text=True,
            )
        if done.returncode != 0:
            raise SystemExit(f"urlwatch failed: {done.stderr[-2000:]}")
        wall, maxrss_kb, user, system = done.stderr.strip().splitlines()[-1].split()
        kinds: dict[str, int] = {"NEW": 0, "CHANGED": 0, "ERROR": 0}
        for kind in _REPORTED.findall(out.read_text("utf-8")):
            kinds[kind] += 1
        return float(wall), float(user) + float(system), float(maxrss_kb) / 1024, kinds


def expect_reported(kinds: dict[str, int], count: int, cycle: int, label: str) -> None:
    wanted = {"NEW": count if cycle == 1 else 0, "ERROR": 0}
    wanted["CHANGED"] = max(1, int(count * report.EDITED)) if cycle == 3 else 0
    if kinds != wanted:
        raise SystemExit(f"urlwatch ({label}) reported {kinds} in cycle {cycle}; wanted {wanted}")


Row = tuple[str, str, float, float, float, int]  # cycle, tool, wall ms, CPU ms, MB, bytes


def compare(
    count: int, db: str, runner: str, folder: Path, api: str, executable: Path
) -> list[Row]:
    corpus, base = cycles.start_corpus(count, folder)
    rows: list[Row] = []
    try:
        cycles.baselines(base, count)  # not counted: the corpus server renders every page once
        tag = f"{count}{db}{runner}"
        sources = folder / f"sources-{tag}.toml"
        cycles.write_sources(sources, base, count)
        url = prepare_database(db, folder, f"nw{tag}")
        env = cycles.cycle_env(api, url, folder, count)
        runs = cycles.start_runs(runner, env, api)
        watchers = {
            f"urlwatch, {name}": Urlwatch(
                executable, folder / f"uw-{name}-{tag}", base, count, text
            )
            for name, text in (("page", False), ("text", True))
        }
        try:
            for cycle, label in STEPS:
                if cycle == 3:
                    cycles.edit_corpus(corpus)
                tools = ["newswatch", *watchers]
                for tool in tools if cycle % 2 else tools[::-1]:
                    if tool == "newswatch":
                        wall, cpu, rss = runs.cycle(sources)
                        expect_stored(url, count, cycle, label)
                        settle(url)
                        size = database_size(url)
                    else:  # a warm runner stopped meanwhile: its polling is not urlwatch's cost
                        with runs.asleep():
                            wall, cpu, rss, kinds = watchers[tool].cycle(cycle)
                        expect_reported(kinds, count, cycle, tool)
                        size = watchers[tool].cache.stat().st_size
                    rows.append(
                        (label, tool, wall / count * 1e3, cpu / count * 1e3, rss, size // count)
                    )
        finally:
            runs.close()
        ours = cycles.one_article_run(folder, base, env, db, f"one{tag}", runner, api)
        one = Urlwatch(executable, folder / f"uw-one-{tag}", base, 1, text=False)
        theirs = cycles.best_of_three(lambda: one.cycle(0)[0])
        rows += [("run of one", "newswatch", ours * 1e3, 0, 0, 0)]
        rows += [("run of one", "urlwatch", theirs * 1e3, 0, 0, 0)]
    finally:
        corpus.terminate()
    return rows


def print_rows(count: int, db: str, runner: str, rows: list[Row]) -> None:
    print(f"\nN = {count}, newswatch on {db} ({runner} runner); per article")
    print(f"{'cycle':<17}{'tool':<18}{'wall ms':>9}{'CPU ms':>9}{'peak MB':>9}{'bytes':>9}")
    for label, tool, wall, cpu, rss, size in rows:
        if label == "run of one":
            continue
        print(f"{label:<17}{tool:<18}{wall:>9.2f}{cpu:>9.2f}{rss:>9.0f}{size:>9,}")
    fixed = {tool: wall for label, tool, wall, *_ in rows if label == "run of one"}
    print(
        f"a run that checks one unchanged article (the fixed cost of a run), ms: newswatch"
        f" {fixed['newswatch']:.0f}, urlwatch {fixed['urlwatch']:.0f}"
    )
    print("newswatch's wall time ÷ urlwatch's (below 1: newswatch is faster)")
    for label, *_ in rows[: len(STEPS) * 3 : 3]:
        ours = next(r[2] for r in rows if r[0] == label and r[1] == "newswatch")
        ratios = [
            f"{tool.split(', ')[1]} {ours / wall:.2f}×"
            for step, tool, wall, *_ in rows
            if step == label and tool != "newswatch"
        ]
        print(f"  {label:<17}" + ", ".join(ratios))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, action="append", help="corpus sizes (default 200)")
    parser.add_argument("--db", action="append", choices=("sqlite", "postgresql"))
    parser.add_argument("--runner", action="append", choices=("cold", "warm"))
    parser.add_argument("--urlwatch", help="the urlwatch executable to measure")
    args = parser.parse_args(argv)
    executable = urlwatch_executable(args.urlwatch)
    for code in ("src", "flows", "bench"):  # as bench.cycles: compiled once, as installed
        compileall.compile_dir(cycles.REPO / code, quiet=1)
    resource.setrlimit(resource.RLIMIT_NOFILE, (4096, 4096))
    folder = Path(tempfile.mkdtemp(prefix="newswatch-urlwatch-"))
    prefect, api = cycles.start_prefect(folder)
    dbs = args.db or ["sqlite"]
    try:
        for count in args.n or [200]:
            for db in dbs:
                for runner in args.runner or ["cold"]:
                    print(f"running N = {count} on {db}, {runner}...", flush=True)
                    rows = compare(count, db, runner, folder, api, executable)
                    print_rows(count, db, runner, rows)
    finally:
        prefect.terminate()
        prefect.wait(timeout=30)
        if "postgresql" in dbs:
            drop_schemas()
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
