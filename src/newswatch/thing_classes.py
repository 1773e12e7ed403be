"""Kinds of thing a story names, in the format of ``word_classes`` (whose ``CONTRASTS`` read them
through ``beat_classes``): where it happened, what was hurt or eaten, which sport, which animal,
which illness, what colour. A copy edit seldom swaps one of these for another of its kind
("an outbreak linked to a restaurant" -> "to a school"). Words of one class say the same thing
("shop", "store"), and so do a kind and the thing it is a kind of ("supermarket" is a "shop",
"cathedral" a "church"): a copy edit makes either the other. Words with a common second sense
are left out ("office", "bank", "park", "club", "seal", "aids").
"""

THING_CONTRASTS = (
    # where it happened: a building or a venue
    "restaurant restaurants eatery cafe cafes café | pub pubs bar bars | nightclub nightclubs "
    "| hotel hotels | hostel hostels | shop shops store stores supermarket supermarkets "
    "| warehouse warehouses | factory factories | church churches cathedral | mosque mosques "
    "| synagogue synagogues | temple temples | school schools | university universities "
    "college colleges | library libraries | museum museums | theatre theatres theater "
    "| cinema cinemas | stadium stadiums | gym gyms | farm farms | garage garages "
    "| nursery nurseries",
    # what a road, a line or a path is
    "bridge bridges | tunnel tunnels | railway railways | motorway motorways | footpath "
    "footpaths pavement pavements",
    # what kind of home
    "flat flats apartment apartments | house houses bungalow bungalows | caravan caravans "
    "| tent tents",
    # which sport
    "football soccer | rugby | cricket | tennis | golf | hockey | basketball | baseball "
    "| boxing | snooker | darts",
    # which animal
    "dog dogs puppy puppies | cat cats kitten kittens | horse horses pony ponies | cow cows "
    "cattle | sheep | pig pigs | fox foxes | deer | badger badgers | chicken "
    "chickens hen hens | bear bears | wolf wolves | shark sharks | whale whales | dolphin "
    "dolphins | snake snakes",
    # which illness
    "cancer cancers tumour tumours tumor tumors | dementia alzheimer's alzheimers | diabetes "
    "| stroke strokes | asthma | flu influenza | measles | covid covid-19 coronavirus "
    "| malaria | tuberculosis tb | cholera | pneumonia | sepsis | meningitis | norovirus "
    "| salmonella | listeria",
    # which part of the body
    "heart | lung lungs | liver | kidney kidneys | brain | neck | chest | leg legs | hand hands "
    "| foot feet | knee knees | hip hips | shoulder shoulders | eye eyes | stomach | spine "
    "| ankle ankles | wrist wrists",
    # what was eaten or recalled
    "beef | chicken poultry | pork bacon ham | lamb mutton | fish | egg eggs | milk dairy "
    "| cheese | bread | rice | sugar | salt",
    # what a thing is made of
    "timber wood | steel | plastic plastics | glass | concrete | paper cardboard | chemicals "
    "| paint",
    # what colour (a car, a coat, a flag)
    "red | blue | green | white | black | yellow | silver | grey gray | brown | orange "
    "| purple | pink",
)
