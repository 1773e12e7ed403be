"""Names: finding them in a sentence and telling when two are the same person, place or body.

"PM of NZ" and "Prime Minister of NZ", "American" and "United States", "Spears" and "Britney"
in an article about Britney Spears: a name written another way is not a new name, and the entity
detectors must not report it as one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from newswatch.edits import WORD
from newswatch.peoples import same_people

# a run of capitalised words; a dotted acronym ("U.S.") or a middle initial ("Zoe A. Brand")
# does not end it
_PART = r"(?:(?:[A-Z]\.){2,}|[A-Z]\.(?=\s+[A-Z][a-z])|[A-Z][\w'\-]*)"
ENTITY = re.compile(rf"(?<!\w){_PART}(?:\s+(?:of|de|la|van|von|al|bin|du|der)?\s*{_PART})*")
NOT_NAMES = frozenset(
    """a an the he she it they we i you his her its their our my your this that these those there
    here in on at by for from to of and but or if when while after before as with without
    however meanwhile also mr mrs ms dr prof sir according yesterday today tomorrow monday
    tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december some many most each every all both other another
    no not one two three several yet although though because since despite still instead indeed
    thus therefore moreover furthermore nevertheless nonetheless so then now later earlier
    finally everyone everybody someone somebody nobody anyone anybody celsius fahrenheit
    centigrade""".split()  # a temperature's scale is the figure's
    # a time's zone is the figure's too ("at 02:40 BST" -> "at 02:40")
    + "gmt bst utc cet cest eet eest est edt cst cdt mst mdt pst pdt aest aedt ist jst".split()
)


_BODY_WORDS = (
    "service organisation organization bureau agency union council fund bank party court "
    "commission office department authority board association federation committee company "
    "corporation institute ministry force army navy"
)


def same_name(a: str, b: str) -> bool:
    """A spelling fix, a fuller or shorter form, an acronym or another usual name of the same
    person, place or body."""
    a, b = _POSSESSIVE.sub("", a), _POSSESSIVE.sub("", b)  # "China's embassy": "China"
    wa, wb = set(WORD.findall(a.lower())), set(WORD.findall(b.lower()))
    squash_a, squash_b = "".join(WORD.findall(a.lower())), "".join(WORD.findall(b.lower()))
    return (
        _plain(a) == _plain(b)
        or _spelt_alike(a.lower(), b.lower())
        or _abbreviated(a, b)
        or (bool(wa) and bool(wb) and (wa <= wb or wb <= wa))
        or squash_a == squash_b
        or acronym_of(a, b)
        or acronym_of(b, a)
        or _expands(a, b)
        or _expands(b, a)
        or (_country(a) is not None and _country(a) == _country(b))
        or _demonym(a, b)
        or same_people(a, b)
        or _same_place_word_for_word(a, b)
        or (_party_state(a) is not None and _party_state(a) == _party_state(b))
    )


# a member's party and state, as US papers write them: "R-Texas" and "Texas Republican"
_PARTY_LETTER = re.compile(r"([RDI])-([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)")
_PARTY_WORDS = {"republican": "R", "democrat": "D", "democratic": "D", "independent": "I"}


def _party_state(name: str) -> tuple[str, str] | None:
    letter = _PARTY_LETTER.fullmatch(name)
    if letter:
        return letter.group(1), letter.group(2).rstrip(".").lower()
    *state, party = name.split() or [""]
    if party.lower() in _PARTY_WORDS and state:
        return _PARTY_WORDS[party.lower()], " ".join(state).lower()
    return None


# a possessive's ending: "China's", "the workers'" (one pattern for the module: it was written
# twice, and the second, which took the lone apostrophe too, was the one in force)
_POSSESSIVE = re.compile(r"['’]s?$")


def without_possessive(word: str) -> str:
    """``word`` without its possessive ending: "China's" -> "China"."""
    return _POSSESSIVE.sub("", word)


def _same_place_word_for_word(a: str, b: str) -> bool:
    """The same name but for one place said another way: "the UK's Foreign Office" and "the
    British Foreign Office", "Russia's army" and "the Russian army"."""
    wa = [_POSSESSIVE.sub("", w) for w in a.split()]
    wb = [_POSSESSIVE.sub("", w) for w in b.split()]
    if len(wa) != len(wb) or len(wa) < 2:
        return False
    differ = [(x, y) for x, y in zip(wa, wb, strict=True) if x.lower() != y.lower()]
    return len(differ) == 1 and any(
        (_country(x) is not None and _country(x) == _country(y)) or _demonym(x, y)
        for x, y in differ
    )


