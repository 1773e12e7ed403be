"""Page furniture: the parts of a page's text that are not the article's claims.

Extraction drops lines that are not the article's (an "Updated 5 minutes ago", share counts, a
"Read more: ..." link, a call to sign up) and paragraphs that are nothing but a link to another
story. Sites change or rotate each of these between visits; kept as article text, each would
read as an edit. Other lines stay in the text but their changes are no change of claim: when
the page was updated (a stamp), who reported the story (a credit), and the dateline a wire story
opens with (``is_furniture``, ``in_dateline``)."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from newswatch.edits import Claim, Side
from newswatch.other_languages import BOILERPLATE_ELSEWHERE, OTHER_STORIES_ELSEWHERE
from newswatch.stamps import is_date, is_stamp

# Page furniture that extraction sometimes keeps. Anchored, short lines only, so that an article
# sentence that merely mentions "minutes ago" is never dropped.
_BOILERPLATE = [
    re.compile(p, re.I)
    for p in (
        r"^[·•|\-\s]*(?:this (?:article|story|page) was\s+)?(?:last\s+)?"
        r"(?:updated|posted|published|modified)?:?\s*"
        r"(?:(?:\d+|an?|one|a few)\s+(?:sec(?:ond)?|min(?:ute)?|hr|hour|day|week|month)s?"
        r"|\d+\s?(?:s|m|h|d|w|mins?|hrs?))\s+ago\.?$",  # "2h ago" on a live post
        r"^[·•|\-\s]*just now\.?$",  # "Updated just now" is the next rule's
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
        r"^(?=.{0,40}(?:©|\(c\)|copyright)).{0,120}\ball rights reserved\.?$",
        # reading time, audio players, comment and gallery counters: they move with the text
        r"^(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]*"
        r"(?:min(?:ute)?s?|m)\.?\s+read(?:ing)?(?:\s+time)?$",
        r"^(?:estimated\s+)?reading\s+time\s*:?\s*\d+\s*(?:min(?:ute)?s?|m)\.?$",
        r"^listen(?:\s+to\s+(?:this|the)\s+(?:article|story))?[\s,·:|-]*"
        r"[(\[]?(?:\d+(?:[:.]\d+)?\s*(?:min(?:ute)?s?|m|s)?\.?)?[)\]]?$",
        r"^(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]*"
        r"(?:min(?:ute)?s?|m)\.?\s+listen$",
        r"^(?:read|view|see|show)\s+(?:all\s+)?[\d.,]+\s*[km]?\s+comments?$",
        r"^comments?\s*[(\[]?\d+[)\]]?$",
        r"^\d{1,3}\s*(?:/|of)\s*\d{1,3}$",
        # where an ad, a newsletter box or a gallery sits in the text: they move between visits
        r"^(?:(?:the )?(?:story|article) continues (?:below|after)|continue reading)"
        r"(?: (?:the main story|below|after (?:the )?(?:ad|advertisement)|this (?:ad|advertisement)"
        r"|advertisement))?\.?$",
        r"^(?:skip (?:past )?|after )(?:newsletter promotion|advertisement|(?:the )?ad)$",
        r"^(?:advertisement\s*[-–—:|]?\s*)?scroll (?:down )?to continue(?: (?:with content|"
        r"reading))?\.?$",
        r"^(?:ad feedback|copy link(?: to clipboard)?|link copied|click to expand|"
        r"loading(?: [\w-]+){0,3}\W*|"
        r"enlarge this image|open image in gallery|(?:toggle|show|hide) caption|expand image|"
        r"view (?:image|gallery|comments|\d+ comments)|(?:show|hide) comments|"
        r"join the conversation|leave a comment|read (?:the )?full (?:story|article)|"
        r"sign in to comment|back to top|skip to (?:main )?content|open in (?:the )?app|"
        r"(?:save|gift|give|share full|print) (?:this )?(?:article|story|page)|"
        r"like this:? like loading\W*)$",
        r"^click to (?:share|email|print) .{1,40}\(opens in new window\)$",
        # the page's controls and section labels, read as lines when a layout puts them inside
        # the article's markup
        r"^(?:share(?: page| this)?|about sharing|more on this story|explore more on these topics|"
        r"reuse this content|supported by|send any friend a story|read in (?:the )?app|topics|tags|"
        r"related topics|comments|print|e-?mail|save|follow|trending|newsletters?|up next|"
        r"(?:next|previous) (?:article|story)|show (?:more|less)|hide|close|menu|search|"
        r"recommended|editor'?s picks|in case you missed it|latest(?: news| stories)?|"
        r"elsewhere on (?:the )?[\w ]{1,20}|published|updated)\.?$",
        r"^share (?:on|via|to) (?:facebook|twitter|x|whatsapp|linkedin|e-?mail|reddit|pinterest|"
        r"telegram|threads|bluesky|messenger)$",
        # a photo's credit line
        r"^(?:(?:photo|image|picture|photograph|illustration)s?\s*(?:by)?\s*:\s*)?"
        r"(?:getty images|afp|ap photo|ap|epa(?:-efe)?|shutterstock|alamy|pa media|pa wire|reuters)"
        r"(?:\s*(?:/|via)\s*.{1,50}|\s+for\s+.{1,40})?$",
        r"^(?:photo|foto|image|picture|photograph|illustration|screenshot)s?\s*(?:by)?\s*:\s*"
        r".{1,60}$",
        # the author's address under the story: "Write to Ann Lee at ann.lee@example.com"
        r"^(?:write to|contact|email)(?:\s+(?:the\s+)?(?:author|reporter|writer))?"
        r"(?:\s+[^@\s]{1,30}(?:\s+[^@\s]{1,30}){0,4}\s+at\s+\S+@\S+)?\.?$",
        # a readers' poll's running count ("Yes 54%", "1,203 votes"): it moves with each vote
        r"^(?:yes|no|maybe|don'?t know|not sure|undecided)\s*[:\-–—]?\s*\d{1,3}(?:\.\d)?\s?%$",
        r"^(?:total(?: votes)?:?\s*)?[\d.,]+\s*[km]?\s+votes?(?:\s+(?:so far|cast))?\.?$",
        # a story's own "developing" flag, which goes when the story settles
        r"^(?:this (?:is a )?(?:developing|breaking)(?: news)? story|"
        r"this (?:story|article|page) (?:is developing|will be updated|is being updated)|"
        r"(?:please )?check back (?:later |soon )?for (?:updates|more)|"
        r"more (?:details|information|updates) (?:to follow|soon|as (?:they|it) becomes? available)"
        r"|refresh (?:this page|the page) for (?:updates|the latest))\b"
        r"(?:\s+(?:as|when|with)\s[^.,!?]{0,40})?[.!?]?$",
        r"^all rights reserved\.?$",
        # a call for readers' stories, which sites add and drop by the day
        r"^(?:have you been affected|are you affected|were you there|did you witness|"
        r"do you have (?:a story|information|a news tip|any information)|got a (?:story|news tip))"
        r"\b[^,]{0,70}\?(?:\s[^,]{0,60})?$",
        r"^(?:share your (?:story|experience|views|thoughts)|get in touch|email us|contact us)\b"
        r"[^,]{0,70}$",
        r"^(?:send|email|share|tell)(?: us)? your (?:story ideas?|stories|news tips?|tips|"
        r"pictures|photos|videos)\s+to\s+\S+[^,]{0,60}$",
        # a gallery's link
        r"^(?:see|view|show) (?:more|all) (?:photos|pictures|images)(?: here)?\s*:?$",
        # a video or audio player's running time
        r"^(?:(?:video|audio|clip|episode)\s+)?(?:duration|length|running time|runtime)\s*:?\s*"
        r"\d{1,2}(?::\d{2}){1,2}(?:\s*(?:min(?:ute)?s?|m))?$",
    )
]
# A link to another story set into the text ("Read more: ...", "Related: ..."): sites rotate
# them between visits, and each would read as a sentence removed and another added.
_PROMO = re.compile(
    r"^(?:read more|read also|also read|read next|related|related stories|related articles|"
    r"related topics|topics|tags|"
    r"more on this story|see also|recommended|don't miss|must read|watch|video|listen|"
    # an ad set into the text under a label
    r"sponsored(?: content| post| links?)?|paid (?:content|post|partner content)|"
    r"partner content|promoted(?: content| stories)?|advertorial|advertisement|"
    + OTHER_STORIES_ELSEWHERE
    + r")"
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
    r"read|support|become|try|enjoy|sign in|log in|turn on|enable|give|donate|contribute|"
    r"make a (?:donation|contribution)|cancel any ?time|send(?: us)? your)\b",
    re.I,
)
_CHANNEL = re.compile(
    r"\b(?:our(?: [\w-]+){0,2} (?:newsletters?|apps?|podcasts?|briefings?|alerts?|"
    r"notifications?|emails?|channels?|pages?|accounts?|subscriptions?|journalism|membership|"
    r"coverage|blog|live page|updates)|"
    # "us on Instagram", and the site's own account by name: "Follow BBC Dunmore on Facebook"
    r"your inbox|(?:us|him|her|them|me|(?-i:[A-Z])[\w-]*(?: (?-i:[A-Z])[\w-]*){0,3}) on "
    r"(?:twitter|x|facebook|instagram|whatsapp|telegram|youtube|tiktok|linkedin|threads|bluesky|"
    r"mastodon|google news|social media)|"
    r"(?:free|daily|weekly|morning|evening|breaking[- ]news) "
    r"(?:newsletters?|briefings?|alerts?)|"
    r"(?:independent|quality|local|trusted|fact-based|public[- ]interest) journalism|"
    r"for (?:just |only |as little as )?[£$€]\s?\d[\d.,]*\s*(?:a|per|/)\s*"
    r"(?:day|week|month|year))(?!\w)",
    re.I,
)
_SENTENCES = re.compile(r"(?<=[.!?])\s+")
_REPORTED = re.compile(r",\s+[\w\s'-]{1,40}\b(?:said|says|urged|advised|added)\.?$")
MAX_CALL_CHARS = 300


def is_call_to_action(line: str) -> bool:
    """Every sentence of ``line`` asks the reader to sign up, subscribe, follow or give, and
    one names the site's own channel (or an offer's price)."""
    if len(line) > MAX_CALL_CHARS or not _CALL.match(line):  # the first sentence: most lines
        return False
    sentences = _SENTENCES.split(line.strip())
    if any(_REPORTED.search(sentence) for sentence in sentences):
        return False  # "Follow Police Scotland on Facebook for updates, the force said."
    return all(_CALL.match(sentence) for sentence in sentences) and any(
        _CHANNEL.search(sentence) for sentence in sentences
    )


# the note a printed paper adds once the story went to print ("A version of this article
# appears in print on ..., with the headline: ...")
_PRINT_NOTE = re.compile(
    r"^(?:a version of )?this (?:article|story) (?:appears|appeared|will appear|was published) "
    r"in (?:the )?(?:print|\w+ print edition|print edition)\b|"
    r"^this (?:article|story) appeared in (?:the )?.{1,60}\bprint edition\b",
    re.I,
)


# An author's bio set at the end of the text ("Tom Elling is the Coast Post's harbour
# correspondent."): sites add and drop it after publication. Only a line that opens with the
# byline's own name counts.
_BIO_ROLE = re.compile(
    r"^(?:(?:is|was|has been)\b[^.]{0,150}?\b(?:reporter|correspondent|writer|editor|journalist|"
    r"columnist|contributor|producer|critic|fellow|intern|freelance)"
    r"|(?:covers|writes (?:about|for)|reports (?:on|for))\b)",
    re.I,
)
MAX_BIO_CHARS = 400


def is_author_bio(line: str, byline: str | None) -> bool:
    """``line`` is a bio of one of the byline's authors."""
    if not byline or len(line) > MAX_BIO_CHARS:
        return False
    for name in re.split(r"\s*(?:,|\band\b|&)\s*", byline):
        if len(name.split()) >= 2 and line.startswith(name + " "):
            return bool(_BIO_ROLE.match(line[len(name) + 1 :]))
    return False


