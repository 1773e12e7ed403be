"""What a headline wears around itself, which is not the headline: a label in front ("LIVE:",
"Analysis:", a wire's "UPDATE 2-"), a format or coverage mark after it ("(video)", "- live
updates") and the site's name ("| Coast Post", "- Coast Post")."""

from __future__ import annotations

import re

# The labels a headline wears in front ("Analysis:", "Watch:"): the kind of piece or the form it
# comes in, no part of its claim and no source of it ("sourcing" reads "Police:" as a source)
FRONT_LABELS = (
    r"(?:watch )?live|updated?(?: \d+)?|watch|video|breaking(?: news)?|photos?|pictures|"
    r"in pictures|pictured|listen|audio|analysis|opinion|comment|explainer|explained|exclusive|"
    r"revealed|review|interview|editorial|factbox|timeline|podcast|quiz|poll|q&a|in full|latest"
)
# What a headline wears around itself: a label in front ("LIVE:", "Analysis:"), a format after
# it ("(video)") and the site's name ("| Coast Post", "- Coast Post"). Sites add and drop these
# between visits and between their title tags; the headline is the same.
_HEADLINE_LABEL = re.compile(
    rf"^(?:{FRONT_LABELS}|"
    # the same in other languages: "EN DIRECT -", "Liveticker:", "+++ Eilmeldung +++"
    r"en direct|en directo|en vivo|ao vivo|in diretta|diretta|última hora|ultima ora|"
    r"live-?ticker|live-?blog|news-?blog|eilmeldung|vidéo|vídeo|analyse|análisis|kommentar|"
    r"meinung|exclusif|exclusiva|exclusivo)\s*[:|–—-]\s+"
    r"|^\+{2,3}\s*[^+\d]{2,30}?\s*\+{2,3}\s*"
    # a wire's slug, in capitals and run into the headline: "UPDATE 2-", "REFILE-"
    r"|^(?-i:UPDATE(?: ?\d+)?|REFILE|CORRECTED|CORRECTION|RPT|REPEAT|WRAPUP(?: ?\d+)?|EXCLUSIVE|"
    r"FACTBOX|EXPLAINER|ANALYSIS|INSIGHT|BREAKINGVIEWS|INSTANT VIEW|LIVE)\s*[-–—:]\s*",
    re.I,
)
_HEADLINE_FORMAT = re.compile(
    r"\s*[(\[](?:video|photos?|pictures|watch|live|updated?|audio|podcast)[)\]]$"
    # a coverage label after the headline: "- live updates", ": what we know", "as it happened"
    r"|\s*(?:[.:|–—]|\s-)\s*(?:live(?: updates?| blog| coverage| news)?|latest(?: updates| news)?|"
    r"(?:the )?latest|as it happened|what we know(?: so far)?|what to know|here'?s what we know|"
    r"here'?s why|here'?s what happened|updates?|(?:and )?what (?:comes|happens) next|"
    r"(?:and )?why it matters|(?:and )?what it means(?: for you)?|"
    r"ce que l'on sait|ce qu'il faut savoir|lo que sabemos|lo que se sabe|was wir wissen|"
    r"was bekannt ist|(?:im )?live-?ticker|(?:im )?live-?blog|en direct|en directo|en vivo)$"
    r"|\s+im\s+(?:live-?ticker|live-?blog|news-?blog)$",
    re.I,
)
_SITE_SUFFIX = re.compile(
    r"\s+(?:\|\s+[^|]{1,60}"  # "| Coast Post"
    r"|(?:--|[-–—])\s+(?P<dashed>(?:[A-Z][\w.'’&]*\s*){1,4}))$"  # "- Coast Post"
)
# What a site's name after a dash looks like: one word, a word papers and broadcasters name
# themselves by ("Times", "News"), or a domain. "Storm Hits Coast - Minister Resigns" is a
# second headline.
_SITE_WORDS = frozenset(
    "news times post herald guardian journal daily tribune telegraph gazette online today tv "
    "radio press chronicle observer mail express independent standard star sun mirror record "
    "courier review report wire network magazine weekly globe sentinel examiner inquirer "
    "dispatch bulletin reporter register monitor insider media broadcasting".split()
)
_DOMAIN = re.compile(r"\.(?:com|org|net|news|co\.uk|co|io|info)\b", re.I)


def _site_like(suffix: str) -> bool:
    words = suffix.split()
    return (
        any(w.lower().strip(".'’") in _SITE_WORDS for w in words)
        or len(words) == 1  # "Reuters", "Bloomberg", "BBC": a second headline is longer
        or bool(_DOMAIN.search(suffix))
    )


def _without_site_suffix(headline: str) -> str:
    found = _SITE_SUFFIX.search(headline)
    if found is None or (found.group("dashed") and not _site_like(found.group("dashed"))):
        return headline
    return headline[: found.start()]


def bare_headline(headline: str) -> str:
    """The headline without the labels, format marks and site name around it."""
    bare = headline.strip()
    for _ in range(2):  # "LIVE: ... (video) | Coast Post"
        # the label first: in "LIVE | Storm hits coast" the headline is what follows the bar
        bare = _HEADLINE_LABEL.sub("", bare)
        shorter = _HEADLINE_FORMAT.sub("", _without_site_suffix(bare))
        if not any(ch.isdigit() for ch in bare[len(shorter) :]):
            bare = shorter  # a suffix with a figure in it is news ("- 3 dead"), not a site name
    return bare


def without_site_name(headline: str, site_name: str | None) -> str:
    """The headline without the site's name after it ("Channel to be dredged | Coast Post"),
    as some pages' og:title carries it and others not."""
    if not site_name or site_name == headline:
        return headline
    for separator in (" | ", " - ", " -- ", " – ", " — ", " :: ", " · ", " // ", " » "):
        if headline.endswith(separator + site_name):
            return headline[: -len(separator + site_name)].rstrip()
    return headline
