"""Whose a figure is, and the parties an article introduces: each rule on sentences of our own,
about invented wars and places, so that no rule can lean on a name of any corpus."""
import pytest

from kursk_claims.pipeline import build_pipeline
from kursk_claims.reading import names, whose


@pytest.fixture(scope="module")
def nlp():
    return build_pipeline()


def claims(nlp, text):
    return {c["text"]: c for c in nlp(text)._.claims}


# --- parties the text introduces ------------------------------------------------------------

def test_a_name_before_a_word_for_fighters_is_a_party_of_its_own():
    text = "Ozarian militants shelled the pass. Later, Ozarian fighters held the ridge."
    assert names.discovered(text)["Ozarian"] == "Ozarian"


def test_a_name_with_a_military_of_its_own_is_a_party_though_also_a_place():
    text = "Fighting in Upper Tarvo went on. Upper Tarvo's defence ministry said the line held."
    assert names.discovered(text)["Upper Tarvo"] == "Upper Tarvo"


def test_the_last_part_of_a_joined_name_said_alone_is_the_same_party():
    text = ("Fighting in Alto-Verano went on. Alto-Verano's defence ministry said the line held. "
            "Verano officials said 40 had died; Verano's ombudsman agreed.")
    assert names.discovered(text)["Verano"] == "Alto-Verano"


def test_a_group_named_after_its_kind_is_a_party():
    text = 'The mercenary group "Velt" recruited more men. Velt said the front held.'
    assert names.discovered(text)["Velt"] == "Velt"


def test_a_name_defined_with_an_acronym_and_a_group_head_is_a_party():
    text = "The Marsh Liberation Front (MLF) took the town. The MLF said it lost 40 men."
    found = names.discovered(text)
    assert found["MLF"] == found["Marsh Liberation Front"] == "Marsh Liberation Front"


def test_a_countrys_own_force_defined_with_an_acronym_is_that_country():
    text = "The Armed Forces of Ukraine (AFU) said the line held."
    assert names.discovered(text)["AFU"] == "Ukraine"


def test_an_agency_defined_with_an_acronym_is_no_party():
    text = "The Office for Refugee Affairs (ORA) counted 4,000 arrivals."
    assert "ORA" not in names.discovered(text)


def test_a_place_is_no_party_even_before_a_word_for_troops():
    text = "Fighting went on in Dornik. Dornik troops were seen near Dornik on Monday."
    assert "Dornik" not in names.discovered(text)


def test_a_capitalised_common_word_is_no_party():
    text = "Special forces landed. Special forces left. The special forces unit was small."
    assert "Special" not in names.discovered(text)


def test_countries_and_their_adjectives_are_known_for_any_war():
    forms = names.known_party_forms()
    assert forms["Lebanese"] == "Lebanon"
    assert forms["Eritrean"] == "Eritrea"
    assert forms["Ethiopia's"] == "Ethiopia"


# --- whose, from the figure's own clause -----------------------------------------------------

def test_the_attacker_of_a_loss_is_not_whose_the_dead_are(nlp):
    c = claims(nlp, "Bolivian air strikes on Peru killed 40 people on Monday.")
    assert c["40"]["subject"] == "Peru"


def test_killed_by_a_side_leaves_that_side_out(nlp):
    c = claims(nlp, "At least 25 civilians in Peru were killed by Bolivian shelling.")
    assert c["At least 25"]["subject"] == "Peru"


def test_the_speakers_own_fighters(nlp):
    text = "Ozarian militants attacked. The Ozarian commander said 300 of his fighters had died."
    c = claims(nlp, text)
    assert c["300"]["subject"] == "Ozarian"


def test_the_side_that_speaks_is_not_whose_the_figure_is(nlp):
    c = claims(nlp, "The Bolivian government said Peru lost 1,200 soldiers in May.")
    assert c["1,200"]["subject"] == "Peru"


def test_a_country_inside_a_proper_name_is_no_side(nlp):
    text = "Fighting spread in Ozar. (Peru Point News) At least 60 people were killed in Ozar."
    c = claims(nlp, text)
    assert c["At least 60"]["subject"] != "Peru"


def test_the_region_inside_a_countrys_possessive(nlp):
    text = "Aid reached towns in Ozar on Monday. Over 2,000 people were displaced in Peru's Ozar region."
    c = claims(nlp, text)
    assert c["Over 2,000"]["subject"] == "Ozar"


