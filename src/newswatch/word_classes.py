"""The word lists the swap rules of ``contrasts`` read: words and their opposites, and kinds of
fact whose words, swapped for one another, state different facts.

Lists, not rules: adding a word here is how a new kind of news edit is taught. Each kind's
comment says what it catches; a class (between "|") holds words that say the same thing.
``phrases.PHRASAL_VERBS`` reads a verb of two words as the one word these lists know it by;
the kinds whose swap only shades a fact (medium) are ``loose_classes``', and the kinds of
particular beats (a match, a trial, an election, a conflict) ``beat_classes``'.
"""

from newswatch.beat_classes import BEAT_CONTRASTS

# Words whose swap for the other turns a claim around. Only words that keep their opposite
# sense in nearly every use; "up"/"down" are too idiomatic to list ("over"/"under" swapped for
# each other are not: "over the limit" -> "under the limit", "over 40" -> "under 40").
OPPOSITES = (
    "ahead behind", "before after", "increase decrease", "increased decreased", "rise fall",
    "rose fell", "risen fallen",
    "rising falling", "gain loss", "won lost", "win lose",
    "more less", "more fewer", "extra fewer", "additional fewer", "over fewer", "over less",
    "higher lower", "highest lowest", "above below",
    "majority minority", "guilty innocent", "convicted acquitted", "accepted rejected",
    "approved rejected", "approval refusal", "approval rejection",
    "support oppose", "supports opposes", "supported opposed", "alive dead",
    "open closed", "open close", "opens closes", "opened closed", "opening closing",
    "keep close", "keeps closes", "kept closed", "operating close", "operating closed",
    "operating closes", "operating shut", "saved lost", "save lose", "saves loses",
    "attended absent", "attend absent", "light heavy", "lighter heavier",
    "present absent", "allowed prevented", "allowed barred", "permitted prevented",
    "permitted barred", "allowed blocked", "allow block", "allows blocks",
    "reopen close", "reopened closed", "reopen closed", "reopens closed", "reopening closed",
    "maximum minimum", "most least", "largest smallest",
    "biggest smallest",
    "legal illegal", "true false", "confirmed denied", "allowed banned", "best worst",
    "success failure", "inside outside", "strengthen weaken", "expanded reduced",
    "indoors outdoors", "indoors outside", "strong weak", "stronger weaker", "strong weakening",
    "strengthening weakening", "strengthened weakened", "ally rival", "allies rivals",
    "ally opponent", "allies opponents", "ally critic", "allies critics", "expected surprised",
    "anticipated surprised", "affordable luxury", "confident worried", "confident concerned",
    "confident nervous", "claimant defendant", "claimants defendants", "plaintiff defendant",
    "plaintiffs defendants", "helped hampered", "helped hindered", "aided hampered",
    "increased reduced", "outofdanger indanger", "despite owingto", "lacked had", "lacks has",
    "lack have", "lacking having", "criticised backed", "criticized backed",
    "criticising backing", "criticizing backing", "criticises backs", "criticizes backs",
    "increase reduce", "increases reduces", "increasing reducing", "north south",
    "east west", "import export", "imports exports", "first last", "earlier later",
    "overestimated underestimated", "surplus deficit", "coastal inland", "offshore inland",
    "profit loss",
    "victory defeat",
    "for against", "backed opposed", "condemned praised", "condemn praise", "condemns praises",
    "criticised praised", "criticized praised", "high low", "peaceful violent",
    "peaceful violence",
    "well poorly", "well badly", "allowed inadmissible", "admitted inadmissible",
    "peacefully violently", "clashed peacefully", "clashes peacefully",
    "positive negative", "inflation deflation", "buy sell", "buys sells", "bought sold",
    "buyer seller", "buyers sellers", "admitted denied", "admits denies", "include exclude",
    "included excluded", "started ended", "starts ends", "begin end", "began ended",
    "begins ends", "hired fired", "passed failed", "arrived departed", "entered left",
    "public private", "domestic foreign", "voluntary compulsory", "voluntary mandatory",
    "temporary permanent", "temporarily permanently", "temporary indefinite",
    "temporarily indefinitely", "peaceful hostile", "robust weak", "resilient weak", "solid weak",
    # what a court did with a conviction, a ruling or an appeal
    "appeal comply", "appeal pay",
    "appeals complies", "appealed complied", "challenge comply",
    "challenged complied", "contest comply", "contested complied",
    "overturned upheld", "overturn uphold", "overturns upholds", "quashed upheld",
    "allowed dismissed", "granted denied", "granted refused", "granted rejected",
    "upper lower", "early late", "spreading contained", "pre post", "over under",
    # which way an army moved, and how fast a thing went
    "withdrawn advanced", "withdrew advanced", "retreated advanced", "retreating advancing",
    "withdrew entered", "withdraws enters", "withdrawing entering", "restored severed",
    "retaken withdrawn", "recaptured withdrawn", "retook withdrew", "recaptured withdrew",
    "captured withdrew", "seized withdrew",
    "restore sever", "restores severs",
    "slowly quickly", "slow fast", "slower quicker",
    # the sea a ship sank in
    "rough calm",
    # done in the open or not
    "secret public", "secretly publicly", "private publicly",
    # where a side stands in a table: "three points clear" -> "three points behind"
    "clear behind", "top bottom",
    # which way something went: "flights from the UK" -> "flights to the UK"
    "from to", "into from",
    "deliberate accidental", "deliberately accidentally", "intentional accidental",
    "intentionally accidentally", "confirmed disputed", "short long", "shorter longer",
    "shortest longest", "favour against", "favor against", "downgraded upgraded",
    "downgrade upgrade", "downgrades upgrades", "strengthened weakened", "strengthens weakens",
    "slowed accelerated", "slowing accelerating", "slows accelerates", "random targeted",
    "win lost", "win lose", "gained lost", "gains loses", "gain lose", "elected defeated",
    "beat missed", "beats misses", "beating missing", "beat miss", "including excluding",
    "includes excludes",
    # comparisons that say who or which ("the older man" -> "the younger man")
    "older younger", "oldest youngest", "elder younger", "eldest youngest", "old young",
    "richer poorer", "richest poorest", "rich poor", "faster slower", "fastest slowest",
    "stronger weaker", "strongest weakest", "strong weak", "cheaper dearer", "cheapest dearest",
    "warmer colder", "warmest coldest", "hotter colder", "hottest coldest", "wetter drier",
    "wettest driest", "safer riskier", "safer dangerous", "safe dangerous", "safe unsafe",
    "old new", "oldest newest", "older newer", "senior junior", "seniors juniors",
    "failed succeeded", "failed worked", "failed succeed", "failed work", "fail succeed",
    "fail work", "fails succeeds",
    "fails works",
    # more verbs and nouns that turn the claim round in news use
    "accepted declined", "accept decline", "accepts declines", "joined left", "join leave",
    "joins leaves", "added removed", "add remove", "adds removes", "lend borrow", "lent borrowed",
    "lends borrows", "entered exited", "enter exit", "expand shrink", "expanded shrank",
    "expands shrinks", "grew shrank", "grow shrink", "grows shrinks", "growing shrinking",
    "growing contracting", "expanding contracting", "growth contraction", "expansion contraction",
    "profitable loss-making", "profitable loss", "open mothballed", "opened mothballed",
    "expanding shrinking", "grew contracted",
    "expanded contracted", "peace war", "ally enemy",
    "allies enemies", "winner loser", "winners losers", "start stop", "started stopped",
    "starts stops", "heavier lighter",
    # sport: where, and how it went ("won at home" -> "won away")
    "home away", "scored missed", "score miss", "scores misses", "retained lost", "retain lose",
    "beat lost", "beats loses", "beat lose", "beating losing",
    "retracted published", "retract publish", "retracts publishes",
    # the commonest in German, French and Spanish news
    "gestiegen gesunken", "stieg sank", "steigt sinkt", "erhöht gesenkt", "mehr weniger",
    "gewonnen verloren", "gewann verlor", "angenommen abgelehnt", "zugestimmt abgelehnt",
    "bestätigt dementiert", "gewinn verlust", "höher niedriger", "geöffnet geschlossen",
    "hausse baisse", "augmenté diminué", "augmente diminue", "plus moins", "gagné perdu",
    "approuvé rejeté", "adopté rejeté", "confirmé démenti", "ouvert fermé", "bénéfice perte",
    "subió bajó", "sube baja", "aumentó disminuyó", "más menos", "ganó perdió",
    "aprobó rechazó", "aprobado rechazado", "abierto cerrado", "confirmó negó",
    "beneficio pérdida", "beneficios pérdidas", "zugenommen abgenommen", "anstieg rückgang",
    "gestiegen gefallen", "erlaubt verboten", "augmentation baisse", "interdit autorisé",
    "aumento descenso", "subida bajada", "prohibido permitido", "subieron bajaron",
    "subido bajado", "aumentaron disminuyeron", "ganaron perdieron", "aumentato diminuito",
    "aumentati diminuiti", "salito sceso", "saliti scesi", "vinto perso", "approvato respinto",
    # a service running as normal, or disrupted ("le trafic sera normal" -> "perturbé"), or cut
    "reduced normal",
    "normal perturbé", "normal perturbée", "normale perturbé", "normal gestört", "normal disrupted",
    "normal interrumpido", "normale interrotto",
    "eased tightened", "ease tighten", "eases tightens", "loosened tightened", "relaxed tightened",
    "hire fire", "hires fires",
    "full empty", "entered avoided", "enter avoid", "enters avoids", "internal external",
    "wider narrower", "thinner thicker", "thinnest thickest", "bigger smaller", "larger smaller",
    "easier harder", "easiest hardest",
    "small large", "small big", "minor major", "criminal civil", "employer employee",
    "employers employees", "upstream downstream", "inbound outbound", "passed defeated",
    "carried defeated", "leads trails", "led trailed", "leading trailing", "lead trail",
    # a leader's vote or a challenge: came through it, or not
    "survived lost", "survives loses", "survive lose",
    # a court on a law, a ban or a merger: stopped it, or let it stand
    "blocked upheld", "block uphold", "blocks upholds",
    # a sentence served or not ("a suspended sentence" -> "an immediate prison sentence")
    "suspended immediate",
    # a seat or a title held, or lost; a target met or missed; on track or off it
    "held lost", "hold lose", "holds loses", "meet miss", "met missed", "meets misses",
    "unbeaten lost", "unbeaten beaten",
    "meeting missing", "ontrack offtrack", "phaseout expand", "phaseout expanded",
    "stop continue", "stopped continued", "stops continues", "stopping continuing",
    # a person or a thing looked for: still missing, or found
    "missing found", "missing located", "missing traced",
    # where homes are built
    "brownfield greenfield",
    # a job or a seat kept, or lost; the far side or the near one
    "kept lost", "keep lose", "keeps loses", "retained lost", "retains loses", "far near",
)  # fmt: skip

