"""Words for the report: a quantity's label in plain English, outlets and articles as a reader
should see them, and figures written short for axes.

    >>> quantity_label(("deployed", "North Korea", None, "personnel", "level", None))
    'North Korean troops — deployed, at a moment'
    >>> quantity_label(("area:held", "Ukraine", "km2", "*", "level", None))
    'Land held by Ukraine — area in km², at a moment'
    >>> quantity_label(("killed", "~death", None, "death", "total", None))
    'Deaths (side not named) — killed, running total'
    >>> short_number(12000), short_number(1500000), short_number(2.5)
    ('12k', '1.5M', '2.5')
"""
from __future__ import annotations

import os

from ..core.records import Claim, show_number
from ..lexicon import country_adjective

UNITS = {"km2": "km²", "percent": "%", "km": "km", "t": "tonnes", "l": "litres", "day": "days", "kmh": "km/h",
         "usd": "US$", "eur": "€", "gbp": "£"}
UNIT_WORDS = {"km2": "km²", "percent": "percent", "day": "days", "t": "tonnes", "l": "litres", "kmh": "km/h"}
LAND = {"area", "share", "settlements"}
PEOPLE_NOUN = {"deployed": "troops", "casualties": "troops", "killed": "troops", "wounded": "troops",
               "captured": "troops", "missing": "troops", "displaced": "people"}
MEASURE_WORDS = {
    "deployed": "deployed", "deployed:withdrawn": "withdrawn", "casualties": "casualties (killed and wounded)",
    "killed": "killed", "wounded": "wounded", "captured": "captured", "missing": "missing", "displaced": "displaced",
    "equipment": "equipment", "equipment:sent": "equipment sent", "distance": "distance advanced",
}
PLURALS = {"people": "people", "personnel": "personnel", "casualty": "casualties", "child": "children", "man": "men",
           "woman": "women", "civilian": "civilians", "refugee": "refugees"}
KINDS = {"level": "at a moment", "total": "running total", "change": "change", "plan": "planned", "ratio": "ratio"}


def _side(subject: str | None) -> str:
    return subject if subject else "side not named"


def quantity_label(key: tuple) -> str:
    """A group key (what, subject, unit, counted class, kind, period) as a reader would say it."""
    what, subject, unit, counted, kind, period = key
    measure, _, verb = what.partition(":")
    unit_words = f" in {UNIT_WORDS.get(unit, unit)}" if unit else ""
    if measure in LAND:
        noun = {"area": "Land", "share": "Share of land", "settlements": "Settlements"}[measure]
        if counted not in (None, "*", "land"):
            noun = f"Share of {counted}" if measure == "share" else f"{noun} ({counted})"
        if verb == "size":
            who = f"{noun}, whole size"
        elif verb:
            who = f"{noun} {verb} by {subject}" if subject else f"{noun} {verb} (side not named)"
        else:
            who = f"{noun} ({_side(subject)})"
        head = {"area": "area", "share": "share", "settlements": "number of places"}[measure]
        body = f"{head}{unit_words}"
    else:
        if subject and subject.startswith("~"):
            word = subject[1:]
            plural = PLURALS.get(word) or (word if word.endswith("s") else f"{word}s")
            who = f"{plural.capitalize()} (side not named)"
        else:
            adj = country_adjective(subject) if subject else ""
            if counted in (None, "*"):
                noun = "" if measure == "distance" else ("forces" if measure not in PEOPLE_NOUN else PEOPLE_NOUN[measure])
            elif counted == "personnel":
                noun = PEOPLE_NOUN.get(measure, "personnel")
            else:
                noun = counted
            who = " ".join(x for x in (adj, noun) if x) or "Side not named"
            if measure == "distance" and adj:
                who = f"{subject} advance" if subject else "Advance"
        body = MEASURE_WORDS.get(what, what.replace(":", " ").replace("_", " ")) + (unit_words if measure not in LAND else "")
    if kind == "period":
        when = f"in {period}" if period else "over a period"
        when = when.replace("in last", "in the last").replace("in past", "in the past").replace("in previous", "in the previous")
    else:
        when = KINDS.get(kind or "", kind or "")
    return f"{who[:1].upper()}{who[1:]} — {body}{', ' + when if when else ''}"


def unit_label(unit: str | None) -> str:
    return UNITS.get(unit or "", unit or "")


def short_number(v: float) -> str:
    """An axis figure: 12k, 1.5M, 340, 2.5."""
    a = abs(v)
    if a >= 1e9:
        return f"{v / 1e9:g}B"
    if a >= 1e6:
        return f"{v / 1e6:g}M"
    if a >= 1e4:
        return f"{v / 1e3:g}k"
    return show_number(v)


def outlet(c: Claim) -> str:
    """The outlet that carried it, or "unknown outlet": never a file name."""
    return c.source or "unknown outlet"


def article_name(article: str) -> str:
    """An article as the user gave it: a path under the working folder relative to it, never
    an absolute path of this machine (only the file name when it lies elsewhere)."""
    if not os.path.isabs(article):
        return article
    try:
        rel = os.path.relpath(article, os.getcwd())
    except ValueError:
        rel = ".."
    return os.path.basename(article.rstrip("/\\")) or article if rel.startswith("..") else rel


def short_file(article: str) -> str:
    return article.rstrip("/").rsplit("/", 1)[-1] or article


def plain_explanation(explanation: str, *claims: Claim) -> str:
    """The conflict's sentence with a missing outlet said as "unknown outlet", not a file name
    (and its suggested reading with an arrow: "12 → 12,000?")."""
    explanation = explanation.replace(" -> ", " → ")
    for c in claims:
        if not c.source:
            name = short_file(c.article)
            if name:
                explanation = explanation.replace(f"{name} (", "unknown outlet (").replace(f"{name} says", "unknown outlet says")
    return explanation