# --- whose, from the article around it -------------------------------------------------------

def test_an_article_without_a_side_in_the_clause_takes_its_main_subject(nlp):
    text = ("Floods across Peru leave thousands homeless\n\n"
            "Rescuers in Peru searched the valley.\n\n"
            "About 4,000 people have been housed in schools, officials said.")
    c = claims(nlp, text)
    assert c["About 4,000"]["subject"] == "Peru"
    assert c["About 4,000"]["inferred"] == ["subject"]


def test_a_read_subject_is_not_marked_inferred(nlp):
    c = claims(nlp, "Peru lost 1,200 soldiers in May, the ministry said.")
    assert c["1,200"]["subject"] == "Peru"
    assert not c["1,200"].get("inferred")


def test_main_subject_leaves_attackers_out():
    text = ("Bolivian strikes hit Peru\n\nBolivian strikes and Bolivian drones hit towns in Peru. "
            "Bolivian missiles fell on Peru's capital.")
    assert whose.main_subject(text) == "Peru"


def test_a_supranational_body_is_whose_a_figure_only_in_its_counted_phrase(nlp):
    c = claims(nlp, "Four UN peacekeepers were wounded near the border.")
    assert c["Four"]["subject"] == "United Nations"
    c = claims(nlp, "A Peruvian diplomat who led the African Union's mediation said an estimated 6,000 people were killed.")
    assert c["an estimated 6,000"]["subject"] != "African Union"


def test_a_bodys_headquarters_city_does_not_stand_for_it():
    from kursk_claims.reading.names import bodies, known_party_forms

    forms = known_party_forms()
    assert "African Union" in bodies() and forms.get("Addis Ababa") == "Ethiopia"
    assert forms.get("New York") != "United Nations"


def test_the_attacker_is_not_the_side_of_a_breakdown_of_the_dead(nlp):
    c = claims(nlp, "Chadian strikes killed 40 people, 12 of them children.")
    assert c["12"]["subject"] != "Chad" and c["40"]["subject"] != "Chad"
    c = claims(nlp, "Officials said 400 Peruvian soldiers were killed, 12 of them officers.")
    assert c["12"]["subject"] == c["400"]["subject"] == "Peru"


def test_a_name_that_takes_group_into_itself_is_a_party(nlp):
    c = claims(nlp, "The Ozar Group has fought since May. Officials said 400 soldiers of the Ozar Group were killed.")
    assert c["400"]["subject"] == "Ozar"


def test_a_possessed_loss_before_the_figure_is_the_possessors_side(nlp):
    c = claims(nlp, "Speaking to a Peruvian podcast host, Ozar Group founder Ivan Petrov put his losses "
                    "at 7,500 volunteers. The Ozar Group has fought since May.")
    assert c["7,500"]["subject"] == "Ozar" and not c["7,500"].get("inferred")
    c = claims(nlp, "The Peruvian army put its own death toll at 300.")
    assert c["300"]["subject"] == "Peru"


def test_a_figure_joined_to_another_keeps_the_side_its_own_noun_names(nlp):
    c = claims(nlp, "At least 1,200 people have died in Bolivia, along with 60 Peruvian marines.")
    assert c["60"]["subject"] == "Peru" and c["At least 1,200"]["subject"] == "Bolivia"


def test_it_has_lost_is_the_speakers_own_loss(nlp):
    c = claims(nlp, "The Peruvian military says it has lost 35 soldiers near the coast since Monday.")
    assert c["35"]["subject"] == "Peru"


def test_where_people_on_the_move_go_is_not_whose_they_are(nlp):
    c = claims(nlp, "Families kept leaving Bolivia. By Friday more than 41,000 displaced people had crossed into Peru.")
    assert c["more than 41,000"]["subject"] != "Peru"


def test_where_troops_are_sent_is_not_whose_they_are(nlp):
    c = claims(nlp, "Peru sent at least 3,000 more troops to Bolivia, officials say.")
    assert c["at least 3,000"]["subject"] == "Peru"
    c = claims(nlp, "Losses to Peruvian forces reached 4,000 casualties.")
    assert c["4,000"]["subject"] == "Peru"