def _abbreviated(a: str, b: str) -> bool:
    """Word for word the same name, some words cut short in one: "Quay St" and "Quay Street",
    "Gen Ann Marsh" and "General Ann Marsh"."""
    wa, wb = WORD.findall(a), WORD.findall(b)
    return (
        len(wa) == len(wb)
        and wa != wb
        and all(
            x == y or _cut_short(x, y) or _cut_short(y, x) or _nickname(x, y)
            for x, y in zip(wa, wb, strict=True)
        )
    )


# First names and their usual short forms: "Tom Harlow" and "Thomas Harlow" are one person.
# Only forms in common use; "Jo" may be Joanna or John, so it is not listed.
_NICKNAMES = {
    frozenset(p.split("/"))
    for p in """tom/thomas tommy/thomas bill/william will/william billy/william bob/robert
    rob/robert bobby/robert jim/james jimmy/james mike/michael mick/michael dave/david
    chris/christopher alex/alexander alex/alexandra liz/elizabeth beth/elizabeth
    kate/katherine kate/catherine kathy/katherine dan/daniel danny/daniel joe/joseph
    tony/anthony andy/andrew matt/matthew nick/nicholas steve/stephen steve/steven
    ben/benjamin sam/samuel pat/patrick pat/patricia ed/edward ted/edward eddie/edward
    rick/richard dick/richard ron/ronald don/donald greg/gregory jeff/jeffrey jon/jonathan
    tim/timothy pete/peter phil/philip fred/frederick charlie/charles chuck/charles
    jack/john johnny/john larry/lawrence jenny/jennifer jen/jennifer sue/susan
    maggie/margaret meg/margaret vicky/victoria becky/rebecca nate/nathan zach/zachary
    abby/abigail ray/raymond ken/kenneth walt/walter jerry/gerald harry/henry
    """.split()
}


def _nickname(a: str, b: str) -> bool:
    return frozenset((a.lower(), b.lower())) in _NICKNAMES


# Words names are written with cut short: titles, ranks, streets and kinds of body
_ABBREVIATIONS = {
    "st": ("street", "saint"), "ave": ("avenue",), "rd": ("road",), "blvd": ("boulevard",),
    "mt": ("mount", "mountain"), "ft": ("fort",), "gen": ("general",), "sen": ("senator",),
    "rep": ("representative",), "gov": ("governor",), "lt": ("lieutenant",),
    "col": ("colonel",), "sgt": ("sergeant",), "capt": ("captain",), "cpl": ("corporal",),
    "adm": ("admiral",), "prof": ("professor",), "dr": ("doctor", "drive"),
    "supt": ("superintendent",), "insp": ("inspector",), "det": ("detective",),
    "cllr": ("councillor",), "pres": ("president",), "jr": ("junior",), "sr": ("senior",),
    "co": ("company", "county"), "corp": ("corporation",), "inc": ("incorporated",),
    "ltd": ("limited",), "dept": ("department",), "univ": ("university",), "lib": ("liberal",),
    "intl": ("international",), "natl": ("national",), "assn": ("association",),
    "dems": ("democrats",), "tories": ("conservatives",), "tory": ("conservative",),
    # US states as news style cuts them short ("Redding, Calif.")
    "ala": ("alabama",), "ariz": ("arizona",), "ark": ("arkansas",), "calif": ("california",),
    "colo": ("colorado",), "conn": ("connecticut",), "del": ("delaware",), "fla": ("florida",),
    "ga": ("georgia",), "ill": ("illinois",), "ind": ("indiana",), "kan": ("kansas",),
    "ky": ("kentucky",), "la": ("louisiana",), "md": ("maryland",), "mass": ("massachusetts",),
    "mich": ("michigan",), "minn": ("minnesota",), "miss": ("mississippi",),
    "mo": ("missouri",), "mont": ("montana",), "neb": ("nebraska",), "nev": ("nevada",),
    "okla": ("oklahoma",), "ore": ("oregon",), "pa": ("pennsylvania",), "tenn": ("tennessee",),
    "vt": ("vermont",), "va": ("virginia",), "wash": ("washington",), "wis": ("wisconsin",),
    "wyo": ("wyoming",),
}  # fmt: skip


