"""Conflict rules on hand-built claims: each kind, each slot of the quantity frame, and each
thing that is not a conflict (with the reason ``--explain`` gives for it)."""
import sys
from dataclasses import fields, replace

import pytest

from kursk_claims.comparing.conflicts import (distinct_statements, explain, figure_kind, find_conflicts, group_claims,
                                    not_compared, slips)
from kursk_claims.core.records import Claim

_n = iter(range(10**6))
DAY = "2024-11-04"


def claim(text, value=None, low=None, high=None, bound="exact", *, article=None, measure="deployed",
          subject="North Korea", counted="troops", unit=None, attribution=None, as_of=DAY, scope=None,
          what=None, figure=None, place=None, actor=None, dated=None, speaker=None, source=None, published=DAY):
    i = next(_n)
    if low is None and high is None and value is not None and bound == "exact":
        low = high = value
    return Claim(id=f"c{i}", article=article or f"art{i}.txt", start=0, end=len(text), text=text, value=value,
                 low=low, high=high, bound=bound, measure=measure, subject=subject, counted=counted, unit=unit,
                 attribution=attribution, as_of=as_of, scope=scope, source=source or f"Outlet {i}", what=what,
                 figure=figure, place=place, actor=actor, dated=dated, speaker=speaker, published=published)


def kinds(*claims):
    return sorted(c.kind for c in find_conflicts(claims))


def reasons(*claims):
    groups, skipped = group_claims(claims)
    return "\n".join(explain(groups, skipped))


# --- the three kinds ------------------------------------------------------------------

def test_conflicts_scale_slip_names_the_likely_slip():
    a = claim("12", 12, counted="soldiers")
    b = claim("about 12,000", 12000, 10800, 13200, "approx")
    c = claim("more than 11,000", 11000, 11000, None, "more_than")
    found = [x for x in find_conflicts([a, b, c]) if {x.a.id, x.b.id} == {a.id, b.id}]
    assert found[0].kind == "scale"
    assert found[0].suggestion == "12 -> 12,000?"
    assert found[0].severity >= 0.9
    assert "Outlet" in found[0].explanation


def test_conflicts_scale_slip_needs_the_same_leading_digits():
    assert kinds(claim("12", 12), claim("15,000", 15000)) == ["mismatch"]


def test_conflicts_bound_broken():
    assert kinds(claim("600,000", 600000, measure="casualties", subject="Russia", counted="casualties"),
                 claim("at least 700,000", 700000, 700000, None, "at_least", measure="casualties", subject="Russia",
                       counted="casualties")) == ["bound"]


def test_conflicts_mismatch_beyond_wording():
    assert kinds(claim("40 percent", 40, 38, 42, measure="share", unit="percent", counted="territory"),
                 claim("about half", 50, 45, 55, "approx", measure="share", unit="percent", counted="territory")) == ["mismatch"]


def test_conflicts_overlapping_intervals_agree():
    assert kinds(claim("10,000–12,000", None, 10000, 12000, "range"), claim("11,000", 11000, 10500, 11500)) == []


def test_conflicts_small_exact_counts_are_not_widened():
    """341 and 340 vehicles in two tallies of the same day disagree, whatever rounding allows."""
    a = claim("341", 341, 340.5, 341.5, measure="equipment", subject="Ukraine", counted="infantry fighting vehicles")
    b = claim("340", 340, 335, 345, measure="equipment", subject="Ukraine", counted="infantry fighting vehicles")
    assert kinds(a, b) == ["mismatch"]


# --- what is measured -------------------------------------------------------------------

def test_conflicts_different_measure_not_compared():
    assert kinds(claim("11,000", 11000), claim("300", 300, measure="killed")) == []


def test_conflicts_different_subject_not_compared():
    assert kinds(claim("11,000", 11000), claim("300", 300, subject="Russia")) == []


def test_conflicts_same_number_different_things():
    zones = claim("11", 11, measure=None, subject=None, counted="time zones")
    troops = claim("11,000", 11000)
    assert kinds(zones, troops) == []
    _, skipped = group_claims([zones])
    assert "measure" in skipped[0].reason


def test_conflicts_counted_classes_keep_units_apart():
    assert kinds(claim("three brigades", 3, counted="brigades"), claim("11,000 troops", 11000)) == []


def test_conflicts_equipment_classes_keep_tanks_and_guns_apart():
    tanks = claim("54 tanks", 54, measure="equipment", subject="Russia", counted="tanks")
    guns = claim("107 guns", 107, measure="equipment", subject="Russia", counted="guns and mortars")
    more_tanks = claim("90 main battle tanks", 90, measure="equipment", subject="Russia", counted="main battle tanks")
    assert kinds(tanks, guns) == []
    assert kinds(tanks, more_tanks) == ["mismatch"]


def test_conflicts_land_held_is_not_land_taken_nor_a_region_size():
    held = claim("500 km²", 500, measure="area", unit="km2", counted=None, subject=None, what="area:held", actor="Ukraine")
    taken = claim("1,300 km²", 1300, measure="area", unit="km2", counted=None, subject=None, what="area:taken", actor="Ukraine")
    size = claim("30,000 km²", 30000, measure="area", unit="km2", counted=None, subject=None, what="area:size")
    assert kinds(held, taken) == kinds(held, size) == kinds(taken, size) == []
    held_too = claim("900 km²", 900, measure="area", unit="km2", counted=None, subject=None, what="area:held", actor="Ukraine")
    assert kinds(held, held_too) == ["mismatch"]


def test_conflicts_land_of_different_sides_not_compared():
    """Ukraine holding 500 km² of Russia and Russia holding 20% of Ukraine are two quantities."""
    ua = claim("12%", 12, measure="share", unit="percent", counted="territory", subject=None, what="share:held", actor="Ukraine")
    ru = claim("20%", 20, measure="share", unit="percent", counted="territory", subject=None, what="share:held", actor="Russia")
    assert kinds(ua, ru) == []
    assert "Ukraine share:held" in reasons(ua, ru) and "Russia share:held" in reasons(ua, ru)
    unknown = claim("35%", 35, measure="share", unit="percent", counted="territory", subject=None, what="share:held")
    assert kinds(ua, unknown) == kinds(ru, unknown) == ["mismatch"]  # a side one figure does not name never blocks


def test_conflicts_a_share_of_land_is_not_a_share_of_a_force():
    land = claim("40 percent", 40, measure="share", unit="percent", counted="territory", subject=None)
    force = claim("half", 50, measure="share", unit="percent", counted="force", subject=None)
    assert kinds(land, force) == []


def test_conflicts_units_converted():
    km = claim("100 km²", 100, 95, 105, measure="area", counted="territory", unit="km2", what="area:held", subject=None)
    mi = claim("100 square miles", 100, 95, 105, measure="area", counted="territory", unit="sq_mi", what="area:held", subject=None)
    assert kinds(km, mi) == ["mismatch"]
    share = claim("40 percent", 40, measure="share", unit="percent", counted="territory")
    assert kinds(km, share) == []


# --- which kind of figure ---------------------------------------------------------------

def test_conflicts_change_is_never_compared_with_a_level():
    level = claim("11,000", 11000)
    change = claim("an additional 2,000", 2000, figure="change")
    assert kinds(level, change) == []
    other_change = claim("another 5,000", 5000, figure="change")
    assert kinds(change, other_change) == ["mismatch"]


@pytest.mark.parametrize("kind", ["plan", "ratio"])
def test_conflicts_plans_and_ratios_are_not_compared(kind):
    plan = claim("690,000", 690000, figure=kind, subject="Russia")
    level = claim("575,000", 575000, subject="Russia")
    assert kinds(plan, level) == []
    _, skipped = group_claims([plan])
    assert kind in skipped[0].reason


def test_conflicts_weekly_figure_is_not_a_total():
    assert kinds(claim("more than 1,000", 1000, 1000, None, "more_than", measure="casualties",
                       scope="period: in the past week alone"),
                 claim("about 300", 300, 270, 330, "approx", measure="casualties")) == []


def test_conflicts_figures_for_the_same_month_meet_whenever_written():
    """Land taken in August is a fixed quantity: two accounts of it disagree months apart."""
    a = claim("984 km²", 984, measure="area", unit="km2", counted=None, subject=None, what="area:taken",
              figure="period", scope="period: in August", as_of="2024-12-29", published="2024-12-29")
    b = claim("about 1,300 km²", 1300, 1170, 1430, "approx", measure="area", unit="km2", counted=None, subject=None,
              what="area:taken", figure="period", scope="period: Last August", as_of="2025-03-15", published="2025-03-15")
    assert kinds(a, b) == ["mismatch"]
    other_year = claim("about 1,300 km²", 1300, 1170, 1430, "approx", measure="area", unit="km2", counted=None,
                       subject=None, what="area:taken", figure="period", scope="period: in August 2023",
                       as_of="2023-09-01", published="2023-09-01")
    assert kinds(a, other_year) == []
    assert "different years" in reasons(a, other_year)


