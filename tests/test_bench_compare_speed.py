"""bench.compare_speed times compare() on the edits it says it makes: checked small."""

from __future__ import annotations

import re

import pytest

from bench import compare_speed


def test_the_timed_pair_carries_every_kind_of_edit_the_bench_names(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert compare_speed.main(["--words", "300", "--runs", "2"]) == 0
    out = capsys.readouterr().out
    kinds = re.search(r"claims \(([^)]*)\)", out)
    assert kinds, out
    assert {"added", "negation", "number", "removed"} <= set(kinds.group(1).split(", "))
    for cache in ("cold cache", "warm cache", "the same pair again"):
        assert re.search(rf"compare\(\) {cache}: median [\d.]+ ms", out), out
