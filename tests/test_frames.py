"""The quantity frame read from text: what exactly a figure measures, which kind of figure it
is, where it applies, who acts and when. Each rule on sentences written for the test."""
import pytest

from kursk_claims.reading.context import read_counted, read_counted_before
from kursk_claims.reading.dates import find_date_ref, resolve
from kursk_claims.reading.frames import read_frame


def frame(sentence, figure, measure, **kw):
    i = sentence.index(figure)
    return read_frame(sentence, (0, len(sentence)), (i, i + len(figure)), measure, **kw)


def drafts(nlp, text):
    return {c["text"]: c for c in nlp(text)._.claims}


@pytest.mark.parametrize("sentence,figure,what", [
    ("Kyiv's forces now control 450 square kilometres in the Belgorod region.", "450 square kilometres", "area:held"),
    ("The army seized about 700 square kilometres in its spring push.", "about 700 square kilometres", "area:taken"),
    ("Government troops have retaken 60 percent of the province.", "60 percent", "share:retaken"),
    ("The rebels lost 300 square kilometres in a month.", "300 square kilometres", "area:retaken"),
    ("The oblast covers 26,500 square kilometres.", "26,500 square kilometres", "area:size"),
    ("At its peak, the militia held 2,100 square kilometres.", "2,100 square kilometres", "area:taken"),
    ("They have given up a third of the 1,800 square kilometres they seized in May.", "1,800 square kilometres", "area:taken"),
    ("The foothold shrank from 900 square kilometres to 300.", "900 square kilometres", "area:held"),
])
def test_frames_land_verbs_refine_the_measure(sentence, figure, what):
    assert frame(sentence, figure, what.split(":")[0])["what"] == what


def test_frames_a_share_of_a_force_is_not_land():
    f = frame("The brigade lost half of the force it sent.", "half", "share", counted="force")
    assert f["what"] == "share"


@pytest.mark.parametrize("sentence,figure,kind", [
    ("The ministry sent an additional 1,500 troops to the border.", "1,500", "change"),
    ("The garrison grew by 800 soldiers in May.", "800", "change"),
    ("They deployed 3,000 more soldiers this spring.", "3,000", "change"),
    ("The general plans to increase the force to 90,000 troops.", "90,000", "plan"),
    ("Moscow intends to concentrate 25,000 troops near the town.", "25,000", "plan"),
    ("The army fired one shell for every 10 fired by the enemy.", "10", "ratio"),
    ("The army is bringing in another brigade of roughly 4,000 soldiers.", "4,000", "change"),
    ("About 12,000 soldiers are stationed in the region.", "About 12,000", "level"),
    ("Brigade sizes vary, but a brigade usually counts 3,000 to 5,000 soldiers.", "3,000 to 5,000", "generic"),
    ("He warned that the number of Ozari troops there could grow to 80,000.", "80,000", "plan"),
    ("We expect that the number of recruits grows by about 9,000 in spring.", "about 9,000", "change"),
])
def test_frames_kind_of_figure(sentence, figure, kind):
    assert frame(sentence, figure, "deployed")["figure"] == kind


def test_frames_totals_and_month_periods():
    assert frame("At least 2,000 soldiers were killed.", "2,000", "killed")["figure"] == "total"
    f = frame("The brigade crossed the river in June and captured 400 square kilometres.", "400 square kilometres", "area")
    assert (f["what"], f["figure"], f["period"]) == ("area:taken", "period", "in June")


@pytest.mark.parametrize("sentence,figure,place", [
    ("About 6,000 troops are now in the Zaporizhzhia region.", "About 6,000", "Zaporizhzhia"),
    ("The army moved 9,000 soldiers into Russia's western Belgorod region.", "9,000", "Belgorod"),
    ("There are 20,000 soldiers on Russian soil.", "20,000", "Russia"),
    ("The war in Syria has displaced 6 million people.", "6 million", None),
    ("Casualties on the Russia-Ukraine front lines stood at 4,700.", "4,700", None),
    ("Russia lost 40,000 soldiers in the operation.", "40,000", "the operation"),
])
def test_frames_place(sentence, figure, place):
    assert frame(sentence, figure, "deployed")["place"] == place


