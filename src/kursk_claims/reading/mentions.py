"""Who an article mentions where, and who a phrase names at a place in it: a name, or the
speaker a pronoun ("he"), a description ("the agency", "the Ukrainian leader") or a report
("the report") points back to among the speakers named before it."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from ..lexicon import led, table
from .phrases import _clean
from .speakers import Who, _descriptor, _head, _is_alias, _lex, _lookup, _probe, _speakers, country_of, slug

if TYPE_CHECKING:
    from .attribution import Speech

_ROLE_IN_PLACE = re.compile(r"^([A-Za-z][a-z]+)\s+in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*$")  # "officials in Marovo"
_TRAILING_S = re.compile(r"['’]s$")
_OWNER = re.compile(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]s\s")
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+((?:[\w'’-]+\s+){0,4}?[\w'’-]+)(?=\s+(?:who|which|of|for|at|in)\b|,)")
def _sides_named(who: Who, classes: frozenset[str] | set[str]) -> set[str]:
    """The countries a speaker's name or titles name ("Former Peruvian President Ana Ruiz": Peru)."""
    words = set(who.written.split()) | {w for w in classes if " " not in w}
    return {c for c in map(country_of, words) if c}


_REACH = 6  # sentences a pronoun or a description looks back over


@dataclass(slots=True)
class Mention:
    pos: int
    who: Who
    speaker: bool = False  # named as a speaker, not only mentioned
    alias: bool = False  # named by one of its names, not a description
    extra: set[str] = field(default_factory=set)