# What a social-media or video embed leaves in the text, and the consent box that stands in for
# it until the reader allows it: a page shows one or the other from visit to visit.
_EMBED = re.compile(
    r"^(?:(?:skip|end of|allow|accept) (?:[\w-]+ ){0,2}(?:posts?|content|videos?)(?:,? \d+)?\??"
    r"|(?:twitter|x|instagram|facebook|youtube|tiktok|bluesky|threads) (?:content|posts?|videos?)"
    r"|view (?:this|more on) (?:post|video|photo|reel|profile) on (?:instagram|tiktok|facebook|x|"
    r"twitter|youtube|threads)"
    r"|a (?:post|video|photo|reel) shared by [^.]{1,60}\(@[\w.]{1,30}\)"
    r"|[—–-]\s*[^()]{1,60}\(@\w{1,30}\)\s+\w+\.? \d{1,2},? \d{4}"  # a tweet's signature
    r"|(?:pic\.twitter\.com|t\.co)/\w+"
    r"|this (?:article|page) contains content provided by .{1,300}"
    r"|we ask for your permission before anything is loaded\b.{0,300}"
    r"|to view this content,? (?:choose|click|tap|select) .{1,80}"
    r"|(?:please )?(?:enable|allow|accept) (?:javascript|cookies)\b[^,]{0,80}"
    r"|this (?:content|post|video|embed|tweet) is (?:not available|unavailable)\b[^,]{0,60}"
    r"|(?:embedded|external) (?:content|video|media)(?: unavailable)?"
    r"|the .{1,40} is not responsible for the content of external (?:internet )?sites)"
    r"\.?$",
    re.I,
)