def _cut_short(short: str, long: str) -> bool:
    """ "St" for "Street", "Sgt" for "Sergeant"."""
    return long.lower() in _ABBREVIATIONS.get(short.lower(), ())


def _plain(name: str) -> str:
    """The name's letters without accents: "Zoë" and "Zoe" are one spelling."""
    decomposed = unicodedata.normalize("NFKD", name.lower())
    return "".join(ch for ch in decomposed if ch.isalnum())


def _spelt_alike(a: str, b: str) -> bool:
    """A spelling fix: the words the two names do not share (at their start or end) differ by a
    letter or two. "Prime Minister Jane Doe" and "Prime Minister John Roe" share most of their
    letters but name two people."""
    wa, wb = a.split(), b.split()
    while len(wa) > 1 and len(wb) > 1 and wa[0] == wb[0]:
        wa, wb = wa[1:], wb[1:]
    while len(wa) > 1 and len(wb) > 1 and wa[-1] == wb[-1]:
        wa, wb = wa[:-1], wb[:-1]
    x, y = " ".join(wa), " ".join(wb)
    ratio = fuzz.ratio(x, y)
    if ratio < 80:
        return False
    # another first letter ("Eastfield", "Westfield") or more letters put in or taken out
    # ("Austria", "Australia"; "Niger", "Nigeria") is another name; a transliteration may
    # change a first letter of one sound ("Gaddafi", "Qaddafi")
    if x[:1] != y[:1] and frozenset((x[:1], y[:1])) not in _ONE_SOUND:
        return False
    return abs(len(x) - len(y)) <= 1 or ratio >= 90


_ONE_SOUND = {frozenset(p) for p in ("ck", "cq", "kq", "gq", "gk", "fp", "jy", "iy", "ae", "ei")}


# Usual other names of the countries (and a few cities) news most often writes about in
# English, demonyms and former names included: "American" for "United States" and "Kyiv" for
# "Kiev" are the same place, not a new one.
_COUNTRIES = {
    "us": ("united states", "united states of america", "usa", "u.s", "u.s.a", "america",
           "american", "americans"),
    "uk": ("united kingdom", "britain", "great britain", "british", "u.k"),
    "eu": ("european union", "e.u"),
    "un": ("united nations", "u.n"),
    "nz": ("new zealand", "new zealander"),
    "uae": ("united arab emirates", "emirati", "emirates"),
    "drc": ("democratic republic of the congo", "dr congo"),
    "myanmar": ("burma",), "turkey": ("turkiye", "türkiye"), "czechia": ("czech republic",),
    "eswatini": ("swaziland",), "north macedonia": ("macedonia",),
    # places renamed or spelt anew, which style guides switch between
    "kyiv": ("kiev",), "kharkiv": ("kharkov",), "odesa": ("odessa",), "mumbai": ("bombay",),
    "chennai": ("madras",), "kolkata": ("calcutta",), "beijing": ("peking",),
}  # fmt: skip
_COUNTRY_OF = {alias: key for key, aliases in _COUNTRIES.items() for alias in (key, *aliases)}


