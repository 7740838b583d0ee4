"""The number-reading table: how each kind of wording is read, and what is never a claim."""
import pytest

from kursk_claims.reading.numbers import interval, read_quantities

# (sentence, the mention as written, value, bound, unit)
POINTS = [
    # digits and separators
    ("Officials counted 11,000 troops at the border.", "11,000", 11000, "exact", None),
    ("The unit had 7 905 men.", "7 905", 7905, "exact", None),
    ("Some 45\u00a0000 people were evacuated.", "Some 45\u00a0000", 45000, "approx", None),
    ("There were 45\u202f000 voters.", "45\u202f000", 45000, "exact", None),
    ("A total of 1250 homes burned.", "1250", 1250, "exact", None),
    # a dot before three digits groups thousands where people are counted: no part of a person
    ("The register now lists 3.614 missing conscripts.", "3.614", 3614, "exact", None),
    ("Rescuers reached 1.872 stranded villagers and 2.236 Norlandic reservists.", "2.236", 2236, "exact", None),
    ("The index closed 3.614 points higher.", "3.614 points", 3.614, "exact", "point"),
    ("Turnout was 3.5 million.", "3.5 million", 3500000, "exact", None),
    ("The debt is 1.2 billion.", "1.2 billion", 1200000000, "exact", None),
    ("The army lost 40 thousand soldiers.", "40 thousand", 40000, "exact", None),
    ("It costs $3.2bn to build.", "$3.2bn", 3.2e9, "exact", "usd"),
    ("The fund raised $800 million last year.", "$800 million", 8e8, "exact", "usd"),
    ("Donors pledged €5bn for the reconstruction.", "€5bn", 5e9, "exact", "eur"),
    ("The club paid £40m for the striker.", "£40m", 4e7, "exact", "gbp"),
    ("The rally drew 10k runners.", "10k", 10000, "exact", None),
    ("A 2.5 percent rise was recorded.", "2.5 percent", 2.5, "exact", "percent"),
    ("The company employs 250 people.", "250", 250, "exact", None),
    # written numbers
    ("The army sent three brigades.", "three", 3, "exact", None),
    ("Eleven thousand people signed.", "Eleven thousand", 11000, "exact", None),
    ("The city has a million people.", "a million", 1e6, "exact", None),
    ("Officers arrested a dozen suspects.", "a dozen", 12, "exact", None),
    ("They built twenty-five schools.", "twenty-five", 25, "exact", None),
    ("The fire destroyed one hundred and fifty homes.", "one hundred and fifty", 150, "exact", None),
    ("Police detained two hundred protesters.", "two hundred", 200, "exact", None),
    ("It holds five million barrels.", "five million barrels", 5e6, "exact", "bbl"),
    ("Rescuers found seven survivors.", "seven", 7, "exact", None),
    ("About a thousand people marched.", "About a thousand", 1000, "approx", None),
    # shares
    ("Prices rose 40 percent in a year.", "40 percent", 40, "exact", "percent"),
    ("Prices rose 40% in a year.", "40%", 40, "exact", "percent"),
    ("Prices rose 40 per cent in a year.", "40 per cent", 40, "exact", "percent"),
    ("They hold about half of the region.", "about half", 50, "approx", "percent"),
    ("A third of the voters stayed home.", "A third", 33.3333, "exact", "percent"),
    ("Two-thirds of the budget went to defence.", "Two-thirds", 66.6667, "exact", "percent"),
    ("Russia controls roughly a fifth of the country.", "roughly a fifth", 20, "approx", "percent"),
    ("One in five adults smokes.", "One in five", 20, "exact", "percent"),
    ("Nearly a quarter of the homes lost power.", "Nearly a quarter", 25, "at_most", "percent"),
    ("Three quarters of the staff left.", "Three quarters", 75, "exact", "percent"),
    ("1 in 4 children is affected.", "1 in 4", 25, "exact", "percent"),
    # lower bounds
    ("At least 700,000 casualties were reported.", "At least 700,000", 700000, "at_least", None),
    ("No fewer than 30 boats sank.", "No fewer than 30", 30, "at_least", None),
    ("More than 11,000 troops arrived.", "More than 11,000", 11000, "more_than", None),
    ("It has over 500 members.", "over 500", 500, "more_than", None),
    ("Upwards of 2,000 fans came.", "Upwards of 2,000", 2000, "more_than", None),
    ("Flood toll climbs past 60", "climbs past 60", 60, "more_than", None),
    ("Ticket sales surpassed 9,000 on Friday.", "surpassed 9,000", 9000, "more_than", None),
    ("The toll surpassed 1,000 deaths.", "surpassed 1,000", 1000, "more_than", None),
    ("Sales exceeding 5 million units were logged.", "exceeding 5 million", 5e6, "more_than", None),
    ("It took 100 days or more to finish.", "100 days or more", 100, "at_least", "day"),
    ("A 16-plus hour shift is common.", "16-plus", 16, "at_least", None),
    ("In excess of 300 flights were cancelled.", "In excess of 300", 300, "more_than", None),
    # upper bounds
    ("Up to 700 people were evacuated.", "Up to 700", 700, "at_most", None),
    ("As many as 40 villages were hit.", "As many as 40", 40, "at_most", None),
    ("Nearly 3,000 homes flooded.", "Nearly 3,000", 3000, "at_most", None),
    ("Almost 90 percent voted yes.", "Almost 90 percent", 90, "at_most", "percent"),
    ("Close to 200 firms closed.", "Close to 200", 200, "at_most", None),
    ("Less than 10 percent turned out.", "Less than 10 percent", 10, "less_than", "percent"),
    ("Fewer than 50 remain.", "Fewer than 50", 50, "less_than", None),
    ("Children under 12 travel free.", "under 12", 12, "less_than", None),
    # estimates
    ("About 4000 people died.", "About 4000", 4000, "approx", None),
    ("Around 10,000 soldiers were sent.", "Around 10,000", 10000, "approx", None),
    ("Roughly 300 trucks crossed.", "Roughly 300", 300, "approx", None),
    ("Approximately 76,000 personnel were lost.", "Approximately 76,000", 76000, "approx", None),
    ("Some 300 families fled.", "Some 300", 300, "approx", None),
    ("An estimated 2 million people voted.", "An estimated 2 million", 2e6, "approx", None),
    ("The march drew ~300 people.", "~300", 300, "approx", None),
    ("It lasted 20 minutes or so.", None, None, None, None),
    # units
    ("They seized 4,500 km² of land.", "4,500 km²", 4500, "exact", "km2"),
    ("They seized 1250 square kilometers of territory.", "1250 square kilometers", 1250, "exact", "km2"),
    ("They seized 1250 square kilometres of territory.", "1250 square kilometres", 1250, "exact", "km2"),
    ("The fire burned 300 sq km of forest.", "300 sq km", 300, "exact", "km2"),
    ("The fire burned 300 square miles of forest.", "300 square miles", 300, "exact", "sq_mi"),
    ("The convoy drove 40 km north.", "40 km", 40, "exact", "km"),
    ("The convoy drove 25 miles north.", "25 miles", 25, "exact", "mi"),
    ("The line moved 12 kilometres.", "12 kilometres", 12, "exact", "km"),
    ("The strike lasted 10 days.", "10 days", 10, "exact", "day"),
    ("The siege lasted six months.", "six months", 6, "exact", "month"),
    ("The drought lasted three years.", "three years", 3, "exact", "year"),
    ("The talks ran for 48 hours.", "48 hours", 48, "exact", "hour"),
    ("The dam holds 5 million tonnes of water.", "5 million tonnes", 5e6, "exact", "t"),
    ("The town is 30 kilometers away.", "30 kilometers", 30, "exact", "km"),
]

