import pytest

from newswatch.stamps import is_stamp


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("Updated: 1 December 2026, 10:32 GMT", True),
        ("Published 2:05 PM EST, Mon December 1, 2026", True),
        # the same in other languages, and a day said as "today"
        ("Aktualisiert am 3. Dezember 2026, 17:40 Uhr", True),
        ("Stand: 03.12.2026 17:40 Uhr", True),
        ("Mis à jour le 3 décembre 2026 à 17h40", True),
        ("Actualizado: 03/12/2026 17:40", True),
        ("Today, 17:40", True),
        ("Am 3. Dezember starben 12 Menschen.", False),
        ("Die Wahl ist am 3. Dezember.", False),
        ("Last modified on Tue 1 Dec 2026 14.05 CET", True),
        ("· Updated 3 Dec", True),
        ("10:32 GMT, 1 December 2026", True),
        ("By Mira Okafor, 10:32 GMT", True),
        ("By Mira Okafor | Updated 1 Dec 2026", True),
        ("By Tuesday, 4,000 homes had lost power.", False),
        ("1 December 2026", False),  # a date alone may head a timeline
        ("Updated figures show 40 people were hurt on 1 December.", False),
        ("The vote closed at 10:32 on Monday.", False),
        ("Published in 2019, the report was never debated.", False),
        # a byline bar: the writer, the place and the date, side by side
        ("Ana Ruiz | Palma | 08/01/2026", True),
        ("Tom Elling · Harwick · 3 Dec 2026", True),
        ("Coast Post | 3 December 2026 | 17:40", True),
        ("Palma | 08/01/2026", True),
        ("Ana Ruiz | Palma de Mallorca | 08/01/2026", True),
        ("Results | 3-1 | 2-2", False),
        ("Harwick 2 | Rovers 1", False),
        ("The council voted | 8 to 4 | on 3 December", False),
    ],
)
def test_publication_and_update_stamps_are_told_from_sentences(line: str, stamp: bool) -> None:
    assert is_stamp(line) is stamp
