"""Page furniture in other languages is known as furniture, and their sentences stay text."""

import pytest

from newswatch.extract import extract
from newswatch.furniture import is_boilerplate
from newswatch.other_languages import little_words
from newswatch.stamps import is_stamp


@pytest.mark.parametrize(
    "line",
    [
        "vor 2 Stunden",
        "Aktualisiert vor 5 Minuten",
        "il y a 3 heures",
        "hace 2 horas",
        "2 ore fa",
        "há 2 horas",
        "2 uur geleden",
        "Anzeige",
        "Publicité",
        "Teilen",
        "3 Min. Lesezeit",
        "Temps de lecture : 4 min",
    ],
)
def test_ages_labels_and_reading_times_elsewhere_are_furniture(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Vor 2 Stunden hat der Rat den Haushalt beschlossen.",
        "Il y a trois ans, le port a fermé.",
        "Hace 2 horas que el puerto está cerrado, dijo el alcalde.",
        "Die Anzeige wurde am Montag erstattet.",
    ],
)
def test_sentences_elsewhere_are_not_furniture(line: str) -> None:
    assert not is_boilerplate(line)


def test_a_stamp_elsewhere_is_a_stamp() -> None:
    assert is_stamp("Mis à jour le 4 décembre 2026 à 09h15")
    assert not is_stamp("Le 4 décembre, le conseil a voté le budget à 17h40.")


def test_a_german_page_s_age_and_ad_label_are_not_its_text() -> None:
    story = "".join(
        f"<p>Der Hafenrat hat am Dienstag beschlossen, die Fahrrinne vor dem Frühjahr "
        f"auszubaggern, Absatz {i}, nach zwei Jahren Streit mit den Fährbetrieben.</p>"
        for i in range(4)
    )
    html = (
        "<html><head><title>Hafenrat</title></head><body><article><h1>Hafenrat stimmt zu</h1>"
        f"<p>vor 2 Stunden</p>{story}<p>Anzeige</p><p>3 Min. Lesezeit</p></article></body></html>"
    )
    text = extract(html, "https://news.example/hafen").text
    assert "Fahrrinne" in text
    assert "vor 2 Stunden" not in text and "Anzeige" not in text and "Lesezeit" not in text


def test_the_little_words_of_a_text_s_language_are_known() -> None:
    german = (
        "Der Rat hat am Dienstag beschlossen, die Rinne auszubaggern. Die Arbeiten sollen im "
        "März beginnen und werden von dem Hafen und dem Land bezahlt, sagte die Sprecherin."
    )
    english = "The council voted on Tuesday to dredge the channel, and the work will begin soon."
    assert {"und", "die", "dem"} <= little_words(german)
    assert little_words(english) == frozenset()