# a subscriber's offer to share the article, with its monthly count
_GIFT_OFFER = re.compile(r"^as a subscriber, you have \d+ gift articles\b.{0,200}$", re.I)
# the tails a wire or a syndicating site puts on a story, which its partners keep or drop: a
# standards line, a link to the agency's coverage, a funding note, where the story first ran
_SYNDICATION = re.compile(
    r"^(?:our standards\s*:.{0,100}"
    r"|(?:follow|read|see|find) (?:more (?:of )?)?(?:[\w. ]{1,30}'s )?(?:[\w-]+ ){0,3}(?:coverage|"
    r"reporting|stories)\b.{0,100}\bhttps?://\S+"
    r"|.{1,60} receives (?:financial )?support from (?:several )?private foundations\b.{0,160}"
    r"|.{1,40} is solely responsible for all content"
    r"|find .{1,30} standards for working with philanthropies\b.{0,160}"
    r"|this (?:story|article) (?:was|is) (?:originally )?(?:published|produced|written|reported) "
    r"(?:by|in|with|for) [^,]{1,100})\.?$",
    re.I,
)


# a site's "report a typo" box, which names its keys in any language ("Spotted a mistake?
# Select it and press Ctrl+Enter", "Iezīmējiet tekstu un spiediet Ctrl+Enter ...")
_TYPO_BOX = re.compile(r"\bctrl\s?\+\s?enter\b", re.I)


