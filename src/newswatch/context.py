"""What the claim rules may know of the whole article, and the word stem they compare by.

``Context`` holds both versions' texts and works out, on first use, what the detectors ask of
them: their vocabularies, their neighbouring word pairs, the words they capitalise as names and
(for a German text) the capitalised words that are nouns.
"""

from __future__ import annotations

from functools import cached_property, lru_cache
from itertools import pairwise

from newswatch.edits import FUNCTION_WORDS, WORD
from newswatch.names import common_nouns, proper_names
from newswatch.number_words import WORD_NUMBERS
from newswatch.other_languages import little_words
from newswatch.phrases import VERB_FORMS


class Context:
    """What the detectors may know of the whole article: its words before and after (worked
    out on first use: most comparisons never need them)."""

    def __init__(self, old_text: str, new_text: str) -> None:
        self.old_text = old_text
        self.new_text = new_text

    @cached_property
    def _proper(self) -> tuple[frozenset[str], frozenset[str]]:
        (old_any, old_alone), (new_any, new_alone) = map(
            proper_names, (self.old_text, self.new_text)
        )
        return old_any | new_any, old_alone | new_alone

    @property
    def proper(self) -> frozenset[str]:
        """The words either version capitalises inside a sentence, alone or ending a name."""
        return self._proper[0]

    @property
    def proper_alone(self) -> frozenset[str]:
        """The words either version capitalises alone inside a sentence ("in Geneva")."""
        return self._proper[1]

    @cached_property
    def nouns(self) -> frozenset[str]:
        """Capitalised words that are nouns, not names (a German text's: ``common_nouns``)."""
        return common_nouns(self.old_text) | common_nouns(self.new_text)

    @cached_property
    def little(self) -> frozenset[str]:
        """The words that carry grammar, not news: English's, and the article's language's
        when it is another (``other_languages.little_words``)."""
        other = little_words(self.old_text)
        return FUNCTION_WORDS | other if other else FUNCTION_WORDS

    @cached_property
    def old_pairs(self) -> frozenset[tuple[str, str]]:
        return word_pairs(self.old_text, self.little)

    @cached_property
    def new_pairs(self) -> frozenset[tuple[str, str]]:
        return word_pairs(self.new_text, self.little)

    @cached_property
    def old_words(self) -> frozenset[str]:
        return vocabulary(self.old_text)

    @cached_property
    def new_words(self) -> frozenset[str]:
        return vocabulary(self.new_text)


# the number words from two to ninety, as the digits they are written in too ("one" is more
# often a pronoun than a count)
_COUNTS = {
    w: str(int(v))
    for w, v in WORD_NUMBERS.items()
    if w.isalpha() and 2 <= v <= 90 and w not in ("dozens", "twice")
}


# four-letter words that end in "s" without being plurals
_NOT_PLURAL = frozenset({"news", "does", "goes", "yes", "whereas", "plus", "thus", "less"})


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, language-light stem: enough to see "troops"/"troop", "rapes"/"raped" or
    "dropped"/"drops" as one word."""
    w = word.lower()
    if w in _COUNTS:
        return _COUNTS[w]  # "fourteen" is "14": the same count, written either way
    if len(w) > 5 and w.endswith(("ies", "ied")):
        return stem(w[:-3] + "y")  # "injuries" is "injury", "studied" "study", "cities" "city"
    if len(w) > 5 and w.endswith("ury"):
        return w[:-1]  # "injury" is "injured"'s stem
    if len(w) == 4 and w.endswith("s") and w[-2] not in "suiy" and w not in _NOT_PLURAL:
        return w[:-1]  # "jobs" is "job", "cuts" "cut"
    for suffix in ("ings", "ing", "edly", "ed", "es", "s", "ly"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
                w = w[:-1]  # dropp -> drop, but keep "fall", "miss", "agree"
            return _without_e(w)
    return _without_e(w)


def _without_e(w: str) -> str:
    """ "charge" is "charg", as "charges" and "charged" stem to it; "agree" keeps its "ee"."""
    return w[:-1] if len(w) > 4 and w[-1] == "e" and w[-2] != "e" else w


def word_pairs(text: str, little: frozenset[str] = FUNCTION_WORDS) -> frozenset[tuple[str, str]]:
    """Each two content words that follow each other (``little`` words skipped), stemmed: what
    a sentence says, more than its words alone do."""
    words = [stem(w) for w in WORD.findall(text) if w.lower() not in little]
    return frozenset(pairwise(words))


def vocabulary(text: str) -> frozenset[str]:
    return frozenset(stem(w) for w in WORD.findall(text))


# The forms of common verbs whose past no suffix makes (the headline rules' list), with the
# forms the stem does not join to them and two verbs that list leaves out
_MORE_FORMS = ["go/goes/going", "come/coming", "fly/flies", "say/says/said", "get/got"]
_VERB_OF = {
    stem(form): forms[0]
    for forms in [*VERB_FORMS, *(f.split("/") for f in _MORE_FORMS)]
    for form in forms
}


def _verb(word: str) -> str | None:
    """The verb an irregular form belongs to ("went" -> "go"), with its "-s" ("wins")."""
    for form in (word, word.removesuffix("s")):
        if stem(form) in _VERB_OF:
            return _VERB_OF[stem(form)]
    return None


def same_verb(one: str, other: str) -> bool:
    """Two forms of one verb: "opens" and "opened", "go" and "went"."""
    a, b = one.lower(), other.lower()
    return stem(a) == stem(b) or (_verb(a) is not None and _verb(a) == _verb(b))
