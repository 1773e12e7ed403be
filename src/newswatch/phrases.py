"""Phrases that news uses for one word, read as that word by the swap rules of ``contrasts``.

A list, not rules, as ``word_classes`` is: "the strike went ahead" -> "the strike was called
off" is a plan's fate swapped when "went ahead" reads "proceeded" and "called off" "cancelled",
and "called off" -> "cancelled" is then wording. Each phrase maps to a word the lists of
``word_classes`` hold (or to a token of its own, such as "nocomment", that a class there names).
"""

PHRASAL_VERBS = {
    "call off": "cancel", "calls off": "cancels", "called off": "cancelled",
    "calling off": "cancelling", "go ahead": "proceed", "goes ahead": "proceeds",
    "went ahead": "proceeded", "gone ahead": "proceeded", "going ahead": "proceeding",
    "step down": "resign", "steps down": "resigns", "stepped down": "resigned",
    "stepping down": "resigning", "stood down": "resigned", "step aside": "resign",
    "stepped aside": "resigned", "pull out": "withdraw", "pulls out": "withdraws",
    "pulled out": "withdrew", "turn down": "reject", "turns down": "rejects",
    "turned down": "rejected", "shut down": "closed", "laid off": "fired",
    "scaled back": "reduced", "lay off": "fire", "lays off": "fires", "laying off": "firing",
    "locked up": "jailed", "set free": "freed", "took part": "participated", "at large": "fugitive",
    "world record": "worldrecord", "olympic record": "olympicrecord",
    "championship record": "championshiprecord", "national record": "nationalrecord",
    "european record": "europeanrecord", "personal best": "personalbest",
    "course record": "courserecord", "club record": "clubrecord",
    "season's best": "seasonbest", "season best": "seasonbest",
    "too close to call": "tossup", "neck and neck": "tossup", "dead heat": "tossup",
    "clear lead": "clearlead", "comfortable lead": "clearlead", "commanding lead": "clearlead",
    "spin off": "spinoff", "spins off": "spinoff", "spun off": "spinoff", "shot at": "shotat",
    "fired at": "shotat", "fired on": "shotat", "shooting at": "shotat",
    "take part": "participate", "takes part": "participates", "taking part": "participating",
    "taken into custody": "arrested", "held in custody": "detained",
    "remains in custody": "detained", "remain in custody": "detained",
    "remains in place": "extended", "remain in place": "extended", "stays in place": "extended",
    "kept in place": "extended", "sent off": "sentoff",
    "passed away": "died", "pass away": "die", "passes away": "dies",
    "struck down": "overturned", "strike down": "overturn", "strikes down": "overturns",
    "in line with": "matching", "under control": "contained", "put out": "extinguished",
    "out of control": "raging", "remain in hospital": "hospitalised",
    "remains in hospital": "hospitalised", "remained in hospital": "hospitalised",
    "calls on": "urges", "called on": "urged", "call on": "urge", "calling on": "urging",
    # no answer, in any of its words: "denied the claims" -> "has not commented on them"
    "not commented": "nocomment", "not comment": "nocomment", "declined to comment": "nocomment",
    "refused to comment": "nocomment", "not respond": "nocomment", "not responded": "nocomment",
    "not immediately respond": "nocomment", "no comment": "nocomment",
    "not respond to requests for comment": "nocomment",
    "not respond to a request for comment": "nocomment",
    "not immediately respond to a request for comment": "nocomment",
    "not reply to requests for comment": "nocomment",
    "yet to comment": "nocomment", "yet to respond": "nocomment",
    "unable to comment": "nocomment", "cannot comment": "nocomment",
    "chief executive": "ceo", "chief executive officer": "ceo", "chief financial officer": "cfo",
    "chief operating officer": "coo", "finance director": "cfo", "financial director": "cfo",
    "level off": "stabilise", "levels off": "stabilises", "levelled off": "stabilised",
    "leveled off": "stabilized", "levelling off": "stabilising", "leveling off": "stabilizing",
    "under pressure": "pressured", "faces calls": "pressured",
    "facing calls": "pressured", "along party lines": "partisan", "party-line": "partisan",
    "government forces": "troops", "armed forces": "troops",
    "broke down": "collapsed", "break down": "collapse", "broken down": "collapsed",
    "crash-landed": "crashed", "crash landed": "crashed",
    "sits on": "memberof", "sat on": "memberof", "member of": "memberof",
    "members of": "memberof", "work to rule": "worktorule", "overtime ban": "overtimeban",
    "walk out": "walkout", "both directions": "bothways", "both ways": "bothways",
    "walked out": "walkout", "walk-out": "walkout",
    "claimed responsibility": "responsibility", "claims responsibility": "responsibility",
    "on track": "ontrack", "on course": "ontrack", "off track": "offtrack",
    "off course": "offtrack", "phase out": "phaseout", "phased out": "phaseout",
    "picked up": "accelerated", "picks up": "accelerates", "sped up": "accelerated",
    "speeded up": "accelerated", "more slowly": "slower", "more quickly": "faster",
    "on foot": "onfoot", "living room": "livingroom", "by a single vote": "narrowly",
    "by one vote": "narrowly", "out of danger": "outofdanger", "in danger": "indanger",
    "government troops": "troops", "extra time": "extratime", "extra-time": "extratime",
    "hat-trick": "hattrick", "hat trick": "hattrick", "because of": "owingto",
    "early-stage": "earlystage", "early stage": "earlystage", "late-stage": "latestage",
    "late stage": "latestage", "in talks": "discussing", "become law": "enacted",
    "became law": "enacted", "becomes law": "enacted", "means-tested": "meanstested",
    "means tested": "meanstested", "burnt out": "burnt", "burned out": "burned",
    "set alight": "torched", "set on fire": "torched", "turned back": "turnedback",
    "turned away": "turnedback", "caught fire": "caughtfire", "burst into flames": "caughtfire",
    "rolled over": "rolled", "profit warning": "cut", "profits warning": "cut",
    "intensive care": "intensivecare", "critical care": "intensivecare",
    "stoppage time": "stoppagetime", "injury time": "stoppagetime", "added time": "stoppagetime",
    "first half": "firsthalf", "second half": "secondhalf", "sworn in": "sworn",
    "front line": "frontline", "front lines": "frontlines", "line of contact": "frontline",
    "contact line": "frontline", "on standby": "standby", "on alert": "standby",
    "sent in": "deployed", "under way": "underway", "bad weather": "weather",
    "poor weather": "weather", "technical problems": "technicalfault",
    "technical problem": "technicalfault", "technical issues": "technicalfault",
    "technical issue": "technicalfault", "technical fault": "technicalfault",
    "technical glitch": "technicalfault", "requires improvement": "requiresimprovement",
    "requiring improvement": "requiresimprovement",
    "require improvement": "requiresimprovement", "free and fair": "fair", "thanks to": "owingto",
    "owing to": "owingto", "due to": "owingto", "in spite of": "despite",
}  # fmt: skip


