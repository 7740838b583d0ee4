"""What a figure counts, whose it is, what kind of figure it is, and what limits it.

Rules over the sentence text, no trained model needed::

    >>> read_counted("sent 12 of its soldiers to Kursk", 7)[0]
    'soldiers'
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import islice

from ..lexicon import Folded, led, table, trie_pattern
from . import whose
from .datelines import in_dateline
from .lines import line_start
from .names import bodies, known_party_forms, on_change, party_forms, party_pattern
from .titles import named_outside_titles, title_case_line

_ADJECTIVE_END = re.compile(r"(?:al|ive|ic|ous|ful|less|ern|ish|ary|ian|ese|ile|able|ible)$")
_WORD = re.compile(r"[A-Za-z][\w'’.-]*\w|[A-Za-z]|\S")

# patterns of the rules below, compiled once: calling re.match(r"...") looks each up again
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_SPACES = re.compile(r"\s+")
_LINE_LABEL = re.compile(r"[ \t]+[-\u2013\u2014:][ \t]+")
_LABEL_FIGURE = 24  # a figure that opens its line, at most this long, labels what follows a dash
_CLAUSE_BREAK = re.compile(r"[,;]\s|\s[\u2013\u2014]\s")
_RUN_BY = re.compile(r"[-‑][a-z]+$")  # "Ozar-run", "Ozar-held"
_HYPHEN_WORD_AFTER = re.compile(r"[-‑][A-Za-z]")
_HYPHEN_WORD_BEFORE = re.compile(r"[A-Za-z][-‑]$")
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
_LAND_AFTER = re.compile(r"\s+(?:territory|land|soil|territories|lands)\b")
_NUMBER_OF = re.compile(r"(?:(?:total|overall|combined|entire|whole)\s+)?(?:number|count|figure|tally|total|size|strength)\s+of\s+", re.I)
_PLACE_LABEL = re.compile(r"\s*([A-Z][a-z][\w-]*(?:\s+[A-Z][a-z][\w-]*)?):\s")
_VICTIM_AFTER = re.compile(r"\s+(?:(?!out\b)\w+\s+){0,3}?(?:on|among|of|to)\s+(?:the\s+)?", re.I)  # not "out of": a source ("recruited out of the Ozari prisons")
_APPROX_WORDS = frozenset(("approximately", "about", "around", "some", "nearly", "almost", "roughly", "over", "estimated"))
_PLACE_BEFORE = re.compile(r"\b(?:in|inside|into|across|at|near)\s+(?:the\s+)?$", re.I)  # "troops inside Russia": a place
_PREPOSITION_LEAD = re.compile(r"^(?:\S+\s+(?:for|of|on)\s+|\S+\s+)(?:the\s+)?")


@cache
def _counted_lex() -> dict:
    c = table("counted")
    return {
        "stops": frozenset(c["stops"]),
        "partitive": frozenset(c["partitive_determiners"]),
        "keep_ed": frozenset(c["keep_ed"]),
        "nominal": frozenset(c["nominal_adjectives"]),
        "ends_after_noun": frozenset(c["ends_after_noun"]),
    }


def read_counted(text: str, pos: int, limit: int | None = None) -> tuple[str | None, int, int]:
    """The noun phrase a figure counts, read from ``pos`` (just after the figure and its unit).

    Returns (phrase, start, end); phrase is None when the figure is followed by no noun
    (``16 thousand killed``, ``about 4 were wounded``).
    """
    lex = _counted_lex()
    limit = len(text) if limit is None else limit
    label = _LINE_LABEL.match(text, pos, limit)
    if label and pos - line_start(text, pos) <= _LABEL_FIGURE:
        pos = label.end()  # a fact sheet's line "63,000 - refugees who arrived in May"
    words = [(m.group(0), m.start(), m.end()) for m in islice(_WORD.finditer(text, pos, min(limit, pos + 80)), 12)]
    i = 0
    if i < len(words) and words[i][0].lower() == "of":
        i += 1  # "12 of its soldiers", "40 percent of the territory"
        if i < len(words) and words[i][0].lower() in lex["partitive"]:
            if words[i][0].lower() in ("whom", "which", "them"):
                return None, pos, pos
            i += 1
            if i < len(words) and words[i][0].lower() in _APPROX_WORDS and i + 1 < len(words) and words[i + 1][0][:1].isdigit():
                i += 1  # "more than half of the approximately 11,000 troops"
            while i < len(words) and (words[i][0][:1].isdigit() or (words[i][0] in ",." and i + 1 < len(words) and words[i + 1][0][:1].isdigit())):
                i += 1  # "3,800 of the 12,000 soldiers": the whole counts the same thing
    if i + 1 < len(words) and words[i][0].lower() in ("more", "additional", "extra", "new", "other") \
            and words[i + 1][0][:1].isalpha() and words[i + 1][0].lower() not in lex["stops"]:
        i += 1  # "10 more tanks"
    if i < len(words) and words[i][0].lower() in lex["nominal"] and (i > 0 or words[i][0].lower() != "killed"):
        # "1,100 dead near the city", "10% of the injured": the adjective is the noun
        nxt = words[i + 1][0] if i + 1 < len(words) else "."
        if not nxt[0].isalpha() or nxt.lower() in lex["stops"]:
            w, s, e = words[i]
            return w, s, e
        if not _before_nationality(words, i):
            i += 1  # "300 dead soldiers": the adjective says the measure, the noun after it is counted
    taken: list[tuple[str, int, int]] = []
    while i < len(words) and len(taken) < 6:
        w, s, e = words[i]
        lw = w.lower().rstrip(".")
        if not w[0].isalpha():
            break
        if lw in lex["nominal"] and w == lw and not lw.endswith(("ed", "ing")) and taken \
                and taken[-1][0].lower() not in people_nouns() \
                and (i + 1 == len(words) or not words[i + 1][0][:1].isalpha() or words[i + 1][0].lower() in lex["stops"]):
            return text[taken[0][1]:e], taken[0][1], e  # "the war dead were", "the civilian dead": the adjective is the head
        if taken and lw in lex["ends_after_noun"]:
            break  # "105 missiles early Saturday", "3,000 gunmen burst through"
        if (lw in lex["stops"] and not (lw.endswith("ed") and not taken and _before_nationality(words, i))) or w.endswith("."):
            if w.endswith(".") and lw not in lex["stops"] and len(w) > 2 and not _INITIALS.fullmatch(w):
                taken.append((w.rstrip("."), s, e - 1))  # the phrase ends the sentence
            break
        if taken and w[0].isupper() and taken[-1][0][0].islower() and not _ADJECTIVE_END.search(taken[-1][0]) \
                and not (taken[-1][0].endswith("ed") and _before_nationality(words, i - 1)) \
                and not _name_inside_phrase(words, i, taken[-1][0]):
            break  # "territory Ukrainian troops seized": a new phrase starts; "nominal North Korean" goes on
        if (lw.endswith("ing") or lw.endswith("ed")) and lw not in lex["keep_ed"] and len(lw) > 4:
            if not _looks_adjectival(words, i) or (taken and lw.endswith("ed")):
                break  # "soldiers fighting on the front", "16 thousand killed"; "armored fighting vehicles" goes on
        taken.append((w, s, e))
        i += 1
    # a phrase must end in a noun-like word: drop trailing capitals that start the next clause
    while taken and taken[-1][0].lower() in lex["stops"]:
        taken.pop()
    if not taken:
        return None, pos, pos
    start, end = taken[0][1], taken[-1][2]
    return text[start:end], start, end


def _name_inside_phrase(words: list[tuple[str, int, int]], i: int, before: str) -> bool:
    """Whether the capitalised words at ``i`` name whose people a phrase counts, between a
    modifier and the plural noun ("senior Ozar commanders"); not after a noun of people or land
    ("the territory Ozari troops seized": a clause of its own starts at the name)."""
    lw = before.lower()
    if lw in people_nouns() or lw in land_nouns():
        return False
    j = i
    while j < len(words) and j < i + 3 and words[j][0][:1].isupper():
        j += 1
    return j < len(words) and words[j][0][:1].islower() and words[j][0].endswith("s")


@cache
def function_words() -> frozenset[str]:
    """Words that end a counted noun phrase: articles, prepositions, conjunctions, verbs of
    being (``data/counted.json`` stops)."""
    return _counted_lex()["stops"]


@cache
def people_nouns() -> frozenset[str]:
    """Every noun of a counted class of people ("soldiers", "civilians", "people")."""
    classes = table("conflicts")["counted_classes"]
    return frozenset(w.lower() for words in classes.values() if isinstance(words, list) for w in words)


def number_of_before(text: str, start: int, pos: int) -> tuple[str | None, int, int]:
    """What "the number of …" counts, said earlier in a figure's clause: "the number of
    refugees in the camps had been estimated at about 60,000", "the total number of civilian
    deaths …: on average 7,200"."""
    found = None
    for m in _number_of().finditer(text, start, pos):
        found = m
    if found is None:
        return None, pos, pos
    return found.group(1), found.start(1), found.end(1)


