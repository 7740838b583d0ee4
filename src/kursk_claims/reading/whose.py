"""Whose a figure is when its own clause does not say: the article around it, as a reader fills
in what copy leaves out.

A figure whose clause names no side takes, in this order, the side of the figure it is joined to
or breaks down (``50 of them children``), the side the previous figures of the same measure were
about, then the article's main subject: the party or place its headline and text name most,
leaving out the sides named as attackers (``Israeli strikes``, ``killed by Russian shelling``),
which are whose a loss is not. Each slot filled this way is listed in the claim's ``inferred``.

    >>> text = "Floods in Norland\\n\\nRescuers in Norland said 40 people died. Later 12 more were found."
    >>> main_subject(text)
    'Norland'
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache
from typing import Any

from ..lexicon import Folded, led, table, trie_pattern, whole_words
from .datelines import in_dateline
from .names import bodies, is_group, on_change, party_pattern
from .titles import title_case_line

_HEADLINE_WEIGHT = 3



@cache
def _lex() -> dict[str, Any]:
    w = table("whose")
    d = table("dates")
    agents = w["agent_nouns"]
    compass = trie_pattern(w["compass_words"])
    return {
        "agent_after": re.compile(r"(?:['’]s)?\s+(?:[a-z-]+\s+)?(?:" + trie_pattern(agents) + r")\b", re.I),
        "loss_measures": frozenset(w["loss_measures"]),
        "movement_measures": frozenset(w["movement_measures"]),
        "civil_after": re.compile(r"(?:['’]s)?\s+(?:[a-z-]+\s+)?(?:" + trie_pattern(w["civil_speakers"]) + r")\b", re.I),
        # "the health ministry in Peru", "officials of the civil defence in rebel-held Tamba"
        "civil_before": re.compile(r"\b(?:" + trie_pattern(w["civil_speakers"]) + r")\s+(?:[a-z]+\s+){0,2}(?:in|of)\s+(?:the\s+)?"
                                   r"(?:[\w]+-[a-z]+\s+)?$", re.I),
        "major_break": re.compile(r";|,?\s+(?:" + "|".join(w["clause_breaks"]) + r")\s+", re.I),
        # "by Ozari forces", "by Peru's paramilitary Ozar Front": the side that does it
        "agent_before": led(r"\b(?:(?:" + "|".join(w["agent_before"]) + r")\s+(?:the\s+)?|by\s+(?:the\s+)?[\w-]+['’]s\s+(?:[a-z-]+\s+)?)$", re.I),
        "not_whose_after": re.compile(r"(?:['’]s)?\s+(?:[a-z-]+\s+)?(?:" + trie_pattern(w["institution_nouns"] + w["speech_after"])
                                      + r")\b"),
        "opponent_before": led(r"\b(?:" + trie_pattern(w["fight_nouns"]) + r")[\"”’']?\s+(?:with|against|between)\s+"
                                      r"(?:the\s+)?(?:(?:[\w'’-]+\s+){1,3}?(?:and|or)\s+(?:the\s+)?)?$", re.I),
        "ally_before": re.compile(r"\b(?:" + trie_pattern(w["fought_for_words"]) + r")\s+(?:for|alongside|on\s+behalf\s+of)\s+(?:the\s+)?$", re.I),
        "place_after": re.compile(r"\s+(?:" + trie_pattern(w["place_nouns"]) + r")\b", re.I),
        # "in (northern) Norland": a place; with a compass word, the place of a loss only
        "place": led(r"\b(?i:in|inside|across|throughout|around|near|of)[ \t]+(?:the[ \t]+)?"
                            r"(?P<compass>(?:" + compass + r")[ \t]+)?([A-Z][\w-]*[a-z](?:[ \t]+[A-Z][\w-]*[a-z])?)(?:['’]s)?"),
        "possessive_place": re.compile(r"['’]s[ \t]+(?:(?:" + compass + r")[ \t]+)?([A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*)?)"),
        "destination_before": re.compile(r"\b(?:into|to|towards?|for|(?:arrived|arriving|arrive|arrives|sheltering|settled)\s+in)\s+"
                                         r"(?:the\s+)?(?:(?:neighbouring|neighboring|" + compass + r")\s+)?$", re.I),
        "according": led(r"\baccording\s+to\s+(?:the\s+)?$", re.I),
        "group_pointer": re.compile(r"\b[Tt]he\s+(?:" + trie_pattern(w["group_pointers"]) + r")\b(?!['’]s\s+(?:own\s+)?(?:[a-z]+\s+)?(?:said|says))"),
        "not_places": frozenset(m.capitalize() for m in [*d["months"], *d["weekdays"]]) | frozenset(w["not_names"]),
        "region_words": frozenset(table("frames")["place_words"]["region_words"]),
        # "Ozar chief Luis Rojas", "Ozar's founder, Luis Rojas": the person after a side and a title
        "leader_after": re.compile(r"(?:['’]s)?\s+(?:[a-z-]+\s+)?(?:" + trie_pattern(w["leader_titles"])
                                   + r"),?\s+(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2})"),
        # "Luis Rojas, whose Ozar militia", "Luis Rojas, the founder of Ozar": the person before
        "leader_before": re.compile(r"(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2}),\s+(?:whose\s+(?:[a-z-]+\s+)?|"
                                    r"(?:the\s+)?(?:[a-z-]+\s+)?(?:" + trie_pattern(w["leader_titles"])
                                    + r")\s+of\s+(?:the\s+)?(?:[a-z-]+\s+)?)$"),
        "left_place": re.compile(r"\s+(?:(?:have|had|has)\s+)?(?:" + trie_pattern(w["departure_verbs"])
                                 + r")\s+(?:the\s+)?(?P<name>[A-Z][\w-]*[a-z](?:\s+[A-Z][\w-]*[a-z])?)(?P<possessive>['’]s)?"),
        "origin": re.compile(r"\s+(?P<verb>(?:have\s+|had\s+|has\s+)?(?:" + trie_pattern(w["movement_verbs"])
                             + r")\s+)?from\s+(?:the\s+)?(?P<name>[A-Z][\w-]*[a-z](?:\s+[A-Z][\w-]*[a-z])?)(?P<possessive>['’]s)?"),
        "credit_line": re.compile(r"\((?:" + trie_pattern(w["credit_openers"]) + r")\b[^()]*\)", re.I),
        "war_nouns": frozenset(table("frames")["place_words"]["war_nouns"]),
        # "Ozar's western region of Tamba": the region named after a country's possessive
        "region_of": re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:" + trie_pattern(table("frames")["place_words"]["region_words"])
                                + r")\s+of\s+(?P<name>[A-Z][\w-]*[a-z](?:\s+[A-Z][\w-]*[a-z])?)"),
    }


def not_places() -> frozenset[str]:
    """Capitalised words that name no place: months, weekdays, words that open sentences."""
    return _lex()["not_places"]  # type: ignore[no-any-return]


def is_loss(measure: str | None) -> bool:
    """Whether a figure of ``measure`` is a side's loss (the dead, the displaced, the damage)."""
    return measure in _lex()["loss_measures"]




