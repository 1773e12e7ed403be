"""Where a suspect stands with the law, and the crime they are accused of, as words.

``qualifiers`` reads a legal step put into a sentence that had none ("arrested" -> "arrested and
charged") as a claim; ``legal_steps`` tells whether the article still tells the same steps
elsewhere, each said any way once ("jailed" and "a prison sentence" are one step).
"""

from __future__ import annotations

import re

# Where a suspect stands with the law, or the crime they are accused of, put in where the
# sentence had none or taken out where none is left: "arrested" -> "arrested and charged",
# "were arrested and charged with robbery" -> "were arrested"
LEGAL = re.compile(
    r"\b(?:charged|accused|indicted|convicted|acquitted|jail(?:ed)?|imprisoned|sentenced|remanded|"
    # each said another way counts once: "found guilty", "sentencing", "a prison sentence"
    r"found guilty|sentencing|sentences?|prison|"
    # what the police did with a suspect after an arrest ("bailed out" is a rescue with money)
    r"bail(?:ed)?(?!\s+out)|released without charge|released under investigation|"
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