@cache
def _number_of() -> re.Pattern[str]:
    nouns = table("counted")["count_nouns"]
    return re.compile(r"\b(?:the\s+)?(?:total\s+|overall\s+)?(?:" + trie_pattern(nouns) + r")\s+of\s+"
                      r"((?:[A-Za-z-]+\s+){0,2}?[a-z-]+s)\b(?![\w-])")


@cache
def _tally_before() -> re.Pattern:
    nouns = table("counted")["tally_nouns"]
    return re.compile(
        r"\b(" + trie_pattern(n.lower() for n in nouns) + r")\s+(?:of\s+|(?:\w+\s+){0,2}?"
        r"(?:rose|risen|reached|stood|stands|hit|climbed|jumped|fell|is|was|were|are|at|to|now|exceeded|topped)\s+(?:at\s+|to\s+)?)$",
        re.I)


@cache
def _tally_words() -> frozenset[str]:
    return frozenset(w.lower() for w in table("counted")["tally_nouns"])


@cache
def _after_noun() -> tuple[re.Pattern, dict[str, str]]:
    m = table("measures")
    # the participles, and every joined measure phrase of the table ("dead or wounded")
    words = {**{w: meas for meas, ws in m["phrases"] for w in ws if " or " in w or " and " in w or ", " in w},
             **m["after_noun"]}
    return re.compile(r"\s+(?:(?:have|has|had)\s+been\s+|were\s+|was\s+|are\s+|being\s+)?(" + trie_pattern(words) + r")\b", re.I), words


def measure_after_noun(text: str, end: int) -> str | None:
    """The measure a participle right after the counted noun gives: ``594 soldiers captured``."""
    pattern, words = _after_noun()
    m = pattern.match(text, end)
    if m is None:
        return None
    phrase = _measure_lex()["pattern"].match(text, m.start(1), m.end(1))
    if phrase is not None and phrase.end() == m.end(1):
        return _joined_losses(text, phrase, min(len(text), m.end() + 60))  # "were wounded, killed or captured"
    return words[" ".join(m.group(1).lower().split())]