_ARRIVED_BEFORE = re.compile(r"\b(?:arrived|arriving|arrive|arrives|sheltering|settled|fled|crossed)\s+$", re.I)





def origin_after(text: str, pos: int, limit: int, measure: str | None) -> str | None:
    """Where people on the move come from, named right after their noun ("refugees from
    Marovo", "from Ozar's western region of Tamba", "from Ozar's Tamba region"): whose they are."""
    m = _lex()["origin"].match(text, pos, min(limit, pos + 80))
    left = m is None and measure in ("people", *_lex()["movement_measures"])
    if left:  # "a million people have left the Marovo region": the place they left
        m = _lex()["left_place"].match(text, pos, min(limit, pos + 80))
    if m is None or m.group("name").split()[0] in _lex()["not_places"]:
        return None
    if not left and measure not in _lex()["movement_measures"] and not (measure == "people" and m.group("verb")):
        return None  # "900 people fled from Marovo": people on the move, by their verb
    if m.group("possessive"):
        inner = _lex()["region_of"].match(text, m.end(), min(limit, m.end() + 60))
        if inner:
            return inner.group("name")
        region = inner_place(text, m.end("name"))  # "from Ozar's Tamba region"
        if region:
            return region
    _, forms = party_pattern(text)
    return forms.get(m.group("name"), m.group("name"))


def is_destination(text: str, start: int, measure: str | None) -> bool:
    """Whether the party named at ``start`` is where people on the move go ("crossing into
    Syria", "fled to Peru"): not whose they are."""
    return measure in _lex()["movement_measures"] and bool(_lex()["destination_before"].search(text, max(0, start - 30), start))


