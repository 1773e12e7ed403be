"""Names in an edited sentence pair: a person, place or organisation replaced by another,
brought in or dropped. The same name written another way (a fuller form, an acronym, a last
name alone, a place's country dropped) pairs off first; what is left is the claim. A pronoun
made another person's ("her" -> "his") is one too."""

from __future__ import annotations

import re

from newswatch.contrasts import word_swap
from newswatch.detectors import Context, stem
from newswatch.edits import FUNCTION_WORDS, WORD, Claim, Pair
from newswatch.names import (
    NOT_NAMES,
    echoes,
    inside,
    is_country_word,
    names,
    one_person,
    recased,
    same_name,
    spelt_out_at,
    stands_for_words_in,
    without_possessive,
)
from newswatch.quotes import in_moved_quote

_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish|i)")
# words that end like a people's adjective and are none
_NOT_DEMONYMS = FUNCTION_WORDS | frozenset(
    "these cheese guardian historian comedian librarian politician musician physician "
    "technician electrician civilian veterinarian median ian".split()
)


# ... and peoples' words that end otherwise
_IRREGULAR_DEMONYMS = frozenset(
    "French Dutch German Greek Swiss Welsh Mexican Cuban Moroccan Kenyan Ugandan Afghan "
    "Venezuelan Filipino Argentine Czech Slovak Serb Croat Catalan Basque".split()
)


def _people_word(word: str) -> bool:
    """A people's or a country's word: "Israeli", "Chinese", "American", "British"."""
    word = without_possessive(word)  # "China's embassy"
    return (
        (bool(_DEMONYM.fullmatch(word)) and word.lower() not in _NOT_DEMONYMS)
        or word in _IRREGULAR_DEMONYMS
        or is_country_word(word)
    )


_FIRST_WORD = re.compile(r"[\"'‘“(]?\s*([A-Z][a-z][\w'\-]*)")
_OPENER = re.compile(r"[\"'‘“(]?\s*([A-Z][\w\-]*)")  # "A40" too


def _moved_to_open(word: str, pair: Pair) -> bool:
    """``word`` opens one sentence and stands, capitalised, inside the other."""
    if word.lower() in FUNCTION_WORDS:
        return False
    inside = re.compile(rf"(?<=\S)\s+{re.escape(word)}\b")
    return any(
        text.startswith(word) and inside.search(other)
        for text, other in ((pair.old.text, pair.new.text), (pair.new.text, pair.old.text))
    )


