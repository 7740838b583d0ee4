"""Who the article says makes a claim: ``according to Ukrinform``, ``Gerasimov said``,
``reports Newsweek``, ``U.S. officials estimate``, the author of a quoted post.

The text is read once for *speech events* (a source and where it speaks) and *quotes*;
each figure then takes the event that governs its sentence, and where its sentence names
no one, the speaker the article carries on with: the last one in the paragraph, the one a
quotation or a list belongs to, the one a headline names, or the one the lead goes on to
name. Pronouns and descriptions ("he", "the agency", "the Ukrainian leader", "the report")
point back to a speaker the article has named, and every speaker gets one canonical key
(``speaker``) from ``data/speakers.json`` or from its normalised name::

    >>> s = Speech.read("Russia lost 500 tanks, according to the General Staff of Ukraine.")
    >>> s.attribution_for(12)[0]
    'General Staff of Ukraine'
    >>> s.source_for(12).speaker
    'ukraine-general-staff'
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache

from ..lexicon import table
from .layout import _BULLET, Layout
from .lines import line_start
from .mentions import _REACH, Mention, Mentions
from .names import party_pattern
from .phrases import _clean, _comma_before, _name_before_clause, noun_phrase_after, noun_phrase_before
from .speakers import Known, Names, Who, _lex, slug

__all__ = ["Event", "Known", "Mention", "Names", "Source", "Speech", "SpeechEvents", "Who", "noun_phrase_after",
           "noun_phrase_before", "quote_spans", "slug"]

_INVERTED_BEFORE = re.compile(r"[,”\"]\s*$")
_PLACE_PREPOSITION = re.compile(r"\b(?:in|at|from|near|inside|outside|into|across|on)\s+(?:the\s+)?$", re.I)
_FOR_EXAMPLE = re.compile(r", say,", re.I)
_MADE_BY = re.compile(r"\s+(?:by|from|of)\s+")
_CAPITAL_NEXT = re.compile(r"\s+(?:[A-Z]|the\s+\w)")  # "…, says Ivanov", "…, writes the Herald"
_AS_BEFORE = re.compile(r"(?:^|[\s,(])(?:like|as)\s+(?:the\s+)?$", re.I)  # "…, like the minister claimed"
_ASIDE_END = re.compile(r"\s*(?:[,.;:)”\"’']|$)")  # "…, like X claimed, but": no object of its own
_ASIDE_GAP = 80  # characters between a figure and an aside ("…, as X said") that speaks of it
_ECHO_OBJECT = re.compile(r"\s+(?:it|this|so)\b(?!\s+(?:is|was|has|had|will|would)\b)")  # "confirmed it", not "said it was"
_THAT_FOLLOWS = re.compile(r"(?:\s+\w+){0,4}?\s+that\b")

# patterns of the rules below, compiled once: calling re.match(r"...") looks each up again
_QUOTATION = re.compile(r"“[^”]*”|\"[^\"]*\"")
_LEADS_INTO_QUOTE = re.compile(r"[:,]\s*$")
_AFTER_NAME_OK = re.compile(r"\s*(?:$|\n|[.,;:!?)”\"]|(?:on|in|at|during|after|before|who|which|while|when|adding|according|citing|quoting|told|late|earlier|last|this|yesterday|today|recently|also|as|to|for|of)\b)")
_INDEFINITE_BEFORE = re.compile(r"\b(?:an?|An?)\s+$")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|The|this|This)\s+(?:[a-z-]+\s+){0,2}$")  # "the (former) Ozari president"
_PROGRESSIVE = re.compile(r"\w+ing\b")  # "was claiming": active, not "was claimed"
_COORDINATED_VERB = re.compile(r"[^,;:\n]*,?\s(?:but|and)\s+(?:\w+ly\s+)?$")  # "X does not …, but says"
_NEXT_WORD = re.compile(r"\s+([a-z]+)")
_OPENING_NAME = re.compile(r"[\s\-–•*]*((?:[Tt]he\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4})\s+[a-z]")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$")
_AS_SAYING = re.compile(r"\s+as\s+say")
_OWNED_NOUN = re.compile(r"['’]s\s+(?:\w+\s+)?(\w+)$")
_POSSESSIVE_SPLIT = re.compile(r"['’]s\s")


@dataclass(slots=True)
class Source:
    """A figure's source: ``attribution`` as written, ``speaker`` its key, ``via`` who passed it on."""

    attribution: str | None = None
    speaker: str | None = None
    via: str | None = None
    where: tuple[int, int] | None = None