@cache
def _estimate_before() -> re.Pattern:
    verbs = table("counted")["estimate_verbs"]
    return re.compile(r"\b(?:" + trie_pattern(verbs) + r")\s+(?:the\s+|its\s+|their\s+|his\s+)?(?=[A-Za-z])(?P<rest>[^,;:.]{1,80}?)\s+at\s+$", re.I)


_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)\s+$")


@cache
def _tally_subject() -> re.Pattern:
    nouns = table("counted")["tally_nouns"]
    return re.compile(r"(?<![\w-])(" + trie_pattern(n.lower() for n in nouns) + r")\b(?=(?:\s+[\w'’-]+){0,12}?\s+"
                      r"(?:have|has|had)?\s*(?:now\s+|already\s+)?(?:reached|risen to|rose to|climbed to|stood at|stand at|stands at|"
                      r"totalled|totaled|topped|passed|exceeded|numbered|hit|grown to|grew to|is|are|was|were)\s+[^.;]{0,20}$)", re.I)


def read_counted_before(text: str, start: int, floor: int) -> tuple[str | None, int, int]:
    """The noun that names a figure before it, when nothing after it does: ``the death toll rose
    to 300`` -> ``death toll``, ``losses of 5,000`` -> ``losses``, ``estimates put the grouping
    at 45,000`` -> ``grouping``, ``Casualties among the troops have now reached 3,000`` ->
    ``Casualties``."""
    m = _tally_before().search(text, max(floor, start - 60), start)
    if m:
        w = _WORD_BEFORE.search(text, max(floor, m.start(1) - 24), m.start(1))
        if w and w.group(1).lower() in people_nouns():
            # "its estimate of civilian deaths rose to …": the word that says whose deaths
            return text[w.start(1):m.end(1)], w.start(1), m.end(1)
        return m.group(1), m.start(1), m.end(1)
    m = _estimate_before().search(text, max(floor, start - 100), start)
    if m:
        lead = _NUMBER_OF.match(text, m.start("rest"), m.end("rest"))  # "the total number of North Korean troops"
        phrase, p0, p1 = read_counted(text, lead.end() if lead else m.start("rest"), m.end("rest"))
        if phrase and phrase.split()[-1].lower() in _tally_words() and text.startswith(" of ", p1):
            inner = read_counted(text, p1 + 1, m.end("rest"))  # "the total number of North Korean troops"
            if inner[0]:
                return inner
        if phrase:
            return phrase, p0, p1
    m = _tally_subject().search(text, max(floor, start - 160), start)
    if m:
        return m.group(1), m.start(1), m.end(1)
    return None, start, start


def _before_nationality(words: list, i: int) -> bool:
    """``2,000 wounded North Korean soldiers``: a participle before a side's adjective and a noun."""
    names = known_party_forms()
    return i + 2 < len(words) and (words[i + 1][0] in names or (i + 3 < len(words) and f"{words[i + 1][0]} {words[i + 2][0]}" in names))


def _looks_adjectival(words: list, i: int) -> bool:
    """``armed men``, ``trained soldiers``: a participle before another word of the phrase."""
    if i + 1 >= len(words):
        return False
    if _before_nationality(words, i):
        return True  # "wounded North Korean soldiers", "trained Ukrainian pilots"
    if "-" in words[i][0] and _name_inside_phrase(words, i + 1, words[i][0]):
        return True  # "high-ranking Ozari commanders"
    nxt = words[i + 1][0]
    return nxt[0].isalpha() and nxt[0].islower() and nxt.lower() not in _counted_lex()["stops"] \
        and not nxt.lower().endswith(("ly", "ing"))


# --- measure --------------------------------------------------------------------------

@cache
def _measure_lex() -> dict:
    m = table("measures")
    phrases = []
    for measure, words in m["phrases"]:
        for w in words:
            phrases.append((w, measure))
    order = {w: meas for w, meas in phrases}
    # "former prisoners", "ex-soldiers", "had been prisoners": what they were, not what happened to them
    status = {w: order[w] for w in m["status_nouns"]}
    events = {w: meas for w, meas in order.items() if w not in status}
    nouns = trie_pattern(status)
    pattern = led(r"(?<!former )(?<!ex-)\b(" + trie_pattern(events) + r"|(?<!were )(?<!been )(?<!are )(?<!was )(?:"
                  + nouns + r")|(?:" + nouns + r")(?= of war))\b", re.I)
    counted = {w: meas for meas, ws in m["counted"].items() for w in ws}
    things = {w: meas for w, meas in phrases if meas in ("equipment", "settlements") and " " not in w}
    return {"unit_kinds": m["unit_kinds"], "pattern": pattern, "things": things, "status": frozenset(status), "phrase_measure": {k.lower(): v for k, v in order.items()},
            "counted": counted, "window": m["phrase_window"], "lose_verbs": frozenset(m["lose_verbs"]),
            "population": frozenset(m["population_nouns"]),
            "acting": re.compile(r"\s+(?:[a-z]+\s+){1,2}?(?:" + trie_pattern(m["acting_verbs"]) + r")\s"),
            "joined_losses": {"of": frozenset(m["joined_losses"]["of"]), "as": m["joined_losses"]["as"]}}


@cache
def _recruited() -> re.Pattern[str]:
    m = table("measures")
    return re.compile(r"(?:\s+(?:[A-Za-z'’-]+\s+){0,3}?(?:had\s+|has\s+|have\s+|was\s+|were\s+)?)(?:"
                      + trie_pattern(m["recruit_verbs"]) + r")\b")


