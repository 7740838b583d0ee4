"""Breakdowns, undated articles and speakers: each rule on sentences of our own."""
import pytest

from kursk_claims.io.articles import Article
from kursk_claims.lexicon import battle_over
from kursk_claims.pipeline import build_pipeline
from kursk_claims.reading.placing import latest_named_date, war_over
from kursk_claims.run.extract import extract_article


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def claims(nlp, text):
    return {c["text"]: c for c in nlp(text)._.claims}


# --- parts of a whole ------------------------------------------------------------------------

def test_of_them_names_the_part_and_its_whole(nlp):
    c = claims(nlp, "The ministry registered 1,240 deaths, 310 of them children.")
    assert c["310"]["part_of"] == (c["1,240"]["start"], c["1,240"]["end"])
    assert c["310"]["counted"] == "children"
    assert c["310"]["measure"] == c["1,240"]["measure"] == "killed"


def test_a_list_of_parts_closed_by_among_them_is_of_the_whole_before_it(nlp):
    c = claims(nlp, "Officials said 1,240 people were killed, 310 children and 290 women among them.")
    whole = (c["1,240"]["start"], c["1,240"]["end"])
    assert c["310"]["part_of"] == whole and c["290"]["part_of"] == whole


def test_including_names_the_part(nlp):
    c = claims(nlp, "Floods displaced 8,000 people in the valley, including 2,100 children.")
    assert c["2,100"]["part_of"] == (c["8,000"]["start"], c["8,000"]["end"])


def test_a_part_said_with_a_copula_counts_what_it_is(nlp):
    c = claims(nlp, "The toll rose to 75 dead. Nine of the dead were paramedics.")
    assert c["Nine"]["counted"] == "paramedics"
    assert c["Nine"].get("part_of")


def test_a_part_with_a_verb_of_its_own_keeps_its_measure(nlp):
    c = claims(nlp, "Officials said 900 Valdorian soldiers were sent to the front, of whom about 40 were killed or wounded.")
    assert c["about 40"]["measure"] == "casualties" and c["900"]["measure"] == "deployed"
    assert c["about 40"]["counted"] == "Valdorian soldiers" and not c["about 40"].get("part_of")


def test_a_share_of_a_whole_stays_a_share(nlp):
    c = claims(nlp, "The army recruited 9,000 men, and about 30% of them were killed.")
    assert not c["about 30%"].get("part_of")
    assert c["about 30%"]["unit"] == "percent"


def test_a_larger_figure_is_no_part(nlp):
    c = claims(nlp, "Officials counted 40 dead, including 60 soldiers.")
    assert not c["60"].get("part_of")


def test_a_fact_sheet_line_names_what_its_figure_counts_after_a_dash(nlp):
    c = claims(nlp, "Key figures\n41,500 - refugees who have arrived in the valley since May\n")
    assert c["41,500"]["counted"] == "refugees"
    c = claims(nlp, "The army said on Monday it had lost 300 - a third of its men.")
    assert c["300"]["counted"] is None  # a dash inside a sentence is no label


def test_a_bracketed_figure_restates_the_one_before_it(nlp):
    c = claims(nlp, "The militia enlisted 8,000 farmers, of whom 25 percent (2,000) died in the hills.")
    assert c["2,000"]["counted"] == c["25 percent"]["counted"] == "farmers"
    assert c["2,000"]["measure"] == "killed"


def test_an_adjective_for_people_is_what_is_counted(nlp):
    c = claims(nlp, "The brigade lost more than 900 dead near the river.")
    assert c["more than 900"]["counted"] == "dead"
    c = claims(nlp, "Doctors said 15% of the injured were in a critical state.")
    assert c["15%"]["counted"] == "injured"


# --- an undated article's place in time --------------------------------------------------------

def test_an_undated_article_is_no_earlier_than_the_latest_day_it_names():
    text = "The siege began in March 2019. On June 3, the council said 4,000 people remained."
    assert latest_named_date(text) == "2019-06-03"


def test_a_weekday_chooses_the_year_of_a_yearless_date():
    # 12 March fell on a Tuesday in 2019, not in 2020
    text = "Talks may resume in 2020. The mayor spoke on Tuesday, March 12, of 300 missing."
    assert latest_named_date(text) == "2019-03-12"


def test_a_span_said_after_a_date_places_the_article_after_it():
    text = "On May 2, 2019, the shelling of the valley began.\nNearly 14 months of fighting followed."
    assert latest_named_date(text) == "2020-06-25"
    assert latest_named_date("On May 2, 2019, the shelling began.\n\nSome 40 people fled.") == "2019-05-02"


def test_a_copyright_year_does_not_place_an_article():
    assert latest_named_date("Shelling went on.\n© 2031 Some Outlet. All rights reserved.") is None