@pytest.mark.parametrize("sentence,figure,actor", [
    ("Ukraine launched a raid into Russia's Bryansk region and took 200 square kilometres.", "200 square kilometres", "Ukraine"),
    ("After weeks of shelling, Russian troops recaptured 80 square kilometres.", "80 square kilometres", "Russia"),
    ("Analysts say that Moscow's units have won back about 70% of the land.", "about 70%", "Russia"),
])
def test_frames_actor_is_the_side_acting_not_the_owner(sentence, figure, actor):
    measure = "share" if "%" in figure else "area"
    assert frame(sentence, figure, measure)["actor"] == actor


@pytest.mark.parametrize("sentence,figure", [
    ("Earlier estimates had put the garrison at 9,000 troops.", "9,000"),
    ("The force shrank from 12,000 troops to 7,000.", "12,000"),
    ("Russia had about 5,000 soldiers there when the offensive began.", "about 5,000"),
])
def test_frames_earlier_levels_are_marked(sentence, figure):
    assert frame(sentence, figure, "deployed")["earlier"] is True


def test_frames_current_levels_are_not_earlier():
    assert frame("The force grew to 7,000 troops.", "7,000", "deployed")["earlier"] is False


@pytest.mark.parametrize("sentence,published,expected", [
    ("By late March, 4,000 soldiers had arrived.", "2025-04-10", "2025-03-25"),
    ("Officials said last week that 4,000 soldiers had arrived.", "2025-04-10", "2025-04-03"),
    ("Yesterday the ministry put losses at 4,000.", "2025-04-10", "2025-04-09"),
    ("The estimate given in mid-January 2025 was 4,000.", "2025-04-10", "2025-01-15"),
    ("The news broke in October; the force now numbers 4,000.", "2025-04-10", None),
    ("Ukraine now holds 400, down from 1,200 in August.", "2025-04-10", None),
])
def test_dates_that_date_a_figure(sentence, published, expected):
    ref = find_date_ref(sentence, 0, len(sentence), sentence.index("4,000") if "4,000" in sentence else sentence.index("400"))
    assert resolve(ref, published) == expected


def test_context_partitive_whole_names_what_the_part_counts(nlp):
    c = drafts(nlp, "Officials say 2,500 of the 9,000 marines sent to the island have been wounded.")["2,500"]
    assert (c["counted"], c["measure"]) == ("marines", "wounded")


def test_context_estimate_idiom_names_the_counted_noun():
    s = "Western officials put the garrison at 4,000."
    assert read_counted_before(s, s.index("4,000"), 0)[0] == "garrison"
    s = "The agency puts the total number of Iranian advisers sent to Syria at around 3,000."
    assert read_counted_before(s, s.index("around"), 0)[0] == "Iranian advisers"


def test_context_tally_noun_at_the_clause_start():
    s = "Losses among the mercenary units fighting near the airport have now reached 1,200."
    assert read_counted_before(s, s.index("1,200"), 0)[0] == "Losses"


def test_context_participle_after_the_noun_decides_the_measure(nlp):
    c = drafts(nlp, "The statement listed 410 fighters captured since the start of the raid.")["410"]
    assert c["measure"] == "captured"


def test_context_victim_named_after_the_noun_is_the_subject(nlp):
    c = drafts(nlp, "Seoul, May 2 - Analysts say more than 2,000 casualties have been inflicted on Russian troops.")
    assert c["more than 2,000"]["subject"] == "Russia"


def test_context_a_bare_figure_repeating_one_before_shares_its_measure(nlp):
    claims = nlp("About 30 thousand Russian troops are in the region. We know that about 30 thousand are there.")._.claims
    assert [c["measure"] for c in claims] == ["deployed", "deployed"]
    alone = nlp("We know that about 30 thousand are there.")._.claims
    assert alone[0]["measure"] is None


def test_context_restated_figure_shares_the_frame(nlp):
    claims = nlp("The army has freed 80 percent of the territory, or around 900 square kilometres.")._.claims
    assert [c["what"] for c in claims] == ["share:retaken", "area:retaken"]