def test_conflicts_legacy_claims_take_their_kind_from_the_measure():
    assert figure_kind(claim("300", 300, measure="killed")) == "total"
    assert figure_kind(claim("11,000", 11000)) == "level"
    assert figure_kind(claim("50", 50, measure="killed", scope="period: in the past week")) == "period"


# --- when -------------------------------------------------------------------------------

def test_conflicts_later_higher_running_total_is_an_update():
    early = claim("300", 300, measure="killed", as_of="2024-01-01")
    late = claim("900", 900, measure="killed", as_of="2024-06-01")
    assert kinds(early, late) == []
    assert "an update" in reasons(early, late)
    late_lower = claim("100", 100, measure="killed", as_of="2024-09-01")
    assert kinds(early, late_lower) == ["mismatch"]


def test_conflicts_running_totals_days_apart_are_one_moment():
    """'some 300 killed' on Jan 14 and 'around 1,000 killed by mid-January' speak of one moment."""
    a = claim("some 300", 300, 270, 330, "approx", measure="killed", as_of="2025-01-14")
    b = claim("around 1,000", 1000, 900, 1100, "approx", measure="killed", as_of="2025-01-15")
    assert kinds(a, b) == ["mismatch"]


def test_conflicts_land_held_months_apart_is_not_a_conflict():
    aug = claim("1,000 km²", 1000, 950, 1050, measure="area", counted="territory", unit="km2", as_of="2024-08-20")
    nov = claim("600 km²", 600, 570, 630, measure="area", counted="territory", unit="km2", as_of="2024-11-05")
    assert kinds(aug, nov) == []
    assert "days apart" in reasons(aug, nov)
    same_week = claim("600 km²", 600, 570, 630, measure="area", counted="territory", unit="km2", as_of="2024-08-22")
    assert kinds(aug, same_week) == ["mismatch"]


def test_conflicts_undated_figures_meet_only_inside_their_article():
    a = claim("8,000", 8000, as_of=None, published=None)
    b = claim("12,000", 12000)
    assert kinds(a, b) == []
    assert "no known date" in reasons(a, b)
    same_article = claim("12,000", 12000, as_of=None, published=None, article=a.article, attribution="Pentagon")
    assert kinds(a, same_article) == ["mismatch"]


def test_conflicts_undated_land_totals_meet_each_other_with_a_warning():
    def retaken(text, value, low, high, bound, **kw):
        return claim(text, value, low, high, bound, measure="share", unit="percent", counted="territory",
                     subject=None, what="share:retaken", actor="Russia", **kw)

    a = retaken("40 percent", 40, 40, 40, "exact", as_of=None, published=None)
    b = retaken("about half", 50, 45, 55, "approx", as_of=None, published=None)
    (found,) = find_conflicts([a, b])
    assert "a date is unknown" in found.explanation and found.severity < 0.5
    dated = retaken("about half", 50, 45, 55, "approx")
    assert kinds(a, dated) == []
    assert "may be from before or after the dated one" in reasons(a, dated)


def test_conflicts_earlier_figures_of_unstated_date_are_not_compared():
    earlier = claim("nearly 1,400 km²", 1400, 1260, 1400, "at_most", measure="area", unit="km2", counted=None,
                    subject=None, what="area:held", actor="Ukraine", as_of=None, dated="earlier")
    now = claim("about 500 km²", 500, 450, 550, "approx", measure="area", unit="km2", counted=None, subject=None,
                what="area:held", actor="Ukraine", article=earlier.article)
    assert kinds(earlier, now) == []
    assert "earlier, unstated moment" in reasons(earlier, now)


def test_conflicts_one_article_telling_a_change_over_days_is_not_a_conflict():
    before = claim("about 8,000", 8000, 7200, 8800, "approx", article="x.txt", as_of="2024-10-28", attribution="US officials")
    after = claim("some 10,000", 10000, 9000, 11000, "approx", article="x.txt", as_of="2024-11-04", attribution="Pentagon")
    assert kinds(before, after) == []
    assert "the change it reports" in reasons(before, after)


def test_conflicts_undated_article_is_dated_by_the_statement_it_repeats():
    dated = claim("500 km²", 500, measure="area", unit="km2", counted=None, subject=None, what="area:held",
                  actor="Ukraine", attribution="Oleksandr Syrskyi", as_of="2025-02-14")
    echo = claim("500 km²", 500, measure="area", unit="km2", counted=None, subject=None, what="area:held",
                 actor="Ukraine", attribution="Syrsky", as_of=None, published=None)
    other = claim("one-third", 33.3, 28, 38, "approx", measure="share", unit="percent", counted="ground", subject=None,
                  what="share:held", actor="Ukraine", as_of=None, published=None, article=echo.article)
    same_day = claim("half", 50, measure="share", unit="percent", counted="land", subject=None, what="share:held",
                     actor="Ukraine", as_of="2025-02-14")
    found = find_conflicts([dated, echo, other, same_day])
    assert [(c.a.id, c.b.id) for c in found] == [(other.id, same_day.id)]
    assert "dated by the statement it repeats" in found[0].explanation


# --- who and where ----------------------------------------------------------------------

def test_conflicts_same_voice_in_one_article_is_not_a_conflict():
    a = claim("300", 300, article="x.txt", attribution="Kirby")
    b = claim("900", 900, article="x.txt", attribution="Kirby")
    assert kinds(a, b) == []
    assert "the same speaker in the same article" in reasons(a, b)
    c = claim("900", 900, article="x.txt", attribution="Gerasimov")
    assert kinds(a, c) == ["mismatch"]


def test_conflicts_speaker_key_decides_the_voice():
    a = claim("300", 300, article="x.txt", attribution="the spy agency", speaker="nis")
    b = claim("900", 900, article="x.txt", attribution="South Korea's National Intelligence Service", speaker="nis")
    assert kinds(a, b) == []


def test_conflicts_different_places_not_compared_unknown_place_matches():
    kursk = claim("about 8,000", 8000, 7200, 8800, "approx", place="Kursk")
    donetsk = claim("10,000", 10000, place="Donetsk")
    anywhere = claim("12,000", 12000)
    assert kinds(kursk, donetsk) == []
    assert "different places" in reasons(kursk, donetsk)
    (found,) = find_conflicts([kursk, anywhere])
    assert found.kind == "mismatch" and found.extra["confidence"] == "medium"
    assert found.extra["confidence_reasons"] == ["unknown place"]


def test_conflicts_a_place_inside_a_country_is_a_part():
    """8,000 in Kursk and 10,000 in Russia both hold; 12,000 in Kursk cannot, with 10,000 in all Russia."""
    kursk = claim("about 8,000", 8000, 7200, 8800, "approx", place="Kursk")
    russia = claim("10,000", 10000, place="Russia")
    assert kinds(kursk, russia) == []
    assert "a part smaller than its whole (kursk is inside russia)" in reasons(kursk, russia)
    too_many = claim("12,000", 12000, place="Kursk")
    (found,) = find_conflicts([too_many, russia])
    assert "a part larger than its whole" in found.explanation
    assert kinds(russia, claim("10,000", 10000, place="Ukraine")) == []  # two countries: two quantities


def test_conflicts_whole_war_is_not_one_operation():
    war = claim("more than 600,000", 600000, 600000, None, "more_than", measure="casualties", subject="Russia",
                place="war")
    operation = claim("almost 40,000", 40000, 34000, 40000, "at_most", measure="casualties", subject="Russia",
                      place="operation")
    kursk = claim("about 12,000", 12000, 10800, 13200, "approx", measure="casualties", subject="Russia", place="Kursk")
    anywhere = claim("about 12,000", 12000, 10800, 13200, "approx", measure="casualties", subject="Russia")
    assert kinds(war, operation) == kinds(war, anywhere) == []
    assert kinds(operation, kursk) == ["mismatch"]


def test_conflicts_place_scope_still_flags_slips():
    whole = claim("about 40,000", 40000, 36000, 44000, "approx", measure="casualties", subject="Russia", place="Ukraine")
    kursk = claim("700", 700, measure="casualties", subject="Russia", scope="place: Kursk")
    assert kinds(whole, kursk) == []
    slip = claim("40", 40, measure="casualties", subject="Russia", scope="place: Kursk")
    assert kinds(whole, slip) == ["scale"]


def test_conflicts_too_vague_is_not_compared():
    assert kinds(claim("thousands", None, 2000, 99999, "vague"), claim("12", 12)) == []


# --- echoes, consensus, explain -------------------------------------------------------