def test_an_undated_figure_carries_its_articles_lower_bound(tmp_path):
    from kursk_claims.io.articles import Article
    from kursk_claims.run.extract import extract_article

    nlp = build_pipeline()
    text = "By May 2, 2019 the agency had registered 12,000 refugees from the valley."
    undated = extract_article(nlp, Article(key="a.txt", text=text))
    dated = extract_article(nlp, Article(key="b.txt", text=text, published="2019-05-03"))
    assert undated[0].not_before == "2019-05-02" and undated[0].as_of is None
    assert dated[0].not_before is None and dated[0].as_of == "2019-05-03"


# --- speakers ------------------------------------------------------------------------------------

def test_a_passive_speech_verb_names_no_speaker(nlp):
    text = "A truce between the two armies was announced on Monday. Some 3,000 families went home."
    assert claims(nlp, text)["Some 3,000"]["attribution"] is None


def test_a_bracketed_source_closing_a_line_is_its_speaker(nlp):
    text = "Key figures\n\n2.1 MILLION - People in need of food aid (Relief Office - May 2019)\n"
    assert claims(nlp, text)["2.1 MILLION"]["attribution"] == "Relief Office"


def test_figures_joined_to_a_part_are_parts_of_the_same_whole(nlp):
    c = claims(nlp, "The ministry said the raids killed 310 people, 20 children and 41 women among them, and wounded 900 others.")
    whole = (c["310"]["start"], c["310"]["end"])
    assert c["20"]["part_of"] == whole and c["41"]["part_of"] == whole
    assert c["41"]["counted"] == "women" and c["41"]["measure"] == "killed"
    assert not c["900"].get("part_of") and c["900"]["measure"] == "wounded"
    c = claims(nlp, "The office had registered 612 deaths, 40 of them children and 75 women.")
    assert c["75"]["part_of"] == (c["612"]["start"], c["612"]["end"])


def test_an_adjective_before_the_noun_says_the_measure_and_the_noun_is_counted(nlp):
    c = claims(nlp, "Searchers found 300 dead soldiers near the river.")
    assert c["300"]["counted"] == "soldiers" and c["300"]["measure"] == "killed"


def test_words_for_dying_and_for_the_displaced(nlp):
    c = claims(nlp, "Nearly 700 villagers lost their lives in the first winter.")
    assert c["Nearly 700"]["measure"] == "killed"
    c = claims(nlp, "Drone crews kill 300 insurgents a month, the colonel says.")
    assert c["300"]["measure"] == "killed"
    c = claims(nlp, "Aid groups registered some 14,500 IDPs in the east.")
    assert c["some 14,500"]["measure"] == "displaced"


def test_a_single_events_toll_is_a_period_of_its_own(nlp):
    c = claims(nlp, "Rescuers said 35 people died in the market bombing.")
    assert (c["35"].get("scope") or "").startswith("period:")
    c = claims(nlp, "The army said 600 soldiers were lost in the past 24 hours.")
    assert (c["600"].get("scope") or "").startswith("period:")


def test_when_a_count_began_is_no_period(nlp):
    c = claims(nlp, "The rebels say they have killed 90 Valdorian soldiers since their push started in early March.")
    assert not c["90"].get("scope")
    c = claims(nlp, "Some 40 soldiers were killed on the border this week.")
    assert (c["Some 40"].get("scope") or "").startswith("period:")
    c = claims(nlp, "Rescuers said 120 people died that weekend in the capital.")
    assert c["120"]["scope"] == "period: that weekend"


def test_a_start_written_day_first_is_a_start(nlp):
    c = claims(nlp, "Officials said 318 soldiers had been killed since 14 March.")
    assert c["318"]["scope"] == "period: since 14 March"


def test_an_event_after_a_verb_of_saying_is_the_figures(nlp):
    c = claims(nlp, "Port officials said the raids killed 14 dockworkers before dawn.")
    assert (c["14"].get("scope") or "").startswith("period:")


def test_the_event_that_began_a_war_has_a_toll_of_its_own(nlp):
    # "began" before an event says what started the war, not when a count began
    c = claims(nlp, "The conflict began when raiders stormed three border towns in Ostrava on 9 May, killing about 640 people.")
    assert (c["about 640"].get("scope") or "").startswith("period:")


def test_a_period_of_a_later_clause_is_not_the_figures(nlp):
    c = claims(nlp, "The rebels now claim 90 soldiers killed in the hills, up from a statement last week.")
    assert not c["90"].get("scope")
    c = claims(nlp, "The rebels said 90 soldiers were killed in the past week alone.")
    assert c["90"]["scope"].startswith("period:")


def test_the_battle_for_a_town_is_where_the_dead_fell(nlp):
    c = claims(nlp, "Officials admitted that 700 soldiers were killed in the battle for Marovo.")
    assert c["700"]["scope"] == "place: Marovo"