@cache
def _host_between() -> re.Pattern[str]:
    return re.compile(r"\s+(?:(?:has|have|had|now|already|so\s+far|since)\s+){0,2}(?:"
                      + trie_pattern(table("whose")["host_verbs"]) + r")\s+(?:[\w.,-]+\s+){0,3}", re.I)


def is_host(text: str, end: int, measure: str | None) -> bool:
    """Whether the party named right before ``end`` takes people on the move in ("Chad has
    taken in …"): where they are, not whose they are."""
    return measure in _lex()["movement_measures"] and _host_between().match(text, end, min(len(text), end + 40)) is not None


def host_before(text: str, c0: int, start: int, measure: str | None) -> str | None:
    """The side named as the one that takes people on the move in, right before their figure
    ("Neighbouring Chad has taken in about 500,000 refugees"): where they are."""
    if measure not in _lex()["movement_measures"]:
        return None
    pattern, forms = party_pattern(text)
    last = None
    for m in pattern.finditer(text, c0, start):
        last = m
    if last is None or not _host_between().fullmatch(text, last.end(), start):
        return None
    return forms[last.group(1)]


@cache
def _military() -> tuple[re.Pattern[str], re.Pattern[str]]:
    nouns = trie_pattern(table("whose")["military_nouns"])
    return (re.compile(r"\b[Tt]he\s+(?:" + nouns + r")\b"), re.compile(r"\s+(?:" + nouns + r")\b", re.I))


_ARMY_REACH = 3000  # characters back where the army "the army" points to is named


def army_pointed_at(text: str, c0: int, start: int) -> str | None:
    """The side of the army (or the military) that speaks in text[c0:start], a figure of
    soldiers after it: the side it is named with ("the Peruvian army said 240 soldiers had been
    killed"), or for "the army" the side whose army the text named last before it ("the
    Peruvian army", "Peru's military")."""
    pointer, noun = _military()
    pattern, forms = party_pattern(text)
    for p in pattern.finditer(text, c0, start):
        if noun.match(text, p.end()):
            return forms[p.group(1)]  # "the Tamban military said 46 soldiers …": its own
    m = pointer.search(text, c0, start)
    if m is None:
        return None
    side = None
    for p in pattern.finditer(text, max(0, m.start() - _ARMY_REACH), m.start()):
        if noun.match(text, p.end()):
            side = forms[p.group(1)]
    return side


def major_clause_start(text: str, s0: int, pos: int) -> int:
    """Where the part of a sentence holding ``pos`` starts, when a ``while``, ``but`` or ``;``
    opens a part with its own speaker and side."""
    start = s0
    for m in _lex()["major_break"].finditer(text, s0, pos):
        start = m.end()
    return start


def civil_side(text: str, start: int, end: int) -> str | None:
    """The side whose civil authority speaks in text[start:end] (``Norland's health ministry
    said``, ``the health ministry in rebel-held Norland said``): the side whose own people its
    toll counts."""
    pattern, forms = party_pattern(text)
    for m in pattern.finditer(text, start, end):
        if text[m.end():m.end() + 1] in ("-", "‑"):
            continue  # "Ozar-run Tamba": the side that runs the place
        if _lex()["civil_after"].match(text, m.end(), min(len(text), m.end() + 40)) \
                or _lex()["civil_before"].search(text, max(start, m.start() - 50), m.start()):
            return forms[m.group(1)]
    return None


@cache
def _all_sides() -> Folded:
    return whole_words(table("whose")["all_sides"])


def of_all_sides(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] says its figures are every side's together ("the dead on both
    sides")."""
    return _all_sides().search(text, start, end) is not None


def is_agent(text: str, start: int, end: int) -> bool:
    """Whether the party named at text[start:end] acts on the figure's people rather than being
    them: ``Israeli strikes``, ``Russian shelling``, ``by Ukrainian forces``."""
    lex = _lex()
    if lex["agent_after"].match(text, end, min(len(text), end + 40)):
        return True
    return bool(lex["agent_before"].search(text, max(0, start - 40), start))


def names_no_victim(text: str, start: int, end: int) -> bool:
    """Whether the party named at text[start:end] is named as the other side of a fight (``the
    war with Norland``, ``fighting between Ozar and Norland``), as the side fought for (``died
    in combat for Norland``) or as a place (``the Ozari city``), not as the people a loss is
    counted among."""
    lex = _lex()
    if text[end:end + 2] not in ("'s", "’s") and lex["place_after"].match(text, end, min(len(text), end + 30)):
        return True
    if lex["ally_before"].search(text, max(0, start - 40), start):
        return True  # "died in combat for Peru": the side they fought for
    return is_opponent(text, start)


