"""Page furniture in the languages other than English that news sites most often write in
(German, French, Spanish, Italian, Portuguese, Dutch, and a few more where a word is cheap to
know): headings over other stories, the words of a publication stamp, relative ages, ad and
share labels, reading times. The English rules in ``furniture`` and ``widgets`` read these
alongside their own; a word here is how another language's site is taught.
"""

from __future__ import annotations

import re
from functools import lru_cache

# "Related" and "Read also" in other languages: German, French, Spanish, Italian, Portuguese,
# Dutch, Polish, Russian, Japanese, Chinese, Korean, Thai, Arabic
OTHER_STORIES_ELSEWHERE = (
    r"lesen sie (?:auch|mehr)|mehr zum thema|weitere artikel|"
    r"das könnte sie (?:auch )?interessieren|"
    r"(?:à )?lire aussi|sur le même sujet|à voir aussi|leer más|lee también|te puede interesar|"
    r"noticias relacionadas|leggi anche|articoli correlati|leia também|veja também|"
    r"notícias relacionadas|lees ook|meer over dit onderwerp|czytaj (?:także|też)|"
    r"читайте также|по теме|関連記事|関連ニュース|相关新闻|相关阅读|相關新聞|延伸阅读|관련\s?기사|"
    r"เรื่องที่เกี่ยวข้อง|اقرأ أيضا|اقرأ أيضاً|مواضيع ذات صلة|أخبار ذات صلة"
)

# what opens a publication or update stamp ("Aktualisiert am", "Mis à jour le")
STAMP_PREFIXES_ELSEWHERE = (
    r"aktualisiert|veröffentlicht|erstellt|stand|mis à jour|publié|modifié|actualisé|"
    r"actualizado|publicado|modificado|aggiornato|pubblicato|modificato|atualizado|"
    r"bijgewerkt|gepubliceerd|aangepast"
)
# A stamp's words in the languages news sites most often write in (German, French, Spanish,
# Italian, Portuguese, Dutch, and a few more): months and weekdays, "today" and "yesterday",
# and the little words around a date and a time ("am", "um", "Uhr", "le", "à", "a las", "alle")
STAMP_WORDS_ELSEWHERE = (
    "januar jänner februar märz april mai juni juli august september oktober november dezember "
    "janvier février mars avril juin juillet août septembre octobre novembre décembre "
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre "
    "diciembre gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre "
    "janeiro fevereiro março maio junho julho setembro outubro novembro dezembro "
    "januari februari maart mei augustus oktober "
    "jan feb mär mrz märz apr jun jul aug sep sept okt nov dez déc janv févr avr juil ene abr "
    "ago dic gen mag giu lug set ott fev out dez mei mrt "
    "montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi mercredi jeudi "
    "vendredi samedi dimanche lunes martes miércoles jueves viernes sábado domingo lunedì "
    "martedì mercoledì giovedì venerdì sabato domenica segunda terça quarta quinta sexta feira "
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag "
    "heute gestern aujourd hui hier hoy ayer oggi ieri hoje ontem vandaag gisteren šodien vakar "
    "dzisiaj wczoraj сегодня вчера "
    "am um uhr le la à h el de del a las alle ore às em om op kl klo du den der dem"
)

# Lines of furniture, whole: a relative age that moves on by itself ("vor 2 Stunden", "il y a
# 3 heures", "hace 2 horas", "2 ore fa", "há 2 horas", "2 uur geleden"), an ad or share label,
# a reading time
BOILERPLATE_ELSEWHERE = [
    re.compile(p, re.I)
    for p in (
        rf"^[·•|\-\s]*(?:(?:{STAMP_PREFIXES_ELSEWHERE})\s*:?\s*)?"
        r"(?:(?:vor|seit) (?:\d+|einer?|wenigen) (?:sekunden?|minuten?|min\.?|stunden?|std\.?|"
        r"tagen?|wochen?)|il y a (?:\d+|une?|quelques) (?:secondes?|minutes?|min|heures?|h|"
        r"jours?|semaines?)|hace (?:\d+|una?|unos|unas) (?:segundos?|minutos?|min|horas?|h|"
        r"días?|semanas?)|(?:\d+|un|una) (?:secondi|minuti|min|ore|ora|giorni|giorno|"
        r"settimane) fa|h[áa] (?:\d+|uma?) (?:segundos?|minutos?|min|horas?|h|dias?|semanas?)|"
        r"(?:\d+|een) (?:seconden|minuten|min|uur|dagen|dag|weken) geleden)\.?$",
        r"^(?:anzeige|werbung|publicité|publicidad|pubblicità|publicidade|advertentie|reklama|"
        r"реклама|teilen|partager|compartir|condividi|partilhar|compartilhar|delen|drucken|"
        r"imprimer|imprimir|stampa|afdrukken)$",
        r"^(?:lesezeit|temps de lecture|tiempo de lectura|tempo di lettura|tempo de leitura|"
        r"leestijd)\s*:?\s*\d+\s*(?:min\w*\.?)$",
        r"^\d+\s*min(?:\.|uten|utes|utos|uti)?\s*(?:lesezeit|de lecture|de lectura|di lettura|"
        r"de leitura|leestijd)$",
    )
]


