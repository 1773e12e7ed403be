from pathlib import Path

import pytest

from newswatch.sources import SourcesError, Watchlist, load_watchlist, parse_watchlist


def load(tmp_path: Path, body: str) -> Watchlist:
    path = tmp_path / "sources.toml"
    path.write_text(body, "utf-8")
    return load_watchlist(path)


def test_valid_file_loads_sources_and_subscriptions(tmp_path: Path) -> None:
    watchlist = load(
        tmp_path,
        """
[[source]]
name = "harbour"
url = "https://news.example.org/world/peace-plan"
selector = "article .story-body"
tags = ["world"]
terms = ["amnesty"]

[[subscription]]
address = "desk@example.org"
sources = ["world"]
min_severity = "high"
""",
    )
    (source,) = watchlist.sources
    assert source.kind == "article"
    assert source.selector == "article .story-body"
    assert source.terms == ("amnesty",)
    (sub,) = watchlist.subscriptions
    assert sub.min_severity == "high"
    assert watchlist.by_name("harbour") is source


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "only http and https"),
        ("gopher://example.org/", "only http and https"),
        ("ftp://example.org/a", "only http and https"),
        ("http:///no-host", "no host"),
        ("http://internal\\@public.example/", "backslash"),
        ("http://user:pw@example.org/", "user names or passwords"),
        ("http://example.org:99999/", "bad port"),
    ],
)
def test_bad_urls_are_refused_with_one_line_naming_the_entry(
    tmp_path: Path, url: str, reason: str
) -> None:
    with pytest.raises(SourcesError) as caught:
        load(tmp_path, f"[[source]]\nname = 'bad-one'\nurl = '{url}'\n")
    (line,) = caught.value.problems
    assert "source #1 ('bad-one')" in line
    assert "url" in line and reason in line
    assert "\n" not in line and str(tmp_path) in line


def test_every_bad_entry_is_reported(tmp_path: Path) -> None:
    with pytest.raises(SourcesError) as caught:
        load(
            tmp_path,
            """
[[source]]
name = "ok"
url = "https://example.org/a"

[[source]]
name = "typo"
url = "https://example.org/b"
slector = "main"

[[source]]
name = "feedish"
kind = "podcast"
url = "https://example.org/c"

[[source]]
name = "ok"
url = "https://example.org/d"

[[subscription]]
address = "not-an-address"
sources = ["nowhere"]
""",
        )
    text = str(caught.value)
    assert "source #2 ('typo'): slector: unknown field" in text
    assert "source #3 ('feedish'): kind: 'podcast' is not supported" in text
    assert "source 'ok': the name is used twice" in text
    assert "subscription #1 ('not-an-address'): address" in text


def test_unknown_subscription_source_is_reported() -> None:
    with pytest.raises(SourcesError, match="no source or tag named 'elsewhere'"):
        parse_watchlist(
            {
                "source": [{"name": "a", "url": "https://example.org/"}],
                "subscription": [{"address": "x@example.org", "sources": ["elsewhere"]}],
            }
        )


def test_bad_toml_gives_one_line_with_position(tmp_path: Path) -> None:
    with pytest.raises(SourcesError) as caught:
        load(tmp_path, '[[source]]\nname = "a\n')
    (line,) = caught.value.problems
    assert line.startswith(str(tmp_path / "sources.toml")) and "not valid TOML" in line
    assert "line 2" in line


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SourcesError, match="cannot read the sources file"):
        load_watchlist(tmp_path / "absent.toml")


def test_bad_css_selector_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourcesError, match="bad CSS selector"):
        load(tmp_path, '[[source]]\nname = "a"\nurl = "https://e.org/"\nselector = "div[["\n')


def test_shipped_watchlist_is_valid() -> None:
    watchlist = load_watchlist(Path(__file__).parents[1] / "seeds" / "sources.toml")
    assert watchlist.sources
