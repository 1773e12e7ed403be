"""A figure in other units: a temperature in the other scale ("100F" and "38C"), a height in
feet and inches or in metres ("6ft 4in" and "1.93m"). The figure rules read these as one figure
converted, not as figures changed.
"""

from __future__ import annotations

import re

from newswatch.edits import Pair
from newswatch.numbers import Figure


def same_temperature(old: str, new: str) -> bool:
    """ "100F" and "38C": one temperature in the two scales (to the degree news rounds to)."""
    try:
        a, b = float(old[:-1]), float(new[:-1])
    except ValueError:
        return False
    scales = old[-1:].upper() + new[-1:].upper()
    if scales == "FC":
        a = (a - 32) * 5 / 9
    elif scales == "CF":
        b = (b - 32) * 5 / 9
    else:
        return False
    return abs(a - b) <= 1


# a height in feet and inches, and in metres: "6ft 4in" is "1.93m"
_FEET = re.compile(r"\b(\d)\s?(?:ft|feet|foot)\b(?:\s?(\d{1,2})\s?(?:in|inches)\b)?", re.I)
_METRES = re.compile(r"\b(\d(?:\.\d{1,2})?)\s?-?(?:m|metres?|meters?)\b", re.I)
HEIGHT_SLACK = 0.01  # and a centimetre more than the rounding of its last decimal


def without_heights_converted(
    lost: list[Figure], got: list[Figure], pair: Pair
) -> tuple[list[Figure], list[Figure]]:
    """The figures of a height in feet and inches on one side that the other side gives in
    metres (or the other way round) are no figures lost or got."""
    for feet_text, metres_text, feet_side, metres_side in (
        (pair.old.text, pair.new.text, lost, got),
        (pair.new.text, pair.old.text, got, lost),
    ):
        for feet in _FEET.finditer(feet_text):
            metres = int(feet.group(1)) * 0.3048 + int(feet.group(2) or 0) * 0.0254
            match = next(
                (m for m in _METRES.finditer(metres_text) if _near(m.group(1), metres)), None
            )
            if match is None:
                continue
            feet_side[:] = [f for f in feet_side if not _inside(f, feet.span())]
            metres_side[:] = [f for f in metres_side if not _inside(f, match.span())]
    return lost, got


def _inside(figure: Figure, span: tuple[int, int]) -> bool:
    return span[0] <= figure.span[0] and figure.span[1] <= span[1]


def _near(written: str, metres: float) -> bool:
    """``written`` metres is ``metres`` rounded as written ("1.8" for 1.83)."""
    decimals = len(written.partition(".")[2])
    return abs(float(written) - metres) <= 0.5 * 10.0**-decimals + HEIGHT_SLACK