def test_conflicts_echoes_fold_into_one_statement_and_count_once():
    """Three outlets repeat the NIS's 11,000; one says 12: one conflict, the consensus ignores the slip."""
    nis = [claim("11,000", 11000, 10500, 11500, attribution="NIS", speaker="nis") for _ in range(3)]
    other = claim("about 10,000", 10000, 9000, 11000, "approx", attribution="Pentagon")
    slip = claim("12", 12, attribution="Ukrinform")
    found = find_conflicts(nis + [other, slip])
    assert len(found) == 4  # every pair of mentions stays in JSON Lines
    folded = distinct_statements(found)
    assert [n for _, n in folded] == [3, 1]
    groups, _ = group_claims(nis + [other, slip])
    low, best, high = groups[0].consensus(slips(found))
    assert (low, high) == (10000, 11000) and best == 10500  # two statements, the slip left out


def test_conflicts_explain_says_why_a_pair_was_not_compared():
    a = claim("300", 300, article="x.txt", attribution="Kirby")
    b = claim("900", 900, article="x.txt", attribution="Kirby")
    groups, skipped = group_claims([a, b, claim("11", 11, measure=None)])
    lines = explain(groups, skipped)
    assert any("pair not compared: '300' vs '900': the same speaker" in line for line in lines)
    assert any(line.startswith("not compared: '11'") for line in lines)


def test_conflicts_not_compared_names_a_reason_for_every_kept_pair():
    claims = [claim("300", 300, article="x.txt", attribution="Kirby"),
              claim("900", 900, article="x.txt", attribution="Kirby", as_of="2024-11-05"),
              claim("8,000", 8000, place="Kursk"), claim("12,000", 12000, place="Russia"),
              claim("5,000", 5000, as_of=None, published=None)]
    groups, _ = group_claims(claims)
    flagged = {frozenset((c.a.id, c.b.id)) for c in find_conflicts(claims, groups, max_per_claim=None)}
    g = groups[0]
    for a in g.entries:
        for b in g.entries:
            if a is not b and a.high < b.low:
                assert (frozenset((a.claim.id, b.claim.id)) in flagged) != bool(not_compared(a, b, g))


# --- the code's shape -----------------------------------------------------------------

def test_conflicts_never_import_spacy():
    import subprocess

    code = "import sys, kursk_claims.comparing.conflicts, kursk_claims.core.records; sys.exit('spacy' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_conflicts_large_group_is_output_sensitive():
    many = [claim(f"{v}", v, v * 0.97, v * 1.03) for v in range(10000, 10400)]
    assert find_conflicts(many) == []  # every interval overlaps every other
    outlier = claim("10", 10)
    found = find_conflicts(many + [outlier], max_per_claim=None)
    assert len(found) == 400 and {c.kind for c in found} == {"scale"}
    capped = find_conflicts(many + [outlier], max_per_claim=10)
    assert len(capped) == 10 and all(outlier.id in (c.a.id, c.b.id) for c in capped)
    groups, _ = group_claims(many)
    assert len(groups) == 1 and len(groups[0].entries) == 400


@pytest.mark.parametrize("measure", ["deployed", "killed"])
def test_conflicts_index_sweep_finds_what_checking_every_pair_finds(monkeypatch, measure):
    """Large groups are swept in date order over an index of intervals: with no cap it finds
    exactly the pairs that checking every pair above each figure finds (levels and totals)."""
    import datetime as dt
    import random

    import kursk_claims.comparing.conflicts as conflicts

    rng = random.Random(7)
    start = dt.date(2024, 1, 1)
    claims = []
    for i in range(300):
        v = rng.choice([1000, 1000, 1000, 1500, 3000, 12])
        v = round(v * rng.uniform(0.95, 1.05)) or 1
        day = (start + dt.timedelta(days=rng.randrange(90))).isoformat()
        claims.append(claim(f"{v}", v, v, v, measure=measure, as_of=day, published=day, attribution=f"speaker {i % 9}"))
    (group,), _ = group_claims(claims)

    def pairs():
        return {(c.a.id, c.b.id, c.kind) for c in conflicts.conflicts_in(group, None)}

    monkeypatch.setattr(conflicts, "_SMALL_GROUP", 10**9)
    every_pair = pairs()
    monkeypatch.setattr(conflicts, "_SMALL_GROUP", 0)
    swept = pairs()
    assert swept == every_pair and len(swept) > 300


# --- issue 18: same quantity, time, parts, confidence ------------------------------------

def read(c: Claim, **keys) -> Claim:
    """The claim as the reader writes it with the slots it filled from context (``inferred``)
    and what a breakdown is a part of (``part_of``)."""
    return Claim(**{**{f.name: getattr(c, f.name) for f in fields(Claim)}, **keys})


def only(*claims):
    (c,) = find_conflicts(claims)
    return c


def test_same_quantity_unknown_subject_lowers_confidence_instead_of_deciding():
    known = claim("8,000", 8000)
    unknown = claim("12,000", 12000, subject=None)
    c = only(known, unknown)  # whose the 12,000 is is unknown: it may be another side's
    assert c.kind == "mismatch" and c.extra["confidence"] == "low"
    assert c.extra["confidence_reasons"] == ["unknown subject"]
    also_unknown = claim("8,000", 8000, subject=None)
    c = only(also_unknown, unknown)
    assert c.extra["confidence"] == "medium" and c.extra["confidence_reasons"] == ["neither subject known"]
    other = claim("12,000", 12000, subject="Russia")
    assert kinds(known, other) == []  # two known subjects that differ: two quantities


def test_same_quantity_no_counted_noun_and_no_subject_is_still_compared_with_low_confidence():
    whole = claim("300", 300, measure="killed", counted="soldiers", as_of="2025-01-10")
    bare = claim("16,000", 16000, measure="killed", subject=None, counted=None, as_of="2025-01-10")
    c = only(whole, bare)
    assert c.extra["confidence"] == "low"
    assert set(c.extra["confidence_reasons"]) == {"unknown subject", "unknown counted"}
    land = claim("35%", 35, measure="share", unit="percent", counted="territory", subject=None, what="share:held")
    held = claim("12%", 12, measure="share", unit="percent", counted="territory", subject=None, what="share:held",
                 actor="Ukraine")
    assert only(land, held).extra["confidence_reasons"] == ["unknown side"]


def test_same_quantity_a_noun_naming_no_class_meets_every_class_with_a_doubt():
    toll = claim("the toll of 900", 900, measure="killed", counted="toll")
    troops = claim("300 soldiers", 300, measure="killed", counted="soldiers")
    c = only(toll, troops)
    assert c.extra["confidence_reasons"] == ["counted noun names no class"]


def test_same_quantity_inferred_slots_lower_confidence():
    a = claim("8,000", 8000)
    b = read(claim("12,000", 12000), inferred=["subject", "measure"])
    c = only(a, b)
    assert c.extra["confidence_reasons"] == ["inferred measure", "inferred subject"]
    assert c.extra["confidence"] == "medium"


def test_same_quantity_old_records_without_inferred_or_part_of_still_work():
    a, b = claim("8,000", 8000), claim("12,000", 12000)
    assert not hasattr(a, "part_of") or a.part_of is None
    assert only(a, b).extra["confidence"] == "high"


def test_disagree_vague_amount_is_a_confidence_reason():
    c = only(claim("several hundred", None, 200, 900, "vague", measure="killed"),
             claim("more than 3,000", 3000, 3000, None, "more_than", measure="killed"))
    assert c.extra["confidence_reasons"] == ["vague amount 'several hundred'"]


# --- parts and wholes --------------------------------------------------------------------

def test_parts_a_subset_class_smaller_than_its_whole_is_no_conflict():
    children = claim("50 children", 50, measure="killed", counted="children", subject="Lebanon")
    everyone = claim("558 people", 558, measure="killed", counted="people", subject="Lebanon")
    assert kinds(children, everyone) == []
    assert "a part smaller than its whole (children are a part of people)" in reasons(children, everyone)


def test_parts_civilian_deaths_above_all_deaths_conflict():
    civilians = claim("between 300,000 and 400,000 civilian casualties", None, 300000, 400000, "range",
                      measure="killed", counted="civilian deaths", subject="Ethiopia")
    everyone = claim("80,000-100,000 people", None, 80000, 100000, "range", measure="killed", counted="people",
                     subject="Ethiopia")
    c = only(civilians, everyone)
    assert c.kind == "mismatch" and "a part larger than its whole (civilians are a part of people)" in c.explanation


