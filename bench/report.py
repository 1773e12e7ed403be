"""The cycle benchmark's figures, ratios and verdicts, as printed by ``python -m bench.cycles``.

Each result is one (N, database, round): four cycles of `newswatch run`, the same work with the
stages called directly, the fixed cost of a run, and the baselines measured around its cycles.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

UNCHANGED_MAX = 1.5  # × a bare GET per article
FIRST_MAX = 1.5  # × trafilatura per article
SHARE_MAX = 0.10  # Prefect's share of a 2,000-article cycle
VERSION_MAX = 15_000  # bytes per version
CHECK_MAX = 200  # bytes per unchanged check
RSS_MAX = 300  # MB at 10,000 articles
EDITED = 0.1  # the share of articles cycle 3 finds edited (bench.cycles)


@dataclass(frozen=True)
class Ratios:
    """What the targets are about, from one result."""

    unchanged: float  # whole unchanged cycle, per article, ÷ bare GET
    unchanged_marginal: float  # the same without the run's fixed cost
    first: float  # whole first capture, per article, ÷ trafilatura
    first_marginal: float
    share: float  # Prefect's share of the first-capture cycle: (flow - direct) / flow
    share_unchanged: float  # ... of the unchanged cycle
    per_version: float  # bytes, first capture
    per_edit: float  # bytes, a new version of an edited article (with its change and claims)
    per_check: float  # bytes, first unchanged cycle
    per_check_again: float  # bytes, the next unchanged cycle (steady state)
    peak_mb: float  # highest peak RSS of the four cycles
    prefect_fixed_s: float  # the fixed cost of a flow run less that of the direct run

    @classmethod
    def of(cls, r: Mapping[str, Any]) -> Ratios:
        n = int(r["n"])
        c1, c2, c3, c4 = r["cycle1"], r["cycle2"], r["cycle3"], r["cycle4"]
        edited = max(1, int(n * EDITED))
        get, traf = r["baseline"]["get"] * 1000, r["baseline"]["trafilatura"] * 1000
        fixed_ms = float(r["fixed_s"]) * 1000
        flow_first, flow_unchanged = c1["wall_ms"] * n, c2["wall_ms"] * n
        direct_first, direct_unchanged = r["direct_first_ms"] * n, r["direct_unchanged_ms"] * n
        return cls(
            unchanged=c2["wall_ms"] / get,
            unchanged_marginal=_marginal(flow_unchanged, fixed_ms, n) / get,
            first=c1["wall_ms"] / traf,
            first_marginal=_marginal(flow_first, fixed_ms, n) / traf,
            share=(flow_first - direct_first) / flow_first,
            share_unchanged=(flow_unchanged - direct_unchanged) / flow_unchanged,
            per_version=c1["growth_bytes"] / n,
            # cycle 3 less its unchanged checks, at the steady state's bytes per check
            per_edit=(c3["growth_bytes"] - (n - edited) * c4["growth_bytes"] / n) / edited,
            per_check=c2["growth_bytes"] / n,
            per_check_again=c4["growth_bytes"] / n,
            peak_mb=max(float(r[f"cycle{i}"]["rss_mb"]) for i in (1, 2, 3, 4)),
            prefect_fixed_s=float(r["fixed_s"]) - float(r["direct_fixed_s"]),
        )


def _marginal(run_ms: float, fixed_ms: float, n: int) -> float:
    """Milliseconds per article beyond the fixed cost; NaN when noise makes the fixed cost
    (measured on its own) look larger than the whole run, as it can at small N."""
    return (run_ms - fixed_ms) / (n - 1) if run_ms > fixed_ms else math.nan


def _times(value: float) -> str:
    return "n/a" if math.isnan(value) else f"{value:.2f}x"


def verdict(ok: bool) -> str:
    return "ok " if ok else "MISS"


def print_result(r: Mapping[str, Any]) -> None:
    n, x = int(r["n"]), Ratios.of(r)
    b = r["baseline"]
    get, traf = b["get"] * 1000, b["trafilatura"] * 1000
    print(f"\n== N = {n}, {r['db']}, {_runner(r)}, round {r['round']} ==")
    for cycle in ("cycle1", "cycle2", "cycle3", "cycle4"):
        c = r[cycle]
        print(
            f"{c['label']:<17}{c['wall_ms']:>8.2f} {c['cpu_ms']:>8.2f} {c['rss_mb']:>12.0f}"
            f" {c['db_bytes']:>10} {c['growth_bytes']:>14}"
        )
    if "baselines" in r:
        first, last = r["baselines"]
        print(
            f"baselines before / after the cycles: bare GET {first['get'] * 1000:.2f} / "
            f"{last['get'] * 1000:.2f} ms, trafilatura {first['trafilatura'] * 1000:.2f} / "
            f"{last['trafilatura'] * 1000:.2f} ms; their means are the yardsticks"
        )
    print(
        f"baselines: bare GET {get:.2f} ms, lxml {b['lxml'] * 1000:.2f} ms, trafilatura "
        f"{traf:.2f} ms; stages without Prefect: first {r['direct_first_ms']:.2f} ms, "
        f"unchanged {r['direct_unchanged_ms']:.2f} ms"
    )
    if "direct_first_each_ms" in r:
        (first_before, first_after), (same_before, same_after) = (
            r["direct_first_each_ms"],
            r["direct_unchanged_each_ms"],
        )
        print(
            f"stages without Prefect just before / just after the flow's cycle (averaged): first "
            f"{first_before:.2f} / {first_after:.2f} ms, unchanged {same_before:.2f} / "
            f"{same_after:.2f} ms"
        )
    if "direct_first_cpu_ms" in r:  # where the flow's extra time is CPU, it is Prefect's work
        print(
            f"CPU per article (process tree), flow / stages without Prefect: first "
            f"{r['cycle1']['cpu_ms']:.2f} / {r['direct_first_cpu_ms']:.2f} ms, unchanged "
            f"{r['cycle2']['cpu_ms']:.2f} / {r['direct_unchanged_cpu_ms']:.2f} ms"
        )
    fixed, direct_fixed, floor = r["fixed_s"], r["direct_fixed_s"], r["prefect_floor_s"]
    if r.get("runner") == "warm":
        waited = " / ".join(f"{w:.2f}" for w in r.get("waited_s", []))
        print(
            f"fixed cost of a run (one unchanged article, in the warm runner): {fixed:.2f} s; "
            f"the stages' own (in a warm process) {direct_fixed:.2f} s; before the cycles, "
            f"the runs waited {waited} s for the runner's next poll (not counted)"
        )
    else:
        print(
            f"fixed cost of a run (one unchanged article): {fixed:.2f} s; the stages' own "
            f"(interpreter, imports, store) {direct_fixed:.2f} s; a Prefect flow run doing "
            f"nothing, as a process: {floor:.2f} s"
        )
    if "direct_first_server_cpu_s" in r:
        print(
            "the Prefect server's CPU during the first capture: "
            f"{r['cycle1']['server_cpu_s']:.2f} s (without Prefect: "
            f"{r['direct_first_server_cpu_s']:.2f} s); during the unchanged cycle: "
            f"{r['cycle2']['server_cpu_s']:.2f} s ({r['direct_unchanged_server_cpu_s']:.2f} s)"
        )
    budget = UNCHANGED_MAX * get * n / 1000
    print(
        f"  [{verdict(x.unchanged <= UNCHANGED_MAX)}] unchanged cycle {x.unchanged:.2f}x bare GET"
        f" (≤{UNCHANGED_MAX}); without the fixed cost {_times(x.unchanged_marginal)}; the fixed "
        f"cost is {fixed / budget:.0%} of the {budget:.1f} s allowed"
    )
    print(
        f"  [{verdict(x.first <= FIRST_MAX)}] first capture {x.first:.2f}x trafilatura "
        f"(≤{FIRST_MAX}); without the fixed cost {_times(x.first_marginal)}"
    )
    direct_cycle = r["direct_first_ms"] * n / 1000
    print(
        f"  [{verdict(x.share <= SHARE_MAX) if n >= 2000 else ' -- '}] Prefect's share of the "
        f"first-capture cycle {x.share:.0%} (≤{SHARE_MAX:.0%} at 2,000); of the unchanged cycle "
        f"{x.share_unchanged:.0%}; Prefect's fixed part alone, {x.prefect_fixed_s:.2f} s, is "
        f"{x.prefect_fixed_s / direct_cycle:.0%} of the first capture without Prefect"
    )
    print(
        f"  [{verdict(x.per_version <= VERSION_MAX)}] {x.per_version:,.0f} bytes per version "
        f"(≤15 KB) on first capture; [{verdict(x.per_edit <= VERSION_MAX)}] "
        f"{x.per_edit:,.0f} per new version of an edited article, its change and claims included"
    )
    print(
        f"  [{verdict(x.per_check_again <= CHECK_MAX)}] {x.per_check_again:,.0f} bytes per "
        f"unchanged check in the steady state (≤{CHECK_MAX}); {x.per_check:,.0f} in the first "
        f"unchanged cycle"
    )
    rss_ok = x.peak_mb <= RSS_MAX
    print(f"  [{verdict(rss_ok)}] peak memory {x.peak_mb:.0f} MB (flat in N, ≤{RSS_MAX} MB)")


def print_summary(results: Sequence[Mapping[str, Any]]) -> None:
    """Every round's ratio for each target, side by side, and in how many rounds it was met."""
    groups: dict[tuple[int, str, str], list[Ratios]] = {}
    for r in results:
        groups.setdefault((int(r["n"]), str(r["db"]), _runner(r)), []).append(Ratios.of(r))
    rows: list[tuple[str, str, float]] = [
        ("unchanged ÷ bare GET", "unchanged", UNCHANGED_MAX),
        ("  without the fixed cost", "unchanged_marginal", UNCHANGED_MAX),
        ("first capture ÷ trafilatura", "first", FIRST_MAX),
        ("  without the fixed cost", "first_marginal", FIRST_MAX),
        ("Prefect's share, first capture", "share", SHARE_MAX),
        ("bytes per version", "per_version", VERSION_MAX),
        ("  per edited article's version", "per_edit", VERSION_MAX),
        ("bytes per unchanged check", "per_check_again", CHECK_MAX),
        ("peak RSS, MB", "peak_mb", RSS_MAX),
    ]
    print("\n== summary: each round's figure, and the rounds that met the target ==")
    for (n, db, runner), ratios in sorted(groups.items()):
        rounds = f"{len(ratios)} round{'s' if len(ratios) > 1 else ''}"
        print(f"\nN = {n}, {db}, {runner} ({rounds})")
        for label, name, limit in rows:
            values = [float(getattr(x, name)) for x in ratios]
            if name == "share" and n < 2000:
                continue
            met = sum(v <= limit for v in values)
            shown = " / ".join(_figure(name, v) for v in values)
            target = _figure(name, limit)
            print(f"  {label:<32} {shown:<24} target ≤ {target:<8} met {met}/{len(values)}")


def _runner(r: Mapping[str, Any]) -> str:
    """How the cycles ran: a process each (results from before the warm runner say nothing)."""
    return "warm runner" if r.get("runner") == "warm" else "a process per cycle"


def _figure(name: str, value: float) -> str:
    if name.startswith("share"):
        return f"{value:.0%}"
    if name.startswith(("per_", "peak")):
        return f"{value:,.0f}"
    return _times(value)


def print_history(two: float, hundred: float) -> None:
    print(
        f"\nhistory: {two:.2f} ms per check with 2 versions, {hundred:.2f} ms with 100 "
        f"[{verdict(hundred <= two * 1.3)}] (flat)"
    )
