import zlib
from datetime import timedelta

import pytest
import zstandard
from sqlalchemy import func, select

from newswatch import models as m
from newswatch import store as st
from newswatch import store_pages


def test_blobs_are_compressed_and_written_once(store: st.Store) -> None:
    page = b"<html>" + b"peace plan " * 1000 + b"</html>"
    with store.transaction() as s:
        digest = store_pages.put_blob(s, page)
        assert store_pages.put_blob(s, page) == digest
    with store.reading() as s:
        row = s.get_one(m.Blob, digest)
        assert row.size == len(page) and len(row.data) < len(page) / 10
        assert zstandard.ZstdDecompressor().decompress(row.data) == page
        assert store_pages.get_blob(s, digest) == page
        assert s.scalar(select(func.count()).select_from(m.Blob)) == 1


def test_a_page_stored_whole_before_zstd_still_reads(store: st.Store) -> None:
    page = b"<html>" + b"ferry fares " * 500 + b"</html>"
    with store.transaction() as s:
        digest = store_pages.put_blob(s, page)
        s.get_one(m.Blob, digest).data = zlib.compress(page, 6)  # as stored up to 0011
    with store.reading() as s:
        assert store_pages.get_blob(s, digest) == page


def test_a_page_like_an_earlier_one_is_stored_against_it_in_chains_at_most_two_long(
    store: st.Store,
) -> None:
    chrome = "".join(f"<li>teaser {i * 7919 % 100003}</li>" for i in range(3000))
    v1, v2, v3, v4 = (
        f"<html><nav>{chrome}</nav><p>The cap is {n} troops.</p></html>".encode()
        for n in ("600,000", "500,000", "400,000", "300,000")
    )
    with store.transaction() as s:
        first = store_pages.put_blob(s, v1)
        second = store_pages.put_blob(s, v2, earlier=first)
        third = store_pages.put_blob(s, v3, earlier=second)  # a delta of a delta
        fourth = store_pages.put_blob(
            s, v4, earlier=third
        )  # packed against the second: two at most
        missing = store_pages.put_blob(s, b"<html>gone</html>", earlier="0" * 64)
    with store.reading() as s:
        rows = {b.sha256: b for b in s.scalars(select(m.Blob))}
        assert rows[first].base is None and rows[missing].base is None
        assert (rows[second].base, rows[third].base, rows[fourth].base) == (first, second, second)
        assert all(len(rows[d].data) < 200 for d in (second, third, fourth))
        pages = [store_pages.get_blob(s, d) for d in (first, second, third, fourth)]
        assert pages == [v1, v2, v3, v4]


def test_a_delta_whose_base_is_gone_says_so_and_the_next_page_is_stored_whole(
    store: st.Store,
) -> None:
    chrome = "".join(f"<li>teaser {i * 7919 % 100003}</li>" for i in range(3000))
    v1, v2, v3 = (f"<html>{chrome}<p>Version {n}.</p></html>".encode() for n in (1, 2, 3))
    with store.transaction() as s:
        first = store_pages.put_blob(s, v1)
        second = store_pages.put_blob(s, v2, earlier=first)
    with store.transaction() as s:  # deleted by hand, as neither writers nor upkeep would
        s.delete(s.get_one(m.Blob, first))
    with store.transaction() as s:
        with pytest.raises(store_pages.PageLostError, match=rf"\({first[:12]}\) is gone"):
            store_pages.get_blob(s, second)
        third = store_pages.put_blob(s, v3, earlier=second)
    with store.reading() as s:
        assert s.get_one(m.Blob, third).base is None and store_pages.get_blob(s, third) == v3


def test_a_page_stored_as_a_delta_is_stored_whole_when_it_comes_whole(store: st.Store) -> None:
    """A page other pages are packed against is always whole in the store, even when the same
    bytes were stored as a delta before (another article's later version, say)."""
    chrome = "".join(f"<li>teaser {i}</li>" for i in range(2000)).encode()
    v1, v2 = chrome + b"<p>One.</p>", chrome + b"<p>Two.</p>"
    with store.transaction() as s:
        delta = store_pages.put_blob(s, v2, earlier=store_pages.put_blob(s, v1))
        assert s.get_one(m.Blob, delta).base is not None
    with store.transaction() as s:
        store_pages.put_blobs(s, [store_pages.pack_blob(v2), store_pages.pack_blob(v1)])
    with store.reading() as s:
        assert s.get_one(m.Blob, delta).base is None and store_pages.get_blob(s, delta) == v2


def test_a_sites_reference_page_serves_while_recent_and_whole(store: st.Store) -> None:
    chrome = "".join(f"<li>teaser {i * 7919 % 100003}</li>" for i in range(3000))
    v1, v2, v3 = (f"<html>{chrome}<p>Story {n}.</p></html>".encode() for n in (1, 2, 3))
    with store.transaction() as s:
        whole = store_pages.put_blob(s, v1)
        delta = store_pages.put_blob(s, v2, earlier=whole)
        store_pages.remember_site_pages(s, {"a.example": whole, "b.example": delta})
    with store.reading() as s:
        reference = store_pages.site_reference(s, "a.example")
        assert reference is not None and (reference.sha256, reference.data) == (whole, v1)
        assert reference.ratio is not None and 0 < reference.ratio < 0.2
        assert store_pages.site_reference(s, "b.example") is None  # a delta is no one's reference
        assert store_pages.site_reference(s, "c.example") is None
    with store.transaction() as s:
        s.get_one(m.SitePage, "a.example").stored_at -= store_pages.SITE_PAGE_MAX_AGE + timedelta(
            hours=1
        )
    with store.reading() as s:
        assert (
            store_pages.site_reference(s, "a.example") is None
        )  # too old: the site may look different
    with store.transaction() as s:
        third = store_pages.put_blob(s, v3)
        store_pages.remember_site_pages(s, {"a.example": third})  # a new page takes its place
    with store.reading() as s:
        reference = store_pages.site_reference(s, "a.example")
        assert reference is not None and reference.sha256 == third
    with store.transaction() as s:  # damaged bytes: no reference rather than a failed batch
        s.get_one(m.Blob, third).data = b"not zlib"
    with store.reading() as s:
        assert store_pages.site_reference(s, "a.example") is None