def entity_claims(pair: Pair, context: Context) -> list[Claim]:
    """A person, place or organisation replaced by another, or a new name brought in."""
    proper = context.proper
    firsts = {
        m.group(1)
        for m in (_FIRST_WORD.match(pair.old.text), _FIRST_WORD.match(pair.new.text))
        if m
    }
    # "Geneva will host ..." -> "Vienna will host ...": a name for a name; "Russian forces" ->
    # "Ukrainian forces": one people's adjective for another's
    if (
        (firsts & context.proper_alone and _first_word_swapped(pair))
        or (len(firsts) == 2 and all(_DEMONYM.fullmatch(w) for w in firsts))
        or _subjects_swapped(pair, firsts, context)
    ):
        proper = proper | firsts
    # "Israeli strikes killed 12" -> "Strikes killed 12": a people's adjective opening a
    # sentence is a name all the same
    proper = proper | {w for w in firsts if _people_word(w)}
    # a name of the text's moved to open the sentence ("Man dies after crash on A40" -> "A40
    # crash: Driver dies") is that name, kept
    openers = {
        m.group(1) for m in (_OPENER.match(pair.old.text), _OPENER.match(pair.new.text)) if m
    }
    proper = proper | {w for w in openers if _moved_to_open(w, pair)}
    nouns = context.nouns
    a, b = names(pair.old.text, proper, nouns), names(pair.new.text, proper, nouns)
    # a first word that names again what the other sentence named ("The Chinese embassy" ->
    # "China's embassy") is that name, so the two pair off
    again = {w for w in firsts - proper if any(same_name(w, n) for n, _ in a + b if n != w)}
    if again:
        proper = proper | again
        a, b = names(pair.old.text, proper, nouns), names(pair.new.text, proper, nouns)
    old_names = {n.lower() for n, _ in a}
    new_names = {n.lower() for n, _ in b}
    # a name the sentence has on both sides stands for itself, not for a longer or shorter form
    # of one gone ("German Aerospace Congress" -> "German Morgan Congress", "German" kept)
    gone = [
        e for e in a if e[0].lower() not in new_names and not inside(e[0], new_names - old_names)
    ]
    came = [
        e for e in b if e[0].lower() not in old_names and not inside(e[0], old_names - new_names)
    ]
    # a name that only capitalises words the other sentence had ("the herald" -> "The Herald")
    # is no new name
    old_lower = {w.lower() for w in WORD.findall(pair.old.text)}
    new_lower = {w.lower() for w in WORD.findall(pair.new.text)}
    came = [e for e in came if not recased(e[0], pair.old.text, old_lower)]
    gone = [e for e in gone if not recased(e[0], pair.new.text, new_lower)]
    # an acronym spelt out in the other sentence, whose words read as several names ("FDA" ->
    # "Food and Drug Administration", "Food" and "Drug Administration"), is one name
    gone = _spelt_out(gone, came, pair.new.text)
    came = _spelt_out(came, gone, pair.old.text)
    # the same name written differently (spelling, fuller form, acronym) pairs off first
    whole = (context.old_text, context.new_text)
    for entry in list(gone):
        twin = next(
            (
                c
                for c in came
                if same_name(entry[0], c[0])
                or one_person(entry[0], c[0], whole)
                or _holder(entry[0], c[0], whole)
                or _holder(c[0], entry[0], whole)
                or _described(c, entry[0], pair.new.text, whole)
                or _described(entry, c[0], pair.old.text, whole)
            ),
            None,
        )
        if twin is not None:
            gone.remove(entry)
            came.remove(twin)
    claims: list[Claim] = []
    for (name_a, span_a), (name_b, span_b) in zip(gone, came, strict=False):
        claims.append(
            Claim(
                "entity",
                "high",
                pair.old.text,
                pair.new.text,
                name_a,
                name_b,
                pair.old.span(*span_a),
                pair.new.span(*span_b),
            )
        )
    for name, span in came[len(gone) :]:
        if in_moved_quote(pair.new.text, span, context.old_text):
            continue  # it came with a quote moved from another sentence
        if _still_new(name, pair.old.text, context.old_words) or _put_in(pair, span, name):
            claims.append(_lone(pair, name, span, appeared=True))
    for name, span in gone[len(came) :]:
        noun = _noun_cut_from(pair, span)
        if _surname_kept(name, pair.new.text) or _place_qualifier(span, pair.old.text):
            continue
        if noun in _TITLES and _people_word(name):
            continue  # "The British prime minister" -> "The prime minister": style
        # a name cut from before a force or a blow ("Israeli strikes killed 12" -> "Strikes
        # killed 12") says no longer who did it, though the article names them elsewhere;
        # before other nouns ("UK inflation" -> "Inflation") it is mostly style
        if _still_new(name, pair.new.text, context.new_words) or noun in FORCES:
            claims.append(_lone(pair, name, span, appeared=False))
    return claims


def _spelt_out(
    names_here: list[tuple[str, tuple[int, int]]],
    names_there: list[tuple[str, tuple[int, int]]],
    there: str,
) -> list[tuple[str, tuple[int, int]]]:
    """``names_here`` without the acronyms that ``there`` spells out; the names of ``there``
    inside the words that spell one out are taken from ``names_there`` (in place)."""
    kept = []
    for name, span in names_here:
        spelt = spelt_out_at(name, there)
        if spelt is None:
            kept.append((name, span))
            continue
        # "PM" -> "Prime minister", whose words read as no name, is that name all the same
        for entry in [e for e in names_there if spelt[0] <= e[1][0] < spelt[1]]:
            names_there.remove(entry)
    return kept