@dataclass(slots=True)
class Event:
    start: int  # where the source is named
    end: int
    pos: int  # where the speech verb or opener is
    source: str
    kind: str  # verb | according | chain | quote
    reported: bool = False  # "said that ...": the speech may go on in the next sentence
    named: bool = False  # the source is a name, so a later "he said" can refer to it
    who: Who | None = None
    via: Who | None = None
    echo: bool = False  # "observers have confirmed it": bears out a statement made before, makes none
    aside: bool = False  # "…, like X claimed,": the source of the figure right before it, and of no other


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation: curly quotes pair by shape, straight ones in turn."""
    spans = []
    for m in _QUOTATION.finditer(text):
        spans.append((m.start(), m.end()))
    return spans


class SpeechEvents:
    """The speech events and quotes of one text, read a sentence at a time as figures need
    them, and the source each figure takes from them."""

    def __init__(self, speech: Speech):
        self.speech = speech
        self.text = speech.text
        self.sentences = speech.sentences
        self.by_sentence: dict[int, list[Event]] = {}  # the speech events of each sentence read so far
        self.quotes = quote_spans(speech.text)
        self._quote_speakers: dict[tuple[int, int], Event | None] = {}
        self._first_event: int | None = -1
        self._done = -1
        self._depth = 0

    def events_in(self, i: int) -> list[Event]:
        """The speech events of sentence ``i``, each with the speaker it names."""
        if i in self.by_sentence:
            return self.by_sentence[i]
        return self._compute_events(i)

    def read_before(self, i: int) -> None:
        """Read the speech events of the sentences before ``i`` that a pronoun or a description
        may point back to, in order (not too deep: a chain of pronouns reads a few windows back)."""
        if self._depth > 2:
            return
        self._depth += 1
        try:
            for j in range(max(0, i - _REACH), i):
                if j not in self.by_sentence:
                    self._compute_events(j)
        finally:
            self._depth -= 1

    def _compute_events(self, i: int) -> list[Event]:
        if i in self.by_sentence:
            return self.by_sentence[i]
        self._done = max(self._done, i)
        self.by_sentence[i] = []  # a pronoun looking back from this sentence does not loop
        lex = _lex()
        text = self.text
        s0, s1 = self.sentences[i]
        found = [(m.lastgroup or "verb", m.start(), m.end()) for m in lex["speech_re"].finditer(text, s0, s1)]
        events: list[Event] = []
        head = text[s0:min(s1, s0 + 90)]
        if not found and not ("s " in head and ("'" in head or "’" in head)):
            return events  # no opener, verb or possessive: no one speaks here
        possessive = self._possessive_event(s0, s1, head)
        if possessive is not None:
            events.append(possessive)
        for kind, pos, after in found:
            if kind in ("according", "chain"):
                e = self._opener_event(kind, pos, after, s0, s1)
            elif _FOR_EXAMPLE.fullmatch(text, max(s0, pos - 2), min(s1, after + 1)):
                continue  # "if it had, say, 500 tanks": for example, no one speaking
            else:
                e = self._verb_event(pos, after, s0, s1)
            if e is not None:
                if e.kind == "verb" and events and text[e.end:e.pos].strip() == ",":
                    # "X says A, claims B": a verb after a comma with no subject of its own
                    # goes on the sentence's earlier speaker
                    earlier = [o for o in events if o.pos < e.start and o.who is not None]
                    if earlier:
                        e = replace(earlier[-1], pos=pos)
                events.append(e)
        if not events:
            author = self._first_person(s0, s1)
            if author is not None:
                events.append(author)
        _link_chains(events)
        self.by_sentence[i] = events
        return events

    def _first_person(self, s0: int, s1: int) -> Event | None:
        """The byline's author, where the sentence speaks in the first person outside a
        quotation ("There we presented our estimate: …")."""
        m = next((m for m in _lex()["first_person_re"].finditer(self.text, s0, s1)
                  if not any(q0 < m.start() < q1 for q0, q1 in self.quotes)), None)
        if m is None:
            return None
        return _label_event(self.speech.layout.byline(), m.start())

    def _possessive_event(self, s0: int, s1: int, head: str) -> Event | None:
        """A sentence that opens on a possessive report: "Ukraine's General Staff said in its
        report", "by his own count"."""
        lex = _lex()
        text = self.text
        m = None
        if "s " in head and ("'" in head or "’" in head):
            m = lex["possessive_re"].match(text, s0, s1)
        if m is None and head[:12].lstrip("-–•* ").lower().startswith(("by ", "in ", "from ", "according")):
            m = lex["pronoun_possessive_re"].match(text, s0, s1)
        if m:
            who = self.speech.mentioned.resolve(m.group("np"), m.start("np"))
            if who is not None:
                return Event(m.start("np"), m.end("np"), m.start("np"), who.written, "according", False, who.named, who)
        return None

    def _opener_event(self, kind: str, pos: int, after: int, s0: int, s1: int) -> Event | None:
        """The source after an opener or a chain: "according to X", "citing X", "quoted X as saying"."""
        lex = _lex()
        text = self.text
        np = noun_phrase_after(text, after, s1)
        if np is None or np[0].split()[0].lower() in lex["possessives"] and not lex["pronoun_possessive_re"].match(text, s0, s1):
            return None
        if text[pos:after].strip().lower() == "quoted" and not _AS_SAYING.match(text, np[2]):
            return None
        reports = table("attribution")["possessive_report_nouns"]
        np = _maker(np)
        words = np[0].split()
        if words[-1].lower() in reports and not any(w[:1].isupper() for w in words) and not _MADE_BY.match(text, np[2]) \
                and any(w.lower() not in lex["lead_drop"] and w.lower() not in ("a", "an") for w in words[:-1]):
            return None  # "according to the latest figures": no one named ("the report" points back to its source)
        by = _MADE_BY.match(text, np[2])
        if by and np[0].split()[-1].lower() in reports:
            maker = noun_phrase_after(text, by.end(), s1)  # "according to estimates by the army"
            if maker is not None:
                np = maker
        phrase = np[0]
        pm = _OWNED_NOUN.search(text[np[1]:np[2] + 30].split(",")[0])
        if pm and pm.group(1).lower() in table("attribution")["possessive_report_nouns"]:
            phrase = _POSSESSIVE_SPLIT.split(phrase)[0]  # "relayed the NIS's findings"
        who = self.speech.mentioned.resolve(phrase, np[1])
        if who is None:
            return None
        who = _with_acronym(text, who, np[2])
        return Event(np[1], np[2], pos, who.written, kind, False, who.named, who)

    def _verb_event(self, pos: int, after: int, s0: int, s1: int) -> Event | None:
        """The source of a speech verb: "X said", "…, says X", "X, a spokesman, told"."""
        lex = _lex()
        text = self.text
        np = None
        follow = text[after:after + 60]
        inverted = _INVERTED_BEFORE.search(text[max(s0, pos - 4):pos]) and _CAPITAL_NEXT.match(follow) \
            and text[pos:after].strip().lower() not in table("attribution")["addressee_verbs"]
        if inverted:
            np = noun_phrase_after(text, after + 1, s1)
            if np is not None and not _AFTER_NAME_OK.match(text, np[2]):
                np = None  # "X, who …, says Russia has": not "…, says X"
        if np is None and _PASSIVE_BEFORE.search(text, max(s0, pos - 12), pos) and not _PROGRESSIVE.match(text, pos):
            return None  # "a ceasefire was announced": what was said, not who said it
        if np is None:
            bracket = _ACRONYM_BEFORE.search(text, max(s0, pos - 14), pos)  # "the UN refugee agency (UNHCR) said"
            direct = noun_phrase_before(text, bracket.start() if bracket else pos, s0)
            if direct and all(w[:1].isupper() for w in direct[0].split()) and _comma_before(text, direct[1]):
                np = direct  # "the country's commander-in-chief, Oleksandr Syrskyi, said"
            else:
                np = _name_before_clause(text, pos, s0)
                if np is None and direct:
                    place = _PLACE_PREPOSITION.search(text, max(s0, direct[1] - 10), direct[1])
                    if place is None or direct[0].split()[0].lower() in lex["lead_drop"] \
                            or any(w.lower() in lex["roles"] for w in direct[0].split()):  # "On Tuesday X said"
                        np = direct
                    else:  # "officials in Marovo said", not "…, who is still in Marovo, said"
                        held = noun_phrase_before(text, place.start(), s0)
                        if held and held[0].split()[-1].lower() in lex["roles"]:
                            np = (text[held[1]:direct[2]], held[1], direct[2])
        if np is None:
            np = _coordinated_subject(text, s0, pos)  # "Peru keeps its own losses secret but says 90 …"
        if np is None or not any(w[:1].isupper() for w in np[0].split()) and np[0].split()[-1].lower() not in lex["roles"]:
            np = _postmodified_subject(text, s0, pos) or np  # "two diplomats following the talks said"
        if np is None:
            return None
        np = _maker(np)
        source = _clean(np[0])
        if not source:
            return None
        words = source.split()
        if source.lower() not in lex["pronouns"] and not any(w[:1].isupper() for w in words) \
                and not (words and (words[-1].lower() in lex["roles"] or words[-1].lower() in table("attribution")["generic_bodies"])):
            return None
        raw = np[0]
        if _DETERMINER_BEFORE.search(text, max(s0, np[1] - 30), np[1]):
            raw = "the " + raw  # "the Ukrainian leader said": a description pointing back
        elif _INDEFINITE_BEFORE.search(text, max(s0, np[1] - 4), np[1]):
            raw = "a " + raw  # "a top mediator says": a description a lead may name later
        who = self.speech.mentioned.resolve(raw, np[1])
        if who is None:
            return None
        reported = bool(_THAT_FOLLOWS.match(follow))
        who = _with_acronym(text, who, np[2])
        echo = _ECHO_OBJECT.match(text, after) is not None
        aside = _AS_BEFORE.search(text, max(s0, np[1] - 14), np[1]) is not None and _ASIDE_END.match(text, after) is not None
        return Event(np[1], np[2], pos, who.written, "verb", reported, who.named, who, echo=echo, aside=aside)

    def source_spans(self, i: int) -> list[tuple[int, int]]:
        """Where sources are named in sentence ``i``: their words are not a figure's subject."""
        return [(e.start, e.end) for e in self.events_in(i)]

    def attribution_for(self, pos: int) -> tuple[str | None, tuple[int, int] | None]:
        """The source of a figure at ``pos`` (as written) and where it is named."""
        s = self.source_for(pos)
        return s.attribution, s.where

    def source_for(self, pos: int) -> Source:
        """The source of a figure at ``pos``: as written, its key, and the intermediary."""
        e, where = self._event_for(pos)
        if e is None or e.who is None:
            return Source()
        return Source(e.who.written, e.who.key, e.via.written if e.via else None, where)

    def _event_for(self, pos: int, depth: int = 0) -> tuple[Event | None, tuple[int, int] | None]:
        if not self.sentences:
            return None, None
        i = self.speech.sentence_index(pos)
        s0, s1 = self.sentences[i]
        in_sentence = self.events_in(i)
        if any(e.aside for e in in_sentence):
            aside = next((e for e in in_sentence if e.aside and e.who is not None and _aside_of(self.text, pos, e.start)), None)
            if aside is not None:
                return aside, (aside.start, aside.end)
            in_sentence = [e for e in in_sentence if not e.aside]
        quote = next(((q0, q1) for q0, q1 in self.quotes if q0 < pos < q1), None)
        if quote is not None:
            # a speaker named inside a quotation before the figure says it; one named after it
            # ("… 80%, like the minister claimed") gives way to whoever the quotation is by
            inside = [e for e in in_sentence if quote[0] < e.pos < quote[1]]
            if any(e.pos < pos for e in inside):
                in_sentence = [e for e in inside if e.pos < pos]
            else:
                who = self.quote_speaker(*quote)
                if who is not None:
                    return who, None
                if inside:
                    in_sentence = inside
        chosen = _choose(in_sentence, pos)
        if chosen is not None:
            return chosen, (chosen.start, chosen.end)
        if depth > 1:
            return None, None
        # the sentence names no one: the speaker the page carries on with
        line_who = self._line_speaker(i)
        if line_who is not None:
            return line_who, None
        carried = self._carried(i, pos, depth)
        if carried is not None:
            return carried, None
        return None, None

    def _carried(self, i: int, pos: int, depth: int) -> Event | None:
        text = self.text
        s0, _ = self.sentences[i]
        line0 = line_start(text, s0)
        # a list item belongs to the text that leads into the list; under a subhead of a page
        # that labels its source, each item is a statement of its own, and one that names no
        # one is the page's source's (a fact sheet)
        if _BULLET.match(text, line0):
            j = i
            while j > 0 and _BULLET.match(text, line_start(text, self.sentences[j][0])):
                j -= 1
            lead = j != i and not _BULLET.match(text, line_start(text, self.sentences[j][0]))
            page_source = self._page_source()
            if lead and (page_source is None or not self.speech.layout.is_heading(j)):
                e, _ = self._event_for(self.sentences[j][1] - 1, depth + 1)
                if e is not None:
                    return e
            elif page_source is not None:
                return self._last_speaker_since(i, line0) or page_source
        # a figure before the first speaker of the article (headline, teaser, lead) is the first speaker's
        first = self.first_event_sentence()
        if first is not None and i < first and self._in_lead(i, first):
            return _choose(self.events_in(first), self.sentences[first][0])
        # the last speaker of the paragraph, or of the few paragraphs before it
        par = self.speech.layout.paragraph_starts()
        k = bisect.bisect_right(par, s0) - 1
        return self._last_speaker_since(i, par[max(0, k - 2)] if par else 0)

    def _last_speaker_since(self, i: int, floor: int) -> Event | None:
        """The last speaker named before sentence ``i`` and after ``floor``, up to a subhead."""
        for j in range(i - 1, -1, -1):
            p0, p1 = self.sentences[j]
            if p1 <= floor or self.speech.layout.is_heading(j):
                break
            evs = [e for e in self.events_in(j) if e.who is not None]
            if evs:
                return _choose(evs, p1)
        return None

    def _page_source(self) -> Event | None:
        """The source a page's label names ("Format: Report | Source: Aid Office")."""
        return _label_event(self.speech.layout.page_source())

    def _in_lead(self, i: int, first: int) -> bool:
        """Whether sentence ``i`` is in the headline or the lead paragraph, or in the paragraph
        of the first speaker: a fact sheet's later items are not the first speaker's."""
        par = self.speech.layout.paragraph_starts()
        s0 = self.sentences[i][0]
        k = bisect.bisect_right(par, s0) - 1
        kf = bisect.bisect_right(par, self.sentences[first][0]) - 1
        return k <= 1 or k == kf or self.speech.layout.is_heading(i) or not _BULLET.match(self.text, par[k] if k >= 0 else 0)

    def first_event_sentence(self, reach: int = 2500) -> int | None:
        """The sentence of the article's first speech event, when it comes early."""
        if self._first_event == -1:
            self._first_event = None
            title_end = self.text.find("\n", len(self.text) - len(self.text.lstrip()))
            for j, (a, b) in enumerate(self.sentences):
                if a > reach:
                    break
                if a < title_end:
                    continue  # the headline speaks for itself
                if any(e.who is not None for e in self.events_in(j)):
                    self._first_event = j
                    break
        return self._first_event

    def _line_speaker(self, i: int) -> Event | None:
        """A headline or label that names its speaker: "Zelensky: 11,000 …", "… – Syrskyi"."""
        return _label_event(self.speech.layout.line_speaker(i))

    def quote_speaker(self, q0: int, q1: int) -> Event | None:
        key = (q0, q1)
        if key not in self._quote_speakers:
            self._quote_speakers[key] = None
            i0, i1 = self.speech.sentence_index(q0), self.speech.sentence_index(min(len(self.text) - 1, q1))
            nearby = [e for j in range(max(0, i0 - 1), min(len(self.sentences), i1 + 2)) for e in self.events_in(j)]
            who = _quote_speaker(self.text, q0, q1, nearby)
            if who is None:
                who = self._quote_by_layout(q0, q1, i0)
            self._quote_speakers[key] = who
        return self._quote_speakers[key]

    def _quote_by_layout(self, q0: int, q1: int, i0: int) -> Event | None:
        """A quotation whose speaker the page lays out: a speaker line above it ("Name / Party"),
        a "Source: X" label, an earlier quotation of the same paragraph, or the sentence's
        own speaker outside the quotation."""
        in_sentence = [e for e in self.events_in(i0) if not (q0 < e.pos < q1)]
        if in_sentence:
            return _choose(in_sentence, q0)
        above = self.speech.layout.speaker_above(q0)
        if above is not None:
            who, start, end = above
            return Event(start, end, q0, who.written, "quote", False, who.named, who)
        # a quotation that goes on from an earlier one in the same paragraph
        par = self.speech.layout.paragraph_starts()
        p0 = par[bisect.bisect_right(par, q0) - 1]
        for a, b in reversed(self.quotes):
            if p0 <= a and b <= q0:
                who = self.quote_speaker(a, b)
                if who is not None:
                    return who
        return None