# Headline words for what a text says at length: "Firm's boss quits after probe" tells what "the
# company's chief executive resigned after an investigation" does (``headlines`` reads a
# headline's word as told where the text has one of these)
HEADLINE_WORDS = {
    "firm": "company business operator group",
    "boss": "chief executive director head leader manager chairman chairwoman",
    "chief": "executive director head leader",
    "ceo": "chief executive",
    "teen": "teenager boy girl",
    "govt": "government",
    "quits": "resigned resign resigns resigning stepping step",
    "axe": "cut cuts scrap scrapped close closed",
    "axed": "cut scrapped closed",
    "probe": "investigation inquiry investigating investigated review",
    "row": "dispute argument criticism controversy accused accusations allegations claims",
    "dispute": "row disagreement argument",
    "walkout": "strike walk",
    "slams": "criticised criticized condemned attacked",
    "hike": "rise increase raise",
    "blast": "explosion",
    "cops": "police officers",
    "vows": "pledged promised pledge promise would will",
    "vow": "pledged promised pledge promise would will",
    "legal": "court courts lawsuit judicial judge judges",
    "fight": "challenge challenged oppose opposed battle resist resisted",
    "death": "dead died killed",
    "cleared": "acquitted dropped",
    "inquiry": "investigation investigating investigated investigate probe review",
    "consecutive": "row straight running successive",
    "triggers": "caused prompted sparked issued led",
    "triggered": "caused prompted sparked issued led",
    "bid": "attempt offer plan",
    "deal": "agreement",
    "jobs": "staff workers posts roles employees",
    "kids": "children",
    "pm": "prime minister",
    "mps": "parliament members",
    "hit": "brought struck battered lashed swept",
    "batter": "hit struck battered lashed",
    "us": "american united states",
    "uk": "britain british",
    "ex": "former",
    "killed": "died dead death",
    "kill": "died dead death",
    "dies": "died dead death",
    "breach": "broke broken break breaking violated violation",
    "breaching": "broke broken break breaking violated violation",
    "breached": "broke broken break breaking violated violation",
    "troops": "army soldiers forces military",
    "deployed": "sent",
}

# a verb's present, past and past participle (where it is another word)
VERB_FORMS = [
    forms.split("/")
    for forms in """meet/met win/won lose/lost take/took/taken make/made give/gave/given hold/held
    sell/sold buy/bought pay/paid leave/left keep/kept find/found tell/told go/went/gone come/came
    begin/began/begun break/broke/broken strike/struck send/sent spend/spent build/built
    choose/chose/chosen fight/fought rise/rose/risen fall/fell/fallen lead/led run/ran see/saw/seen
    speak/spoke/spoken seek/sought bring/brought withdraw/withdrew/withdrawn steal/stole/stolen
    flee/fled shoot/shot sink/sank/sunk freeze/froze/frozen drive/drove/driven throw/threw/thrown
    write/wrote/written hide/hid/hidden catch/caught draw/drew/drawn fly/flew/flown grow/grew/grown
    know/knew/known forbid/forbade/forbidden swear/swore/sworn shake/shook/shaken tear/tore/torn
    stand/stood feed/fed lend/lent deal/dealt sit/sat blow/blew/blown beat/beat/beaten
    overtake/overtook/overtaken undertake/undertook/undertaken""".split()
]