def test_parts_soldiers_are_a_part_of_the_people_killed_and_a_toll_holds_civilians():
    soldiers = claim("76 soldiers", 76, measure="killed", counted="soldiers", subject="Valdoria")
    people = claim("558 people", 558, measure="killed", counted="people", subject="Valdoria")
    assert kinds(soldiers, people) == []  # the soldiers are among the people killed
    assert "a part smaller than its whole" in reasons(soldiers, people)
    more = claim("900 soldiers", 900, measure="killed", counted="soldiers", subject="Valdoria")
    assert kinds(more, people) == ["mismatch"]  # more soldiers dead than people
    # against a lost 'thousand', an army's 'people' may be its soldiers themselves
    slipped = claim("4", 4, measure="killed", counted="soldiers", subject="Valdoria")
    army = claim("about 4,000 people", 4000, 3600, 4400, "approx", measure="killed", counted="people", subject="Valdoria")
    assert "scale" in kinds(slipped, army)
    children = claim("76 children", 76, measure="killed", counted="children", subject="Valdoria")
    assert kinds(children, people) == []  # children are a part of the people killed
    women = claim("94 women", 94, measure="killed", counted="women", subject="Israel")
    toll = claim("a toll of 90", 90, measure="killed", counted="toll", subject="Israel")
    assert kinds(women, toll) == ["mismatch"]  # the women counted in a toll cannot outnumber it


def test_parts_a_breakdown_is_never_a_conflict_for_being_smaller():
    whole = claim("558", 558, measure="killed", counted="people", subject="Lebanon", article="x.txt")
    part = read(claim("50", 50, measure="killed", counted="people", subject="Lebanon", article="y.txt"),
                part_of="558 killed")
    assert kinds(part, whole) == []
    assert "a breakdown of a whole" in reasons(part, whole)
    other_breakdown = read(claim("94", 94, measure="killed", counted="people", subject="Lebanon"), part_of="the injured")
    assert kinds(part, other_breakdown) == []
    assert "breakdowns of different wholes" in reasons(part, other_breakdown)


def test_parts_equipment_of_one_kind_is_a_part_of_all_equipment():
    tanks = claim("54 tanks", 54, measure="equipment", subject="Russia", counted="tanks")
    equipment = claim("340 units of equipment", 340, measure="equipment", subject="Russia", counted="units of equipment")
    assert kinds(tanks, equipment) == []
    too_many = claim("400 tanks", 400, measure="equipment", subject="Russia", counted="tanks")
    assert kinds(too_many, equipment) == ["mismatch"]


# --- time --------------------------------------------------------------------------------

def test_time_a_running_total_growing_faster_than_time_allows_is_a_conflict():
    early = claim("about 400", 400, 360, 440, "approx", measure="killed", as_of="2024-09-20")
    late = claim("more than 2,500", 2500, 2500, None, "more_than", measure="killed", as_of="2024-09-25")
    c = only(early, late)
    assert c.kind == "bound" and "competing estimates, not an update" in c.explanation
    update = claim("about 500", 500, 450, 550, "approx", measure="killed", as_of="2024-09-25")
    assert kinds(early, update) == []
    first_dead = claim("three", 3, measure="killed", as_of="2024-09-20")
    assert kinds(first_dead, late) == []  # the first few dead are no trend yet
    months_later = claim("more than 2,500", 2500, 2500, None, "more_than", measure="killed", as_of="2024-12-25")
    assert kinds(early, months_later) == []
    assert "an update" in reasons(early, months_later)


def test_time_growth_bound_is_per_measure():
    from kursk_claims.comparing.time import growth_allowed

    assert growth_allowed("area", 7) > growth_allowed("killed", 7) >= 2.0
    assert growth_allowed("killed", 14) == pytest.approx(growth_allowed("killed", 7) ** 2)


def test_time_undated_figure_is_placed_by_its_article_date():
    dated = claim("8,000", 8000, as_of="2024-11-04")
    placed = claim("12,000", 12000, as_of=None, published="2024-11-05")
    c = only(dated, placed)
    assert c.extra["confidence_reasons"] == ["placed by its article's date"]
    far = claim("12,000", 12000, as_of=None, published="2025-06-01")
    assert kinds(dated, far) == []


def test_time_an_unplaceable_level_conflicts_only_where_it_would_at_any_date():
    dated = claim("8,000", 8000)
    nowhere = claim("12,000", 12000, as_of=None, published=None)
    assert kinds(dated, nowhere) == []
    assert "at some plausible date the two figures agree" in reasons(dated, nowhere)
    slip = claim("12", 12, as_of=None, published=None)
    assert kinds(slip, claim("12,000", 12000)) == ["scale"]  # a lost 'thousand' conflicts at every date


def test_time_periods_only_meet_the_same_period():
    week = claim("1,000", 1000, measure="killed", figure="period", scope="period: in the past week")
    month = claim("300", 300, measure="killed", figure="period", scope="period: in the past month")
    assert kinds(week, month) == []
    same_week = claim("3,000", 3000, measure="killed", figure="period", scope="period: in the past week")
    assert kinds(week, same_week) == ["mismatch"]


# --- confidence on the command line and in --explain ----------------------------------

def test_confidence_filter_keeps_high_and_medium_by_default(tmp_path):
    import json

    from typer.testing import CliRunner

    from kursk_claims.cli import app

    rows = [claim("8,000", 8000), claim("12,000", 12000),  # high
            claim("20,000", 20000, subject=None, counted=None, place="Kursk")]  # low against both
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(c.to_dict()) + "\n" for c in rows))
    runner = CliRunner()

    def levels(*args):
        out = runner.invoke(app, ["conflicts", str(path), "-f", "jsonl", *args]).stdout
        return sorted(json.loads(line)["confidence"] for line in out.splitlines())

    assert levels() == ["high"]
    assert levels("--confidence", "low") == ["high", "low", "low"]
    assert levels("--confidence", "high") == ["high"]
    r = runner.invoke(app, ["conflicts", str(path), "--confidence", "sure"])
    assert r.exit_code == 2


def test_explain_names_the_confidence_of_reported_pairs_and_the_reason_of_the_rest():
    a, b = claim("8,000", 8000), claim("12,000", 12000, place="Kursk")
    groups, skipped = group_claims([a, b])
    lines = explain(groups, skipped, reported=find_conflicts([a, b]))
    assert any("reported: '8,000' vs '12,000': confidence medium (unknown place)" in line for line in lines)
    lines = explain(groups, skipped, reported=[])
    assert any("left out by" in line and "--confidence" in line for line in lines)


# --- consensus -----------------------------------------------------------------------------

def test_consensus_is_of_one_moment_each_statement_once_parts_and_slips_left_out():
    from kursk_claims.comparing.consensus import consensus

    old = claim("5,000", 5000, as_of="2024-10-01")
    now = [claim("11,000", 11000, attribution="NIS", speaker="nis") for _ in range(3)]
    now.append(claim("about 12,000", 12000, 10800, 13200, "approx", attribution="Pentagon"))
    part = read(claim("3,000", 3000), part_of="the 11,000")
    (g,), _ = group_claims([old, part, *now])
    low, best, high, moment = consensus(g)
    assert (low, best, high) == (11000, 11500, 12000) and moment.isoformat() == DAY
    assert g.consensus() == (11000, 11500, 12000)


# --- shape -----------------------------------------------------------------------------------

def test_comparing_modules_stay_small_and_never_import_reading():
    from pathlib import Path

    import kursk_claims.comparing as comparing

    for path in Path(comparing.__file__).parent.glob("*.py"):
        text = path.read_text()
        assert len(text.splitlines()) <= 600, path
        assert "reading" not in [line.split()[1].lstrip(".").split(".")[0] for line in text.splitlines()
                                 if line.startswith(("from .", "import "))], path


def test_same_quantity_a_country_against_no_stated_place_is_no_doubt():
    """An unscoped figure is the country's; a town or region against it is a doubt."""
    country = claim("12,000", 12000, place="Russia")
    unscoped = claim("8,000", 8000)
    assert only(country, unscoped).extra["confidence_reasons"] == []
    region = claim("12,000", 12000, place="Kursk")
    assert only(region, unscoped).extra["confidence_reasons"] == ["unknown place"]


def test_time_an_undated_total_whose_article_names_a_later_day_is_the_later_one():
    earlier = claim("9,000", 9000, measure="killed", counted="soldiers", as_of="2025-03-01", published="2025-03-01")
    undated = read(claim("6,000", 6000, measure="killed", counted="soldiers", as_of=None, published=None),
                   not_before="2025-05-10")
    assert kinds(earlier, undated) == ["mismatch"]  # a later, lower running total
    unplaced = claim("6,000", 6000, measure="killed", counted="soldiers", as_of=None, published=None)
    assert kinds(earlier, unplaced) == []  # it may be from before the 9,000
    later_higher = read(claim("12,000", 12000, measure="killed", counted="soldiers", as_of=None, published=None),
                        not_before="2025-03-20")
    assert kinds(earlier, later_higher) == []  # placed after the 9,000: an update


