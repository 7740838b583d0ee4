"""Where the outlet and date of an article come from when no metadata says."""
import datetime as dt

import pytest

from kursk_claims.io.articles import article_source
from kursk_claims.reading.dates import article_date, parse_date


@pytest.mark.parametrize("text,expected", [
    ("Headline here\nBody text.\n\nThis website is maintained and managed by Example Wire Agency.", "Example Wire Agency"),
    ("Title\nBody.\n© 2002-2025 Reuters", "Reuters"),
    ("Title line that is long\nNewsweek reached out to the ministry for comment.", "Newsweek"),
    ("DayFR Euro\n\nA headline\n\nBody.", "DayFR Euro"),
    ("Kursk becomes Putin's nightmare\nWorld\nBody.", None),
    ("A headline with many words in it, as headlines have\n\nBody.", None),
])
def test_articles_source_from_text(text, expected):
    assert article_source(text) == expected


@pytest.mark.parametrize("text,as_of,expected", [
    ("Site\n\nStand: December 20, 2024, 6:57 p.m\n\nBody.", None, "2024-12-20"),
    ("Published: 3 March 2025\nBody.", None, "2025-03-03"),
    ("MOSCOW, Feb 20, 2025 (Reuters) - Body.", None, "2025-02-20"),
    ("MOSCOW, Feb 20 (Reuters) - Body.", None, None),  # no year and nothing to place it against
    ("MOSCOW, Feb 20 (Reuters) - Body.", dt.datetime(2025, 3, 1), "2025-02-20"),
    ("Title\n3 days ago\nBody.", None, None),
    ("Title\n3 days ago\nBody.", dt.datetime(2025, 1, 10), "2025-01-07"),
    ("No date anywhere near the top.\nBody.", None, None),
])
def test_articles_date_from_text(text, as_of, expected):
    assert article_date(text, as_of=as_of) == expected


def test_articles_parse_date_never_guesses_a_year():
    assert parse_date("December 17") is None
    assert parse_date("December 17, 2024") == "2024-12-17"


def test_articles_a_paragraph_telling_a_time_is_no_byline():
    """A first paragraph that names the date and hour of an event is not the article's date;
    a short byline with the same is."""
    story = ("The strike came on March 3, 2024 at 4:15 a.m., when most residents of the town were asleep "
             "and the air-raid sirens had fallen silent after a night of alerts; rescuers worked until "
             "noon to reach the people under the rubble of the five-storey block.\n\nMore text.")
    assert article_date(story) is None
    assert article_date("by The desk March 5, 2024 9:03 AM\n\n" + story) == "2024-03-05"