_ALL_BOILERPLATE = (*_BOILERPLATE, *BOILERPLATE_ELSEWHERE)


def is_boilerplate(line: str) -> bool:
    if is_call_to_action(line) or (len(line) <= MAX_CALL_CHARS and _PRINT_NOTE.match(line)):
        return True
    if len(line) <= 400 and (
        _EMBED.match(line)
        or _GIFT_OFFER.match(line)
        or _SYNDICATION.match(line)
        or (("trl" in line or "TRL" in line) and _TYPO_BOX.search(line))  # "trl": cheap first
    ):
        return True
    if len(line) > 200:
        return False
    return bool(_PROMO.match(line)) or (
        len(line) <= 80 and any(p.match(line) for p in _ALL_BOILERPLATE)
    )


# A block that is only a link, set between the article's paragraphs: a promo for another story
# ("<p><strong><a href=...>Storm warning issued for the weekend</a></strong></p>"). Sites rotate
# them between visits. One that ends as a sentence ends is kept: that is the article's own text
# linked to its source.
_WITH_LINKS = etree.XPath(
    "//a/ancestor::p | //a/ancestor::h2 | //a/ancestor::h3 | //a/ancestor::h4"
    " | //a/ancestor::blockquote"
    # list items outside the page's asides and chrome, which trafilatura drops by itself
    " | //a/ancestor::li[not(ancestor::aside or ancestor::nav or ancestor::footer"
    " or ancestor::header)]"
)
# a link set straight into the article's container, between its paragraphs
_LOOSE_LINKS = etree.XPath(
    "//a[parent::article or parent::div or parent::section or parent::main or parent::body]"
)
_UNLINKED_TEXT = etree.XPath(".//text()[not(ancestor::a)]")
_NOT_WORDS = re.compile(r"[\W_]+")
_SENTENCE_END = re.compile(r"[.;][\"'”’)\]]*$")
MAX_LINK_ONLY_CHARS = 200


