"""The daily maintenance flow: raw-page retention when configured, and database upkeep."""

from __future__ import annotations

from typing import Any

from prefect import flow
from prefect.artifacts import create_table_artifact

from flows.common import settings_now, store_for
from newswatch.upkeep import upkeep


@flow(name="newswatch-maintenance")
def maintenance() -> dict[str, Any]:
    settings = settings_now()
    report = upkeep(store_for(settings), settings.raw_retention_days)
    if settings.artifacts:
        create_table_artifact(
            key="newswatch-maintenance",
            table=[{"task": k, "result": v} for k, v in report.as_dict().items()],
            description="daily upkeep",
        )
    return report.as_dict()
