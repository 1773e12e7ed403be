"""Who an article says its claims come from: the speaker of a quote, and a sentence's sourcing
("officials said", "according to police"). A claim that loses its sourcing is stated by the
article itself; standards desks check exactly that."""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz import fuzz

from newswatch.context import stem
from newswatch.edits import FUNCTION_WORDS, WORD, Claim, Pair
from newswatch.headline_labels import FRONT_LABELS
from newswatch.names import NOT_NAMES, same_name

QUOTE = re.compile(r'"([^"\n]{2,})"')
# a name of up to four capitalised words, "of" or "for" between them: "the Ministry of Defence"
_NAME = r"(?:[A-Z][\w'\-]+\s+(?:(?:of|for)\s+(?:the\s+)?)?){0,3}[A-Z][\w'\-]+"
# a title in lower case between the verb and the name: "said foreign minister Ada Varga" (not
# a place or a time: "said at the Harbour Hotel", "said on Friday")
_TITLE = (
    r"(?:(?!(?:on|in|at|to|from|for|after|before|during|by|with|of|that|when|as|late|early)\b)"
    r"[a-z]+\s+){0,3}"
)
SPEAKER = re.compile(
    # "told the BBC", "told BBC News": the body told, read as the source
    r"(?:\bsaid|\bsays|\btold(?:\s+[a-z]\w*)?|\baccording to|\badded|\bstated|\bwrote|\bclaimed"
    r"|\binsisted"
    rf"|\bwarned|\bannounced)\s+(?:the\s+)?{_TITLE}({_NAME})"
    # a name starts a word: tried inside a long capitalised run, it backtracks at every letter
    rf"|(?<![\w'\-])({_NAME})\s+(?:said|says|say|told|added|stated|wrote|claimed"
    r"|insisted|warned|announced)\b",
)


def speaker(sentence: str) -> str | None:
    """The person or body a sentence attributes its words to, when it says so plainly."""
    match = SPEAKER.search(QUOTE.sub(" ", sentence))
    if not match:
        return None
    name = (match.group(1) or match.group(2)).strip()
    words = [w for w in name.split() if w.lower() not in NOT_NAMES]
    return " ".join(words) or None


# a source in lower case: "according to police", "…, witnesses said"
_LOWER_SOURCE = re.compile(
    r"\b[Aa]ccording to\s+(?!(?:the\s+)?(?:plans?|schedule|rules?|law|tradition|custom|"
    r"protocol)\b)((?:[a-z][\w'-]*\s+){0,3}?[a-z][\w'-]*)(?=\s*[,.;:]|\s*$)|"
    r"(?:^\s*(?:(?:A|An|The)\s+)?|,\s*)((?:[a-z][\w'-]*\s+){0,3}?[a-z][\w'-]*)\s+(?:said|say|says|"
    r"told|reported|"
    r"claimed|estimated|estimate|believe|believed)\b"
)


def lower_source(sentence: str) -> tuple[str, int] | None:
    """A source the sentence names in lower case, and where: "the driver was drunk, police
    said" gives "police"."""
    for match in _LOWER_SOURCE.finditer(QUOTE.sub(lambda m: " " * len(m.group(0)), sentence)):
        group = 1 if match.group(1) else 2
        if match.group(group).split()[-1] in _PASSIVE:
            continue  # "The boy is said to be recovering": no one named said it
        return match.group(group), match.start(group)
    # ... or opening the sentence, in a word news uses for a party: "Doctors said", "Union
    # officials said" (a name, "Ann Lee said", is the speaker rules')
    opening = _OPENING_SOURCE.match(sentence)
    if opening and {stem(w) for w in opening.group(1).lower().split()} <= _SOURCE_NOUNS:
        return opening.group(1).lower(), opening.start(1)
    return None


_OPENING_SOURCE = re.compile(
    r"\s*((?:[A-Z][a-z]+)(?:\s+[a-z][\w'-]*){0,2})\s+(?:said|say|says|told|reported|claimed)\b"
)