def test_a_headlines_attack_on_a_place_that_kills_is_one_event(nlp):
    c = claims(nlp, "Rebel rocket attack on Oruro wedding kills 17, officials say")
    assert (c["17"].get("scope") or "").startswith("period:")
    c = claims(nlp, "After the attack on the bridge, the fighting killed 230 more people.")
    assert not (c["230"].get("scope") or "").startswith("period: attack")  # the attack only dates the count
    c = claims(nlp, "Valdorian strikes on Oruro have killed 4,100 people since the spring, officials say.")
    assert not (c["4,100"].get("scope") or "").startswith("period: strike")  # many strikes: a running total


def test_the_toll_of_the_strikes_that_killed_is_the_events(nlp):
    c = claims(nlp, "According to the ministry, the strikes killed 270 people and wounded 880 others.")
    assert c["270"]["scope"] == c["880"]["scope"] == "period: the strikes"


def test_a_figure_after_in_counts_places_not_the_people_of_the_loss(nlp):
    c = claims(nlp, "Doctors said 900 people had been wounded and were being treated in 31 hospitals.")
    assert c["900"]["measure"] == "wounded" and c["31"]["measure"] is None
    c = claims(nlp, "The officer said the dead were buried in about 30 graves.")
    assert c["about 30"]["measure"] is None


def test_people_counted_right_after_a_sentence_about_a_loss_go_on_about_it(nlp):
    c = claims(nlp, "The register lists 8,240 dead fighters. The real split is about 6,000 former convicts and 2,200 volunteers.")
    assert c["about 6,000"]["measure"] == c["2,200"]["measure"] == "killed"
    assert "measure" in c["about 6,000"]["inferred"]
    c = claims(nlp, "The register lists 8,240 dead fighters.\n\nThe town still has 40 soldiers.")
    assert c["40"]["measure"] != "killed"


def test_elliptical_people_go_on_about_the_loss_their_paragraph_last_named(nlp):
    c = claims(nlp, "About 7,300 militiamen have fallen in the hills, the monitors said. The colonel had called "
                    "a third of his dead volunteers. That was wrong. In truth it was about 5,100 ex-convicts.")
    assert c["About 7,300"]["measure"] == "killed"
    assert c["about 5,100"]["measure"] == "killed" and "measure" in c["about 5,100"]["inferred"]
    # a share of the dead speaks of the dead too
    c = claims(nlp, "Marovo's officers put half of the war dead down as volunteers. It was nearer 3,900 former convicts.")
    assert c["3,900"]["measure"] == "killed"
    # a verb of the figure's own clause says what it is
    c = claims(nlp, "The shelling killed 640 people in Ozar. The militia later recruited 2,000 labourers.")
    assert c["2,000"]["measure"] != "killed"


def test_were_prisoners_says_what_people_were_not_that_they_were_captured(nlp):
    c = claims(nlp, "The militia said 4,420 of its recruits had been prisoners before the war.")
    assert c["4,420"]["measure"] != "captured"
    c = claims(nlp, "Peru said 310 of its sailors were taken prisoner near the cape.")
    assert c["310"]["measure"] == "captured"
    c = claims(nlp, "Chile said 95 of its pilots are prisoners of war.")
    assert c["95"]["measure"] == "captured"


def test_a_share_that_met_a_loss_says_which(nlp):
    c = claims(nlp, "The militia enlisted 8,000 farmers, about 30% of whom were killed.")
    assert c["about 30%"]["what"] == "share:killed"
    c = claims(nlp, "About half of those killed in the valley were farmers, he said.")
    assert c["About half"]["what"] == "share"  # a share of the dead that were farmers: no loss of its own


def test_the_dead_on_the_battlefield_are_a_toll_of_their_own_place(nlp):
    c = claims(nlp, "Medics said about 2,000 people died on the battlefield near the river.")
    assert c["about 2,000"]["scope"] == "place: battlefield"


def test_an_article_that_groups_thousands_with_dots_is_read_so(nlp):
    c = claims(nlp, "The register holds 12.480 displaced families; about 9.000 live in tents and 3.000 in schools.")
    assert c["12.480"]["value"] == 12480 and c["about 9.000"]["value"] == 9000
    c = claims(nlp, "The index rose 2.5 points to 18.240 on Monday.")
    assert c["18.240"]["value"] == 18.24 if "18.240" in c else True


def test_a_capital_before_a_number_in_a_title_case_headline_is_a_verb_not_a_model(nlp):
    c = claims(nlp, "Ramos Says Peru Took 300 Prisoners Near Lima")
    assert "300" in c
    c = claims(nlp, "New Leopard 2 Tanks Arrive in Lima With 40 Crews")
    assert "2" not in c


