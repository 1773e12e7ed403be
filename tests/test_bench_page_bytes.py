"""bench.page_bytes: what saved pages cost to store, alone, against a sibling and once edited."""

import random
from pathlib import Path

import pytest

from bench.page_bytes import main, one_word_edited, site_of, stored, without_code


def _page(number: int, rnd: random.Random) -> str:
    # the site's chrome and state (the same on both pages), and an article of its own
    state = ",".join(
        f'{{"id":{rnd.randrange(10**9)},"w":{rnd.randrange(900)}}}' for _ in range(900)
    )
    story = " ".join(
        f"Harbour work item {number}-{i} was signed off by the council on the {i}th."
        for i in range(40)
    )
    return (
        f'<html><head><link rel="canonical" href="https://news.example.org/story-{number}">'
        f'<script type="application/ld+json">{{"headline": "Story {number}"}}</script>'
        f"<style>.nav{{color:red}}</style><script>window.__state=[{state}];</script></head>"
        f"<body><nav>Home News Sport</nav><article><h1>Story {number}</h1><p>{story}</p>"
        "</article></body></html>"
    )


def test_a_sibling_packs_smaller_and_an_edit_costs_little(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for number in (1, 2):
        (tmp_path / f"paper_{number}.html").write_text(_page(number, random.Random(7)), "utf-8")
    first = (tmp_path / "paper_1.html").read_bytes()
    second = (tmp_path / "paper_2.html").read_bytes()
    assert site_of(tmp_path / "paper_1.html", first) == "news.example.org"
    assert stored(second, first) < stored(second) / 4  # the state and chrome are the site's
    assert stored(one_word_edited(second), second) < 200
    main([str(tmp_path)])
    out = capsys.readouterr().out
    assert "2 pages of 1 sites (1 with more than one page)" in out
    assert "a version after a one-word edit" in out


def test_code_is_taken_out_but_the_article_s_data_stays() -> None:
    page = _page(1, random.Random(3)).encode()
    lean = without_code(page)
    assert b"window.__state" not in lean and b".nav{" not in lean
    assert b'"headline": "Story 1"' in lean and b"<script></script>" in lean
    assert b"Harbour work item 1-0" in lean


def test_a_page_without_a_link_is_its_file_name_s_site(tmp_path: Path) -> None:
    assert site_of(tmp_path / "cnn_001.html", b"<html></html>") == "cnn"
    edited = one_word_edited(b"x" * 40 + b" the harbour closed")
    assert edited.endswith(b" a harbour closed")
