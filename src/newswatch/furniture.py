"""Page furniture that article extraction keeps: lines that are not the article's (an
"Updated 5 minutes ago", share counts, a "Read more: ..." link), lines that only say when the page
was updated, and paragraphs that are nothing but a link to another story. Sites change or rotate
each of these between visits; kept as article text, each would read as an edit."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

# Page furniture that extraction sometimes keeps. Anchored, short lines only, so that an article
# sentence that merely mentions "minutes ago" is never dropped.
_BOILERPLATE = [
    re.compile(p, re.I)
    for p in (
        r"^[·•|\-\s]*(?:this (?:article|story|page) was\s+)?(?:last\s+)?"
        r"(?:updated|posted|published|modified)?:?\s*"
        r"(?:\d+|an?|one|a few)\s+(?:sec(?:ond)?|min(?:ute)?|hr|hour|day|week)s?\s+ago\.?$",
        r"^[·•|\-\s]*(?:last\s+)?updated:?\s+(?:just now|today|yesterday)\b.{0,30}$",
        r"^[\d.,]+\s*[km]?\s+(?:shares?|comments?|views?|reads?|likes?|reactions?)$",
        r"^(?:share|share this (?:story|article)|advertisement|sponsored|read more|"
        r"related (?:stories|articles|coverage|topics)|most (?:read|viewed|popular|shared)|"
        r"trending now|top stories|more stories|more from \w+(?: \w+){0,2}|you may also like|"
        r"recommended for you|sign up.{0,40}):?$",
        # an archive banner whose age moves on by itself ("more than 2 years old")
        r"^this (?:article|story|content|page) is (?:more than|over) (?:a|an|one|\d+|two|three|"
        r"four|five|six|seven|eight|nine|ten) (?:years?|months?|weeks?|days?) old\.?$",
        r"^(?:image|photo|picture|media)\s*(?:source|credit)s?\s*[,:].{1,70}$",
        r"^(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4})).{0,76}$",  # a footer that slipped in
        # reading time, audio players, comment and gallery counters: they move with the text
        r"^(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]*"
        r"(?:min(?:ute)?s?|m)\.?\s+read(?:ing)?(?:\s+time)?$",
        r"^(?:estimated\s+)?reading\s+time\s*:?\s*\d+\s*(?:min(?:ute)?s?|m)\.?$",
        r"^listen(?:\s+to\s+(?:this|the)\s+(?:article|story))?[\s,·:|-]*"
        r"(?:\d+(?:[:.]\d+)?\s*(?:min(?:ute)?s?|m|s)?\.?)?$",
        r"^comments?\s*[(\[]?\d+[)\]]?$",
        r"^\d{1,3}\s*(?:/|of)\s*\d{1,3}$",
        # where an ad, a newsletter box or a gallery sits in the text: they move between visits
        r"^(?:(?:the )?(?:story|article) continues (?:below|after)|continue reading)"
        r"(?: (?:the main story|below|after (?:the )?(?:ad|advertisement)|this (?:ad|advertisement)"
        r"|advertisement))?\.?$",
        r"^(?:skip (?:past )?|after )(?:newsletter promotion|advertisement|(?:the )?ad)$",
        r"^(?:advertisement\s*[-–—:|]?\s*)?scroll (?:down )?to continue(?: (?:with content|"
        r"reading))?\.?$",
        r"^(?:ad feedback|copy link(?: to clipboard)?|link copied|loading\W*|click to expand|"
        r"enlarge this image|open image in gallery|(?:toggle|show|hide) caption|expand image|"
        r"view (?:image|gallery|comments|\d+ comments)|(?:show|hide) comments|"
        r"join the conversation|leave a comment|read (?:the )?full (?:story|article))$",
        r"^share (?:on|via|to) (?:facebook|twitter|x|whatsapp|linkedin|e-?mail|reddit|pinterest|"
        r"telegram|threads|bluesky|messenger)$",
        # a photo's credit line
        r"^(?:(?:photo|image|picture|photograph|illustration)s?\s*(?:by)?\s*:\s*)?"
        r"(?:getty images|afp|ap photo|ap|epa(?:-efe)?|shutterstock|alamy|pa media|pa wire|reuters)"
        r"(?:\s*(?:/|via)\s*.{1,50}|\s+for\s+.{1,40})?$",
        r"^(?:photo|image|picture|photograph|illustration)s?\s*(?:by)?\s*:\s*.{1,60}$",
    )
]
# A link to another story set into the text ("Read more: ...", "Related: ..."): sites rotate
# them between visits, and each would read as a sentence removed and another added.
_PROMO = re.compile(
    r"^(?:read more|read also|also read|read next|related|related stories|related articles|"
    r"more on this story|see also|recommended|don't miss|must read|watch|video|listen)"
    r"\s*(?::|\||\s[-–—])\s*\S.{0,160}$",
    re.I,
)


# A call to sign up, subscribe or follow set into the text ("Get the Coast Post in your inbox
# every morning. Sign up for our free newsletter."): sites rotate and test their wording. A
# sentence is one when it opens with the call and names the site's own channel ("our ...
# newsletter", "your inbox", "us on Instagram"); "Download the contact-tracing app, the ministry
# urged" names no channel of the site's and stays article text, as does anything in quotes.
_CALL = re.compile(
    r"^(?:you can (?:now )?|please |why not |click here to |tap here to )?"
    r"(?:sign[- ]up|subscribe|register|join|follow|like|download|get|receive|never miss|"
    r"don'?t miss|do not miss|want|stay (?:up to date|informed|ahead|in the know)|listen|watch|"
    r"read|support|become|try|enjoy|sign in|log in|turn on|enable)\b",
    re.I,
)
_CHANNEL = re.compile(
    r"\b(?:our(?: [\w-]+){0,2} (?:newsletters?|apps?|podcasts?|briefings?|alerts?|"
    r"notifications?|emails?|channels?|pages?|accounts?|subscriptions?|journalism|membership)|"
    r"your inbox|us on (?:twitter|x|facebook|instagram|whatsapp|telegram|youtube|tiktok|"
    r"linkedin|threads|bluesky|mastodon|google news)|"
    r"(?:free|daily|weekly|morning|evening|breaking[- ]news) "
    r"(?:newsletters?|briefings?|alerts?))\b",
    re.I,
)
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
MAX_CALL_CHARS = 300


def is_call_to_action(line: str) -> bool:
    """Every sentence of ``line`` asks the reader to sign up for, subscribe to or follow one of
    the site's channels."""
    if len(line) > MAX_CALL_CHARS or not _CALL.match(line):  # the first sentence: most lines
        return False
    return all(
        _CALL.match(sentence) and _CHANNEL.search(sentence)
        for sentence in _SENTENCES.split(line.strip())
    )