def test_after_a_verb_of_losing_the_measure_said_after_the_figure_is_its_own(nlp):
    c = claims(nlp, "By the mayor's count, Bolivia lost over 640 dead along the riverbank.")
    assert c["over 640"]["measure"] == "killed"
    c = claims(nlp, "The army lost more than 500 troops killed or wounded over one day.")
    assert c["more than 500"]["measure"] == "casualties"
    c = claims(nlp, "Valdoria lost 300 soldiers, and 40 were killed later.")
    assert c["300"]["measure"] == "casualties"


def test_a_part_said_with_its_own_participle_keeps_its_measure(nlp):
    c = claims(nlp, "The council counted 2,400 Valdorian troops dead or wounded, some 700 of them slain outright.")
    assert c["some 700"]["measure"] == "killed" and c["2,400"]["measure"] == "casualties"
    assert c["some 700"]["counted"] == "Valdorian troops"


def test_a_side_named_in_a_comparison_after_the_figure_is_not_its_side(nlp):
    c = claims(nlp, "Peru mourns its fighters\n\nThe ministry said 1,000 fighters died on the ridge - more than Bolivia "
                    "lost in its last war.")
    assert c["1,000"]["subject"] == "Peru"


def test_what_a_number_is_of_is_counted(nlp):
    c = claims(nlp, "She said the number of civilians wounded had reached 6,000.")
    assert c["6,000"]["counted"] == "civilians"


def test_a_share_of_whom_counts_what_its_whole_counts(nlp):
    c = claims(nlp, "The militia enrolled 8,000 volunteers, of whom 15 percent deserted.")
    assert c["15 percent"]["counted"] == "volunteers" and not c["15 percent"].get("part_of")


def test_the_battle_for_a_town_named_before_an_aside_is_the_figures_place(nlp):
    c = claims(nlp, "The siege of Marovo, which began in spring, has so far cost Peru 900 soldiers killed.")
    assert c["900"]["scope"] == "place: Marovo"


def test_a_period_after_one_that_says_when_the_count_began_is_read(nlp):
    c = claims(nlp, "Since the siege began last month, 300 people have died in the past week alone.")
    assert c["300"]["scope"] == "period: in the past week"


def test_a_side_named_between_a_modifier_and_the_noun_is_inside_the_counted_phrase(nlp):
    text = "Ozar denied the report. Peru's drones struck a camp, killing nine high-ranking Ozar commanders and aides."
    c = claims(nlp, text)
    assert c["nine"]["counted"] == "high-ranking Ozar commanders"
    assert c["nine"]["subject"] == "Ozar"
    c = claims(nlp, "Chile said its forces held 30 square km of territory Peruvian troops had seized.")
    assert c["30 square km"]["counted"] == "territory"


def test_where_a_figure_is_read_from_its_clause_and_shared_by_its_parts(nlp):
    c = claims(nlp, "Aid workers reached 1,180 families sheltering in the town of Marovo.")
    assert c["1,180"]["place"] == "Marovo"
    c = claims(nlp, "The mayor said 640 patients were treated in Marovo, including 45 children.")
    assert c["45"]["place"] == "Marovo"
    # a side's adjective before a noun is no place; a capital city before "and" is
    c = claims(nlp, "At least 310 people were killed in Bolivian air strikes on Peru, the ministry said.")
    assert c["At least 310"]["place"] == "Peru"


def test_a_share_after_an_opening_partitive_is_a_share_of_what_it_names(nlp):
    c = claims(nlp, "Of the 6,000 conscripts in the brigade, 30 percent (1,800) were killed within a month, a medic said.")
    assert c["30 percent"]["counted"] == c["1,800"]["counted"] == "conscripts"
    assert c["1,800"]["measure"] == "killed"


def test_recruited_prisoners_are_recruits_not_captives(nlp):
    c = claims(nlp, "Of the 9,000 prisoners the militia had enlisted, 2,000 deserted.")
    assert c["9,000"]["measure"] != "captured"
    c = claims(nlp, "The militia recruited about 7,000 prisoners from jails last year.")
    assert c["about 7,000"]["measure"] == "deployed"
    c = claims(nlp, "Peru took 1,300 prisoners of war in the offensive.")
    assert c["1,300"]["measure"] == "captured"


def test_places_in_a_title_case_headline_and_wars_named_after_places(nlp):
    text = ("Peru Counts 12,500 Ozari Troops Lost In Marovo, 300 In Past Day\n\n"
            "Fighting went on in Marovo on Tuesday.")
    c = claims(nlp, text)
    assert c["12,500"]["place"] == "Marovo"
    assert c["300"]["place"] != "Past"
    c = claims(nlp, "About 90,000 people were killed in the two-year Marovo war, the envoy said.")
    assert c["About 90,000"]["place"] != "Marovo"


