"""Page bytes decoded as a browser would (newswatch.decoding)."""

from newswatch.decoding import decode_html


def test_decoding_follows_browser_order() -> None:
    body = "caf\u00e9 \u2014 na\u00efve".encode("cp1252")
    assert decode_html(body, "text/html; charset=windows-1252") == "caf\u00e9 \u2014 na\u00efve"
    assert decode_html(body, "text/html; charset=ISO-8859-1") == "caf\u00e9 \u2014 na\u00efve"
    assert (
        decode_html("\ufeffcaf\u00e9".encode("utf-8"), "text/html; charset=latin-1") == "caf\u00e9"
    )
    # declared UTF-8 but really Windows-1252: the declaration is wrong, detection decides
    assert "caf\u00e9" in decode_html(
        b"<p>caf\xe9 au lait, cr\xe8me br\xfbl\xe9e</p>", "text/html; charset=utf-8"
    )