class Speech:
    """The speech events and quotes of one text, read a sentence at a time as figures need them:
    a facade over its names (``speakers.Names``), the speakers it mentions
    (``mentions.Mentions``), its page layout (``layout.Layout``) and its speech events
    (``SpeechEvents``)."""

    def __init__(self, text: str, sentences: list[tuple[int, int]]):
        self.text = text
        self.sentences = sentences
        self.starts = [a for a, _ in sentences]
        self.names = Names(text)
        self.events = SpeechEvents(self)
        self.mentioned = Mentions(self)
        self.layout = Layout(self)
        self.quotes = self.events.quotes

    @classmethod
    def read(cls, text: str, sentences: list[tuple[int, int]] | None = None) -> Speech:
        from .sentences import sentence_spans

        return cls(text, sentences or sentence_spans(text))

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def acronyms(self) -> dict[str, str]:
        return self.names.acronyms()

    def resolve(self, raw: str, pos: int) -> Who | None:
        return self.mentioned.resolve(raw, pos)

    def mentions(self, static: bool = True) -> list[Mention]:
        return self.mentioned.mentions(static)

    def events_in(self, i: int) -> list[Event]:
        return self.events.events_in(i)

    def source_spans(self, i: int) -> list[tuple[int, int]]:
        return self.events.source_spans(i)

    def attribution_for(self, pos: int) -> tuple[str | None, tuple[int, int] | None]:
        return self.events.attribution_for(pos)

    def source_for(self, pos: int) -> Source:
        return self.events.source_for(pos)

    def first_event_sentence(self, reach: int = 2500) -> int | None:
        return self.events.first_event_sentence(reach)

    def paragraph_starts(self) -> list[int]:
        return self.layout.paragraph_starts()

    def quote_speaker(self, q0: int, q1: int) -> Event | None:
        return self.events.quote_speaker(q0, q1)


