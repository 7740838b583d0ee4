"""The quantity frame of a figure: what exactly it measures, which kind of figure it is,
where it applies and who acts. Two figures are compared only when their frames agree, so
the land Ukraine holds is never set against the land Russia retook or the size of a region,
and a change ("an additional 2,000 troops") never against a level.

Rules over the sentence text, with the words in ``data/frames.json``::

    >>> f = read_frame("Kyiv's forces now control 450 square kilometres in the Belgorod region.",
    ...                (0, 72), (26, 49), "area")
    >>> f["what"], f["figure"], f["place"], f["actor"]
    ('area:held', 'level', 'Belgorod', 'Ukraine')
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from . import whose
from .context import function_words, label_before, land_nouns, party_mentions
from .names import capitals, party_forms
from .titles import named_outside_titles, title_case_line
from ..lexicon import Folded, led, table, trie_pattern, whole_words

_PUNCTUATION = re.compile(r"[,;:()–—]|\s[-–—]\s")
_BASE_OF = re.compile(r"\bof\s+(?:the|its|their)\s+$")
_CLAUSE_WORDS = ("and", "but", "while", "that", "which", "who", "after", "before", "as", "when", "where", "since", "because",
                 "although", "though", "until", "if")
# the words factored by prefixes, and one space read for a word or a dash: tried at every space
_CLAUSE_BREAK = re.compile(r"[,;:()–—]|\s(?:(?:" + trie_pattern(_CLAUSE_WORDS) + r")\s|[-–—]\s)")
_POSSESSIVE = re.compile(r"['’]s?\b")
_NAME_AFTER_POSSESSIVE = re.compile(r"['’]s?\s+(?:[a-z][\w-]*\s+){0,2}((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*){0,2})")
_CAPITALISED = re.compile(r"(?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*){0,2}")


@cache
def _lex() -> dict[str, Any]:
    f = table("frames")
    actions = {w: cls for cls, words in f["actions"].items() for w in words}
    kinds = {}
    for kind, where in f["figure_kinds"].items():
        for side in ("before", "after"):
            for w in where.get(side, []):
                kinds.setdefault(side, {})[w] = kind
    place = f["place_words"]
    return {
        "action_re": whole_words(actions, capture=True),
        "actions": actions,
        "refined": {m: frozenset(cls) for m, cls in f["refined"].items()},
        "peak_re": whole_words(f["peak"]),
        "before_re": Folded(r"\b(" + trie_pattern(kinds["before"]) + r")\s+[\"“]?(?:(?:the|a|an|by|some|about|around|nearly|almost|over|up to|at least|more than|roughly|approximately)\s+){0,2}[\"“]?$"),
        "plan_clause_re": Folded(r"\b(?:" + trie_pattern(f["figure_kinds"]["plan"]["clause"]) + r")\s+(?:[a-z]+\s+){0,4}(?:(?:the|a|an|some|about|around|nearly|almost|over|up to|at least|more than|roughly|approximately)\s+){0,2}$"),
        "generic_re": whole_words(f["figure_kinds"]["generic"]["clause"]),
        "before": kinds["before"],
        "after_re": re.compile(r"^\s+(?:[\w'’-]+\s+){0,3}?(" + trie_pattern(kinds["after"]) + r")\b", re.I),
        "after_first_re": re.compile(r"^\s+(" + trie_pattern(kinds["after"]) + r")\b", re.I),
        "after": kinds["after"],
        # "in Marovo", "in the city of Marovo", "in the northern province of Marovo", "in the occupied Ozar region",
        # "in the country's central Ozar province"
        "place_re": re.compile(r"\b(?:" + trie_pattern([*place["prepositions"], *(p.capitalize() for p in place["prepositions"])])
                               + r")\s+(?:the\s+)?(?:(?:[a-z-]+\s+)?(?:[A-Z][a-z]+(?:an|ese|i|ish)\s+)?(?:" + trie_pattern(place["region_words"])
                               + r")\s+of\s+)?(?:(?:country|nation)['’]s\s+)?(?:[a-z]+(?:ed|ern|al)\s+)?((?:[A-Z][\w'’-]*\s+){0,1}" + name_article(place) + r"[A-Z][\w'’-]*)"
                               r"(?:['’]s)?(?:\s+(" + trie_pattern(place["region_words"]) + r"))?\b"),
        "phase_re": re.compile(r"\b(?:in|during|since|of)\s+(?:[a-z]+\s+){0,2}?(?:the|its|their|[A-Z][\w-]*['’]s)\s+"
                               r"(?:[A-Z][\w-]*\s+)?(" + trie_pattern(place["campaign_phases"]["kinds"]) + r")\s+(?:"
                               + trie_pattern(place["campaign_phases"]["nouns"]) + r")\b"),
        "moved": frozenset(table("whose")["movement_measures"]),
        "region_words": frozenset(place["region_words"]),
        "not_after": frozenset(place["not_after"]),
        "war_nouns": frozenset(place["war_nouns"]),
        "share_predicate_re": re.compile(
            r"(?:\s+(?:in|at|from|of|across)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?"  # "of people in collective shelters"
            r"\s*(?:[-–—,]\s*)?(?:(?:have|has|had)\s+(?:now\s+|already\s+|since\s+|also\s+)?(?:been\s+)?"
            r"|(?:are|were|is|was)\s+(?:now\s+|still\s+|also\s+)?)?([a-z]{3,}ed|" + trie_pattern(f["share_predicate_verbs"]) + r")\b"),
        "earlier_before_re": Folded(r"\b(?:" + trie_pattern(f["earlier"]["before"]) + r")\s+(?:(?:the|a|an|about|around|nearly|almost|some|roughly|approximately|over|more than|at least|up to)\s+){0,2}$"),
        "earlier_words_re": whole_words(w for w in f["earlier"]["before"] if w != "from"),
        "earlier_clause_re": whole_words(f["earlier"]["clause"]),
        "now_re": whole_words(f["earlier"]["now"]),
        "earlier_patterns_re": re.compile("|".join(f"(?:{p})" for p in f["earlier"]["clause_patterns"]), re.I),
        "same_as": f["same_as"],
        "campaigns": list(f["campaigns"]),
        "campaign_re": Folded("|".join(
            rf"(?P<c{i}>\b(?:{'|'.join([trie_pattern(ws), *f['campaign_patterns'].get(label, [])])})\b)"
            for i, (label, ws) in enumerate(f["campaigns"].items()))),
        "land_nouns": land_nouns(),
        "change_clause_re": whole_words(f["figure_kinds"]["change"]["clause"]),
        "kind_of": {w: kind for kind, whats in f["figure_by_what"].items() for w in whats},
        "month_whats": frozenset(f["period_month_measures"]["what"]),
        "month_re": led(r"\b(?i:in|on|last|since|during|by)\s+(?i:(?:early|mid|late|the end of|the beginning of|the start of)[\s-]+)?"
                               r"(?:" + trie_pattern(m.capitalize() for m in table("dates")["months"]) + r")\b\.?(?:,?\s+\d{4}\b)?"),
    }


@lru_cache(maxsize=64)
def clause_start(text: str, s0: int, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last comma, colon, 'and', 'that'…"""
    start = s0
    for m in _CLAUSE_BREAK.finditer(text, s0, pos):
        start = m.end()
    return start