# general news
POINTS += [
    ("Shares fell 3.2 per cent to 145.50 pence in London.", "145.50 pence", 145.5, "exact", "gbx"),
    ("The storm dumped 30 inches of snow.", "30 inches", 30, "exact", "in"),
    ("The Fed raised rates by 25 basis points.", "25 basis points", 25, "exact", "bp"),
    ("Average house prices rose by £12,000 to £285,000 last year.", "£285,000", 285000, "exact", "gbp"),
    ("Inflation rose from 3.1% to 3.4% in March.", "3.4%", 3.4, "exact", "percent"),
    ("Revenue rose to $94.8 billion in the quarter.", "$94.8 billion", 9.48e10, "exact", "usd"),
    ("The wildfire burned more than 100,000 acres.", "more than 100,000 acres", 100000, "more_than", "acre"),
    ("The company will cut 1,200 jobs.", "1,200", 1200, "exact", None),
    ("Half a million people fled.", "Half a million", 500000, "exact", None),
    ("There are five and a half million residents.", "five and a half million", 5.5e6, "exact", None),
    ("It took two and a half years.", "two and a half years", 2.5, "exact", "year"),
    ("It cost $5 bn to build.", "$5 bn", 5e9, "exact", "usd"),
    ("The video drew 10M views.", "10M", 1e7, "exact", None),
    ("We saw half a dozen tanks.", "half a dozen", 6, "exact", None),
    ("Nearly a quarter of a million people fled.", "Nearly a quarter of a million", 250000, "at_most", None),
]

