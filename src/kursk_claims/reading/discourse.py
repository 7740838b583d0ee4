"""How the figures of an article read together: the counted noun, measure, subject and scope
of each claim from its own words and from the figures around it ("57,500 killed and 250,000
wounded", "about 700,000, up from 462,980", "3,800 of the 12,000 soldiers"), and the quantity
frame of each (what, which kind of figure, where, who acts), shared by a figure that restates
the one before in other terms."""
from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from ..core.kinds import ALL_SIDES
from ..lexicon import Folded, table, trie_pattern, whole_words
from . import context, dates, frames, parts, whose
from .sentences import outside_asides

NounChunk = Callable[[int, int], "tuple[str, int, int] | None"]

_COMPARED_WITH = re.compile(r"[\s,;]*(?:up|down|rising|falling|compared)?\s*(?:from|with|against|versus|vs\.?|than)\s*", re.I)
_JOINED = re.compile(r"\s*(?:[a-z]+\s+){0,3}?(?:,\s*)?(?:and|while|but|with)\s+", re.I)
# "90 percent of Marovo's people - as many as 2 million -": the count of a share's base set beside it
# a count that restates the share before it: "88% of the dead - 17,175 men -", "70 % - that are
# 6,860", "70%, or 6,860"
_RESTATING = r"(?:(?:that|which)\s+(?:is|are|was|were|means)\s+|i\.\s?e\.,?\s+|or\s+)"
_SHARE_RESTATED = re.compile(r"(?:\s+of\s+[^-–—();,\n]{1,50}?)?\s*(?:[-–—(]\s*" + _RESTATING + r"?|,\s*" + _RESTATING + r")"
                             r"(?:[a-z]+\s+){0,3}")
_PARTITIVE_GAP = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+)?")


_TITLE_LINE = re.compile(r"[^\n.!?]{1,90}(?:\n|$)")  # a line that ends without a full stop: a heading


def read_context(text: str, claims: list[dict[str, Any]], noun_chunk: NounChunk | None = None) -> None:
    """Sets each claim's ``counted``, ``subject``, ``measure``, ``scope`` and frame, in order:
    a figure may take what the figures before it say. ``noun_chunk(end, limit)``, where a
    parser gives one, is the noun chunk that holds or follows a figure ending at ``end``."""
    last_subject: dict[str | None, str] = {}
    for i in range(len(claims)):
        if i and "\n" in text[claims[i - 1]["end"]:claims[i]["start"]] \
                and _TITLE_LINE.match(text, text.rfind("\n", claims[i - 1]["end"], claims[i]["start"]) + 1):
            last_subject.clear()  # a heading opens a new entry: the side of the one before goes no further
        _read_claim(text, claims, i, last_subject, noun_chunk)
    _share_the_verb(text, claims)
    parts.mark_parts(text, claims)
    for i in range(1, len(claims)):
        _share_as_count(text, claims, i)
        _pointing_back(text, claims, i)
        _same_event_place(claims[i - 1], claims[i])
    whose.fill_subjects(text, claims)


@cache
def _people_noun() -> Folded:
    """Any noun of a counted class of people ("soldiers", "civilians", "people")."""
    return whole_words(context.people_nouns())


_LOCATIVE_BEFORE = re.compile(r"\b(?:in|across|into|inside)\s+(?:some\s+|about\s+|over\s+|more\s+than\s+|nearly\s+)?$", re.I)


def _share_the_verb(text: str, claims: list[dict[str, Any]]) -> None:
    """Figures listed before one verb share it: "1.2 million people in Peru and 46,000 people in
    Chile have been displaced": the first is displaced too, not a plain count of people."""
    for i in range(len(claims) - 2, -1, -1):
        c, nxt = claims[i], claims[i + 1]
        if c["measure"] != "people" or nxt["measure"] in (None, "people") or not whose.is_loss(nxt["measure"]) \
                or nxt["sentence_start"] != c["sentence_start"]:
            continue
        gap = text[c["end"]:nxt["start"]]
        if _LISTED_BEFORE_VERB.fullmatch(gap) and not _VERB_IN_GAP.search(gap):
            c["measure"] = nxt["measure"]
            if c.get("what") == "people":
                c["what"] = nxt.get("what") or nxt["measure"]