def recruited(text: str, counted: str | None, start: int, end: int) -> bool:
    """Whether people counted by a status noun (``start``: the figure, ``end``: its noun) are
    said to have been recruited ("recruited 8,000 prisoners", "50,000 prisoners the group had
    enlisted"): recruits, not captives."""
    if not counted or counted.split()[-1].lower() not in _measure_lex()["status"]:
        return False
    return _recruited().match(text, end, min(len(text), end + 50)) is not None \
        or _recruited_before().search(text, max(0, start - 40), start) is not None


@cache
def _recruited_before() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + trie_pattern(table("measures")["recruit_verbs"]) + r")\s+(?:[a-z]+\s+){0,3}$")


def measure_in(text: str, start: int, end: int, starts_before: int | None = None) -> str | None:
    """The measure of the first measure phrase in text[start:end] ("killed or wounded" ->
    casualties), or None; with ``starts_before``, only a phrase that starts before it."""
    lex = _measure_lex()
    m = lex["pattern"].search(text, start, end)
    if m is None or (starts_before is not None and m.start() >= starts_before):
        return None
    return lex["phrase_measure"][_SPACES.sub(" ", m.group(1).lower())]


_THE_BEFORE = re.compile(r"\b(?:the|this|that)\s+$", re.I)


def _names_one_place(text: str, m: re.Match[str]) -> bool:
    """Whether a word for settlements before a figure is one place ("fled the town, and 12,000
    remain"), not the settlements a figure counts ("took the villages; 12 were razed" still is)."""
    word = m.group(1).lower()
    return _measure_lex()["phrase_measure"].get(word) == "settlements" and not word.endswith("s") \
        and _THE_BEFORE.search(text, max(0, m.start(1) - 6), m.start(1)) is not None


# "has cost Ozar", "cost the militia", "cost them": the one who paid, then the figure
_COST_BEFORE = re.compile(r"\bcost(?:s|ing)?\s+(?:them|us|him|it|(?:the|its|their|his|her)\s+[a-z][\w'’-]*|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
                          r"\s+$")  # a figure's own bound words ("some", "as many as") are the figure's
_JOINED_PHRASE = re.compile(r"\s*(?:,\s*(?:or\s+|and\s+)?|\s(?:or|and)\s+)(?:(?:were|was|had\s+been|have\s+been|been)\s+)?(?=\w)", re.I)


def _joined_losses(text: str, m: re.Match[str], end: int) -> str:
    """The measure of the phrase ``m``, or of the losses joined to it: "deserted, were killed or
    were wounded" counts the casualties."""
    lex = _measure_lex()
    measure: str = lex["phrase_measure"][_SPACES.sub(" ", m.group(1).lower())]
    union = lex["joined_losses"]
    while measure in union["of"] and (gap := _JOINED_PHRASE.match(text, m.end(), end)):
        nxt = lex["pattern"].match(text, gap.end(), end)
        if nxt is None:
            break
        other = lex["phrase_measure"][_SPACES.sub(" ", nxt.group(1).lower())]
        if other != measure and other in union["of"]:
            return str(union["as"])
        m = nxt
    return measure


_ACTING_END = re.compile(r"[,;:.!?]")
_CLAUSE_END = re.compile(r"[;:.!?]|,\s+(?:and|but|while|which|who|he|she|they|it|though|although)\b|\s(?:and|but|while)\s")


def read_measure(text: str, unit_kind: str | None, counted: str | None,
                 after: tuple[int, int], before: tuple[int, int], last_after: bool = False) -> str | None:
    """The measure: from the unit, else a measure phrase right before the figure (``killing 3``),
    else the nearest one after it, then before it, else the counted noun (``troops`` -> ``deployed``)."""
    lex = _measure_lex()
    if unit_kind and unit_kind in lex["unit_kinds"]:
        return lex["unit_kinds"][unit_kind]
    if counted:
        thing = lex["things"].get(counted.split()[-1].lower())
        if thing:
            return thing  # "lost 9,538 tanks": equipment, whatever the verb
        if counted.split()[-1].lower() in lex["population"]:
            return "people"  # "two-thirds of Tamba's 2.3 million population have fled": all its people
    a0, a1 = after
    b0, b1 = before
    label = label_before(text, max(b0, b1 - 80), b1)
    if label is not None:  # a fact sheet's "Civilians killed in Tamba: 93; wounded: 416": the label says it
        labelled = list(lex["pattern"].finditer(text, label, b1))
        if labelled:
            return lex["phrase_measure"][_SPACES.sub(" ", labelled[-1].group(1).lower())]
    near = list(lex["pattern"].finditer(text, max(b0, b1 - 24), b1))
    if near and not text[near[-1].end():b1].strip(" ,") and text[b0:near[-1].start()].strip():
        # right before the figure: "killing 3", "lost 500"; not the word of the figure before it
        # ("3,100 killed, 5,900 wounded")
        word = _SPACES.sub(" ", near[-1].group(1).lower())
        if word in lex["lose_verbs"]:  # "lost 1,100 dead": the measure said after the figure, if any
            end = _CLAUSE_END.search(text, a0, min(a1, a0 + lex["window"]))
            said = measure_in(text, a0, end.start() if end else min(a1, a0 + lex["window"]))
            if said:
                return said
        return lex["phrase_measure"][word]
    if _COST_BEFORE.search(text, max(b0, b1 - 50), b1):
        # "the war has cost Ozar 18,000 soldiers": what it cost them, else their losses
        end = _CLAUSE_END.search(text, a0, min(a1, a0 + lex["window"]))
        return measure_in(text, a0, end.start() if end else min(a1, a0 + lex["window"])) or lex["phrase_measure"]["lost"]
    own = _OWN_PREDICATE.match(text, a0, a1)
    acting = None if own else lex["acting"].match(text, a0, a1)
    if own:  # "1.5 million people were in need of aid, though …": a verb of its own, read to its clause's end
        end = _CLAUSE_END.search(text, own.end(), a1)
        a1 = end.start() if end else a1
    elif acting:  # "3,000 gunmen burst through the fence, killing 1,200": the doers, to the first comma
        end = _ACTING_END.search(text, acting.end(), a1)
        a1 = end.start() if end else a1
        own = acting
    if last_after:  # "3,800 of the 12,000 soldiers sent to Kursk were killed": the predicate comes last
        found = list(lex["pattern"].finditer(text, a0, min(a1, a0 + lex["window"] + 60)))
        m = found[-1] if found else None
    else:
        m = lex["pattern"].search(text, a0, min(a1, a0 + lex["window"]))
    if m:
        return _joined_losses(text, m, min(a1, a0 + lex["window"] + 40))
    if own:
        return noun_measure(counted)  # "90,000 were displaced and 1.5 million people were in need of aid"
    hits = [h for h in lex["pattern"].finditer(text, max(b0, b1 - lex["window"]), b1) if not _names_one_place(text, h)]
    if hits:
        return lex["phrase_measure"][_SPACES.sub(" ", hits[-1].group(1).lower())]
    return noun_measure(counted)