def test_time_an_undated_level_meets_a_dated_one_no_earlier_than_the_day_its_article_names():
    dated = claim("11,000", 11000, as_of="2025-03-10", published="2025-03-10")
    undated = read(claim("3,000", 3000, as_of=None, published=None), not_before="2025-03-01")
    c = only(dated, undated)
    assert c.kind == "mismatch" and any(r.startswith("undated") for r in c.extra["confidence_reasons"])
    too_early = claim("11,000", 11000, as_of="2025-01-10", published="2025-01-10")
    assert kinds(too_early, undated) == []  # the undated article is of March or later


def test_parts_shares_of_the_dead_and_of_those_killed_have_one_base():
    half = claim("about half", 50, bound="approx", low=45, high=55, measure="share", counted="killed", unit="percent",
                 subject="Valdoria", figure="level")
    most = claim("88%", 88, measure="share", counted="dead", unit="percent", subject="Valdoria", figure="level")
    assert kinds(half, most) == ["mismatch"]


def test_a_share_or_a_sum_that_does_not_say_what_it_is_of_is_not_compared():
    funded = claim("30%", 30, measure="share", counted=None, unit="percent", subject="Valdoria", figure="level")
    renting = claim("some 55%", 55, bound="approx", low=50, high=60, measure="share", counted=None, unit="percent",
                    subject="Valdoria", figure="level")
    assert kinds(funded, renting) == []
    assert "does not say what it is of" in reasons(funded, renting)
    received = claim("$80 million", 80e6, measure="money", counted=None, unit="USD", subject="Valdoria")
    appealed = claim("$600 million", 600e6, measure="money", counted=None, unit="USD", subject="Valdoria")
    assert kinds(received, appealed) == []


def test_people_counted_by_a_noun_of_no_known_class_are_compared_with_low_confidence():
    followers = claim("19,000", 19000, measure="killed", counted="Ozar-followers", subject="Ozar")
    fighters = claim("30,000", 30000, measure="killed", counted="fighters", subject="Ozar")
    c = only(followers, fighters)
    assert c.extra["confidence"] == "low" and "counted noun of no known class" in c.extra["confidence_reasons"]
    drones = claim("300 drones", 300, measure="equipment", counted="drones", subject="Ozar")
    tanks = claim("900 tanks", 900, measure="equipment", counted="tanks", subject="Ozar")
    assert kinds(drones, tanks) == []  # equipment of no known class is still another class


def test_shares_of_them_count_what_the_figure_before_counts():
    from kursk_claims.pipeline import build_pipeline

    nlp = build_pipeline()
    got = {c["text"]: c["counted"] for c in nlp("The colonel put his losses at 6,000 men, but said only half of them "
                                                "had been conscripts.")._.claims}
    assert got["half"] == "men"
    got = {c["text"]: c["counted"] for c in nlp("The army buried 4,210 soldiers, of whom 30 % were reservists by "
                                                "the minister's count and 60 % by the mayor's.")._.claims}
    assert got["30 %"] == got["60 %"] == "reservists"  # "of whom 30 % were reservists": the kind is counted


def test_parts_the_dead_are_a_part_of_the_casualties():
    dead = claim("more than 3,000 soldiers", 3000, None, None, "more_than", measure="killed", counted="soldiers",
                 subject="Valdoria")
    losses = claim("about 1,000 soldiers", 1000, 900, 1100, "approx", measure="casualties", counted="soldiers",
                   subject="Valdoria")
    c = only(dead, losses)  # more dead than dead and wounded together cannot both be true
    assert "a part larger than its whole (the killed are a part of the casualties)" in c.explanation
    fewer_dead = claim("400 soldiers", 400, measure="killed", counted="soldiers", subject="Valdoria")
    assert kinds(fewer_dead, losses) == []
    assert "a part smaller than its whole (the killed are a part of the casualties)" in reasons(fewer_dead, losses)
    held = claim("5,000 soldiers", 5000, measure="captured", counted="soldiers", subject="Valdoria")
    assert kinds(held, losses) == []  # no measure holds the other


def test_parts_of_one_toll_reported_twice_are_parts_of_one_whole():
    toll_a = claim("1,240", 1240, measure="killed", counted="people", subject="Ozar", article="a.txt")
    toll_b = claim("at least 1,240", 1240, None, None, "at_least", measure="killed", counted="people",
                   subject="Ozar", article="b.txt")
    women_a = read(claim("83", 83, measure="killed", counted="women", subject="Ozar", article="a.txt"),
                   part_of=toll_a.id)
    women_b = read(claim("38", 38, measure="killed", counted="women", subject="Ozar", article="b.txt"),
                   part_of=toll_b.id)
    assert kinds(toll_a, toll_b, women_a, women_b) == ["mismatch"]  # the two reports break down one toll
    other_toll = claim("600", 600, measure="killed", counted="people", subject="Ozar", article="c.txt")
    women_c = read(claim("12", 12, measure="killed", counted="women", subject="Ozar", article="c.txt"),
                   part_of=other_toll.id)
    assert "breakdowns of different wholes" in reasons(toll_a, other_toll, women_a, women_c)


def test_a_total_dated_by_the_latest_day_its_undated_article_names_says_so():
    dated = claim("2,000", 2000, measure="killed", counted="people", subject="Peru", as_of="2019-06-01",
                  published="2019-06-01", article="a.txt")
    undated = read(claim("900", 900, measure="killed", counted="people", subject="Peru", as_of=None, published=None,
                         article="b.txt"), not_before="2019-06-20")
    c = only(dated, undated)  # lower and no earlier than the other: the toll cannot have fallen
    assert "dated by the latest day its undated article names" in c.extra["confidence_reasons"]
    assert c.extra["confidence"] == "medium"
    unsure = read(claim("900", 900, measure="killed", counted=None, subject="Peru", as_of=None, published=None,
                        article="c.txt"), not_before="2019-06-20")
    c = only(dated, unsure)  # the page's day is a guess, and it counts no known class: low
    assert c.extra["confidence"] == "low"


def test_parts_a_counted_noun_narrowed_by_its_words_is_a_part_of_its_class():
    conscripts = claim("9,000 conscript soldiers", 9000, measure="killed", counted="conscript soldiers",
                       subject="Peru", as_of="2019-06-01")
    everyone = claim("more than 20,000 soldiers", 20000, None, None, "more_than", measure="killed",
                     counted="soldiers", subject="Peru", as_of="2019-06-01")
    assert kinds(conscripts, everyone) == []  # the conscripts are among the soldiers
    assert "a part smaller than its whole" in reasons(conscripts, everyone)
    more = claim("25,000 conscript soldiers", 25000, measure="killed", counted="conscript soldiers",
                 subject="Peru", as_of="2019-06-01")
    assert kinds(more, claim("20,000 soldiers", 20000, measure="killed", counted="soldiers", subject="Peru",
                             as_of="2019-06-01")) == ["mismatch"]  # more conscripts dead than soldiers
    volunteers = claim("3,000 volunteer soldiers", 3000, measure="killed", counted="volunteer soldiers",
                       subject="Peru", as_of="2019-06-01")
    assert kinds(volunteers, conscripts) == []  # two parts of one class: neither is the other
    assert kinds(claim("8,000 more soldiers", 8000, measure="killed", counted="more soldiers", subject="Peru"),
                 claim("20,000 soldiers", 20000, measure="killed", counted="soldiers", subject="Peru")) == ["mismatch"]


def test_totals_counted_from_two_different_starts_are_different_quantities():
    since_may = claim("9,000", 9000, measure="killed", counted="soldiers", subject="Peru", scope="period: since May",
                      figure="total")
    since_june = claim("20,000", 20000, measure="killed", counted="soldiers", subject="Peru",
                       scope="period: since June", figure="total")
    assert kinds(since_may, since_june) == []
    assert "totals counted from different starts (since may / since june)" in reasons(since_may, since_june)


def test_a_start_said_with_or_without_its_day_is_one_start():
    day_first = claim("300", 300, measure="killed", counted="soldiers", subject="Peru", scope="period: since 4 May",
                      figure="total", as_of="2019-06-01")
    month = claim("900", 900, measure="killed", counted="soldiers", subject="Peru", scope="period: since May",
                  figure="total", as_of="2019-06-01")
    assert kinds(day_first, month) == ["mismatch"]


def test_a_total_counted_from_a_day_of_the_week_is_a_part_of_one_from_no_named_start():
    days = claim("300", 300, measure="killed", counted="civilians", subject="Peru", scope="period: since Sunday night",
                 figure="total", as_of="2019-06-05")
    war = claim("2,000", 2000, measure="killed", counted="civilians", subject="Peru", figure="total", as_of="2019-06-01")
    assert kinds(days, war) == []  # a few days' toll, though later, is no fall of the whole
    assert "a part smaller than its whole" in reasons(days, war)
    more = claim("2,500", 2500, measure="killed", counted="civilians", subject="Peru", scope="period: since Sunday",
                 figure="total", as_of="2019-06-01")
    assert kinds(more, war) != []  # a part larger than its whole of the same day
    since_may = claim("300", 300, measure="killed", counted="civilians", subject="Peru", scope="period: since May",
                      figure="total", as_of="2019-06-01")
    assert kinds(since_may, war) != []  # of the same day, a month may be when the whole began