def read_action(text: str, sentence: tuple[int, int], fig: tuple[int, int], tail: int) -> str | None:
    """The action class that governs a figure: the nearest cue before it in its clause, else
    one in the words right after it (``the 900 km² they captured``)."""
    lex = _lex()
    s0, s1 = sentence
    c0 = clause_start(text, s0, fig[0])
    after = lex["action_re"].search(text, tail, min(s1, tail + 50))
    if after and _BASE_OF.search(text, max(s0, fig[0] - 12), fig[0]):
        # "40 per cent of the 984 km² they captured": the base is what the verb after it did
        return lex["actions"][after.group(1).lower()]
    before = list(lex["action_re"].finditer(text, max(s0, c0 - 40, fig[0] - 90), fig[0]))
    if before:
        return lex["actions"][before[-1].group(1).lower()]
    if after:
        return lex["actions"][after.group(1).lower()]
    return None


def read_figure_kind(text: str, sentence: tuple[int, int], fig: tuple[int, int], tail: int,
                     counted_end: int | None) -> str | None:
    """``change``, ``plan`` or ``ratio`` when the words around the figure say so, else None
    (a level or a running total, by its measure)."""
    lex = _lex()
    s0, s1 = sentence
    m = lex["before_re"].search(text, max(s0, fig[0] - 40), fig[0])
    if m:
        return lex["before"][m.group(1).lower()]
    if lex["plan_clause_re"].search(text, max(s0, fig[0] - 60), fig[0]):
        return "plan"  # "intends to concentrate 60,000 troops"
    if lex["generic_re"].search(text[clause_start(text, s0, fig[0]):fig[0]]):
        return "generic"  # "a brigade usually counts 3,000 to 5,000 soldiers"
    if lex["change_clause_re"].search(text, s0, fig[0]):
        return "change"  # "is moving in another division … with a strength of 7,500"
    after = text[tail:min(s1, tail + 40)]
    m = lex["after_first_re"].match(after)
    if m:
        return lex["after"][m.group(1).lower()]
    if counted_end is not None and counted_end > tail:
        m = lex["after_first_re"].match(text[counted_end:min(s1, counted_end + 30)])
        if m and lex["after"][m.group(1).lower()] != "change":
            return lex["after"][m.group(1).lower()]
    return None