def test_read_counted_skips_the_number_of_a_partitive_whole():
    s = "3,800 of the 12,000 soldiers"
    assert read_counted(s, 5)[0] == "soldiers"


def test_context_participle_before_a_nationality_is_part_of_the_phrase():
    s = "Doctors treated 2,000 wounded Iranian soldiers."
    assert read_counted(s, s.index("2,000") + 5)[0] == "wounded Iranian soldiers"


def test_context_partitive_whole_with_an_approximate_number():
    s = "more than half of the approximately 9,000 marines"
    assert read_counted(s, len("more than half"))[0] == "marines"


def test_frames_whole_war_needs_a_span_of_the_war():
    assert frame("Russia has lost 500,000 soldiers since the start of the war.", "500,000", "casualties")["place"] == "the war"
    assert frame("Troops fighting in the war have lost 3,000 men.", "3,000", "casualties")["place"] is None


def test_a_share_of_a_named_place_or_a_city_held_is_land():
    from kursk_claims.pipeline import build_pipeline
    nlp = build_pipeline()
    c = {x["text"]: x for x in nlp("Peru now holds a quarter of Marovo, and Chilean forces control about 70 percent "
                                   "of the city.")._.claims}
    assert c["a quarter"]["what"] == c["about 70 percent"]["what"] == "share:held"
    assert c["a quarter"]["actor"] == "Peru" and c["about 70 percent"]["actor"] == "Chile"


def test_a_total_since_a_countrys_invasion_began_is_for_the_whole_war():
    from kursk_claims.reading import frames
    text = "Peru counts 12,400 casualties since the start of Chile's invasion."
    assert frames._campaign(text, 0, len(text)) == "the war"
    text = "Peru has lost 9,000 soldiers since Chile invaded."
    assert frames._campaign(text, 0, len(text)) == "the war"
    text = "The army said 55 had been killed since the ground invasion was launched this month."
    assert frames._campaign(text, 0, len(text)) is None  # one operation of a war
    text = "About 61,000 people have died since the civil war broke out in 1998, a monitor says."
    assert frames._campaign(text, 0, len(text)) == "the war"
    text = "Officials count 7,000 dead since the outbreak of the conflict."
    assert frames._campaign(text, 0, len(text)) == "the war"
    text = "The civil war has claimed about 80,000 lives, a monitoring group says."
    assert frames._campaign(text, 0, len(text)) == "the war"
    text = "Some 12,000 fighters have died in the conflict so far."
    assert frames._campaign(text, 0, len(text)) == "the war"
    text = "The war between the two juntas, a feud of old families, has killed 51,000 people."
    assert frames._campaign(text, 0, len(text)) == "the war"
    text = "The war in Tarvo, where rebels have killed 40 soldiers, goes on."
    assert frames._campaign(text, 0, len(text)) is None


def test_frames_a_level_at_the_start_of_a_siege_is_of_an_earlier_moment():
    sentence = "When the siege of Marovo began, Ozar had 12,000 fighters there, the general said."
    assert frame(sentence, "12,000", "deployed")["earlier"] is True
    sentence = "Ozar had 9,000 men when the siege began; estimates now put the force at 14,000."
    assert frame(sentence, "14,000", "deployed")["earlier"] is False


def test_the_region_points_back_to_the_region_named_last():
    from kursk_claims.pipeline import build_pipeline

    nlp = build_pipeline()
    text = ("Shelling hit the Tamba region on Monday. Chile has since sent more than 5,000 troops into "
            "the region, the ministry said.")
    got = {c["text"]: c for c in nlp(text)._.claims}
    assert got["more than 5,000"]["place"] == "Tamba"


def test_frames_a_place_after_an_adjective_and_a_word_for_its_rank(nlp):
    c = drafts(nlp, "A raid on a hamlet in the northern province of Tarma killed 31 people, medics said.")
    assert c["31"]["place"] == "Tarma"