# Kinds of fact, each a list of classes separated by "|": a swap between two classes of one
# kind changes the fact; words of one class say the same thing. Only the forms news uses for
# the fact: "held" (custody or a meeting?) and "dropped" (charges or prices?) are left out.
CONTRASTS = (
    # which way a patient, a crisis or a market went
    "improving improved improves improve better | worsening worsened worsens worsen worse "
    "deteriorating deteriorated deteriorates fell fallen declined declines",
    # what became of a business or a part of one
    "sell sells sold selling | spinoff",
    # what happened to the people in a story
    "killed kills kill killing dead died dies die dying death deaths fatal fatally "
    "fatalities drowned body bodies | injured injures injuring wounded wounds hurt injuries "
    "injury critical | missing "
    "unaccounted | rescued rescues freed survived survives survivor survivors alive unharmed "
    "unhurt uninjured | released discharged | transferred | hospitalised hospitalized "
    "hospitalisations "
    "hospitalizations admissions | infected infections",
    # the same in German, French and Spanish
    "getötet tot tote toten gestorben starb starben | verletzt verletzte verletzten",
    "tués tué tuées morts mort mortes décédé décédés | blessés blessé blessée blessées",
    "muertos muerto muertas fallecidos fallecido murió murieron | heridos herido heridas",
    # ... and in Italian, Portuguese and Dutch
    "morti morto morta morte uccisi ucciso uccise deceduti deceduto | feriti ferito ferita ferite",
    "mortos mortas falecidos falecido morreram | feridos ferido feridas ferida",
    "doden dode gedood omgekomen overleden | gewonden gewond gewonde",
    # where a suspect stands with the law
    "sought hunted hunting searching | "
    "arrest arrested arrests detain detained detains caught captured booked | charge charged "
    "indicted "
    "accused | "
    "admitted admits pleaded pleads pled | convict convicted convicts guilty found | acquit "
    "acquitted acquits cleared clears | release released freed frees bailed bail | jail jailed "
    "jails imprisoned sentenced remanded | fined | sue sued | questioned quizzed interviewed | "
    "suspended spared | "
    "pardoned pardons pardon | commuted commutes | fugitive fugitives escaped",
    # what became of a case in court
    "dismissed | adjourned | settled | upheld | dropped | referred | retrial | release",
    # who decides a case: a jury, or a judge alone
    "jury juries jurors | judge alone",
    # how a death or a driving offence is judged ("accidental death" -> "unlawful killing",
    # "dangerous driving" -> "careless driving")
    "accidental | unlawful unlawfully | misadventure",
    # what a blast, a fire or a crash was: an accident or an attack
    "accident accidents | attack attacks terrorism arson sabotage",
    # a fire put out or held, or still burning ("brought under control" -> "still battling")
    "contained extinguished | raging spreading spread spreads battling tackling fighting burning "
    "ablaze",
    "dangerous | careless",
    # how someone was attacked, and with what
    "shot shooting shootings gunshot | shotat | stabbed stabbing stabbings knifed | beaten "
    "beating | strangled strangling | poisoned poisoning | found",
    # which drug was seized or taken
    "cannabis marijuana | cocaine crack | heroin | ecstasy mdma | methamphetamine meth | "
    "fentanyl | ketamine | amphetamine amphetamines",
    "gun guns rifle rifles pistol pistols handgun handguns firearm firearms shotgun | knife "
    "knives blade blades machete | bomb bombs explosive explosives",
    # which way: "moving north" -> "moving west" (north and south, east and west are opposites),
    # and a part of a country against all of it ("the south-east of the country" -> "the whole
    # country")
    "north northern northward northwards northbound | east eastern eastward eastwards "
    "eastbound | south southern southward southwards southbound | west western westward "
    "westwards westbound | bothways | whole entire nationwide countrywide",
    # where someone was, or where it happened ("died at home" -> "died in hospital")
    "home house | hospital hospitalised hospitalized | prison | school | hotel | station | scene "
    "| workplace"
    "| airport | border",
    # which room of a building
    "kitchen | basement cellar | bedroom | bathroom | livingroom lounge | garage | loft attic | "
    "hallway",
    # what was involved in a crash
    "car cars | van vans | lorry lorries truck trucks | bus buses coach coaches | motorcycle "
    "motorcycles motorbike motorbikes | bicycle bicycles bike bikes | train trains | tram trams "
    "| ambulance ambulances | helicopter helicopters | plane planes airliner jet | boat boats "
    "ship ships vessel vessels ferry ferries | onfoot",
    # the charge or the crime
    "murder | manslaughter | assault | rape | robbery | burglary | theft | fraud | terrorism",
    "murdered | raped | robbed | assaulted",
    # what a body decided, and what became of a plan or talks
    "propose proposed proposes announce announced announces unveil unveiled unveils publish "
    "published publishes | "
    "initialled initialed | leaked leaks | ratify ratified ratifies | "
    "approve approved approves passed passes adopt adopted adopts endorse endorsed endorses "
    "agree agreed agrees advance advanced advances cleared clears "
    "sign signed signs | reject rejected rejects block veto "
    "blocked blocks vetoed vetoes | delay delayed delays postpone postponed postpones defer "
    "deferred defers | cancel cancelled canceled cancels scrap scrapped scraps averted averts "
    "abandon "
    "abandoned abandons collapse collapsed collapses dissolve dissolved dissolves withdraw "
    "withdrew withdraws withdrawn reverse reversed reverses | awaiting awaits | discuss discussed "
    "discusses | review reviewed "
    "reviews reconsider "
    "reconsidered reconsiders | suspend suspended "
    "suspends pause paused pauses halt halted halts stall stalled stalls | resume resumed "
    "resumes restart restarted restarts restore restored restores continue continues continued "
    "continuing operating "
    "operate operates | proceed proceeds proceeded proceeding began begun begins | complete "
    "completed completes finish finished finishes",
    # where a country's power comes from
    "wind | solar | nuclear | coal | hydro hydroelectric hydropower | biomass | geothermal",
    # whether a search, a strike or a count goes on or is over ("were still searching" -> "had
    # finished searching")
    "ongoing underway continuing continue continues continued still widened broadened | finished "
    "finishes "
    "completed concluded ended closed stopped stops ceased",
    # whether a truce or a deal lasted ("held" alone is too many things to list elsewhere)
    "held holds survived survives | collapsed collapses broke breaks broken breached",
    # what became of a measure: sanctions, a curfew, an order
    "lift lifted lifts scrap scrapped scraps abolish abolished abolishes | extend extended "
    "extends | impose imposed imposes issue issued issues "
    "declare declared declares | review reviewed reviews | tighten tightened tightens toughened",
    # where a party stands on a decision
    "accept accepts accepted agree agrees agreed welcome welcomes welcomed endorse endorses "
    "endorsed backed backs back approve approves approved | challenge challenges challenged appeal "
    "appeals appealed contest "
    "contests contested oppose opposes opposed resist resists resisted criticised criticises "
    "criticise criticized criticizes criticize condemned condemns condemn questioned questions "
    "disputed disputes complained complains complain objected protested angered angers "
    "infuriated outraged | discuss discusses "
    "discussed discussing considering considers considered consider",
    # how far a takeover got: a thing bought, or only an offer for it
    "bought acquired purchased | offer bid bids",
    # which way a figure moved, in any of news's words for it ("jumped" -> "slumped")
    "rose risen rising increased jumped soared surged climbed gained grew grown accelerated rises "
    "doubled tripled trebled quadrupled recover recovers recovering recovered rebound rebounds "
    "rebounded "
    "jumps soars surges climbs grows rally rallies rallied rise jump soar surge climb grow "
    "strengthen strengthens strengthened strengthening intensify intensifies intensified "
    "intensifying | fell "
    "fallen falling decreased dropped plunged slumped tumbled declined shrank shrunk eased slipped "
    "dipped slid slowed cooled retreated easing falls plunges slumps slump tumbles declines eases "
    "slips dips slides fall drop plunge tumble decline shrink slip dip slide weaken weakens "
    "weakened halved halves weakening collapsed collapses",
    # which way a figure or a rate moved
    "raise raises raised raising hike hikes hiked lift lifts rise rises increase increases "
    "increased | cut cuts cutting lower "
    "lowers "
    "lowered lowering reduce reduces reduced reducing axe axes axed | hire hires hired hiring "
    "create creates created creating recruit "
    "recruits recruited recruiting | freeze freezes froze frozen keep keeps kept "
    "maintain maintains maintained unchanged steady held holds reaffirmed reaffirms reiterated "
    "reiterates | withdrew withdrawn withdraws suspended suspends",
    "raise raises raised boost boosts boosted double doubles | cut cuts reduce reduced reduces "
    "| freeze freezes froze frozen keep keeps kept retain retains retained | abolish abolishes "
    "abolished scrap scraps scrapped remove removes removed eliminate eliminated | discuss "
    "discusses discussed consider considers considered",
    "doubled | halved | tripled",
    # how far a disease has gone ("patients with advanced cancer" -> "early-stage cancer")
    "advanced terminal metastatic latestage | earlystage",
    # where a bill stands: law, or still argued over ("has become law" -> "is still being
    # debated")
    "enacted | debated debating",
    # a school's term or its whole year ("at the end of the summer term" -> "of the year")
    "term semester | year",
    # what was stolen, and what became of a car used in a crime
    "jewellery jewelry jewels | cash banknotes | watches | phones | paintings artworks",
    "abandoned dumped | burnt burned torched",
    # a convoy or a flight that got through, or not; a building cleared or still open
    "reached reaches arrived arrives | turnedback blocked",
    "evacuated evacuate evacuates | open | threatened endangered",
    # ties restored or cut ("cut" alone is too many things to be the opposite of "restored")
    "restored restores | cut cuts",
    # who gets a benefit, and what a rise follows
    "meanstested | universal",
    "inflation | earnings wages",
    # which prices moved ("as petrol prices drop" -> "as food prices drop")
    "petrol gasoline diesel | food grocery groceries | electricity | rent rents",
    # what became of a failing firm ("has gone into administration" -> "has been rescued")
    "administration administrators receivership receivers | liquidation liquidators | "
    "insolvency insolvent bankruptcy bankrupt | rescued rescue saved bailout",
    # where a craft goes: down onto a world, or round it ("will land on the Moon" -> "orbit")
    "land lands landed landing touchdown | orbit orbits orbited orbiting | flyby",
    # a prize won, or only in the running for it ("won the Booker" -> "was shortlisted for it")
    "won wins win | nominated nomination shortlisted longlisted",
    # who a part is: the hero or the villain
    "villain | hero heroine",
    # how a drawn match was settled ("won on penalties" -> "won in extra time")
    "penalties shootout shoot-out | extratime",
    # how many a player scored ("Marsh double" -> "Marsh hat-trick")
    "double brace | hattrick",
    # which goal: the one that won the game or the one that levelled it
    "winner winning | equaliser equalizer equalising equalizing leveller",
    # a record beaten or only matched
    "broke broken breaks smashed | equalled equaled equals matched",
    # where a rate or a price went, or that it stayed ("held steady at 4.1%" -> "rose to 4.1%")
    "steady unchanged flat flatlined stable frozen freeze stabilise stabilised stabilises "
    "stabilising stabilize stabilized stabilizes stabilizing plateau plateaued plateaus | "
    "rose rise rises risen rising increased climbed | "
    "fell fall falls "
    "fallen falling decreased dropped declined",
    # how far a rule reaches, and what became of a thing
    "ban bans banned banning prohibit prohibits prohibited | restrict restricts restricted "
    "limit limits limited curb curbs curbed",
    # how far an access or a right reaches ("unrestricted access" -> "limited access")
    "full unrestricted unlimited unfettered | limited partial restricted",
    "destroyed destroys collapsed flattened | damaged damages | spared spares unscathed undamaged "
    "intact",
    # what becomes of a building or a bridge
    "build builds built rebuild rebuilds rebuilt construct constructed | demolish demolishes "
    "demolished raze razed | repair repairs repaired restore restores restored renovate "
    "renovated refurbish refurbished",
    # how many of them
    "all every entire everyone everybody | most majority | many numerous | some several | few "
    "handful minority",
    # two of them, one, or neither ("Both men were released" -> "One of the men")
    "both | one | neither",
    # where someone was hurt
    "head | face | neck | chest | back | stomach abdomen | arm arms | hand hands | leg legs | "
    "foot feet | knee knees | ankle ankles | shoulder shoulders | hip hips | wrist wrists | elbow "
    "elbows | hamstring hamstrings | groin | thigh thighs | calf",
    # how someone left a post, or was made to step aside
    "resigned resigns resign quit quits left | fired fires fire sacked sacks sack dismissed "
    "dismisses "
    "ousted ousts | retired retires | suspended suspends | reshuffled demoted | promoted | "
    "pressured pressure | backed backs defended defends | cleared exonerated vindicated",
    # staying in a post or going ("left" is left out: "left weakened", "left homeless"); to
    # leave is to resign as often as not ("will step down" -> "will leave")
    "remain remains remained stay stays stayed | resigned resigns resign quit quits leave "
    "leaves leaving | fired "
    "fires sacked sacks sack ousted ousts | retired retires",
    # how someone died
    "peacefully | suddenly unexpectedly",
    # a person's place on a committee or a board: at its head, or one of its members
    "chair chairs chaired heads headed | memberof",
    # what action a union takes
    "strike strikes walkout | worktorule | overtimeban",
    # what someone said of their own words or deeds
    "apologised apologises apologise apologized apologizes apologize apology | defended "
    "defends defend stoodby | praised praises praise thanked | misquoted misrepresented",
    # what became of a ship or a flight
    "sank sunk sinks sinking capsized capsizes | aground grounded | collided collides",
    "diverted diverts | returned returns | landed lands | crashed crashes crash-landed | delayed",
    # where in a hospital a patient is treated
    "intensivecare icu | ward wards",
    # what happened to a vehicle on the road or the rails
    "derailed derails | collided collides collision | overturned overturns rolled | skidded "
    "skids | caughtfire",
    # how someone came into custody
    "surrendered surrenders handed | arrested arrest arrests detained caught | shot | identified "
    "traced",
    # whether a party stayed away from a vote, a summit or a games, or came
    "boycotted boycotts boycott boycotting skip skips skipped skipping | attended attends attend "
    "participated participates participate joined voted",
    # what thieves or hackers did with data: taken, or only seen
    "stole stolen steal steals | accessed viewed",
    # how money or goods changed hands: taken, borrowed, given or bought
    "stole stolen steal steals embezzled misappropriated looted plundered seized | borrowed borrow "
    "borrows loaned lent lend lends | donated donate donates gifted | bought buy buys purchased",
    # what kind of money was given: a gift or a loan ("£20m in aid" -> "£20m in loans")
    "aid grant grants | loan loans",
    # in work or out of it ("out of work" reads as "unemployed")
    "employed | unemployed jobless",
    # how a member voted: for or against is an opposite; not voting at all is another fact
    "voted vote votes backed | abstained abstain abstains abstention",
    # the time of day ("evening" and "night" are often one time, and share a class)
    "morning mornings dawn daybreak | afternoon afternoons lunchtime | evening evenings night "
    "nights overnight",
    # ... or by daylight or in the dark ("in broad daylight" -> "late at night")
    "daylight daytime | night nights overnight dark darkness nighttime",
    # the sides of a case or a crime
    "victim victims | suspect suspects attacker attackers gunman gunmen assailant killer | police "
    "policeman policemen policewoman officer officers",
    # the sides of a march ("estimated at 10,000 by organisers" -> "by police")
    "organisers organizers protesters demonstrators marchers | police",
    "plaintiff plaintiffs | defendant defendants",
    "prosecution prosecutors prosecutor | defence defense",
    # who a person is
    "man men | woman women",
    # ... in German, French, Spanish, Italian, Portuguese and Dutch ("zwei Männer" -> "Frauen")
    "mann männer | frau frauen",
    "homme hommes | femme femmes",
    "hombre hombres | mujer mujeres",
    "uomo uomini | donna donne",
    "homem homens | mulher mulheres",
    "vrouw vrouwen | mannen",
    "mr | mrs ms miss",
    "boy boys | girl girls",
    "male | female",
    # who a person is to another ("her husband" -> "her son")
    "husband | wife | son sons | daughter daughters | father dad | mother mum mom | brother "
    "brothers | sister sisters | grandson grandsons | granddaughter granddaughters | "
    "grandfather grandad | grandmother grandma | uncle | aunt | nephew | niece | cousin cousins "
    "| boyfriend | girlfriend | fiance fiancé | fiancee fiancée | stepson | stepdaughter",
    "child children kid kids youngster youngsters | baby babies infant infants toddler toddlers "
    "| teenager teenagers teen teens adolescent adolescents | adult adults | pensioner pensioners",
    # who someone is by role: "shot by police" -> "shot by a neighbour", "a pedestrian was hit"
    # -> "a cyclist was hit"
    "police policeman policemen policewoman officer officers constable constables | soldier "
    "soldiers troops army military | neighbour neighbours neighbor neighbors | driver drivers "
    "driving motorist motorists | passenger passengers | pedestrian pedestrians | cyclist "
    "cyclists | student students pupil pupils | teacher teachers | doctor doctors | nurse nurses | "
    "prisoner prisoners inmate inmates | guard guards | tourist tourists visitor visitors | "
    "firefighter firefighters firemen fireman | paramedic paramedics | public civilian civilians "
    "bystander bystanders passer-by passers-by | rebel rebels insurgent insurgents militant "
    "militants guerrilla guerrillas fighter fighters combatant combatants | protester "
    "protesters protestor protestors demonstrator demonstrators | staff employee employees "
    "worker workers | crew",
    # who in a firm or a body ("the chief executive resigned" -> "the chairman resigned")
    "chairman chairwoman chairperson | ceo | cfo | coo | founder co-founder",
    # how badly someone is hurt ("serious but stable" is common: both words are in the text)
    "minor slight superficial stable mild slightly | serious severe critical grave "
    "life-threatening seriously critically gravely severely",
    # how often, or over what period, a figure is counted ("rose 3% annually" -> "monthly")
    "daily | weekly | monthly | quarterly | annual annually yearly",
    "weekday weekdays | weekend weekends",
    # the level of a public warning, and a colour (of a warning, a car, a suspect's coat)
    "warning warnings | watch watches | advisory advisories",
    "red | orange amber | yellow | green | blue | black | white | grey gray | brown | purple | "
    "pink | silver",
    # how a race stands in the polls
    "tossup | clearlead",
    # the medal or the place won, and the record set
    "gold | silver | bronze",
    "worldrecord | olympicrecord | championshiprecord | nationalrecord | europeanrecord | "
    "personalbest | seasonbest | courserecord | clubrecord",
    # the unit a figure counts in
    "seconds | minute minutes | hour hours | day days | week weeks | fortnight "
    "fortnights | month months | year years | decade decades | century centuries",
    "metre metres meter meters | kilometre kilometres kilometer kilometers km kph kmh | mile "
    "miles mph | foot feet | yard yards | inch inches | centimetre centimetres cm",
    "acre acres | hectare hectares | square",
    # a time's zone: "3pm GMT" -> "3pm EST" is another hour
    "gmt utc | bst | cet | cest | eet | eest | est | edt | cst | cdt | mst | mdt | pst | pdt | "
    "aest | aedt | ist | jst",
    "gram grams | kilogram kilograms kilo kilos kg | tonne tonnes ton tons | pound pounds lb "
    "lbs | ounce ounces",
    "dollar dollars | pound pounds sterling | euro euros | yen | yuan | rupee rupees | franc "
    "francs | rouble roubles ruble rubles",
    # which holder of an office: "the previous government" -> "the current government"
    "previous outgoing predecessor | current incumbent | incoming successor",
    # which house a lawmaker sits in, as US news titles them: "Sen. Hale" -> "Rep. Hale"
    "sen senator senators | rep reps representative representatives congressman congresswoman "
    "| gov governor",
    *BEAT_CONTRASTS,
)
