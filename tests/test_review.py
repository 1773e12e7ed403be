import re

from newswatch import models as m
from newswatch.review import artifact_key, build_report, render_markdown, run_table


def test_artifact_keys_are_valid_and_stable() -> None:
    key = artifact_key(12, "https://News.example.org/World/2026/Peace_Plan-Draft.html?x=1")
    assert key == "article-12-peace-plan-draft-html"
    assert re.fullmatch(r"[a-z0-9-]+", key)
    assert artifact_key(3, "https://example.org/") == "article-3"


def test_markdown_has_claims_table_and_before_after_per_sentence(demo_change) -> None:  # type: ignore[no-untyped-def]
    store, _settings, _w, outcome = demo_change
    with store.reading() as s:
        report = build_report(s, s.get_one(m.Change, outcome.change_id))
    md = render_markdown(report, {"The article": report.url})
    assert md.startswith("# Veloria and Kastan agree outline of draft peace plan")
    assert "| Kind | Severity | Before | After |" in md
    assert "| Figure | high | 600,000 | 800,000 |" in md
    assert md.count("\n| Before | After |") == 5  # four edited or removed sentences and one added
    assert "~~withdraw~~ **pull their**" in md
    assert "silent edit" in md


def test_hostile_text_is_inert_in_markdown(demo_change) -> None:  # type: ignore[no-untyped-def]
    store, _settings, _w, outcome = demo_change
    with store.transaction() as s:
        change = s.get_one(m.Change, outcome.change_id)
        shown = next(c for c in change.claims if c.severity != "cosmetic")
        shown.new_value = "<script>x</script> | [click](javascript:alert(1))"
    with store.reading() as s:
        md = render_markdown(build_report(s, s.get_one(m.Change, outcome.change_id)))
    assert "<script>" not in md and "](javascript" not in md
    assert "\\| \\[click\\]" in md  # a pipe cannot break the table


def test_run_table_rows() -> None:
    rows = run_table([{"url": "u", "outcome": "failed", "error": "HTTP 500", "alerts": 0}])
    assert rows == [
        {
            "article": "u",
            "outcome": "failed",
            "version": "",
            "severity": "",
            "alerts queued": 0,
            "error": "HTTP 500",
        }
    ]
