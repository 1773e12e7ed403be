"""The headline's change, ranked like a sentence's but read as a headline.

A headline wears labels and the site's name that come and go ("LIVE:", "| Coast Post"); those
are cosmetic. A figure, a negation, an opposite or a key fact changed is high, as in the text,
and so is one name put for another. A word swapped as the article's text swapped it, a hedge
or a source put in or taken out ("Port could reopen", "..., report says") and a claim turned
into a question ("Minister to resign?") are medium, and so are new words the text does not
have. A headline reworded in words the text has (sites rewrite headlines for search and test
them against each other) is low, and so is one rewritten whole or with a word put in or taken
out: it is shown, and the text's own claims carry any alert. A figure the headline dropped or
took in that the text states is such a rewrite too; a figure changed stays high.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newswatch import detectors as d
from newswatch.contrasts import contrast_claim, opposite_claim
from newswatch.detectors import WordingTest
from newswatch.duration_forms import without_restated_durations
from newswatch.edits import LEVELS, WORD, Claim, Pair, Side
from newswatch.entities import DOERS, FORCES, entity_claims
from newswatch.figures import number_claims
from newswatch.headline_figures import figure_in_text
from newswatch.headline_labels import bare_headline
from newswatch.headline_words import (
    SENTENCE_END,
    alleges_untold,
    content,
    denied_in_text,
    new_source,
    phrase_in,
    qualifier_untold,
    untold,
)
from newswatch.hedges import hedge_claim
from newswatch.phrases import VERB_FORMS
from newswatch.qualifiers import bound_claim, qualifier_claim
from newswatch.sourcing import attribution_claim
from newswatch.states import headline_state, swapped_against_text


def headline_claim(
    old: str, new: str, context: d.Context, wording_changed: WordingTest
) -> Claim | None:
    """How far the headline changed; ``wording_changed(removed, added)`` tells whether a
    change of words is more than cosmetic."""
    from newswatch.diff import word_diff  # not at the top: diff imports the claim rules

    if old == new:
        return None
    whole = (0, len(old)), (0, len(new))
    if bare_headline(old) == bare_headline(new):  # only a label or the site's name came or went
        return Claim("headline", "cosmetic", old, new, old, new, *whole)
    original = old, new
    old, new = bare_headline(old), bare_headline(new)  # "UPDATE 2-" is no figure
    pair = Pair(Side(old, 0), Side(new, 0), word_diff(old, new))
    # the word rules read the headline in lower case: "Harbour official arrested" -> "Former
    # harbour official charged" is then two small edits, not one that covers the whole line
    folded = pair
    # and word by word, without merging nearby changes, as the text's rules read a sentence:
    # "Strike called off after deal" -> "Strike goes ahead after talks fail" is two changes
    fine = Pair(Side(old, 0), Side(new, 0), word_diff(old, new, semantic=False))
    if len(old.lower()) == len(old) and len(new.lower()) == len(new):
        low_old, low_new = old.lower(), new.lower()
        folded = Pair(Side(low_old, 0), Side(low_new, 0), word_diff(low_old, low_new))
        fine = Pair(Side(low_old, 0), Side(low_new, 0), word_diff(low_old, low_new, semantic=False))
    # a year in the few words before the colon that name a running story ("Budget 2026: Fuel
    # duty to rise") is the story's label, not a claim
    old_bare, new_bare = (_YEAR_LABEL.sub("", line, count=1) for line in (old, new))
    counted = number_claims(
        Pair(Side(old_bare, 0), Side(new_bare, 0), word_diff(old_bare, new_bare))
    )
    # (a figure only rounded or made vague, "64.2%" -> "64%", "60" -> "Dozens", is low)
    figures = [c for c in counted if not c.detail.get("rounded") and not figure_in_text(c, context)]
    turned = d.negation_claim(pair)
    state = headline_state(old, new, context.new_text)  # "Strike called off", text: it goes on
    if (
        state == "high"
        or denied_in_text(pair, context) is not None  # "... driver hurt", text: "not hurt"
        or swapped_against_text(old, new, context.new_text)  # "sack" -> "resigns", text: sacked
        or figures
        or (turned is not None and not _negation_in_text(turned, context))
        or opposite_claim(folded)
        or opposite_claim(fine)
        or attribution_claim(pair) is not None  # "Police say ..." -> "Witnesses say ..."
        or d.roles_claim(pair) is not None  # "Harlow to buy Kent" -> "Kent to buy Harlow"
    ):
        severity = "high"
    elif swap := (
        _word_swap(folded)
        or _word_swap(fine)
        or qualifier_untold(qualifier_claim(folded, old, new), context)
        or qualifier_untold(bound_claim(folded), context)  # "At least four killed": told
    ):
        # "Minister resigns" -> "Minister sacked", "Ex-minister ...", "... up to 500 jobs"; a
        # swap of two facts the text both tells leads with the other ("Boy charged" -> "Boy
        # remanded in custody")
        severity = "low" if _both_told(swap, new, context) else swap.severity
    elif _names_swapped(pair, context):  # "Harlow to lead inquiry" -> "Marsh to lead inquiry"
        severity = "high"
    elif (
        state == "medium"
        or _swapped_in_the_text_too(pair, context)  # "Ferry operator blamed" -> "Ferry crew ..."
        or _made_a_question(old, new)
        or _hedge_untold(pair, context)  # "Port to reopen" -> "Port could reopen"
        # "Minister lied" -> "Minister lied, report says"; "'lied'" -> "lied, police say" is
        # one source, its quote marks named
        or (new_source(folded) and not _quoted_for_source(old, new))
        or _done_or_to_come(folded)  # "Korver to meet Brand" -> "Korver meets Brand"
        or _name_cut(pair, context)  # "Israeli strikes kill 12" -> "Strikes kill 12"
        or _doer_cut(pair)  # "Police shoot man dead" -> "Man shot dead"
        or _told_swapped_for_untold(pair, context)  # "Staff shortages" -> "Computer failure"
    ):
        severity = "medium"
    elif _label_only(pair):  # "Budget 2026: " put before the same headline
        severity = "low"
    elif any(wording_changed(h.removed, h.added) for h in pair.hunks):
        # a headline that now leads with another part of the story, in words its text has
        # ("Storm leaves thousands without power" -> "... thousands of homes without power"),
        # is low; one with words the text does not have says something new
        severity = "low" if len(untold(pair, context)) == 0 else "medium"
    elif _reworded(old, new) or _swapped_for_untold(pair, context) or counted:
        # (a figure the text states put for another: "Dozens evacuated" -> "14 rescued")
        # shown in the review; the text's own claims carry any alert
        severity = "low"
    else:
        severity = "cosmetic"
    if LEVELS.index(severity) < LEVELS.index("medium") and (
        _quote_marks_moved(old, new) or alleges_untold(pair, context)
    ):
        severity = "medium"  # (and "suspended over complaints" -> "over abuse claims")
    if severity != "high" and _beaten_in_text(new, context.new_text):
        severity = "high"  # "City beat Rovers" where the text says Rovers beat City
    return Claim("headline", severity, *original, *original, *whole)


# words in quotation marks in a headline: a claim the paper reports ("Minister 'knew of
# abuse'"), not one it makes. The marks taken off, the paper says it; put on, it stands back.
_QUOTED = re.compile(r"""(?:^|(?<=[\s:(]))(['"])(\w.{0,200}?[\w.!?])\1(?=$|[\s,.:;?!)])""")


_SPOKEN_BY = re.compile(r"\b(?:says?|said|insists?|claims?|denies|vows?|warns?|admits?)\b", re.I)


def _negation_in_text(claim: Claim, context: d.Context) -> bool:
    """A negation the headline dropped or took in, with the word after it, that the article's
    text states: "20,000 homes without power" -> "Storm leaves west coast battered" leads with
    another part of the story, it does not turn the claim round."""
    gone = claim.old_value is not None
    sentence, span = (
        (claim.old or "", claim.old_span) if gone else (claim.new or "", claim.new_span)
    )
    other = (claim.new if gone else claim.old) or ""
    if span is None:
        return False
    phrase = re.match(r"\w+\s+(\w+)", sentence[span[0] :])
    if phrase is None or phrase_in(phrase.group(1), other):
        return False  # "Mayor will not resign" -> "Mayor to resign": the same claim turned
    # a headline drops the article the text has: "without win" is "without a win"
    loose = r"\s+(?:(?:a|an|the|any)\s+)?".join(map(re.escape, phrase.group(0).split()))
    return re.search(rf"\b{loose}\b", context.new_text, re.I) is not None


def _label_only(pair: Pair) -> bool:
    """A few words naming the running story, with their colon, put before the headline or taken
    from before it, and nothing else changed."""
    return (
        len(pair.hunks) == 1
        and any(
            bool(_LABEL.fullmatch(one.strip())) and not other.strip()
            for one, other in (
                (pair.hunks[0].added, pair.hunks[0].removed),
                (pair.hunks[0].removed, pair.hunks[0].added),
            )
        )
        and pair.hunks[0].old_start == 0
    )


_LABEL = re.compile(r"(?<![\w'-])(?:[\w'-]+\s+){0,3}[\w'-]+:")
_YEAR_LABEL = re.compile(r"^(?:[\w'-]+\s+){0,2}(?:19|20)\d\d(?:\s+[\w'-]+){0,2}:\s+")


def _both_told(claim: Claim, headline: str, context: d.Context) -> bool:
    """The text tells both words of a swap, each in a sentence with another word of the new
    headline: of the same story, not of another thing ("Fuel duty frozen again" where the text
    says the tax thresholds stay frozen)."""
    if not claim.old_value or not claim.new_value:
        return False
    words = {d.stem(w) for w in content(headline)}
    for value in (claim.old_value, claim.new_value):
        others = words - {d.stem(w) for w in content(value)}
        if not any(
            phrase_in(value, sentence) and others & {d.stem(w) for w in content(sentence)}
            for sentence in SENTENCE_END.split(context.new_text)
        ):
            return False
    return True


def _hedge_untold(pair: Pair, context: d.Context) -> bool:
    """A hedge put in or taken out, unless the headline put in the hedge the text itself
    gives, in a sentence with a word of the headline ("Moon ice find boosts mission hopes" ->
    "Water ice could help missions", the text: "The discovery could help future missions")."""
    claim = hedge_claim(pair)
    if claim is None or not claim.new_value:
        return claim is not None
    ours = {d.stem(w) for w in content(pair.new.text)}
    return not any(
        phrase_in(claim.new_value, sentence) and ours & {d.stem(w) for w in content(sentence)}
        for sentence in SENTENCE_END.split(context.new_text)
    )


def _quoted_for_source(old: str, new: str) -> bool:
    """One headline quotes words, the other names who said them instead."""
    return any(
        _QUOTED.search(one) and not _QUOTED.search(other) and _SPOKEN_BY.search(other)
        for one, other in ((old, new), (new, old))
    )


def _quote_marks_moved(old: str, new: str) -> bool:
    """Words one headline quotes that the other has without the marks."""
    for one, other in ((old, new), (new, old)):
        if _SPOKEN_BY.search(other) and not _SPOKEN_BY.search(one):
            continue  # "Mayor 'will not resign'" -> "Mayor says he will not resign": his words
        quoted_there = {m.group(2).lower() for m in _QUOTED.finditer(other)}
        for m in _QUOTED.finditer(one):
            words = m.group(2).lower()
            if words not in quoted_there and re.search(rf"\b{re.escape(words)}", other.lower()):
                return True
    return False


def _word_swap(pair: Pair) -> Claim | None:
    """A word swapped for one that states another fact of its kind; a unit swapped with its
    figure for the same length of time ("Talks last 14 days" -> "... a fortnight") is none."""
    swap = contrast_claim(pair)
    return next(iter(without_restated_durations(pair, [swap])), None) if swap else None


_WON = r"(?:beat|beats|defeated|defeat|defeats|thrashed|thrash|edged|edge|overcame|overcome)"
_WIN = re.compile(rf"\b{_WON}\b")


def _beaten_in_text(headline: str, text: str) -> bool:
    """The headline has one side beat the other where the text has the other way round."""
    found = _WIN.search(headline)
    if found is None:
        return False
    before = headline[: found.start()].split()[-3:]
    after = headline[found.end() :].split()[:3]
    winner = " ".join(reversed(_capitalised(reversed(before))))
    loser = " ".join(_capitalised(after))
    if not winner or not loser:
        return False
    winner, loser = re.escape(winner), re.escape(loser)
    turned = rf"\b{loser}\b[^.]{{0,60}}?\b{_WON}\s+{winner}\b"
    kept = rf"\b{winner}\b[^.]{{0,60}}?\b{_WON}\s+{loser}\b"
    return bool(re.search(turned, text)) and not re.search(kept, text)


def _capitalised(words: Iterable[str]) -> list[str]:
    """The run of capitalised words that ``words`` starts with."""
    run: list[str] = []
    for word in words:
        word = word.strip(".,:;'\"")
        if not word[:1].isupper():
            break
        run.append(word)
    return run


def _key(word: str) -> str:
    """A headline word's stem, a plural or a verb's "-s" off: "caps" and "cap" are one."""
    stem = d.stem(word)
    return stem[:-1] if len(stem) > 3 and stem.endswith("s") and not stem.endswith("ss") else stem


REWRITTEN_SHARE = 0.5


def _reworded(old: str, new: str) -> bool:
    """More than words swapped one for one: a word put in or taken out ("Fares to rise in
    January" -> "Council to fight fare rise"), or fewer than half the headline's words kept
    ("Roads shut as rain lashes valleys" -> "Troops help evacuate villages"). A headline is a
    few words, read first; the text's rules want three words more or less before they see
    information come or go."""
    before, after = ({_key(w) for w in content(text)} for text in (old, new))
    kept = before & after
    if len(before - kept) != len(after - kept):
        return True
    # the kept words in another order: the headline was recast ("Plan caps eastern army" ->
    # "Plan drops army cap"), not one word swapped for its synonym
    order_old, order_new = (
        [w for w in dict.fromkeys(_key(w) for w in content(text)) if w in kept]
        for text in (old, new)
    )
    if order_old != order_new:
        return True
    return bool(before and after) and len(kept) < REWRITTEN_SHARE * max(len(before), len(after))


def _swapped_for_untold(pair: Pair, context: d.Context) -> bool:
    """A word the article's text uses swapped for one it never does ("Minister quits over
    row" -> "Minister cleared in row", the text telling of his resignation): a synonym as often
    as another fact, so shown, not alerted. Two words the text has neither of are headline
    wording ("Board Approves Budget" -> "Board Backs Budget")."""
    for hunk in pair.hunks:
        taken = {d.stem(w) for w in content(hunk.removed)}
        put = {d.stem(w) for w in content(hunk.added)}
        if taken and put and taken <= context.old_words and put - context.new_words:
            return True
    return False


def _told_swapped_for_untold(pair: Pair, context: d.Context) -> bool:
    """Two words or more the text tells swapped for two or more it never does: one fact put
    for another ("Staff shortages blamed for waits" -> "Computer failure blamed for waits"),
    which a synonym seldom is."""
    unsaid = untold(pair, context)
    kept = {d.stem(w) for w in content(pair.new.text)}  # a word only moved is not swapped
    for hunk in pair.hunks:
        taken = {d.stem(w) for w in content(hunk.removed)}
        put = {d.stem(w) for w in content(hunk.added)}
        if (
            len(taken) >= 2
            and taken <= context.old_words
            and not taken & kept
            and len(put & unsaid) >= 2
        ):
            return True
    return False


_TO_DO = re.compile(r"\s*(?:(?:set|due|poised|expected|likely)\s+)?to\s+([a-z]{3,})\s*")


def _done_or_to_come(pair: Pair) -> bool:
    """A headline's "to" + verb (a thing to come) made the verb's present (a thing done), or
    the other way round: "Minister to resign" -> "Minister resigns"."""
    for hunk in pair.hunks:
        for plan, done in ((hunk.removed, hunk.added), (hunk.added, hunk.removed)):
            verb = _TO_DO.fullmatch(plan)
            words = WORD.findall(done)
            if verb and len(words) == 1 and words[0] != verb.group(1):
                stem = verb.group(1).rstrip("e")
                if words[0].startswith(stem) and len(words[0]) - len(stem) <= 3:
                    return True
                if _IRREGULAR_PAST.get(verb.group(1)) == words[0]:
                    return True  # "to meet" -> "met"
    return False


_IRREGULAR_PAST = {forms[0]: forms[1] for forms in VERB_FORMS}


def _made_a_question(old: str, new: str) -> bool:
    """ "Minister to resign" -> "Minister to resign?": a claim made a question, or back. A
    headline that asks already ("Why the ferry matters") only gained or lost its mark."""
    asks = _ASKS.match(bare_headline(old)) or _ASKS.match(bare_headline(new))
    return not asks and old.rstrip().endswith("?") != new.rstrip().endswith("?")


_ASKS = re.compile(  # (after a label: "Snow: What schools are closed?")
    r"(?:[^:?]{1,40}:\s+)?(?:what|why|how|who|whom|whose|when|where|which|is|are|was|were|can|"
    r"could|should|will|"
    r"would|does|do|did|has|have)\b",
    re.I,
)


def _swapped_in_the_text_too(pair: Pair, context: d.Context) -> bool:
    """A word of the headline swapped for another as the article's text was: the text no
    longer has the old word and did not have the new one. A headline reworded for its own sake
    (an A/B test, a shorter line) leaves the text alone."""
    for hunk in pair.hunks:
        removed = {d.stem(w) for w in WORD.findall(hunk.removed)}
        added = {d.stem(w) for w in WORD.findall(hunk.added)}
        gone = {w for w in removed - added if w in context.old_words and w not in context.new_words}
        came = {w for w in added - removed if w in context.new_words and w not in context.old_words}
        if gone and came:
            return True
    return False


def _names_swapped(pair: Pair, context: d.Context) -> bool:
    """One name in the headline put for another. In a Title Case headline every word looks like
    a name: there a word counts as one only if the article capitalises it inside a sentence."""
    if _title_case(pair.old.text) or _title_case(pair.new.text):
        return any(
            h.removed.strip() in context.proper and h.added.strip() in context.proper
            for h in pair.hunks
        )
    # a name the text tells, put before a colon as the story's label ("Harlan Price: Burglar
    # jailed"), is who the story is about, not a name put for the old headline's
    label = _NAME_LABEL.match(pair.new.text)
    if label and phrase_in(label.group(1), context.new_text):
        return False
    return any(c.severity == "high" for c in entity_claims(pair, context))


_NAME_LABEL = re.compile(r"^([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}):\s")


def _name_cut(pair: Pair, context: d.Context) -> bool:
    """A name taken out of the headline that the text does not have, or cut from before the
    noun it said whose it was. A single word that only opens the old headline, and the text
    never writes with a capital, is no name ("Strong earthquake strikes off Velmar"), unless a
    force or a blow follows it ("Harborian strikes kill 12")."""
    after = pair.old.text.split()[1:2]
    opener_only = bool(after) and after[0].lower() not in FORCES
    return any(
        c.detail.get("vanished")
        and not (
            opener_only
            and c.old_span == (0, len(c.old_value or ""))
            and c.old_value not in context.proper
        )
        for c in entity_claims(pair, context)
    )


def _doer_cut(pair: Pair) -> bool:
    """Those who used force, named as the doer, taken out of the headline and none put in:
    "Police shoot man dead" -> "Man shot dead" no longer says who did it."""
    old = {w.lower() for w in WORD.findall(pair.old.text)} & DOERS
    new = {w.lower() for w in WORD.findall(pair.new.text)} & DOERS
    if old - new <= _POLICE and _CUSTODY_VERB.search(pair.new.text):
        return False  # "Police arrest teenager" -> "Teenager held": only the police do that
    return bool(old - new) and not new - old


_POLICE = frozenset({"police", "officers", "detectives", "cops"})
_CUSTODY_VERB = re.compile(
    r"\b(?:arrest(?:ed|s)?|held|detained|questioned|charged|bailed|name[ds]?|quizzed)\b", re.I
)


def _title_case(headline: str) -> bool:
    words = [w for w in WORD.findall(headline) if len(w) > 3 and not w.isdigit()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