_NAMED_BEFORE_REPORT = re.compile(r"(?:^|\s)((?:[A-Z][\w.&'’-]*\s+)+)(?:[a-z-]+\s+)?(\w+)$")
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Z&.]{1,7})\)")
_ACRONYM_BEFORE = re.compile(r"\s*\([A-Z][A-Z&.]{1,7}\)\s*$")


def _label_event(found: tuple[Who, int, int] | None, pos: int | None = None) -> Event | None:
    """The speech event of a speaker the page lays out (a headline, a label, a byline)."""
    if found is None:
        return None
    who, start, end = found
    return Event(start, end, end if pos is None else pos, who.written, "verb", False, who.named, who)


_CLAUSE_LEAD = re.compile(r"[\W_]*(?:(?:that|and|but)\s+)?")
_POSTMODIFIED_REACH = 120  # characters before a speech verb where a postmodified speaker is read


@cache
def _postmodified() -> re.Pattern[str]:
    return re.compile(r"(?P<np>(?:[A-Za-z]+\s+){0,2}?(?P<head>[A-Za-z]+s))\s+(?:[a-z]+ing|"
                      + "|".join(p.replace(" ", r"\s+") for p in table("attribution")["postmodifiers"])
                      + r")\s+(?:[\w'’-]+\s+){1,6}?")


