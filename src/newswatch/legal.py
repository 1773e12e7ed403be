"""Where a suspect stands with the law, and the crime they are accused of, as words.

``qualifiers`` reads a legal step put into a sentence that had none ("arrested" -> "arrested and
charged") as a claim; ``legal_steps`` tells whether the article still tells the same steps
elsewhere, each said any way once ("jailed" and "a prison sentence" are one step).
``plea_claim`` reads a guilty plea taken out or put in beside charges that stay.
"""

from __future__ import annotations

import re

from newswatch.edits import Claim, Pair, hunk_fact_claim

# Where a suspect stands with the law, or the crime they are accused of, put in where the
# sentence had none or taken out where none is left: "arrested" -> "arrested and charged",
# "were arrested and charged with robbery" -> "were arrested"
_CRIMES = "rape|robbery|burglary|theft|fraud|arson"
# a guilty plea: "admits manslaughter", "has pleaded guilty to fraud"
_PLEADED = (
    r"pleaded guilty|pleads guilty|admit(?:s|ted)(?=\s+(?:\w+\s+){0,3}?(?:murder|manslaughter|"
    rf"{_CRIMES}|assault|charges?|counts?|offences?|offenses?)\b)"
)
LEGAL = re.compile(
    # ("charged £10 a day" is a price, not a charge)
    r"\b(?:charged(?!\s+(?:[£$€¥]|\d|an?\s+(?:fee|levy|daily|flat|extra)\b|more\b|less\b|"
    # ("charged a reduced rate" is a price too)
    r"an?\s+(?:\w+\s+){0,2}(?:fees?|rates?|prices?|premium|tariff|toll|charge)\b|"
    r"up\s+to\b))|indicted|convicted|acquitted|jail(?:ed)?|imprisoned|sentenced|remanded|"
    # a remand said plainly: "remanded in custody" -> "kept in custody"
    r"(?:held|kept)\s+in\s+custody|"
    # one accused by the law, not an opponent's words: "was accused of fraud", "the accused
    # man" ("The opposition accused the government of failing" is speech)
    r"(?<=is\s)accused|(?<=are\s)accused|(?<=was\s)accused|(?<=were\s)accused|"
    r"(?<=been\s)accused|(?<=the\s)accused|accused(?=\s+(?:man|woman|men|women|pair|person)\b)|"
    # each said another way counts once: "found guilty", "sentencing", "a prison sentence"
    r"found guilty|sentencing|sentences?|prison|"
    # what the police did with a suspect after an arrest ("bailed out" is a rescue with money)
    r"bail(?:ed)?(?!\s+out)|released without charge|released under investigation|"
    # bail as US courts call it: "released on a $50,000 bond", "held without bond"
    r"(?<=\d\s)bond|(?<=without\s)bond|(?<=on\s)bond|"
    # a plea: "admits manslaughter", "pleaded guilty to fraud" ("admitted to hospital" is none)
    rf"{_PLEADED}|"
    # the crime in any of its forms, so that "raped" said as "committed rape" is the same count
    # ("assault" is left out: an army's assault is no crime)
    r"murder(?:s|ed|ing)?|rape[sd]?|raping|kidnap(?:s|ped|ping)?|"
    r"manslaughter|robber(?:y|ies)|robbed|"
    r"burglar(?:y|ies)|theft|thefts|fraud|arson)\b",
    re.I,
)

# the legal step or the crime each word of LEGAL names: "jailed", "imprisoned", "sentencing"
# and "a prison sentence" are one step
_STEPS = {
    "jail": "sentence", "impr": "sentence", "sent": "sentence", "pris": "sentence",
    "plea": "plea", "admi": "plea", "bond": "bail",
    "char": "charge", "indi": "charge", "accu": "charge", "conv": "convict", "foun": "convict",
    "murd": "murder", "rapi": "rape",
    "kidn": "kidnap", "robb": "robbery", "burg": "burglary", "thef": "theft",
}  # fmt: skip


def legal_steps(text: str) -> set[str]:
    """The legal steps and crimes a text tells, each said any way once."""
    heads = (m.group(0).lower()[:4] for m in LEGAL.finditer(text))
    # "allegedly stole" is "accused of stealing": the same charge, told as a hedge
    alleged = {"charge"} if _ALLEGED.search(text) else set()
    return {_STEPS.get(head, head) for head in heads} | alleged


_ALLEGED = re.compile(r"\balleged(?:ly)?\b", re.I)


_PLEA = re.compile(rf"\b(?:{_PLEADED})", re.I)


def plea_claim(pair: Pair) -> Claim | None:
    """A guilty plea taken out or put in, the charges still told: "denies murder but admits
    manslaughter" -> "denies murder and manslaughter" (high)."""
    more = len(_PLEA.findall(pair.new.text)) - len(_PLEA.findall(pair.old.text))
    if more == 0:
        return None
    for hunk in pair.hunks:
        for text, start, end, added in (
            (pair.old.text, hunk.old_start, hunk.old_end, False),
            (pair.new.text, hunk.new_start, hunk.new_end, True),
        ):
            if (more > 0) != added:
                continue
            plea = next((m for m in _PLEA.finditer(text) if start <= m.start() < end), None)
            if plea is not None:
                word = plea.group(0)
                old, new = (None, word) if added else (word, None)
                return hunk_fact_claim(pair, hunk, "high", old, new, {"plea": True})
    return None