def is_boilerplate(line: str) -> bool:
    if len(line) > MAX_CALL_CHARS:
        return False
    if is_call_to_action(line):
        return True
    if len(line) > 200:
        return False
    return bool(_PROMO.match(line)) or (
        len(line) <= 80 and any(p.match(line) for p in _BOILERPLATE)
    )


_MONTHS = "january february march april may june july august september october november december"
_DAYS = "monday tuesday wednesday thursday friday saturday sunday"
_STAMP_WORDS = frozenset(
    [
        *_MONTHS.split(),
        *(m[:3] for m in _MONTHS.split()),
        "sept",
        *_DAYS.split(),
        *(d[:3] for d in _DAYS.split()),
        *"tues wed thur thurs am pm a m p at on of the st nd rd th h".split(),
        # time zones news sites print
        *"gmt utc bst cet cest eet eest wet west est edt cst cdt mst mdt".split(),
        *"pst pdt et ct mt pt ist aest aedt jst kst hkt sgt msk sast nzst nzdt wib z".split(),
    ]
)
_STAMP_PREFIX = re.compile(
    r"^[·•|\-\s]*(?:(?:last|first|originally)\s+)?"
    r"(?:updated|modified|published|posted|edited|amended)\b\s*(?:on|at)?\s*:?",
    re.I,
)
_BYLINE = re.compile(r"^by\s+[^\W\d_][^,|•·\d]{1,60}[,|•·]\s*", re.I)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")


def is_stamp(line: str) -> bool:
    """A line that only says when the page was published or updated ("Updated: 1 December
    2026, 10:32 GMT", "Published 2:05 PM EST, Mon December 1, 2026"). Kept in the text (it is
    how a page owns up to an update), but a change to it is no change of claim. A date alone,
    without a time or an "Updated" in front, is not taken for one: it may head a timeline."""
    if len(line) > 80 or not any(ch.isdigit() for ch in line):
        return False
    byline = _BYLINE.match(line)  # "By Mira Okafor, 10:32 GMT": the stamp after the name
    if byline:
        line = line[byline.end() :]
    prefix = _STAMP_PREFIX.match(line)
    rest = line[prefix.end() :] if prefix else line
    words = re.findall(r"[^\W\d_]+", rest)
    if not all(word.lower() in _STAMP_WORDS for word in words):
        return False
    return prefix is not None or bool(_CLOCK.search(rest))


# A block that is only a link, set between the article's paragraphs: a promo for another story
# ("<p><strong><a href=...>Storm warning issued for the weekend</a></strong></p>"). Sites rotate
# them between visits. One that ends as a sentence ends is kept: that is the article's own text
# linked to its source.
_WITH_LINKS = etree.XPath(
    "//a/ancestor::p | //a/ancestor::h2 | //a/ancestor::h3 | //a/ancestor::h4"
)
_UNLINKED_TEXT = etree.XPath(".//text()[not(ancestor::a)]")
_NOT_WORDS = re.compile(r"[\W_]+")
_SENTENCE_END = re.compile(r"[.;][\"'”’)\]]*$")
MAX_LINK_ONLY_CHARS = 200


def is_link_only(block: lxml.html.HtmlElement) -> bool:
    text = " ".join(block.text_content().split())
    if not text or len(text) > MAX_LINK_ONLY_CHARS or _SENTENCE_END.search(text):
        return False
    unlinked = "".join(str(t) for t in _UNLINKED_TEXT(block))
    return not _NOT_WORDS.sub("", unlinked)


def drop_link_only_blocks(tree: lxml.html.HtmlElement) -> int:
    """Remove the paragraphs and subheadings that are only a link to another page (their tail
    text stays). Returns how many were removed."""
    found = [block for block in _WITH_LINKS(tree) if is_link_only(block)]
    for block in found:
        block.drop_tree()
    return len(found)