def _noun_cut_from(pair: Pair, span: tuple[int, int]) -> str | None:
    """The noun a name was cut from before, with nothing in its place ("Israeli strikes" ->
    "strikes"): the noun in lower case, or None where the name was not cut so."""
    hunk = next((h for h in pair.hunks if h.touches_old(span)), None)
    if hunk is None:
        return None
    before = pair.old.text[hunk.old_start : span[0]]
    after = pair.old.text[span[1] : hunk.old_end]
    if _bare(before) or _bare(hunk.added) != _bare(after):
        return None
    noun = _NEXT_WORD.match(pair.old.text, span[1])
    if noun is None or noun.group(1).lower() in FUNCTION_WORDS:
        return None
    return noun.group(1).lower()


def _described(
    people: tuple[str, tuple[int, int]], name: str, sentence: str, texts: tuple[str, str]
) -> bool:
    """A person named in one sentence and described by a people's word and their office in the
    other ("Mr Bernard said" -> "The French president said"), where the article gives them that
    office ("the President of France, Luc Bernard")."""
    word, span = people
    title = _NEXT_WORD.match(sentence, span[1])
    # "The Spanish minister" -> "The Italian minister" is a people for a people, not a person
    if (
        not _people_word(word)
        or _people_word(name)
        or title is None
        or title.group(1).lower() not in _TITLES
    ):
        return False
    office, who = re.escape(title.group(1)), re.escape(name)
    near = rf"\b{office}\b[^.]{{0,40}}\b{who}\b|\b{who}\b[^.]{{0,40}}\b{office}\b"
    return any(re.search(near, text, re.I) for text in texts)


def _bare(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text) if w.lower() not in ("the", "a", "an")]


# the word right after a name, in lower case: the noun the name qualified ("Israeli strikes")
_NEXT_WORD = re.compile(r" ([a-z][a-z-]+)\b")
# the people who use force, whose doing a story may or may not say ("Police shot the man" ->
# "The man was shot")
DOERS = frozenset(
    "forces troops soldiers army military police officers gunman gunmen militants fighters navy "
    "settlers security guards agents hackers".split()
)
# ... and the blows they strike, which a name before them says whose they were
FORCES = DOERS | frozenset(
    "strike strikes airstrike airstrikes air-strikes attack attacks raid raids drone drones "
    "missile missiles rocket rockets shelling shells bombing bombs bombardment gunfire fire "
    "jets warplanes aircraft tanks artillery operation offensive assault incursion blockade "
    "sanctions tariffs".split()
)
# offices and bodies whose country put before them or taken off is style: "the British prime
# minister" -> "the prime minister"
_TITLES = frozenset(
    "president vice prime minister chief chairman chairwoman chair executive spokesman "
    "spokeswoman spokesperson leader government officials official ambassador embassy secretary "
    "chancellor king queen prince mayor governor senator team club side squad manager coach "
    "captain company firm group capital authorities head director".split()
)


# what a person did, right after their name: acts only people do ("Rain fell" is weather)
_DEED = re.compile(
    r"\s+(?:scored|won|lost|beat|defeated|led|told|wrote|threw|caught|fought|shot|stole|drove|"
    r"signed|resigned|joined|testified|admitted|denied|pleaded|appealed|praised|criticised|"
    r"criticized|thanked|apologised|apologized|tweeted|posted|replied|responded|sued|married|"
    r"saved|voted|campaigned|stabbed|punched|kicked|"
    # and what only people and the bodies they make do: a firm, a state, an army
    r"announced|launched|bought|acquired|sold|confirmed|ordered|approved|rejected|blocked|"
    r"banned|vetoed|invaded|attacked|bombed|sanctioned|accused|blamed|urged|demanded|agreed|"
    r"refused|proposed|unveiled|cancelled|canceled|seized|captured|arrested|invested|offered|"
    r"hired|sacked|fined|recalled|filed|issued|imposed|threatened|pledged|promised|"
    r"nominated|appointed|elected|endorsed|funded|sponsored|owns|controls)\b"
)


