"""The word lists of kinds whose swap shades a fact rather than replacing it (medium): what a
vaccine protects against, how close a figure is to the truth, which part of a month, what the
article calls people, how far a figure moved. ``contrasts`` reads them after the kinds of
``word_classes``; the same format: a class (between "|") holds words that say the same thing.
"""

LOOSE_CONTRASTS = (
    # what voters or a survey put first ("the economy was their top concern" -> "immigration")
    "economy | immigration migration | healthcare | housing | crime | education | climate "
    "environment | defence defense",
    # whose spending or demand drove a figure ("driven by consumer spending" -> "by government
    # spending")
    "consumer consumers household households | government state | business businesses corporate",
    # what a vaccine or a drug protects against: "95% effective against severe illness" ->
    # "... against infection" ("disease" is left out: news writes it for an infection too)
    "infection infections transmission | illness illnesses symptoms | hospitalisation "
    "hospitalization | death deaths",
    # a title before a name corrected: "Dr Ann Lee" -> "Prof Ann Lee"
    "dr | prof professor",
    # how close a figure is to the truth ("about 40" -> "more than 40")
    "about around roughly approximately | nearly almost | more | fewer less | least | up",
    # which part of a month or a season ("in mid-June" -> "in late June")
    "early | mid middle | late",
    # who people on the move are: a standards desk's labelling decision ("migrants" ->
    # "refugees"), or other people altogether ("migrants" -> "tourists")
    "migrant migrants | refugee refugees asylum-seeker asylum-seekers | tourist tourists "
    "holidaymakers",
    # what the article calls the people or the event: a standards desk's labelling decision
    "terrorist terrorists | militant militants insurgent insurgents rebel rebels fighter "
    "fighters gunman gunmen",
    "riot riots rioting | protest protests demonstration demonstrations",
    "rioters | protesters protestors demonstrators",
    "regime | government administration",
    "massacre | killing killings",
    # how far a figure moved: "rose slightly" -> "rose sharply"
    "slight slightly marginal marginally modest modestly | sharp sharply steep steeply "
    "dramatic dramatically",
    # how badly a thing was hit: "badly damaged" -> "slightly damaged"
    "slightly lightly superficially | badly severely seriously heavily extensively",
    # how binding a rule is, and how often a thing happens
    "must | should",
    # a fault owned, or put on someone else ("acknowledged the error" -> "blamed it on a supplier")
    "acknowledged acknowledges admitted admits accepted accepts | blamed blames",
    # how a vote split ("passed with bipartisan support" -> "passed along party lines")
    "bipartisan cross-party | partisan",
    # an inspector's grade of a school, a hospital or a care home
    "outstanding excellent | good | inadequate poor failing | satisfactory adequate "
    "requiresimprovement",
    # how talks went, in the words of those who held them
    "constructive productive fruitful cordial | difficult tense fraught unproductive",
    # a lie said to be one, or only a thing that misled ("lied to parliament" -> "misled it")
    "lied lie lies lying liar | misled mislead misleads misleading inaccurate",
    "require requires required must order orders ordered oblige obliges obliged compel compels "
    "compelled guarantee guarantees guaranteed commits binds | recommend recommends recommended "
    "advise "
    "advises advised urge urges urged encourage encourages encouraged envisage envisages "
    "envisaged",
    "always | usually often mostly | sometimes occasionally | rarely seldom hardly",
    "never | not",  # "would never be ceded" -> "would not be ceded": for ever made for now
    # how a party answered an accusation: denied it, or only answered it
    "denied denies deny | commented comment comments responded respond responds | nocomment",
    # a cause established, or only a link ("caused by" -> "linked to")
    "caused causes causing cause | linked tied associated connected coincided coincides "
    "correlated link links association correlation",
    # how a vote went: all for it, by far, or by little
    "unanimous unanimously | overwhelming overwhelmingly landslide comfortable comfortably wide | "
    "narrow narrowly slim",
    # a weapon named, where it was only a weapon ("a weapon" -> "a gun"): the fact made precise
    "weapon weapons | gun guns rifle rifles pistol pistols handgun handguns firearm firearms "
    "shotgun | knife knives blade blades machete | bomb bombs explosive explosives",
    # when, or from or until when: "in 2005" -> "since 2005"
    "in | since | until till",
    # where someone or something was found or went missing ("in the river" -> "in the woods")
    "river rivers | canal canals | lake lakes | sea ocean | beach shore | woods woodland forest "
    "| field fields farmland | reservoir | quarry",
    # where it happened: in a place, or near it
    "in inside within | near nearby outside",
    # how big a place is: a town called a city is a fact put right
    "village villages | town towns | city cities",
    # an inquiry or a ruling still awaited, or done ("suspended pending an investigation" ->
    # "dismissed after an investigation")
    "pending awaiting | after following",
    # a finding or a count still open, or settled ("preliminary results" -> "final results")
    "preliminary provisional initial early | final conclusive definitive official advanced",
    # a result against what was expected ("in line with forecasts" -> "below forecasts")
    "matching matched | beating beat beats exceeding exceeded topped above | missing below",
    # a result projected, or declared
    "projected forecast predicted estimated | declared certified confirmed",
    # a case or a cause suspected, or established
    "possible potential probable | confirmed proven",
    # a plain "said" made a word that doubts it or calls it an admission ("said" -> "claimed",
    # "said" -> "admitted"): the article now judges the source's words
    "said says told stated | claimed claims alleged alleges asserted asserts purported purports",
    "said says told stated | admitted admits conceded concedes confessed confesses",
    # a fact established, or only suspected ("Officials confirmed an outbreak" -> "suspect")
    "confirmed confirms confirm | suspect suspects suspected suggest suggests suggested",
    # a finding shown, or only hinted at ("The study proves" -> "The study suggests")
    # ("shows" -> "indicates" is a synonym a copy editor uses)
    "found finds proved proves proven concluded concludes established showed shows shown "
    "demonstrated demonstrates | suggested suggests hinted hints",
    # what a treatment or a measure does: cure, prevent, or only lessen
    "cure cures cured | prevent prevents prevented | halt halts halted | slow slows slowed "
    "| reduce reduces reduced "
    "lower lowers lowered cut cuts | relieve relieves relieved ease eases eased",
    # a source's words taken as fact or held at a distance ("confirmed" -> "claimed")
    "confirmed confirms revealed reveals acknowledged acknowledges admitted admits | claimed "
    "claims alleged alleges asserted asserts purported purports",
    # who pays, acts or is to blame, among the parties a local story names ("The developer will
    # pay for a new school" -> "The council will pay"): medium, as one party is often said
    # for another
    "council councils councillors | developer developers builder builders | government "
    "ministers | landlord landlords | tenants | insurer insurers | charity charities | employer "
    "employers | employee employees worker workers | taxpayer taxpayers | customer customers "
    "consumers bill-payers",
    # the period a figure covers ("sales rose 4% in the quarter" -> "in the year")
    "quarter quarterly | year yearly annual annually | month monthly | week weekly",
)