def is_peak(text: str, sentence: tuple[int, int], fig: tuple[int, int]) -> bool:
    """The figure is the most a level reached: ``at its peak``, ``at the most, we held``."""
    s0, _ = sentence
    return bool(_lex()["peak_re"].search(text, max(s0, fig[0] - 60), fig[0]))


_LOWER_WORD = re.compile(r"\s+([a-z]+)\b")
_WORD_AFTER = re.compile(r"\s+([A-Za-z]+)\b")


def _noun_follows(text: str, pos: int) -> bool:
    """Whether a lower-case word that is no function word and no word for land follows ``pos``
    ("Valdorian air strikes"; not "Beirut and", nor "Valdorian soil")."""
    m = _LOWER_WORD.match(text, pos)
    if m is None:
        return False
    w = m.group(1)
    return w not in function_words() and w not in land_nouns()


@cache
def _struck_place() -> re.Pattern[str]:
    """An event and the place it struck: "shelling of Tamba", "the strike on Oruro", "pounded
    the rebel-held town of Tamba", "stormed Oruro"."""
    words = table("frames")["place_words"]
    locality = trie_pattern(words["region_words"] + words["struck_places"] + table("conflicts")["locality_words"])
    return re.compile(r"\b(?i:" + trie_pattern(table("scopes")["event_nouns"] + words["struck_words"]) + r")\s+"
                      r"(?:(?:of|on)\s+)?(?:(?:the|an?)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<kind>" + locality + r")\s+of\s+|the\s+)?"
                      r"(?P<name>" + name_article(words) + r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)")


@cache
def _not_names() -> frozenset[str]:
    return frozenset(table("whose")["not_names"])


def _a_town(text: str, name: str) -> bool:
    """Whether a capitalised name a pattern found is a town: not a side, not a capitalised word."""
    return name not in party_forms(text) and name.split()[0] not in _not_names()


_SENTENCE_OPENS = re.compile(r"(?:^|[.!?\n]\s*)$")


