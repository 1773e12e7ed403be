"""Which words of a headline its article's text tells.

A headline says in few words what the text says at length, in other forms of the same words:
"Firm's boss quits" for "the company's chief executive resigned", "steal" for "stole",
"collision" for "collided", "green light" for "approved". ``untold`` is what is left: the words
a headline took in or let go that the text does not have, which make a headline say something
new. ``content`` reads a headline's words, leaving out its framing ("Why ...", "Tragedy as ...")
and its light verbs. ``qualifier_untold`` keeps a qualifier the headline took in or dropped
unless the text states it (an office's word dropped, "Former PM" -> "PM", stays a change).
"""

from __future__ import annotations

import re
from functools import lru_cache

from newswatch import detectors as d
from newswatch.edits import FUNCTION_WORDS, NEGATORS, WORD, Claim, Pair
from newswatch.figure_forms import vague_covers
from newswatch.numbers import Figure, find_figures
from newswatch.phrases import HEADLINE_WORDS, VERB_FORMS
from newswatch.qualifiers import CHANGES, DEATH, deaths
from newswatch.sourcing import sourcing_claim
from newswatch.word_classes import CONTRASTS

# a headline's "steal" is told by the text's "stole"
_FORMS_OF = {d.stem(form): {d.stem(f) for f in forms} for forms in VERB_FORMS for form in forms}


def untold(pair: Pair, context: d.Context) -> set[str]:
    """The words the headline took in or let go that the new text does not have: none, and the
    story says what both headlines say. A word only moved ("Police: driver was drunk" ->
    "Driver was drunk, police say") is neither, and nor is the "say" of a source kept."""
    taken, put = (
        {d.stem(w) for text in texts for w in content(_IDIOM.sub(_idiom, text))}
        for texts in ([h.removed for h in pair.hunks], [h.added for h in pair.hunks])
    )
    # a word let go counts only where the old text had it (the story changed with it, as
    # "heavy rain" gone from both), not a headline's own word ("new" for "latest")
    unsaid = ((put - taken) | ((taken - put) & context.old_words)) - context.new_words - _SAY
    if unsaid:
        unsaid -= _counts_told(pair.new.text, context.new_text)
    # a short word the stem leaves whole: "name" is told where the text says "named"
    return {
        w
        for w in unsaid
        if not any(inflected(w, told) for told in context.new_words)
        and not _HEADLINESE.get(w, frozenset()) & context.new_words
        and not _FORMS_OF.get(w, set()) & context.new_words
        and not _derived(w) & context.new_words
        and not _synonym_told(w, context.new_words)
    }


def _counts_told(headline: str, text: str) -> set[str]:
    """The words of the headline's counts in words that cover a count the text gives:
    "Hundreds of flights cancelled" where the text says "more than 400 flights"."""
    counts = [f for f in find_figures(headline) if f.kind == "number"]
    if not counts:
        return set()  # (the text is read only for a headline with a count)
    told = _figures_of(text)
    return {
        d.stem(w)
        for f in counts
        if any(vague_covers(f, exact) for exact in told)
        for w in WORD.findall(f.surface)
    }


@lru_cache(maxsize=64)
def _figures_of(text: str) -> tuple[Figure, ...]:
    """The figures of an article's text. Cached: each headline rule that reads the text asks."""
    return tuple(find_figures(text))


# the stems of the words of each class of ``word_classes``: words of one class say one thing
_CLASSES_OF: dict[str, set[tuple[int, int]]] = {}
for _kind, _line in enumerate(CONTRASTS):
    for _index, _words in enumerate(_line.split("|")):
        for _word in _words.split():
            _CLASSES_OF.setdefault(d.stem(_word), set()).add((_kind, _index))


def _synonym_told(word: str, told: frozenset[str]) -> bool:
    """The text has a word of the class of ``word`` (a stem): "Bank lifts rates" is told by
    "raised interest rates", "Firm to axe jobs" by "would cut 1,200 jobs"."""
    own = _CLASSES_OF.get(word)
    return own is not None and bool(own & _classes_told(told))


@lru_cache(maxsize=64)
def _classes_told(told: frozenset[str]) -> frozenset[tuple[int, int]]:
    """Every class a word of the text's vocabulary (stems) is in. Cached: read once per text."""
    return frozenset(c for w in told for c in _CLASSES_OF.get(w, ()))


# the stems of a wrong a headline may lay at someone's door
_ALLEGATIONS = (
    "abus",
    "assault",
    "harass",
    "bully",
    "corrupt",
    "fraud",
    "brib",
    "rape",
    "murder",
    "theft",
    "racis",
    "misconduct",
    "negligen",
    "embezzl",
    "launder",
    "cheat",
    "lie",
    "lied",
)


