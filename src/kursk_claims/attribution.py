"""Who the article says makes a claim: ``according to Ukrinform``, ``Gerasimov said``,
``reports Newsweek``, ``U.S. officials estimate``, the author of a quoted post.

The text is read once for *speech events* (a source and where it speaks) and *quotes*;
each figure then takes the event that governs its sentence::

    >>> s = Speech.read("Russia lost 500 tanks, according to the General Staff of Ukraine.")
    >>> s.attribution_for(12)[0]
    'General Staff of Ukraine'
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from .lexicon import phrase_pattern, table, trie_pattern

_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*[\w.]|[A-Za-z]|\d[\d,.]*|[^\w\s]")
_INVERTED_BEFORE = re.compile(r"[,”\"]\s*$")
_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")
_THAT_FOLLOWS = re.compile(r"(?:\s+\w+){0,4}?\s+that\b")
_CUT = re.compile(r"\s+(?:in|at|from|on)\s+(?=[A-Z])")

# patterns of the rules below, compiled once: calling re.match(r"...") looks each up again
_QUOTATION = re.compile(r"“[^”]*”|\"[^\"]*\"")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_LEADS_INTO_QUOTE = re.compile(r"[:,]\s*$")


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
        "joiners": frozenset(a["np_joiners"]),
        "adverbs": frozenset(a["adverbs_before_verb"]),
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
    named: bool = False  # the source is a name, so a later "he said" can refer to it


def _is_name_word(w: str) -> bool:
    return w[:1].isupper() or w.lower() in _lex()["roles"]


def noun_phrase_before(text: str, end: int, floor: int) -> tuple[str, int, int] | None:
    """The source named right before a speech verb at ``end``: ``Valery Gerasimov``,
    ``the Ukrainian secret service``, ``a US military official in Washington``."""
    lex = _lex()
    toks = [(m.group(0), m.start() + floor, m.end() + floor) for m in _TOKEN.finditer(text[floor:end])]
    while toks and (toks[-1][0].lower() in lex["adverbs"] or toks[-1][0] == ","):
        toks.pop()
    taken: list[tuple[str, int, int]] = []
    while toks:
        w, s, e = toks[-1]
        lw = w.lower()
        if _is_name_word(w) or (lw in lex["joiners"] and taken) or (lw in ("a", "an") and taken):
            taken.append(toks.pop())
            if lw in ("a", "an") or (lw == "the" and not (toks and toks[-1][0].lower() in lex["joiners"] - {"the"})):
                break  # "the" ends the phrase unless it follows "of"/"for": "spokesman for the council"
            continue
        break
    # "John Kirby, a spokesman for the council, told": the name before the apposition
    if taken and taken[-1][0].lower() in ("a", "an", "the") and toks and toks[-1][0] == ",":
        name = noun_phrase_before(text, toks[-1][1], floor)
        if name and all(p[:1].isupper() for p in name[0].split()):
            return name
    while taken and taken[-1][0].lower() in lex["joiners"] | {"a", "an"}:
        taken.pop()
    while taken and taken[0][0].lower() in lex["joiners"]:
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
        if w[:1].isalpha() and (_is_name_word(w) or lw in lex["joiners"] or lw in ("a", "an") or lw in lex["possessives"]):
            if w.endswith(".") and not _INITIALS.fullmatch(w):
                taken.append((w[:-1], s, e - 1))
                break
            taken.append((w, s, e))
            continue
        break
    while taken and taken[-1][0].lower() in lex["joiners"] | {"a", "an"}:
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
    for m in _QUOTATION.finditer(text):
        spans.append((m.start(), m.end()))
    return spans


class Speech:
    """The speech events and quotes of one text, read a sentence at a time as figures need them."""

    def __init__(self, text: str, sentences: list[tuple[int, int]]):
        self.text = text
        self.sentences = sentences
        self.starts = [a for a, _ in sentences]
        self._events: dict[int, list[Event]] = {}
        self.quotes = quote_spans(text)
        self._speakers: dict[tuple[int, int], str | None] = {}

    @classmethod
    def read(cls, text: str, sentences: list[tuple[int, int]] | None = None) -> Speech:
        from .sentences import sentence_spans

        return cls(text, sentences or sentence_spans(text))

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def events_in(self, i: int) -> list[Event]:
        """The speech events of sentence ``i``; a pronoun source takes the last named one."""
        if i in self._events:
            return self._events[i]
        lex = _lex()
        text = self.text
        s0, s1 = self.sentences[i]
        found = [("according", m.start(), m.end()) for m in lex["according_re"].finditer(text, s0, s1)]
        found += [("verb", m.start(), m.end()) for m in lex["verb_re"].finditer(text, s0, s1)]
        found.sort(key=lambda f: f[1])
        events: list[Event] = []
        for kind, pos, after in found:
            if kind == "according":
                np = noun_phrase_after(text, after, s1)
                if np is None or np[0].split()[0].lower() in lex["possessives"]:
                    continue
                events.append(Event(np[1], np[2], pos, _clean(np[0]), "according"))
                continue
            np = None
            follow = text[after:after + 60]
            inverted = _INVERTED_BEFORE.search(text[max(s0, pos - 4):pos]) and _CAPITAL_NEXT.match(follow)
            if inverted:
                np = noun_phrase_after(text, after + 1, s1)
            if np is None:
                np = noun_phrase_before(text, pos, s0)
            if np is None:
                continue
            source = _clean(np[0])
            words = source.split()
            if source.lower() in lex["pronouns"]:
                named = [e for e in events if e.kind == "verb" and e.named] or self._last_named(i)
                if not named:
                    continue
                source = named[-1].source
                named_here = False
            elif any(w[:1].isupper() for w in words):
                named_here = True
            elif words and words[-1].lower() in lex["roles"]:
                named_here = False
            else:
                continue
            reported = bool(_THAT_FOLLOWS.match(follow))
            events.append(Event(np[1], np[2], pos, source, "verb", reported, named_here))
        self._events[i] = events
        return events

    def _last_named(self, i: int, reach: int = 12) -> list[Event]:
        for j in range(i - 1, max(-1, i - 1 - reach), -1):
            named = [e for e in self.events_in(j) if e.kind == "verb" and e.named]
            if named:
                return named
        return []

    def source_spans(self, i: int) -> list[tuple[int, int]]:
        """Where sources are named in sentence ``i``: their words are not a figure's subject."""
        return [(e.start, e.end) for e in self.events_in(i)]

    def quote_speaker(self, q0: int, q1: int) -> str | None:
        key = (q0, q1)
        if key not in self._speakers:
            i0, i1 = self.sentence_index(q0), self.sentence_index(min(len(self.text) - 1, q1))
            nearby = [e for j in range(max(0, i0 - 1), min(len(self.sentences), i1 + 2)) for e in self.events_in(j)]
            self._speakers[key] = _quote_speaker(self.text, q0, q1, nearby)
        return self._speakers[key]

    def attribution_for(self, pos: int) -> tuple[str | None, tuple[int, int] | None]:
        """The source of a figure at ``pos`` and where it is named."""
        i = self.sentence_index(pos)
        s0, s1 = self.sentences[i] if self.sentences else (0, len(self.text))
        in_sentence = self.events_in(i) if self.sentences else []
        quote = next(((q0, q1) for q0, q1 in self.quotes if q0 < pos < q1), None)
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
        if quote is not None:
            who = self.quote_speaker(*quote)
            if who:
                return who, None
        # reported speech goes on into a sentence that continues it ("As a result, ...")
        if i > 0 and _lex()["continuations"].match(self.text[s0:s1]):
            _, p1 = self.sentences[i - 1]
            if "\n" not in self.text[p1:s0]:
                prev = [e for e in self.events_in(i - 1) if e.reported]
                if prev:
                    return prev[-1].source, None
        return None, None


def _quote_speaker(text: str, q0: int, q1: int, events: list[Event]) -> str | None:
    """Who a quotation is by: ``X wrote: “…”``, ``“…,” X said``."""
    lead = text[max(0, text.rfind("\n", 0, q0) + 1, q0 - 200):q0]
    if _LEADS_INTO_QUOTE.search(lead) or lead.strip() == "":
        for e in reversed(events):
            if e.kind == "verb" and q0 - 200 <= e.pos < q0 and "\n" not in text[e.pos:q0]:
                return e.source
    for e in events:
        if e.kind == "verb" and q1 <= e.pos < q1 + 60 and "\n" not in text[q1:e.pos]:
            return e.source
    return None