_PASSIVE = frozenset({"is", "are", "was", "were", "be", "been", "being"})


# who speaks for a body, or the body itself: a swap between them is the same source
_VOICES = frozenset(
    stem(w)
    for w in "spokesman spokeswoman spokesperson spokespeople representative representatives "
    "statement official officials authorities company firm government ministry department "
    "agency organisation organization group council".split()
)


# parties a voice does not speak for: "the government said" -> "union officials said" is
# another source
_OTHER_PARTIES = frozenset(
    stem(w)
    for w in "union unions opposition rebel rebels protesters campaigners residents witnesses "
    "police army military prosecutors lawyers doctors family relatives neighbours critics "
    "analysts experts".split()
)


_SOURCE_NOUNS = _VOICES | _OTHER_PARTIES | {stem(w) for w in "officials senior local".split()}


# sources news names by more than one word: a swap inside a group is the same source
_SAME_SOURCES = (
    "residents locals neighbours neighbors villagers inhabitants people",
    "witnesses witness eyewitnesses onlookers bystanders",
    "analysts economists experts observers",
    "doctors medics physicians",
    "lawyers attorneys",
    "police officers detectives",
    "firefighters firefighter firemen",
    "paramedics ambulance",
    "objectors opponents critics campaigners protesters",
    "officials authorities",
    "researchers scientists",
    "army military troops soldiers",
)
_SOURCE_GROUP = {stem(w): i for i, group in enumerate(_SAME_SOURCES) for w in group.split()}


# a spokesperson and the officer they speak for are two people: "a spokesperson said" -> "the
# chief executive said" gives the words to someone else
_SPOKESPEOPLE = frozenset(
    stem(w) for w in "spokesman spokeswoman spokesperson spokespeople".split()
)
# ... and so are an unnamed official and the officer named: "a senior official said" -> "the
# foreign minister said"
_UNNAMED = _SPOKESPEOPLE | frozenset(stem(w) for w in "official officials senior".split())
_OFFICERS = frozenset(
    stem(w)
    for w in "chief executive chairman chairwoman chair director president minister mayor leader "
    "head boss manager secretary governor commissioner".split()
)


def _spokesperson_for_officer(old_words: set[str], new_words: set[str]) -> bool:
    return any(
        one & _UNNAMED and not one - _UNNAMED and other & _OFFICERS
        for one, other in ((old_words, new_words), (new_words, old_words))
    )


def _same_group(old_words: set[str], new_words: set[str]) -> bool:
    groups = {_SOURCE_GROUP.get(w) for w in old_words | new_words}
    return len(groups) == 1 and None not in groups


def _source_words(source: str) -> set[str]:
    """The source's content words, stemmed ("reports" and "report" are one)."""
    return {stem(w) for w in WORD.findall(source) if w.lower() not in FUNCTION_WORDS}


def attribution_claim(pair: Pair) -> Claim | None:
    """Who is said to have said or done it changed: "Ann Lee said" -> "Tom Ward said",
    "according to police" -> "according to witnesses"."""
    before, after = speaker(pair.old.text), speaker(pair.new.text)
    if not before or not after or same_name(before, after):
        return _lower_source_claim(pair)
    if _same_group(_source_words(before), _source_words(after)):
        return None  # "Objectors said" -> "Opponents said": a group named at a sentence's start
    old_at = pair.old.text.find(before)
    new_at = pair.new.text.find(after)
    return _claim(pair, (before, old_at), (after, new_at))


