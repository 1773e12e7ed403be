"""bench.databases stops the cycle bench when a cycle did not store what its corpus did (checked
on a real store)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.databases import expect_stored
from newswatch import models as m
from newswatch.store import open_store


def test_a_cycle_that_stored_other_than_the_corpus_did_stops_the_bench(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'bench.db'}"
    store = open_store(url)
    with store.transaction() as session:
        for number in range(10):
            article = m.Article(url=f"http://x/{number}", status="ok", consecutive_failures=0)
            session.add(article)
            session.flush()
            session.add(
                m.Version(
                    article_id=article.id,
                    number=1,
                    fingerprint=f"{number:064d}",
                    headline="h",
                    text="t",
                )
            )
    store.close()
    expect_stored(url, 10, 1, "first capture")  # one version an article: goes on
    expect_stored(url, 10, 2, "nothing changed")
    with pytest.raises(SystemExit, match="left 10 versions and 0 changes; the corpus calls for 11"):
        expect_stored(url, 10, 3, "10% edited")  # the edit was missed
