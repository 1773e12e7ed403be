"""The least a Prefect flow run costs as a process: a flow that does nothing, with the monitoring
flow's parameters, run the way `newswatch run` runs one (asynchronously, against the server in
``PREFECT_API_URL``). Its wall time is the part of every run's fixed cost that belongs to Prefect
alone: importing it, creating and finishing the flow run, and shutting its workers down.

    python -m bench.floor
"""

from __future__ import annotations

import asyncio
import gc
import sys

from prefect import flow


@flow(name="newswatch-bench-floor")
async def nothing(sources_file: str | None = None, everything: bool = False) -> None:
    """Nothing at all: what is left is Prefect's own cost."""


def main() -> int:
    gc.freeze()  # as `newswatch run` does: the imports' objects stay out of the collections
    asyncio.run(nothing("sources.toml", True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