def alleges_untold(pair: Pair, context: d.Context) -> bool:
    """The headline took in a wrong the text does not tell ("suspended over complaints" ->
    "suspended over abuse claims"): a charge laid in the headline alone."""
    return any(w.startswith(_ALLEGATIONS) for w in untold(pair, context))


# a headline's idiom for what the text says plainly: "green light" for "approved"
_IDIOMS = {
    "green light": "approved", "go-ahead": "approved", "go ahead": "approved",
    "in a row": "consecutive",  # a streak: "for third month in a row"
    "walk out": "strike", "walks out": "strike", "walked out": "strike",
    "car-free": "ban", "traffic-free": "ban", "smoke-free": "ban",
    "break-ins": "burglaries", "break-in": "burglary",
    "brought forward": "earlier", "bring forward": "earlier", "brings forward": "earlier",
    "pushed back": "later", "push back": "later", "pushes back": "later",
}  # fmt: skip
_IDIOM = re.compile(r"\b(?:" + "|".join(_IDIOMS) + r")\b", re.I)


def _idiom(match: re.Match[str]) -> str:
    return _IDIOMS[match.group(0).lower()]


def _derived(word: str) -> set[str]:
    """The stems of the verb a noun is made from: "collision" is told by "collided",
    "evacuation" by "evacuated", "approval" by "approved", "closure" by "closed", "savings" by
    "save"."""
    if word.endswith("ssion"):
        return {word[:-3]}  # "discussion"
    if word.endswith("sion"):
        return {word[:-4] + "d"}  # "collision", "decision", "explosion"
    if word.endswith("ation"):
        return {word[:-5], word[:-5] + "at"}  # "resignation", "evacuation"
    if word.endswith("tion"):
        return {word[:-3]}  # "election", "protection"
    if word.endswith(("al", "ure")) and len(word) > 6:
        return {word[:-2], word[:-3]}  # "approval", "closure", "departure"
    if word.endswith("ery") and len(word) > 6:
        return {word[:-3]}  # "bribery" is told by "bribes"
    if word.endswith("ing") and len(word) > 5:
        return {word[:-3], word[:-3] + "e"}  # "savings" ("saving") is told by "save"
    return set()


# Headline words for what the text says at length: "Firm's boss quits after probe" tells what
# "the company's chief executive resigned after an investigation" does
_HEADLINESE = {
    d.stem(short): frozenset(d.stem(w) for w in told.split())
    for short, told in HEADLINE_WORDS.items()
}


def inflected(word: str, other: str) -> bool:
    if other in (word + "er", word + "est"):
        return True  # "low" told by "lowest"
    return len(word) >= 4 and other.startswith(word) and len(other) - len(word) <= 2


# a headline's verb for where its claim comes from: "..., police say", "..., document shows"
_SAY = frozenset(
    d.stem(w) for w in ("say", "says", "said", "show", "shows", "showed", "reveals", "revealed")
)
# words that frame a headline rather than state it: "Why the deal collapsed", "Here's why",
# "New iPhone: Everything you need to know"
_FRAMING = frozenset(
    {"why", "how", "what", "here", "s", "everything", "need", "know", "explained", "explainer"}
    # a headline's feeling about the story, and its light verbs ("Rovers to get new stadium")
    | {"tragedy", "tragic", "horror", "heartbreak", "agony", "shock", "drama", "damning"}
    | {"scathing"}
    | {"get", "gets", "got", "give", "gives", "gave", "make", "makes", "go", "goes"}
    | {"amid"}  # a headline's link between two parts of the story, as "as" is
    | {"again"}  # "Rates rise again": a story's next step, which the text tells as its own
)


# the day as a headline tells it ("Vote tonight"): the day the text dates, however it says it
RELATIVE_DAY = re.compile(r"(?:to(?:day|night)|this (?:morning|afternoon|evening)|overnight)", re.I)
_FRAMING |= {"today", "tonight", "overnight"}


def content(text: str) -> list[str]:
    return [
        w.lower()
        for w in WORD.findall(text)
        if w.lower() not in FUNCTION_WORDS and w.lower() not in _FRAMING and not w.isdigit()
    ]


SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")  # where a sentence of the text ends
_DENIED_WITHIN = 4  # words between a "not" and the word it denies