def _holder(title: str, name: str, texts: tuple[str, str]) -> bool:
    """The article names ``name`` as the holder of ``title`` beside it ("the prime minister,
    Anna Kerr," or "Anna Kerr, the PM"): "PM sacks deputy" -> "Anna Kerr sacks deputy" names
    the same person. An acronym is read by its letters' words ("PM", "prime minister")."""
    if title.isupper() and 2 <= len(title) <= 4:
        said = r"\s+".join(rf"{c}\w*" for c in title.lower())
    else:
        said = re.escape(title)
        first = title.split()[0]
        if first != title and not first.isupper() and first.lower() not in FUNCTION_WORDS:
            # "Deputy PM" where the text says "deputy", in lower case: a common noun, not a
            # name's first word ("Data Scientists" and "Data Morgan")
            said = rf"(?:{said}|(?-i:{re.escape(first.lower())}))"
    near = (
        # "the prime minister, Anna Kerr", "Phone maker Lumio" (the name's first part before it)
        rf"\b{said}(?:\s+(?!(?:and|or|of|the|to|in|on|for|with|by|at|from|but|vs|than)\b)"
        rf"[a-z][\w-]*)?[\s,]+(?-i:(?!(?:The|A|An)\b)[A-Z][\w'-]+\s+)?{re.escape(name)}\b"
        rf"|\b{re.escape(name)},\s+(?:the\s+|a\s+)?(?:\w+\s+)?{said}\b"
    )
    return any(re.search(near, text, re.I) for text in texts)


def _first_word_swapped(pair: Pair) -> bool:
    """The sentence's opening word swapped for another, the rest of the sentence kept near
    enough: not a line rewritten from its first word ("Eskdale floods: Dozens evacuated" ->
    "Firefighters rescue people from flooded cars")."""
    first = next((h for h in pair.hunks if h.old_start == 0 or h.new_start == 0), None)
    return first is None or (
        len(WORD.findall(first.removed)) <= 2 and len(WORD.findall(first.added)) <= 2
    )


def _subjects_swapped(pair: Pair, firsts: set[str], context: Context) -> bool:
    """ "Reid scored the winner" -> "Okoro scored the winner": two words opening the sentence,
    before the same deed, neither of them a word the article ever writes in lower case nor a
    plural ("Witnesses", "Officials") -- two people, though the article names neither again."""
    if len(firsts) != 2:
        return False
    old_first, new_first = (_FIRST_WORD.match(side.text) for side in (pair.old, pair.new))
    if old_first is None or new_first is None:
        return False
    deeds = [
        _DEED.match(side.text, m.end())
        for side, m in ((pair.old, old_first), (pair.new, new_first))
    ]
    if deeds[0] is None or deeds[1] is None or deeds[0].group() != deeds[1].group():
        return False
    texts = f"{context.old_text}\n{context.new_text}"
    return all(
        len(word) > 2
        and not word.endswith("s")
        and word.lower() not in NOT_NAMES
        and word.lower() not in FUNCTION_WORDS
        and not re.search(rf"\b{re.escape(word.lower())}\b", texts)
        for word in firsts
    )


def _put_in(pair: Pair, span: tuple[int, int], name: str) -> bool:
    """A name the article has elsewhere, put into this sentence where nothing was taken out
    ("flights from Nelson", "the head of ISOC"): a fact added to the sentence, not a pronoun
    or a description made a name ("he" -> "Johnson") nor a name set beside a description
    ("the chair, Ann Cole, said")."""
    if len(name) < 2 or stands_for_words_in(name, pair.old.text):
        return False
    return any(
        h.new_start <= span[0]
        and span[1] <= h.new_end
        and not WORD.search(h.removed)
        and not _beside(h.added, name)
        for h in pair.hunks
    )


def _beside(added: str, name: str) -> bool:
    """ ", Ann Cole," or " (Ann Cole)": a name set beside a description as an aside."""
    return bool(re.search(r"[,()\[\]–—]", added)) and added.strip(" ,()[]–—-") == name