_LISTED_BEFORE_VERB = re.compile(r"\s+[\w\s'’-]{0,50}?(?:,\s*)?\b(?:and|as well as)\s+(?:an?\s+|some\s+|about\s+|nearly\s+|over\s+|more\s+than\s+)?", re.I)
_VERB_IN_GAP = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|said|says)\b|\w+ed\b", re.I)


def _bounds(claims: list[dict[str, Any]], i: int) -> tuple[int, int]:
    """Where the words of claim ``i`` may reach: the end of the figure before it, the start of the next."""
    c = claims[i]
    s0, s1 = c["sentence_start"], c["sentence_end"]
    nxt = claims[i + 1]["start"] if i + 1 < len(claims) and claims[i + 1]["start"] < s1 else s1
    if nxt < c["tail"]:  # "500 km² (193 sq mi) of land": the converted figure shares the noun after the brackets
        nxt = next((d["start"] for d in claims[i + 1:] if d["start"] >= c["tail"]), s1)
        nxt = min(nxt, s1)
    prev = claims[i - 1]["end"] if i > 0 and claims[i - 1]["end"] > s0 else s0
    return prev, nxt


def _read_claim(text: str, claims: list[dict[str, Any]], i: int, last_subject: dict[str | None, str],
                noun_chunk: NounChunk | None) -> None:
    c = claims[i]
    s0, s1 = c["sentence_start"], c["sentence_end"]
    prev, nxt = _bounds(claims, i)
    reach = nxt
    if nxt < s1 and _PARTITIVE_GAP.fullmatch(text, c["tail"], nxt):
        reach = s1  # "3,800 of the 12,000 soldiers … killed": the whole names what the part counts
    counted, c0, c1 = context.read_counted(text, c["tail"], reach)
    if noun_chunk is not None:
        chunk = noun_chunk(c["end"], nxt)
        if chunk is not None:
            counted, c0, c1 = chunk
    if counted is None and c.get("unit") == "percent":
        kind = _kind_said_after(text, c["end"], s1)
        if kind:  # "of whom 40 % were conscripts": the kind is what the share counts
            counted, c0, c1 = kind, c["end"], c["end"]
    if counted is None:
        counted, c0, c1 = context.read_counted_before(text, c["start"], prev)
    if counted is None:
        counted, c0, c1 = context.number_of_before(text, prev, c["start"])
    if counted is None:
        counted, c0, c1 = context.label_counted(text, prev, c["start"])
    if counted is not None and counted.lower() in _count_nouns():
        # "the number of people killed was about 600,000": what the number is of is counted
        of = _OF_NOUN.match(text, c1, min(s1, c1 + 60))
        if of:
            counted, c0, c1 = of.group(1), of.start(1), of.end(1)
    if counted is not None and c1 > c["end"]:
        kind = _kind_said_after(text, c1, s1)
        if kind and counted.lower() not in parts.kind_words():
            counted = kind  # "17,000 men - had been prisoners": what they were is what is counted
    c["counted"] = counted
    # a source's words, and a relative clause set off by commas that does not hold the figure
    excluded = [tuple(s) for s in c["source_spans"]] + outside_asides(text, s0, s1, c["start"])
    # "3,800 of the 12,000 soldiers … were killed", "up to 900 of the recruits it took … died": the predicate comes last
    c["measure"] = context.read_measure(text, c["unit_kind"], counted, (c["end"], reach), (prev, c["start"]),
                                        last_after=reach != nxt or _PARTITIVE_GAP.match(text, c["tail"], nxt) is not None)
    if counted and c1 > c["end"] and c["unit_kind"] is None:
        c["measure"] = context.measure_after_noun(text, c1) or c["measure"]
        if c["measure"] == "captured" and context.recruited(text, counted, c["start"], c1):
            c["measure"] = "deployed"  # "8,000 prisoners the group had enlisted": recruits
    if counted and whose.is_loss(c["measure"]) and _LOCATIVE_BEFORE.search(text, max(s0, c["start"] - 12), c["start"]) \
            and not _people_noun().search(counted):
        c["measure"] = None  # "treated in 54 hospitals", "killed in 3 villages": a count of places
    if counted is None and c["measure"] is None:
        _repeated_figure(claims, i, last_subject)
    elif c["measure"] is None and c["unit_kind"] is None and _people_noun().search(counted or ""):
        _measure_from_before(text, claims, i)
    subject = _read_subject(text, claims, i, (c0, c1) if counted else None, nxt, excluded, last_subject)
    c["subject"] = subject
    if subject is not None and c["measure"] is not None:
        last_subject[c["measure"]] = subject
    c["scope"] = context.read_scope(text, (s0, s1), (c["start"], c["end"]), c["measure"], excluded)
    set_frame(text, c, (s0, s1), c1 if counted else None, excluded)
    if i > 0 and claims[i - 1]["sentence_start"] == s0:
        restated_frame(text, claims[i - 1], c)
        _coordinated_measure(text, claims[i - 1], c)


