"""Claim.to_dict: every field, in field order, figures as people write them."""
import dataclasses
import json
import math

from kursk_claims.core.records import Claim


def test_claim_to_dict_has_every_field_in_order_with_plain_numbers():
    c = Claim(id="x", article="a.txt", start=3, end=9, text="11,000", value=11000.0, low=10500.0,
              high=math.inf, bound="approx", unit=None, counted="troops", speaker="nis", what="deployed",
              figure="level", place="Kursk", actor=None, dated="article")
    d = c.to_dict()
    assert list(d) == [f.name for f in dataclasses.fields(Claim)]
    expected = dataclasses.asdict(c)
    expected.update(value=11000, low=10500, high=None)
    assert d == expected
    assert type(d["value"]) is int and d["high"] is None
    assert Claim.from_dict(json.loads(json.dumps(d))).to_dict() == d


def test_claim_to_dict_is_a_fresh_dict():
    c = Claim(id="x", article="a.txt", start=0, end=1, text="3", value=3.25)
    d = c.to_dict()
    d["text"] = "changed"
    assert c.text == "3" and c.to_dict()["value"] == 3.25