def is_opponent(text: str, start: int) -> bool:
    """Whether the party named at ``start`` is the other side of a fight (``the war with Norland``)."""
    return bool(_lex()["opponent_before"].search(text, max(0, start - 60), start))


def is_speaker_or_institution(text: str, start: int, end: int) -> bool:
    """Whether the party named at text[start:end] speaks or stands for an institution there:
    ``Norland said``, ``the Valdorian government``, ``according to Norland``."""
    lex = _lex()
    if lex["not_whose_after"].match(text, end, min(len(text), end + 40)):
        return True
    return bool(lex["according"].search(text, max(0, start - 20), start))


_OWN_SIDE = re.compile(r"\s*(?:of\s+)?(?:his|her|its|their|our|my)\s+", re.I)
_NAME_WORD = re.compile(r"[ \t]+([A-Z][\w-]*)")
_FORCE_WORDS = frozenset(("Forces", "Army", "Armed", "Navy", "Air", "Guard", "Troops", "Defense", "Defence", "Military"))


_PERSONAL_OWNER = re.compile(r"\s*(?:of\s+)?(?:his|her)\s+", re.I)


def personal_owner(text: str, start: int, end: int) -> bool:
    """Whether the words between a figure and its noun make a person the owner: "of his men"."""
    return bool(_PERSONAL_OWNER.match(text, start, end))


def own_side(text: str, start: int, end: int) -> bool:
    """Whether the words between a figure and its noun make the noun the speaker's own:
    ``20,000 of his fighters``, ``4,000 of its members``."""
    return bool(_OWN_SIDE.match(text, start, end))


_OWN_LOSSES = re.compile(r"\b(?:his|her|its|their|our)\s+(?:own\s+)?(?:[a-z]+\s+)?(?:losses|casualties|dead|death\s+toll|toll)\b", re.I)


def own_losses_before(text: str, start: int, pos: int) -> int | None:
    """Where a possessed loss noun before a figure in its clause starts (``put his losses at
    10,000``, ``its own death toll at 300``): the figure is the possessor's own side's."""
    found = None
    for m in _OWN_LOSSES.finditer(text, start, pos):
        found = m.start()
    return found


_SIDE_OPENING = re.compile(r"[\s\-–•*]*on\s+the\s+$", re.I)
_SIDE_COMMA = re.compile(r"\s+side\s*,")


def side_opening(text: str, start: int, end: int) -> str | None:
    """The side a sentence opens on, before a comma ("On the Peruvian side, 85 civilians
    were killed"): whose the figures of its clause are."""
    pattern, forms = party_pattern(text)
    m = next(iter(pattern.finditer(text, start, min(end, start + 40))), None)
    if m is None or not _SIDE_OPENING.fullmatch(text, start, m.start()) or not _SIDE_COMMA.match(text, m.end(), end):
        return None
    return forms[m.group(1)]


def side_of_clause(text: str, start: int, end: int) -> str | None:
    """The party named last before ``end`` in text[start:end], speakers and institutions
    included: whose ``his``/``its`` is (``the Ozar chief said 500 of his fighters``)."""
    pattern, forms = party_pattern(text)
    found = [forms[m.group(1)] for m in pattern.finditer(text, start, end)]
    return found[-1] if found else None


@lru_cache(maxsize=8)
def _leaders(text: str) -> dict[str, str]:
    """Each person the text ties to the side they lead, by surname: "Ozar chief Luis Rojas",
    "Luis Rojas, whose Ozar militia …", "Luis Rojas, the founder of Ozar" -> {"Rojas": "Ozar"}."""
    lex = _lex()
    pattern, forms = party_pattern(text)
    found: dict[str, str] = {}
    for m in pattern.finditer(text):
        after = lex["leader_after"].match(text, m.end(), min(len(text), m.end() + 60))
        before = lex["leader_before"].search(text, max(0, m.start() - 80), m.start())
        for hit in (after, before):
            if hit is not None and hit.group("name").split()[0] not in lex["not_places"]:
                found.setdefault(hit.group("name").split()[-1], forms[m.group(1)])
    return found