def test_which_included_names_a_part(nlp):
    c = claims(nlp, "The census lists 700,000 displaced, a total which included 30,000 people who had fled abroad.")
    assert c["30,000"]["part_of"] == (c["700,000"]["start"], c["700,000"]["end"])


def test_members_of_other_groups_are_none_of_the_named_sides(nlp):
    text = ("Ozar fighters fled the valley. According to Peru, 2,700 Ozar fighters have been killed, "
            "along with 90 members of other armed groups operating in Chile.")
    c = claims(nlp, text)
    assert c["2,700"]["subject"] == "Ozar"
    assert c["90"]["subject"] == "other armed groups"


def test_the_number_of_names_what_a_later_figure_counts(nlp):
    c = claims(nlp, "Before the count, the number of Ozari refugees who had reached the camps had been estimated at about 60,000.")
    assert c["about 60,000"]["counted"] == "Ozari refugees"
    c = claims(nlp, "A review cut the number of Ozari refugees in the camps by 20 per cent.")
    assert c["20 per cent"]["counted"] == "Ozari refugees"


def test_a_partitive_followed_by_a_function_word_names_no_noun(nlp):
    c = claims(nlp, "Peru registered over 80,000 refugees, over 9,000 of them since May alone.")
    assert c["over 9,000"]["counted"] == "refugees"


def test_an_article_naming_no_year_is_placed_by_a_date_given_with_its_weekday():
    import datetime as dt
    today = dt.date(2026, 12, 7)
    # 3 March fell on a Tuesday in 2026 and 2020: the latest up to today
    assert latest_named_date("The talks opened on Tuesday (3 March).", today) == "2026-03-03"
    # 9 December was last a Tuesday in 2025
    assert latest_named_date("The talks opened on Tuesday, 9 December.", today) == "2025-12-09"
    assert latest_named_date("The talks opened on 3 March.", today) is None


def test_it_includes_names_parts_and_a_list_of_parts_shares_the_whole(nlp):
    text = ("A hospital survey puts Marovo's dead at up to 90,000. It includes 20,000 to 30,000 victims "
            "of air raids, 40,000 deaths from hunger and more than 10,000 further deaths.")
    c = claims(nlp, text)
    whole = (c["up to 90,000"]["start"], c["up to 90,000"]["end"])
    assert c["20,000 to 30,000"]["part_of"] == c["40,000"]["part_of"] == c["more than 10,000"]["part_of"] == whole


def test_a_figure_joined_to_one_about_a_side_is_about_that_side(nlp):
    text = ("Along the river about 140 Ozari soldiers were killed in combat for Peru and 960 have been hurt, "
            "the agency said. Ozari units have since left the valley.")
    c = claims(nlp, text)
    assert c["about 140"]["subject"] == c["960"]["subject"] == "Ozari"


def test_a_span_between_two_months_is_a_period(nlp):
    c = claims(nlp, "From June to August, 870 Ozari soldiers deserted, the ministry said.")
    assert c["870"]["scope"] == "period: From June to August"


def test_each_part_of_a_toll_keeps_the_measure_its_own_words_give(nlp):
    c = claims(nlp, "The army had lost 9,400 soldiers, including 3,100 killed, 5,900 wounded and 400 missing.")
    assert (c["3,100"]["measure"], c["5,900"]["measure"]) == ("killed", "wounded")
    assert c["3,100"]["part_of"] == c["5,900"]["part_of"] == (c["9,400"]["start"], c["9,400"]["end"])


def test_a_kind_said_of_the_people_by_a_copula_is_what_is_counted():
    from kursk_claims.pipeline import build_pipeline

    nlp = build_pipeline()
    got = {c["text"]: c for c in nlp("The regiment's roll shows 7,100 men - had been convicts - among "
                                     "its dead. About 4,000 men were conscripts, the Ozari army said.")._.claims}
    assert got["7,100"]["counted"] == "convicts"
    assert got["About 4,000"]["counted"] == "conscripts"


def test_a_capitalised_word_of_a_title_case_headline_is_no_place(nlp):
    got = {c["text"]: c for c in nlp("Around 300 Tamaru Fighters Killed in Mountain Assault, Valley Towns Say\n\n"
                                     "The mountain assault went on until dawn.")._.claims}
    assert got["Around 300"]["place"] is None


def test_a_source_labels_date_dates_its_fact_sheet_line():
    text = ("Flood response, Marovo\nPublished: 28 April 2021\n\nKEY FIGURES\n\n"
            "1.1 MILLION - Homes without clean water in Marovo, Tamba and Ozar (Relief Office - March 2020)\n")
    from kursk_claims.io.articles import Article
    from kursk_claims.run.extract import extract_article

    got = {c.text: c for c in extract_article(build_pipeline(), Article(key="fs.txt", text=text, published="2021-04-28"))}
    assert got["1.1 MILLION"].as_of == "2020-03-15" and got["1.1 MILLION"].dated == "sentence"


