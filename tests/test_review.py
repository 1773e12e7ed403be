import re

from newswatch import models as m
from newswatch.review import artifact_key, build_report, excerpts, render_markdown, run_table
from tests.conftest import DemoChange


def test_artifact_keys_are_valid_and_stable() -> None:
    key = artifact_key(12, "https://News.example.org/World/2026/Peace_Plan-Draft.html?x=1")
    assert key == "article-12-peace-plan-draft-html"
    assert re.fullmatch(r"[a-z0-9-]+", key)
    assert artifact_key(3, "https://example.org/") == "article-3"


def test_markdown_has_claims_table_and_before_after_per_sentence(demo_change: DemoChange) -> None:
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


def test_hostile_text_is_inert_in_markdown(demo_change: DemoChange) -> None:
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


def test_table_cells_are_cut_to_the_change_because_the_ui_does_not_wrap_them() -> None:
    old = "Both sides will withdraw heavy artillery 30 kilometres from the line of contact."
    new = "Both sides will pull back heavy artillery 30 kilometres from the line of contact."
    before, after = excerpts(old, new, 40)
    assert before == "Both sides will ~~withdraw~~ heavy artillery …"
    assert after == "Both sides will **pull back** heavy artillery …"
    assert excerpts("600,000", "800,000", 40) == ("600,000", "800,000")
    assert excerpts(None, "A new sentence.", 40) == ("—", "A new sentence.")
    long_new = "A sentence added at the end, long enough to be cut down in a table cell."
    assert excerpts(None, long_new, 40)[1] == long_new[:39] + "…"


def test_whole_sentences_follow_each_table_and_rows_stay_narrow(demo_change: DemoChange) -> None:
    store, _settings, _w, outcome = demo_change
    with store.reading() as s:
        md = render_markdown(build_report(s, s.get_one(m.Change, outcome.change_id)))
    rows = [line for line in md.splitlines() if line.startswith("| ")]
    assert rows and max(len(row) for row in rows) <= 160
    removed = (
        "Clause 12: All combatants will receive a full amnesty for acts committed during the war."
    )
    assert f"> ~~- {removed}~~" in md
    assert "> **A spokesperson for the Northern Council said" in md