def test_internally_displaced_persons_are_idps():
    persons = claim("1.1 million", 1100000, measure="displaced", counted="internally displaced persons", subject="Peru")
    idps = claim("750,000", 750000, measure="displaced", counted="IDPs", subject="Peru")
    assert kinds(persons, idps) == ["mismatch"]


def test_parts_a_noun_for_a_kind_of_soldier_is_a_part_of_all_soldiers():
    conscripts = claim("9,000 conscripts", 9000, measure="killed", counted="conscripts", subject="Peru")
    soldiers = claim("more than 20,000 soldiers", 20000, None, None, "more_than", measure="killed",
                     counted="soldiers", subject="Peru")
    assert kinds(conscripts, soldiers) == []  # the conscripts are among the soldiers
    drafted = claim("13,000 conscript soldiers", 13000, measure="killed", counted="conscript soldiers", subject="Peru")
    assert kinds(conscripts, drafted) == ["mismatch"]  # one kind, said two ways
    held = claim("900 prisoners", 900, measure="captured", counted="prisoners", subject="Peru")
    taken = claim("2,000 soldiers", 2000, measure="captured", counted="soldiers", subject="Peru")
    assert kinds(held, taken) == ["mismatch"]  # the captured are prisoners of war, not a kind of soldier


def test_a_breakdown_by_a_class_its_whole_does_not_count_is_all_of_that_class():
    whole = claim("7,100 units", 7100, measure="equipment", counted="units of equipment", subject="Peru", article="a.txt")
    ifvs = read(claim("230 infantry fighting vehicles", 230, measure="equipment", counted="infantry fighting vehicles",
                      subject="Peru", article="a.txt"), part_of=whole.id)
    other = claim("310 infantry fighting vehicles", 310, measure="equipment", counted="infantry fighting vehicles",
                  subject="Peru", article="b.txt")
    assert kinds(whole, ifvs, other) == ["mismatch"]  # two counts of all of Peru's lost IFVs


def test_the_dead_on_the_battlefield_are_a_part_of_a_toll_that_names_no_place():
    field = claim("as many as 90,000", 90000, measure="killed", counted="people", subject="Ozar", place="battlefield")
    toll = claim("about 250,000", 250000, measure="killed", counted="people", subject="Ozar")
    assert kinds(field, toll) == []
    assert "a part of the whole toll" in reasons(field, toll)


def test_a_breakdown_by_a_measure_of_its_own_is_all_of_that_measure():
    early = claim("4,000", 4000, measure="casualties", counted="casualties", subject="Ozar", as_of="2025-01-20")
    dead_early = read(claim("about 1,100", 1100, low=990, high=1210, bound="approx", measure="killed", counted="soldiers",
                            subject="Ozar", as_of="2025-01-20"), part_of=early.id)
    late = claim("4,900", 4900, measure="casualties", counted="casualties", subject="Ozar", as_of="2025-04-20")
    dead_late = read(claim("600", 600, measure="killed", counted="deaths", subject="Ozar", as_of="2025-04-20"),
                     part_of=late.id)
    # the dead of two casualty counts are two counts of the dead: a later, lower total conflicts
    assert "mismatch" in kinds(early, dead_early, late, dead_late)


def test_the_dead_among_people_held_are_a_part_of_them_not_all_the_dead():
    held = claim("140 hostages", 140, measure="captured", counted="hostages", subject="Peru", as_of="2025-03-01")
    dead = read(claim("about 40", 40, low=36, high=44, bound="approx", measure="killed", counted="hostages",
                      subject="Peru", as_of="2025-03-01"), part_of=held.id)
    toll = claim("more than 200", 200, None, None, "more_than", measure="killed", subject="Peru", as_of="2025-03-01")
    assert kinds(held, dead, toll) == []  # the dead hostages are among all the dead
    assert "a part smaller than its whole" in reasons(held, dead, toll)


def test_a_slip_needs_both_figures_to_count_one_class():
    # "16 rescue workers wounded" against a toll of 16,204 wounded that names no one: a group
    # inside the toll, not a lost "thousand"
    workers = claim("16", 16, measure="wounded", subject="Peru", counted="rescue workers")
    toll = claim("16,204", 16204, measure="wounded", subject="Peru", counted=None)
    assert "scale" not in kinds(workers, toll)
    # one class on both sides still is
    assert kinds(claim("16", 16, measure="wounded", subject="Peru", counted="people"),
                 claim("16,204", 16204, measure="wounded", subject="Peru", counted="people")) == ["scale"]


def test_time_estimates_of_a_finished_wars_toll_are_one_number_whatever_their_days():
    kw = dict(measure="killed", counted="people", subject="Marovo", figure="total")
    # an undated article that says the war is over and names its end (November 2022), and a
    # later dated estimate: both are of the finished whole, so a higher later one is no update
    over = read(claim("90,000", 90000, as_of=None, published=None, **kw), not_before="2022-11-02",
                war_over="the peace deal was signed")
    later = claim("500,000", 500000, as_of="2023-01-15", published="2023-01-20", **kw)
    assert kinds(over, later) == ["mismatch"]
    # the same figures, with nothing saying the war is over: a later higher total is an update
    running = read(claim("90,000", 90000, as_of=None, published=None, **kw), not_before="2022-11-02")
    assert kinds(running, later) == []
    # a lower estimate from before the day the undated article names is of the war under way
    early = claim("50,000", 50000, as_of="2022-06-01", published="2022-06-01", **kw)
    assert kinds(over, early) == []


def test_a_towns_toll_is_a_part_of_a_toll_that_names_no_place():
    kw = dict(measure="casualties", subject="Peru", counted="soldiers", figure="total")
    town = claim("between 9,000 and 12,000", None, 9000, 12000, "range", scope="place: Marovo", place="Marovo", **kw)
    whole = claim("61,400", 61400, **kw)
    assert kinds(town, whole) == []  # smaller than the whole: a part
    larger = claim("between 90,000 and 120,000", None, 90000, 120000, "range", scope="place: Marovo",
                   place="Marovo", **kw)
    assert kinds(larger, whole) == ["mismatch"]  # a part larger than its whole
    # a region may be the whole theatre of a war: its toll stays a doubt, not a part
    region = claim("about 300", 300, 270, 330, "approx", scope="place: Tamba region", place="Tamba", **kw)
    assert only(region, claim("1,000", 1000, **kw)).extra["confidence_reasons"] == ["unknown place"]


def test_a_sides_toll_in_its_own_land_is_no_doubt_against_a_toll_that_names_no_place():
    kw = dict(measure="killed", subject="Tamba", counted="civilians", figure="total")
    own = claim("between 90,000 and 120,000", None, 90000, 120000, "range", scope="place: Tamba", place="Tamba", **kw)
    assert only(own, claim("300,000", 300000, **kw)).extra["confidence_reasons"] == []


def test_an_undated_finished_wars_total_meets_the_others_of_any_article():
    kw = dict(measure="killed", counted="people", subject="Tamba", figure="total", as_of=None, published=None)
    a = read(claim("some 50,000", 50000, 45000, 55000, "approx", **kw), war_over="the peace accord was signed")
    b = read(claim("over 90,000", 90000, 90000, None, "more_than", **kw), war_over="the three-year war")
    assert kinds(a, b) == ["bound"]
    # undated totals of a war no article calls over stay inside their own article
    assert kinds(claim("some 50,000", 50000, 45000, 55000, "approx", **kw),
                 claim("over 90,000", 90000, 90000, None, "more_than", **kw)) == []


def test_a_finished_wars_total_a_little_higher_may_add_the_deaths_after_the_end():
    kw = dict(measure="killed", counted="soldiers", subject="Tamba", figure="total")
    undated = read(claim("61", 61, as_of=None, published=None, **kw), war_over="since the truce took effect")
    dated = read(claim("63", 63, as_of="2025-06-01", published="2025-06-01", **kw), war_over="as the truce holds")
    assert kinds(undated, dated) == []
    far = read(claim("90", 90, as_of="2025-06-01", published="2025-06-01", **kw), war_over="as the truce holds")
    assert kinds(undated, far) == ["mismatch"]