def _share_as_count(text: str, claims: list[dict[str, Any]], i: int) -> bool:
    """A bare count right after a share, set off by a dash, a comma or "that are", counts the
    share's people: what the share counts, with the measure of the whole the share is of (the
    count before it in the sentence)."""
    c, share = claims[i], claims[i - 1]
    if c["measure"] is not None or c["counted"] is not None or c["unit_kind"] is not None \
            or share.get("unit") != "percent" or not share.get("counted") \
            or share["sentence_start"] != c["sentence_start"] or not _SHARE_RESTATED.fullmatch(text, share["end"], c["start"]):
        return False
    whole = next((w for w in reversed(claims[:i - 1]) if w["sentence_start"] == c["sentence_start"]
                  and w.get("unit") is None and w.get("measure")), None)
    if whole is None:
        return False
    c["counted"], c["measure"] = share["counted"], whole["measure"]
    set_frame(text, c, (c["sentence_start"], c["sentence_end"]), None, [tuple(s) for s in c["source_spans"]])
    return True


@cache
def _pointing_tally() -> re.Pattern[str]:
    return re.compile(r"\bthe\s+(?:" + trie_pattern(table("counted")["pointing_tallies"]) + r")\s+((?:[a-z]+\s+){0,3})$", re.I)


_SCOPING_WORDS = frozenset(("of", "from", "in", "across", "for", "since", "among", "inside", "overall", "total"))
_POINTING_REACH = 2  # sentences back where the tally a figure points to may stand
_SAID_AGAIN_REACH = 40  # figures back where one said again may first stand (bounded: no run-on page costs more)


def _same_event_place(before: dict[str, Any], c: dict[str, Any]) -> None:
    """Two figures of one sentence and one period or event ("an air strike hit the market in
    Tamba, killing 43 people and wounding 61") are of one place."""
    if c.get("place") is None and before.get("place") and c["scope"] and c["scope"] == before["scope"] \
            and c["scope"].startswith("period") and c["sentence_start"] == before["sentence_start"]:
        c["place"] = before["place"]


def _pointing_back(text: str, claims: list[dict[str, Any]], i: int) -> None:
    """A figure that names no place and no period of its own but points back to a tally just
    reported takes that tally's place, period and day: a definite tally with nothing after it
    ("shelling killed at least 12 in the camp on Tuesday … the network put the toll at nine"),
    or the same figure of the same measure said again ("the committee's count of 104 dead")."""
    c = claims[i]
    if c["scope"] or c.get("place") or not c["measure"]:
        return
    lead = text[frames.clause_start(text, c["sentence_start"], c["start"]):c["start"]]
    m = _pointing_tally().search(lead)
    pointing = m is not None and not (_SCOPING_WORDS & set(m.group(1).lower().split()))
    starts: list[int] = []
    for j in range(i - 1, max(-1, i - 1 - _SAID_AGAIN_REACH), -1):
        b = claims[j]
        if b["sentence_start"] != c["sentence_start"] and b["sentence_start"] not in starts:
            starts.append(b["sentence_start"])
        if pointing and len(starts) > _POINTING_REACH:
            pointing = False
        if b["measure"] != c["measure"] or b.get("part_of") is not None:
            continue
        if not (b.get("place") or b["scope"]):
            if pointing:
                return  # the tally just reported has no place of its own: nothing to take
            continue
        if pointing or (b["low"], b["high"], b.get("unit")) == (c["low"], c["high"], c.get("unit")):
            c["place"], c["scope"], c["figure"] = b.get("place"), b["scope"], b.get("figure")
            c["points_to"] = j  # its day too (read by the dates that come later)
            return
    _the_articles_event(claims, i)