on_change(_leaders.cache_clear)


def led_side(text: str, start: int, pos: int) -> str | None:
    """The side of the person named last in text[start:pos] whom the text ties to a side they
    lead: whose "his men" are in "Rojas says 900 of his men died"."""
    leaders = _leaders(text)
    if not leaders:
        return None
    best = None
    for surname, side in leaders.items():
        at = text.rfind(surname, start, pos)
        if at >= 0 and (best is None or at > best[0]):
            best = (at, side)
    return best[1] if best else None


_GROUP_REACH = 2000  # characters before a description within which the group it points back to is named


def group_pointed_at(text: str, start: int, pos: int) -> str | None:
    """The armed group a description in text[start:pos] points back to ("the group has fired",
    "the militia believes"): the group named last before it."""
    m = None
    for m in _lex()["group_pointer"].finditer(text, start, pos):
        pass
    if m is None:
        return None
    pattern, forms = party_pattern(text)
    groups = [forms[g.group(1)] for g in pattern.finditer(text, max(0, m.start() - _GROUP_REACH), m.start())
              if is_group(forms[g.group(1)]) and forms[g.group(1)] not in bodies()]
    return groups[-1] if groups else None


def in_proper_name(text: str, start: int, end: int) -> bool:
    """Whether the party named at text[start:end] is a word of a longer proper name (``Norland
    Point News``, ``the Norwegian Refugee Council``) rather than the party itself; a country's
    own forces (``Norland Armed Forces``) stay the party."""
    m = _NAME_WORD.match(text, end, min(len(text), end + 40))
    if not m or text[end:end + 2] in ("'s", "’s") or title_case_line(text, start):
        return False  # in a headline that capitalises every word, a capital starts no name
    word = m.group(1)
    if word in _FORCE_WORDS or word in party_pattern(text)[1]:
        return False
    return not _lex()["not_whose_after"].match(text, end, min(len(text), end + 40)) and word not in _lex()["not_places"]


_REGION_AFTER = re.compile(r"[ \t]+(?:region|province|state|oblast|district|governorate|prefecture)\b", re.I)


def inner_place(text: str, end: int) -> str | None:
    """``Norland's Ozar region``: the place inside the party named before ``end``, when the text
    names it as a place elsewhere (``in Ozar``)."""
    m = _lex()["possessive_place"].match(text, end, min(len(text), end + 60))
    if not m:
        return None
    name = m.group(1).split()[0]
    if name in party_pattern(text)[1] or name in _lex()["not_places"]:
        return None
    region = _REGION_AFTER.match(text, m.start(1) + len(name))  # "Norland's Ozar region"
    return name if region or is_place(text, name) else None


def is_place(text: str, name: str) -> bool:
    """Whether ``text`` uses ``name`` as a place: ``in Ozar``, ``near Ozar``."""
    return bool(re.search(r"\b(?:in|at|near|inside|into|around|across|outside|towards?|from)\s+(?:the\s+)?"
                          + re.escape(name) + r"(?![\w-])", text))


_CLAUSE_AFTER = re.compile(r";|\s[-–—]\s|,?\s+(?:far\s+|much\s+)?(?:more|fewer|less)\s+than\b|,\s+(?:and|but|while)\s")


@cache
def _said_after_and() -> re.Pattern[str]:
    return re.compile(r"\s+and\s+(?:" + trie_pattern(table("whose")["speech_after"]) + r")\b")


def clause_end_after(text: str, pos: int, end: int) -> int:
    """Where the clause holding ``pos`` ends, looking forward: a semicolon, a dash, a
    comparison ("far more than X lost"), a new clause after ", and", or a verb of saying joined
    by "and" ("… have been killed since Sunday and accused X of …"); else ``end``."""
    m = _CLAUSE_AFTER.search(text, pos, end)
    stop = m.start() if m else end
    said = _said_after_and().search(text, pos, stop)
    return said.start() if said else stop


_OWN_PHRASE = 30  # a place this close after a figure is in the figure's own phrase