class Mentions:
    """The speakers one article mentions, in order, and what its pronouns and descriptions
    point back to; reads the speech events of the article's ``Speech`` as it needs them."""

    def __init__(self, speech: Speech):
        self.speech = speech
        self.text = speech.text
        self.names = speech.names
        self._mentions: list[Mention] | None = None
        self._merged: tuple[tuple[int, bool], list[Mention]] | None = None
        self._resolved: dict[str, Who] = {}

    def resolve(self, raw: str, pos: int) -> Who | None:
        """Who ``raw`` names at ``pos``: a name, or the speaker a pronoun, a description
        ("the agency", "Ukraine's president") or a report ("the report") points back to.
        A pronoun or "the <role>" takes the article's own name for its speaker; a name or a
        title written as one ("Kursk Governor") stays as written."""
        if raw in self._resolved:
            return self._resolved[raw]  # a name read before: it names the same speaker everywhere
        lex = _lex()
        sp = _speakers()
        placed = _ROLE_IN_PLACE.match(raw.strip())
        if placed and placed.group(1).lower() in _lex()["not_speakers"]:
            # "officials in Marovo said": the officials of a place speak, though "officials" alone does not
            who = self._resolved[raw] = self.names.who(raw.strip())
            return who
        phrase = _TRAILING_S.sub("", _clean(raw))
        if not phrase:
            return None
        low = phrase.lower()
        first = raw.split()[0].lower() if raw.split() else ""
        pointer = first in ("the", "this", "that", "a", "an") or phrase[:1].islower()
        if low in lex["pronouns"] or low in lex["possessives"]:
            found = self._antecedent_pronoun(pos, person=low in lex["person_pronouns"] or low in ("his", "her"))
            return self._best_name(found) if found else None
        if first in ("the", "this", "that") and phrase[:1].isupper() and phrase.split()[-1][:1].islower():
            # "the General Staff source": the source in the General Staff named before
            self.speech.events.read_before(self.speech.sentence_index(pos))
            head = _head(phrase)
            caps = [w for w in phrase.split() if w[:1].isupper()]
            for m in reversed(self.mentions(static=False)):
                if m.pos < pos and head in (m.who.classes | m.extra) and all(c in m.who.written for c in caps):
                    return self._best_name(m.who)
        if _lookup(phrase):
            who = self.names.who(phrase)  # a name or a description the data knows: "Seoul's spy agency"
            if pointer and not _is_alias(phrase):
                return self._best_name(who)
            self._resolved[raw] = who
            return who
        words = phrase.split()
        capitals = [w for w in words if w[:1].isupper()]
        descr = _descriptor(phrase)
        country = country_of(phrase)
        if country:
            body = self._body_of(country, pos)
            return body or Who(phrase, slug(country), False, True, frozenset())
        is_description = (words and words[-1].lower() in lex["titles"] and len(capitals) <= 2) or (not capitals or all(w.rstrip("'’s").lower() in sp["parties"] or w.lower() in lex["titles"] and w[:1].isupper() and len(words) > len(capitals) for w in capitals)) \
            and words and words[-1][:1].islower()
        if is_description:
            return self._description(phrase, words, capitals, descr, first, low, pointer, pos)
        if low in lex["not_speakers"] or all(w.lower().rstrip(".") in lex["not_speakers"] or w in lex["title_abbrevs"] for w in words):
            return None
        who = self._resolved[raw] = self.names.who(phrase)
        return who

    def _description(self, phrase: str, words: list[str], capitals: list[str], descr: str, first: str, low: str,
                     pointer: bool, pos: int) -> Who | None:
        """Who a description names: "the report" its outlet, "the agency" the agency named
        before, else the description itself as an unnamed speaker."""
        lex = _lex()
        head = _head(phrase)
        if head in lex["report_nouns"] or descr in lex["report_nouns"] or head in ("estimate", "estimates"):
            owner = _OWNER.match(phrase)
            if owner:  # "Seoul's own military assessment": Seoul's
                return self.resolve(owner.group(1), pos)
            if head in ("estimate", "estimates"):
                return None
            return self._last_event_outlet(pos)
        plural = head.endswith("s") and not head.endswith("ss") and head not in lex["titles"] and head not in lex["body_heads"] - lex["group_heads"]
        found = None if plural else self._antecedent_role(descr, head, pos, definite=first in ("the", "this", "that") and "'s " not in low and "’s " not in low)
        if found:
            if pointer:
                return self._best_name(found)
            return Who(phrase, found.key, found.person, True, found.classes)
        if first in ("a", "an") and head in lex["titles"]:
            # "A top mediator says 600,000 died. Luis Rojas, the envoy, said …": a lead that names
            # its speaker in the sentences right after
            named = self._named_next(pos)
            if named is not None:
                return Who(f"{phrase} {named.written}", named.key, True, True, named.classes)
        if first in ("a", "an") and head in lex["body_heads"]:
            # "…, a medical group said Thursday. … the Ozar Doctors Network said in a statement":
            # the body the lead describes, named right after
            named = self._named_next(pos, person=False)
            if named is not None:
                return named
        if descr in lex["not_speakers"] or head in lex["not_speakers"] and len(words) == 1:
            return None
        if not capitals and head not in lex["titles"] and head not in lex["body_heads"] and head not in lex["roles"]:
            return None
        return Who(phrase, slug(descr), head in lex["titles"], False, frozenset({head, descr}))

    def _named_next(self, pos: int, person: bool = True) -> Who | None:
        """The person named as a speaker in the two sentences after the one at ``pos``, when the
        article names none before it, or (with ``person`` false) the body first named there: whom
        a lead's description ("a top mediator", "a medical group") names."""
        i = self.speech.sentence_index(pos)
        self.speech.events.read_before(i)
        before = [m for m in self.mentions() if m.pos < pos and m.who.person == person and m.who.named]
        if person and before:
            return None
        for j in range(i + 1, min(len(self.speech.sentences), i + 3)):
            for e in self.speech.events.events_in(j):
                if e.who is not None and e.who.named and e.who.person == person \
                        and not any(m.who.key == e.who.key for m in before):  # a body first named there
                    return e.who
        return None

    def _best_name(self, who: Who) -> Who:
        """The article's fullest name for ``who``, when ``who`` is written as a description."""
        if who.written[:1].isupper() and who.written.lower() not in _speakers()["described"]:
            m = self._mention_of(who.key, static=self._mentions is not None)  # a fuller name read so far
            if not (m and who.written in m.written):
                return who
        else:
            m = self._mention_of(who.key)
        return Who(m.written, who.key, who.person, True, who.classes) if m else who

    def mentions(self, static: bool = True) -> list[Mention]:
        """Every speaker the article names, in order: known names and descriptions, acronyms
        it defines, people with a title ("acting Governor Alexei Smirnov") (left out when
        ``static`` is false), and the sources of the speech events read so far."""
        if static and self._mentions is None:
            self._mentions = self._static_mentions()
        n = sum(map(len, self.speech.events.by_sentence.values()))
        key = (n, static)
        if self._merged is None or self._merged[0] != key:
            found = list(self._mentions or []) if static else []
            for evs in self.speech.events.by_sentence.values():
                for e in evs:
                    if e.who is not None and e.who.named:
                        found.append(Mention(e.start, e.who, True, extra=self._apposed_titles(e.end)))
            found.sort(key=lambda m: m.pos)
            self._merged = (key, found)
        return self._merged[1]

    def _apposed_titles(self, end: int) -> set[str]:
        """The titles an apposition gives a name: "Ana Ruiz, the former Peruvian president,"."""
        if not self.text.startswith(",", end):
            return set()
        m = _APPOSITION.match(self.text, end, min(len(self.text), end + 80))
        if not m:
            return set()
        titles = _lex()["titles"]
        words = [w.strip(",.").lower() for w in m.group(1).split()]
        found = {w for w in words if w in titles}
        if found and words[-1] in titles:  # and the description itself: "nigerian president"
            found |= {" ".join(words[i:]) for i in range(len(words) - 1)}
        return found

    def _needs_static(self, probe: re.Pattern | None) -> bool:
        """Whether the article's own names can matter: the probe for them finds something."""
        if self._mentions is not None:
            return True
        return probe is not None and probe.search(self.text) is not None

    def _static_mentions(self) -> list[Mention]:
        sp = _speakers()
        lex = _lex()
        found: list[Mention] = []
        for m in sp["pattern"].finditer(self.text):
            key = _lookup(m.group(0))
            if key:
                k = sp["by_key"][key]
                found.append(Mention(m.start(), Who(m.group(0), key, k.person, True, k.classes), alias=_is_alias(m.group(0))))
        for short, key in self.names.acronyms().items():
            for m in re.finditer(r"\b" + re.escape(short) + r"\b", self.text):
                found.append(Mention(m.start(), Who(short, key, False, True, frozenset())))
        for m in lex["titled_re"].finditer(self.text):
            name = m.group("name")
            if country_of(name) or name.lower() in lex["not_speakers"]:
                continue
            named = self.names.who(name)
            who = Who(m.group(0), named.key, True, True, named.classes)
            titles = {t.lower() for t in m.group("titles").split()}
            who.classes = who.classes | {lex["expand"].get(t, t) for t in titles} | titles
            found.append(Mention(m.start("name"), who))
        for m in _named_body_re().finditer(self.text):
            name, head = m.group(0), m.group("head")
            if country_of(name) or _lookup(name):
                continue
            found.append(Mention(m.start(), Who(name, slug(name), False, True, frozenset({head}))))
        found.sort(key=lambda m: m.pos)
        # the titles written around a person add to the roles a later "the general" points back to
        for m in found:
            if m.who.person:
                written = self.text[max(0, m.pos - 60):m.pos].split()[-4:]
                before = [w.lower() for w in written]
                m.extra = {lex["expand"].get(t, t) for t in lex["titles"].intersection(before)}
                m.extra |= {w.lower() for w in written if w[:1].isupper() and country_of(w)}  # "Former Peruvian President"
                if any("commander-in-chief" in w for w in before):
                    m.extra |= {"commander-in-chief", "commander"}
        return found

    def _mention_of(self, key: str, static: bool = True) -> Who | None:
        """How the article names the speaker ``key``: its fullest name written, else None."""
        best = None
        mentions = self.mentions(static and self._needs_static(_probe("key", key)))
        for m in mentions:
            if m.who.key == key and m.who.named and m.who.written[:1].isupper() and m.who.written.lower() not in _speakers()["described"]:
                if best is None or len(m.who.written) > len(best.written):
                    best = m.who
        if best is None:
            for m in mentions:
                if m.who.key == key and m.who.written[:1].isupper() and (best is None or len(m.who.written) > len(best.written)):
                    best = m.who
        return best

    def _body_of(self, country: str, pos: int) -> Who | None:
        """A body of ``country`` the article names ("UK says" -> Britain's Ministry of Defence)."""
        sp = _speakers()
        if not self._needs_static(_probe("country", country)):
            return None
        for m in self.mentions():
            k = sp["by_key"].get(m.who.key)
            if k is not None and not k.person and k.country == country and m.who.written[:1].isupper() and " " in m.who.written \
                    and not k.classes & {"news agency", "broadcaster", "newspaper"}:
                return self._mention_of(k.key) or m.who
        return None

    def _antecedent_pronoun(self, pos: int, person: bool) -> Who | None:
        i = self.speech.sentence_index(pos)
        self.speech.events.read_before(i)
        for j in range(i, max(-1, i - _REACH - 1), -1):
            for e in reversed(self.speech.events.events_in(j) if j != i else [e for e in self.speech.events.events_in(j) if e.pos < pos]):
                if e.who is not None and e.who.named and e.who.person == person:
                    return e.who
        if person:
            for m in reversed(self.mentions(static=False)):
                if m.pos < pos and m.who.person:
                    return m.who
        return None

    def _antecedent_role(self, descr: str, head: str, pos: int, definite: bool) -> Who | None:
        """The named speaker a description points back to: the last one of that role before
        it, else (a lead that names its speaker later) the first after it."""
        sides = {country_of(w) for w in descr.split()} - {None}

        # "the refugee agency": a lower-case word before a body's head that no side names
        kinds = [w[:5] for w in descr.split()[:-1] if w.islower() and country_of(w) is None]

        def fits(m: Mention) -> bool:
            c = m.who.classes | m.extra
            if sides and _sides_named(m.who, c) - sides:
                return False  # "the Ozari president" is not the Peruvian president named before
            if descr not in c and kinds and not m.who.person:
                named = " ".join([m.who.written.lower(), *c])
                if not all(k in named for k in kinds):
                    return False  # "the refugee agency" is not the migration agency named before
            return descr in c or head in c

        self.speech.events.read_before(self.speech.sentence_index(pos))
        mentions = self.mentions(self._needs_static(_probe("role", head)) or self._needs_static(_probe("role", descr)))
        exact = [m for m in mentions if m.pos < pos and m.who.named and descr != head and descr in (m.who.classes | m.extra)]
        if exact:  # "the Ozari president": the one the article called so, before any president
            return exact[-1].who
        before = [m for m in mentions if m.pos < pos and m.who.named and fits(m)]
        if before:
            return before[-1].who
        after = [m for m in mentions if m.pos > pos and m.who.named and fits(m) and m.who.written[:1].isupper()]
        if after:
            return after[0].who
        if definite and head in _lex()["titles"]:
            found = self._antecedent_pronoun(pos, person=True)
            if found is not None and sides and _sides_named(found, found.classes) - sides:
                return None
            return found
        if definite and head in table("attribution")["generic_bodies"] and not kinds:
            # "the organisation said": the last body named before, whatever kind it is
            bodies = [m for m in self.mentions(True) if m.pos < pos and m.who.named and not m.who.person]
            if bodies:
                return bodies[-1].who
        return None

    def _last_event_outlet(self, pos: int) -> Who | None:
        """What "the report" / "the statement" points back to: the last source named, or the
        outlet that carried it."""
        i = self.speech.sentence_index(pos)
        for j in range(i, max(-1, i - 13), -1):
            evs = [e for e in self.speech.events.events_in(j) if e.pos < pos and e.who is not None]
            if evs:
                e = max(evs, key=lambda e: e.kind in ("according", "chain"))
                return e.via or e.who
        return None


@cache
def _named_body_re() -> re.Pattern:
    """A capitalised name and a lower-case head that makes it a body: "Ghent University team"."""
    heads = "|".join(sorted(map(re.escape, table("attribution")["named_body_heads"]), key=len, reverse=True))
    return led(r"\b(?!(?:The|A|An|This|That)\s)(?:[A-Z][\w'’.&-]*\s+){1,5}(?P<head>" + heads + r")\b")