def test_frames_a_later_toll_of_the_same_order_in_a_report_on_one_attack_is_the_attacks(nlp):
    text = ("Rocket strike on Tarvo market kills 31\n\n"
            "A rocket strike on the main market of Tarvo killed 31 people on Saturday, police said. "
            "A hospital director said that at least 64 people had died. "
            "Across the country some 9,000 people have been killed, according to a monitor.")
    c = drafts(nlp, text)
    assert c["at least 64"]["scope"].startswith("period") and c["at least 64"]["place"] == "Tarvo"
    assert not (c["some 9,000"]["scope"] or "").startswith("period")  # of another order: the country's


def test_frames_a_definite_tally_points_back_to_the_one_just_reported(nlp):
    """The second source's "toll" is of the same shelling: its place and day, not a whole war's."""
    text = ("A landslide buried a bus station in Oruro on Sunday, killing at least 14 people, the mayor said. "
            "Rescuers dug through the night. By morning the death toll stood at 11, the Red Cross said. "
            "The war has killed some 9,000 people.")
    c = drafts(nlp, text)
    assert c["11"]["place"] == c["at least 14"]["place"] == "Oruro"
    assert c["11"]["date_ref"] == c["at least 14"]["date_ref"] is not None
    assert c["some 9,000"]["place"] == "war"  # the war's toll, not the landslide's town


def test_frames_a_tally_with_words_of_its_own_points_nowhere(nlp):
    text = ("Mortar fire on a market in Oruro killed at least 14 people on Sunday. "
            "The toll of the war stands at 9,000, the ministry said.")
    assert drafts(nlp, text)["9,000"]["place"] is None


def test_frames_the_same_figure_said_again_is_the_same_tally(nlp):
    text = ("Shelling in Tarma killed 73 people on Monday, a monitor said. By Wednesday the 73 dead had been "
            "buried in two graves, a priest said.")
    c = [d for d in nlp(text)._.claims if d["text"] == "73"]
    assert [d["place"] for d in c] == ["Tarma", "Tarma"]


def test_frames_a_participle_clause_takes_the_place_of_the_clause_it_hangs_on(nlp):
    c = drafts(nlp, "Artillery pounded a market town in the country's central Tarma province, killing more than 150 people.")
    assert c["more than 150"]["place"] == "Tarma"


def test_frames_a_place_with_an_article_joined_to_its_name(nlp):
    c = drafts(nlp, "Medics counted 14 dead after drones hit the harbour in the port town of al-Qasr.")
    assert c["14"]["place"] == "al-Qasr"


def test_frames_people_waiting_for_aid_near_a_town_died_there(nlp):
    c = drafts(nlp, "The ministry said 61 people queueing for aid near Tarma were shot dead on Monday.")
    assert c["61"]["place"] == "Tarma"


def test_frames_an_events_toll_is_of_that_event(nlp):
    c = drafts(nlp, "Militiamen raided two villages in Tarma province on Friday, killing 40 people and wounding 61.")
    assert c["40"]["scope"].startswith("period") and c["40"]["place"] == "Tarma"
    assert c["61"]["scope"] == c["40"]["scope"] and c["61"]["place"] == "Tarma"
    c = drafts(nlp, "A drone strike on a fuel depot in Tarma killed 40 people on Friday.")
    assert c["40"]["scope"].startswith("period")
    c = drafts(nlp, "Since the attack on the capital, the war has killed 9,000 people.")
    assert not (c["9,000"]["scope"] or "").startswith("period")


def test_frames_a_figure_placed_in_a_capital_is_the_citys(nlp):
    c = drafts(nlp, "Shells that hit a bus station in Santiago killed 38 people, officials said.")
    assert c["38"]["place"] == "Santiago"


def test_frames_a_towns_name_before_toll_places_the_toll(nlp):
    c = drafts(nlp, "By Friday evening the Tarma death toll had climbed to 212, according to medics.")
    assert c["212"]["place"] == "Tarma"


def test_frames_the_town_points_back_to_the_town_named_before(nlp):
    c = drafts(nlp, "Drones raided Tarvo in Oruro province before the harvest. Weeks later, rockets fell on "
                    "the town, killing 61 people.")
    assert c["61"]["place"] == "Tarvo"  # not the province, named last