def test_a_battles_final_toll_has_no_deaths_after_the_end():
    kw = dict(measure="killed", counted="fighters", subject="Tamba", figure="total", as_of=None, published=None)
    a = read(claim("9,600", 9600, **kw), war_over="after the fall of Marovo")
    b = read(claim("9,900", 9900, **kw), war_over="Once the city had fallen")
    assert kinds(a, b) == ["mismatch"]  # after a war a little higher may add later deaths; not after a battle
    c = read(claim("9,900", 9900, **kw), war_over="the two-year war")
    d = read(claim("9,600", 9600, **kw), war_over="since the truce took effect")
    assert kinds(c, d) == []


def test_an_undated_toll_above_a_final_one_conflicts_at_any_date():
    kw = dict(measure="killed", counted="convicts", subject="Tamba", figure="total")
    final = read(claim("4,000", 4000, as_of="2025-03-02", published="2025-03-03", **kw),
                 war_over="after the fall of Marovo")
    above = claim("about 7,000", 7000, 6300, 7700, "approx", as_of=None, published=None, **kw)
    c = only(final, above)  # before the end it could not pass the final figure; after, it is another estimate
    assert "undated: compared as if at any plausible date" not in c.extra["confidence_reasons"]
    # a final total of an undated article, and a toll whose article only names a day it is no earlier than
    undated_final = read(claim("4,000", 4000, as_of=None, published=None, **kw), war_over="after the fall of Marovo")
    placed = read(claim("about 7,000", 7000, 6300, 7700, "approx", as_of=None, published=None, **kw),
                  not_before="2024-01-01")
    assert kinds(undated_final, placed) == ["mismatch"]
    since = claim("about 7,000", 7000, 6300, 7700, "approx", as_of=None, published=None,
                  scope="period: since the war began", **kw)
    assert kinds(final, since) == []  # counted from the war's start: maybe more than the battle's
    below = claim("about 2,000", 2000, 1800, 2200, "approx", as_of=None, published=None, **kw)
    assert kinds(final, below) == []  # it may be a running total from before the end
    running = claim("4,000", 4000, as_of="2025-03-02", published="2025-03-03", **kw)
    assert kinds(running, claim("about 7,000", 7000, 6300, 7700, "approx", as_of=None, published=None, **kw)) == []
    # a count that falls after the fighting ends (people displaced) is no final total
    shelter = dict(kw, measure="displaced", counted="people")
    assert kinds(read(claim("400,000", 400000, as_of="2025-03-02", published="2025-03-03", **shelter),
                      war_over="since the truce took effect"),
                 claim("one million", 1000000, as_of=None, published=None, **shelter)) == []


def test_a_toll_dated_after_a_final_one_is_another_estimate_of_it():
    kw = dict(measure="killed", counted="people", subject="Tamba", figure="total")
    final = read(claim("300,000", 300000, as_of="2023-01-10", published="2023-01-10", **kw),
                 war_over="the peace deal was signed")
    later = claim("500,000", 500000, as_of="2023-02-01", published="2023-02-01", **kw)
    assert kinds(final, later) == ["mismatch"]  # not an update: the war had ended
    earlier = claim("100,000", 100000, as_of="2022-05-01", published="2022-05-01", **kw)
    assert kinds(earlier, final) == []  # a running total while the war went on
    battle = read(claim("30,000", 30000, as_of="2023-01-10", published="2023-01-10", **kw),
                  war_over="after the fall of Marovo")
    war_toll = claim("50,000", 50000, as_of="2023-02-01", published="2023-02-01", **kw)
    assert kinds(battle, war_toll) == []  # after a battle, a later toll may be the whole war's: an update


def test_a_statement_made_after_the_end_is_final_in_every_report_of_it():
    kw = dict(measure="killed", counted="people", subject="Tamba", figure="total", attribution="Luis Rojas",
              speaker="luis-rojas")
    said = read(claim("300,000", 300000, as_of="2023-01-10", published="2023-01-10", **kw),
                war_over="the peace deal was signed")
    copy = claim("300,000", 300000, as_of="2023-01-11", published="2023-01-11", **kw)
    other = claim("500,000", 500000, as_of="2023-02-01", published="2023-02-01", article=copy.article,
                  attribution="Ana Ruiz", speaker="ana-ruiz", measure="killed", counted="people", subject="Tamba",
                  figure="total")
    assert kinds(copy, other) == []  # alone, a later higher total is an update
    assert kinds(said, copy, other) == ["mismatch", "mismatch"]  # the copy reports a final estimate


def test_copies_of_one_statement_count_once_against_the_cap_per_claim():
    kw = dict(measure="killed", counted="people", subject="Tamba", figure="total")
    low = claim("80,000", 80000, **kw)
    copies = [claim("600,000", 600000, attribution="Luis Rojas", speaker="luis-rojas", **kw) for _ in range(5)]
    others = [claim(f"{n},000", n * 1000, attribution=f"Envoy {n}", speaker=f"envoy-{n}", **kw) for n in (300, 400)]
    found = find_conflicts([low, *copies, *others], max_per_claim=3)
    # the five copies are one statement: the cap leaves room for the two other speakers
    assert {c.b.text if c.a is low else c.a.text for c in found if low in (c.a, c.b)} >= {"300,000", "400,000"}


def test_copies_of_one_statement_never_grow_a_claims_pairs_beyond_a_few_times_the_cap():
    kw = dict(measure="killed", counted="people", subject="Tamba", figure="total")
    low = claim("80,000", 80000, **kw)
    copies = [claim("600,000", 600000, attribution="Luis Rojas", speaker="luis-rojas", **kw) for _ in range(50)]
    found = find_conflicts([low, *copies], max_per_claim=3)
    assert 3 <= sum(low in (c.a, c.b) for c in found) <= 9


def test_conflicts_are_written_as_the_bytes_of_their_records(monkeypatch):
    import io

    import orjson

    from kursk_claims.io import output

    kw = dict(measure="killed", counted="people", subject="Tamba", figure="total")
    claims = [claim(f"{n},000", n * 1000, attribution=f"Envoy {n}", speaker=f"envoy-{n}", **kw)
              for n in (3, 30, 300, 3000, 7, 70)]
    found = find_conflicts(claims)
    assert len(found) > 4
    found[0].extra["note"] = "ünïcode ✓"  # a key of its own, and text beyond ASCII
    found[1].extra["kind"] = "scale"  # an extra key that replaces one of the record's own
    monkeypatch.setattr(output, "_ENCODED_CLAIMS", 2)  # claims leave the cache and come back
    out = io.StringIO()
    assert output.write_conflicts(found, out) == len(found)
    assert out.getvalue().encode() == b"".join(orjson.dumps(c.to_dict(), option=orjson.OPT_APPEND_NEWLINE)
                                               for c in found)


def test_shares_of_people_are_whose_people_they_are_and_shares_of_land_the_acting_sides():
    kw = dict(measure="share", unit="percent", figure="level", what="share")
    tamban = claim("30%", 30, counted="conscripts", subject="Tamba", **kw)
    ozari = claim("80%", 80, counted="conscripts", subject="Ozar", **kw)
    assert kinds(tamban, ozari) == []  # two sides' soldiers: two quantities
    also_tamban = claim("80%", 80, counted="conscripts", subject="Tamba", **kw)
    c = only(tamban, also_tamban)
    assert "a share of people, what it says of them read by its words alone" in c.extra["confidence_reasons"]
    land = dict(measure="share", unit="percent", figure="level", what="share:held", counted="territory")
    held = claim("30%", 30, subject="Marovo", actor="Tamba", **land)
    other = claim("80%", 80, subject="Chile", actor="Tamba", **land)
    assert kinds(held, other) == ["mismatch"]  # land: the side holding it decides, not whose land it is


def test_a_finished_wars_toll_is_the_whole_wars_whether_or_not_its_words_say_so():
    kw = dict(measure="killed", counted="people", subject="Chad", figure="total")
    final = read(claim("6,800", 6800, as_of="2025-06-02", published="2025-06-02", **kw),
                 war_over="since the ceasefire took effect")
    whole = claim("at least 11,000", 11000, 11000, None, "at_least", as_of=None, published=None, place="war",
                  scope="place: war", **kw)
    c = only(final, whole)
    assert "unknown place" not in c.extra["confidence_reasons"]
    running = claim("6,800", 6800, as_of="2025-06-02", published="2025-06-02", **kw)
    assert kinds(running, whole) == []  # a toll of no stated span against the whole war's: not compared


def test_a_days_toll_in_a_town_is_no_lost_thousand_of_the_whole_toll():
    """Nine dead in one shelling of a town against 9,000 in the whole war: a part, not a slip;
    a slip between two tolls that name no town still stands out."""
    town = claim("nine", 9, measure="killed", subject="Peru", counted="people", place="Tamba", dated="sentence")
    whole = claim("about 9,000", 9000, 8100, 9900, "approx", measure="killed", subject="Peru", counted="people")
    assert kinds(town, whole) == []
    slip = claim("nine", 9, measure="killed", subject="Peru", counted="people")
    assert kinds(slip, whole) == ["scale"]