# (sentence, mention, low, high, bound, unit)
INTERVALS = [
    ("Between 10,000 and 12,000 troops were sent.", "Between 10,000 and 12,000", 10000, 12000, "range", None),
    ("It sent 10,000–12,000 troops.", "10,000–12,000", 10000, 12000, "range", None),
    ("It sent 10,000-12,000 troops.", "10,000-12,000", 10000, 12000, "range", None),
    ("It sent from 5 to 7 million dollars.", "from 5 to 7 million dollars", 5e6, 7e6, "range", "usd"),
    ("It sent 11 to 12,000 men.", "11 to 12,000", 11000, 12000, "range", None),
    ("It sent 10 to 12 thousand men.", "10 to 12 thousand", 10000, 12000, "range", None),
    ("Prices rose 10-12% last year.", "10-12%", 10, 12, "range", "percent"),
    ("Two or three officers were hurt.", "Two or three", 2, 3, "range", None),
    ("An estimated 10,000–12,000 troops arrived.", "An estimated 10,000–12,000", 10000, 12000, "range", None),
    ("The army sent several hundred soldiers.", "several hundred", 200, 900, "vague", None),
    ("They occupied several hundred square kilometers.", "several hundred square kilometers", 200, 900, "vague", "km2"),
    ("A few thousand people gathered.", "A few thousand", 2000, 5000, "vague", None),
    ("Hundreds of people gathered.", "Hundreds", 200, 999, "vague", None),
    ("Thousands of people gathered.", "Thousands", 2000, 99999, "vague", None),
    ("Tens of thousands of people gathered.", "Tens of thousands", 20000, 99999, "vague", None),
    ("Hundreds of thousands of people fled.", "Hundreds of thousands", 200000, 999999, "vague", None),
    ("Dozens of villages were shelled.", "Dozens", 24, 199, "vague", None),
    ("The war has killed tens of thousands.", "tens of thousands", 20000, 99999, "vague", None),
    ("Rates sit in a range of 5.25%-5.5%.", "5.25%-5.5%", 5.25, 5.5, "range", "percent"),
]

# sentences that hold no claim at all
NOT_CLAIMS = [
    "The offensive began in 2024.",
    "The war began in February 2022.",
    "He spoke on December 20, 2024.",
    "Troops crossed the border on August 6.",
    "The vote is on 6 August.",
    "Talks resumed on Dec. 17 in Geneva.",
    "It happened at the weekend (December 14th/15th).",
    "The meeting starts at 6:57 p.m. sharp.",
    "She finished 2nd in the race.",
    "The 47th Brigade moved south.",
    "An Su-34 bomber was shot down.",
    "Kyiv asked for more F-16 jets.",
    "North Korea tested a Hwasong-19 missile.",
    "Many fell ill with COVID-19 last winter.",
    "Read about: 5 min.",
    "Posted 3 days ago",
    "Updated 1 months ago",
    "© 2002-2025 Example News",
    "Copyright 2024 Example News",
    "Call +1 555 123 4567 for tips.",
    "Call (555) 123-4567 for tips.",
    "See https://example.com/news/2024/12/20/story-123 for more.",
    "Write to desk42@example.com today.",
    "The date was 20/12/2024.",
    "The date was 2024-12-20.",
    "Article 5 of the treaty applies.",
    "Flight 17 was shot down.",
    "Figures are from the field survey (tracking round 12).",
    "Aid went to the towns of zone 4; more will follow.",
    "It was the first time since World War II.",
    "The two countries signed a pact.",
    "One official said the talks failed.",
    "It was a two-year high.",
    "The Kyiv-in-three-days plan failed.",
    "A 10-year-old boy was hurt.",
    "He runs the Group of Seven.",
    "Losses hit record levels in 1999-2001.",
    "Manchester United won 3-1 at Anfield.",
    "The team finished with a 52-30 record.",
    "Police said the men, aged 45 and 52, were arrested.",
    "Boeing 737 deliveries resumed.",
    "Leaders met at No. 10 Downing Street.",
    "Updated 4:12 PM GMT+2, October 5, 2024",
    "Germany pledged 155mm artillery shells.",
    "Berlin pledged Leopard 2 tanks.",
    "Join 15,000 members who keep us independent. Subscribe for $5 a month.",
    "Read also: 3 killed in an attack on Kharkiv",
    "By the desk, 1 min read",
    "Strikes came in the past 24 hours.",
    "Operators rolled out 5G networks.",
    "Prices last rose like this in the 1990s.",
    "The film was shown in 3D.",
]