def test_an_earlier_estimate_of_a_total_is_of_an_unstated_earlier_moment_and_now_is_now(nlp):
    got = {c["text"]: c for c in nlp("The agency revised an earlier estimate of 9,500 displaced. If Chile "
                                     "had 300 tanks when the war began, it now has 2,000, he said.")._.claims}
    assert got["9,500"]["earlier"] and not got["2,000"]["earlier"]


def test_a_count_joined_by_and_counts_what_the_one_before_counts(nlp):
    got = {c["text"]: c for c in nlp("About 12,000 died in the siege. In truth it was about 9,000 former "
                                     "convicts and 2,000 hired mercenaries. Separately, about 900 convicts "
                                     "were killed and 200 mercenaries were wounded.")._.claims}
    assert got["2,000"]["measure"] == got["about 9,000"]["measure"] == "killed"
    assert got["200"]["measure"] == "wounded"  # a word of its own
    assert got["2,000"]["what"] == "killed" and got["2,000"]["figure"] == got["about 9,000"]["figure"]


def test_a_verb_after_the_second_of_two_joined_counts_tells_of_both(nlp):
    got = claims(nlp, "Rojas says that some 4,000 conscripts and 1,500 volunteers died near Tamba.")
    assert got["some 4,000"]["measure"] == got["1,500"]["measure"] == "killed"
    assert got["some 4,000"]["what"] == "killed"


def test_a_share_with_an_article_before_half_is_read_with_its_cue(nlp):
    got = claims(nlp, "By May, roughly the half of the town's residents had fled, the envoy said. "
                      "In the second half of the year 300 were killed.")
    assert got["roughly the half"]["value"] == 50 and got["roughly the half"]["measure"] == "share"
    assert set(got) == {"roughly the half", "300"}  # "the second half" is no figure


def test_an_adjective_after_a_noun_is_the_head_of_the_phrase(nlp):
    got = claims(nlp, "Families buried 300 war dead last week. The shelling left 40 residents dead.")
    assert got["300"]["counted"] == "war dead"
    assert got["40"]["counted"] == "residents"  # after a noun of people the adjective is a predicate


def test_a_share_counts_the_kind_its_copula_names_and_a_count_restating_it_counts_them(nlp):
    got = claims(nlp, "Some 9,800 fighters died in the siege, of whom 30 % were reservists by one count "
                      "and 70 %, or 6,860, by another.")
    assert got["30 %"]["counted"] == got["70 %"]["counted"] == "reservists"
    assert got["6,860"]["counted"] == "reservists" and got["6,860"]["measure"] == "killed"
    assert got["6,860"]["figure"] == "total"


def test_a_part_that_takes_its_wholes_measure_takes_its_kind_of_figure(nlp):
    got = claims(nlp, "According to the ministry, the raids killed 210 people, 40 children and 31 women among "
                      "them, and wounded 900 others.")
    for part in ("40", "31"):
        assert got[part]["measure"] == got[part]["what"] == "killed"
        assert got[part]["figure"] == got["210"]["figure"]


def test_losses_of_two_kinds_joined_after_a_figure_are_casualties(nlp):
    got = claims(nlp, "Monitors say about 7,000 militia fighters were wounded, killed or captured. "
                      "Over 200 were killed and 500 wounded.")
    assert got["about 7,000"]["measure"] == "casualties"
    assert got["Over 200"]["measure"] == "killed" and got["500"]["measure"] == "wounded"


def test_a_day_word_right_after_a_speech_verb_dates_the_statement_not_a_period(nlp):
    got = {c["text"]: c for c in nlp("The historian said today that some 9,000 people died in the siege. "
                                     "Officials said 40 people were killed today.")._.claims}
    assert got["some 9,000"]["scope"] is None
    assert got["40"]["scope"] == "period: today"


def test_a_places_fall_or_a_sieges_length_says_a_battle_is_over():
    assert battle_over(war_over("Since the fall of Tamba, the militia has regrouped."))
    assert battle_over(war_over("Once the town had fallen, officials counted the dead."))
    assert battle_over(war_over("Over the eight-month siege, 3,000 died."))
    assert not battle_over(war_over("Some 9,000 died in the two-year war."))
    assert war_over("The fall of Tamba would mean a rout.") is None  # a fall that has not happened
    assert war_over("Fighting for the capture of the ridge goes on.") is None