_TOPIC_FIGURES = 3  # the article's first figures, among which the toll of the event it reports stands
_SAME_ORDER = 3.0  # how far apart two estimates of one event's toll may be


def _the_articles_event(claims: list[dict[str, Any]], i: int) -> None:
    """In a report on one attack (its toll among the article's first figures: "Gas attack
    kills 58 in Tamba"), a later toll of the same measure and order that names no place, no
    period and no start of its own ("more than 100 people had died, the doctor said") is
    another count of that attack's dead."""
    c = claims[i]
    if c.get("unit") or c.get("part_of") is not None or not c["low"] or c.get("counted") is None and c["bound"] == "vague":
        return
    for j in range(min(i, _TOPIC_FIGURES)):
        b = claims[j]
        if b["measure"] != c["measure"] or not b["low"] or not (b["scope"] or "").startswith("period") \
                or not context.names_an_event(b["scope"][len("period: "):]):
            continue
        if max(b["low"], c["low"]) / min(b["low"], c["low"]) <= _SAME_ORDER:
            c["place"], c["scope"], c["figure"] = b.get("place"), b["scope"], b.get("figure")
            c["points_to"] = j
        return


@cache
def _kind_predicate() -> re.Pattern[str]:
    return re.compile(r"\s*(?:[-–—,]\s*)?(?:(?:had|have|has)\s+been|were|are|was|is)\s+(?:all\s+|mostly\s+|also\s+|former\s+)?("
                      + trie_pattern(parts.kind_words()) + r")\b")


def _kind_said_after(text: str, pos: int, limit: int) -> str | None:
    """A kind of member said of a figure's people by a copula right after their noun ("4,000
    men were conscripts", "17,000 men - had been prisoners")."""
    m = _kind_predicate().match(text, pos, min(limit, pos + 40))
    return m.group(1) if m else None


@cache
def _count_nouns() -> frozenset[str]:
    return frozenset(table("counted")["count_nouns"])


_OF_NOUN = re.compile(r"\s+of\s+(?:the\s+)?([a-z][a-z-]+)\b")


def _measure_from_before(text: str, claims: list[dict[str, Any]], i: int) -> None:
    """People counted with no word for what befell them, after a figure of the same paragraph
    that says it ("… 6,200 fighters died. The army had called half of its dead volunteers. In
    fact about 4,000 were conscripts"): the figure goes on about the same loss, a slot read
    from context. A share of a loss ("half of its dead") speaks of that loss too."""
    c = claims[i]
    lead = text[c["sentence_start"]:c["start"]]
    if _action_before().search(lead[lead.rfind(",") + 1:]):
        return  # "he had taken 500 volunteers": a verb of its own says what the figure is
    before = next((b for b in reversed(claims[:i]) if b["sentence_end"] <= c["sentence_start"] and b["measure"]), None)
    if before is None or "\n" in text[before["sentence_end"]:c["sentence_start"]] \
            or any(b["sentence_start"] == c["sentence_start"] and b["measure"] and "measure" not in (b.get("inferred") or ())
                   for b in claims[:i]):
        return
    measure = before["measure"]
    if measure == "share":  # "half of the war dead": the words of its base
        measure = context.measure_in(text, before["end"], min(before["sentence_end"], before["end"] + _SHARE_BASE_REACH))
    if not whose.is_loss(measure) or measure == "people":
        return
    c["measure"] = measure
    c.setdefault("inferred", []).append("measure")