def _coordinated_subject(text: str, s0: int, pos: int) -> tuple[str, int, int] | None:
    """The name a sentence opens on, for a speech verb joined to its first verb by "but" or
    "and", with no clause between ("Peru keeps its losses secret, but says …")."""
    m = _OPENING_NAME.match(text, s0, pos)
    if m is None:
        return None
    end = m.end(1)
    heads = _name_heads()
    nxt = _NEXT_WORD.match(text, end, pos)
    while nxt is not None and nxt.group(1) in heads:  # "The Peruvian army", "Chilean officials"
        end = nxt.end()
        nxt = _NEXT_WORD.match(text, end, pos)
    if not _COORDINATED_VERB.fullmatch(text, end, pos):
        return None
    name = text[m.start(1):end]
    # a name, not a capitalised first word ("How many … depends on …, but estimates run"): a
    # side, a body or a role ("Bolivian officials"), or a name of two capitalised words
    pattern, _ = party_pattern(text)
    if end == m.end(1) and sum(word[:1].isupper() for word in name.split()) < 2 \
            and not any(p.start() == m.start(1) for p in pattern.finditer(text, m.start(1), end)):
        return None
    return name, m.start(1), end


@cache
def _name_heads() -> frozenset[str]:
    """The lower-case words that end a speaker's name: roles and bodies ("officials", "army")."""
    return frozenset(_lex()["roles"]) | frozenset(table("attribution")["generic_bodies"])