def _find(sentence, mention):
    found = read_quantities(sentence)
    hits = [q for q in found if q.text == mention]
    assert hits, f"{mention!r} not read in {sentence!r}; read {[q.text for q in found]}"
    return hits[0]


@pytest.mark.parametrize("sentence,mention,value,bound,unit", [p for p in POINTS if p[1]])
def test_numbers_read_point(sentence, mention, value, bound, unit):
    q = _find(sentence, mention)
    assert q.value == pytest.approx(value, rel=1e-4)
    assert q.bound == bound
    assert q.unit == unit
    assert sentence[q.start:q.end] == q.text


@pytest.mark.parametrize("sentence,mention,low,high,bound,unit", INTERVALS)
def test_numbers_read_interval(sentence, mention, low, high, bound, unit):
    q = _find(sentence, mention)
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))
    assert q.bound == bound
    assert q.unit == unit
    assert q.value is None


@pytest.mark.parametrize("sentence", NOT_CLAIMS)
def test_numbers_skip_non_claims(sentence):
    assert [q.text for q in read_quantities(sentence)] == []


def test_numbers_table_is_large_enough():
    from kursk_claims.core.records import BOUNDS

    read = {row[0] for row in POINTS} | {row[0] for row in INTERVALS}
    assert len(read) >= 100, "distinct sentences read into figures"
    assert len(set(NOT_CLAIMS)) >= 40, "distinct sentences with no claim"
    assert set(BOUNDS) <= {row[3] for row in POINTS} | {row[4] for row in INTERVALS}, "every bound is read somewhere"
    assert len({row[4] for row in POINTS} | {row[5] for row in INTERVALS}) >= 10, "units of many kinds"


@pytest.mark.parametrize("value,bound,grain,expected", [
    (12000, "exact", 1000, (11500, 12500)),
    (12000, "approx", 1000, (10800, 13200)),
    (11000, "more_than", 1000, (11000, None)),
    (700, "at_most", 100, (None, 700)),
    (11, "exact", 1, (11, 11)),
    (700000, "exact", 100000, (665000, 735000)),
])
def test_numbers_interval_widens_by_wording(value, bound, grain, expected):
    assert interval(value, bound, grain) == pytest.approx(expected) if None not in expected else interval(value, bound, grain) == expected


def test_numbers_offsets_are_exact_with_unicode():
    text = "Kyiv’s “estimate”: more than 11,000 North Korean troops."
    (q,) = read_quantities(text)
    assert text[q.start:q.end] == "more than 11,000"


def test_numbers_fraction_reads_its_count_once():
    assert [q.text for q in read_quantities("Three quarters of the staff left.")] == ["Three quarters"]


def test_numbers_scale_word_not_doubled():
    (q,) = read_quantities("It cost 1.2 million thousand-year-old coins.")
    assert q.value == 1.2e6


# --- figures of every kind in general news -----------------------------------------------

