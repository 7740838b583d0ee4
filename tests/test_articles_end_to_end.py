"""Whole articles written the way wire services and news sites write them (not the seeds):
the figures read, the furniture left out, outlet and date found."""
import pytest

from kursk_claims.io.articles import read_articles
from kursk_claims.run.extract import extract_article

from .conftest import ROOT

DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="module")
def read(nlp):
    def run(name, **kw):
        (article,) = [a for a in read_articles([str(DATA / name)], **kw)]
        return article, {c.text: c for c in extract_article(nlp, article)}
    return run


def test_e2e_losses_report(read):
    article, claims = read("wire_losses.txt")
    assert (article.source, article.published) == ("Kyiv Independent", "2024-12-22")
    assert claims["1,580"].scope.startswith("period:")
    assert (claims["9,538"].counted, claims["9,538"].measure) == ("tanks", "equipment")
    assert claims["19,724"].counted == "armored fighting vehicles"
    assert claims["about 11,000-12,000"].bound == "range"
    assert claims["nearly 1,000"].measure == "wounded"
    assert claims["more than $200 billion"].unit == "usd"
    assert claims["43,000"].scope is None  # "since February 2022" is the whole war
    for furniture in ("1", "3", "15,000", "$5"):
        assert furniture not in claims


def test_e2e_dateline(read):
    import datetime as dt

    article, claims = read("wire_dateline.txt", as_of=dt.datetime(2024, 11, 10))
    assert (article.source, article.published) == ("Reuters", "2024-11-05")
    assert claims["more than 10,000"].subject == "North Korea"
    assert claims["about 1,000 square km"].counted == "Russian territory"
    assert claims["386 square miles"].counted == "Russian territory"  # a conversion in brackets is a claim too
    assert claims["386 square miles"].bound == "approx"
    assert claims["topped 600,000"].bound == "more_than"
    assert "24 hours" not in claims


def test_e2e_byline(read):
    article, claims = read("wire_byline.txt")
    assert (article.source, article.published) == ("AP", "2024-10-05")
    assert set(claims) >= {"67", "10", "roughly 2,000", "40", "3", "21", "24"}
    assert not [c for c in claims.values() if c.text == "2" and "Leopard 2" in c.sentence]  # a model name
    assert not any(t.startswith("155") for t in claims)  # a calibre
    assert (claims["3"].measure, claims["21"].measure) == ("killed", "wounded")
    assert claims["24"].counted == "Shahed-136 drones"


def test_e2e_site_byline_and_joined_figures(read):
    import datetime as dt

    article, claims = read("site_byline.txt", as_of=dt.datetime(2024, 12, 30))
    assert article.source == "BBC News"
    assert claims["1,500"].measure == "casualties" and claims["1,500"].scope.startswith("period:")
    assert claims["462,980"].measure == "casualties"  # "up from": the same quantity as the figure before
    assert claims["250,000"].subject == "Ukraine"  # "57,500 killed and 250,000 wounded"
    assert claims["about a third"].unit == "percent"
    assert claims["13.5tn roubles"].value == 13.5e12 and claims["13.5tn roubles"].unit == "rub"
