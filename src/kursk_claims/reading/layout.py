"""The page an article is laid out on: paragraphs, subheads and labels, headlines that name
their speaker ("Zelensky: 11,000 …", "… – Syrskyi"), and the speaker lines and ``Source:``
labels above a quotation."""
from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from .lines import line_end, line_start
from .phrases import noun_phrase_after
from .speakers import Who, _lex, _lookup, country_of

if TYPE_CHECKING:
    from .attribution import Speech

_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_PAGE_TOP = 600  # characters at the top of a page where its labels stand
_BYLINE = re.compile(r"^[ \t]*[Bb]y[ \t]+([A-Z][^\n]{2,120})$", re.M)
_BULLET = re.compile(r"[ \t]*(?:[-–•*]|\d{1,2}[.)])\s+")
_LABEL_PREFIX = re.compile(r"^(?:[\w ]{2,14}):\s+(?=[^:]+:\s)")
_HEAD_PREFIX = re.compile(r"([A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,5}?)\s*:\s+\S")
_HEAD_SUFFIX = re.compile(r"(?:\s[–—-]\s*|:\s+)([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*$")
# "(UN - March 2021)", "(Relief Agency, 2019)", "(source: Aid Office)" closing a line
_SOURCE_PAREN = re.compile(r"\((?:[Ss]ource:\s*)?([A-Z][\w.&'’/-]*(?:\s+[\w.&'’/-]+){0,5}?)"
                           r"(?:\s*[-–—,]\s*(?:(?:\d{1,2}\s+)?[A-Z][a-z]+\.?(?:\s+\d{1,2})?(?:,?\s+\d{4})?|\d{4})"
                           r"|\s+round\s+\d+)?\)\.?$")


@cache
def _source_label() -> re.Pattern[str]:
    """A "Source: X" label, alone on its line or between other labels ("Format: … | Source: X")."""
    return re.compile(r"(?im)(?:^|\|)[ \t]*(?:" + "|".join(_lex()["source_labels"]) + r")[ \t]*:[ \t]*([^|\n]+)")