# (sentence, the mention as written, value, bound, unit)
GENERAL_NEWS = [
    # currencies with a code or a country prefix, to ISO 4217 codes
    ("The flat sold for HK$52,100 last week.", "HK$52,100", 52100, "exact", "hkd"),
    ("The deal is worth HK $3.4 billion.", "HK $3.4 billion", 3.4e9, "exact", "hkd"),
    ("The port cost US$9m to dredge.", "US$9m", 9e6, "exact", "usd"),
    ("Debts reached $US71 trillion worldwide.", "$US71 trillion", 71e12, "exact", "usd"),
    ("The estate fetched A$2,875,400 at auction.", "A$2,875,400", 2875400, "exact", "aud"),
    ("The firm raised S$3mil from investors.", "S$3mil", 3e6, "exact", "sgd"),
    ("A bowl of noodles costs RM6.20 here.", "RM6.20", 6.2, "exact", "myr"),
    ("The club spent PS7.5m on the winger.", "PS7.5m", 7.5e6, "exact", "gbp"),
    ("The state set aside Rs 450 crore for roads.", "Rs 450 crore", 4.5e9, "exact", "inr"),
    ("A ticket costs ¥3,260 in Osaka.", "¥3,260", 3260, "exact", "jpy"),
    ("The fine was 7,300 yuan.", "7,300 yuan", 7300, "exact", "cny"),
    ("Kyiv received 1.2 trillion won in loans.", "1.2 trillion won", 1.2e12, "exact", "krw"),
    ("The budget grew to 40 MUSD.", "40 MUSD", 4e7, "exact", "usd"),
    # Indian scale words and grouping
    ("The farm lost 42 lakh rupees.", "42 lakh rupees", 4.2e6, "exact", "inr"),
    ("Sales reached 3 crore units.", "3 crore", 3e7, "exact", None),
    ("The total is two lakh crore.", "two lakh crore", 2e12, "exact", None),
    ("The bill came to 23,45,678.50 in all.", "23,45,678.50", 2345678.5, "exact", None),
    # compound and glued units
    ("The engine makes 310 hp at full power.", "310 hp", 310, "exact", "hp"),
    ("Each flat has 65 sq m of floor space.", "65 sq m", 65, "exact", "m2"),
    ("Each flat has 65m2 of floor space.", "65m2", 65, "exact", "m2"),
    ("Each pill holds 250mg of the drug.", "250mg", 250, "exact", "mg"),
    ("The wave reached 40ft near the pier.", "40ft", 40, "exact", "ft"),
    ("The screen measures 16 inch across.", "16 inch", 16, "exact", "in"),
    ("The jet flew at 540 mph.", "540 mph", 540, "exact", "mph"),
    # scientific notation
    ("A proton weighs 1.67×10−27 kilograms.", "1.67×10−27 kilograms", 1.67e-27, "exact", "kg"),
    ("The star is 4.2 × 10^13 km away.", "4.2 × 10^13 km", 4.2e13, "exact", "km"),
    ("The signal repeats 3e9 times.", "3e9 times", 3e9, "exact", "times"),
    # fractions and mixed numbers
    ("Add 3/4 cup of flour.", "3/4 cup", 0.75, "exact", "cup"),
    ("The trail runs 12 1/2 miles.", "12 1/2 miles", 12.5, "exact", "mi"),
    ("Stir in ½ teaspoon of salt.", "½ teaspoon", 0.5, "exact", "tsp"),
    ("There are four million and a half voters.", "four million and a half", 4.5e6, "exact", None),
    ("The fund holds 7 million and a quarter.", "7 million and a quarter", 7.25e6, "exact", None),
    ("The rod is nine and one fourth inches long.", "nine and one fourth inches", 9.25, "exact", "in"),
    ("The state owes a quarter million dollars.", "a quarter million dollars", 250000, "exact", "usd"),
    ("We have 5 thousand 2 hundred and 16 files.", "5 thousand 2 hundred and 16", 5216, "exact", None),
    # negatives keep their sign
    ("Growth was -2.5 percent last year.", "-2.5 percent", -2.5, "exact", "percent"),
    ("The balance stood at −14,000 at the end.", "−14,000", -14000, "exact", None),
    ("At night it falls to minus 7 in the hills.", "minus 7", -7, "exact", None),
    ("The reading was minus six point two.", "minus six point two", -6.2, "exact", None),
    ("The core sits at minus-150 degrees Fahrenheit.", "minus-150 degrees Fahrenheit", -150, "exact", "fahrenheit"),
    ("The account showed $-45.10 on Monday.", "$-45.10", -45.10, "exact", "usd"),
    # written numbers with a hyphenated unit, compound amounts, multiples
    ("They drove the nine-mile road at night.", "nine-mile", 9, "exact", "mi"),
    ("He owns a 60-acre farm.", "60-acre", 60, "exact", "acre"),
    ("The sign is one mile from town.", "one mile", 1, "exact", "mi"),
    ("Lunch cost 7 dollars 25 cents.", "7 dollars 25 cents", 7.25, "exact", "usd"),
    ("Lunch cost eleven dollars and thirty cents.", "eleven dollars and thirty cents", 11.3, "exact", "usd"),
    ("The player is 6 feet 3 inches tall.", "6 feet 3 inches", 6.25, "exact", "ft"),
    ("Rents saw a sixfold rise.", "sixfold", 6, "exact", "times"),
    ("Bread prices tripled in a year.", "tripled", 3, "exact", "times"),
    ("The fund made a 4x return.", "4x", 4, "exact", "times"),
    ("She holds a 6-point lead in the polls.", "6-point", 6, "exact", "point"),
    ("The sea was 18 degrees Celsius.", "18 degrees Celsius", 18, "exact", "celsius"),
    ("Seville hit 44C on Sunday.", "44C", 44, "exact", "celsius"),
    ("Phoenix hit 112F on Sunday.", "112F", 112, "exact", "fahrenheit"),
    ("Sales were up 9pc.", "9pc", 9, "exact", "percent"),
    ("Rents rose by a third.", "a third", 33.3333, "exact", "percent"),
    ("Output was cut by half in March.", "half", 50, "exact", "percent"),
    ("Three out of ten voters stayed home.", "Three out of ten", 30, "exact", "percent"),
    ("4 in 10 adults rent.", "4 in 10", 40, "exact", "percent"),
    ("More than half voters stayed home.", "More than half", 50, "more_than", "percent"),
    ("The odds are exactly one sixth.", "exactly one sixth", 16.6667, "exact", "percent"),
    ("The estate is worth one billion and a half million.", "one billion and a half million", 1.0005e9, "exact", None),
    ("The player is 1.9m tall.", "1.9m", 1.9, "exact", "m"),
    ("The firm lost 40 USD million last year.", "40 USD million", 4e7, "exact", "usd"),
    ("The flight took 7 hrs in all.", "7 hrs", 7, "exact", "hour"),
    # bound cues
    ("Donations have passed 5,000 this week.", "passed 5,000", 5000, "more_than", None),
    ("The toll could be as high as 900.", "as high as 900", 900, "at_most", None),
    ("Readings were lower than 40 all week.", "lower than 40", 40, "less_than", None),
    ("Claims now exceed 2,000 a month.", "exceed 2,000", 2000, "more_than", None),
    ("The port came under 40 strikes overnight.", "40", 40, "exact", None),
    ("Rebels took control over 300 square miles.", "300 square miles", 300, "exact", "sq_mi"),
]