def _still_new(name: str, other: str, other_words: frozenset[str]) -> bool:
    """A name the other sentence does not spell out ("PM" for "prime minister") or restate, and
    the other version of the article does not have."""
    if len(name) < 2:
        return False  # a lone letter ("on X", "Plan B") is too little to tell a name by
    if stands_for_words_in(name, other):
        return False  # an acronym for words the other sentence has, or the other way round
    words = [w.lower() for w in WORD.findall(other)]
    return not _known(name, other_words) and not echoes(name, words)


# where a source said it: "told the BBC", "wrote on Twitter", "in an interview with Reuters"
_VENUE = re.compile(
    r"\b(?:told|telling|(?:wrote|posted|said|says|announced)\s+on|in\s+an\s+interview\s+with|"
    r"speaking\s+to|(?:said|says)\s+in\s+a\s+(?:post|statement)\s+on)\s+(?:the\s+)?$",
    re.I,
)


def _lone(pair: Pair, name: str, span: tuple[int, int], appeared: bool) -> Claim:
    """A name brought in (``appeared``) or dropped: one side of the pair has it. Low where it
    only says where a source spoke ("Cole told the BBC" -> "Cole said", or back)."""
    side = pair.new.text if appeared else pair.old.text
    severity = "low" if _VENUE.search(side[: span[0]]) else "medium"
    if appeared:
        spans = pair.old_span_for_new(*span), pair.new.span(*span)
        return Claim("entity", severity, pair.old.text, pair.new.text, None, name, *spans,
                     {"appeared": True})  # fmt: skip
    spans = pair.old.span(*span), pair.new_span_for_old(*span)
    return Claim("entity", severity, pair.old.text, pair.new.text, name, None, *spans,
                 {"vanished": True})  # fmt: skip


def _surname_kept(name: str, new: str) -> bool:
    """A person named in full, then by their last name: "President Ann Lee said" -> "Lee said"
    (a name opening a sentence is not read as one, so "Lee" would not pair off)."""
    parts = WORD.findall(name)
    return len(parts) > 1 and len(parts[-1]) > 2 and re.search(rf"\b{parts[-1]}\b", new) is not None


# a place named after another, as its region or country: "in Eastfield, Norland, said"
_AFTER_PLACE = re.compile(
    r"\b(?:in|at|from|near|outside|to|of)\s+(?:[A-Z][\w'-]+\s+){0,2}[A-Z][\w'-]+,\s*$"
)


def _place_qualifier(span: tuple[int, int], old: str) -> bool:
    """The name only placed the name before it ("Eastfield, Norland" -> "Eastfield"): style."""
    return _AFTER_PLACE.search(old, 0, span[0]) is not None and old[span[1] : span[1] + 1] in (
        ",",
        ".",
        "",
    )


def _known(name: str, words: frozenset[str]) -> bool:
    """Every word of the name occurs somewhere in the other version of the article."""
    return all(stem(w) in words for w in WORD.findall(name))


PRONOUN_GROUPS = (
    frozenset({"he", "him", "his", "himself"}),
    frozenset({"she", "her", "hers", "herself"}),
    frozenset({"they", "them", "their", "theirs", "themselves"}),
)
_PRONOUN = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b", re.I)


def pronoun_claim(pair: Pair) -> Claim | None:
    """ "her" became "his": who the sentence is about changed."""
    for hunk in pair.hunks:
        rem = [w.lower() for w in WORD.findall(hunk.removed)]
        add = [w.lower() for w in WORD.findall(hunk.added)]
        if (
            len(rem) == 1
            and len(add) == 1
            and _PRONOUN.fullmatch(rem[0])
            and _PRONOUN.fullmatch(add[0])
        ):
            group = next(g for g in PRONOUN_GROUPS if rem[0] in g)
            if add[0] not in group:
                return word_swap(
                    "entity", "medium", pair, hunk, (rem[0], add[0]), {"pronoun": True}
                )
    return None