def test_frames_where_a_figure_was_told_is_not_its_place(nlp):
    c = drafts(nlp, "The governor assured a crowd in Tarvo that more than 140 people had died.")
    assert c["more than 140"]["place"] is None


def test_frames_a_campaign_named_by_its_kind_is_a_place_within_the_war(nlp):
    c = drafts(nlp, "Peru says 212 of its soldiers were killed in the amphibious assault and 905 since the war began.")
    assert c["212"]["place"] == "amphibious operation"
    assert c["905"]["place"] != "amphibious operation"
    c = drafts(nlp, "Chile has lost 77 soldiers since launching its ground offensive in the spring.")
    assert c["77"]["place"] == "ground operation"


def test_frames_the_place_an_event_struck(nlp):
    c = drafts(nlp, "Overnight shelling of Tarma left 57 people dead, the governor said.")
    assert c["57"]["place"] == "Tarma"
    c = drafts(nlp, "Bombing of Tarma at dawn left six people dead.")
    assert c["six"]["place"] == "Tarma"  # the event word opening the sentence
    # the object of an attack verb, a place named with its kind, and a toll in a participle
    # clause whose own words name a period
    c = drafts(nlp, "Heavy guns bombarded the rebel-held suburb of Northern Tarma through the night, "
                    "taking the toll since Friday to 61, according to medics.")
    assert c["61"]["place"] == "Northern Tarma"
    c = drafts(nlp, "Mortars hit the old district of Tarvo, a river port of 90 thousand, at noon, killing 17 people.")
    assert c["17"]["place"] == "Tarvo"  # a participle hangs on the main clause, past its asides
    c = drafts(nlp, "Jets struck Monday night, killing 12 people.")
    assert c["12"]["place"] is None
    c = drafts(nlp, "Iraq's army pushed north. Militia rockets and shelling of Baghdad killed five people overnight.")
    assert c["five"]["place"] == "Baghdad"  # a capital struck is the city, not its government


def test_frames_a_participle_clause_set_off_by_commas_does_not_date_the_figure(nlp):
    c = drafts(nlp, "The blockade, imposed on March 3 after talks failed, has killed more than 900 civilians.")
    assert c["more than 900"]["date_ref"] is None
    c = drafts(nlp, "The blockade has killed more than 900 civilians, officials said on March 3.")
    assert c["more than 900"]["date_ref"] is not None


def test_frames_a_common_word_opening_a_line_before_toll_is_no_place(nlp):
    c = drafts(nlp, "Casualty toll tops 4,000\n\nThe casualty toll topped 4,000 on Thursday.")
    assert all(d["place"] is None for d in c.values())


def test_frames_the_town_people_were_moved_out_of_is_the_figures_place(nlp):
    c = drafts(nlp, "About 2,300 residents, most of them women, were evacuated from northern Tarvo overnight.")
    assert c["About 2,300"]["place"] == "Tarvo"
    c = drafts(nlp, "Some 90,000 refugees from Peru have reached the border.")
    assert c["Some 90,000"]["place"] is None  # a side's name says whose they are


def test_frames_a_war_named_by_its_years_is_not_the_war_reported(nlp):
    c = drafts(nlp, "Their grandparents remember the 14,000 who died in the 1968-71 war, a census clerk says.")
    assert c["14,000"]["place"] == "1968-71 war"


def test_frames_a_town_named_by_its_countrys_adjective_is_not_the_country(nlp):
    c = drafts(nlp, "Drone attack on Peruvian village kills 4")
    assert c["4"]["place"] is None
    c = drafts(nlp, "Shelling on Peruvian soil killed 9 people.")
    assert c["9"]["place"] == "Peru"


def test_frames_a_fact_sheets_label_names_its_figures_place(nlp):
    c = drafts(nlp, "Summary\n\n- Farmers killed in Tarvo: at least 48\n")
    assert c["at least 48"]["place"] == "Tarvo"


def test_frames_a_town_named_after_a_demonym_and_its_kind_is_the_place(nlp):
    c = drafts(nlp, "Some 90 people were killed in fighting in and around the northern Bolivian city of Oruro, officials said.")
    assert c["Some 90"]["place"] == "Oruro"