_LABEL_BEFORE = re.compile(r"[^\n•;:.()]{1,80}:[ \t]*$")  # "• Civilians killed in Tamba: " before a figure


_LABEL_WORD = re.compile(r"\w")


def label_counted(text: str, floor: int, start: int) -> tuple[str | None, int, int]:
    """What a fact sheet's label before a figure counts, where it names it before its measure:
    "• Conscripts killed in Tamba: 93" -> ``Conscripts``."""
    label = label_before(text, max(floor, start - 80), start)
    if label is None:
        return None, start, start
    measure = _measure_lex()["pattern"].search(text, label, start)
    if measure is None:
        return None, start, start
    first = _LABEL_WORD.search(text, label, measure.start())  # past a list's dash or star
    phrase, p0, p1 = read_counted(text, first.start(), measure.start()) if first else (None, start, start)
    if phrase is None or text[p1:measure.start()].strip():
        return None, start, start
    return phrase, p0, p1


def label_before(text: str, start: int, end: int) -> int | None:
    """Where the label a fact sheet's figure at ``end`` follows starts ("• Civilians killed in
    Tamba: 93"), or None."""
    # the label ends in a colon right before the figure (a cheap test before the pattern)
    j = end - 1 if end > start and text[end - 1] == "\n" else end
    while j > start and text[j - 1] in " \t":
        j -= 1
    if j <= start or text[j - 1] != ":":
        return None
    m = _LABEL_BEFORE.search(text, start, end)
    return m.start() if m else None

# a verb of its own right after the figure and its noun ("1.5 million people were in need"): what the
# words before it say is not its measure; not a figure with no noun ("12 were razed": of the villages before)
_OWN_PREDICATE = re.compile(r"\s+(?:[a-z]+\s+){1,2}?(?:were|are|was|is|remain|remained|remains|face|faced|faces|need|needed|needs)\s")


def counts_a_force(text: str, counted: tuple[int, int] | None) -> bool:
    """Whether the counted noun at text[counted] is one for a force's people (soldiers, troops)."""
    return counted is not None and noun_measure(text[counted[0]:counted[1]]) == "deployed"


def noun_measure(counted: str | None) -> str | None:
    """The measure a counted noun alone suggests (``troops`` -> ``deployed``), if any."""
    if not counted:
        return None
    return _measure_lex()["counted"].get(counted.split()[-1].lower())


# --- subject --------------------------------------------------------------------------