@cache
def _named_toll() -> re.Pattern[str]:
    """A town's name right before "toll" ("the Tamba death toll rose to 86")."""
    return re.compile(r"(?<![\w'’-])(" + name_article(table("frames")["place_words"])
                      + r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\s+(?:death\s+|casualty\s+)?toll\b")


@cache
def _leading_article() -> re.Pattern[str]:
    return re.compile("^" + name_article(table("frames")["place_words"]))


def name_article(place_words: dict) -> str:
    """The articles joined to a place's name ("al-Mawasi"), as an optional pattern."""
    return r"(?:(?:" + "|".join(place_words["name_articles"]) + r")-)?"


_NEAR = re.compile(r"(?i:near|around|outside|at)\s")
_PARTICIPLE = re.compile(r"\s*[a-z]+ing\s")


def read_place(text: str, sentence: tuple[int, int], fig: tuple[int, int],
               excluded: list[tuple[int, int]] = ()) -> str | None:  # type: ignore[assignment]
    """Where the figure applies: the place named after a preposition in the figure's clause,
    region words left out (``in Russia's western Kursk region`` -> ``Kursk``); a place that
    is a party's name or adjective is that party (``on Russian soil`` -> Russia)."""
    lex = _lex()
    s0, s1 = sentence
    c0 = clause_start(text, s0, fig[0])
    nxt = _PUNCTUATION.search(text, fig[1], s1)
    c1 = nxt.start() if nxt else s1
    dated_war = _DATED_WAR.search(text, s0, s1)
    if dated_war:  # "killed in a 1991-94 war": a war of those years, not the one reported
        return f"the {dated_war.group(1) or dated_war.group(2)} war"
    phase = lex["phase_re"].search(text, c0, c1)
    if phase:
        return f"{phase.group(1)} operation"  # "killed in the ground offensive": a campaign within the war
    comma = text.rfind(",", s0, fig[0]) + 1  # "…, raising the toll since Sunday to 274": a participle's clause
    if comma > 0 and _PARTICIPLE.match(text, comma):
        c0 = comma
    participle = c0 > s0 and _PARTICIPLE.match(text, c0) is not None
    if participle:
        c0 = clause_start(text, s0, c0 - 1)  # "stormed a hamlet in Tarma, killing 150": the clause it hangs on
    label = label_before(text, max(s0, fig[0] - 80), fig[0])
    if label is not None:
        c0 = min(c0, label)  # "Civilians killed in Tarma: 93": the label names the figure's place
    best: tuple[int, str] | None = None
    for m in lex["place_re"].finditer(text, c0, c1):
        if any(a <= m.start(1) < b for a, b in excluded):
            continue  # "according to the National Intelligence Service"
        name = m.group(1)
        words = name.split()
        if words[0].lower() in lex["region_words"] or name.isupper() and len(name) <= 3:
            continue
        if "-" in _leading_article().sub("", name) or text[m.end(1):m.end(1) + 1] in ("-", "‑"):
            continue  # "the Russia-Ukraine front lines" (not "al-Mawasi": an article joined to a name)
        prev = text[max(s0, m.start() - 16):m.start()].lower().split()
        if prev and prev[-1].strip(".,") in lex["not_after"] and not _NEAR.match(text, m.start()):
            continue  # "the war in Ukraine", "aid to Ukraine" is no place of a figure ("aid near X" is)
        forms = party_forms(text)
        if name in forms and not name.endswith(("'s", "’s")) and not m.group(2) \
                and (forms[name] != name and _noun_follows(text, m.end(1)) or whose.strikes(text, m.start(1), m.end(1))):
            continue  # "in Valdorian air strikes", "in the Ozar attack": the side that strikes, no place
        if name in forms and forms[name] != name and m.group(2) and m.group(2).lower() in _locality_words():
            continue  # "on a Peruvian city": a town of that country, not the country
        after = text[m.end(1):m.end(1) + 3]
        possessive_end = m.end(1)
        if name.endswith(("'s", "’s")):
            name, possessive_end, after = name[:-2], m.end(1) - 2, "'s"
        if _POSSESSIVE.match(after) and not m.group(2):
            # "in Russia's western Kursk region": the place is the name after the possessive
            inner = _NAME_AFTER_POSSESSIVE.match(text, possessive_end)
            if inner is None:
                continue
            name = _strip_region(inner.group(1))
        if not name or name.split()[0] in _months_and_days():
            continue
        if title_case_line(text, m.start()) and not named_outside_titles(text, name):
            continue  # "Dead In Past 24 Hours": in a headline every word is capitalised
        named_war = _WORD_AFTER.match(text, m.end(1))
        if name.split()[-1].lower() in lex["war_nouns"] or named_war and named_war.group(1).lower() in lex["war_nouns"]:
            continue  # "killed in Ozar's Marovo war": the war is named, no place
        distance = abs(m.start() - fig[0])
        if best is None or distance < best[0]:
            best = (distance, name)
    if best is None:
        # a participle hangs on the main clause, past any asides ("a missile hit a district of
        # Tarvo, the second city, before dawn, killing 12")
        struck = _struck_place().search(text, s0 if participle else c0, c1)
        if struck and struck.group("name").split()[0] not in _months_and_days() \
                and (_a_town(text, struck.group("name")) or struck.group("name") in capitals()
                     or struck.group("kind") and struck.group("name") not in party_forms(text)):
            # "shelling of Tamba killed three", "the enclave of Eastern Tamba", "shelling of Lima": the place struck
            return struck.group("name")
        named = _named_toll().search(text, c0, fig[0])
        if named and _a_town(text, named.group(1)) and named.group(1).split()[0] not in _months_and_days() \
                and not re.search(r"\b" + re.escape(named.group(1).lower()) + r"\b", text) \
                and not (" " not in named.group(1) and _SENTENCE_OPENS.search(text, max(0, named.start() - 3), named.start())) \
                and (not title_case_line(text, named.start()) or named_outside_titles(text, named.group(1))):
            return named.group(1)  # "the Tamba death toll rose to 86": the town's toll (not "Death toll …")
        return _region_pointed_at(text, c0, c1) or _campaign(text, s0, s1)  # "in the operation", "over the war"
    if best[1] in capitals():
        return best[1]  # "mortar fire on Lima killed 12": the city's toll, not its country's
    return party_forms(text).get(best[1], best[1])


@cache
def _region_pointer() -> re.Pattern[str]:
    place = table("frames")["place_words"]
    return re.compile(r"\b(?:" + trie_pattern(place["prepositions"]) + r")\s+the\s+(" + trie_pattern(place["region_words"])
                      + r")\b(?!\s+of\b)")


_REGION_REACH = 3000  # characters before "the region" where the region it points back to is named


@lru_cache(maxsize=32)
def _named_region(word: str) -> re.Pattern[str]:
    return re.compile(r"\b([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+" + re.escape(word) + r"\b")


def _region_pointed_at(text: str, c0: int, c1: int) -> str | None:
    """ "across the region": the region of that kind the article named last before it."""
    m = _region_pointer().search(text, c0, c1)
    if m is None:
        return None
    named = None
    for n in _named_region(m.group(1)).finditer(text, max(0, m.start() - _REGION_REACH), m.start()):
        named = n
    if named is None:
        return _town_pointed_at(text, m) if m.group(1) in _locality_words() else None
    if named.group(1).split()[0] in _months_and_days() or named.group(1) in ("The", "This"):
        return None
    return _strip_region(named.group(1)) or None


_TOWN_REACH = 400  # characters before "the town" where the town it points back to is named


@cache
def _locality_words() -> frozenset[str]:
    return frozenset(table("conflicts")["locality_words"])


def _town_pointed_at(text: str, pointer: re.Match[str]) -> str | None:
    """ "on the town": the last place named just before it that is no side and no region ("an
    attack hit Tamba in Oruro province. … dropped bombs on the town" -> Tamba)."""
    lo = max(0, pointer.start() - _TOWN_REACH)
    last: tuple[int, str] | None = None
    for p in (_lex()["place_re"], _struck_place()):
        for n in p.finditer(text, lo, pointer.start()):
            struck = "name" in p.groupindex
            name = n.group("name") if struck else n.group(1)
            after = _WORD_AFTER.match(text, n.end())
            if not _a_town(text, name) or name.split()[0] in _months_and_days() or not struck and n.group(2) \
                    or after is not None and after.group(1).lower() in _lex()["region_words"]:
                continue  # a side, a day, "in Oruro province": no town
            if last is None or n.start() > last[0]:
                last = (n.start(), name)
    return last[1] if last else None


@lru_cache(maxsize=64)
def _campaign(text: str, s0: int, s1: int) -> str | None:
    """The campaign a sentence names (``the war``, ``the operation``), the first in the data's order."""
    lex = _lex()
    found = {m.lastgroup for m in lex["campaign_re"].finditer(text, s0, s1)}
    return next((label for i, label in enumerate(lex["campaigns"]) if f"c{i}" in found), None)


def normal_place(name: str) -> str:
    """One spelling per place: ``the Kursk region``, ``Kursk Oblast`` -> ``Kursk``."""
    words = [w for w in name.replace("’", "'").split() if w.lower() not in ("the", "in", "at", "near", "around", "inside", "across")]
    if words and words[0].endswith("'s") and len(words) > 1:
        words = words[1:]
    return _strip_region(" ".join(words)) or name


def _strip_region(name: str) -> str:
    words = [w for w in name.split() if w.lower() not in _lex()["region_words"]]
    return " ".join(words)


@cache
def _months_and_days() -> frozenset[str]:
    d = table("dates")
    return frozenset(w.capitalize() for w in list(d["months"]) + list(d["weekdays"]))


def read_actor(text: str, sentence: tuple[int, int], fig: tuple[int, int]) -> str | None:
    """Who acts on the land or the force the figure measures: the first party named as a
    subject in the figure's clause, or in the clauses before it (``Ukraine launched … and
    expanded its control to 1,000 km²`` -> Ukraine). Owners (``Russian land``, ``into
    Russia's Kursk region``) are not actors."""
    s0, _ = sentence
    end = fig[0]
    while end > s0:
        c0 = clause_start(text, s0, end)
        for start, stop, party in party_mentions(text, c0, end):
            prev = text[max(c0, start - 8):start].lower().split()
            if prev and prev[-1] in ("of", "in", "into", "to", "from", "across", "inside", "on", "against", "by", "over", "with"):
                continue
            after = text[stop:stop + 24].lower()
            if after.lstrip().startswith(("land", "soil", "territory", "territories", "border")):
                continue
            if _POSSESSIVE.match(text[stop:stop + 2]) and _CAPITALISED.match(text, stop + 3 if text[stop:stop + 2] in ("'s", "’s") else stop + 2):
                continue  # "Russia's Kursk region": an owner
            return party
        if c0 <= s0:
            break
        end = c0 - 1
    return None


# "in a 1991-94 war", "in the war of the early 1990s": a war named by its years
_DATED_WAR = re.compile(r"\b(?:in|during|of)\s+(?:a|the)\s+(?:(?:bloody|brutal|earlier|previous)\s+)?"
                        r"((?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?)s?\s+(?:war|conflict)\b"
                        r"|\b(?:in|during)\s+the\s+(?:war|conflict)\s+of\s+(?:the\s+)?(?:early\s+|mid-|late\s+)?((?:19|20)\d0s)\b")
_FROM_REACH = 120  # characters after a figure where the place people left is named
_FROM_PLACE = re.compile(r"\b(?:from|out of)\s+(?:the\s+)?(?:[a-z]+(?:ern|ed|al)\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)")


def _left_from(text: str, sentence: tuple[int, int], fig: tuple[int, int]) -> str | None:
    """The town people were moved out of ("1,200 were evacuated from Tarvo", "bused out of
    eastern Tarvo"): the place of the figure; a side's name ("refugees from Peru") says whose
    they are, not where."""
    m = _FROM_PLACE.search(text, fig[1], min(sentence[1], fig[1] + _FROM_REACH))
    if m is None or not _a_town(text, m.group(1)) or m.group(1).split()[0] in _months_and_days() \
            or m.group(1) in capitals():
        return None
    return m.group(1)


def describes_base(text: str, sentence: tuple[int, int], fig: tuple[int, int], phrase: str,
                   measure: str | None = None) -> bool:
    """A period phrase after the figure that belongs to a clause about what the figure is a
    share of: ``won back 70% of the territory Ukraine took during the opening weeks``. Only
    land is defined by what was done to it (``600 soldiers were lost in the past day`` is a
    figure for the day)."""
    if measure is not None and "taken" not in _lex()["refined"].get(measure, ()):
        return False
    s0, s1 = sentence
    at = text.find(phrase, fig[1], s1)
    if at < 0:
        return False
    return bool(_lex()["action_re"].search(text, fig[1], at))


def is_earlier(text: str, sentence: tuple[int, int], fig: tuple[int, int]) -> bool:
    """The sentence puts the figure at an earlier, unstated moment: ``shrank from 1,400 to 500``
    (the 1,400), ``earlier assessments put it at 1,400``, ``had 11,000 there when the
    operation began``."""
    lex = _lex()
    s0, s1 = sentence
    if lex["earlier_before_re"].search(text, max(s0, fig[0] - 30), fig[0]):
        return True
    c0 = clause_start(text, s0, fig[0])
    if lex["now_re"].search(text, c0, fig[0]):
        return False  # "it now has 5,000": the moment of the report
    if lex["earlier_words_re"].search(text, c0, fig[0]):
        return True
    nxt = _CLAUSE_BREAK.search(text, fig[1], s1)
    if lex["earlier_clause_re"].search(text, fig[1], min(s1, (nxt.end() if nxt else s1) + 60)):
        return True
    # "When the siege began, X had 9,000": in the figure's own part of the sentence
    a = max(s0, text.rfind(";", s0, fig[0]) + 1)
    b = text.find(";", fig[1], s1)
    return bool(lex["earlier_patterns_re"].search(text, a, b if b >= 0 else s1))


def default_kind(what: str | None) -> str | None:
    """``total`` or ``level`` for a measure (``area:taken`` -> total), None when neither."""
    if what is None:
        return None
    kinds = _lex()["kind_of"]
    return kinds.get(what) or kinds.get(what.split(":")[0])


def month_period(text: str, sentence: tuple[int, int], what: str | None) -> str | None:
    """``in August`` when a total of ``what`` is limited to a month its sentence names."""
    lex = _lex()
    if what not in lex["month_whats"]:
        return None
    m = lex["month_re"].search(text, *sentence)
    return " ".join(m.group(0).split()) if m else None


def read_frame(text: str, sentence: tuple[int, int], fig: tuple[int, int], measure: str | None,
               tail: int | None = None, counted_end: int | None = None,
               excluded: list[tuple[int, int]] = (),  # type: ignore[assignment]
               counted: str | None = None) -> dict[str, str | None]:
    """The frame slots of a figure: ``what``, ``figure`` (level, total, change, period, plan,
    ratio; None when its measure says neither), ``place``, ``actor``, and ``period`` (the month
    a total is limited to, when its sentence names one)."""
    lex = _lex()
    tail = fig[1] if tail is None else tail
    what = measure
    actor = None
    land_share = measure != "share" or counted is None or any(w.lower().strip(".,") in lex["land_nouns"] for w in counted.split())
    action = None
    if not land_share and counted[:1].isupper():
        action = read_action(text, sentence, fig, tail)
        land_share = action in lex["refined"]["share"]  # "holds a third of Marovo": a share of a named place held
    if measure in lex["refined"] and land_share:
        action = action or read_action(text, sentence, fig, tail)
        if measure in ("area", "share", "settlements") and action == "held" and is_peak(text, sentence, fig):
            action = "taken"  # the most land ever held is the land taken
        same_as = lex["same_as"].get(measure, {})
        flipped = action in same_as
        if flipped:
            action = same_as[action]
        if action in lex["refined"][measure]:
            what = f"{measure}:{action}"
        if measure in ("area", "share", "settlements") and not flipped:
            actor = read_actor(text, sentence, fig)
    if measure == "share" and not land_share and counted_end is not None:
        said = lex["share_predicate_re"].match(text, counted_end, sentence[1])
        if said:
            what = f"share:{said.group(1)}"  # "90 percent of the displaced have returned": what it says of them
    kind = read_figure_kind(text, sentence, fig, tail, counted_end) if measure else None
    period = None
    if kind is None:
        period = month_period(text, sentence, what)
        kind = "period" if period else default_kind(what)
    earlier = kind in ("level", "total") and is_earlier(text, sentence, fig)
    place = read_place(text, sentence, fig, excluded)
    if place is None and measure in lex["moved"]:
        place = _left_from(text, sentence, fig)
    return {"what": what, "figure": kind, "place": place, "actor": actor,
            "period": period, "earlier": earlier}