_SHARE_BASE_REACH = 40  # characters after a share where the noun of its base is read
# a verb of the figure's own clause before it: "recruited", "taken", "sent"
@cache
def _action_before() -> re.Pattern[str]:
    """A verb of the figure's own clause before it: "recruited", "taken", "sent"."""
    return re.compile(r"\b(?!(?:" + trie_pattern(table("measures")["not_participles"]) + r")\b)[a-z]{2,}(?:ed|en)\b", re.I)


def _repeated_figure(claims: list[dict[str, Any]], i: int, last_subject: dict[str | None, str]) -> None:
    """A bare figure that repeats one given just before in the article speaks of the same
    thing: "about 40 thousand are already there"."""
    c = claims[i]
    same = next((b for b in reversed(claims[:i]) if b["value"] is not None and b["value"] == c["value"]
                 and b["measure"] and c["start"] - b["end"] < 600), None)
    if same is not None:
        c["measure"], subject_hint = same["measure"], same["subject"]
        c["counted"] = None
        last_subject.setdefault(same["measure"], subject_hint)


def _read_subject(text: str, claims: list[dict[str, Any]], i: int, counted: tuple[int, int] | None, nxt: int,
                  excluded: list[tuple[int, int]], last_subject: dict[str | None, str]) -> str | None:
    """Whose figure claim ``i`` is: its own words, the land's owner, the side named after it,
    the side the article goes on about, or the figure before it in the sentence."""
    c = claims[i]
    s0, s1 = c["sentence_start"], c["sentence_end"]
    if whose.is_loss(c["measure"]) and whose.of_all_sides(text, s0, s1):
        return ALL_SIDES  # "the dead on both sides together could number 5,000"
    subject = context.read_subject(text, (s0, s1), (c["start"], c["end"]), counted, excluded,
                                   losses=whose.is_loss(c["measure"]), measure=c["measure"])
    if whose.is_loss(c["measure"]) and _LOST_BY_PRONOUN.search(text, max(s0, c["start"] - 40), c["start"]):
        # "It says it has lost about 20 soldiers inside Norland": the speaker's own side
        own = context.party_in(text, c.get("attribution"))
        if own:
            subject = own
    elif whose.is_loss(c["measure"]) and _speakers_side(text, c["end"], s1):
        # "Chilean officials say 50 civilians have died on their side": the speaker's own side
        subject = context.party_in(text, c.get("attribution")) or subject
    if counted is not None and whose.is_loss(c["measure"]) and context.counts_a_force(text, counted) \
            and not context.party_mentions(text, counted[0], counted[1]):
        # "The army also said 242 soldiers had been killed": the army's own soldiers; "Peru
        # confirms 13 soldiers killed": the speaking side's own
        subject = whose.army_pointed_at(text, frames.clause_start(text, s0, c["start"]), c["start"]) \
            or _side_speaking_of_soldiers(text, c) or subject
    if c["measure"] in ("area", "share"):
        clause_end = min([x for x in (text.find(";", c["end"], nxt), text.find(",", c["end"], nxt)) if x >= 0] or [nxt])
        subject = context.read_land_owner(text, c["end"], clause_end) or subject
    if subject is None and whose.is_loss(c["measure"]):
        # "Chile says 1,400 people were killed in the Peruvian attack": the speaking side's own dead
        speaker = context.party_in(text, c.get("attribution"), opening=True)
        if speaker:
            struck = whose.attackers(text, s0, s1)
            if struck and speaker not in struck:
                subject = speaker
    if subject is None and c["measure"] is not None:
        subject = context.party_after(text, (s0, s1), (c["start"], c["end"]), excluded, c["measure"]) \
            or last_subject.get(c["measure"])  # the figure goes on about the same side
    if i > 0 and claims[i - 1]["sentence_start"] == s0:
        subject = _joined_subject(text, claims[i - 1], c, s0, subject)
    return subject


