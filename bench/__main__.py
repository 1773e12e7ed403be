"""``make bench``: every benchmark, one after the other, printing its figures.

The monitoring-cycle benchmark runs here at N = 200 (a few minutes) on SQLite, and on
PostgreSQL too when one answers at ``NEWSWATCH_TEST_DATABASE_URL`` (or the local default), with
a process per cycle and in the warm runner. For the 2,000 and 10,000 article runs:
``python -m bench.cycles --n 2000 --large``.
"""

from __future__ import annotations

import os
import sys

from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from bench import against_urlwatch, compare_speed, cycles, flagging, patterns, trickle


def postgres_answers() -> bool:
    url = (
        os.environ.get("NEWSWATCH_TEST_DATABASE_URL")
        or "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    )
    engine = create_engine(url, connect_args={"connect_timeout": 3})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return True
    except SQLAlchemyError:
        return False
    finally:
        engine.dispose()


def main() -> int:
    print("== claim flagging on the labelled revisions ==")
    flagging.main([])
    print("\n== compare() speed ==")
    compare_speed.main([])
    print("\n== regular expressions on long adversarial lines ==")
    patterns.main([])
    print("\n== storage of first versions arriving a few at a time ==")
    trickle.main([])
    print("\n== monitoring cycles (N = 200) ==")
    dbs = ["--db", "sqlite"] + (["--db", "postgresql"] if postgres_answers() else [])
    cycles.main(["--n", "200", *dbs])
    print("\n== against urlwatch, the same pages (N = 200) ==")
    against_urlwatch.main(["--n", "200", "--runner", "cold", "--runner", "warm"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