@pytest.mark.parametrize("sentence,mention,value,bound,unit", GENERAL_NEWS)
def test_numbers_general_news(sentence, mention, value, bound, unit):
    q = _find(sentence, mention)
    assert q.value == pytest.approx(value, rel=1e-4)
    assert q.bound == bound
    assert q.unit == unit
    assert sentence[q.start:q.end] == q.text


GENERAL_NOT_CLAIMS = [
    "The data was sold by a third party.",
    "Comments (12)",
    "Views: 530 | Comments: 4",
    "The series began in 2003-04 and ended in 1997-09.",
    "We meet at 1600 hrs.",
    "The office moved to 318 Quarry Road last year.",
    "Suite 2 at 14-16 Elm Lane was sold.",
    "Tom Becker, 54, said the line was cut.",
    "It was a four-year low for the index.",
    "They called the office thousand of times.",
    "The shop sells the iPhone 15 and tracks the S&P 500 daily.",
    "Engineers fitted 152 mm self-propelled guns to the chassis.",
    "Crews fired 122 millimetre multiple rocket launchers.",
    "The PS4 sold well.",
    "Everyone remembers 9/11.",
    "The fund made its 13F filing late.",
]


@pytest.mark.parametrize("sentence", GENERAL_NOT_CLAIMS)
def test_numbers_general_non_claims(sentence):
    assert [q.text for q in read_quantities(sentence)] == []