class Layout:
    """The layout of one article's page, read as the speech events need it."""

    def __init__(self, speech: Speech):
        self.speech = speech
        self.text = speech.text
        self.sentences = speech.sentences
        self._paragraphs: list[int] | None = None
        self._headings: dict[int, bool] = {}
        self._labels: dict[str, tuple[Who, int, int] | None] = {}  # the page's source label and byline, once read

    def paragraph_starts(self) -> list[int]:
        if self._paragraphs is None:
            self._paragraphs = [0] + [m.end() for m in _PARAGRAPH.finditer(self.text)]
        return self._paragraphs

    def _line_of(self, i: int) -> tuple[int, int]:
        s0, s1 = self.sentences[i]
        a = line_start(self.text, s0)
        b = line_end(self.text, s1)
        return a, (b if b >= 0 else len(self.text))

    def is_heading(self, i: int) -> bool:
        """A subhead or a page label: a short line that does not end a sentence."""
        if i not in self._headings:
            self._headings[i] = self._read_heading(i)
        return self._headings[i]

    def _read_heading(self, i: int) -> bool:
        a, b = self._line_of(i)
        line = self.text[a:b].strip()
        if not line or _BULLET.match(line):
            return False
        if line.lower().startswith(("read also", "read more", "see also", "also read", "related", "read:")):
            return True
        return len(line.split()) <= 12 and line[-1] not in ".!?\"”:;,)"

    def line_speaker(self, i: int) -> tuple[Who, int, int] | None:
        """A headline or label that names its speaker: "Zelensky: 11,000 …", "… – Syrskyi",
        "Read also: UK intelligence: …"."""
        lex = _lex()
        a, b = self._line_of(i)
        line = self.text[a:b]
        if len(line) > 220:
            return None
        stripped = line.strip()
        tail = _SOURCE_PAREN.search(stripped)
        if tail:
            # "4.5 MILLION - People in need (UN - March 2021)": a fact sheet's source in brackets
            start = a + line.find(tail.group(1))
            who = self.speech.mentioned.resolve(tail.group(1), start)
            if who is not None:
                return who, start, start + len(tail.group(1))
        body = _LABEL_PREFIX.sub("", stripped)  # "Read also: Zelensky: …"
        off = a + line.find(body) if body in line else a
        m = _HEAD_PREFIX.match(body)
        cand = None
        if m and m.group(1).lower() not in lex["labels"] and m.group(1).split()[0].lower() not in lex["labels"]:
            words = m.group(1).split()
            if all(w[:1].isupper() or w in ("of", "the", "for", "and", "on", "in") for w in words) or _lookup(m.group(1)) \
                    or words[-1].lower() in lex["titles"] or words[-1].lower() in lex["body_heads"]:
                cand = (m.group(1), off + m.start(1), off + m.end(1))
        else:
            m = _HEAD_SUFFIX.search(body)
            if m and len(body) - len(m.group(0)) > 20:
                cand = (m.group(1), off + m.start(1), off + m.end(1))
        if cand is None:
            return None
        phrase = cand[0]
        if country_of(phrase) and _lookup(phrase) is None and phrase[:1].isupper() and len(stripped) > 120:
            return None  # a dateline: "Kyiv: Ukrainian forces have …"
        if phrase.lower() in lex["not_speakers"] or phrase.lower() in lex["labels"]:
            return None
        who = self.speech.mentioned.resolve(phrase, cand[1])
        if who is None:
            return None
        return who, cand[1], cand[2]

    def page_source(self) -> tuple[Who, int, int] | None:
        """The source a label near the top of the page names: "Source: Aid Office", alone on
        its line or between other labels ("Format: Report | Source: Aid Office | Country: X")."""
        if "source" not in self._labels:
            self._labels["source"] = None
            top = self.text[:_PAGE_TOP]
            m = _source_label().search(top)
            if m:
                np = noun_phrase_after(top, m.start(1), m.end(1))
                who = self.speech.mentioned.resolve(np[0], np[1]) if np else None
                if who is not None and np is not None:
                    self._labels["source"] = (who, np[1], np[2])
        return self._labels["source"]

    def byline(self) -> tuple[Who, int, int] | None:
        """The first author a byline near the top of the page names ("By Prof. Ana Ruiz, Andes
        University", "By Ana Ruiz and Luis Rojas")."""
        if "byline" not in self._labels:
            self._labels["byline"] = None
            m = _BYLINE.search(self.text, 0, min(len(self.text), _PAGE_TOP))
            if m:
                np = noun_phrase_after(self.text, m.start(1), m.end(1))
                if np is not None:
                    name = re.split(r"\s+(?:and|&)\s+", np[0])[0]
                    who = self.speech.mentioned.resolve(name, np[1])
                    if who is not None and who.person:
                        self._labels["byline"] = (who, np[1], np[1] + len(name))
        return self._labels["byline"]

    def speaker_above(self, q0: int) -> tuple[Who, int, int] | None:
        """The speaker the lines above a quotation at ``q0`` name: a speaker line ("Name /
        Party") or a "Source: X" label."""
        text = self.text
        line0 = line_start(text, q0)
        prefix = text[line0:q0].strip()
        if not prefix or re.fullmatch(r"[\w ]{1,12}:", prefix):
            # the lines above: a speaker line, a "Source:" label
            above_end = line0 - 1
            for _ in range(3):
                if above_end <= 0:
                    break
                above_start = line_start(text, above_end)
                line = text[above_start:above_end].strip()
                above_end = above_start - 1
                if not line:
                    continue
                lm = re.match(r"(?i:(" + "|".join(_lex()["source_labels"]) + r"))\s*:\s*(.+)", line)
                if lm:
                    np = noun_phrase_after(line, lm.start(2), len(line))
                    if np:
                        who = self.speech.mentioned.resolve(np[0], above_start + np[1])
                        if who:
                            return who, above_start + np[1], above_start + np[2]
                    break
                sm = re.fullmatch(r"([A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){1,3})\s*(?:/|,|\||—|–)\s*[A-Z].{0,60}", line)
                if sm:
                    who = self.speech.mentioned.resolve(sm.group(1), above_start)
                    if who:
                        return who, above_start, above_start + len(sm.group(1))
                    break
                if len(line) > 40:
                    break
        return None
