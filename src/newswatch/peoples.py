"""Places whose people's word is not the place's name with an ending: "Wales" and "Welsh",
"France" and "French", "the Netherlands" and "Dutch". ``names.same_name`` reads each pair as one
place ("closed its plant in Wales" -> "shut its Welsh plant"); the regular ones ("Russia",
"Russian") it reads by their endings.
"""

import re

_PEOPLES = {
    "wales": ("welsh",), "scotland": ("scottish", "scots"), "england": ("english",),
    "ireland": ("irish",), "france": ("french",), "spain": ("spanish",),
    "germany": ("german", "germans"), "poland": ("polish", "poles"),
    "netherlands": ("dutch", "holland"), "denmark": ("danish", "danes"),
    "sweden": ("swedish", "swedes"), "norway": ("norwegian", "norwegians"),
    "greece": ("greek", "greeks"), "switzerland": ("swiss",), "turkey": ("turkish", "turks"),
    "portugal": ("portuguese",), "belgium": ("belgian", "belgians"),
    "cyprus": ("cypriot", "cypriots"), "finland": ("finnish", "finns"),
    "philippines": ("filipino", "filipinos"), "peru": ("peruvian", "peruvians"),
    "thailand": ("thai", "thais"), "iceland": ("icelandic", "icelanders"),
    "lebanon": ("lebanese",), "somalia": ("somali", "somalis"), "saudi arabia": ("saudi", "saudis"),
    "afghanistan": ("afghan", "afghans"), "argentina": ("argentine", "argentinian"),
    "czechia": ("czech", "czechs"), "slovakia": ("slovak", "slovaks"), "sri lanka": ("sri lankan",),
    "kazakhstan": ("kazakh", "kazakhs"), "panama": ("panamanian",), "congo": ("congolese",),
    "mozambique": ("mozambican",), "laos": ("laotian",), "greenland": ("greenlandic",),
    "flanders": ("flemish",), "catalonia": ("catalan", "catalans"),
    "kurdistan": ("kurdish", "kurds"), "cornwall": ("cornish",),
    "croatia": ("croat", "croats", "croatian"), "serbia": ("serb", "serbs", "serbian"),
}  # fmt: skip
_PLACE_OF = {word: place for place, words in _PEOPLES.items() for word in (place, *words)}


def same_people(a: str, b: str) -> bool:
    """``a`` and ``b`` name one place, one as the place and the other as its people: "Wales" and
    "Welsh", "the Netherlands" and "Dutch"."""
    one, other = (re.sub(r"^the\s+", "", " ".join(x.lower().split())) for x in (a, b))
    place = _PLACE_OF.get(one)
    return place is not None and one != other and place == _PLACE_OF.get(other)
