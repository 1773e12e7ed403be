"""Words whose swap for another changes a fact, and lengths of time written two ways.

A one-word swap is mostly wording ("road" -> "street", "said" -> "stated"), so the rewording rules
rank it low or cosmetic. The words here are the exceptions a news reader relies on: a word and
its opposite ("rose" -> "fell", "armed" -> "unarmed"), and words of one kind that state
different facts ("killed" -> "injured", "murder" -> "manslaughter", "approved" -> "delayed").
Within a kind, words that say the same thing share a class ("killed", "died", "dead"), so a
swap between them is still wording.

Lengths of time go the other way: "a week" and "seven days" are one duration.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from newswatch.edits import FUNCTION_WORDS, NEGATORS, WORD, Claim, Hunk, Pair
from newswatch.numbers import durations, find_figures

# Words whose swap for the other turns a claim around. Only words that keep their opposite
# sense in nearly every use; "up"/"down" are too idiomatic to list ("over"/"under" swapped for
# each other are not: "over the limit" -> "under the limit", "over 40" -> "under 40").
OPPOSITES = (
    "ahead behind", "before after", "increase decrease", "increased decreased", "rise fall",
    "rose fell", "risen fallen", "rising falling", "gain loss", "won lost", "win lose",
    "more less", "more fewer", "higher lower", "highest lowest", "above below",
    "majority minority", "guilty innocent", "convicted acquitted", "accepted rejected",
    "approved rejected", "support oppose", "supports opposes", "supported opposed", "alive dead",
    "open closed", "open close", "opens closes", "opened closed", "opening closing",
    "reopen close", "reopened closed", "maximum minimum", "most least", "largest smallest",
    "biggest smallest",
    "legal illegal", "true false", "confirmed denied", "allowed banned", "best worst",
    "success failure", "inside outside", "strengthen weaken", "expanded reduced", "north south",
    "east west", "import export", "imports exports", "first last", "earlier later",
    "overestimated underestimated", "surplus deficit", "profit loss", "victory defeat",
    "for against", "backed opposed", "condemned praised", "condemn praise", "condemns praises",
    "criticised praised", "criticized praised", "high low", "peaceful violent",
    "positive negative", "inflation deflation", "buy sell", "buys sells", "bought sold",
    "buyer seller", "buyers sellers", "admitted denied", "admits denies", "include exclude",
    "included excluded", "started ended", "starts ends", "begin end", "began ended",
    "begins ends", "hired fired", "passed failed", "arrived departed", "entered left",
    "public private", "domestic foreign", "voluntary compulsory", "voluntary mandatory",
    "temporary permanent", "temporarily permanently",
    # what a court did with a conviction, a ruling or an appeal
    "overturned upheld", "overturn uphold", "overturns upholds", "quashed upheld",
    "allowed dismissed", "granted denied", "granted refused", "granted rejected",
    "upper lower", "early late", "spreading contained", "pre post", "over under",
    "deliberate accidental", "deliberately accidentally", "intentional accidental",
    "intentionally accidentally", "confirmed disputed", "short long", "shorter longer",
    "shortest longest", "favour against", "favor against", "downgraded upgraded",
    "downgrade upgrade", "downgrades upgrades", "strengthened weakened", "strengthens weakens",
    "slowed accelerated", "slowing accelerating", "slows accelerates", "random targeted",
    "win lost", "win lose", "gained lost", "gains loses", "gain lose", "elected defeated",
    "beat missed", "beats misses", "including excluding",
    "includes excludes",
    # comparisons that say who or which ("the older man" -> "the younger man")
    "older younger", "oldest youngest", "elder younger", "eldest youngest", "old young",
    "richer poorer", "richest poorest", "rich poor", "faster slower", "fastest slowest",
    "stronger weaker", "strongest weakest", "strong weak", "cheaper dearer", "cheapest dearest",
    "warmer colder", "warmest coldest", "hotter colder", "hottest coldest", "wetter drier",
    "wettest driest", "safer riskier", "safer dangerous", "safe dangerous", "safe unsafe",
    "old new", "oldest newest", "older newer", "heavier lighter",
    "full empty", "internal external", "wider narrower", "bigger smaller", "larger smaller",
)  # fmt: skip
_OPPOSITE = {(a, b) for pair in OPPOSITES for a, b in (pair.split(), reversed(pair.split()))}

# "armed" -> "unarmed", "dependent" -> "independent": a word and its negative. The stem must be
# long enough to be a word of its own ("do"/"undo", "form"/"inform", "ease"/"disease" are
# other words); "un" makes few other words, so "able"/"unable" counts.
_NEGATIVE_PREFIX = re.compile(r"^(?:(un)|non|in|im|il|ir|dis)(?=[a-z])")
MIN_NEGATED_STEM = 5
MIN_UN_STEM = 4

# Kinds of fact, each a list of classes separated by "|": a swap between two classes of one
# kind changes the fact; words of one class say the same thing. Only the forms news uses for
# the fact: "held" (custody or a meeting?) and "dropped" (charges or prices?) are left out.
CONTRASTS = (
    # what happened to the people in a story
    "killed kills kill dead died dies die dying death deaths fatal fatally fatalities | injured "
    "injures wounded wounds hurt injuries injury | missing unaccounted | rescued rescues freed "
    "survived survives unharmed unhurt | released",
    # where a suspect stands with the law
    "arrest arrested arrests detain detained detains | charge charged indicted | admitted admits "
    "pleaded pleads pled | convict convicted guilty found | acquit acquitted acquits cleared | "
    "release released freed frees bailed | jail jailed jails imprisoned sentenced remanded | "
    "fined | sue sued",
    # how someone was attacked, and with what
    "shot shooting shootings gunshot | stabbed stabbing stabbings knifed | beaten beating | "
    "strangled strangling | poisoned poisoning",
    "gun guns rifle rifles pistol pistols handgun handguns firearm firearms shotgun | knife "
    "knives blade blades machete | bomb bombs explosive explosives",
    # where someone was, or where it happened ("died at home" -> "died in hospital")
    "home house | hospital | prison | school | hotel | station | scene",
    # what was involved in a crash
    "car cars | van vans | lorry lorries truck trucks | bus buses | coach | motorcycle "
    "motorcycles motorbike motorbikes | bicycle bicycles bike bikes | train trains | tram trams "
    "| ambulance ambulances | helicopter helicopters | plane planes airliner jet | boat boats "
    "ship ships vessel vessels ferry ferries",
    # the charge or the crime
    "murder | manslaughter | assault | rape | robbery | burglary | theft | fraud | terrorism",
    "murdered | raped | robbed | assaulted",
    # what a body decided, and what became of a plan or talks
    "propose proposed proposes announce announced announces unveil unveiled unveils | "
    "initialled initialed | "
    "approve approved approves passed passes adopt adopted adopts endorse endorsed endorses "
    "sign signed signs | reject rejected rejects block veto "
    "blocked blocks vetoed vetoes | delay delayed delays postpone postponed postpones defer "
    "deferred defers | cancel cancelled canceled cancels scrap scrapped scraps abandon "
    "abandoned abandons collapsed collapses dissolve dissolved dissolves | suspend suspended "
    "suspends pause paused pauses halt halted halts | resume resumed resumes restart restarted "
    "restarts",
    # whether a truce or a deal lasted ("held" alone is too many things to list elsewhere)
    "held holds survived survives | collapsed collapses broke breaks broken breached",
    # what became of a measure: sanctions, a curfew, an order
    "lift lifted lifts | extend extended extends | impose imposed imposes",
    # where a party stands on a decision
    "accept accepts accepted agree agrees agreed welcome welcomes welcomed endorse endorses "
    "endorsed | challenge challenges challenged contest contests contested oppose opposes "
    "opposed resist resists resisted",
    # which way a figure moved, in any of news's words for it ("jumped" -> "slumped")
    "rose risen rising increased jumped soared surged climbed gained grew | fell fallen falling "
    "decreased dropped plunged slumped tumbled declined shrank",
    # which way a figure or a rate moved
    "raise raises raised raising hike hikes hiked | cut cuts cutting lower lowers lowered "
    "lowering reduce reduces reduced reducing axe axes axed | hire hires hired hiring recruit "
    "recruits recruited recruiting | freeze freezes froze frozen keep keeps kept "
    "maintain maintains maintained unchanged steady",
    "doubled | halved | tripled",
    # how far a rule reaches, and what became of a thing
    "ban bans banned banning prohibit prohibits prohibited | restrict restricts restricted "
    "limit limits limited curb curbs curbed",
    "destroyed destroys | damaged damages",
    # how many of them
    "all every entire | most | many numerous | some several | few handful",
    # where someone was hurt
    "head | face | neck | chest | back | stomach abdomen | arm arms | hand hands | leg legs | "
    "foot feet",
    # how someone left a post, or was made to step aside
    "resigned resigns quit quits | fired fires sacked sacks dismissed dismisses ousted ousts "
    "| retired retires | suspended suspends | reshuffled demoted | promoted",
    # what someone said of their own words or deeds
    "apologised apologises apologise apologized apologizes apologize apology | defended "
    "defends defend",
    # a person's family status, and a party's name (lower case: "Democrats" open sentences)
    "married | divorced | separated | engaged | widowed",
    "democrat democrats democratic | republican republicans gop",
    # what a study was done in: a finding in mice is not yet one in people
    "mice mouse rats rat rodents rodent animals animal monkeys primates | humans human | cells",
    # the time of year
    "spring | summer | autumn fall | winter",
    # the sides of a case or a crime
    "victim victims | suspect suspects attacker attackers gunman gunmen assailant killer | police "
    "policeman policemen policewoman officer officers",
    "plaintiff plaintiffs | defendant defendants",
    # who a person is
    "man men | woman women",
    "mr | mrs ms miss",
    "boy boys | girl girls",
    "male | female",
    "husband | wife",
    "son sons | daughter daughters",
    "father | mother",
    "brother brothers | sister sisters",
    "child children kid kids youngster youngsters | baby babies infant infants toddler toddlers "
    "| teenager teenagers teen teens adolescent adolescents | adult adults | pensioner pensioners",
    # who someone is by role: "shot by police" -> "shot by a neighbour", "a pedestrian was hit"
    # -> "a cyclist was hit"
    "police policeman policemen policewoman officer officers constable constables | soldier "
    "soldiers troops army military | neighbour neighbours neighbor neighbors | driver drivers "
    "driving motorist motorists | passenger passengers | pedestrian pedestrians | cyclist "
    "cyclists | student students pupil pupils | teacher teachers | doctor doctors | nurse nurses | "
    "prisoner prisoners inmate inmates | guard guards | tourist tourists visitor visitors | "
    "firefighter firefighters firemen fireman | paramedic paramedics",
    # how badly someone is hurt ("serious but stable" is common: both words are in the text)
    "minor slight superficial stable | serious severe critical grave life-threatening",
    # how often, or over what period, a figure is counted ("rose 3% annually" -> "monthly")
    "daily | weekly | monthly | quarterly | annual annually yearly",
    "weekday weekdays | weekend weekends",
    # the level of a public warning, and a colour (of a warning, a car, a suspect's coat)
    "warning warnings | watch watches | advisory advisories",
    "red | orange amber | yellow | green | blue | black | white | grey gray | brown | purple | "
    "pink",
    # the unit a figure counts in
    "second seconds | minute minutes | hour hours | day days | week weeks | fortnight "
    "fortnights | month months | year years | decade decades | century centuries",
    "metre metres meter meters | kilometre kilometres kilometer kilometers km | mile miles "
    "| foot feet | yard yards | inch inches | centimetre centimetres cm",
    "acre acres | hectare hectares | square",
    # a time's zone: "3pm GMT" -> "3pm EST" is another hour
    "gmt utc | bst | cet | cest | eet | eest | est | edt | cst | cdt | mst | mdt | pst | pdt | "
    "aest | aedt | ist | jst",
    "gram grams | kilogram kilograms kilo kilos kg | tonne tonnes ton tons | pound pounds lb "
    "lbs | ounce ounces",
    "dollar dollars | pound pounds sterling | euro euros | yen | yuan | rupee rupees | franc "
    "francs | rouble roubles ruble rubles",
)
# Kinds whose swap shades a fact rather than replacing it: medium.
LOOSE_CONTRASTS = (
    # how close a figure is to the truth ("about 40" -> "more than 40")
    "about around roughly approximately | nearly almost | more | fewer less | least | up",
    # what the article calls the people or the event: a standards desk's labelling decision
    "terrorist terrorists | militant militants insurgent insurgents rebel rebels fighter "
    "fighters gunman gunmen",
    "riot riots rioting | protest protests demonstration demonstrations",
    "rioters | protesters protestors demonstrators",
    "regime | government administration",
    "massacre | killing killings",
    # how far a figure moved: "rose slightly" -> "rose sharply"
    "slight slightly marginal marginally modest modestly | sharp sharply steep steeply "
    "dramatic dramatically",
    # how binding a rule is, and how often a thing happens
    "must | should",
    "require requires required order orders ordered | recommend recommends recommended "
    "advise advises advised urge urges urged",
    "always | usually often mostly | sometimes occasionally | rarely seldom",
    # a cause established, or only a link ("caused by" -> "linked to")
    "caused causes causing | linked tied associated connected",
    # how a vote went: all for it, by far, or by little
    "unanimous unanimously | overwhelming overwhelmingly landslide comfortable comfortably | "
    "narrow narrowly slim",
    # a weapon named, where it was only a weapon ("a weapon" -> "a gun"): the fact made precise
    "weapon weapons | gun guns rifle rifles pistol pistols handgun handguns firearm firearms "
    "shotgun | knife knives blade blades machete | bomb bombs explosive explosives",
    # when, or from or until when: "in 2005" -> "since 2005"
    "in | since | until till",
    # where it happened: in a place, or near it
    "in inside within | near nearby outside",
    # how big a place is: a town called a city is a fact put right
    "village villages | town towns | city cities",
    # an inquiry or a ruling still awaited, or done ("suspended pending an investigation" ->
    # "dismissed after an investigation")
    "pending awaiting | after following",
    # a result projected, or declared
    "projected forecast predicted | declared certified",
    # a case or a cause suspected, or established
    "possible potential probable | confirmed proven",
    # a plain "said" made a word that doubts it or calls it an admission ("said" -> "claimed",
    # "said" -> "admitted"): the article now judges the source's words
    "said says told stated | claimed claims alleged alleges asserted asserts purported purports",
    "said says told stated | admitted admits conceded concedes confessed confesses",
    # a source's words taken as fact or held at a distance ("confirmed" -> "claimed")
    "confirmed confirms revealed reveals acknowledged acknowledges admitted admits | claimed "
    "claims alleged alleges asserted asserts purported purports",
)
# a currency written as its sign: "$5bn" -> "£5bn" changes the sum as much as "dollars" ->
# "pounds" does
CURRENCY_SIGNS = {"$": " dollar ", "£": " pound ", "€": " euro ", "¥": " yen ", "₹": " rupee "}
_SIGN = re.compile("[" + re.escape("".join(CURRENCY_SIGNS)) + "]")
_CLASS: dict[str, list[tuple[int, int]]] = {}
for _kind, _line in enumerate(CONTRASTS + LOOSE_CONTRASTS):
    for _index, _words in enumerate(_line.split("|")):
        for _word in _words.split():
            _CLASS.setdefault(_word, []).append((_kind, _index))


def opposite(old: str, new: str) -> bool:
    """``new`` turns ``old`` around: its opposite, or the same word negated (lower case)."""
    if (old, new) in _OPPOSITE:
        return True
    shorter, longer = sorted((old, new), key=len)
    prefix = _NEGATIVE_PREFIX.match(longer)
    if prefix is None or longer[prefix.end() :] != shorter:
        return False
    return len(shorter) >= (MIN_UN_STEM if prefix.group(1) else MIN_NEGATED_STEM)


def contrast(old: str, new: str) -> str | None:
    """How far ``old`` and ``new`` (lower case) differ as facts of one kind: "high" ("killed",
    "injured"), "medium" ("about", "more" than a figure), or None."""
    kinds = [
        kind
        for kind, index in _CLASS.get(old, ())
        for other_kind, other_index in _CLASS.get(new, ())
        if kind == other_kind and index != other_index
    ]
    if not kinds:
        return None
    return "high" if min(kinds) < len(CONTRASTS) else "medium"


# --- claims -----------------------------------------------------------------------------------


def opposite_claim(pair: Pair) -> Claim | None:
    """A word swapped for its opposite ("ahead of" for "behind", "rose" for "fell"), in one
    hunk or across a few close together ("close three libraries" -> "keep three libraries
    open")."""
    found = _first_swap(pair, opposite) or _first_swap(_joined_hunks(pair), opposite)
    if found is None:
        return None
    return word_swap("negation", "high", pair, *found, {"opposite": True})


# hunks this close (in words kept between them) are read as one phrase changed
PHRASE_GAP = 4


def _joined_hunks(pair: Pair) -> Pair:
    """The pair with its hunks, where there are two or three close together, read as one: the
    kept words between them are taken out of both sides, so a swap is looked for among the
    words that changed only."""
    hunks = pair.hunks
    if not 2 <= len(hunks) <= 3 or any(
        len(WORD.findall(pair.old.text[a.old_end : b.old_start])) > PHRASE_GAP
        for a, b in pairwise(hunks)
    ):
        return Pair(pair.old, pair.new, pair.edits, [])
    joined = Hunk(
        hunks[0].old_start,
        hunks[-1].old_end,
        hunks[0].new_start,
        hunks[-1].new_end,
        " ".join(h.removed for h in hunks),
        " ".join(h.added for h in hunks),
    )
    return Pair(pair.old, pair.new, pair.edits, [joined])


def contrast_claim(pair: Pair) -> Claim | None:
    """A word swapped for another that states a different fact of its kind ("killed" for
    "injured", "murder" for "manslaughter", "approved" for "delayed")."""
    found = _first_swap(pair, contrast)
    if found is None:
        return None
    hunk, (old, new) = found
    severity = contrast(old, new) or "high"
    return word_swap(
        "fact",
        severity,
        pair,
        hunk,
        (_as_written(old, hunk.removed), _as_written(new, hunk.added)),
        {},
    )


# a politician's party and state as US news writes them: "(D-Ore.)", "(R)"
_PARTY = re.compile(r"(?<=\()[DRI](?=[-–)])")


def party_claim(pair: Pair) -> Claim | None:
    """ "(D-Ore.)" -> "(R-Ore.)": another party."""
    for hunk in pair.hunks:
        if (
            _PARTY.match(pair.old.text, hunk.old_start)
            and _PARTY.match(pair.new.text, hunk.new_start)
            and len(hunk.removed.strip()) == len(hunk.added.strip()) == 1
        ):
            return word_swap("fact", "high", pair, hunk, (hunk.removed, hunk.added), {})
    return None


MAX_SWAP_WORDS = 3  # a hunk with more content words is a rewrite, not a swap: other rules judge it


def _first_swap(
    pair: Pair, test: Callable[[str, str], object]
) -> tuple[Hunk, tuple[str, str]] | None:
    """The first hunk that swaps a word for one ``test`` accepts, and the two words."""
    for hunk in pair.hunks:
        rem, add = _fact_words(hunk.removed), _fact_words(hunk.added)
        if not rem or not add or not _swap_sized(rem) or not _swap_sized(add):
            continue
        if bool(NEGATORS.intersection(rem)) != bool(NEGATORS.intersection(add)):
            continue  # "rejected" -> "did not approve", "not clear" -> "unclear": said again
        swap = next(((r, a) for r in rem for a in add if test(r, a) and _traded(pair, r)), None)
        if swap is not None:
            return hunk, swap
    return None


def _count(word: str, text: str) -> int:
    return len(re.findall(rf"\b{re.escape(word)}\b", text, re.I))


def _traded(pair: Pair, old: str) -> bool:
    """The sentence gave up the old word: "cars and vans" -> "cars, vans and lorries" diffs as
    "vans" -> "lorries" but keeps its vans (a series grew: ``lists``). A word read from other
    text than its own ("least" from "at least", a currency sign) is taken as given up."""
    before = _count(old, pair.old.text)
    return before == 0 or _count(old, pair.new.text) < before


def _swap_sized(words: list[str]) -> bool:
    """Short enough for a swap: at most three words that carry information, and two more that
    only carry grammar ("arrested on suspicion of" -> "charged with" is a swap)."""
    content = sum(w not in FUNCTION_WORDS for w in words)
    return content <= MAX_SWAP_WORDS and len(words) <= MAX_SWAP_WORDS + 2


def _as_written(word: str, text: str) -> str:
    """The currency sign ``word`` was read from, where ``text`` has the sign, not the word; the
    whole bound a bound's word stands for ("least" in "at least", "more" in "more than")."""
    sign = next((k for k, v in CURRENCY_SIGNS.items() if v.strip() == word and k in text), None)
    if sign is not None and word not in text.lower():
        return sign
    bound = _BOUNDS.get(word)
    if bound and re.search(rf"\b{bound}\b", text, re.I):
        return bound
    found = re.search(rf"\b{re.escape(word)}\b", text, re.I)
    return found.group(0) if found else word  # "Democrats" as the text has it


_BOUNDS = {"least": "at least", "up": "up to", "more": "more than", "fewer": "fewer than",
           "less": "less than"}  # fmt: skip


# a plea of guilty is an admission ("admitted fraud" -> "pleaded guilty to fraud"), not a verdict
_PLEADED_GUILTY = re.compile(r"\b(?:plead|pleads|pleaded|pled|pleading)\s+guilty\b")


_UNIT_ON_FIGURE = re.compile(r"(\d)([a-z]{1,3})\b")


def _fact_words(text: str) -> list[str]:
    """The lower-case words of ``text``, currency signs as words; "a few" is "several", not
    "few" ("not many")."""
    text = _SIGN.sub(lambda m: CURRENCY_SIGNS[m.group(0)], text.lower())
    text = _PLEADED_GUILTY.sub("admitted", text).replace("found guilty", "guilty")
    text = _UNIT_ON_FIGURE.sub(r"\1 \2", text)  # "10km" is 10 "km"
    return re.sub(r"\ba few\b", "several", " ".join(WORD.findall(text))).split()


def word_swap(
    kind: str,
    severity: str,
    pair: Pair,
    hunk: Hunk,
    swap: tuple[str, str],
    detail: dict[str, object],
) -> Claim:
    """A claim on one hunk where a word was swapped for another."""
    return Claim(
        kind,
        severity,
        pair.old.text,
        pair.new.text,
        swap[0],
        swap[1],
        pair.old.span(hunk.old_start, hunk.old_end),
        pair.new.span(hunk.new_start, hunk.new_end),
        detail,
    )


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


# --- one duration written two ways -----------------------------------------------------------


def same_duration(removed: str, added: str) -> bool:
    """``added`` names the same lengths of time as ``removed``, written another way ("a week"
    -> "seven days", "24 hours" -> "a day", "12 months" -> "a year")."""
    old, new = durations(removed), durations(added)
    if not old or len(old) != len(new):
        return False
    return all(
        abs(a - b) <= 1e-6 * max(a, b) for a, b in zip(sorted(old), sorted(new), strict=True)
    )


def without_restated_durations(pair: Pair, claims: list[Claim]) -> list[Claim]:
    """Drop the figure and unit claims of a length of time written another way ("a week" ->
    "seven days"); a hunk with other figures besides keeps them all."""
    same = [
        h
        for h in pair.hunks
        if same_duration(h.removed, h.added)
        and len(find_figures(h.removed)) <= len(durations(h.removed))
        and len(find_figures(h.added)) <= len(durations(h.added))
    ]
    if not same:
        return claims
    return [
        c
        for c in claims
        if c.kind not in ("number", "fact") or not any(pair.touches(h, c) for h in same)
    ]
