"""bench.flagging scores the flagger against labelled edits: checked on pairs we wrote, whose
four edits land one in each cell (flagged or not, meaning changed or not)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import flagging


def edit(text: str, before: str, after: str, meaning: bool) -> dict[str, object]:
    start = text.index(before)
    return {
        "type": "R",
        "start_char_pos": start,
        "end_char_pos": start + len(before),
        "before": before,
        "after": after,
        "major_intent": "meaning-changed" if meaning else "fluency",
    }


def pair(doc: str, old: str, edits: list[tuple[str, str, bool]]) -> dict[str, object]:
    new = old
    for before, after, _ in edits:
        new = new.replace(before, after, 1)
    return {
        "doc_id": doc,
        "before_revision": old,
        "after_revision": new,
        "edit_actions": [edit(old, b, a, m) for b, a, m in edits],
    }


def test_flagging_counts_each_edit_once_in_its_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fund = (
        "The harbour fund will pay 4 million euros for dredging this year. "
        "The work was recieved well by the fishing fleet, its spokeswoman said."
    )
    talks = (
        "The ferry union met the operator on Monday. "
        "Both sides said talks would continue next week in the port offices."
    )
    rows = [
        pair(
            "fund",
            fund,
            [("4 million", "6 million", True), ("recieved", "received", False)],
        ),
        # a spelling fix labelled a meaning change (missed) and a hedge labelled wording
        pair(
            "talks",
            talks,
            [("met", "mett", True), ("said talks would", "said talks might", False)],
        ),
    ]
    data = tmp_path / "pairs.jsonl"
    data.write_text("\n".join(json.dumps(r) for r in rows) + "\n", "utf-8")
    assert flagging.main(["--data", str(data), "--show", "all"]) == 0
    out = capsys.readouterr().out
    assert "pairs 2  edits 4  meaning-changed 2" in out
    assert "flagged 2: true 1, false 1; missed 1" in out
    assert "precision 0.500  recall 0.500  F1 0.500" in out
    assert "[FN] talks R 'met' -> 'mett'  (not flagged)" in out
    assert "[FP] talks R 'said talks would' -> 'said talks might'" in out


def test_missing_data_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert flagging.main(["--data", str(tmp_path / "none.jsonl")]) == 2
    assert "no evaluation data at" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("span", "start", "end", "hit"),
    [
        ((5, 9), 8, 12, True),  # overlapping
        ((5, 9), 9, 12, False),  # touching is not overlapping
        ((7, 7), 5, 9, True),  # an insertion point inside the edit
        ((5, 9), 7, 7, True),  # an insertion edit inside the claim
        ((10, 10), 5, 9, False),
    ],
)
def test_a_claim_flags_the_edits_its_span_overlaps(
    span: tuple[int, int], start: int, end: int, hit: bool
) -> None:
    edit = flagging.Edit("d", "R", start, end, None, None, True)
    assert flagging.overlaps(span, edit) is hit


def test_alerting_counts_only_claims_that_alert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        "The ferry union met the operator on Monday. "
        "Both sides said talks would continue next week in the port offices."
    )
    # a word put in (shown, low) and a figure changed (alerts, high)
    rows = [
        pair("talks", text, [("the operator", "the new operator", True), ("next", "last", True)])
    ]
    data = tmp_path / "pairs.jsonl"
    data.write_text(json.dumps(rows[0]) + "\n", "utf-8")
    assert flagging.main(["--data", str(data)]) == 0
    assert "flagged 2: true 2, false 0; missed 0" in capsys.readouterr().out
    assert flagging.main(["--data", str(data), "--alerting"]) == 0
    assert "flagged 1: true 1, false 0; missed 1" in capsys.readouterr().out