def _side_speaking_of_soldiers(text: str, c: dict[str, Any]) -> str | None:
    """The side that confirms soldiers lost, naming no side ("Peru confirms 13 soldiers
    killed"): its own; a side that only says so may speak of the enemy's."""
    spans = c.get("source_spans") or []
    confirms = _confirms()
    if not any(a >= c["sentence_start"] and b <= c["start"] and confirms.match(text, b, c["start"]) for a, b in spans):
        return None
    return context.party_in(text, c.get("attribution"), opening=True)


@cache
def _confirms() -> re.Pattern[str]:
    return re.compile(r"\s+(?:has\s+|had\s+)?(?:" + trie_pattern(table("whose")["confirm_verbs"]) + r")\b")


_SPEAKERS_SIDE = re.compile(r"\bon\s+(?:their|its|our)\s+(?:own\s+)?side\b(?!\s+of\b)", re.I)


def _speakers_side(text: str, end: int, s1: int) -> bool:
    """Whether the figure's sentence goes on to say its people are on the speaker's side, no
    side named between ("93 were killed and 400 wounded on its side")."""
    m = _SPEAKERS_SIDE.search(text, end, s1)
    return m is not None and not context.party_mentions(text, end, m.start())


_LOST_BY_PRONOUN = re.compile(r"\b(?:it|they|we)\s+(?:has\s+|have\s+|had\s+)?(?:lost|suffered)\s+(?:[a-z]+\s+){0,2}$", re.I)


def _counted_end(text: str, c: dict[str, Any]) -> int:
    """Where the figure's counted noun ends ("80 Valdorian soldiers"), else the figure's end."""
    noun: str = c.get("counted") or ""
    at = text.find(noun, c["end"], c["end"] + 80) if noun else -1
    return at + len(noun) if at >= 0 else c["end"]


def _joined_subject(text: str, before: dict[str, Any], c: dict[str, Any], s0: int, subject: str | None) -> str | None:
    """A figure joined to the one before it speaks of the same thing, or of the same side:
    "about 700,000, up from 462,980", "57,500 killed and 250,000 wounded"."""
    gap = text[before["end"]:c["start"]]
    if before["measure"] == "share" and before["subject"] and _SHARE_RESTATED.fullmatch(gap) \
            and not context.party_mentions(text, c["start"], _counted_end(text, c)):
        return before["subject"]  # the share restated as a count: the same people
    if c["measure"] is None and _COMPARED_WITH.fullmatch(gap):
        c["measure"], c["counted"] = before["measure"], c["counted"] or before["counted"]
        subject = subject or before["subject"]
    if (subject is None or c.get("counted") is None and before["subject"]) and _JOINED.fullmatch(gap):
        # "140 Ozari soldiers have died, and 960 have been wounded": an elliptical figure joined
        # to the one before is about the same people
        subject = before["subject"]
    elif before["measure"] == c["measure"] and before["subject"] and subject != before["subject"] \
            and not context.party_mentions(text, frames.clause_start(text, s0, c["start"]), _counted_end(text, c)) \
            and not context.other_groups(text, _counted_end(text, c), c["sentence_end"]) \
            and not whose.origin_after(text, _counted_end(text, c), c["sentence_end"], c["measure"]):
        # "Russia had 11,000 there when Ukraine's push began; estimates now put the
        # grouping at 45,000": a clause that names no side goes on about the figure before
        subject = before["subject"]
    return subject