def _postmodified_subject(text: str, s0: int, pos: int) -> tuple[str, int, int] | None:
    """A speaker described by a phrase after its noun, right before the verb and at the start
    of its clause: "two diplomats following the talks said", "officials familiar with the plan
    said" (the phrases in data)."""
    start = max(s0, pos - _POSTMODIFIED_REACH, *(text.rfind(p, s0, pos) + 1 for p in ",;:"))
    lead = _CLAUSE_LEAD.match(text, start, pos)
    m = _postmodified().fullmatch(text, lead.end() if lead else start, pos)
    if m is None or m.group("head").lower() not in _lex()["roles"]:
        return None
    return m.group("np"), m.start("np"), m.end("np")


def _maker(np: tuple[str, int, int]) -> tuple[str, int, int]:
    """Who made the report a phrase names: "a report from the ministry" and "the latest UAF
    figures" are the ministry's and the UAF's; any other phrase is itself."""
    phrase, start, end = np
    reports = table("attribution")["possessive_report_nouns"]
    inner = _MADE_BY.search(phrase)
    if inner and phrase[:inner.start()].split() and phrase[:inner.start()].split()[-1].lower() in reports:
        return phrase[inner.end():], start + inner.end(), end
    named = _NAMED_BEFORE_REPORT.search(phrase)
    if named and named.group(2).lower() in reports and named.start(1) > 0 \
            and not any(w[:1].isupper() or w in ("and", "or") for w in phrase[:named.start(1)].split()):
        name = named.group(1).rstrip()
        return name, start + named.start(1), start + named.start(1) + len(name)
    return np


