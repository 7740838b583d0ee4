"""Plain written dates are read without dateparser, with the same result as dateparser."""
import dateparser
import pytest

from kursk_claims.reading import dates

PLAIN = ["March 3, 2023", "Sept. 14, 2022, 9:05 a.m", "4 Oct 2021", "4th October, 2021 17:45 CET",
         "2020-02-29", "2021-02-29", "June 31, 2024", "July 2, 2024 - 25:10", "13/14/2022", "2022-14-15",
         "Aug 9, 2019 at 13:30 pm", "12/03/2024", "25/03/2024", "7.11.2023", "31-12-2022", "2/30/2024",
         "0/5/2024", "2024-14-03", "2024-60-10", "12/20/2024 6:57 pm", "15 December,2024 01:16Am IST", "3 March 2021 09:10 PM EST"]
OTHER = ["3 days ago", "Tuesday", "Jan. 5", "5 March 2024 | Views: 10", "12/03-2024"]


@pytest.mark.parametrize("value", PLAIN)
def test_plain_dates_skip_dateparser_with_its_answer(value, monkeypatch):
    monkeypatch.setattr(dates, "_quick_date", lambda v: None)
    expected = dates.parse_date(value)
    monkeypatch.undo()

    def refuse(*a, **k):
        raise AssertionError("dateparser called")

    monkeypatch.setattr(dateparser, "parse", refuse)
    assert dates.parse_date(value) == expected


def test_plain_dates_read_right():
    assert [dates.parse_date(v) for v in PLAIN[:7]] == [
        "2023-03-03", "2022-09-14", "2021-10-04", "2021-10-04", "2020-02-29", None, None]


@pytest.mark.parametrize("value", OTHER)
def test_other_forms_are_left_to_dateparser(value):
    assert dates._quick_date(value) is None


def test_numeric_dates_read_month_first_where_they_can():
    assert dates.parse_date("04/05/2023") == "2023-04-05"
    assert dates.parse_date("24.05.2023") == "2023-05-24"
    assert dates.parse_date("13/13/2023") is None


def test_site_furniture_after_a_separator_is_left_out():
    """A date line of a web page often goes on with views, a place or an author after a bar."""
    assert dates.parse_date("5 March 2024 | Views: 10") == "2024-03-05"
    assert dates.parse_date("8 June 2023, 10:15  ·  Kharkiv") == "2023-06-08"
    assert dates.article_date("Front line\n11 August 2024, 17:13 | Views: 9703\n\nText.") == "2024-08-11"