def _lower_source_claim(pair: Pair) -> Claim | None:
    """One lower-case source for another, neither sharing a content word with the other
    ("police" -> "local police" is the same source said more fully)."""
    old, new = lower_source(pair.old.text), lower_source(pair.new.text)
    if old is None or new is None:
        return None
    old_words, new_words = _source_words(old[0]), _source_words(new[0])
    if not old_words or not new_words or old_words & new_words:
        return None
    if (
        (old_words <= _VOICES or new_words <= _VOICES)
        and not _spokesperson_for_officer(old_words, new_words)
        and not (old_words | new_words) & _OTHER_PARTIES
    ):
        return None  # "the company said" -> "a spokeswoman said": the body and its voice
    if _same_group(old_words, new_words) or _same_group(
        old_words - _VOICES or old_words, new_words - _VOICES or new_words
    ):
        return None  # "residents said" -> "locals said", "the army" -> "military officials"
    if any(respelt(w, list(new_words)) for w in old_words):
        return None  # "polcie" -> "police"
    return _claim(pair, old, new)


def _claim(pair: Pair, old: tuple[str, int], new: tuple[str, int]) -> Claim:
    (before, old_at), (after, new_at) = old, new
    return Claim(
        "attribution",
        "high",
        pair.old.text,
        pair.new.text,
        before,
        after,
        pair.old.span(old_at, old_at + len(before)),
        pair.new.span(new_at, new_at + len(after)),
    )


# "officials said", "according to police": where the article says its claim comes from
SOURCING = re.compile(
    # "did not say how" is no source: nothing was said
    r"\b(?<!\bnot )(?<!n't )(?:(?:said|says|say|saying)(?!\s+sorry\b)|told(?!\s+(?:to|off)\b)"
    # "were told they can return": leave given, not a source
    r"(?!\s+(?:that\s+)?(?:they|he|she|it|we|you)\s+(?:can|could|may|might|must|should)\b)|"
    # "according to plan" is no source
    r"according to(?! (?:the )?(?:plans?|schedule|rules?|law|tradition|custom|protocol)\b)|"
    # "an estimated 2,000 people" is a figure's hedge, not a source
    # ("officials estimate that" is one)
    # "claimed responsibility", "claimed the lives of": a deed, not a source
    r"reported|reports|claimed(?! (?:responsibility|credit|victory|the lives|lives|the title|"
    r"asylum|compensation|benefits?|ownership)\b)|alleged|alleges|stated|"
    r"(?<!\ban )estimated(?!\s+to\b)|estimates|"
    r"(?<!\ban )estimate(?=\s+that\b)|citing|"
    # court reporting: "the court heard" is "the court was told"
    r"(?:court|jury|inquest|tribunal|trial|hearing|inquiry|committee|magistrates|panel)\s+"
    r"(?:(?:has\s+|had\s+)?heard|(?:was|were|has\s+been|had\s+been)\s+told))\b",
    re.I,
)
# any verb of saying or thinking: a sourcing reworded to one of these is still a sourcing
_SAYING = (
    r"argu|insist|explain|suggest|warn|add|object|maintain|acknowledg|admit|announc|confirm|den|"
    r"believ|think|thought|wr[io]t|testif|assert|contend|indicat|reveal|disclos|quot|claim|accus|"
    r"stress|emphasi[sz]|describ|call|vow|pledg|promis|threaten|declin|apologi[sz]|thank|"
    # a source's own no: "said it would not negotiate" -> "ruled out negotiations"
    r"refus|reject|rul(?:e|es|ed|ing)\s+out|"
    # a reaction is the source's own word: "said it was pleased with" -> "welcomed"
    r"welcom|prais|criticis|criticiz|condemn|regret"
)
SPEECH = re.compile(SOURCING.pattern + rf"|\b(?:not|{_SAYING})\w*", re.I)
# the last word of a topic put before a headline's colon: an event, not a source
_TOPICS = (
    r"rise|rises|hike|hikes|cut|cuts|fall|war|crisis|election|elections|vote|referendum|"
    r"landslide|earthquake|quake|floods?|flooding|storm|heatwave|wildfires?|fires?|attacks?|"
    r"strikes?|row|scandal|budget|brexit|covid|coronavirus|pandemic|outbreak|shooting|crash|"
    r"protests?|summit|talks|deal|inflation|recession|markets|weather|travel|transfers?|"
    r"hurricane|typhoon|cyclone"
)
# a headline's source before a colon: "Police: driver was drunk" is "driver was drunk, police
# say"; a label before one ("Analysis:", "Exclusive:") is no source
COLON_SOURCE = re.compile(
    rf"^[\"'‘“]?(?!(?:{FRONT_LABELS}|obituary|letters|editor's note|correction|clarification|"
    r"today|tonight)\s*:)"
    # nor is a story's topic: "Rate rise:", "Landslide:", "Ukraine war:"
    rf"(?!(?:[\w'’.&-]+\s+){{0,3}}(?:{_TOPICS})\s*:)"
    # ... or a named one: "Storm Elin:", "Election 2026:"
    rf"(?!(?:{_TOPICS})(?:\s+[\w'’.&-]+){{1,2}}\s*:)"
    # ... or a result: "Rovers 3-2 City:"
    r"(?![^:]*\d\s?[-–]\s?\d)"
    r"[A-Z][\w'’.&-]*(?:\s+[\w'’.&-]+){0,3}:(?=\s)",
    re.I,
)
_NOT_A_SOURCE = frozenset(
    "that he she they it we i you him her them has have had was were is are be been the a an "
    "to of as who which and also".split()
)
MAX_SOURCING_WORDS = 6