def _with_acronym(text: str, who: Who, end: int) -> Who:
    """The speaker written with the acronym the text defines for it right after its name:
    "the UN Refugee Agency (UNHCR)"."""
    m = _ACRONYM_AFTER.match(text, end)
    if m is None or m.group(1) in who.written:
        return who
    return replace(who, written=f"{who.written} ({m.group(1)})")


_FIGURE_DIGITS = re.compile(r"[\d.,]*")
_ASIDE_BREAK = re.compile(r"\d|;|\b(?:but|while|whereas)\b")


def _aside_of(text: str, pos: int, start: int) -> bool:
    """Whether an aside named at ``start`` ("…, like X claimed,") speaks of the figure at
    ``pos``: the figure right before it, with no other figure or clause between them."""
    if not 0 < start - pos <= _ASIDE_GAP:
        return False
    end = _FIGURE_DIGITS.match(text, pos).end()
    return _ASIDE_BREAK.search(text, end, start) is None


def _link_chains(events: list[Event]) -> None:
    """A chain names the original source; the intermediary is the other speaker of the sentence."""
    for e in events:
        if e.kind == "chain":
            others = [o for o in events if o is not e and o.kind != "chain" and o.who is not None and o.who.key != e.who.key]
            if others:
                o = min(others, key=lambda o: abs(o.pos - e.pos))
                e.via = o.who