def denied_in_text(pair: Pair, context: d.Context) -> str | None:
    """A word the headline put in that the text only ever denies, or only warns of: "Man dies
    and lorry driver hurt in A40 crash" where the text says "The lorry driver was not hurt",
    "Tsunami hits Velmar" where it tells of a tsunami warning."""
    if any(w.lower() in _NEGATORS for w in WORD.findall(pair.new.text)):
        return None  # a headline that denies something is the negation rules'
    taken = {d.stem(w) for h in pair.hunks for w in content(h.removed)}
    put = [(w, d.stem(w)) for h in pair.hunks for w in content(h.added) if d.stem(w) not in taken]
    put = [(w, stem) for w, stem in put if len(stem) >= 3 and stem in context.new_words]
    if not put:
        return None
    sentences = _sentence_words(context.new_text)
    headline = [w.lower() for w in WORD.findall(pair.new.text)]
    for word, stem in put:
        if _denied(headline, stem) or _lost(headline, stem):
            # the headline warns of it too ("Earthquake triggers tsunami warning"), or tells
            # of it lost as the text tells of people without it ("200,000 lose power")
            continue
        told = [words for words, stems in sentences if stem in stems]
        if told and all(_denied(words, stem) for words in told):
            return word
    return None


def _sentence_words(text: str) -> list[tuple[list[str], set[str]]]:
    """Each sentence's words in lower case, and their stems."""
    found = []
    for sentence in SENTENCE_END.split(text):
        words = [w.lower() for w in WORD.findall(sentence)]
        found.append((words, {d.stem(w) for w in words}))
    return found


# the word reader splits "wasn't" into "wasn" and "t": NEGATORS holds the "t"
_NEGATORS = NEGATORS | {"nobody", "none"}


def _denied(words: list[str], stem: str) -> bool:
    """Each time ``stem`` stands in the sentence, a negation comes a few words before it, or a
    warning right after it: "a tsunami warning was issued and later lifted" tells of no
    tsunami, so "Tsunami hits Velmar" is a word the text denies."""
    return all(
        any(w in _NEGATORS for w in words[max(0, i - _DENIED_WITHIN) : i])
        or (i + 1 < len(words) and words[i + 1] in _WARNED)
        for i in _where(words, stem)
    )


def _lost(words: list[str], stem: str) -> bool:
    """A verb of losing stands just before ``stem`` each time the headline has it, or one of
    getting it back stands beside it ("Power to return", "restores power")."""
    at = _where(words, stem)
    return bool(at) and all(
        any(w in _LOSING or w in _RESTORING for w in words[max(0, i - 2) : i])
        or any(w in _RESTORING for w in words[i + 1 : i + 3])
        for i in at
    )


def _where(words: list[str], stem: str) -> list[int]:
    """Where ``stem`` stands among ``words``."""
    return [i for i, w in enumerate(words) if d.stem(w) == stem]


_LOSING = frozenset({"lose", "loses", "lost", "losing", "lack", "lacks", "lacking"})
_RESTORING = frozenset(
    {"return", "returns", "returned", "restore", "restores", "restored", "back", "reconnected"}
)
_WARNED = frozenset({"warning", "warnings", "alert", "alerts", "watch", "threat", "fears", "scare"})


def qualifier_untold(claim: Claim | None, context: d.Context) -> Claim | None:
    """A qualifier the headline took in or dropped, unless the article's text states it ("Tom
    Ward sacked" -> "Tom Ward sacked as deputy prime minister", the text telling of "her
    deputy"): then the headline tells more (or less) of the story, as it stands."""
    if claim is None:
        return None
    if _office_dropped(claim):
        return claim  # "Former PM dies" -> "PM dies": another office, whatever the text says
    word = claim.new_value or claim.old_value or ""
    # "kills" is told by "killing": each word in another form
    stems = [d.stem(w.lower()) for w in WORD.findall(word)]
    told = (
        phrase_in(word, context.new_text)
        or (bool(stems) and all(s in context.new_words for s in stems))
        # "death" is told by "found dead": any death the text tells
        or (DEATH.fullmatch(word) is not None and deaths(context.new_text) > 0)
    )
    return None if word and told else claim


def _office_dropped(claim: Claim) -> bool:
    """An office's or a charge's word dropped ("former", "attempted"), no form of it left."""
    dropped = (claim.old_value or "").strip()
    kept = {d.stem(w) for w in WORD.findall(claim.new or "")}
    return bool(CHANGES.fullmatch(dropped)) and not claim.new_value and d.stem(dropped) not in kept


def phrase_in(phrase: str, text: str) -> bool:
    return (
        re.search(r"\b" + r"\s+".join(map(re.escape, phrase.split())) + r"\b", text, re.I)
        is not None
    )


def new_source(pair: Pair) -> bool:
    """The headline names a source it did not name: "Minister lied" -> "Minister lied, report
    says". A source it named as its subject is the same ("Unions anger at job cuts" -> "Job
    cuts a betrayal, say unions")."""
    claim = sourcing_claim(pair)
    if claim is None:
        return False
    value = claim.new_value or claim.old_value or ""
    other = pair.old.text if claim.new_value else pair.new.text
    who = {d.stem(w) for w in content(value)} - _SAY
    return not who or not who <= {d.stem(w) for w in content(other)}
