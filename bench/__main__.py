"""``make bench``: every benchmark, one after the other, printing its figures."""

from __future__ import annotations

import sys

from bench import compare_speed, flagging


def main() -> int:
    print("== claim flagging on the labelled revisions ==")
    flagging.main([])
    print("\n== compare() speed ==")
    compare_speed.main([])
    return 0


if __name__ == "__main__":
    sys.exit(main())
