"""The words figures are written in: number words, ordinals, months, the words that multiply
a figure ("million", "bn", and "Mio.", "milliards" in other languages), and the days news
dates by. Tables only; ``numbers`` reads them.
"""

# fmt: off
MULTIPLIERS = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "millions": 1e6,
    "bn": 1e9, "b": 1e9, "billion": 1e9, "billions": 1e9, "trillion": 1e12, "tn": 1e12,
    # German, French, Spanish, Italian, Portuguese, Dutch: "12 Mio. Euro", "2,5 milliards"
    "mio": 1e6, "millionen": 1e6, "millones": 1e6, "milioni": 1e6, "milhões": 1e6,
    "miljoen": 1e6, "mrd": 1e9, "milliarden": 1e9, "milliards": 1e9, "miliardi": 1e9,
}
WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12, "dozens": 24, "hundreds": 200,
    "thousands": 2000, "millions": 2e6, "billions": 2e9, "half": 0.5, "once": 1, "twice": 2,
    # vague counts a size apart: "tens of thousands" -> "thousands" is a crowd cut tenfold
    "tens of thousands": 2e4, "hundreds of thousands": 2e5, "tens of millions": 2e7,
    "hundreds of millions": 2e8,
    # "scores of" people are as vague a count as "dozens of" ("scores" alone is a verb in sport)
    "scores of": 24,
    # German, French, Spanish, Italian and Portuguese, which write small counts in words ("drei
    # Menschen", "trois personnes"); not those that are English words or names ("elf", "sept",
    # "dix", "once", "due", "otto", "doze") or that also mean something else ("acht", "neuf",
    # "ein", Italian "venti" for winds, "dez" for December)
    "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "neun": 9, "zehn": 10,
    "zwölf": 12, "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100,
    "tausend": 1000, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "huit": 8, "onze": 11,
    "douze": 12, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "tres": 3,
    "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "doce": 12,
    "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50, "quattro": 4, "cinque": 5,
    "sette": 7, "dieci": 10, "dodici": 12, "trenta": 30, "dois": 2, "três": 3,
    "sete": 7, "oito": 8, "vinte": 20, "trinta": 30,
}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20,
}
MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
# The months of German, French, Spanish, Italian, Portuguese and Dutch, read only after a day
# ("5. März", "5 mars", "5 de marzo"): "Mars" alone is a planet
FOREIGN_MONTHS = {
    **dict.fromkeys(("januar", "jänner", "janvier", "enero", "gennaio", "janeiro", "januari"), 1),
    **dict.fromkeys(("februar", "février", "febrero", "febbraio", "fevereiro", "februari"), 2),
    **dict.fromkeys(("märz", "mars", "marzo", "março", "maart"), 3),
    **dict.fromkeys(("april", "avril", "abril", "aprile"), 4),
    **dict.fromkeys(("mai", "mayo", "maggio", "maio", "mei"), 5),
    **dict.fromkeys(("juni", "juin", "junio", "giugno", "junho"), 6),
    **dict.fromkeys(("juli", "juillet", "julio", "luglio", "julho"), 7),
    **dict.fromkeys(("august", "août", "agosto", "augustus"), 8),
    **dict.fromkeys(("september", "septembre", "septiembre", "settembre", "setembro"), 9),
    **dict.fromkeys(("oktober", "octobre", "octubre", "ottobre", "outubro"), 10),
    **dict.fromkeys(("november", "novembre", "noviembre", "novembro"), 11),
    **dict.fromkeys(("dezember", "décembre", "diciembre", "dicembre", "dezembro"), 12),
}
# a decade in words ("the nineties"), as figures read it (1990)
DECADE_WORDS = {
    "twenties": 1920, "thirties": 1930, "forties": 1940, "fifties": 1950, "sixties": 1960,
    "seventies": 1970, "eighties": 1980, "nineties": 1990, "noughties": 2000,
}
# fmt: on
# an English month as a pattern: a full name never takes the full stop after it (that ends the
# sentence); a cut one does
MONTH_NAMES = (
    r"jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|jun\.|june?|jul\.|july?|"
    r"aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?"
)
# the words of a number like "twenty-one" or "thirty-third", as patterns
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
UNITS = (
    "one|two|three|four|five|six|seven|eight|nine"
    "|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
)
# the calendar's quarters by the months they start and end with
QUARTER_STARTS = {"january": 1, "april": 2, "july": 3, "october": 4}
QUARTER_ENDS = {"march": 1, "june": 2, "september": 3, "december": 4}
DAY_WORDS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|"
    # the weekdays of German, French, Spanish and Italian news
    "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|"
    "vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|lunedì|martedì|"
    "mercoledì|giovedì|venerdì|domenica|"
    "tonight|this morning|this afternoon|this evening|last night|last week|next week|"
    "last month|next month|last year|next year|(?:earlier |later )?this (?:week|month|year)|"
    "an? (?:week|month|year) ago|"
    # a season or a weekend pinned by "this", "next" or "last" ("this winter" -> "next winter")
    "(?:this|next|last) (?:winter|summer|spring|autumn|weekend)"
)

# per cent however a figure writes it, in English and the languages news sites most often use
PER_CENT = (
    r"(?:%|per\s?cent\b|percent\b|pc\b|prozent\b|pour\s?cent\b|por\s?cient[oa]\b"
    r"|per\s?cento\b|por\s?cento\b|procent\b)"
)
# what follows a clock written without am or pm
CLOCK_ZONES = (
    r"(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|ET|PT|local\ time|hrs|hours\ (?:GMT|local))\b"
)

# pence or cents after a figure: "2p a litre", "50 cents" are sums, a hundredth of the unit
# ("4pm" is a time, "2pc" a per cent)
PENCE_AFTER = r"p\b(?!\.?m\b)|\s+(?:pence|cents?)\b"
# a sum written with its currency after it: "1.2 million euros" is "€1.2m" (not "pounds",
# which weigh as often as they pay, unless millions of them)
CURRENCY_AFTER = (
    r"\s+(?:euros?|dollars?|pounds\s+sterling|yen|yuan|rupees?|francs?|roubles?"
    r"|rubles?|USD|EUR|GBP)\b"
)