def test_a_battles_end_makes_its_own_totals_final_not_those_of_the_war(nlp):
    text = ("After the fall of Tamba, the militia said 4,200 of its fighters had died in the battle. "
            "It said 9,000 had died since March, and 31,000 over the whole war. The army has lost "
            "52,000 soldiers in all. In the siege, 4,500 fighters were killed, a rival said.")
    got = {c.text: c for c in extract_article(nlp, Article("a.txt", text))}
    assert got["4,200"].war_over == got["4,500"].war_over == "After the fall of Tamba"
    assert got["52,000"].war_over is None  # a toll whose sentence names no battle: maybe the whole war's
    after = {c.text: c for c in extract_article(nlp, Article("b.txt", "Since the fall of Tamba, the army has "
                                                                     "lost 5,000 soldiers in the east."))}
    assert after["5,000"].war_over is None  # counted from the fall: the war goes on
    assert got["9,000"].war_over is None  # counted from a named start: the war goes on
    assert got["31,000"].war_over is None  # the whole war's


def test_a_word_before_a_tally_noun_says_whose_toll_it_is(nlp):
    got = claims(nlp, "The agency lowered its estimate of civilian deaths in Tamba to 40,000. "
                      "The death toll rose to 300.")
    assert got["40,000"]["counted"] == "civilian deaths"
    assert got["300"]["counted"] == "death toll"  # an article is no such word
    got = claims(nlp, "Tamba suffered losses of 5,000 in a week. Military casualties reached 900.")
    assert got["5,000"]["counted"] == "losses"  # a verb says nothing of whose toll it is
    assert got["900"]["counted"] == "Military casualties"


def test_what_a_fight_cost_a_side_is_its_losses_and_the_buried_are_dead(nlp):
    got = claims(nlp, "The war has cost Ozar 18,000 soldiers in all. The repairs cost 300 dollars. "
                      "The siege cost the militia some 4,500 dead. Records list 7,300 fighters buried after it.")
    assert got["18,000"]["measure"] == "casualties"
    assert got["300 dollars"]["measure"] == "money"
    assert got["some 4,500"]["measure"] == "killed"  # what it cost them, said after the figure
    assert got["7,300"]["measure"] == "killed"


def test_one_settlement_named_before_a_figure_is_no_count_of_settlements(nlp):
    got = claims(nlp, "Thousands have left the town since June, and 9,000 are still there. "
                      "The army took the villages near Tamba; 12 were razed.")
    assert got["9,000"]["measure"] != "settlements"
    assert got["12"]["measure"] == "settlements"  # the villages: a figure may count them


def test_a_toll_of_those_who_died_in_the_war_is_the_whole_wars(nlp):
    got = claims(nlp, "Chad's army says 34,000 of its soldiers have died in the war. "
                      "It says 2,900 died in the siege of the town.")
    assert got["34,000"]["place"] == "war"
    assert got["2,900"]["place"] != "war"


def test_the_length_of_a_war_in_days_or_weeks_says_it_is_over():
    assert war_over("Some 2,841 servicemen were killed in the 44-day war.") == "44-day war"
    assert war_over("On day 3 of the war, 40 died.") is None


def test_what_a_share_says_of_its_people_is_part_of_what_it_is(nlp):
    got = claims(nlp, "Since the truce, over 80 percent of displaced families have returned. Some 60% of "
                      "residents in the camps have left. About half of the dead were reservists.")
    assert got["over 80 percent"]["what"] == "share:returned"
    assert got["Some 60%"]["what"] == "share:left"
    assert got["About half"]["what"] == "share" and got["About half"]["counted"] == "reservists"


def test_people_driven_from_their_homes_are_displaced(nlp):
    got = claims(nlp, "The fighting has uprooted 40,000 people, and driven 9,000 more from their homes in Tarma.")
    assert got["40,000"]["measure"] == "displaced"
    assert got["9,000"]["measure"] == "displaced"


def test_a_figure_with_a_verb_of_its_own_does_not_take_the_measure_before_it(nlp):
    got = claims(nlp, "Floodwater has displaced 70,000 people in Tarma, the agency said, and 2.1 million people "
                      "remain short of food, though the number of displaced keeps rising.")
    assert got["70,000"]["measure"] == "displaced"
    assert got["2.1 million"]["measure"] != "displaced"


def test_a_tally_said_again_has_the_side_of_the_tally_told_before(nlp):
    text = ("Mines laid by Ozar militiamen near Tarma killed 31 Chilean deminers in March. "
            "In April the 31 dead were honoured in a state funeral.")
    got = [c for c in nlp(text)._.claims if c["text"] == "31"]
    assert [c["subject"] for c in got] == ["Chile", "Chile"]


def test_a_share_of_a_named_group_takes_the_verb_at_the_end_of_its_clause(nlp):
    got = claims(nlp, "Officials think up to 900 of the prisoners the militia enlisted last year have been killed.")
    assert got["up to 900"]["measure"] == "killed"


def test_hostages_held_and_hostages_taken_are_two_quantities(nlp):
    got = claims(nlp, "Kidnappers seized 90 hostages from a convoy in March. Officials say 41 hostages are still held "
                      "near Tarma.")
    assert got["90"]["what"] == "captured:taken"
    assert got["41"]["what"] == "captured:held"
    got = claims(nlp, "In the exchange last month 57 captives were handed over to Peruvian officials.")
    assert got["57"]["what"] == "captured:released"