def place_of_loss(text: str, sentence: tuple[int, int], fig: tuple[int, int], before: bool = False) -> str | None:
    """The party a loss happened in, from the figure's clause: ``damage in Norland``; with
    ``before``, only from the words before the figure (``officials in Norland said``: soldiers
    fall where they fight, so the place after them is not whose they are)."""
    pattern, forms = party_pattern(text)
    lo = max(sentence[0], max(text.rfind(p, sentence[0], fig[0]) for p in (";", ":")) + 1)
    # the clause ends at a semicolon, a dash or a comparison ("- far more than X lost in Y")
    hi = fig[0] if before else clause_end_after(text, fig[1], sentence[1])
    best: tuple[int, str] | None = None
    for m in _lex()["place"].finditer(text, lo, hi):
        name = m.group(2)
        if m.group(0).startswith("of") or is_opponent(text, m.start(2)) \
                or _ARRIVED_BEFORE.search(text, max(0, m.start() - 16), m.start()) or where_a_war_is(text, m.start(2)) \
                or strikes(text, m.start(2), m.end(2)):
            continue  # "three months of Norland's operation", "the war with Norland", "arrived in Norland",
            # "killed in the ground operation in Norland": where the operation is, not whose the dead
            # are; "killed in the Ozar attack": the side that struck
        where = forms.get(name) or forms.get(name.split()[0])
        if where in bodies():
            continue  # "the head of foreign affairs in the European Union": a body is no place
        if where is not None:
            where = inner_place(text, m.start(2) + len(name.split()[0])) or where
        if where is None:
            continue  # a town or region: the figure's place, not a side
        if fig[1] <= m.start() <= fig[1] + _OWN_PHRASE and not any(p in text[fig[1]:m.start()] for p in ",;("):
            return where  # "46,000 people in Chile": the place in the figure's own phrase
        distance = abs(m.start() - fig[0])
        if best is None or distance < best[0]:
            best = (distance, where)
    return best[1] if best else None


def _headline_end(text: str) -> int:
    first = text.lstrip()
    offset = len(text) - len(first)
    line = first.split("\n", 1)[0]
    return offset + len(line) if len(line) < 200 else 0


_OWNER_OF_NAME = re.compile(r"\s+(?:[a-z]+\s+)?([A-Z][a-z]+)\b")


def _names_a_region(text: str, inner: re.Match[str]) -> bool:
    """Whether the name after a country's possessive is a region of it ("Peru's Marovo region",
    "the war in Marovo"), not a person or a body of the country ("Peru's Rojas")."""
    after = text[inner.end():inner.end() + 20].split()
    if after and after[0].lower().strip(".,") in _lex()["region_words"] | _lex()["war_nouns"]:
        return True
    return re.search(r"\b(?:in|across|inside)\s+(?:the\s+)?" + re.escape(inner.group(1)) + r"\b", text) is not None


def main_subject(text: str) -> str | None:
    """The party or place an article is mainly about: named most, its headline counting thrice,
    attackers, speakers, institutions, words of longer names (``the Norland Relief Agency``),
    supranational bodies and credit lines (``(Reporting by … in Geneva)``) left out."""
    ranked = subjects_ranked(text)
    return ranked[0] if ranked else None


@lru_cache(maxsize=8)
def subjects_ranked(text: str) -> tuple[str, ...]:
    """The parties and places an article is about, the one named most first (as ``main_subject``)."""
    lex = _lex()
    pattern, forms = party_pattern(text)
    head = _headline_end(text)
    votes: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    credits = [(c.start(), c.end()) for c in lex["credit_line"].finditer(text)]

    def credited(pos: int) -> bool:
        return any(a <= pos < b for a, b in credits)

    for m in pattern.finditer(text):
        if is_agent(text, m.start(), m.end()) or is_speaker_or_institution(text, m.start(), m.end()) \
                or names_no_victim(text, m.start(), m.end()) or credited(m.start()) or in_dateline(text, m.start()) \
                or (not m.group(1).endswith(("'s", "’s")) and in_proper_name(text, m.start(), m.end())):
            continue
        party = forms[m.group(1)]
        if party in bodies():
            continue
        inner = _OWNER_OF_NAME.match(text, m.end()) if m.group(1).endswith(("'s", "’s")) else None
        if inner and inner.group(1) not in forms and _names_a_region(text, inner):
            # "X's Y region": X says where Y lies; the article is about Y
            votes[inner.group(1)] += _HEADLINE_WEIGHT if m.start() < head else 1
            first_seen.setdefault(inner.group(1), inner.start(1))
            continue
        votes[party] += _HEADLINE_WEIGHT if m.start() < head else 1
        first_seen.setdefault(party, m.start())
    for m in lex["place"].finditer(text):
        name = m.group(2)
        if m.group("compass") or name in forms or name.split()[0] in lex["not_places"]:
            continue
        if is_agent(text, m.start(2), m.end(2)) or credited(m.start(2)):
            continue
        votes[name] += _HEADLINE_WEIGHT if m.start() < head else 1
        first_seen.setdefault(name, m.start(2))
    return tuple(sorted(votes, key=lambda p: (-votes[p], first_seen[p])))