def test_numbers_negative_numbers_keep_their_sign():
    text = "Output fell -4.5 percent, the fund lost −23,000 and the lake froze at minus 3."
    got = {q.text: q for q in read_quantities(text)}
    assert got["-4.5 percent"].value == -4.5
    assert got["−23,000"].value == -23000 and got["−23,000"].high < 0
    assert got["minus 3"].value == -3
    assert all(text[q.start:q.end] == q.text for q in got.values())


def test_numbers_hyphen_between_figures_is_not_a_sign():
    (q,) = read_quantities("Rates moved 3%-4% in a week.")
    assert (q.low, q.high) == (3, 4)


def test_numbers_year_like_number_before_capitalised_words_counts_soldiers():
    (q,) = read_quantities("Officials said 1750 North Korean soldiers were hurt.")
    assert q.value == 1750
    assert read_quantities("In 1750 British soldiers landed.") == []


def test_numbers_scale_word_in_brackets_is_not_a_billion():
    found = read_quantities("Reserves fell to (2.7) billion dollars.")
    assert all(q.value != 1e9 for q in found)
    assert [q.text for q in found] == ["2.7"]


def test_numbers_arabic_separator_and_invisible_marks_keep_a_number_whole():
    for text in ("It holds 48\u066c500 tonnes.", "It holds 48\u200b500 tonnes.", "It holds 48,\u200f500 tonnes.",
                 "It holds \u200f48,500\u200f tonnes."):
        (q,) = read_quantities(text)
        assert q.value == 48500, text
        assert text[q.start:q.end] == q.text


def test_numbers_non_ascii_digits_get_the_same_rounding_slack():
    ascii_q, = read_quantities("They sent 12,000 troops.")
    arabic_q, = read_quantities("They sent ١٢٬٠٠٠ troops.")
    devanagari_q, = read_quantities("They sent १२,००० troops.")
    assert (arabic_q.value, arabic_q.low, arabic_q.high) == (ascii_q.value, ascii_q.low, ascii_q.high)
    assert (devanagari_q.value, devanagari_q.low, devanagari_q.high) == (ascii_q.value, ascii_q.low, ascii_q.high)
    assert ascii_q.low < ascii_q.high


def test_numbers_title_case_headline_figures():
    found = [q.text for q in read_quantities("Army Says It Has Lost Over 9,000 Soldiers, Nearly 4,000 Of Them Killed")]
    assert found == ["Over 9,000", "Nearly 4,000"]
    assert [q.text for q in read_quantities("City Has Lost 600 Soldiers In A Week")] == ["600"]


# (sentence, mention, low, high, unit)
GENERAL_RANGES = [
    ("Doses ran between 20 mg and 35 mg a day.", "between 20 mg and 35 mg", 20, 35, "mg"),
    ("Nights ranged from -12 °C to -25 °C.", "from -12 °C to -25 °C", -25, -12, "celsius"),
    ("They plan 6- to 9-metre walls.", "6- to 9-metre", 6, 9, "m"),
    ("Support sits above a third and below a half.", "above a third and below a half", 33.3333, 50, "percent"),
    ("Bids were at least 10, at most 25 each.", "at least 10, at most 25", 10, 25, None),
    ("Russia wants to mass 50-60 thousand troops there.", "50-60 thousand", 50000, 60000, None),
    ("Turnout was more than 40 and less than 55 percent.", "more than 40 and less than 55 percent", 40, 55, "percent"),
    ("Crowds were above 300 and below 500 all day.", "above 300 and below 500", 300, 500, None),
    ("Bids came in at 30~45 apiece.", "30~45", 30, 45, None),
]


@pytest.mark.parametrize("sentence,mention,low,high,unit", GENERAL_RANGES)
def test_numbers_general_ranges(sentence, mention, low, high, unit):
    q = _find(sentence, mention)
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))
    assert q.bound == "range" and q.value is None and q.unit == unit


def test_numbers_conversion_in_brackets_is_a_claim_too():
    text = "The army took 800 square kilometres (309 square miles) of land."
    a, b = read_quantities(text)
    assert (a.text, a.unit, b.text, b.unit) == ("800 square kilometres", "km2", "309 square miles", "sq_mi")
    assert a.tail == b.tail == text.index(" of land")