def set_frame(text: str, c: dict[str, Any], sentence: tuple[int, int], counted_end: int | None,
              excluded: list[tuple[int, int]]) -> None:
    """The quantity frame: what exactly, which kind of figure, where, who acts."""
    f = frames.read_frame(text, sentence, (c["start"], c["end"]), c["measure"], c["tail"], counted_end, excluded,
                          c["counted"])
    c["what"], c["figure"], c["actor"] = f["what"], f["figure"], f["actor"]
    c["earlier"] = f["earlier"]
    scope = c["scope"] or ""
    place = scope[len("place: "):] if scope.startswith("place: ") else f["place"]
    if not place:  # "Chad has taken in 500,000 refugees": the place they are in
        place = whose.host_before(text, frames.clause_start(text, sentence[0], c["start"]), c["start"], c["measure"])
    c["place"] = frames.normal_place(place) if place else None
    if f["period"] and not scope.startswith("period"):
        c["scope"] = "period: " + f["period"]
    elif scope.startswith("period") and c["figure"] in ("level", "total") \
            and frames.describes_base(text, sentence, (c["start"], c["end"]), scope[len("period: "):], c["measure"]):
        c["scope"] = None  # "won back 70% of the land it took during the opening weeks": the base's period
    elif scope.startswith("period") and c["figure"] in ("level", "total"):
        # "in the past week": a figure for a period; "since October": a running total from a start;
        # "today", "last week" date a level rather than limit it
        if scope.lower().startswith("period: since"):
            c["figure"] = "total"
        elif not (c["figure"] == "level" and dates.is_relative_day(scope[len("period: "):])):
            c["figure"] = "period"


_RESTATED = re.compile(r"[^.;]{0,160}?(?:,\s*or|\bor|\(|,\s*i\.e\.|,\s*that is)\s*(?:about|around|roughly|some|nearly|almost|approximately|more than|over)?\s*$", re.I)
_LAND = ("area", "share")


# "about 9,000 former convicts and 2,000 mercenaries": two counts joined by "and"
_COORDINATED = re.compile(r"\s+(?:[A-Za-z-]+\s+){0,3}and\s+")
_OWN_CLAUSE_END = re.compile(r"[;:.!?,]|\s(?:and|but|while)\s")


def _coordinated_measure(text: str, before: dict[str, Any], c: dict[str, Any]) -> None:
    """A count joined by "and" to the one before, with no word of its own for what befell its
    people ("about 9,000 former convicts and 2,000 mercenaries" after a sentence on the dead),
    counts what the one before counts, not what its noun alone would suggest."""
    if before.get("unit") != c.get("unit") or c.get("unit") is not None \
            or not _COORDINATED.fullmatch(text, before["end"], c["start"]):
        return
    if c["measure"] and before.get("counted") and c.get("counted") and c["measure"] != before.get("measure") \
            and c["measure"] != context.noun_measure(c["counted"]) \
            and (not before.get("measure") or before["measure"] == context.noun_measure(before["counted"])
                 and context.measure_in(text, frames.clause_start(text, before["sentence_start"], before["start"]),
                                        before["start"]) is None):
        # "9,000 convicts and 2,000 mercenaries died": the verb after the second tells of both,
        # over what the first one's noun alone suggests
        before["measure"], before["what"], before["figure"] = c["measure"], c.get("what"), c.get("figure")
        return
    if not before.get("measure") or c["measure"] == before["measure"]:
        return
    cut = _OWN_CLAUSE_END.search(text, c["end"], c["sentence_end"])
    if context.measure_in(text, c["end"], cut.start() if cut else c["sentence_end"]) is not None:
        return  # "9,000 were killed and 2,000 wounded": its own word
    c["measure"] = before["measure"]
    c["what"], c["figure"] = before.get("what"), before.get("figure")  # and what kind of figure it is
    if "measure" in (before.get("inferred") or ()):
        c.setdefault("inferred", []).append("measure")


def restated_frame(text: str, before: dict[str, Any], c: dict[str, Any]) -> None:
    """``freed 86 percent of the territory …, or around 1,100 km²``, ``took 900 km² (347
    square miles)``: a figure that restates the one before in other terms shares its frame."""
    if before["measure"] not in _LAND or c["measure"] not in _LAND or not before.get("what"):
        return
    if not _RESTATED.fullmatch(text, before["end"], c["start"]):
        return
    action = before["what"].split(":", 1)[1] if ":" in before["what"] else None
    c["what"] = f"{c['measure']}:{action}" if action else c["measure"]
    c["figure"], c["actor"] = before["figure"], before["actor"]
    if before["scope"] and before["scope"].startswith("period"):
        c["scope"] = before["scope"]