def test_the_side_that_destroys_equipment_is_not_whose_it_is(nlp):
    assert claims(nlp, "Peruvian strikes destroyed 54 tanks near the border.")["54"]["subject"] != "Peru"
    assert claims(nlp, "Peru lost 54 tanks near the border.")["54"]["subject"] == "Peru"


def test_the_other_side_of_a_fight_is_not_whose_the_dead_are(nlp):
    text = ("The Peruvian health minister said 4,000 people had died in the clashes between the Ozar Front "
            "and Bolivia.")
    assert claims(nlp, text)["4,000"]["subject"] != "Bolivia"
    text = "Peru counted more than 2,600 dead in its war with Bolivia."
    assert claims(nlp, text)["more than 2,600"]["subject"] != "Bolivia"


def test_a_sides_adjective_before_a_place_noun_names_a_place(nlp):
    text = "Peruvian officers said 300 Chilean soldiers died in the hills, near the eastern Bolivian town."
    assert claims(nlp, text)["300"]["subject"] == "Chile"


def test_a_sentence_that_opens_on_a_place_names_where_the_loss_is(nlp):
    c = claims(nlp, "The damage is vast. In Peru, 300 homes were destroyed and 40 people were killed.")
    assert c["40"]["subject"] == "Peru" and "subject" not in (c["40"].get("inferred") or [])


def test_where_refugees_arrived_is_not_whose_they_are(nlp):
    c = claims(nlp, "Officials said 6,300 Chilean refugees had arrived in eastern Peru by May.")
    assert c["6,300"]["subject"] == "Chile"
    c = claims(nlp, "Officials said some 6,300 refugees had arrived in eastern Peru by May.")
    assert "subject" in (c["some 6,300"].get("inferred") or [])  # not read from its clause


def test_figures_listed_before_one_verb_share_it_and_each_keeps_its_place(nlp):
    c = claims(nlp, "Some 800,000 people in Peru and 31,000 people in Chile have been displaced.")
    assert c["Some 800,000"]["measure"] == c["31,000"]["measure"] == "displaced"
    assert c["Some 800,000"]["subject"] == "Peru" and c["31,000"]["subject"] == "Chile"


def test_a_region_named_after_a_countrys_possessive_is_where_the_loss_is(nlp):
    c = claims(nlp, "Researchers think 50,000 people died in northern Peru's Marovo region.")
    assert c["50,000"]["subject"] == "Marovo"


def test_a_body_is_no_place_of_a_loss_and_no_side_named_after_a_figure(nlp):
    text = ("Speaking at a forum in the European Union, Ana Ruiz put the dead of the war at 8,000 people.")
    assert claims(nlp, text)["8,000"]["subject"] != "European Union"


def test_a_share_of_a_force_is_not_whose_a_place_named_by_an_adjective_is(nlp):
    c = claims(nlp, "Chile has lost more than half of the force it sent to the Peruvian region.")
    assert c["more than half"]["subject"] == "Chile"
    c = claims(nlp, "Chile holds about half of the Peruvian territory it seized.")
    assert c["about half"]["subject"] == "Peru"  # whose land it is


def test_the_group_points_back_to_the_armed_group_named_before(nlp):
    text = ("Ozar militants shelled a port on Monday, and Ozar militants fired rockets at Peru. "
            "Since May the group has fired over 900 rockets at Peruvian towns, the army said. "
            "Two sources said the group believes about 1,300 of its fighters were killed.")
    c = {x["text"]: x for x in nlp(text)._.claims}
    assert c["over 900"]["subject"] == "Ozar"
    assert c["about 1,300"]["subject"] == "Ozar"


def test_a_title_case_headline_starts_no_proper_name_at_each_capital(nlp):
    text = ("Ozar Has Lost Some 6,000 Fighters Over The Winter, Rojas Admits\n\n"
            "The Ozar chief spoke on Monday, and Ozar fighters still held the town.")
    c = {x["text"]: x for x in nlp(text)._.claims}
    assert c["Some 6,000"]["subject"] == "Ozar"


def test_a_region_named_with_its_country_is_what_the_article_is_about():
    text = ("Fighting in Peru's Marovo region\n\nShelling hit Peru's Marovo region again, and aid "
            "stayed blocked in Marovo. Peru's government said the roads were closed.")
    assert whose.main_subject(text) == "Marovo"
    # a person named after a country's possessive is no region of it
    text = "Peru votes\n\nPeru's Rojas spoke on Monday. Peru's Rojas said Peru was calm. Chile watched."
    assert whose.main_subject(text) == "Peru"