# what a list of other stories prints beside each link: its format, its age, its reading time
_LINK_LABEL = re.compile(
    r"^(?:video|watch|listen|audio|podcast|gallery|photos?|pictures|live|opinion|analysis|"
    r"explainer|exclusive|premium|subscribers? only|sponsored|new|updated|"
    # a heading over the link: "Related", "See also", "Lesen Sie auch", "Lire aussi"
    r"related|see also|read (?:more|also|next)|also read|more on this(?: story)?|"
    + OTHER_STORIES_ELSEWHERE
    + r")\s*:?$",
    re.I,
)
_LABEL_SEPARATORS = re.compile(r"[·•|–—\n]|\s-\s")


def _only_labels(unlinked: str) -> bool:
    """The text beside a block's links is only labels, ages and dates ("Video", "3 min read",
    "2h ago", "3 Dec 2026"), or nothing."""
    for part in _LABEL_SEPARATORS.split(unlinked):
        part = " ".join(part.split()).strip(" ,:;()[]")
        if _NOT_WORDS.sub("", part) and not (
            _LINK_LABEL.match(part) or is_boilerplate(part) or is_stamp(part) or is_date(part)
        ):
            return False
    return True


_SPACE_BEFORE = re.compile(r"\s+([,.:;!?)\]])")


def one_line(text: str) -> str:
    """``text`` on one line, its spaces single; an element's spans read with spaces between
    them leave none before punctuation ("Correction :", "Ann Lee , left")."""
    return _SPACE_BEFORE.sub(r"\1", " ".join(text.split()))


def is_link_only(block: lxml.html.HtmlElement) -> bool:
    text = " ".join(block.text_content().split())
    if not text or len(text) > MAX_LINK_ONLY_CHARS or _SENTENCE_END.search(text):
        return False
    return _only_labels("".join(str(t) for t in _UNLINKED_TEXT(block)))


def _stands_alone(link: lxml.html.HtmlElement) -> bool:
    """No text runs on either side of the link: it is a line of its own, not part of one."""
    before = link.getprevious()
    text_before = before.tail if before is not None else link.getparent().text
    return not (text_before or "").strip() and not (link.tail or "").strip()


def drop_link_only_blocks(tree: lxml.html.HtmlElement) -> int:
    """Remove the paragraphs, subheadings and quotes that are only a link to another page, and
    links that stand alone between paragraphs (their tail text stays). Returns how many were
    removed."""
    found = [block for block in _WITH_LINKS(tree) if is_link_only(block)]
    found += [a for a in _LOOSE_LINKS(tree) if _stands_alone(a) and is_link_only(a)]
    for block in found:
        block.drop_tree()
    return len(found)


