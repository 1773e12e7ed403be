"""How well the claim flagger separates meaning changes from wording fixes.

Runs ``newswatch.diff.compare`` over the labelled revision pairs in
``../shared/eval/wikinews-revisions-dev.jsonl`` (or ``--data FILE``) and prints precision, recall
and F1 of the ``meaning-changed`` class. An edit counts as flagged when a non-cosmetic claim
change overlaps its character span in the old text (for an insertion, its position).

    python -m bench.flagging [--data FILE] [--show tp|fp|fn|all] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newswatch.diff import Claim, compare
from newswatch.edits import LEVELS

DEFAULT_DATA = (
    Path(__file__).resolve().parents[2] / "shared" / "eval" / "wikinews-revisions-dev.jsonl"
)


@dataclass(frozen=True)
class Edit:
    doc: str
    kind: str
    start: int
    end: int
    before: str | None
    after: str | None
    meaning: bool


def overlaps(span: tuple[int, int], edit: Edit) -> bool:
    a, b = span
    if a == b:  # a zero-width claim marks an insertion point
        return edit.start <= a <= edit.end
    if edit.start == edit.end:
        return a <= edit.start <= b
    return a < edit.end and edit.start < b


def flagged_by(claims: list[Claim], edit: Edit, floor: str = "low") -> list[Claim]:
    """The claims at ``floor`` or above that cover the edit: "low" counts every claim a review
    shows, "medium" only those that alert by default."""
    return [
        c
        for c in claims
        if LEVELS.index(c.severity) >= LEVELS.index(floor)
        and c.old_span is not None
        and overlaps(c.old_span, edit)
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--show", choices=("tp", "fp", "fn", "all"), default=None)
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument(
        "--alerting",
        action="store_true",
        help="count only claims that alert by default (medium and high), not every claim shown",
    )
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"flagging: no evaluation data at {args.data}; pass --data FILE", file=sys.stderr)
        return 2
    rows = [json.loads(line) for line in args.data.read_text("utf-8").splitlines() if line.strip()]
    tp = fp = fn = tn = 0
    kinds: Counter[str] = Counter()
    shown = 0
    elapsed = 0.0
    for row in rows:
        started = time.perf_counter()
        result = compare(row["before_revision"], row["after_revision"])
        elapsed += time.perf_counter() - started
        for claim in result.claims:
            kinds[f"{claim.kind}/{claim.severity}"] += 1
        for action in row["edit_actions"]:
            edit = Edit(
                row["doc_id"],
                action["type"],
                action["start_char_pos"],
                action["end_char_pos"],
                action["before"],
                action["after"],
                action["major_intent"] == "meaning-changed",
            )
            hits = flagged_by(result.claims, edit, "medium" if args.alerting else "low")
            if hits and edit.meaning:
                tp += 1
            elif hits:
                fp += 1
            elif edit.meaning:
                fn += 1
            else:
                tn += 1
            wanted = {
                "tp": hits and edit.meaning,
                "fp": hits and not edit.meaning,
                "fn": not hits and edit.meaning,
                "all": bool(hits) != edit.meaning,
            }
            if args.show and wanted[args.show] and shown < args.limit:
                shown += 1
                why = ", ".join(f"{c.kind}/{c.severity}" for c in hits) or "not flagged"
                label = ("TP" if edit.meaning else "FP") if hits else "FN"
                print(
                    f"[{label}] {edit.doc} {edit.kind} {edit.before!r} -> {edit.after!r}  ({why})"
                )
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"pairs {len(rows)}  edits {tp + fp + fn + tn}  meaning-changed {tp + fn}")
    print(f"flagged {tp + fp}: true {tp}, false {fp}; missed {fn}")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(f"compare(): {elapsed / len(rows) * 1000:.2f} ms per pair on average")
    print("claims by kind/severity: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