def test_the_side_that_struck_is_neither_whose_nor_where_the_dead_are(nlp):
    text = ("The Ozar Liberation Front (OLF) denied any part in it. Chile says more than 900 people died in the "
            "OLF attack on its border posts.")
    got = claims(nlp, text)
    assert got["more than 900"]["place"] != "Ozar Liberation Front"
    assert got["more than 900"]["subject"] != "Ozar Liberation Front"


def test_a_places_whole_population_is_a_count_of_its_people(nlp):
    c = claims(nlp, "Roughly half of Tarma's 4.1 million population were uprooted by the fighting.")
    assert c["4.1 million"]["measure"] == "people"


def test_people_taken_out_by_bus_or_boat_are_displaced(nlp):
    c = claims(nlp, "About 8,200 residents were bussed out of the besieged port, and 600 were ferried out by sea.")
    assert c["About 8,200"]["measure"] == c["600"]["measure"] == "displaced"


def test_a_time_or_a_verb_after_the_counted_noun_ends_it(nlp):
    c = claims(nlp, "The navy launched 88 drones late Sunday. Some 2,000 raiders broke through the line. "
                    "The unit keeps 12 early warning radars.")
    assert c["88"]["counted"] == "drones" and c["Some 2,000"]["counted"] == "raiders"
    assert c["12"]["counted"] == "early warning radars"


def test_the_same_period_is_a_period(nlp):
    c = claims(nlp, "Over the same period, medics recorded 19 dead among the farm workers.")
    assert c["19"]["scope"] == "period: Over the same period"


def test_people_displaced_inside_their_country_and_those_who_left_it_are_apart(nlp):
    c = claims(nlp, "Since 2019 some 2.2 million Peruvians have fled the country to seek safety. Officials count 3.4 million "
                    "who were displaced inside the country.")
    assert c["some 2.2 million"]["what"] == "displaced:abroad"
    assert c["3.4 million"]["what"] == "displaced:internal"


def test_a_fact_sheets_label_says_what_its_figure_counts(nlp):
    c = claims(nlp, "At a glance\n\n- Killed in Oruro province: 212; wounded: 640\n")
    assert c["212"]["measure"] == "killed" and c["640"]["measure"] == "wounded"


def test_a_fact_sheets_label_names_who_its_figure_counts_before_the_measure(nlp):
    c = claims(nlp, "By the numbers\n\n- Militia volunteers wounded in the hills: 48\n- Casualty figure: 31\n")
    assert c["48"]["counted"] == "Militia volunteers" and c["48"]["measure"] == "wounded"
    assert c["31"]["counted"] is None  # a label that names no measure names no one counted


def test_a_figure_whose_noun_acts_counts_the_doers_not_the_dead_after_them(nlp):
    c = claims(nlp, "Before dawn some 2,000 raiders crossed the river near the mill, killing about 90 guards.")
    assert c["some 2,000"]["measure"] != "killed"
    assert c["about 90"]["measure"] == "killed"


def test_a_list_lines_label_naming_an_event_makes_its_figures_that_events_toll(nlp):
    c = claims(nlp, "Summary\n\n- Worst ambush: the Oruro road, 9 June – 23 killed\n- Deaths recorded: 410\n")
    assert c["23"]["scope"] == "period: Worst ambush"
    assert c["410"]["scope"] is None  # a label that names no event: a running total


def test_a_day_after_a_tallys_verb_dates_the_total_but_bounds_a_days_dead(nlp):
    c = claims(nlp, "The siege of Oruro began in March. The toll there climbed to 2,350 yesterday. "
                    "Separately, 31 miners were killed yesterday in a landslide.")
    assert c["2,350"]["scope"] is None
    assert c["31"]["scope"] == "period: yesterday"


def test_a_day_after_a_verb_of_loss_bounds_that_days_toll_and_a_heading_event_kills(nlp):
    c = claims(nlp, "Rebel shelling kills 14 in Oruro market\n\nOfficials in the capital said on Monday that 2,900 people "
                    "had died since March. Nine more miners were killed on Sunday night near the pass.")
    assert c["14"]["scope"] == "period: Rebel shelling kills"
    assert c["2,900"]["scope"] == "period: since March"
    assert c["Nine"]["scope"] == "period: on Sunday night"


def test_what_a_place_was_built_to_hold_is_its_capacity_not_a_toll(nlp):
    c = claims(nlp, "The field clinic in Oruro, built to hold 40 patients, was treating more than 130 wounded miners.")
    assert c["40"]["measure"] == "capacity"
    assert c["more than 130"]["measure"] == "wounded"