# The little words of each language (articles, pronouns, prepositions, auxiliaries): they carry
# grammar, not news, as English's FUNCTION_WORDS do. A sentence's news is read from its other
# words, so a German sentence cut is not taken for one "said elsewhere" because its "und",
# "die" and "ist" stand everywhere.
LITTLE_WORDS = {
    "de": "der die das den dem des ein eine einen einem einer eines und oder aber ist sind war "
    "waren wird werden wurde wurden hat haben hatte hatten sein nicht auch noch nur schon sich "
    "mit von zu zum zur im in am an auf aus bei für nach über unter vor durch um als wie so "
    "dass daß es er sie wir ihr ich man kann können muss müssen soll sollen will wollen mehr "
    "dann wenn ob dieser diese dieses jetzt",
    "fr": "le la les un une des du de d l et ou mais est sont était étaient a ont avait été être "
    "ne pas plus que qui quoi dont où il elle ils elles on nous vous je se sa son ses leur leurs "
    "ce cet cette ces dans sur sous par pour avec sans en au aux comme aussi très tout tous "
    "peut doit",
    "es": "el la los las un una unos unas y o pero es son era eran fue fueron ha han había ser "
    "estar está están no que quien cual donde se su sus le les lo al del de en con por para "
    "sin sobre como más muy también todo todos puede este esta estos estas",
    "it": "il lo la i gli le un una uno e o ma è sono era erano ha hanno aveva essere stato "
    "non che chi cui dove si suo sua suoi sue di del della dei delle da dal in nel nella con "
    "per su come più molto anche tutto questo questa",
    "pt": "o a os as um uma uns umas e ou mas é são era eram foi foram tem têm ser estar está "
    "não que quem qual onde se seu sua seus suas de do da dos das em no na nos nas com por "
    "para sem sobre como mais muito também todo este esta",
    "nl": "de het een en of maar is zijn was waren wordt worden werd heeft hebben had niet ook "
    "nog al dat die wie wat waar er hij zij ze we wij ik men zich van in op aan met voor door "
    "naar bij uit over als dan meer kan moet zal",
}
_LITTLE = {language: frozenset(words.split()) for language, words in LITTLE_WORDS.items()}
_ENGLISH_LITTLE = frozenset("the and of to is that for with was on it by".split())
MIN_LITTLE_WORDS = 8


@lru_cache(maxsize=64)
def little_words(text: str) -> frozenset[str]:
    """The little words of the language ``text`` is written in, when that is one of the
    languages above (read from its first 4,000 characters); empty for English or unknown."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text[:4000])]
    english = sum(w in _ENGLISH_LITTLE for w in words)
    counts = {lang: sum(w in little for w in words) for lang, little in _LITTLE.items()}
    language, count = max(counts.items(), key=lambda item: item[1])
    if count < MIN_LITTLE_WORDS or count <= 2 * english:
        return frozenset()
    return _LITTLE[language]


# A paywall's or a register wall's prompt in German, French, Spanish, Italian, Portuguese, Dutch
# and Japanese ("Weiterlesen mit Abo", "Réservé aux abonnés", "会員限定"): the English ones are in
# ``walls``. Japanese runs its words together, so its prompts are matched without word edges.
WALL_ELSEWHERE = (
    r"\b(?:jetzt (?:abonnieren|weiterlesen)|weiterlesen mit|lesen sie (?:jetzt )?weiter mit|"
    r"nur für abonnenten|exklusiv für abonnenten|sie haben bereits ein abo|"
    r"(?:réservé|reservé) aux abonnés|abonnez-vous pour (?:lire|continuer)|déjà abonné|"
    r"pour lire la suite|suscr[ií]bete para (?:seguir|continuar) leyendo|"
    r"exclusivo para suscriptores|¿ya eres suscriptor|abbonati per (?:continuare|leggere)|"
    r"riservato agli abbonati|sei già abbonato|assine para continuar|"
    r"exclusivo para assinantes|já é assinante|lees verder met|word abonnee|"
    r"alleen voor abonnees|al abonnee)\b|"
    r"会員限定|続きをお読みいただけます|有料会員"
)
