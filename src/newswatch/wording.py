"""What is left of an edited sentence after the detectors: rewording or cosmetics.

Every stretch of the word diff that no detector explained is judged here: ``reworded`` when it
brings in or takes out information (content words the other version of the article does not
have), ``cosmetic`` otherwise (spelling, punctuation, case, hyphenation, function words, words
the article already had). Digits that changed where no figure rule read them are a number
claim, never cosmetic.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from rapidfuzz import fuzz

from newswatch import detectors as d
from newswatch.context import same_verb
from newswatch.contrasts import contrast, opposite
from newswatch.edits import FUNCTION_WORDS, WORD, Claim, Hunk, Pair, gap
from newswatch.names import names, stands_for_words_in
from newswatch.numbers import PER_CENT_MARK, find_figures


def is_content(word: str) -> bool:
    """Not a function word; "US" the country is content, "us" the pronoun is not. A courtesy
    title ("Ms Delgado") carries no information. (A possessive's "s" stays content here: a lone
    "'s" put in is grammar, ``_POSSESSIVE``, but counted in a longer passage it keeps the
    dev set's balance of words.)"""
    lower = word.lower()
    if lower in _COURTESY:
        return False
    return lower not in FUNCTION_WORDS or (word.isupper() and len(word) > 1)


_COURTESY = frozenset({"mr", "mrs", "ms", "miss", "mx"})
_POSSESSIVE = frozenset({"", "'s", "’s", "'", "’"})


def _squash(words: list[str]) -> str:
    return "".join(words).lower()


# Pointers to the page around the text, not claims: "(see the map below)", "(pictured)".
CROSS_REFERENCE = re.compile(
    r"\(\s*(?:see|cf\.?|pictured|photo|above|below|left|right|centre|center)\b[^()]*\)", re.I
)
# A replacement that brings in this many more content words than it takes out adds information;
# fewer is a rewording of the same facts (the usual clarity or style edit).
EXPANSION_WORDS = 3
# ... and a passage that says what someone is or did, cut whole from between commas, with two
APPOSITIVE_WORDS = 2
_APPOSITIVE = re.compile(r"\s*,\s*(?:who|whose|a|an|the|aged|now|formerly)\b[^,]*,\s*$", re.I)


def wording_changed(removed: str, added: str, context: d.Context | None = None) -> bool:
    """Does replacing ``removed`` by ``added`` change information, or only how it reads?

    Information changes when content words are inserted where none were taken out, when a
    replacement brings in clearly more than it takes out, or when a passage is deleted (or cut
    down to a word or two) whose words the article no longer has anywhere. Swapping words for
    others of the same weight (synonyms, spelling, inflection, hyphenation, figures written
    differently) is wording. A lone preposition put in or taken out is grammar, and a pointer
    to another part of the page ("(see the link below)", "(pictured)") says nothing.
    """
    removed, added = CROSS_REFERENCE.sub(" ", removed), CROSS_REFERENCE.sub(" ", added)
    # "%" -> "per cent": one unit written two ways
    removed, added = (PER_CENT_MARK.sub(" percent ", side) for side in (removed, added))
    if [f.key for f in find_figures(removed)] == [f.key for f in find_figures(added)]:
        for figure in find_figures(removed):
            removed = removed.replace(figure.surface, " ")
        for figure in find_figures(added):
            added = added.replace(figure.surface, " ")
    rem, add = WORD.findall(removed), WORD.findall(added)
    if _squash(rem) == _squash(add):
        return False  # case, punctuation, hyphenation or spacing
    if {removed.strip(), added.strip()} <= _POSSESSIVE:
        return False  # "the state Chamber" -> "the state's Chamber": grammar
    if Counter(w.lower() for w in rem if is_content(w)) == Counter(
        w.lower() for w in add if is_content(w)
    ):
        return False  # the same words in another order
    content_rem = [w for w in rem if is_content(w)]
    content_add = [w for w in add if is_content(w)]
    for word in list(content_add):  # spelling fixes and inflections pair off
        twin = next(
            (
                r
                for r in content_rem
                if d.stem(r) == d.stem(word) or fuzz.ratio(r.lower(), word.lower()) >= 75
            ),
            None,
        )
        if twin is not None:
            content_rem.remove(twin)
            content_add.remove(word)
    if content_add and not rem:
        return True  # something was inserted where nothing was taken out
    if len(content_add) - len(content_rem) >= EXPANSION_WORDS:
        return True
    if context is not None and _facts_swapped(content_rem, content_add, context):
        return True
    # a passage taken out (or cut down) whose words the article no longer has anywhere; what
    # someone is or did, cut whole (", a local teacher,", ", who was known to police,"), needs
    # fewer words to say it
    least = APPOSITIVE_WORDS if not add and _APPOSITIVE.match(removed) else EXPANSION_WORDS
    if len(content_rem) - len(content_add) >= least:
        gone = (
            content_rem
            if context is None
            else [w for w in content_rem if d.stem(w) not in context.new_words]
        )
        return len(gone) - len(content_add) >= least
    return False


# A passage swapped for another of as many words, where neither side's words are anywhere in
# the other version of the article and the two turn a word round: one fact put for another
# ("and lower petrol costs" -> ", partly offset by higher energy bills"), not the same fact
# said another way (which seldom holds an opposite)
SWAPPED_WORDS = 3


def _facts_swapped(removed: list[str], added: list[str], context: d.Context) -> bool:
    if len(removed) < SWAPPED_WORDS or len(added) < SWAPPED_WORDS:
        return False
    if not any(
        opposite(r.lower(), a.lower()) or contrast(r.lower(), a.lower()) == "high"
        for r in removed
        for a in added
    ):
        return False  # (checked first: the article's vocabularies cost more)
    gone = {d.stem(w) for w in removed} - context.new_words
    came = {d.stem(w) for w in added} - context.old_words
    return len(gone) >= SWAPPED_WORDS and len(came) >= SWAPPED_WORDS


def _news_replaced(hunk: Hunk, context: d.Context) -> bool:
    """Words held to be wording that put as much news in as a passage added would, in place of
    words gone from the article: "election will be held" -> "council elected a new mayor"."""
    removed = [w for w in WORD.findall(hunk.removed) if is_content(w)]
    if not any(d.stem(w) not in context.new_words for w in removed):
        return False
    return _news_words(hunk.added, context.old_words) >= _news_bar(hunk.added)


def _norm(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def moved_phrases(hunks: list[Hunk]) -> frozenset[str]:
    """Phrases taken out of a sentence whole and put back whole elsewhere in it."""
    out = {_norm(h.removed) for h in hunks if not WORD.findall(h.added)} - {""}
    back = {_norm(h.added) for h in hunks if not WORD.findall(h.removed)} - {""}
    return frozenset(out & back)


def same_words_reordered(pair: Pair, context: d.Context) -> bool:
    """The sentence says the same with its words in another order: the same content words, as
    many times each, and its names in the same order (so "Harlow beat Marsh" -> "Marsh beat
    Harlow" is not just reordered)."""
    old = Counter(d.stem(w) for w in WORD.findall(pair.old.text) if is_content(w))
    new = Counter(d.stem(w) for w in WORD.findall(pair.new.text) if is_content(w))
    if not old or old != new:
        return False
    proper = context.proper | {w for w in old if w[:1].isupper()}
    return [n for n, _ in names(pair.old.text, proper)] == [
        n for n, _ in names(pair.new.text, proper)
    ]


def words_changed(removed: str, added: str) -> bool:
    """Quoted words are evidence: any word changed counts, except case, punctuation, spelling
    and a figure written another way."""
    if [f.key for f in find_figures(removed)] == [f.key for f in find_figures(added)]:
        for figure in find_figures(removed):
            removed = removed.replace(figure.surface, " ")
        for figure in find_figures(added):
            added = added.replace(figure.surface, " ")
    rem = [w.lower() for w in WORD.findall(removed)]
    add = [w.lower() for w in WORD.findall(added)]
    if "".join(rem) == "".join(add):
        return False
    for word in list(add):
        twin = next(
            (r for r in rem if r == word or (len(word) > 3 and fuzz.ratio(r, word) >= 80)), None
        )
        if twin is not None:
            rem.remove(twin)
            add.remove(word)
    return bool(rem or add)


# Changes this close (in words kept between them) are read as one rewording: "withdraw" ->
# "pull ... back" is one phrase, not a swap plus an inserted "back".
NEAR_WORDS = 2


def group_verdicts(pair: Pair, context: d.Context, moved: frozenset[str]) -> dict[int, bool]:
    """For each hunk: does its stretch of nearby changes bring in or take out information?"""
    groups: list[list[Hunk]] = []
    for hunk in pair.hunks:
        if groups:
            between = pair.old.text[groups[-1][-1].old_end : hunk.old_start]
            if len(WORD.findall(between)) <= NEAR_WORDS:
                groups[-1].append(hunk)
                continue
        groups.append([hunk])
    # a phrase replaced here that was put back whole elsewhere ("names and email addresses" ->
    # "names, email addresses and dates of birth") was not taken out: what came is an addition
    inserted = {
        _norm(h.added)
        for h in pair.hunks
        if not WORD.findall(h.removed) and any(is_content(w) for w in WORD.findall(h.added))
    }
    verdicts: dict[int, bool] = {}
    for group in groups:
        phrases = {_norm(h.removed or h.added) for h in group}
        if phrases <= moved:
            changed = False
        else:
            removed = " ".join(h.removed for h in group if _norm(h.removed) not in inserted)
            added = " ".join(h.added for h in group)
            changed = wording_changed(removed, added, context) or _negation_cut(
                removed, added, context
            )
        for hunk in group:
            verdicts[id(hunk)] = changed and not introduces_acronym(pair, hunk)
    return verdicts


def _negation_cut(removed: str, added: str, context: d.Context) -> bool:
    """A passage with a denial or a "not" cut whole, or put in whole, that the article does not
    tell elsewhere ("... near the market and denied hitting civilians" -> "... near the
    market"): its other words may stand elsewhere in the article, the denial does not."""
    cut, put = (d.denials(side) for side in (removed, added))
    if cut == put or WORD.search(added if cut else removed):
        return False  # none came or went, or words were put in its place: other rules' call
    if d.said_plainly(removed if cut else added, context.new_text if cut else context.old_text):
        return False  # "cancelled" -> "… the event will not go ahead": the same claim
    before, after = _negations(context.old_text), _negations(context.new_text)
    return after < before if cut else after > before


@lru_cache(maxsize=64)
def _negations(text: str) -> int:
    """The negations an article has, counted once per text: each of its passages asks."""
    return len(d.NEGATION.findall(text))


# Content words new to the article (or gone from it) that make a passage put into (or cut from)
# a sentence as much news as a sentence added (or removed)
NEWS_WORDS = 4


# ... and fewer for a clause of its own, a verb after "and" or "but": "and grants an amnesty
# to all fighters" cut from a deal's terms is a term of the deal gone
CLAUSE_NEWS_WORDS = 3
_OWN_CLAUSE = re.compile(
    r"^\W*(?:(?:and|but|while|whereas)\s+(?:(?:will|would|also|must|shall|can|may)\s+)?"
    r"[a-z]+(?:s|ed)\b|"
    # "after cracks were found in its supports": a clause with its own subject and verb
    # (or ", but the advice was lifted on Tuesday evening")
    r"(?:after|when|because|since|until|before|and|but|while|whereas|although|though)\s+"
    r"(?:[\w'-]+\s+){1,4}?(?:was|were|is|are|had|has|have)\b)"
)


def _news_bar(words: str) -> int:
    return CLAUSE_NEWS_WORDS if _OWN_CLAUSE.match(words) else NEWS_WORDS


# A passage put into a sentence that lost nothing, with this many content words the old text
# did not have nearby, is a detail added: why, where, when, how or for whom ("closed the library
# after a vote by residents", "resigned over the expenses row", "with the option of a further
# year"), a claim of its own. One word ("finally", "popular") stays low. The same passage cut
# from a sentence that gained nothing is a detail gone.
DETAIL_WORDS = 2
# how far either side of the sentence the old text is read for the words a detail brings
NEARBY_CHARS = 400
# where it was said, which is no news of the story ("said in a news conference", "on social
# media", "told the AFP news agency"), and who said it (", her spokeswoman confirmed"), no
# detail of it: the source rules judge sources
_MEDIA = frozenset(
    d.stem(w)
    for w in "statement conference press news briefing interview social media post posted tweet"
    " website blog email video televised broadcast radio television tv podcast reporters"
    " journalists online message speech remarks address newspaper magazine agency".split()
)
_CHANNELS = _MEDIA | {
    d.stem(w)
    for w in "spokesman spokeswoman spokesperson said says told confirmed added according"
    " speaking spoke".split()
}
# A detail cut is one only when it says why, when, how or on what terms: a description cut
# (", who was born in the town,", "He went on to note that") is more often a trim for length
_CIRCUMSTANCE = re.compile(
    r"^\W*(?:after|before|over|for|with|without|despite|unless|until|pending|because|due|"
    r"while|when|amid|following|in\s+(?:return|exchange|protest|response)|as\s+part)\b",
    re.I,
)
# One word is a detail after a word that says how, why or on what terms ("won the final on
# penalties", "finished over budget", "released on bail", "tried in absentia"), but not a
# phrase that tells nothing ("in fact", "in total") or a time of day, which the date rules read
_ONE_WORD_DETAIL = re.compile(
    r"^\W*(?:on|over|under|without|despite|amid|in|after|before|until|pending|through)\s+"
    r"(?!(?:fact|total|particular|general|short|turn|addition|response|part|practice|principle|"
    r"theory|time|advance|brief|detail|full|contrast|comparison|effect|essence|return|person|"
    r"phone|telephone|letter|writing|morning|afternoon|evening|night|midnight|noon|weekend|"
    r"tonight|now|then|earnest)\b)[a-z][\w-]*\W*$"
)
# ... nor a time zone made plain ("at 6am local time")
_TIME_ZONE = re.compile(r"^\W*(?:local\s+time|[A-Z]{2,4}T|UTC|GMT)\W*$")


def detail_put_in(pair: Pair, hunk: Hunk, context: d.Context) -> bool:
    """The hunk puts a detail into a sentence that lost nothing: content words in, none out in
    any of its hunks, words the old text did not have nearby (a sentence recast or a phrase
    moved from the next sentence brings none: "The court heard X" -> "X, the court was told"),
    and not a name ("Kerr" -> "Health Minister Anna Kerr", "The chair, Ann Cole, said"), which
    the name rules judge."""
    return _detail(pair, hunk, context, cut=False)


def detail_cut(pair: Pair, hunk: Hunk, context: d.Context) -> bool:
    """The hunk cuts, from a sentence that gained nothing, a detail that says why, when, how
    or on what terms ("The minister resigned over the expenses row." -> "The minister
    resigned."), whose words the new text does not have nearby."""
    if WORD.search(hunk.added) or not _CIRCUMSTANCE.match(hunk.removed):
        return False
    return _detail(pair, hunk, context, cut=True)


def detail_change(pair: Pair, hunk: Hunk, context: d.Context) -> str | None:
    """ "added" for a detail put in, "removed" for one cut, or None."""
    if detail_put_in(pair, hunk, context):
        return "added"
    return "removed" if detail_cut(pair, hunk, context) else None


def _detail(pair: Pair, hunk: Hunk, context: d.Context, *, cut: bool) -> bool:
    # (a verb only put in another tense is no word given up: "go on sale" -> "went on sale
    # and sold out")
    other_side = [h.added if cut else h.removed for h in pair.hunks if not _retensed(h)]
    if any(is_content(w) for passage in other_side for w in WORD.findall(passage)):
        return False
    passage = hunk.removed if cut else hunk.added
    start, end = (pair.new if cut else pair.old).whole
    text = context.new_text if cut else context.old_text
    near = text[max(0, start - NEARBY_CHARS) : end + NEARBY_CHARS]
    known = {d.stem(w) for w in WORD.findall(near)} | _CHANNELS
    # a compound is one word ("long-awaited"), and a possessive's "s" no word
    content = {
        stems
        for token in passage.split()
        if (
            stems := frozenset(
                d.stem(w) for w in WORD.findall(token) if is_content(w) and len(w) > 1
            )
            - known
        )
    }
    if len(content) < DETAIL_WORDS and not (content and _ONE_WORD_DETAIL.match(passage)):
        return False
    if _TIME_ZONE.match(passage):
        return False
    return not all(w[:1].isupper() for w in WORD.findall(passage))


def _retensed(hunk: Hunk) -> bool:
    removed, added = WORD.findall(hunk.removed), WORD.findall(hunk.added)
    return len(removed) == len(added) == 1 and same_verb(removed[0], added[0])


def _news_words(words: str, other: frozenset[str]) -> int:
    """Content words new to the other text, but where it was said ("told the AFP news
    agency")."""
    return len(_new_stems(words, other) - _MEDIA)


def _new_stems(words: str, other: frozenset[str]) -> set[str]:
    """The content words of ``words`` (as stems) that ``other`` does not have."""
    return {d.stem(w) for w in WORD.findall(words) if is_content(w)} - other


_DIGIT_RUN = re.compile(r"\d+")


# Content words new to the article that a hunk brings in (or takes out) beyond what the claims
# on it name, which make the rest of it news of its own
UNTOLD_WORDS = 3


def untold_words(hunk: Hunk, claims: list[Claim], context: d.Context) -> int:
    """How many content words new to the article (or gone from it) the hunk brings in (takes
    out) that none of ``claims`` names."""
    named = {
        d.stem(w) for c in claims for value in (c.old_value, c.new_value) if value
        for w in WORD.findall(value)
    }  # fmt: skip
    came = _new_stems(hunk.added, context.old_words)
    went = _new_stems(hunk.removed, context.new_words)
    return max(len(came - named), len(went - named))


def _bare_digits(text: str, start: int, end: int) -> Counter[int]:
    """The digit runs of ``text[start:end]`` that no figure of the sentence covers: a number
    the figure rules cannot read ("KB/50 MB", "issue 7/2019", a model's "X200")."""
    covered = [f.span for f in find_figures(text)]
    return Counter(
        int(m.group())
        for m in _DIGIT_RUN.finditer(text, start, end)
        if not any(a <= m.start() and m.end() <= b for a, b in covered)
    )


def _digit_names_kept(hunk: Hunk, context: d.Context) -> bool:
    """The hunk's words with digits are names ("TV3", "G7"), not bare numbers ("7" of
    "7/2019"), and the other version of the article still has them, elsewhere."""
    went, came = (
        [w for w in WORD.findall(text) if any(c.isdigit() for c in w)]
        for text in (hunk.removed, hunk.added)
    )
    if any(w.isdigit() for w in went + came):
        return False
    kept = {d.stem(w) for w in went} <= context.new_words
    return kept and {d.stem(w) for w in came} <= context.old_words


def hunk_claim(pair: Pair, hunk: Hunk, changed: bool, context: d.Context) -> Claim:
    old_span = pair.old.span(*gap(pair.old.text, hunk.old_start, hunk.old_end))
    new_span = pair.new.span(*gap(pair.new.text, hunk.new_start, hunk.new_end))
    old_digits = _bare_digits(pair.old.text, hunk.old_start, hunk.old_end)
    new_digits = _bare_digits(pair.new.text, hunk.new_start, hunk.new_end)
    kind, severity = "cosmetic", "cosmetic"
    detail: dict[str, object] = {}
    # a number no figure rule read changed, unless a name with a digit ("TV3") only moved to
    # another sentence
    if old_digits != new_digits and not _digit_names_kept(hunk, context):
        kind, severity, detail = "number", "medium", {"figure": "digits"}
    elif changed:
        came = _news_words(hunk.added, context.old_words) >= _news_bar(hunk.added)
        went = _news_words(hunk.removed, context.new_words) >= _news_bar(hunk.removed)
        news = came or went or _negation_cut(hunk.removed, hunk.added, context)
        kind, severity = "reworded", "medium" if news else "low"
        if not news and (told := detail_change(pair, hunk, context)):
            severity, detail = "medium", {"detail": told}
    elif _news_replaced(hunk, context):
        kind, severity = "reworded", "medium"
    elif detail_cut(pair, hunk, context):  # held to be wording, and it said why or when
        kind, severity, detail = "reworded", "medium", {"detail": "removed"}
    return Claim(
        kind,
        severity,
        pair.old.text,
        pair.new.text,
        hunk.removed.strip() or None,
        hunk.added.strip() or None,
        old_span,
        new_span,
        detail,
    )


# read whole (fullmatch); not after a non-word character, so that a search does not start
# again at each one of a long run of punctuation
_BRACKETED_ACRONYM = re.compile(r"(?<!\W)\W*\(([A-Z]{2,6})\)\W*")


def introduces_acronym(pair: Pair, hunk: Hunk) -> bool:
    """ "(MPAA)" put after "Motion Picture Association of America": the name it stands for is
    already there."""
    match = _BRACKETED_ACRONYM.fullmatch(hunk.added)
    if match is None or WORD.search(hunk.removed):
        return False
    return stands_for_words_in(match.group(1), pair.new.text[: hunk.new_start])