# a source's own act of telling people something: the one who urged is the one who said
_DIRECTIVE = re.compile(
    r"\b(?:urged|urges|asked|asks|warned|warns|advised|advises|appealed|appeals|told|tells|"
    r"called\s+on|calls\s+on|issued|issues|announced|announces|"
    # ... and the one who named a victim is the one who said who died
    r"named|names|identified|identifies|"
    # ... or of what the source expects or believes: "Forecasters expect more rain" -> "More
    # rain is expected, forecasters said" is the same source's view
    r"expects?|expected|believes?|believed|predicts?|predicted|forecasts?|estimates?|"
    r"estimated|fears?|feared|thinks?|suspects?|suspected)\b",
    re.I,
)


def _urged_by(source: list[str], sentence: str) -> bool:
    """The other sentence has the source's words before a verb of telling people something."""
    found = _DIRECTIVE.search(sentence)
    if found is None:
        return False
    before = {w.lower() for w in WORD.findall(sentence[: found.start()])}
    return bool(source) and {w.lower() for w in source} <= before


def sourcing_claim(pair: Pair) -> Claim | None:
    """The sentence gained or lost where its claim comes from ("officials said" dropped): the
    article now states as fact what a source said, or the other way round. A speaker swapped
    for another is ``attribution_claim``'s; a "said" alone put in or taken out is grammar."""
    a, b = _sourcings(pair.old.text), _sourcings(pair.new.text)
    if a == b:
        return None
    if any(_SAID_AGAIN.search(h.added if a > b else h.removed) for h in pair.hunks):
        return None  # "The study suggests" -> "According to the study": a source said again
    for hunk in pair.hunks:
        side, other = (hunk.removed, hunk.added) if a > b else (hunk.added, hunk.removed)
        opens = (hunk.old_start if a > b else hunk.new_start) == 0
        cue = SOURCING.search(side) or (COLON_SOURCE.match(side) if opens else None)
        if cue is None or SPEECH.search(other) or respelt(cue.group(0).lower(), _words(other)):
            continue
        words = [w for w in WORD.findall(side) if len(w) > 1]  # "company's" is one word
        source = [w for w in words if w.lower() not in _NOT_A_SOURCE and not SOURCING.match(w)]
        if not source and _OWN_WORD.match(side) and _only_auxiliaries(other):
            source = words  # "The army said it had killed 40" -> "The army killed 40"
        if not source or len(words) > MAX_SOURCING_WORDS:
            continue  # a grammar fix, or a passage the other rules judge
        if _SAID_WOULD.match(side) and _INTENDS.search(other):
            continue  # "The firm said it would close" -> "The firm plans to close": its own plan
        planned = pair.old.text if a < b else pair.new.text
        if _INTENDS.search(planned) and _planner(source, planned):
            continue  # "The council plans to close it" -> "It will close, the council said"
        if (own := _SAID_IT_EXPECTED.match(side)) and re.match(own.group(1), other.strip(), re.I):
            continue  # "The airline expects" -> "The airline said it expected": its own view
        if _urged_by(source, pair.new.text if a > b else pair.old.text):
            continue  # "Police have urged people to …" -> "People were asked to …, police said"
        removed, added = _unshared(hunk.removed, hunk.added)
        if a > b:
            removed, added = _source_clause(removed, added)
        else:
            added, removed = _source_clause(added, removed)
        return Claim(
            "attribution",
            "medium",
            pair.old.text,
            pair.new.text,
            removed.strip(" ,:") or None,  # "Coastguard:" before a headline's claim
            added.strip(" ,:") or None,
            pair.old.span(hunk.old_start, hunk.old_end),
            pair.new.span(hunk.new_start, hunk.new_end),
            {"sourcing": "removed" if a > b else "added"},
        )
    return None


