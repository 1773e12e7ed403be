"""bench.page_noise: furniture churned between visits must not alert."""

from pathlib import Path

import pytest

from bench.page_noise import main, noisy

STORY = " ".join(
    f"The harbour board met on day {i} and agreed that the ferry fares would stay as they are."
    for i in range(1, 9)
)
PAGE = (
    "<html><head><title>Ferry fares frozen</title></head><body>"
    "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li>"
    "<li><a href='/sport'>Sport</a></li><li><a href='/weather'>Weather 12C</a></li></ul></nav>"
    f"<main><article><h1>Ferry fares frozen</h1><p>{STORY}</p>"
    "<p>The board will meet again in the spring, its chair said on Friday.</p></article></main>"
    "<aside class='most-read'><h2>Most read</h2><ol><li><a href='/a'>Storm hits the coast</a></li>"
    "<li><a href='/b'>Council sets its budget</a></li><li><a href='/c'>Bridge shut for 3 days</a>"
    "</li></ol></aside><footer><p><a href='/about'>About us</a> © 2026 Coast Post</p></footer>"
    "</body></html>"
)


def test_the_furniture_is_churned_and_the_article_left_alone() -> None:
    made = noisy(PAGE)
    assert made is not None
    changed, count = made
    assert count >= 5
    assert "Bridge shut for 3 days" not in changed and "days 6 for shut Bridge" in changed
    assert STORY in changed and "its chair said on Friday" in changed


def test_churned_furniture_gives_no_claim(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "fares.html").write_text(PAGE, "utf-8")
    main([str(tmp_path)])
    out = capsys.readouterr().out
    assert "1 pages compared (1 with furniture churned): 0 false alerts" in out