def _country(name: str) -> str | None:
    key = re.sub(r"\s+", " ", re.sub(r"^the ", "", name.lower().strip())).rstrip(".")
    return _COUNTRY_OF.get(key)


def is_country_word(word: str) -> bool:
    """A country's name, short name or adjective: "US", "American", "Britain", "British"."""
    return _country(word) is not None


def _demonym(a: str, b: str) -> bool:
    """One word names a place, the other its people or adjective: Russia/Russian, Italy/Italian,
    China/Chinese, Iraq/Iraqi."""
    short, long = sorted((a.lower(), b.lower()), key=len)
    if " " in short or " " in long or len(short) < 4:
        return False
    for base in (short, short[:-1]):
        if long.startswith(base) and long[len(base) :] in ("n", "an", "ian", "ese", "i", "ish"):
            return True
    return False


def _expands(short: str, long: str) -> bool:
    """``short`` writes some words of ``long`` as an acronym: "PM of NZ" for "Prime Minister of
    NZ", "UK Prime Minister" for "United Kingdom Prime Minister"."""
    s, l_ = WORD.findall(short), WORD.findall(long)
    if not any(w.isupper() and len(w) > 1 for w in s):
        return False
    i = 0
    for word in s:
        if i < len(l_) and word.lower() == l_[i].lower():
            i += 1
            continue
        if word.isupper() and len(word) > 1 and i + len(word) <= len(l_):
            run = l_[i : i + len(word)]
            if "".join(w[0] for w in run).upper() == word and all(w[0].isupper() for w in run):
                i += len(word)
                continue
        country = _country(word)
        if country is not None:
            for width in (3, 2):
                if _country(" ".join(l_[i : i + width])) == country:
                    i += width
                    break
            else:
                return False
            continue
        return False
    return i == len(l_)


def spelt_out_at(short: str, text: str) -> tuple[int, int] | None:
    """Where ``text`` spells out the acronym ``short`` in consecutive words ("CFB" in "the
    Coastal Fisheries Board"), as a span of ``text``."""
    if _acronym_letters(short) is None or not 1 < len(short) <= 8:
        return None
    words = list(WORD.finditer(text))
    # a title's "officer" is often left out when it is spelt out: "CEO", "chief executive"
    forms = {short, short[:-1]} if len(short) >= 3 and short.endswith("O") else {short}
    for k in range(2, len(short) + 4):
        for start in range(0, len(words) - k + 1):
            run = words[start : start + k]
            if any(acronym_of(form, " ".join(w.group() for w in run)) for form in forms):
                return run[0].start(), run[-1].end()
    return None


def stands_for_words_in(short: str, text: str) -> bool:
    """``short`` is an acronym of consecutive words in ``text`` ("CFB" in "the Coastal
    Fisheries Board"), or of a body's name said after "the" ("the health service")."""
    if _acronym_letters(short) is None or not 1 < len(short) <= 8:
        return False
    if spelt_out_at(short, text) is not None:
        return True
    # the name's last words after "the": "the health service" for the NHS, "the health
    # organisation" for the WHO
    letters = _acronym_letters(short) or ""
    body = _BODIES.get(letters[-1:].lower())
    return body is not None and any(
        re.search(
            r"\bthe\s+" + "".join(rf"{c}[\w-]*\s+" for c in letters[i:-1]) + rf"{body}\b",
            text,
            re.I,
        )
        for i in range(1, len(letters) - 1)
    )


# what a body's name ends in, by its first letter: "the health service" for the "NHS"
_BODIES = {
    letter: "(?:" + "|".join(w for w in _BODY_WORDS.split() if w[0] == letter) + ")"
    for letter in {w[0] for w in _BODY_WORDS.split()}
}


def acronym_of(short: str, long: str) -> bool:
    letters = _acronym_letters(short)
    words = [w for w in WORD.findall(long) if w.lower() not in ("of", "the", "and", "for")]
    return (
        letters is not None and len(letters) > 1 and letters == "".join(w[0].upper() for w in words)
    )


