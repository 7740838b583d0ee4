"""Who the article says makes a claim: ``according to Ukrinform``, ``Gerasimov said``,
``reports Newsweek``, ``U.S. officials estimate``, the author of a quoted post.

The text is read once for *speech events* (a source and where it speaks) and *quotes*;
each figure then takes the event that governs its sentence::

    >>> s = Speech.read("Russia lost 500 tanks, according to the General Staff of Ukraine.")
    >>> s.attribution_for(12, (0, 66), [(0, 66)])[0]
    'General Staff of Ukraine'
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lexicon import phrase_pattern, table, trie_pattern

_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*[\w.]|[A-Za-z]|\d[\d,.]*|[^\w\s]")
_JOINERS = frozenset({"of", "the", "for", "in", "at", "from", "and", "on", "'s", "’s"})
_ADVERBS = frozenset({"even", "also", "later", "previously", "has", "had", "have", "reportedly", "then",
                      "recently", "once", "further", "separately", "earlier", "repeatedly", "publicly",
                      "officially", "initially", "now", "still", "had", "already", "which", "who"})
_CUT = re.compile(r"\s+(?:in|at|from|on)\s+(?=[A-Z])")


@cache
def _lex() -> dict:
    a = table("attribution")
    verbs = [v for v in a["speech_verbs"] if v != "according"]
    return {
        "verb_re": re.compile(r"\b(" + trie_pattern(verbs) + r")\b"),
        "according_re": re.compile(r"\b(according to|as reported by|reported by|citing|cited by|per)\s+", re.I),
        "roles": frozenset(w.lower() for w in a["np_words"]),
        "lead_drop": frozenset(a["np_lead_drop"]),
        "pronouns": frozenset(a["pronouns"]),
        "possessives": frozenset(a["possessives"]),
        "continuations": re.compile(r"^\W*(?:" + phrase_pattern(a["continuations"]) + r")\b", re.I),
    }


@dataclass(slots=True)
class Event:
    start: int  # where the source is named
    end: int
    pos: int  # where the speech verb or opener is
    source: str
    kind: str  # verb | according | quote
    reported: bool = False  # "said that ...": the speech may go on in the next sentence


def _is_name_word(w: str) -> bool:
    return w[:1].isupper() or w.lower() in _lex()["roles"]


def noun_phrase_before(text: str, end: int, floor: int) -> tuple[str, int, int] | None:
    """The source named right before a speech verb at ``end``: ``Valery Gerasimov``,
    ``the Ukrainian secret service``, ``a US military official in Washington``."""
    lex = _lex()
    toks = [(m.group(0), m.start() + floor, m.end() + floor) for m in _TOKEN.finditer(text[floor:end])]
    while toks and (toks[-1][0].lower() in _ADVERBS or toks[-1][0] == ","):
        toks.pop()
    taken: list[tuple[str, int, int]] = []
    while toks:
        w, s, e = toks[-1]
        lw = w.lower()
        if _is_name_word(w) or (lw in _JOINERS and taken) or (lw in ("a", "an") and taken):
            taken.append(toks.pop())
            if lw in ("a", "an") or (lw == "the" and not (toks and toks[-1][0].lower() in _JOINERS - {"the"})):
                break  # "the" ends the phrase unless it follows "of"/"for": "spokesman for the council"
            continue
        break
    # "John Kirby, a spokesman for the council, told": the name before the apposition
    if taken and taken[-1][0].lower() in ("a", "an", "the") and toks and toks[-1][0] == ",":
        name = noun_phrase_before(text, toks[-1][1], floor)
        if name and all(p[:1].isupper() for p in name[0].split()):
            return name
    while taken and taken[-1][0].lower() in _JOINERS | {"a", "an"}:
        taken.pop()
    while taken and taken[0][0].lower() in _JOINERS:
        taken.pop(0)
    if not taken:
        return None
    start, stop = taken[-1][1], taken[0][2]
    return text[start:stop], start, stop


def noun_phrase_after(text: str, start: int, limit: int) -> tuple[str, int, int] | None:
    """The source named after ``according to`` / ``reports``, up to punctuation."""
    lex = _lex()
    toks = [(m.group(0), m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:limit])]
    taken = []
    for w, s, e in toks:
        lw = w.lower()
        if w[:1].isalpha() and (_is_name_word(w) or lw in _JOINERS or lw in ("a", "an") or lw in lex["possessives"]):
            if w.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+", w):
                taken.append((w[:-1], s, e - 1))
                break
            taken.append((w, s, e))
            continue
        break
    while taken and taken[-1][0].lower() in _JOINERS | {"a", "an"}:
        taken.pop()
    if not taken:
        return None
    return text[taken[0][1]:taken[-1][2]], taken[0][1], taken[-1][2]


def _clean(phrase: str) -> str:
    lex = _lex()
    cut = _CUT.split(phrase, maxsplit=1)
    if len(cut) == 2 and any(w.lower() in lex["roles"] for w in cut[0].split()):
        phrase = cut[0]  # "a US military official in Washington" -> "US military official"
    words = phrase.split()
    while words and words[0].lower() in lex["lead_drop"]:
        words.pop(0)
    return " ".join(words)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation: curly quotes pair by shape, straight ones in turn."""
    spans = []
    for m in re.finditer(r"“[^”]*”|\"[^\"]*\"", text):
        spans.append((m.start(), m.end()))
    return spans