# a verb of saying that came in (or went) as the sourcing went (or came): the source said again
# ("noted" is one, a bare "not" is not; what a poll or a study "found" or "showed" is one too)
_SAID_AGAIN = re.compile(
    SOURCING.pattern + rf"|\b(?:not(?=e|ing)|{_SAYING})\w*|\b(?:found|finds|show(?:s|ed|n)?)\b"
    r"|\breportedly\b",  # "Reports suggest the deal is close" -> "The deal is reportedly close"
    re.I,
)


# the subject's own word for what it did, taken out: "The army said it had killed 40 militants"
# -> "The army killed 40 militants" states as fact what the army claimed
# ("They said that they are not ruling out action" -> "They are not ruling out action" is the
# subject's own stance either way: only a thing done or a state, after "had", "was", is a claim)
_OWN_WORD = re.compile(
    r"\s*(?:said|says|claimed|claims|stated)\s+(?:that\s+)?(?:it|he|she|they)\s+"
    r"(?:had|has|have|was|were)\s*$",
    re.I,
)


# the subject's own intention, said or stated: "said it would" and "plans to"
_SAID_WOULD = re.compile(
    r"\s*(?:said|says)\s+(?:that\s+)?(?:it|he|she|they|we|i)\s+(?:would|will)\s*$", re.I
)
_SAID_IT_EXPECTED = re.compile(
    r"\s*(?:said|says)\s+(?:that\s+)?(?:it|he|she|they|we|i)\s+(expect|hop|intend|plan|believ|"
    r"fear)\w*\s*$",
    re.I,
)
_INTENDS = re.compile(r"\b(?:plan|intend|aim|vow|pledg|promis|expect)\w*\s+to\b", re.I)


def _planner(source: list[str], other: str) -> bool:
    """The source put in (or taken out) is the other sentence's subject, whose plan it is."""
    words = {w.lower() for w in source if w.lower() not in FUNCTION_WORDS}
    return bool(words) and words <= {w.lower() for w in WORD.findall(other)[:4]}


def _only_auxiliaries(text: str) -> bool:
    return all(w.lower() in _AUXILIARIES for w in WORD.findall(text))


_AUXILIARIES = frozenset("is are was were has have had will would".split())


def _source_clause(sourced: str, other: str) -> tuple[str, str]:
    """The clause that gives the source, where the hunk also changed words before it ("4am" ->
    "3.45am, according to the fire service": the source is "according to the fire service",
    and the time is the figure rules')."""
    cue = SOURCING.search(sourced)
    comma = sourced.rfind(",", 0, cue.start()) if cue else -1
    if comma < 0 or not WORD.search(sourced[:comma]) or not WORD.search(other):
        return sourced, other
    return sourced[comma + 1 :], ""


