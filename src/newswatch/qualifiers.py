"""A word put in or taken out that changes what a sentence claims.

Most words put in or taken out are style ("the plan" -> "the new plan"). These are the
exceptions a standards desk checks: a word that makes another
charge ("murder" -> "attempted murder"), another office ("the mayor" -> "the deputy mayor",
"the minister" -> "the former minister"), another outcome ("shot dead" -> "shot") or another
rank ("the biggest" -> "the second biggest"); and a word
that narrows a claim ("peaceful" -> "largely peaceful", "collapsed" -> "partly collapsed",
"bans tests" -> "bans most tests"), or bounds a figure ("12" -> "at least 12"), or says how it
was done ("passed unanimously", "seriously injured"), or claims a record ("a record high"); a
clause that gives a cause ("due to a waterlogged pitch"), who paid ("funded by the drinks
industry"), a condition ("unless talks succeed") or an exception ("except the
self-employed"). A thing done made a thing to come is ``tenses``'s, another fact in a
clause's place ``slots``'s.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newswatch.edits import FUNCTION_WORDS, WORD, Claim, Hunk, Pair, hunk_fact_claim, misspelt_in
from newswatch.legal import LEGAL, legal_steps
from newswatch.names import stands_for_words_in
from newswatch.numbers import find_figures

# Another charge, office, outcome or rank: high. A rank is an ordinal before a superlative
# ("the biggest" -> "the second biggest").
CHANGES = re.compile(
    r"\b(?:attempted(?!\s+to\b)|would-be|deputy|vice|former|ex(?=-)|(?<=\w)-elect|"
    # a person dead: "the late singer", "her late husband", "the late Tom Hale"
    r"(?<=\bthe\s|his\s|her\s)late(?!\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|"
    r"\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\b)(?=\s+(?:(?-i:[A-Z])\w+|singer|actor|actress|writer|"
    r"author|president|king|queen|founder|leader|musician|artist|poet|husband|wife|father|"
    r"mother|son|daughter|brother|sister|partner|owner|chairman)\b)|"
    # a thing almost done is not done: "has met its target" -> "has almost met it"
    r"(?:almost|nearly)(?=\s+(?:met|won|lost|hit|reached|beaten|beat|made|broke|died|"
    r"collapsed|closed|finished|completed|agreed|passed)\b)|"
    # an aim given up: "has a target of 300,000 homes" -> "has dropped its target"
    r"(?:dropped|scrapped|abandoned|ditched|shelved|missed|watered\s+down)(?=\s+(?:its|their|his|"
    r"her|the|a)\s+(?:\w+\s+)?(?:target|plan|pledge|promise|goal|bid|proposal|policy)s?\b)|"
    # another office: "the minister" -> "the prime minister", "the shadow chancellor"
    r"prime(?=\s+minister)|(?:shadow|assistant|junior)(?=\s+(?:chief|minister|secretary|"
    r"chancellor|director|commissioner|attorney|editor|manager|coach|constable))|"
    r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?=[\s-]+(?:[a-z]+est|most|"
    r"least)\b))\b",
    re.I,
)
# A claim narrowed or widened: medium. "acting" only before a post ("the acting mayor"), not
# the verb ("was acting on advice").
_POSTS = (
    r"(?:(?-i:[A-Z])\w*|chief|head|director|president|governor|mayor|minister|secretary|"
    r"commissioner|chair\w*|leader|captain|manager|editor|prime|attorney|general|ceo|boss)\b"
)
NARROWS = re.compile(
    r"\b(?:largely|mostly|partly|partially|partial|mainly|predominantly|in part|generally|"
    r"broadly|"
    rf"(?:acting|interim|outgoing|caretaker)(?=\s+{_POSTS})|provisional|provisionally|"
    r"tentative|tentatively|"
    # how far it reaches: "a full amnesty" -> "an amnesty" ("a total of 40" is a figure's)
    r"(?:(?<=\ba )|(?<=\ban )|(?<=\bthe )|(?<=\bits )|(?<=\btheir ))"
    r"(?:full|complete|total|blanket|unconditional|"
    r"comprehensive)"
    r"(?=\s+(?!(?:of|time|stop|with|and|or)\b)[a-z])|"
    # which game or level: "retired from international football" -> "from football"
    r"international(?=\s+(?:football|cricket|rugby|hockey|duty|career|game|games|matches|"
    r"competition|tournaments?)\b)|"
    # whom a finding holds for, put in after it: "cut the risk by 20%" -> "... by 20% in men"
    r"(?<=%\s)in (?:men|women|children|adults|mice|rats|animals|older people|the elderly)|"
    r"(?<=\d\s)in (?:men|women|children|adults|mice|rats|animals|older people|the elderly))\b",
    re.I,
)
# How a thing was done, a fact a reader can check: "passed unanimously" -> "passed", "were
# injured" -> "were seriously injured", "closed" -> "temporarily closed": medium. Only words
# that say how, how badly or for how long, and are seldom there for style alone.
MANNER = re.compile(
    r"\b(?:unanimous(?:ly)?|narrowly|only\s+just|deliberate(?:ly)?|intentional(?:ly)?|accidental(?:ly)?|"
    # how badly someone or something was hurt ("critically acclaimed" is praise, not harm)
    r"(?:seriously|severely|critically|slightly|lightly|badly|gravely|fatally)"
    r"(?=\s+(?:injur|ill\b|hurt|wound|damag|burn|affect))|"
    r"temporar(?:y|ily)|permanent(?:ly)?|"
    r"indefinite(?:ly)?|secret(?:ly)?|covertly|illegal(?:ly)?|unlawful(?:ly)?|"
    r"voluntar(?:y|ily)|forcibly|posthumous(?:ly)?|anonymously|minor(?=\s+injur)|"
    r"serious(?=\s+(?:injur|condition|harm|damage|allegations?|charges?|offen[cs]es?))|"
    r"critical(?=\s+(?:but\s+stable\s+)?condition|\s+injur)|"
    r"(?:non-)?life-threatening|remotely|in person|in absentia|under oath|"
    # made to do it: "resigned" -> "was forced to resign"
    r"(?:forced|pressured|pressed|compelled) (?:to|into)|"
    # "no plans to cut jobs" -> "no immediate plans": not now, maybe later
    r"(?:immediate|current)(?=\s+(?:plans?|intention))|"
    # the same said in a phrase: "on purpose" is "deliberately", "for good" "permanently"
    r"on purpose|by accident|by mistake|in secret|for good|for the time being|for now|"
    r"by a (?:narrow|slim|wafer-thin|razor-thin) margin|"
    r"in principle|as a precaution|"
    r"for the moment)\b",
    re.I,
)
# Why it happened, put in or taken out: "retired due to concussion", "named as the probable
# cause", "blamed on ice". "Due to" after "is" or "was" is mostly a schedule ("is due to
# meet"), and is left out.
CAUSE_CUES = (
    r"caused by|blamed on|because(?: of)?|(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )"
    r"(?<!\bbe )(?<!\bbeen )due to|as a result of|owing to|triggered by|sparked by|"
    # "retired through injury", "missed the final through illness"
    r"through(?=\s+(?:(?:a|an|his|her|their)\s+)?(?:\w+\s+)?(?:injury|illness|ill[\s-]health)\b)"
)
CAUSE = re.compile(
    rf"\b(?:{CAUSE_CUES}|(?:probable|likely|possible|main|root|official) cause)\b", re.I
)
# Who paid for it, put in or taken out: "The study, funded by the drinks industry, found no
# link" -> "The study found no link" hides whose interest is at stake
FUNDING = re.compile(
    r"\b(?:funded|paid for|sponsored|financed|bankrolled|commissioned|underwritten) by\b",
    re.I,
)
# On what it depends, put in or taken out: "will go ahead on Friday" -> "will go ahead on
# Friday unless talks succeed" makes a fact a possibility. "if" only where it opens a
# condition, not a question ("asked if", "unclear if") or a manner ("as if", "even if").
CONDITION = re.compile(
    r"\b(?:unless|provided(?: that)?(?=\s+(?:the|it|they|he|she|there|a|an|no)\b)|"
    r"on condition that|subject to|as long as|so long as|only if|permitting|"
    # a thing still to be done, as a condition: "will hold 60,000 when it is expanded"
    r"(?:once|when)(?=\s+(?:it|they|this|that|the\s+\w+)\s+(?:is|are|has\s+been|have\s+been)"
    r"\s+\w+(?:ed|en)\b)|"
    r"(?<!\bas )(?<!\beven )(?<!\bask )(?<!\basks )(?<!\basked )(?<!\bwonder )"
    r"(?<!\bwondered )(?<!\bknow )(?<!\bsee )(?<!\bcheck )(?<!\bchecked )(?<!\bunclear )"
    r"(?<!\bunsure )(?<!\bdecide )(?<!\bquestioned )if(?!\s+(?:any|ever|not|so|only)\b))\b",
    re.I,
)
# "bans nuclear tests" -> "bans most nuclear tests": a claim about all made one about some, by a
# word put in or taken out alone ("some" -> "a group of" is one vague number for another)
_QUANTIFIERS = ("most", "some", "many")
SOME = re.compile(
    r"(?<!\bthe )(?<!\bat )(?<!\bin )\b(?:"
    + "|".join(_QUANTIFIERS)
    # "withdrew from the city" -> "from parts of the city"
    + r"|parts? of(?=\s+(?:the|its|their|his|her)\b)"
    + r")(?=\s+[a-z])(?!\s+(?:of the "
    r"time|time|times|way|ways|reason|point|extent|degree|sort|kind|years?|days?|weeks?|"
    r"months?|hours?|more|less|other|others|one|people say)\b)",
    re.I,
)
# Whom or what a claim leaves out, put in or taken out: "applies to all workers" -> "... except
# the self-employed"
EXCEPTION = re.compile(
    r"\b(?:except(?: for)?|excluding|apart from|with the exception of|other than|barring|"
    r"save for)\b",
    re.I,
)
# A record claimed or taken back: "shares hit a record high" -> "shares hit a high" (a rank,
# as "the biggest" is); "record" only before what a record is counted in, not "his record".
RECORD = re.compile(
    r"\b(?:record(?:-breaking|-setting)?|all-time|unprecedented)(?=[\s-]+(?:highs?|lows?|"
    r"levels?|numbers?|turnout|profits?|loss(?:es)?|temperatures?|heat|rainfall|sales|demand|"
    r"prices?|figures?|years?|months?|quarters?|amounts?|sums?|gains?|falls?|rises?|growth|"
    r"inflation|unemployment|deficits?|debts?|crowds?|attendance|investment|borrowing|"
    r"spending|exports?|imports?|revenues?|earnings|fines?|sentences?|\d|[$€£¥]))"
    # after a superlative: "the hottest day on record", "the highest since records began"
    r"|\bon record\b(?!\s+(?:as|saying|that))|\bsince records began\b"
    # ... said of the record itself: "the highest pass rate ever recorded"
    r"|\bever\s+(?:recorded|measured|seen|registered)\b",
    re.I,
)
# By when it is to happen, put in or taken out: "elections within a year", "by the end of the
# year" (a figure's own rules read "within 90 days"; "a year" alone is no count to them)
DEADLINE = re.compile(
    r"\b(?:within|in the next|over the next)\s+(?:a|an|one)\s+(?:year|month|week|decade|day)\b"
    r"|\bby the (?:end|middle|start) of (?:the|this|next) (?:year|month|week|decade|summer|"
    r"winter|spring|autumn)\b"
    # a date made a bound: "will open in 2028" -> "in 2028 at the earliest"
    r"|\bat the (?:earliest|latest)\b|\bno (?:earlier|later|sooner) than\b",
    re.I,
)
# Whether someone died: a word of this kind put in where the sentence had none, or taken out
# where none is left ("shot dead" -> "shot", "where he later died" cut); not "a dead end". "Die"
# only after a count or a modal ("Two die in fire", "could die"): in German it is "the".
_BEFORE_DIE = "|".join(
    rf"(?<=\b{w}\s)"
    for w in "to will would could may might can did two three four five six".split()
)
DEATH = re.compile(
    r"\b(?:dead(?!\s+(?:end|heat|weight|zone|ball|wood|ringer|letter|in the water|set|serious|"
    r"against|last|even|tired|cert|loss|duck|centre|center|ahead|wrong|right|keen|easy)\b)|"
    rf"died|dies|(?:(?<=\d\s)|{_BEFORE_DIE})die(?!-)|kill(?:ed|s|ing)(?!\s+off\b)|"
    r"drowned(?!\s+out)|"
    r"fatally|fatal|murdered|lifeless|pass(?:ed|es)? away|deaths|dying|"
    r"(?<!near-)death(?!\s+(?:threats?|penalty|sentences?|row|wish|trap|metal|knell|spiral|"
    r"zone|march|star|valley)\b)|"
    # a body found is a death: "the bodies of two climbers were recovered" (not "a public body")
    r"bod(?:y|ies)(?=(?:\s+of\s+[^.]{1,40}?)?\s+(?:was|were|is|are|(?:has|have|had)\s+been)\s+"
    r"(?:later\s+|then\s+|since\s+)?(?:found|recovered|discovered|pulled|retrieved|identified)\b"
    r"(?!\s+(?:to|guilty|liable|responsible|in\s+breach)\b))|"
    r"(?<=found\s)(?:a\s|the\s)?bod(?:y|ies))\b",
    re.I,
)
# A bound on a figure put in or taken out: "at least 12" -> "12" makes a floor a count. "About"
# and "some" only round a figure, and are left out.
BOUND = re.compile(
    r"\b(?:at least|at most|up to|more than|fewer than|less than|nearly|almost|as many as|"
    r"as much as|as few as|as little as|as long as|as high as|as far as|as low as|over|"
    r"under|above|below|no more than|no fewer than|not more than|in excess of)\s+"
    r"(?=[$€£¥]?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens|"
    r"hundreds|thousands|half|a third|a quarter|two-thirds|three-quarters)\b)",
    re.I,
)
# a figure only rounded: "about 12" -> "at least 12" is a swap of one hedge on a figure for
# another (the contrast rules' "about" -> "at least")
# a bound said as a noun before the figure: "a minimum term of 25 years", "a maximum of 40"
FLOOR_NOUN = re.compile(r"\b(?:minimum|floor)\b", re.I)
CEILING_NOUN = re.compile(r"\b(?:maximum|ceiling|cap)\b", re.I)
# a ceiling said as what may be reached: "gusts of up to 80mph" -> "gusts could reach 80mph"
CEILING_REACHED = re.compile(r"\b(?:could|may|might|can)\s+(?:reach|hit|top)\b", re.I)
LOWER_BOUNDS = ("at least", "no fewer than", "no less than", "not less than")
UPPER_BOUNDS = (
    "at most", "up to", "no more than", "not more than", "as many as", "as much as",
    "as long as", "as high as", "as far as",
)  # fmt: skip
ROUNDED = re.compile(
    r"\b(?:about|around|roughly|approximately|some|an estimated)\s+(?=[$€£¥]?\d|(?:one|two|three|"
    r"four|five|six|seven|eight|nine|ten|a dozen|dozens|hundreds|thousands)\b)",
    re.I,
)
_CLAUSES = {
    CAUSE: "cause",
    FUNDING: "funding",
    CONDITION: "condition",
    EXCEPTION: "exception",
}  # put in or cut whole
MAX_HUNK_WORDS = 4  # a hunk longer than this is a rewrite: other rules judge it
MAX_CAUSE_WORDS = 8
MAX_LEGAL_WORDS = 6


def qualifier_claim(pair: Pair, old_text: str, new_text: str) -> Claim | None:
    """A qualifier or a death put in or taken out by a short hunk of ``pair``. ``old_text`` and
    ``new_text`` are the whole article, so that a death only moved to another sentence ("shot
    dead." -> "shot. She died at the scene.") is not news."""
    rules = (
        (DEATH, "high"),
        (CHANGES, "high"),
        (NARROWS, "medium"),
        (SOME, "medium"),
        (MANNER, "medium"),
        (RECORD, "medium"),
        (DEADLINE, "medium"),
        (CAUSE, "medium"),
        (FUNDING, "medium"),
        (CONDITION, "medium"),
        (EXCEPTION, "medium"),
        # last, and in a short hunk only: a charge inside a clause put in ("except those
        # accused of war crimes") is the clause's
        (LEGAL, "medium"),
    )
    for pattern, severity in rules:
        # a cause is a clause put in or cut whole ("because the lights failed"); a swap of
        # words ("as" -> "because") is a link said another way, not a cause put in
        clause = pattern in _CLAUSES
        # a death, a record or a deadline told in place of a longer phrase ("was in a
        # stable condition" -> "had died", "the hottest day of the year so far" -> "the hottest
        # day on record", "by the end of the year")
        limit = (
            MAX_CAUSE_WORDS
            if clause or pattern in (DEATH, RECORD, DEADLINE)
            # a legal step told with its verb and place: "and was remanded in custody"
            else MAX_LEGAL_WORDS
            if pattern is LEGAL
            else MAX_HUNK_WORDS
        )
        # a death told where the article told none, or none left where it told one, is news
        # however long the rewrite that carries it ("Heavy rain caused flooding" -> "A man has
        # died and dozens were evacuated after heavy rain caused flooding")
        for hunk in pair.hunks:
            taken, put = WORD.findall(hunk.removed), WORD.findall(hunk.added)
            # (a short side against words only moved within the sentence is short too)
            moved = (len(taken) <= limit and _new_count(put, pair.old.text) <= 1) or (
                len(put) <= limit and _new_count(taken, pair.new.text) <= 1
            )
            if (
                (len(taken) > limit or len(put) > limit)
                and not moved
                and not (pattern is DEATH and 0 in (deaths(old_text), deaths(new_text)))
            ):
                continue
            if (clause and taken and put) or (pattern is SOME and not _only_some(taken, put)):
                continue
            found = _put_in_or_out(pattern, pair, hunk)
            if found is None:
                continue
            word, added = found
            word = " ".join(word.lower().split())
            if word == "former" and _ONCE.search(hunk.removed if added else hunk.added):
                continue  # "an old railway line" -> "a former railway line": one thing
            if pattern is DEADLINE and len(put if added else taken) > len(word.split()) + 2:
                continue  # "... who surrender their weapons within a month": more than a date
            if pattern is DEATH and deaths(old_text) == deaths(new_text):
                continue  # only moved to another sentence
            if pattern is LEGAL and legal_steps(old_text) == legal_steps(new_text):
                continue  # the same charges and steps, told again or elsewhere
            if stands_for_words_in(
                (hunk.removed if added else hunk.added).strip(),
                pair.new.text if added else pair.old.text,
            ):
                continue  # "PM" -> "Prime Minister": the acronym spelt out
            if moved_whole(hunk.added if added else hunk.removed, old_text if added else new_text):
                continue  # "Mr Hale, a former teacher, was" -> "... He is a former teacher."
            if clause:  # the whole clause: "Cause added: blamed on black ice"
                words = (hunk.added if added else hunk.removed).strip(" ,;:()–—")
                if not WORD.search(pattern.sub(" ", words)):
                    continue  # only the link word went ("because" -> ":"): the clause stays
                if _restated(words, pattern, pair.old.text if added else pair.new.text):
                    continue  # "funded by venture capital" -> "venture-capital-funded"
                what = _CLAUSES[pattern]
                return hunk_fact_claim(pair, hunk, severity, *_values(words, added), {what: True})
            return hunk_fact_claim(pair, hunk, severity, *_values(word, added), {"qualifier": True})
    return None


# "former" said another way
_ONCE = re.compile(r"\b(?:old|one-?time|erstwhile|previous|onetime|disused)\b", re.I)


def bound_claim(pair: Pair) -> Claim | None:
    """A bound on a figure that one hunk took out or put in, the figure kept: "at least 12
    people" -> "12 people", "40 homes" -> "up to 40 homes"."""
    for hunk in pair.hunks:
        for text, start, end, other, added in _sides(pair, hunk):
            match = inside(BOUND, text, start, end)
            if match is None or BOUND.search(other) or ROUNDED.search(other):
                continue  # the other side bounds or rounds it: a swap, which contrasts judge
            word = " ".join(match.group(0).lower().split())
            if (word in LOWER_BOUNDS and FLOOR_NOUN.search(other)) or (
                word in UPPER_BOUNDS
                and (CEILING_NOUN.search(other) or CEILING_REACHED.search(other))
            ):
                continue  # "at least 25 years" -> "a minimum term of 25 years": said again
            bounded = next((f for f in find_figures(text) if f.span[0] >= match.end()), None)
            if bounded is None or bounded.key not in {f.key for f in find_figures(other)}:
                continue  # a new figure with its bound: the figure rules judge it
            if re.search(rf"\b{word.replace(' ', '')}\b", other, re.I):
                continue  # "upto" -> "up to": a spelling put right
            if word == "over" and bounded.kind == "duration":
                continue  # "over ten years" is the span it ran across, not more than ten
            return hunk_fact_claim(pair, hunk, "medium", *_values(word, added), {"qualifier": True})
    return None


def _only_some(taken: list[str], put: list[str]) -> bool:
    """The hunk only put in or took out "most", "some", "many" or "parts of" ("Residents" ->
    "Some residents"), not one vague number for another ("Some" -> "A group of")."""
    some = (*_QUANTIFIERS, "part", "parts", "of")
    rest_taken = [w.lower() for w in taken if w.lower() not in some]
    rest_put = [w.lower() for w in put if w.lower() not in some]
    return rest_taken == rest_put


def _values(word: str, added: bool) -> tuple[str | None, str | None]:
    """The claim's old and new values for a word put in (``added``) or taken out."""
    return (None, word) if added else (word, None)


def moved_whole(words: str, other_article: str) -> bool:
    """The phrase (two words or more) stands whole in the other version of the article."""
    phrase = " ".join(WORD.findall(words)).lower()
    if len(phrase.split()) < 2:
        return False
    return f" {phrase} " in f" {' '.join(WORD.findall(other_article)).lower()} "


def _restated(clause: str, cue: re.Pattern[str], other: str) -> bool:
    """Half or more of the clause's own words (those outside its ``cue``) stand in the other
    sentence: the cause or the funder said another way ("funded by venture capital" ->
    "venture-capital-funded")."""
    own = [w.lower() for w in WORD.findall(cue.sub(" ", clause)) if w.lower() not in FUNCTION_WORDS]
    other_words = {w.lower() for w in WORD.findall(other)}
    return bool(own) and sum(w in other_words for w in own) * 2 >= len(own)


def _put_in_or_out(pattern: re.Pattern[str], pair: Pair, hunk: Hunk) -> tuple[str, bool] | None:
    """The words of ``pattern`` that ``hunk`` put in (True) or took out (False), where the other
    side of the pair has none of the kind. Matched in the sentence, so that a pattern may look
    at the words after the hunk."""
    for text, start, end, other, added in _sides(pair, hunk):
        match = inside(pattern, text, start, end)
        if match is not None and not _of_its_kind(pattern, match.group(0), other):
            if misspelt_in(match.group(0), hunk.removed if added else hunk.added):
                return None  # "generlaly" -> "generally": a typo put right
            if _as_other_part_of_speech(match.group(0), other):
                return None  # "make a full recovery" -> "recover fully"
            return match.group(0), added
    return None


def _of_its_kind(pattern: re.Pattern[str], word: str, other: str) -> bool:
    """The other sentence has a word of the pattern's kind; for another office or rank, the
    same word ("Prime Minister" -> "Former Prime Minister": "prime" is no "former")."""
    if pattern is not CHANGES:
        return pattern.search(other) is not None
    return _office_word(word) in {_office_word(m.group(0)) for m in pattern.finditer(other)}


def _office_word(word: str) -> str:
    """One word for the same office ("vice" and "deputy", "ex-" and "former")."""
    word = " ".join(word.lower().split())
    return {"vice": "deputy", "ex": "former"}.get(word, word)


_NOT_ADVERBS = frozenset({"only", "early", "likely", "daily", "weekly", "monthly", "yearly"})


def _as_other_part_of_speech(word: str, other: str) -> bool:
    """The other sentence has the word as an adverb, or the adverb as the word: "full" and
    "fully", "temporary" and "temporarily", "partial" and "partially"."""
    word = word.lower().strip()
    if not word.isalpha() or len(word) < 4 or word in _NOT_ADVERBS:
        return False
    if word.endswith("ly"):
        forms = {word[:-2], word[:-1], word[:-3] + "y", word[:-2] + "e"}
    else:
        forms = {word + "ly", word + "y", word[:-1] + "ily", word[:-1] + "ly"}
    return bool(forms & {w.lower() for w in WORD.findall(other)})


def _sides(pair: Pair, hunk: Hunk) -> tuple[tuple[str, int, int, str, bool], ...]:
    """Each side of ``hunk``: its sentence, where the hunk lies in it, the other sentence, and
    whether this is the side words were put into (the new one)."""
    return (
        (pair.new.text, hunk.new_start, hunk.new_end, pair.old.text, True),
        (pair.old.text, hunk.old_start, hunk.old_end, pair.new.text, False),
    )


def inside(pattern: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``text`` that lies in ``text[start:end]`` (a space
    after it may fall outside)."""
    if start == end:
        return None
    return next(
        (m for m in pattern.finditer(text) if start <= m.start() and m.end() <= end + 1), None
    )


def _new_count(words: list[str], other: str) -> int:
    """How many of ``words`` the other sentence lacks: words only moved within the sentence
    ("confirmed that two patients had been moved" -> "two patients have been moved, a
    spokesman said") make no rewrite."""
    there = {w.lower() for w in WORD.findall(other)}
    return sum(w.lower() not in there for w in words)


@lru_cache(maxsize=64)
def deaths(text: str) -> int:
    """The deaths an article tells, counted once per text: each of its pairs asks. A death
    denied is none told ("No one was killed", "The injuries are not fatal")."""
    return sum(
        not _DENIED.search(text, max(0, m.start() - 40), m.start()) for m in DEATH.finditer(text)
    )


# a death denied: "no one was killed", "nobody inside died", "were not fatal", "no deaths"
_DENIED = re.compile(
    r"\b(?:no\s+one|nobody|none|no)\b(?:\s+[\w'-]+){0,5}\s+$|\b(?:not|never)\s+(?:\w+\s+)?$|n['’]t\s+$",
    re.I,
)