class Speech:
    """The speech events and quotes of one text."""

    def __init__(self, text: str, events: list[Event], quotes: list[tuple[int, int, str | None]]):
        self.text = text
        self.events = events
        self.quotes = quotes

    @classmethod
    def read(cls, text: str, sentences: list[tuple[int, int]] | None = None) -> Speech:
        from .sentences import sentence_spans

        lex = _lex()
        sentences = sentences or sentence_spans(text)
        starts = [s for s, _ in sentences]
        events: list[Event] = []
        last_named: str | None = None
        found = []
        for m in lex["according_re"].finditer(text):
            found.append(("according", m.start(), m.end()))
        for m in lex["verb_re"].finditer(text):
            found.append(("verb", m.start(), m.end()))
        found.sort(key=lambda f: f[1])
        for kind, pos, after in found:
            s0 = _floor(starts, pos)
            s1 = _ceiling(sentences, pos, len(text))
            if kind == "according":
                np = noun_phrase_after(text, after, s1)
                if np is None or np[0].split()[0].lower() in lex["possessives"]:
                    continue
                events.append(Event(np[1], np[2], pos, _clean(np[0]), "according"))
                continue
            np = None
            follow = text[after:after + 60]
            inverted = re.search(r"[,”\"]\s*$", text[max(s0, pos - 4):pos]) and re.match(r"\s+[A-Z]", follow)
            if inverted:
                np = noun_phrase_after(text, after + 1, s1)
            if np is None:
                np = noun_phrase_before(text, pos, s0)
            if np is None:
                continue
            source = _clean(np[0])
            if source.lower() in lex["pronouns"]:
                if last_named is None:
                    continue
                source = last_named
            elif any(w[:1].isupper() for w in source.split()) or source.split()[-1].lower() in lex["roles"]:
                if any(w[:1].isupper() for w in source.split()):
                    last_named = source
            else:
                continue
            reported = bool(re.match(r"(?:\s+\w+){0,4}?\s+that\b", follow))
            events.append(Event(np[1], np[2], pos, source, "verb", reported))
        quotes = []
        for q0, q1 in quote_spans(text):
            quotes.append((q0, q1, _quote_speaker(text, q0, q1, events)))
        return cls(text, events, quotes)

    def source_spans(self) -> list[tuple[int, int]]:
        """Where sources are named: their words are not the subject of a figure."""
        return [(e.start, e.end) for e in self.events]

    def attribution_for(self, pos: int, sentence: tuple[int, int], sentences: list[tuple[int, int]]) -> tuple[str | None, tuple[int, int] | None]:
        """The source of a figure at ``pos`` and where it is named."""
        s0, s1 = sentence
        in_sentence = [e for e in self.events if s0 <= e.pos < s1]
        quote = next(((q0, q1, who) for q0, q1, who in self.quotes if q0 < pos < q1), None)
        if quote is not None:
            in_sentence = [e for e in in_sentence if quote[0] < e.pos < quote[1]]
        according = [e for e in in_sentence if e.kind == "according"]
        if according:
            e = min(according, key=lambda e: abs(e.pos - pos))
            return e.source, (e.start, e.end)
        before = [e for e in in_sentence if e.pos < pos]
        if before:
            e = before[-1]
            return e.source, (e.start, e.end)
        after = [e for e in in_sentence if e.pos > pos]
        if after:
            return after[0].source, (after[0].start, after[0].end)
        if quote is not None and quote[2]:
            return quote[2], None
        # reported speech goes on into a sentence that continues it ("As a result, ...")
        idx = next((i for i, (a, b) in enumerate(sentences) if a == s0), None)
        if idx and _lex()["continuations"].match(self.text[s0:s1]):
            p0, p1 = sentences[idx - 1]
            if "\n" not in self.text[p1:s0]:
                prev = [e for e in self.events if p0 <= e.pos < p1 and e.reported]
                if prev:
                    return prev[-1].source, None
        return None, None


def _quote_speaker(text: str, q0: int, q1: int, events: list[Event]) -> str | None:
    """Who a quotation is by: ``X wrote: “…”``, ``“…,” X said``."""
    lead = text[max(0, text.rfind("\n", 0, q0) + 1, q0 - 200):q0]
    if re.search(r"[:,]\s*$", lead) or lead.strip() == "":
        for e in reversed(events):
            if e.kind == "verb" and q0 - 200 <= e.pos < q0 and "\n" not in text[e.pos:q0]:
                return e.source
    for e in events:
        if e.kind == "verb" and q1 <= e.pos < q1 + 60 and "\n" not in text[q1:e.pos]:
            return e.source
    return None


def _floor(starts: list[int], pos: int) -> int:
    import bisect

    i = bisect.bisect_right(starts, pos) - 1
    return starts[i] if i >= 0 else 0


def _ceiling(sentences: list[tuple[int, int]], pos: int, default: int) -> int:
    import bisect

    i = bisect.bisect_right([s for s, _ in sentences], pos) - 1
    return sentences[i][1] if i >= 0 else default