def test_a_place_whose_people_are_counted_is_whose_they_are(nlp):
    c = claims(nlp, "The governor said the Marovo region's 1.2 million residents were without power.")
    assert c["1.2 million"]["subject"] == "Marovo region"
    c = claims(nlp, "Until the floods, Marovo had been a town of some 31,500 inhabitants.")
    assert c["some 31,500"]["subject"] == "Marovo"
    c = claims(nlp, "Chile's shelling has made Marovo, a town of about 9,000 people before the war, a ruin.")
    assert c["about 9,000"]["subject"] == "Marovo"


def test_people_on_the_move_are_whose_their_origin_is(nlp):
    c = claims(nlp, "Two camps near the Chilean coast now shelter 12,830 refugees from Marovo; a third "
                    "takes in roughly 2,950 refugees from Ozar's southern region of Tamba.")
    assert c["12,830"]["subject"] == "Marovo"
    assert c["roughly 2,950"]["subject"] == "Tamba"


def test_a_country_inside_a_bodys_name_and_a_credit_line_do_not_make_the_main_subject():
    text = ("Chile sends $40 million to avert hunger in Marovo\n\n"
            "SANTIAGO - Chile is sending food to farmers in Marovo, where the harvest failed. "
            "\"Hunger in Marovo is spreading,\" the Chile Agency for Relief said. "
            "(Reporting by Ana Diaz in Santiago, Chile; Editing by Luis Soto in Lima)")
    assert whose.main_subject(text) == "Marovo"


def test_the_people_of_a_place_named_with_its_possessive_are_whose_they_are(nlp):
    c = claims(nlp, "Chile's troops arrived as nearly 70 percent of Marovo's population went without "
                    "food; the army works in Marovo.")
    assert c["nearly 70 percent"]["subject"] == "Marovo"
    # a person's possessive names no place
    c = claims(nlp, "About 30 percent of the general's people were lost, Peru said.")
    assert c["About 30 percent"]["subject"] != "general"


def test_a_name_said_to_be_an_armed_group_in_an_apposition_is_a_party():
    text = ("Banners in Tamaru colours hung in the square. Analysts who follow Tamaru, an "
            "Andean-backed militant group that fights Peru, say Tamaru has regrouped.")
    assert names.discovered(text).get("Tamaru") == "Tamaru"
    # a rights group is no side of the fight
    text = "Veritas, a human rights group based in Lima, said Veritas had counted the dead."
    assert "Veritas" not in names.discovered(text)


def test_a_group_pointer_nearer_the_figure_than_any_named_side_wins(nlp):
    text = ("Tamaru, an Andean-backed militant group, lost its second base in May. Diplomats in Lima "
            "who met Peru's envoy think the group now counts about 900 dead. Tamaru has not confirmed it.")
    c = claims(nlp, text)
    assert c["about 900"]["subject"] == "Tamaru"


def test_people_who_crossed_from_a_region_named_with_its_country_are_that_regions(nlp):
    c = claims(nlp, "Some 700 people crossed from Peru's Marovo region on foot, border guards said, most "
                    "of them women.")
    assert c["Some 700"]["subject"] == "Marovo"


def test_a_share_restated_as_a_count_beside_it_is_about_the_same_people(nlp):
    c = claims(nlp, "Chile's aid arrived as nearly 70 percent of Marovo's population - about 2 million "
                    "people - went without food in Marovo.")
    assert c["about 2 million"]["subject"] == c["nearly 70 percent"]["subject"] == "Marovo"


def test_out_of_names_a_source_not_whose_the_people_are(nlp):
    text = ("Ozar fighters advanced. Records show that the group Ozar had recruited just under 5,000 "
            "convicts out of the Chilean penal institutions.")
    assert claims(nlp, text)["just under 5,000"]["subject"] == "Ozar"


def test_a_sides_adjective_before_a_prison_names_a_place_not_whose_the_people_are(nlp):
    text = "About a third of those killed in the siege had served sentences in Chilean jails, the report said."
    assert claims(nlp, text)["About a third"]["subject"] != "Chile"