def test_numbers_unit_in_brackets_decides_metres_or_millions():
    (a, b) = read_quantities("The mast is 30m (98ft) high.")
    assert (a.value, a.unit) == (30, "m")
    assert (b.value, b.unit) == (98, "ft")
    (c,) = read_quantities("The club paid 30m for him.")
    assert c.value == 30e6


def test_numbers_headline_figure_before_a_dateline_is_not_a_date():
    text = "Officials put the losses at over 41,000\n\nMay 3, 2025 | Staff"
    assert [q.text for q in read_quantities(text)] == ["over 41,000"]


def test_numbers_month_then_comma_then_count_is_no_date():
    (q,) = read_quantities("Between May and July, 1,500 injured miners were flown out.")
    assert q.value == 1500
    assert read_quantities("He spoke on July 4, 2024.") == []


def test_numbers_one_before_a_counted_noun_is_a_count():
    found = [q.text for q in read_quantities("It sent one brigade and one battalion. One official said so.")]
    assert found == ["one", "one"]


def test_numbers_capital_letter_units_only_when_stuck():
    assert [(q.text, q.unit) for q in read_quantities("They fired 30 C-300 missiles at 35C.")] == [("30", None), ("35C", "celsius")]


def test_numbers_unit_conversion_table_is_consistent():
    from kursk_claims.lexicon import table
    from kursk_claims.reading.units import unit_conversions

    units = table("units")
    known = {v["unit"] for v in units["after"].values()} | set(units["before"].values())
    conv = unit_conversions()
    for unit, (base, factor) in conv.items():
        assert unit in known and base in known, unit
        assert base not in conv, f"{unit}: its base {base} converts again"
        assert factor > 0
    assert conv["sq_mi"] == ("km2", pytest.approx(2.58999, rel=1e-4))  # 190 sq mi is 492 km2
    assert conv["mph"] == ("kmh", pytest.approx(1.609, rel=1e-3))
    assert conv["kg"] == ("t", pytest.approx(0.001))
    assert None not in conv


def test_numbers_currencies_are_iso_4217_codes():
    from kursk_claims.lexicon import table

    units = table("units")
    codes = set(units["before"].values()) | {v["unit"] for v in units["after"].values() if v["kind"] == "money"}
    minor = {"usd_cent", "gbx"}  # gbx is the ISO-style code for pence
    assert all(len(c) == 3 and c.isalpha() and c.islower() for c in codes - minor), sorted(codes - minor)


@pytest.mark.parametrize("text,kept", [
    ("1" * 400 + " troops", []),
    ("It weighs 1e400 kg.", []),
    ("It costs 3.5999999999999999999999e1 dollars.", ["3.5999999999999999999999e1 dollars"]),  # long, yet a float
    ("MUSD " + "9" * 320 + "½", []),
    ("1" * 300 + " 1/2 miles", []),
])
def test_numbers_figures_too_large_for_a_float_are_left_out(text, kept):
    found = read_quantities(text)
    assert [q.text for q in found] == kept
    for q in found:
        assert all(v is None or abs(v) < float("inf") for v in (q.value, q.low, q.high))
        assert text[q.start:q.end] == q.text


def test_numbers_a_share_and_its_count_are_no_range():
    a, b = read_quantities("Of the crew, 35% - 120 sailors - were reservists.")
    assert (a.text, a.unit, b.text, b.unit) == ("35%", "percent", "120", None)
    (r,) = read_quantities("Fees rose to 4.5%-6% this year.")
    assert r.bound == "range" and r.unit == "percent"


def test_ages_after_younger_than_or_the_age_of_are_no_claims():
    from kursk_claims.pipeline import build_pipeline
    nlp = build_pipeline()
    got = [c["text"] for c in nlp("Of the 40 pupils killed, 22 were under the age of 12 and the youngest were "
                                  "younger than 8.")._.claims]
    assert got == ["40", "22"]


def test_a_day_counter_before_a_colon_is_a_label_not_a_claim():
    from kursk_claims.pipeline import build_pipeline
    got = [c["text"] for c in build_pipeline()("LIVE | Tarma siege day 212: shelling resumes\n\n"
                                              "Forty were hurt.")._.claims]
    assert "212" not in got
