"""Paywall prompts: a text that stops at one was cut short, and is no version after a whole one."""

import pytest

from newswatch.walls import cut_short, ends_at_wall

STORY = (
    "The harbour authority approved a new ferry timetable on Wednesday.\n"
    "Crossings to the outer islands will run every ninety minutes from March."
)


@pytest.mark.parametrize(
    "prompt",
    [
        "Subscribe to continue reading.",
        "Subscribe now to keep reading",
        "This article is for subscribers only.",
        "Already a subscriber? Log in",
        "Sign in to continue reading",
        "Register for free to continue reading",
        "Create a free account to keep reading.",
        "You have reached your free article limit for this month.",
        "Jetzt weiterlesen mit Abo",
        "Cet article est réservé aux abonnés.",
        "Suscríbete para seguir leyendo",
        "［有料会員限定］ この記事は会員限定です。電子版に登録すると続きをお読みいただけます。",
    ],
)
def test_a_text_that_stops_at_a_wall_s_prompt_was_cut_short(prompt: str) -> None:
    assert ends_at_wall(f"{STORY}\n{prompt}")
    assert not ends_at_wall(f"{prompt}\n{STORY}")  # a prompt higher up cut nothing


def test_reporting_about_subscriptions_is_no_wall() -> None:
    long_line = (
        "The newspaper said its subscribers only learned of the price rise from a letter sent in "
        "the first week of the month, and that it would refund anyone who cancelled before the "
        "end of it; readers' groups called the letter misleading and asked the regulator to look "
        "at how the change had been announced."
    )
    assert not ends_at_wall(f"{STORY}\n{long_line}")
    assert not ends_at_wall(STORY)


def test_only_a_shorter_text_stopping_at_a_new_wall_is_cut_short() -> None:
    whole = STORY + "\nThe authority will review the timetable after the summer."
    cut = STORY + "\nSubscribe to continue reading."
    reason = cut_short(whole, cut)
    assert reason is not None and reason.startswith("paywall: the page showed")
    assert f"{len(cut):,} of the stored version's {len(whole):,}" in reason
    assert "'Subscribe to continue reading.'" in reason
    assert cut_short(cut, whole) is None  # the full text after a cut one is a version
    assert cut_short(cut, STORY + "\nSign in to continue reading") is None  # cut both times
    assert cut_short(whole, STORY) is None  # shorter without a prompt: an edit, judged as such