def test_refugees_one_country_took_in_are_a_part_of_all_who_fled():
    """500,000 in Chile are some of the 2 million who fled Peru; 2.5 million in Chile cannot be."""
    in_chile = claim("about 500,000", 500000, 450000, 550000, "approx", measure="displaced", subject="Peru",
                     counted="refugees", place="Chile")
    fled = claim("more than 2 million", None, 2000000, None, "more_than", measure="displaced", subject="Peru",
                 counted="refugees")
    assert kinds(in_chile, fled) == []
    assert "are a part of a figure that names no place" in reasons(in_chile, fled)
    too_many = claim("2.5 million", 2500000, measure="displaced", subject="Peru", counted="refugees", place="Chile")
    low = claim("2 million", 2000000, measure="displaced", subject="Peru", counted="refugees")
    (found,) = find_conflicts([too_many, low])
    assert "a part larger than its whole" in found.explanation


def test_the_dead_of_a_town_named_as_such_are_no_lost_thousand_of_the_whole_toll():
    from dataclasses import replace
    town = replace(claim("14", 14, measure="killed", subject="Peru", counted="people", place="Qasr"),
                   sentence="Fourteen were killed when a shell hit the town of Qasr.")
    whole = claim("some 14,000", 14000, 12600, 15400, "approx", measure="killed", subject="Peru", counted="people")
    assert kinds(town, whole) == []
    unnamed = replace(town, sentence="A strike killed 14 people in Qasr.")
    assert kinds(unnamed, whole) == ["scale"]


def test_the_tolls_of_one_event_meet_whatever_words_name_it_and_no_running_total():
    """Two reports of one strike on one day and place disagree; another event's toll, or one of
    no stated place, or the war's running total, is no conflict."""
    a = claim("43", 43, measure="killed", subject="Peru", counted="people", place="Tarma",
              scope="period: An air strike", dated="sentence")
    b = claim("50", 50, measure="killed", subject="Peru", counted="people", place="Tarma",
              scope="period: the coalition airstrike", dated="sentence")
    assert kinds(a, b) == ["mismatch"]
    elsewhere = claim("50", 50, measure="killed", subject="Peru", counted="people",
                      scope="period: the coalition airstrike", dated="sentence")
    assert kinds(a, elsewhere) == []
    war = claim("more than 10,000", None, 10000, None, "more_than", measure="killed", subject="Peru", counted="people")
    assert kinds(a, war) == []


def test_the_same_period_is_the_period_its_own_article_named():
    a = claim("19", 19, measure="killed", counted="civilians", subject="Peru", scope="period: over the same period",
              figure="period", article="a.txt", as_of="2019-06-01")
    b = claim("400", 400, measure="killed", counted="civilians", subject="Peru", scope="period: in the same period",
              figure="period", article="b.txt", as_of="2019-06-01")
    assert kinds(a, b) == []  # two articles' "same period" need not be one period


def test_a_heading_that_names_no_place_raises_no_doubt_of_place():
    heading = replace(claim("12,000", 12000, measure="displaced", subject="Peru", as_of="2019-06-01", article="a.txt"),
                      sentence="Aid group says 12,000 fled")
    placed = replace(claim("about 19,000", 19000, 17100, 20900, "approx", measure="displaced", subject="Peru",
                           place="Tarvo", as_of="2019-06-01", article="b.txt"),
                     sentence="About 19,000 people fled Tarvo, officials said.")
    assert "unknown place" not in only(heading, placed).extra["confidence_reasons"]
    body = replace(heading, sentence="Officials said 12,000 people fled.")
    assert "unknown place" in only(body, placed).extra["confidence_reasons"]


def test_people_displaced_inside_or_outside_their_country_are_parts_of_all_displaced():
    inside = claim("3.4 million", 3.4e6, measure="displaced", what="displaced:internal", subject="Peru", counted="people")
    abroad = claim("2.2 million", 2.2e6, measure="displaced", what="displaced:abroad", subject="Peru", counted="people")
    assert kinds(inside, abroad) == []  # two parts of one whole
    everyone = claim("4 million", 4e6, measure="displaced", what="displaced", subject="Peru", counted="people")
    assert kinds(inside, everyone) == []  # a part smaller than the whole
    fewer = claim("3 million", 3e6, measure="displaced", what="displaced", subject="Peru", counted="people")
    assert kinds(inside, fewer) != []  # a part larger than the whole


def test_one_sides_toll_is_a_part_of_all_sides_together():
    both = claim("about 3,000", 3000, 2700, 3300, "approx", measure="killed", counted="people", subject="all sides")
    one = claim("900", 900, measure="killed", counted="soldiers", subject="Peru")
    assert kinds(both, one) == []  # a part smaller than the whole
    assert "a part smaller than its whole" in reasons(both, one)
    more = claim("4,100", 4100, measure="killed", counted="soldiers", subject="Chile")
    assert kinds(both, more) != []  # one side's dead outnumber both sides' together


def test_a_toll_of_a_war_named_by_its_years_meets_no_toll_of_the_war_reported():
    old = claim("14,000", 14000, measure="killed", counted="people", subject="Peru", place="1968-71 war")
    now = claim("900", 900, measure="killed", counted="people", subject="Peru")
    assert kinds(old, now) == []
    assert "a figure of another war" in reasons(old, now)


def test_a_toll_with_no_noun_holds_the_civilians_and_soldiers_stay_a_doubt():
    toll = claim("more than 900", 900, None, None, "more_than", measure="killed", counted=None, subject="Peru")
    children = claim("140 children", 140, measure="killed", counted="children", subject="Peru")
    assert kinds(children, toll) == []  # the children are among the dead
    assert "a part smaller than its whole" in reasons(children, toll)
    soldiers = claim("400 soldiers", 400, measure="killed", counted="soldiers", subject="Peru")
    found = only(soldiers, toll)  # "900 killed" may be the soldiers themselves
    assert "unknown counted" in found.extra["confidence_reasons"]


def test_one_days_toll_meets_only_that_days_tolls_and_one_report_names_its_events_place_once():
    """A day's dead ("killed on Tuesday") is one event's toll: of no running total; within one
    report, an event toll of no place meets the same day's toll of the place the report names."""
    day = claim("21", 21, measure="killed", subject="Peru", counted="people", place="Tarma",
                scope="period: on Tuesday", dated="sentence", as_of="2019-06-04", article="a.txt")
    war = claim("more than 900", None, 900, None, "more_than", measure="killed", subject="Peru", counted="people",
                as_of="2019-06-05", article="b.txt")
    assert kinds(day, war) == []
    other = claim("35", 35, measure="killed", subject="Peru", counted="people", place="Tarma",
                  scope="period: the shelling", dated="sentence", as_of="2019-06-04", article="c.txt")
    assert kinds(day, other) == ["mismatch"]
    lede = claim("8", 8, measure="killed", subject="Peru", counted="people", scope="period: A mortar attack",
                 dated="sentence", as_of="2019-06-04", article="a.txt")
    assert kinds(day, lede) == ["mismatch"]  # one report: the place it names once
    assert kinds(replace(lede, article="d.txt"), day) == []  # another report's event of no place


def test_distances_meet_only_when_both_name_the_place_they_are_measured_from():
    near = claim("about 60 km", 60, 54, 66, "approx", measure="distance", unit="km", subject="Peru")
    far = claim("some 1,500 km", 1500, 1350, 1650, "approx", measure="distance", unit="km", subject="Peru")
    assert kinds(near, far) == []  # a town's distance from one city, the capital's from another
    assert kinds(replace(near, place="Tarma"), replace(far, place="Tarma")) == ["mismatch"]


def test_a_total_counted_from_a_named_month_and_said_later_but_lower_counts_from_a_later_start():
    whole = claim("48,000", 48000, measure="killed", subject="Peru", counted="soldiers", as_of="2019-03-01",
                  article="a.txt")
    since = claim("30,000", 30000, measure="killed", subject="Peru", counted="soldiers", as_of="2019-05-01",
                  scope="period: since December", article="b.txt")
    assert kinds(whole, since) == []  # lower and later: not the same total fallen, a part of it
    earlier = replace(since, as_of="2019-02-01")
    assert kinds(earlier, whole) == []  # lower and earlier: an update, whatever its start
    same_day = replace(since, as_of="2019-03-01", low=50000, high=50000, value=50000, text="50,000")
    assert kinds(whole, same_day) == ["mismatch"]  # the same day: it may count from the same start
    beside = replace(since, as_of=None, article="a.txt")
    assert kinds(replace(whole, as_of=None), beside) == []  # one article's breakdown of its total
