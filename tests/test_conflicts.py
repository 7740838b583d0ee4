"""Conflict rules on hand-built claims: each kind, and each thing that is not a conflict."""
import sys

from kursk_claims.conflicts import find_conflicts, group_claims
from kursk_claims.records import Claim

_n = iter(range(10**6))


def claim(text, value=None, low=None, high=None, bound="exact", *, article=None, measure="deployed",
          subject="North Korea", counted="troops", unit=None, attribution=None, as_of=None, scope=None):
    i = next(_n)
    if low is None and high is None and value is not None and bound == "exact":
        low = high = value
    return Claim(id=f"c{i}", article=article or f"art{i}.txt", start=0, end=len(text), text=text, value=value,
                 low=low, high=high, bound=bound, measure=measure, subject=subject, counted=counted, unit=unit,
                 attribution=attribution, as_of=as_of, scope=scope, source=f"Outlet {i}")


def kinds(*claims):
    return sorted(c.kind for c in find_conflicts(claims))


def test_conflicts_scale_slip_names_the_likely_slip():
    a = claim("12", 12, counted="soldiers")
    b = claim("about 12,000", 12000, 10800, 13200, "approx")
    c = claim("more than 11,000", 11000, 11000, None, "more_than")
    found = [x for x in find_conflicts([a, b, c]) if {x.a.id, x.b.id} == {a.id, b.id}]
    assert found[0].kind == "scale"
    assert found[0].suggestion == "12 -> 12,000?"
    assert found[0].severity >= 0.9
    assert "Outlet" in found[0].explanation


def test_conflicts_bound_broken():
    assert kinds(claim("600,000", 600000, measure="casualties", subject="Russia", counted="casualties"),
                 claim("at least 700,000", 700000, 700000, None, "at_least", measure="casualties", subject="Russia",
                       counted="casualties")) == ["bound"]


def test_conflicts_mismatch_beyond_wording():
    assert kinds(claim("40 percent", 40, 38, 42, measure="share", unit="percent", counted="territory"),
                 claim("about half", 50, 45, 55, "approx", measure="share", unit="percent", counted="territory")) == ["mismatch"]


def test_conflicts_overlapping_intervals_agree():
    assert kinds(claim("10,000–12,000", None, 10000, 12000, "range"), claim("11,000", 11000, 10500, 11500)) == []


def test_conflicts_different_measure_not_compared():
    assert kinds(claim("11,000", 11000), claim("300", 300, measure="killed")) == []


def test_conflicts_different_subject_not_compared():
    assert kinds(claim("11,000", 11000), claim("300", 300, subject="Russia")) == []


def test_conflicts_weekly_figure_is_not_a_total():
    assert kinds(claim("more than 1,000", 1000, 1000, None, "more_than", measure="casualties",
                       scope="period: in the past week alone"),
                 claim("about 300", 300, 270, 330, "approx", measure="casualties")) == []


def test_conflicts_later_higher_running_total_is_an_update():
    early = claim("300", 300, measure="killed", as_of="2024-01-01")
    late = claim("900", 900, measure="killed", as_of="2024-06-01")
    assert kinds(early, late) == []
    late_lower = claim("100", 100, measure="killed", as_of="2024-09-01")
    assert kinds(early, late_lower) == ["mismatch"]


def test_conflicts_same_number_different_things():
    zones = claim("11", 11, measure=None, subject=None, counted="time zones")
    troops = claim("11,000", 11000)
    assert kinds(zones, troops) == []
    _, skipped = group_claims([zones])
    assert "measure" in skipped[0].reason


def test_conflicts_counted_classes_keep_units_apart():
    assert kinds(claim("three brigades", 3, counted="brigades"), claim("11,000 troops", 11000)) == []


def test_conflicts_units_converted():
    km = claim("100 km²", 100, 95, 105, measure="area", counted="territory", unit="km2")
    mi = claim("100 square miles", 100, 95, 105, measure="area", counted="territory", unit="sq_mi")
    assert kinds(km, mi) == ["mismatch"]
    share = claim("40 percent", 40, measure="share", unit="percent", counted="territory")
    assert kinds(km, share) == []


def test_conflicts_same_voice_in_one_article_is_not_a_conflict():
    a = claim("300", 300, article="x.txt", attribution="Kirby")
    b = claim("900", 900, article="x.txt", attribution="Kirby")
    assert kinds(a, b) == []
    c = claim("900", 900, article="x.txt", attribution="Gerasimov")
    assert kinds(a, c) == ["mismatch"]


def test_conflicts_too_vague_is_not_compared():
    assert kinds(claim("thousands", None, 2000, 99999, "vague"), claim("12", 12)) == []


def test_conflicts_place_scope_only_flags_slips():
    whole = claim("about 40,000", 40000, 36000, 44000, "approx", measure="casualties", subject="Russia")
    kursk = claim("700", 700, measure="casualties", subject="Russia", scope="place: Kursk")
    assert kinds(whole, kursk) == []
    slip = claim("40", 40, measure="casualties", subject="Russia", scope="place: Kursk")
    assert kinds(whole, slip) == ["scale"]


def test_conflicts_never_import_spacy():
    import subprocess

    code = "import sys, kursk_claims.conflicts, kursk_claims.records; sys.exit('spacy' in sys.modules)"
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


def test_conflicts_land_held_months_apart_is_not_a_conflict():
    aug = claim("1,000 km²", 1000, 950, 1050, measure="area", counted="territory", unit="km2", as_of="2024-08-20")
    nov = claim("600 km²", 600, 570, 630, measure="area", counted="territory", unit="km2", as_of="2024-11-05")
    assert kinds(aug, nov) == []
    same_week = claim("600 km²", 600, 570, 630, measure="area", counted="territory", unit="km2", as_of="2024-08-22")
    assert kinds(aug, same_week) == ["mismatch"]


def test_conflicts_explain_says_why_a_pair_was_not_compared():
    from kursk_claims.conflicts import explain

    a = claim("300", 300, article="x.txt", attribution="Kirby")
    b = claim("900", 900, article="x.txt", attribution="Kirby")
    groups, skipped = group_claims([a, b, claim("11", 11, measure=None)])
    lines = explain(groups, skipped)
    assert any("pair not compared: '300' vs '900': the same source" in line for line in lines)
    assert any(line.startswith("not compared: '11'") for line in lines)