# Lines kept in the text whose changes are no change of claim (as a stamp's are): who reported
# and edited a story ("Reporting by Tom Elling; Editing by Ines Korver", "Mira Okafor
# contributed to this report"), and the dateline a wire story opens with ("LONDON, Dec 3
# (Reuters) - "), whose date moves on when the story is updated the next day.
_CREDIT = re.compile(
    r"^\W{0,3}(?:(?:(?:additional|further|contributed|contributing)\s+)?"
    r"(?:reporting|writing|editing|research|compiled|graphics|photography|production|video)"
    r"(?:\s+and\s+\w+)?\s+by\b|contributing\s*:|[\w .,'’-]{2,120}\bcontributed\s+(?:reporting\s+)?"
    r"to\s+this\s+(?:report|story|article)\b)",
    re.I,
)
MAX_CREDIT_CHARS = 300
# bodies news writes in capitals: "NATO — The alliance's chief said" opens with no place
_NOT_PLACES = (
    "NATO|EU|UN|WHO|IMF|FBI|CIA|NASA|OPEC|UNICEF|UNESCO|FIFA|UEFA|IOC|ECB|WTO|ICC|ICJ|OSCE|"
    "ASEAN|BBC|CNN|AP|AFP|NHS|IAEA|OECD|G7|G20|BRICS"
)
_PLACE = (
    rf"(?!(?:{_NOT_PLACES})\b)"
    r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}"  # LONDON, RIO DE JANEIRO
    r"(?:,\s*[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2})?"  # , Ukraine
)
_DATE = r",\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"  # , Dec 3
_AGENCY = r"\([A-Z][\w .&/-]{0,30}\)"  # (Reuters)
# a dateline opens a sentence: "NATO — the alliance's chief said" is an aside, no dateline
_DATELINE = re.compile(rf"^{_PLACE}(?:{_DATE})?\s*(?:{_AGENCY}\s*)?[-–—]+(?!\s*[a-z])\s*")
# the sentence splitter may leave a dateline a sentence of its own, its dash on the next one
_DATELINE_ALONE = re.compile(
    rf"^{_PLACE}(?:{_DATE}\s*(?:{_AGENCY})?\s*[-–—]*|\s*{_AGENCY}\s*[-–—]*|\s*[-–—]+)$"
)


_NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
# "By Tom Elling and Mira Okafor, Harbour Correspondents": a byline left in the text
_BYLINE_LINE = re.compile(
    rf"^by\s+{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*(?:\s*[,|•·–—-]\s*[^.]{{0,60}})?$", re.I
)


def is_credit(line: str) -> bool:
    """A credit line or a byline. One of the "Reporting by ..." kind, or a byline, has no full
    stop at its end unless it lists several credits: "Reporting by local media suggested ..."
    and "By Friday, officials said the road would reopen." are sentences."""
    if len(line) <= 120 and not line.endswith(".") and _BYLINE_LINE.match(line):
        return True
    found = _CREDIT.match(line) if len(line) <= MAX_CREDIT_CHARS else None
    if found is None:
        return False
    return (
        "contribut" in found.group(0).lower()
        or not line.endswith(".")
        or ";" in line
        or _CREDITED.fullmatch(line[found.end() :]) is not None
    )


# what follows "Reporting by" in a credit: names, and where they wrote ("Ann Lee and Tom Marsh
# in Harwick."); "Reporting by local media suggested ..." goes on as a sentence
# (each name word after the first needs a space or a comma before it: with neither, a run of
# capitals could split into words in too many ways for the engine to try)
_CREDITED = re.compile(
    r"\s*[A-Z][\w'’.-]*(?:(?:\s*,\s*|\s+)(?:(?:and|in|from|with)\s+)?[A-Z][\w'’.-]*){0,11}\s*\.?"
)


def is_dateline(sentence: str) -> bool:
    """The sentence is only a dateline ("LONDON, Dec 3 (Reuters)")."""
    return bool(_DATELINE_ALONE.match(sentence))


def dateline_length(sentence: str) -> int:
    """How many characters of ``sentence`` are the dateline it opens with (0: none)."""
    found = _DATELINE.match(sentence)
    return found.end() if found else 0


def is_furniture(sentence: str) -> bool:
    """Page furniture extraction let through, a publication or update stamp, a credit or a
    dateline."""
    return (
        is_boilerplate(sentence)
        or is_stamp(sentence)
        or is_credit(sentence)
        or is_dateline(sentence)
    )


def in_dateline(claim: Claim, old: Side, new: Side) -> bool:
    """The claim lies within the datelines its sentences open with ("LONDON, Dec 3 (Reuters)
    - "), on each side it names."""
    old_end = old.offset + dateline_length(old.text)
    new_end = new.offset + dateline_length(new.text)
    if (old_end, new_end) == (old.offset, new.offset):
        return False  # neither sentence opens with a dateline
    if claim.old_span is None and claim.new_span is None:
        return False
    return all(
        span is None or (side.offset <= span[0] and span[1] <= end)
        for span, side, end in ((claim.old_span, old, old_end), (claim.new_span, new, new_end))
    )