on_change(subjects_ranked.cache_clear)


@cache
def _striking() -> tuple[re.Pattern[str], re.Pattern[str]]:
    w = table("whose")
    strikes = trie_pattern([n for n in w["agent_nouns"] if " " not in n or not n.endswith("killed")])  # not "troops killed"
    return (re.compile(r"(?:['’]s)?\s+(?:" + strikes + r")\b"),
            re.compile(r"\b(?:" + strikes + r")\s+(?:" + "|".join(w["agent_before"])
                       + r")\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?(?:[a-z-]+\s+)?$", re.I))


@cache
def _war_then_preposition() -> re.Pattern[str]:
    words = table("frames")["place_words"]
    return re.compile(r"\b(?:" + trie_pattern(words["not_after"]) + r")\s+(?:" + trie_pattern(words["prepositions"])
                      + r")\s+(?:the\s+)?$", re.I)


def where_a_war_is(text: str, start: int) -> bool:
    """Whether the name at ``start`` says where a war or an operation goes on ("killed in the
    ground operation in Norland"): not whose those it killed are."""
    return _war_then_preposition().search(text, max(0, start - 40), start) is not None


_OWNED_NEXT = re.compile(r"\s+(?:[a-z-]+\s+)?")


@lru_cache(maxsize=256)
def attackers(text: str, start: int, end: int) -> frozenset[str]:
    """The sides text[start:end] plainly names as the ones that strike: ``an attack by X``,
    ``an attack by Y's paramilitary X``, ``X shelling``."""
    pattern, forms = party_pattern(text)
    found = list(pattern.finditer(text, start, end))
    owners = {m.start() for m, n in zip(found, found[1:])  # "Peru's paramilitary Ozar Front": Ozar strikes, Peru owns it
              if m.group(1).endswith(("'s", "’s")) and _OWNED_NEXT.fullmatch(text, m.end(), n.start())}
    return frozenset(forms[m.group(1)] for m in found if m.start() not in owners and strikes(text, m.start(), m.end(), start))


on_change(attackers.cache_clear)


def strikes(text: str, start: int, end: int, limit: int = 0) -> bool:
    """Whether the side named at text[start:end] is plainly the one that strikes: ``the Ozar
    attack``, ``Ozari shelling``, ``an attack by Ozar`` (not "Ozar fighters killed", which may be
    its dead)."""
    after, before = _striking()
    return bool(after.match(text, end) or before.search(text, max(limit, start - 60), start))


def fill_subjects(text: str, claims: list[dict[str, Any]]) -> None:
    """Give a figure whose clause names no side the article's main subject, else the side the
    article's other figures of its measure were read to be about."""
    by_measure: dict[str | None, Counter[str]] = {}
    for c in claims:
        if c.get("subject"):
            by_measure.setdefault(c.get("measure"), Counter())[c["subject"]] += 1
    ranked: tuple[str, ...] | None = None
    for c in claims:
        if c.get("subject"):
            continue
        if c.get("points_to") is not None and claims[c["points_to"]].get("subject"):
            told = claims[c["points_to"]]  # "the committee's count of 104 dead": the tally told before
            c["subject"] = told["subject"]
            if "subject" in (told.get("inferred") or ()):
                c.setdefault("inferred", []).append("subject")
            continue
        if ranked is None:
            ranked = subjects_ranked(text)
        # not a side the figure's own sentence names as the one that struck ("an attack by X
        # killed 104 people"): the dead are not the attacker's, but of the country the article
        # names most after it
        striking = attackers(text, c["sentence_start"], c["sentence_end"]) if is_loss(c.get("measure")) else frozenset()
        topic = ranked[0] if ranked and ranked[0] not in striking else \
            next((p for p in ranked[1:] if p not in striking and not is_group(p)), "")
        seen = by_measure.get(c.get("measure"))
        subject = topic or (seen.most_common(1)[0][0] if seen and c.get("measure") is not None else None)
        if subject:
            c["subject"] = subject
            c.setdefault("inferred", []).append("subject")
