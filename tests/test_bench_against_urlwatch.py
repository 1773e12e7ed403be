"""bench.against_urlwatch: the jobs urlwatch is given, and how its report is read and checked.
(urlwatch itself is not installed with newswatch; the benchmark installs it to run.)"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench.against_urlwatch import _REPORTED, Urlwatch, expect_reported, print_rows

# urlwatch's text report, as it prints one: a summary line per job, then each job's details
REPORT = """\
===========================================================================
01. NEW: story-0
02. CHANGED: story-7
03. ERROR: story-9
===========================================================================

---------------------------------------------------------------------------
NEW: story-0 ( http://127.0.0.1:8000/news/2026/11/25/story-0 )
---------------------------------------------------------------------------
CHANGED: story-7 ( http://127.0.0.1:8000/news/2026/11/25/story-7 )
"""


def test_jobs_are_one_per_article_and_the_text_watch_strips_tags(tmp_path: Path) -> None:
    base = "http://127.0.0.1:8000"
    page = Urlwatch(Path("urlwatch"), tmp_path / "page", base, 3, text=False)
    text = Urlwatch(Path("urlwatch"), tmp_path / "text", base, 3, text=True)
    jobs = list(yaml.safe_load_all(page.jobs.read_text("utf-8")))
    assert [job["url"] for job in jobs] == [f"{base}/news/2026/11/25/story-{i}" for i in range(3)]
    assert all("filter" not in job for job in jobs)
    assert all(
        job["filter"] == ["html2text"] for job in yaml.safe_load_all(text.jobs.read_text("utf-8"))
    )
    config = yaml.safe_load(page.config.read_text("utf-8"))
    assert config == {"report": {"stdout": {"enabled": True, "color": False}}}
    assert page.env["HOME"].startswith(str(tmp_path))  # nothing of the user's is read or written


def test_a_report_is_counted_by_its_summary_lines_only() -> None:
    assert _REPORTED.findall(REPORT) == ["NEW", "CHANGED", "ERROR"]


def test_a_cycle_that_missed_an_edit_stops_the_benchmark() -> None:
    expect_reported({"NEW": 0, "CHANGED": 20, "ERROR": 0}, 200, 3, "urlwatch, page")
    expect_reported({"NEW": 200, "CHANGED": 0, "ERROR": 0}, 200, 1, "urlwatch, page")
    with pytest.raises(SystemExit, match="reported"):
        expect_reported({"NEW": 0, "CHANGED": 19, "ERROR": 0}, 200, 3, "urlwatch, page")
    with pytest.raises(SystemExit, match="reported"):
        expect_reported({"NEW": 0, "CHANGED": 0, "ERROR": 1}, 200, 2, "urlwatch, text")


def test_the_summary_gives_newswatch_over_urlwatch_per_cycle(
    capsys: pytest.CaptureFixture[str],
) -> None:
    rows = [
        ("first capture", "newswatch", 5.0, 7.0, 150.0, 5000),
        ("first capture", "urlwatch, page", 4.0, 3.0, 50.0, 17000),
        ("first capture", "urlwatch, text", 2.5, 3.0, 50.0, 15000),
        ("nothing changed", "urlwatch, text", 8.0, 3.0, 50.0, 15000),
        ("nothing changed", "urlwatch, page", 8.0, 3.0, 50.0, 17000),
        ("nothing changed", "newswatch", 2.0, 1.0, 140.0, 5100),
        ("10% edited", "newswatch", 4.0, 6.0, 150.0, 5500),
        ("10% edited", "urlwatch, page", 4.0, 4.0, 55.0, 18000),
        ("10% edited", "urlwatch, text", 5.0, 4.0, 55.0, 16000),
        ("run of one", "newswatch", 2100.0, 0, 0, 0),
        ("run of one", "urlwatch", 220.0, 0, 0, 0),
    ]
    print_rows(200, "sqlite", "cold", rows)
    out = capsys.readouterr().out
    assert "newswatch 2100, urlwatch 220" in out
    assert "first capture    page 1.25×, text 2.00×" in out
    assert "nothing changed  text 0.25×, page 0.25×" in out
    assert "10% edited       page 1.00×, text 0.80×" in out