# "MoD", "DfE", "DoJ": an acronym whose small letters stand for the words it leaves out
_MIXED_ACRONYM = re.compile(r"[A-Z](?:[A-Z]|[a-z](?=[A-Z]))*[A-Z]")


def _acronym_letters(short: str) -> str | None:
    """The capitals an acronym is read by: "MoD" is read "MD" against "Ministry of Defence"."""
    if short.isupper():
        return short
    if _MIXED_ACRONYM.fullmatch(short):
        return "".join(c for c in short if c.isupper())
    return None


# --- names in a sentence ---------------------------------------------------------------------


def names(
    text: str, proper: frozenset[str] = frozenset(), nouns: frozenset[str] = frozenset()
) -> list[tuple[str, tuple[int, int]]]:
    """Capitalised word runs that look like names. A lone capitalised word opening a sentence is
    left out, unless the article writes it with a capital elsewhere too (``proper``): it is
    usually just the first word. ``nouns``: the words a language that capitalises its nouns
    (German) writes after an article ("die Firma"), which are no names wherever they stand."""
    found = []
    for match in ENTITY.finditer(text):
        words = match.group(0).split()
        start = match.start()
        while words and (
            _POSSESSIVE.sub("", words[0].lower().rstrip(".")) in NOT_NAMES  # "Friday's raid"
            or words[0] in nouns
            or (nouns and words[0].lower() in _ARTICLES)  # "Die Kanzlerin Merkel"
        ):
            start = text.find(words[1], start + len(words[0])) if len(words) > 1 else start
            words = words[1:]
        if not words:
            continue
        name = " ".join(words).rstrip(".")
        if text.startswith("$", start + len(name)):
            continue  # "US$5m", "A$20": a currency, not a country
        if _PERIOD.fullmatch(name):
            continue  # "Q3", "H1": a quarter or a half of a year, a figure
        # after a colon too: "Eskdale flooding: Dozens evacuated" capitalises as a new sentence
        at_start = not text[:start].strip(" \"'-(") or text[:start].rstrip()[-1:] in ".!?:"
        if at_start and len(words) == 1 and name not in proper and not _ACRONYM.fullmatch(name):
            continue  # a capital that only opens the sentence; "NATO" is a name wherever it is
        found.append((name, (start, start + len(name))))
    return found


_ACRONYM = re.compile(r"[A-Z]{2,6}")

# German capitalises every noun: a text is read so when its commonest little words are German's
_GERMAN = frozenset(
    "der die das und ist nicht mit sich auf für von dem den ein eine zu im auch wird sind "
    "werden wurde nach bei".split()
)
_ENGLISH = frozenset("the and of to is that for with was on".split())
# a capitalised word after a German article, possessive or contracted preposition (with an
# inflected adjective between: "die neue Regierung") is a noun
_ARTICLES = frozenset(
    "der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner "
    "keines im am zum zur vom beim ins ans dieser diese dieses diesem diesen jeder jede jedes "
    "jedem jeden sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer unser unsere".split()
)
_AFTER_ARTICLE = re.compile(
    r"\b(?i:" + "|".join(sorted(_ARTICLES, key=len, reverse=True)) + r")"
    r"\s+(?:[a-zäöüß]+(?:e|en|er|es|em)\s+)?([A-ZÄÖÜ][\wäöüß-]+)"
)


@lru_cache(maxsize=64)
def common_nouns(text: str) -> frozenset[str]:
    """The capitalised words a German text writes after an article ("die Firma", "zum
    Beispiel"): nouns, not names. Empty for a text in another language (read from its first
    few thousand characters). Cached: an article's versions come back in every comparison."""
    words = [w.lower() for w in WORD.findall(text[:4000])]
    german = sum(w in _GERMAN for w in words)
    if german < 5 or german <= 2 * sum(w in _ENGLISH for w in words):
        return frozenset()
    return frozenset(m.group(1) for m in _AFTER_ARTICLE.finditer(text))


