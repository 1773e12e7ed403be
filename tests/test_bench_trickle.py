"""bench.trickle against its real corpus server and SQLite, small enough to run in the suite."""

from __future__ import annotations

import re

import pytest

from bench import trickle


def test_trickle_prints_stored_bytes_and_times_reading_every_page_back(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert trickle.main(["--n", "10", "--per-batch", "5", "--page-kb", "0"]) == 0
    out = capsys.readouterr().out
    kept = re.search(r"reference page kept between batches: ([\d,]+) bytes .*?(\d+) of 10", out)
    dropped = re.search(
        r"not kept \(each batch starts afresh\): ([\d,]+) bytes .*?(\d+) of 10", out
    )
    assert kept and dropped, out
    # kept: one page of the site stored whole, the rest deltas; afresh: one whole per batch
    assert (kept.group(2), dropped.group(2)) == ("1", "2")
    assert int(kept.group(1).replace(",", "")) < int(dropped.group(1).replace(",", ""))
    # every page of the kept run read back and checked: 1 whole and 9 deltas
    assert re.search(
        r"reading a page back \(reference kept\), stored whole: [\d.]+ ms a page \(1 of them\)", out
    )
    assert re.search(
        r"reading a page back \(reference kept\), stored as a delta: [\d.]+ ms a page \(9 of them\)",
        out,
    )
