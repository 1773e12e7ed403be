"""Lines of routine copy that an article gains and loses as a story moves on: a party that did
not answer the reporter, and a call for witnesses. Put in or taken out whole, such a line is
shown, never alerted: it is soon replaced by the party's answer, or dropped once an arrest is
made.
"""

from __future__ import annotations

import re

from newswatch.edits import WORD
from newswatch.wording import is_content

# a party that did not answer the reporter: routine, and soon replaced by its answer
_NO_COMMENT = re.compile(
    r"\b(?:(?:declined|refused) to comment|did not (?:immediately )?(?:respond|reply) to "
    r"(?:a |an |our |several |repeated )?(?:requests?|inquiry|inquiries|emails?|messages?|calls?)"
    r"|could not (?:immediately )?be reached|did not (?:immediately )?return (?:calls|messages|"
    r"emails|requests)|(?:has|have|was|were) been (?:approached|contacted|asked) for (?:a )?"
    r"(?:comment|response)|(?:was|were) not (?:immediately )?available (?:for|to) comment|"
    r"no one was available (?:for|to) comment|"
    # "The Daily Record has contacted the force for comment"
    r"(?:has|have|had) (?:contacted|approached|asked) [^.]{1,60}? for (?:a )?(?:comment|response))"
    r"\b[^.]*",
    re.I,
)
NO_COMMENT_WORDS = 4


def routine_line(sentence: str) -> bool:
    """The sentence only says who did not answer ("The haulage firm declined to comment") or
    asks for witnesses ("Police are appealing for anyone who saw the crash to come forward"):
    at most a few words beside the line itself."""
    match = _NO_COMMENT.search(sentence) or _WITNESS_APPEAL.search(sentence)
    if match is None:
        return False
    rest = sentence[: match.start()] + sentence[match.end() :]
    return sum(is_content(w) for w in WORD.findall(rest)) <= NO_COMMENT_WORDS


# police asking for witnesses or information ("Police have appealed for witnesses", "Anyone with
# information is asked to call 101"), not an instruction to the public ("urged people to stay
# indoors")
_WITNESS_APPEAL = re.compile(
    r"\b(?:(?:appeal|urg|ask|call)\w*\s+(?:for|on)?\s*(?:witnesses|information|any\s*one\s+"
    r"(?:who|with)\b[^.]*?\b(?:saw|seen|witnessed|information|footage|knows?)\b)|"
    r"any\s*one\s+with\s+(?:any\s+)?information|any\s*one\s+who\s+(?:saw|witnessed))\b[^.]*",
    re.I,
)