def party_mentions(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, subject) of each party named in text[start:end]."""
    pattern, names = party_pattern(text)
    return [(m.start(), m.end(), names[m.group(1)]) for m in pattern.finditer(text, start, end)
            if not _HYPHEN_WORD_AFTER.match(text[m.end():m.end() + 2])  # "Kyiv-in-three-days"
            and not in_dateline(text, m.start())
            and not _HYPHEN_WORD_BEFORE.search(text[max(0, m.start() - 2):m.start()])]  # "pro-Russian"


def read_subject(text: str, sentence: tuple[int, int], fig: tuple[int, int], counted: tuple[int, int] | None,
                 excluded: list[tuple[int, int]], losses: bool = False, measure: str | None = None) -> str | None:
    """Whose figure: a party in the counted phrase (``North Korean troops``), else the party
    named nearest before the figure in its sentence, leaving out the names of sources."""
    if counted and counted[1] > counted[0]:
        inside = party_mentions(text, counted[0], counted[1])
        if inside:
            return inside[0][2]
        owner = _place_owner(text, counted)
        if owner:
            return owner  # "90 percent of Marovo's population": the place whose people they are
        other = other_groups(text, counted[1], sentence[1])
        if other:
            return other  # "100 members of other armed groups": none of the sides named
        origin = whose.origin_after(text, counted[1], sentence[1], measure)
        if origin:
            return origin  # "45,000 refugees from Marovo": where they come from, not where they are
    opening = whose.side_opening(text, sentence[0], fig[0])
    if opening:
        return opening  # "On the Peruvian side, 85 civilians were killed"
    # "the Marovo region's 1.6 million residents", "Marovo was a town of about 80,000 people"
    m = _place_of_people().search(text, max(sentence[0], fig[0] - 60), fig[0])
    if m and counted and people_nouns().intersection(w.lower() for w in text[counted[0]:counted[1]].split()):
        return m.group("owner") or m.group("town")
    # a supranational body is whose a figure only in its counted phrase ("UN peacekeepers"):
    # elsewhere it is a mediator, a donor or a speaker ("the AU's envoy said 600,000 died")
    named = [m for m in _named_parties(text, sentence[0], sentence[1], tuple(excluded)) if m[2] not in bodies()]
    if measure:  # "crossing into Syria": where people go is not whose they are
        named = [m for m in named if not whose.is_destination(text, m[0], measure) and not whose.is_host(text, m[1], measure)]
    if losses:  # "Israeli strikes killed 40": the attacker is not whose the dead are
        named = [m for m in named if not whose.is_agent(text, m[0], m[1])]
    # "the war with Norland", "the eastern Ozari city": a party to the fight, a place
    if not _of_land(text, measure, counted):  # "on Ozari soil" is whose land it is
        named = [m for m in named if not whose.names_no_victim(text, m[0], m[1])]
    if counted and counted[0] >= fig[1]:
        # "5,000 casualties inflicted on North Korean troops", "losses among Russian units"
        m = _VICTIM_AFTER.match(text, counted[1], min(sentence[1], counted[1] + 40))
        if m and not whose.is_destination(text, m.end(), measure):
            after = [p for p in named if p[0] == m.end()]
            if after:
                return after[0][2]
    if counted and counted[1] <= fig[0]:
        # "Casualties among North Korean troops … have reached 3,000": the party next to the noun
        near = [m for m in named if counted[1] <= m[0] < fig[0]]
        if near:
            return near[0][2]
    if counted and whose.own_side(text, fig[1], counted[1]):
        # "20,000 of his fighters", "4,000 of its fighters": the side of who speaks or acts; a
        # person's ("Rojas, whose Ozar militia …, says 900 of his men died") the side they lead
        person = whose.led_side(text, sentence[0], fig[0]) if whose.personal_owner(text, fig[1], counted[1]) else None
        own = person or whose.side_of_clause(text, sentence[0], fig[0]) or whose.group_pointed_at(text, sentence[0], fig[0])
        if own:
            return own
    c0 = whose.major_clause_start(text, sentence[0], fig[0])
    possessed = whose.own_losses_before(text, c0, fig[0]) if losses else None
    if possessed is not None:
        # "the Ozar Group's financier put his losses at 10,000": the speaker's own side
        own = whose.side_of_clause(text, sentence[0], possessed)
        if own:
            return own
    mentions = [m for m in named if c0 <= m[0] and m[1] <= fig[0]]
    # "the group has fired 900 rockets", "the militia believes 400 were killed": the group it
    # points back to, when no side is named between the pointer and the figure
    pointed = whose.group_pointed_at(text, mentions[-1][1] if mentions else c0, fig[0])
    if pointed:
        return pointed
    # soldiers killed in a place fell where they fought: a place after them is not whose they are
    force = counts_a_force(text, counted)
    if losses:
        # "Lebanese health authorities said 40 were killed", "…, as the health ministry in Peru
        # said 40 were killed": a civil authority named after any side counts its own people;
        # "…; in Port Ester, 40 were killed": the place of the loss, in its own clause
        found = whose.civil_side(text, mentions[-1][1] if mentions else c0, fig[0]) \
            or (None if mentions else whose.place_of_loss(text, (c0, sentence[1]), fig, before=force))
        if found:
            return found
    mentions = mentions or [m for m in named if m[1] <= fig[0]]
    if mentions:
        return whose.inner_place(text, mentions[-1][1]) or mentions[-1][2]
    if losses:
        # "property damage in Norland", "killed in the Ozar valley of Norland": the place of the loss
        found = whose.place_of_loss(text, sentence, fig, before=force)
        if found:
            return found
    if counted and people_nouns().intersection(w.lower() for w in text[counted[0]:counted[1]].split()):
        # "Marovo: about 3,500 residents refuse to leave": the place a line is labelled with
        label = _PLACE_LABEL.match(text, line_start(text, fig[0]), fig[0])
        if label and whose.is_place(text, label.group(1)):
            return party_forms(text).get(label.group(1), label.group(1))
    return None




@cache
def _population_of() -> re.Pattern[str]:
    """A place's possessive before a noun for its people: "Marovo's population", "the Tamba
    region's residents" (nouns in data/frames.json)."""
    words = table("frames")["place_words"]
    return re.compile(r"(?:the\s+)?(?P<name>[A-Z][\w-]*[a-z](?:\s+[A-Z][\w-]*[a-z])?)(?P<region>\s+(?:"
                      + trie_pattern(words["region_words"]) + r"))?['’]s\s+(?:[a-z-]+\s+)?(?:"
                      + trie_pattern(words["population_nouns"]) + r")\b")


def _place_owner(text: str, counted: tuple[int, int]) -> str | None:
    """The place a counted phrase names as the owner of its people, when the text names it as a
    place ("in Marovo") or a region: "Marovo's population", not "the general's people"."""
    m = _population_of().match(text, counted[0], counted[1])
    if m is None or m.group("name").split()[0] in whose.not_places():
        return None
    return m.group("name") if m.group("region") or whose.is_place(text, m.group("name")) else None