def test_a_part_whose_whole_comes_right_after_it_is_of_the_wholes_side(nlp):
    text = ("Marovo votes\n\nMarovo is calm. Rojas said more than 900 thousand of the Tamba region's "
            "1 million 200 thousand residents had left since May.")
    c = claims(nlp, text)
    part, whole = c["more than 900 thousand"], c["1 million 200 thousand"]
    assert part["subject"] == whole["subject"] == "Tamba region"
    assert part["counted"] == "residents"
    assert part["part_of"] == (whole["start"], whole["end"])
    # with a measure of its own, the part is the killed among those sent, no part of their count
    c = claims(nlp, "Rojas says at least 3,800 of the roughly 12,000 Ozari troops sent to help Peru have "
                    "been killed or wounded.")
    assert c["at least 3,800"]["measure"] == "casualties"
    assert c["roughly 12,000"]["measure"] == "deployed"
    assert not c["at least 3,800"].get("part_of")


def test_a_side_named_as_a_place_after_the_figure_is_not_whose_it_is(nlp):
    c = claims(nlp, "Sixteen rescuers were wounded when shells fell on a depot a few miles from the "
                    "Chilean border.")
    assert c["Sixteen"]["subject"] != "Chile"


def test_people_who_left_a_place_are_whose_its_people_are(nlp):
    text = ("Chile votes\n\nChile is calm. Aid goes on, he said, and more than a million people have left "
            "the Tamba region since the war began.")
    assert claims(nlp, text)["more than a million"]["subject"] == "Tamba"


def test_people_in_a_line_labelled_with_a_place_are_that_places(nlp):
    text = ("Marovo: about 2,100 residents refuse to leave, says Chilean governor\n\n"
            "Shelling went on in Marovo on Monday.")
    assert claims(nlp, text)["about 2,100"]["subject"] == "Marovo"


def test_his_men_are_the_side_the_person_named_leads(nlp):
    text = ("Luis Rojas, whose Chilean brigade held the pass for a month, wrote in his memoir that "
            "Peruvian estimates were right and that more than 2,000 of his men died.")
    assert claims(nlp, text)["more than 2,000"]["subject"] == "Chile"
    assert whose._leaders("Chilean commander Luis Rojas spoke.") == {"Rojas": "Chile"}


def test_a_datelines_country_is_where_the_report_was_filed_not_whose_the_dead_are(nlp):
    text = ("Ferry sinks\n\nLIMA, Peru (Wire) — More than 40 sailors were killed when a mine holed their patrol "
            "boat in Chile's northern waters, the navy said on Friday.")
    assert claims(nlp, text)["More than 40"]["subject"] == "Chile"
    assert whose.main_subject("Clash\n\nLIMA, Peru (Wire) — Fighting went on in Chile, where Chile's army said …") == "Chile"


def test_the_side_that_takes_people_in_is_where_they_are_not_whose_they_are(nlp):
    c = claims(nlp, "Officials said Peru hosts about 300,000 Chilean refugees in camps along the border.")
    assert c["about 300,000"]["place"] == "Peru"
    assert c["about 300,000"]["subject"] == "Chile"


def test_an_acronym_and_the_name_it_abbreviates_are_one_party():
    text = ("NDF fighters shelled the town. The National Defence Front later said NDF units had taken the hill.")
    assert names.discovered(text)["National Defence Front"] == "NDF"


def test_the_dead_of_an_attack_are_not_the_attackers_but_the_countrys(nlp):
    """The article is mostly about the militia; the villagers it killed are Chile's people."""
    text = ("Militia raid kills 60\n\nAt dawn 60 villagers were killed in a raid by Chile's paramilitary Ozar "
            "Liberation Front, medics said. OLF fighters later withdrew. The OLF denied it. "
            "The OLF has held the hills in Chile since May, and the OLF runs the border crossings.")
    assert whose.main_subject(text) == "OLF"
    assert claims(nlp, text)["60"]["subject"] == "Chile"


def test_a_relative_clause_set_off_by_commas_says_nothing_of_the_figure_after_it(nlp):
    text = "Peru's civil strife, which Chilean mediators tried to end in May 2019, has now left 4 million people homeless."
    c = claims(nlp, text)["4 million"]
    assert c["subject"] == "Peru"
    assert c["date_ref"] is None