def _sourcings(sentence: str) -> int:
    # "She told supporters: ..." is one source: its colon only opens the quote
    colon = COLON_SOURCE.match(sentence)
    return len(SOURCING.findall(sentence)) + bool(colon and not SOURCING.search(colon.group()))


# a source the reader cannot check: "sources said", "a person familiar with the talks",
# "speaking on condition of anonymity"
ANONYMOUS = re.compile(
    r"\b(?:sources?|insiders?|(?:a |one |two |three |several )?(?:person|people|officials?) "
    r"(?:familiar with|close to|briefed on|with knowledge of|who (?:asked|declined|did not want) "
    r"(?:not )?to be (?:named|identified))|on (?:the )?condition of anonymity|"
    r"(?:declined|asked|did not want) (?:not )?to be (?:named|identified))\b",
    re.I,
)


def anonymous_claim(pair: Pair) -> Claim | None:
    """A claim's source made anonymous, or named where it was anonymous ("Two officials said"
    -> "Two sources said"): the reader's means of weighing it changed."""
    a, b = list(ANONYMOUS.finditer(pair.old.text)), list(ANONYMOUS.finditer(pair.new.text))
    if len(a) == len(b) or not SOURCING.search(pair.old.text + " " + pair.new.text):
        return None
    gone, came = (a[-1], None) if len(a) > len(b) else (None, b[-1])
    return Claim(
        "attribution",
        "medium",
        pair.old.text,
        pair.new.text,
        gone.group(0) if gone else None,
        came.group(0) if came else None,
        pair.old.span(*gone.span()) if gone else pair.old_span_for_new(*came.span()),  # type: ignore[union-attr]
        pair.new.span(*came.span()) if came else pair.new_span_for_old(*gone.span()),  # type: ignore[union-attr]
        {"sourcing": "anonymous" if came else "named"},
    )


def _unshared(removed: str, added: str) -> tuple[str, str]:
    """What a hunk took out and put in, without a word both sides have but for its case
    ("Officials said the" -> "The")."""
    low_removed, low_added = removed.lower().strip(), added.lower().strip()
    if low_added and low_removed.endswith(low_added):
        return removed.strip()[: -len(low_added)], ""
    if low_removed and low_added.endswith(low_removed):
        return "", added.strip()[: -len(low_removed)]
    return removed, added


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def respelt(cue: str, words: list[str]) -> bool:
    """``cue`` only fixes the spelling of one of ``words`` ("alegged" -> "alleged"); a word of
    the language's own ("would" for "could") is another word, not a misspelling."""
    return cue not in words and any(
        fuzz.ratio(cue, w) >= 80 and w not in FUNCTION_WORDS for w in words
    )


def sourcing_moved(claims: list[Claim]) -> list[Claim]:
    """A source taken from one sentence and given to another of the same change ("Two died,
    police said. The coach ..." -> "Two died. The coach ..., police said."): the article still
    says where its account comes from, a sentence away. Both claims are low."""

    def source(value: str | None) -> frozenset[str]:
        words = {w.lower() for w in WORD.findall(value or "")}
        return frozenset(w for w in words if not SOURCING.fullmatch(w) and w not in _NOT_A_SOURCE)

    gone = [c for c in claims if c.detail.get("sourcing") == "removed" and source(c.old_value)]
    came = [c for c in claims if c.detail.get("sourcing") == "added" and source(c.new_value)]
    moved: set[int] = set()
    for claim in gone:
        twin = next(
            (
                c
                for c in came
                if id(c) not in moved and source(c.new_value) == source(claim.old_value)
            ),
            None,
        )
        if twin is not None:
            moved |= {id(claim), id(twin)}
    return [
        replace(c, severity="low", detail={**c.detail, "moved": True}) if id(c) in moved else c
        for c in claims
    ]