@cache
def _place_of_people() -> re.Pattern[str]:
    """A place whose people a figure right after counts: "the Marovo region's 1.2 million",
    "Marovo was a town of about 80,000", "Marovo, a town of 80,000" (region words in data/frames.json)."""
    regions = trie_pattern(table("frames")["place_words"]["region_words"])
    return re.compile(r"(?:\b(?:the\s+)?(?P<owner>[A-Z][\w-]+(?:\s+(?:" + regions + r"))?)['’]s\s+"
                      r"|\b(?P<town>[A-Z][\w-]+)(?:\s+(?:was|is|had\s+been|has\s+been)|,)\s+an?\s+(?:[a-z]+\s+)?"
                      r"(?:" + regions + r")\s+of\s+)(?:(?:" + trie_pattern(_APPROX_WORDS | {"over", "more than"}) + r")\s+)?$")


@cache
def _other_groups() -> re.Pattern[str]:
    """ "of other armed groups": groups other than the sides named (group nouns in data/whose.json)."""
    return re.compile(r"\s+of\s+(?:the\s+)?(other\s+(?:[a-z-]+\s+){0,2}(?:"
                      + trie_pattern(table("whose")["other_group_nouns"]) + r"))\b")


def other_groups(text: str, pos: int, limit: int) -> str | None:
    """``other armed groups`` when the counted noun ending at ``pos`` is said to be of groups
    other than the sides named ("100 members of other armed groups")."""
    m = _other_groups().match(text, pos, min(limit, pos + 60))
    return m.group(1) if m else None


def _of_land(text: str, measure: str | None, counted: tuple[int, int] | None) -> bool:
    """Whether a figure is of land: an area, settlements, or a share whose noun is land."""
    if measure not in table("conflicts")["land_measures"]:
        return False
    if measure != "share" or not counted or counted[1] <= counted[0]:
        return True
    return any(w.strip(".,").lower() in land_nouns() for w in text[counted[0]:counted[1]].split())


@cache
def land_nouns() -> frozenset[str]:
    """The nouns that make a share a share of land ("a third of the territory")."""
    return frozenset(table("frames")["land_nouns"]["words"])


def party_in(text: str, name: str | None, opening: bool = False) -> str | None:
    """The party a source's name stands for ("the Peruvian military" -> Peru), or None; with
    ``opening``, only the side the source is, its name opening with the side's ("Chile", "the
    Chilean army"; not "a UK-based monitor")."""
    if not name:
        return None
    pattern, names = party_pattern(text)
    found = next(pattern.finditer(name), None)
    if found is None or opening and (found.start() != (4 if name.lower().startswith("the ") else 0)
                                     or name[found.end():found.end() + 1] in ("-", "‑")):
        return None
    return names[found.group(1)]


def party_after(text: str, sentence: tuple[int, int], fig: tuple[int, int], excluded: list[tuple[int, int]],
                measure: str | None = None) -> str | None:
    """The first party named after a figure in its sentence: ``counted 3,000 troops killed, a
    quarter of the North Korean forces sent``."""
    end = whose.clause_end_after(text, fig[1], sentence[1])  # not "…, far more than Peru lost"
    for m in _sentence_parties(text, sentence[0], sentence[1]):
        if fig[1] <= m[0] < end and not any(a <= m[0] < b for a, b in excluded) \
                and not whose.is_destination(text, m[0], measure) and not whose.names_no_victim(text, m[0], m[1]) \
                and m[2] not in bodies() and not whose.where_a_war_is(text, m[0]) \
                and not (whose.is_loss(measure) and whose.strikes(text, m[0], m[1])):
            # not "had crossed into Peru", nor "in its war with Peru", nor "near the Peruvian border",
            # nor a body, nor the side that struck ("killed in the Ozar attack"); "Peru's Ozar region": Ozar
            return whose.inner_place(text, m[1]) or m[2]
    return None