def test_the_place_where_an_operation_goes_on_is_not_whose_the_dead_are():
    text = "Officials say 150 people died during the army's sweep operation in Chile."
    fig = (text.index("150"), text.index("150") + 3)
    assert whose.where_a_war_is(text, text.index("Chile"))
    assert whose.place_of_loss(text, (0, len(text)), fig) is None
    assert whose.place_of_loss("Officials say 150 people died in Chile.", (0, 39), fig) == "Chile"


def test_the_army_speaks_of_its_own_soldiers(nlp):
    text = ("The Peruvian army pressed on into the hills.\n\nRebels said they had held the pass. "
            "In its weekly bulletin the army listed 240 soldiers as killed since the spring.")
    assert claims(nlp, text)["240"]["subject"] == "Peru"
    assert whose.army_pointed_at("No army here. The army said 9 soldiers died.", 14, 30) is None
    # the army named with its side, after reports of the other side's dead
    text = ("Chilean shelling killed 31 people in Arica on Monday, the city's mayor said.\n\n"
            "The Peruvian military said 52 soldiers had been killed since the offensive opened.")
    assert claims(nlp, text)["52"]["subject"] == "Peru"


def test_a_side_accused_in_a_clause_joined_by_and_is_not_whose_the_dead_are(nlp):
    text = "The opposition says at least 700 civilians died in Tarma this month and accused Chile of arming the gunmen."
    assert claims(nlp, text)["at least 700"]["subject"] != "Chile"


def test_a_civil_authority_named_after_any_side_counts_its_own_people(nlp):
    text = "Chilean troops fought rebels near the border on Monday, as the health ministry in Peru said 40 people had been killed."
    assert claims(nlp, text)["40"]["subject"] == "Peru"
    text = "Medics in the Chile-run zone said 75 people had been killed."
    assert not (claims(nlp, text)["75"].get("scope") or "").startswith("place")  # who runs it is no place


def test_a_side_speaking_of_the_dead_of_the_other_sides_attack_counts_its_own(nlp):
    text = ("Chilean jets pounded Tacna for a second week, and Peruvian officials said 400 Peruvians had been killed.\n\n"
            "According to Chile, the Peruvian attack on the border towns left more than 1,400 people dead.")
    assert claims(nlp, text)["more than 1,400"]["subject"] == "Chile"
    text = ("Peruvian officials said 400 Peruvians had been killed.\n\n"
            "Chilean strikes alone have killed around 900 civilians, a UK-based monitor says.")
    assert claims(nlp, text)["around 900"]["subject"] != "United Kingdom"


def test_a_heading_opens_a_new_entry_the_side_before_goes_no_further(nlp):
    text = ("Peru live: shelling goes on\n\n14:05 GMT\nArmy reports losses\n"
            "The Chilean army said 52 soldiers had been killed in Peru.\n\n"
            "13:10 GMT\nToll passes 900\nMedics in Lima said more than 900 Peruvians had died.\n")
    assert claims(nlp, text)["passes 900"]["subject"] != "Chile"


def test_the_dead_on_both_sides_are_all_sides(nlp):
    text = "By the envoy's count, about 3,000 have been killed on both sides since the talks collapsed."
    assert claims(nlp, text)["about 3,000"]["subject"] == "all sides"


def test_a_sentence_opening_on_a_sides_name_makes_its_figures_that_sides(nlp):
    c = claims(nlp, "The border war between Peru and Bolivia dragged on. On the Peruvian side, 140 farmers "
                             "were killed, Bolivian officials said.")
    assert c["140"]["subject"] == "Peru"


def test_dead_said_to_be_on_the_speakers_side_are_the_speakers(nlp):
    c = claims(nlp, "The Peruvian navy shelled the Titicaca shore for a week, Peru said. Bolivian officials report "
                    "that 61 fishermen were killed on their side.")
    assert c["61"]["subject"] == "Bolivia" and "subject" not in (c["61"].get("inferred") or [])


def test_a_side_that_confirms_soldiers_lost_speaks_of_its_own(nlp):
    c = claims(nlp, "Peruvian gunboats shelled the coast at dawn, Lima said. Peru lost two boats.\n\n"
                    "Bolivia confirms 6 soldiers killed\n")
    assert c["6"]["subject"] == "Bolivia"
    c = claims(nlp, "Peruvian gunboats shelled the coast at dawn, Lima said. Peru lost two boats.\n\n"
                    "Bolivia admits 8 soldiers killed\n")
    assert c["8"]["subject"] == "Bolivia"
