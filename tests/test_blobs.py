import random

from newswatch import blobs


def _page(seed: int, article: str) -> bytes:
    """A page of about 120 KB: an article inside chrome and a state script that is random per
    page, so that two pages share little but their template."""
    rnd = random.Random(seed)
    state = ",".join(
        f'{{"id":{rnd.randrange(10**9)},"slot":"ad-{rnd.randrange(40)}"}}' for _ in range(4000)
    )
    return f"<html><script>window.s=[{state}]</script><article>{article}</article></html>".encode()


ARTICLE = "<p>The council approved the budget of 4.2 million on Tuesday.</p>" * 30


def test_a_later_version_is_stored_as_a_small_delta_that_reads_back_exactly() -> None:
    first = _page(1, ARTICLE)
    later = _page(1, ARTICLE.replace("approved", "did not approve", 1))
    row = blobs.pack(later, blobs.Reference("f" * 64, first))
    assert row["base"] == "f" * 64 and row["size"] == len(later)
    assert len(row["data"]) < 500 < len(blobs.pack(later)["data"]) / 50
    assert blobs.unpack(row["data"], first) == later


def test_an_edit_of_a_page_of_megabytes_is_still_a_small_delta() -> None:
    # some news pages weigh 2-3 MB (inline state, styles, images as data); zstd's usual window
    # cannot reach back over such a page, and each new version would be stored whole
    big = b"".join(_page(seed, ARTICLE) for seed in range(20))  # about 2.4 MB
    later = big.replace(b"approved", b"rejected", 1) + b"<p>A paragraph added.</p>"
    row = blobs.pack(later, blobs.Reference("f" * 64, big))
    assert len(big) > 2_000_000 and row["base"] == "f" * 64
    assert len(row["data"]) < 2_000
    assert blobs.unpack(row["data"], big) == later


def test_an_unrelated_page_is_stored_whole_rather_than_against_a_reference_that_does_not_help() -> (
    None
):
    other, page = _page(2, ARTICLE), _page(3, "<p>A different story.</p>")
    row = blobs.pack(page, blobs.Reference("f" * 64, other))
    assert row["base"] is None
    assert blobs.unpack(row["data"]) == page


def test_a_page_is_never_packed_against_itself() -> None:
    page = _page(4, ARTICLE)
    row = blobs.pack(page, blobs.Reference(blobs.pack(page)["sha256"], page))
    assert row["base"] is None and blobs.unpack(row["data"]) == page


def test_a_sites_new_pages_are_packed_against_the_first_one_and_unrelated_sites_alone() -> None:
    packed: list[bool] = []

    def pack_row(data: bytes, reference: blobs.Reference | None) -> dict[str, object]:
        packed.append(reference is not None)
        return blobs.pack(data, reference)

    siblings = blobs.Siblings(pack_row)
    template = [_page(5, f"<p>Story {n}.</p>") for n in range(4)]  # one site, one template
    rows = [siblings.pack("news.example", page) for page in template]
    assert rows[0][1] is None and rows[0][0]["base"] is None
    for row, sibling in rows[1:]:
        assert sibling is not None and row["base"] == rows[0][0]["sha256"]
        assert len(row["data"]) < 300
        assert (
            blobs.unpack(row["data"], sibling.reference.data)
            == template[rows.index((row, sibling))]
        )
    random_pages = [_page(10 + n, "<p>Story.</p>") for n in range(6)]  # nothing in common
    for page in random_pages:
        row, sibling = siblings.pack("other.example", page)
        assert sibling is None and row["base"] is None
    # the first site tried every page; the second gave up after three tries that gained nothing
    assert packed == [False, True, True, True, False, True, True, True, False, False]


def test_a_page_that_shares_half_its_bytes_with_its_sibling_is_stored_against_it() -> None:
    shared = _page(20, "")  # the site's teasers and settings, on every page
    sibling, page = (shared + _page(21 + n, f"<p>Story {n}.</p>") for n in range(2))
    reference = blobs.Reference("f" * 64, sibling)
    row = blobs.pack(page, reference)
    assert row["base"] == "f" * 64 and blobs.unpack(row["data"], sibling) == page
    assert len(row["data"]) < 0.75 * len(blobs.pack(page)["data"])
    # the same decision when the sibling's own compression ratio stands in for the page's
    estimated = blobs.Reference("f" * 64, sibling, len(blobs.pack(sibling)["data"]) / len(sibling))
    assert blobs.pack(page, estimated) == row
    unrelated = _page(30, "<p>Another site.</p>")
    assert blobs.pack(unrelated, estimated) == blobs.pack(unrelated)  # stored whole


def _reference(page: bytes) -> blobs.Reference:
    return blobs.Reference("f" * 64, page, len(blobs.pack(page)["data"]) / len(page))


def test_a_sites_new_pages_are_packed_against_its_stored_reference_page() -> None:
    stored = _page(5, "<p>Yesterday's story.</p>")
    looked: list[str] = []

    def lookup(site: str) -> blobs.Reference | None:
        looked.append(site)
        return _reference(stored) if site == "news.example" else None

    siblings = blobs.Siblings(blobs.pack, lookup)
    pages = [_page(5, f"<p>Story {n}.</p>") for n in range(3)]
    for page in pages:
        row, sibling = siblings.pack("news.example", page)
        assert sibling is not None and sibling.row is None  # in the store already
        assert row["base"] == "f" * 64 and len(row["data"]) < 300
        assert blobs.unpack(row["data"], stored) == page
    assert siblings.made == {} and looked == ["news.example"]  # looked up once a batch
    # a site with no reference page: its first page is stored whole and made its reference
    row, sibling = siblings.pack("other.example", _page(6, "<p>Elsewhere.</p>"))
    assert sibling is None and row["base"] is None
    assert siblings.made == {"other.example": row["sha256"]}
    assert looked == ["news.example", "other.example"]


def test_a_reference_page_from_before_a_redesign_gives_way_to_the_batchs_next_page() -> None:
    before = _reference(_page(40, "<p>Before the redesign.</p>"))
    siblings = blobs.Siblings(blobs.pack, lambda site: before)
    pages = [_page(41, f"<p>Story {n}.</p>") for n in range(6)]  # the new layout's pages
    rows = [siblings.pack("news.example", page)[0] for page in pages]
    assert [row["base"] for row in rows[:4]] == [None] * 4  # three misses, then a new reference
    assert siblings.made == {"news.example": rows[3]["sha256"]}
    assert [row["base"] for row in rows[4:]] == [rows[3]["sha256"]] * 2


def test_a_batch_keeps_the_compressors_of_the_sites_it_used_last_and_no_more() -> None:
    siblings = blobs.Siblings(blobs.pack)
    sites = [f"site{n}.example" for n in range(blobs.KEPT_COMPRESSORS + 2)]
    references: dict[str, blobs.Reference] = {}
    for n, site in enumerate(sites):
        pages = [_page(50 + n, f"<p>Story {k}.</p>") for k in range(3)]
        rows = [siblings.pack(site, page) for page in pages]
        for (row, sibling), page in zip(rows[1:], pages[1:], strict=True):
            assert sibling is not None and len(row["data"]) < 300
            assert blobs.unpack(row["data"], sibling.reference.data) == page
            references[site] = sibling.reference
    kept = [site for site, reference in references.items() if reference.holds_compressor]
    assert kept == sites[-blobs.KEPT_COMPRESSORS :]
    once = blobs.Reference("f" * 64, _page(60, ""))  # packs one page: keeps nothing
    once.compress(_page(60, "<p>Story.</p>"))
    assert not once.holds_compressor