def _choose(events: list[Event], pos: int) -> Event | None:
    """The event that governs a figure at ``pos``: an ``according to`` or chain in the
    sentence, else the nearest speech verb before it, else after it. "X believes …, according
    to a lawmaker": an unnamed go-between passes on what the named speaker says."""
    evs = [e for e in events if e.who is not None]
    according = [e for e in evs if e.kind in ("according", "chain")]
    if according:
        chains = [e for e in according if e.kind == "chain"]
        chosen = min(chains or according, key=lambda e: abs(e.pos - pos))
        nearer = [e for e in evs if e.kind == "verb" and chosen.pos < e.start and e.pos < pos and e.who.key != chosen.who.key]
        if nearer and chosen.kind == "according" and chosen.via is None:
            # "According to X, officials said … 1,000": the officials say it, as X reports
            return replace(nearer[-1], via=chosen.who)
        named = [e for e in evs if e.kind == "verb" and e.who.key != chosen.who.key and e.pos < chosen.pos]
        if not chosen.who.named and named and chosen.via is None:
            return replace(min(named, key=lambda e: abs(e.pos - pos)), via=chosen.who)
        return chosen
    before = [e for e in evs if e.pos < pos]
    if before:
        return before[-1]
    after = [e for e in evs if e.pos > pos]
    if after:
        # "Ozar holds a third, and observers have confirmed it, the official said": the one who says it
        return next((e for e in after if not e.echo), after[0])
    return None


def _quote_speaker(text: str, q0: int, q1: int, events: list[Event]) -> Event | None:
    """Who a quotation is by: ``X wrote: “…”``, ``“…,” X said``."""
    lead = text[max(0, line_start(text, q0), q0 - 200):q0]
    if _LEADS_INTO_QUOTE.search(lead) or lead.strip() == "":
        for e in reversed(events):
            if e.kind == "verb" and q0 - 200 <= e.pos < q0 and "\n" not in text[e.pos:q0] and e.who is not None:
                return e
    for e in events:
        if e.kind == "verb" and q1 <= e.pos < q1 + 60 and "\n" not in text[q1:e.pos] and e.who is not None:
            return e
    return None