@lru_cache(maxsize=256)
def _sentence_parties(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The parties a sentence names, found once for all the figures in it."""
    return party_mentions(text, start, end)


@lru_cache(maxsize=256)
def _named_parties(text: str, start: int, end: int, excluded: tuple[tuple[int, int], ...]) -> list[tuple[int, int, str]]:
    """The parties a sentence names as whose a figure is: not inside a source's name, not a
    place (``in Russia``); found once for all the figures of a sentence with the same sources."""
    return [m for m in _sentence_parties(text, start, end)
            if not any(a <= m[0] < b for a, b in excluded) and not _PLACE_BEFORE.search(text, max(0, m[0] - 8), m[0])
            and not whose.is_speaker_or_institution(text, m[0], m[1]) and not whose.in_proper_name(text, m[0], m[1])]


on_change(_sentence_parties.cache_clear)
on_change(_named_parties.cache_clear)


def _sentence_period(text: str, start: int, end: int, before: int) -> str | None:
    """The first period phrase of the sentence that starts before ``before`` and does not say
    when the count began."""
    for at, phrase in _sentence_periods(text, start, end):
        if at >= before:
            break
        if phrase is not None:
            return phrase
    return None


@lru_cache(maxsize=256)
def _sentence_periods(text: str, start: int, end: int) -> tuple[tuple[int, str | None], ...]:
    """The period phrases of a sentence, found once for all its figures: where each starts, and
    the phrase (None for one that says when a count began)."""
    lex = _scope_lex()
    found = []
    for m in lex["period"].finditer(text, start, end):
        lead = text[max(start, m.start() - 80):m.start()]
        # "the war began when gunmen stormed the town, killing 40": the event that began it,
        # its own toll; a start is said of a period ("since the offensive began")
        event = names_an_event(m.group(0))
        began = not event and any(p.search(lead) for p in lex["start"])
        # "estimated today", "said yesterday": the day of the statement, no period of the figure
        # ("said the raids killed eight": the raids are the figure's)
        said = not event and lex["speech_before"].search(lead) is not None
        # "the toll rose to 4,000 yesterday": the day the total was counted, not a day's toll
        said = said or (m.group(0).lower() in lex["dated_days"] and lex["tally_before"].search(lead) is not None)
        found.append((m.start(), None if began or said else "period: " + _SPACES.sub(" ", text[m.start():m.end()])))
    # "12 were killed on Monday": a day's toll, where the day follows a verb of loss
    for m in lex["day_period"].finditer(text, start, end):
        if lex["loss_before"].search(text, max(start, m.start() - 60), m.start()):
            found.append((m.start(), "period: " + _SPACES.sub(" ", text[m.start():m.end()])))
    return tuple(sorted(found, key=lambda f: f[0]))


_LINE_LABEL_WORDS = 6  # a label longer than this is a sentence with a colon in it
_LINE_LABEL_REACH = 200  # characters from a list line's start to its figure, at most


def _event_label(text: str, start: int) -> str | None:
    """The event a list line's label names, for a figure on that line: "• Deadliest raid:
    Tamba, 2 May – 19 killed" -> ``period: Deadliest raid``."""
    line = line_start(text, start)
    if start - line > _LINE_LABEL_REACH:
        return None  # a line this long before its figure is no list line
    colon = text.find(":", line, start)
    if colon < 0:
        return None
    label = text[line:colon].strip(" \t-–•*")
    if not label or len(label.split()) > _LINE_LABEL_WORDS or not names_an_event(label):
        return None
    return "period: " + _SPACES.sub(" ", label)


def names_an_event(phrase: str) -> bool:
    """Whether a period phrase names one event ("the strike", "stormed")."""
    return any(w.strip(".,") in _scope_lex()["event_words"] for w in phrase.lower().split())


def read_land_owner(text: str, start: int, end: int) -> str | None:
    """Whose land a share or an area is, when the words after the figure say so:
    ``half of the territory they captured in Russia's Kursk region`` -> Russia."""
    pattern, names = party_pattern(text)
    for m in pattern.finditer(text, start, end):
        after = text[m.end():m.end() + 30]
        if _POSSESSIVE_AFTER.match(after) or _LAND_AFTER.match(after):
            return names[m.group(1)]
    return None


# --- scope ----------------------------------------------------------------------------

@cache
def _scope_lex() -> dict:
    s = table("scopes")
    months = table("dates")["months"]
    weekdays = table("dates")["weekdays"]
    return {
        "period": Folded("|".join(f"(?:{p})" for p in s["period"])),
        "start": [re.compile(p, re.IGNORECASE) for p in s["start"]],
        "place": [re.compile(p) for p in s["place"]],
        "battle_place": re.compile(s["battle_place"]),
        "place_measures": frozenset(s["place_measures"]),
        "not_places": frozenset(list(months) + list(weekdays) + ["the"]),
        "event_words": frozenset(s["event_nouns"]),
        "dated_days": frozenset(s["dated_days"]),
        "day_period": Folded(r"\b(?:on|last)\s+(?:" + trie_pattern(weekdays) + r")(?:\s+(?:" + trie_pattern(s["day_parts"])
                             + r"))?\b"),
        "loss_before": re.compile(s["loss_before"], re.I),
        "tally_before": re.compile(r"\b(?:" + trie_pattern(table("counted")["tally_nouns"]) + r")\s+(?:[a-z]+\s+){0,2}?(?:"
                                   + trie_pattern(s["tally_verbs"]) + r")\s+(?:to\s+|at\s+|past\s+)?(?:[a-z]+\s+){0,2}?"
                                   r"\d[\d,.]*(?:\s+(?:million|thousand))?(?:\s+[a-z]+)?\s+$", re.I),
        "speech_before": re.compile(r"\b(?:" + trie_pattern(w for w in table("attribution")["speech_verbs"] if " " not in w)
                                    + r")\s+$", re.I),
    }


def read_scope(text: str, sentence: tuple[int, int], fig: tuple[int, int], measure: str | None,
               excluded: list[tuple[int, int]]) -> str | None:
    """``period: in the past week alone`` or ``place: in Kursk``; None for a running total."""
    lex = _scope_lex()
    s0, s1 = sentence
    # a period said after the figure's clause is another clause's ("..., an update on a
    # statement last week")
    after = _CLAUSE_BREAK.search(text, fig[1], s1)
    period = _sentence_period(text, s0, s1, after.start() if after else s1) or _event_label(text, fig[0])
    if period:
        return period
    if measure in lex["place_measures"]:
        clause = max(text.rfind(c, s0, fig[0]) for c in (",", ";", ":", "“", "\"", "(")) + 1
        # "he told a news conference in X that 100 people had died": where it was said
        clause = max(clause, s0, text.rfind(" that ", s0, fig[0]) + 5)
        end = after.start() if after else s1
        # a place in the figure's clause; else the battle for a place anywhere before ("the
        # fight for X, in the east, has cost Y 20,000 men")
        for p, lo in [*((p, clause) for p in lex["place"]), (lex["battle_place"], s0)]:
            for m in p.finditer(text, lo, end):
                if any(a <= m.start() < b for a, b in excluded):
                    continue
                place = _PREPOSITION_LEAD.sub("", m.group(0))
                if place.split()[0].lower() in lex["not_places"] or place in party_forms(text) \
                        or _RUN_BY.search(place.split()[0]):
                    continue  # "in the Ozar-run territory": who runs it, no place
                if title_case_line(text, m.start()) and not named_outside_titles(text, place.split()[-1]):
                    continue  # "Killed in Ground Operation": in a headline every word is capitalised
                return "place: " + place
    return None