_PERIOD = re.compile(r"[QH][1-4]")


def recased(name: str, text: str, lower_words: set[str]) -> bool:
    parts = WORD.findall(name)
    return all(p.lower() in lower_words for p in parts) and not all(p in text for p in parts)


def one_person(a: str, b: str, texts: tuple[str, str]) -> bool:
    """Two single names that are the parts of one full name the article uses: "Spears" and
    "Britney" where it says "Britney Spears"."""
    if " " in a or " " in b:
        return False
    return any(f"{a} {b}" in t or f"{b} {a}" in t for t in texts)


def echoes(name: str, words: list[str]) -> bool:
    """The name only restates words of the other sentence: a change of case or inflection
    ("manager director" -> "Managing Director") or an acronym spelt out ("PM")."""
    parts = WORD.findall(name)
    if all(any(fuzz.ratio(p.lower(), w) >= 75 or _abbreviates(p, w) for w in words) for p in parts):
        return True
    initials = "".join(p[0].lower() for p in parts if p.lower() not in ("of", "the", "and"))
    return len(initials) > 1 and initials in words


def _abbreviates(part: str, word: str) -> bool:
    """ "Ret" for "retired", "Gov" for "governor", "Dept" for "department", "Managing" for
    "manager"."""
    low = part.lower()
    if 3 <= len(low) < len(word) and word.startswith(low):
        return True
    # or one word derived from the other: "Managing" for "manager"
    return len(low) >= 6 and len(word) >= 6 and low[:5] == word[:5]


def inside(name: str, others: set[str]) -> bool:
    """The name stands word for word in another name, or another in it ("Spears" in "Britney
    Spears"; "Harlow" is not in "Harlowe")."""
    low = name.lower()
    return any(_within(low, other) or _within(other, low) for other in others)


def _within(part: str, whole: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(part)}(?!\w)", whole) is not None


# a capitalised word inside a sentence, alone or ending a name ("Tove Harlow", "the Harbour
# Board"): a surname or a body's last word. The other words of a longer name are left out, as
# "Harbour crews" opening a sentence names no one.
_MID_SENTENCE_NAME = re.compile(
    r"(?<=\s)(?:[A-Z][a-z][\w'\-]*\s+){0,2}([A-Z][a-z][\w'\-]*)(?![\w'\-]|\s+[A-Z])"
)


def proper_words(text: str, alone: bool = False) -> frozenset[str]:
    """The words ``text`` capitalises inside a sentence, alone or at the end of a name (only
    alone: ``alone``): names, whatever opens a sentence."""
    return proper_names(text)[1 if alone else 0]


def proper_names(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """``proper_words`` both ways in one pass over ``text``: (alone or ending a name, alone)."""
    found = [
        (m.group(1), m.group(0) == m.group(1))
        for m in _MID_SENTENCE_NAME.finditer(text)
        if _after_lower_word(text, m)
    ]
    return frozenset(w for w, _ in found), frozenset(w for w, alone in found if alone)


def _after_lower_word(text: str, match: re.Match[str]) -> bool:
    """The word before the match is in lower case (not the end of "Harbour" in "Harbour
    Board")."""
    before = text[max(0, match.start() - 40) : match.start()].rstrip(" ,;:")
    previous = before.rsplit(maxsplit=1)[-1] if before.split() else ""
    if previous in _TITLES_BEFORE or _ACRONYM_TITLE.fullmatch(previous):
        return True  # "Judge Ann Harlow", "the MP Tom Marsh": a title, then the name
    return previous[:1].islower() and previous[-1:] not in ".!?\"'”’"


# a title or an office before a name, which a sentence may open with
_TITLES_BEFORE = frozenset(
    "Judge Dr Mr Mrs Ms Miss Prof Professor Sir Dame Lord Lady President Senator Governor "
    "Mayor Minister Chancellor Inspector Sergeant Detective Captain General Colonel".split()
)
_ACRONYM_TITLE = re.compile(r"MP|MSP|MEP|CEO|PM")
