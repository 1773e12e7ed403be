"""Kinds of fact of particular beats, in the format of ``word_classes`` (which adds them to its
``CONTRASTS``): a match, a trial's jury, an election's verdict, a conflict's lines and its
civilians, a firm's moves, a rule's reach and a public warning's level; a party, a ministry, the
weather and the season. A swap between two
classes of one kind changes the fact; words of one class say the same thing.
"""

from newswatch.thing_classes import THING_CONTRASTS

BEAT_CONTRASTS = (
    # a person's family status, and a party's name (lower case: "Democrats" open sentences)
    "married | divorced | separated | engaged | widowed",
    "democrat democrats democratic | republican republicans gop",
    # which ministry, department or minister ("the health ministry" -> "the finance ministry")
    # ("trade" and "labour" are left out: "trade union" and "labor union" are one union)
    "health | finance treasury | defence defense | education | interior home | foreign | justice "
    "| transport | environment | energy | agriculture | culture | housing",
    # what a study was done in: a finding in mice is not yet one in people
    "mice mouse rats rat rodents rodent animals animal monkeys primates | humans human patients "
    "patient participants volunteers people adults | cells",
    # the weather
    "snow snowfall | rain rainfall showers | sleet | hail | fog mist | sunshine sun sunny | "
    "thunderstorms thunderstorm | gales gale wind winds | ice icy | heat | flooding floods",
    # what a state did with another's envoy, or with a migrant
    "expelled expel expels | recalled recall recalls | summoned summon summons",
    "deported deport deports deportation | asylum",
    # the time of year
    "spring | summer | autumn fall | winter",
    # a match's result, and a player's punishment
    "win won wins victory victories | draw drew drawn tie tied | loss lost lose defeat "
    "defeats beaten",
    "sentoff | booked cautioned | substituted | scored",
    # how a player joined: for now, or for good ("on loan" -> "on a permanent deal")
    "loan loaned | permanent permanently acquired",
    # how a payment reaches people: by itself, or only to those who ask ("automatic refunds"
    # -> "will have to apply for refunds")
    "automatic automatically | apply applying application",
    # what a bid is paid in ("an offer in cash" -> "in shares")
    "cash | shares stock",
    # a vote or a contest still to come, or its outcome ("faces a confidence vote" -> "loses")
    "faces face facing | survives survived survive | loses lose",
    # which way a race is going ("is tightening" -> "is pulling away")
    "tightening tightened tighten narrowing narrowed | widening widened pullingaway",
    # how far a side went in a cup ("won the cup" -> "reached the cup final")
    "won wins win lifted | reached reaches finalists runnersup",
    # when in a match it happened ("in stoppage time" -> "in the first half")
    "stoppagetime | firsthalf | secondhalf",
    # a goal ruled out or given ("disallowed for offside" -> "given after a video review")
    "disallowed | given awarded stood",
    # a jury sworn in, or sent home
    "sworn | discharged",
    "relegated relegation | promoted promotion | avoided survived escaped",
    # where a thing stays or goes ("keep its headquarters in the city" -> "move its
    # headquarters to the capital")
    "keep keeps kept retain retains retained stay stays stayed | move moves moved relocate "
    "relocates relocated left leave leaves",
    # a level of risk, threat or alert ("remains low" -> "is now moderate")
    "low | moderate | high | severe critical | substantial",
    # what observers made of a vote ("free and fair" -> "marred by irregularities")
    "fair credible transparent | flawed marred rigged fraudulent unfair irregularities",
    # civilians who got away, or could not ("fled towards the border" -> "were trapped")
    "fled flee flees fleeing escaped | trapped stranded",
    # what a rule lets people do, or makes them do ("allowed to wear" -> "required to wear")
    "allowed allow allows permitted permit permits able | required require requires obliged "
    "compelled mandatory compulsory must",
    # how a decision was received ("the change was popular" -> "was controversial")
    "popular welcomed | controversial divisive contentious",
    # where a ceasefire line runs ("along the current front line" -> "along the pre-war border")
    "frontline frontlines | border borders boundary boundaries",
    # troops made ready, or sent ("on standby" -> "sent in")
    "standby | deployed mobilised mobilized",
    # a craft or a device that works, or is lost ("is working normally" -> "has been lost")
    "working functioning operational | lost malfunctioning failing",
    # why a launch or a service was held up ("by bad weather" -> "by technical problems")
    "weather | technicalfault | strike strikes walkout",
    # who pays a charge ("exempt from the charge" -> "have to pay a reduced charge")
    "exempt exempted exemption | pay pays",
    # what a rule does to a post, an advert or a product ("will be banned" -> "will be labelled")
    "banned prohibited outlawed forbidden | labelled labeled flagged | restricted limited censored",
    # how results compared with what was hoped ("disappointing" -> "in line with expectations")
    "disappointing disappointed missedexpectations | asexpected | encouraging promising "
    "beatexpectations",
    # a player picked for a squad or left out ("has been left out" -> "named in the squad")
    "omitted dropped | selected picked recalled",
    # what a civil court gave or took ("awarded damages" -> "ordered to pay costs"), and whether
    # its ruling stands ("can be appealed" -> "is final")
    "awarded | liable",
    "appealable | final",
    # which court heard a case
    "highcourt | countycourt | crowncourt | magistratescourt | supremecourt | appealcourt",
    # how someone was travelling ("was walking home" -> "was cycling home")
    "walking walked | cycling cycled | driving drove | jogging jogged running",
    # how a goal was scored, and what a goalkeeper did with a shot
    "penalty | header | volley",
    "saved saves save | conceded concedes concede",
    # how a crowd behaved ("celebrated in the streets" -> "clashed with police")
    "celebrated celebrating celebrate celebrations | clashed clashes clash clashing rioted "
    "rioting riots fought",
    # who used force on whom: one side attacked, or both fought ("were beaten by police" ->
    # "clashed with police", "settlers attacked the village" -> "residents clashed")
    "attacked assaulted beaten | clashed clashes clash clashing scuffled",
    # whether there is enough of a thing ("supplies are sufficient" -> "are limited")
    "sufficient plentiful ample adequate | limited scarce insufficient inadequate",
    # what other scientists made of a finding ("convincing" -> "premature")
    "convincing compelling persuasive | premature unconvincing questionable",
    # how a deal is carried out ("all prisoners at once" -> "in stages"), and how far a grant
    # reaches ("wide autonomy" -> "limited autonomy")
    "gradually phased staggered | immediately simultaneously",
    "wide broad extensive sweeping far-reaching | limited partial modest",
    # which side of a parliament ("the ruling party will remain the largest" -> "the opposition")
    "ruling governing incumbent | opposition",
    # a test or a check and how it went ("had a medical" -> "failed a medical")
    "passed underwent had | failed",
    # what a train, a lorry or a ship was carrying ("carrying gravel" -> "carrying fuel")
    "fuel petrol diesel | gravel sand stone aggregates | chemicals | grain wheat | timber wood "
    "logs | fertiliser fertilizer | coal",
    # a figure against its forecast ("lower than forecast" -> "in line with forecasts")
    "belowforecast | asexpected | aboveforecast",
    # a member who voted with the party, or against it ("broke with her party")
    "sidedwith loyal | rebelled rebellion defied",
    # how a club, a player or a driver was punished ("fined" -> "docked points")
    "fined fine fines | dockedpoints | banned suspended | reprimanded censured warning warnings "
    "| investigated | prosecuted",
    # a union that asks its members, or calls a strike ("balloted members" -> "called")
    "balloted balloting ballot | called",
    # a plan's stage: put out for views, or brought in ("will consult on" -> "will introduce")
    "consult consulting consultation consulted | introduce introduced introduces implement "
    "implemented enact enacted",
    # a thing agreed to, or only asked for ("has agreed to fund" -> "has been asked to fund")
    "agreed agrees agree | asked asks ask urged urges requested requests",
    # whether defences or a line held ("flood defences held" -> "failed")
    "held holding | failed breached overtopped",
    # what forces did in a fight, and with a town ("captured" -> "surrounded")
    "repelled repulsed | withdrawn withdrew retreated",
    "captured capture captures | surrounded encircled besieged",
    # a member gone from a band or a team, or only taking time off ("has left the group")
    "left quit quits | onbreak",
    # what a payment or a service costs ("tax-free" -> "taxable", "free" -> "paid for")
    "free | taxable | paid chargeable fee fees",
    # a level against its legal limit ("within legal limits" -> "exceeded legal limits")
    "within | exceeded exceeds exceeding breached",
    # how a study was run, a species' state, a thing's truth, a fire's or a death's cause
    "randomised randomized | observational",
    "public | licensed | proprietary",
    "endangered threatened vulnerable | extinct",
    "genuine authentic | fake forged forgery counterfeit",
    "accidental accidentally | deliberate deliberately intentional intentionally arson",
    "natural | unexplained suspicious",
    # how a side is rated before a contest ("among the favourites" -> "outsiders")
    "favourites favourite favorites favorite | outsiders outsider underdogs underdog",
    # a player fit to play, or not ("expected to be fit" -> "expected to miss")
    "fit | miss misses sidelined doubtful",
    # what a firm does with its shares ("buy back £500m of shares" -> "issue new shares")
    "buyback buybacks | issue issues issued",
    # what became of an animal caught ("released into the wild" -> "put down")
    "released freed | euthanised euthanized culled",
    # a deal or a drug cleared by a regulator, or still being looked at
    "approved approves approve | examined examining investigated investigating scrutinised "
    "scrutinized probed probing | recommended recommends",
    # how far a plan has gone: floated, told, or begun ("announced" -> "proposed")
    # ("proposed" and "announced" are one step in ``word_classes``' kind of a deal's stages)
    "proposed proposes announced announces unveiled unveils | launched launches",
    # what was done with a ship or a vehicle stopped ("seized" -> "searched")
    "seized impounded confiscated | searched inspected boarded",
    # how a candidate left a race, and how someone got a post
    "withdrew withdrawn withdraws | disqualified | eliminated",
    "elected reelected re-elected | appointed | nominated",
    # what became of a deal or a licence at its end ("expired" -> "was renewed")
    "expired lapsed | renewed",
    *THING_CONTRASTS,
)
