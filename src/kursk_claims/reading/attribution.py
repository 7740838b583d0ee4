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
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from ..lexicon import phrase_pattern, table, trie_pattern
from .names import known_party_forms

_TOKEN = re.compile(r"[A-Za-z][\w'’.-]*[\w.]|[A-Za-z]|\d[\d,.]*|[^\w\s]")
_INVERTED_BEFORE = re.compile(r"[,”\"]\s*$")
_CAPITAL_NEXT = re.compile(r"\s+[A-Z]")
_THAT_FOLLOWS = re.compile(r"(?:\s+\w+){0,4}?\s+that\b")
_CUT = re.compile(r"\s+(?:in|at|from|on)\s+(?=[A-Z])")

# patterns of the rules below, compiled once: calling re.match(r"...") looks each up again
_QUOTATION = re.compile(r"“[^”]*”|\"[^\"]*\"")
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_LEADS_INTO_QUOTE = re.compile(r"[:,]\s*$")
_PAREN_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)\s*$")
_ACRONYM_DEF = re.compile(r"((?:[A-Z][\w'’-]*|of|the|for|and|on)(?:\s+(?:[A-Z][\w'’-]*|of|the|for|and|on)){1,8})\s+\(([A-Z][A-Za-z]{1,7})\)$")
_PAREN = re.compile(r"\([A-Z][A-Za-z]{1,7}\)")
_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_BULLET = re.compile(r"[ \t]*(?:[-–•*]|\d{1,2}[.)])\s+")
_AFTER_NAME_OK = re.compile(r"\s*(?:$|\n|[.,;:!?)”\"]|(?:on|in|at|during|after|before|who|which|while|when|adding|according|citing|quoting|told|late|earlier|last|this|yesterday|today|recently|also|as|to|for|of)\b)")
_CLAUSE_START = re.compile(r"\s*(?:who|which|whose|a|an|the|speaking|writing|according|deputy|acting|former|head|chief|one)\b|\s*\w+(?:ing|ed)\b")
_SLUG = re.compile(r"[^a-z0-9]+")
_TRANSLIT_END = re.compile(r"(?:yy|iy|yi|ii|ij|y|i)$")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|The|this|This)\s+$")
_COMPASS = re.compile(r"(?:north|south|east|west)\w*ern")
_POSSESSIVE_S = re.compile(r"['’]s\b")
_TRAILING_S = re.compile(r"['’]s$")
_OWNER = re.compile(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]s\s")
_AS_SAYING = re.compile(r"\s+as\s+say")
_OWNED_NOUN = re.compile(r"['’]s\s+(?:\w+\s+)?(\w+)$")
_POSSESSIVE_SPLIT = re.compile(r"['’]s\s")
_LABEL_PREFIX = re.compile(r"^(?:[\w ]{2,14}):\s+(?=[^:]+:\s)")
_HEAD_PREFIX = re.compile(r"([A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,5}?)\s*:\s+\S")
_HEAD_SUFFIX = re.compile(r"(?:\s[–—-]\s*|:\s+)([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*$")
_REACH = 6  # sentences a pronoun or a description looks back over
_WORDS = re.compile(r"[A-Za-z][\w'’.-]*")


def _cased(phrases: list[str]) -> set[str]:
    """Each phrase as written and with a capital, for a case-sensitive pattern."""
    return {v for p in phrases for v in (p, p[:1].upper() + p[1:])}


@cache
def _lex() -> dict:
    a = table("attribution")
    verbs = [v for v in a["speech_verbs"] if v != "according"] + a["headline_verbs"]
    report_nouns = "|".join(sorted(map(re.escape, a["possessive_report_nouns"]), key=len, reverse=True))
    return {
        "verb_re": re.compile(r"\b(" + trie_pattern(verbs) + r")\b"),
        # openers, chains and speech verbs in one pattern, so the text is read once
        "speech_re": re.compile(
            r"\b(?=[A-Za-z])(?:(?P<according>(?:" + trie_pattern(_cased(a["openers"])) + r")\s+)"
            r"|(?P<chain>(?:" + trie_pattern(_cased([*a["chain_openers"], "quoted"])) + r")\s+)"
            r"|(?P<verb>" + trie_pattern(verbs) + r")\b)"),
        "possessive_re": re.compile(
            r"\W*(?:[-–•*]\s*)?(?:(?:by|in|from|under|according\s+to)\s+)?(?P<np>(?:the\s+)?[A-Z]?[\w’'.-]+(?:\s+[\w’'.-]+){0,5}?)['’]s\s+"
            r"(?:[a-z-]+\s+){0,2}?(?:" + report_nouns + r")\b", re.I),
        "pronoun_possessive_re": re.compile(
            r"\W*(?:[-–•*]\s*)?(?:by|in|from|according\s+to)\s+(?P<np>his|her|their|its)\s+(?:own\s+|latest\s+|previous\s+)?(?:" + report_nouns + r")\b", re.I),
        "roles": frozenset(w.lower() for w in a["np_words"]),
        "lead_drop": frozenset(a["np_lead_drop"]),
        "pronouns": frozenset(a["pronouns"]),
        "person_pronouns": frozenset(a["person_pronouns"]),
        "possessives": frozenset(a["possessives"]),
        "joiners": frozenset(a["np_joiners"]),
        "adverbs": frozenset(a["adverbs_before_verb"]),
        "continuations": re.compile(r"^\W*(?:" + phrase_pattern(a["continuations"]) + r")\b", re.I),
        "continuation_inside": re.compile(r"^(?:\W*\w+){0,4}?\s+(?:" + phrase_pattern(a["continuations"]) + r")\b", re.I),
        "report_nouns": frozenset(a["report_nouns"]),
        "not_speakers": frozenset(a["not_speakers"]),
        "titles": frozenset(a["person_titles"]),
        "title_abbrevs": frozenset(a["title_abbreviations"]),
        "body_heads": frozenset(a["body_heads"]),
        "group_heads": frozenset(a["group_heads"]),
        "labels": frozenset(a["line_labels"]),
        "source_labels": frozenset(a["source_labels"]),
        "expand": a["title_expansions"],
        "titled_re": re.compile(
            r"\b(?=[A-Z])(?P<titles>(?:(?:" + trie_pattern({t[:1].upper() + t[1:] for t in a["person_titles"]})
            + r")\s+){1,3})(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"),
    }


@dataclass(slots=True)
class Known:
    key: str
    name: str
    person: bool
    country: str | None
    classes: frozenset[str]


@cache
def _speakers() -> dict:
    """The known speakers: an alias pattern, each alias's key, and each key's entry."""
    data = table("speakers")
    by_key: dict[str, Known] = {}
    exact: dict[str, str] = {}
    lower: dict[str, str] = {}
    described: dict[str, str] = {}
    written: dict[str, str] = {}  # each name and description as the data writes it
    for s in data["speakers"]:
        classes = set()
        for r in s.get("roles", []):
            if r[:1].islower():
                classes.add(r.lower())
                classes.add(r.lower().split()[-1])
            else:
                described[r.lower()] = s["key"]  # "Seoul's spy agency", "Ukraine's president"
                written[r] = s["key"]
        by_key[s["key"]] = Known(s["key"], s["name"], s.get("kind") == "person", s.get("country"), frozenset(classes))
        for alias in [s["name"], *s.get("aliases", [])]:
            if alias.isupper() or any(c.isupper() for c in alias[1:]) and " " not in alias:
                exact[alias] = s["key"]  # acronyms match as written: "NIS", "RMoD"
            else:
                lower[alias.lower()] = s["key"]
                written[alias] = s["key"]
    variants = set(exact)
    for name in [*lower, *described, *written]:
        for w in (name, name[:1].upper() + name[1:], " ".join(x[:1].upper() + x[1:] for x in name.split())):
            variants.add(w)
            variants.add(w.replace("'", "’"))
    # a case-sensitive pattern factored by prefixes: a case-insensitive list of alternatives is
    # many times slower on a whole article
    pattern = re.compile(r"(?<![\w-])(?=[A-Za-z])(?:" + trie_pattern(variants) + r")(?![\w-])")
    parties: dict[str, str] = {}
    for n, party in known_party_forms().items():
        parties[n.lower()] = party
        parties[party.lower()] = party
    return {"by_key": by_key, "exact": exact, "lower": lower, "described": described, "written": written,
            "pattern": pattern, "parties": parties}


def _lookup(alias: str) -> str | None:
    sp = _speakers()
    low = alias.lower().replace("’", "'")
    return sp["exact"].get(alias) or sp["lower"].get(low) or sp["described"].get(low)


@lru_cache(maxsize=4096)
def _known_key(phrase: str) -> str | None:
    """The key of a known speaker that ``phrase`` names: the whole phrase, or a name at its end
    ("commander-in-chief Oleksandr Syrsky"), or a person anywhere in it."""
    key = _lookup(phrase)
    if key:
        return key
    sp = _speakers()
    best = None
    tail = _PAREN_ACRONYM.sub("", phrase).rstrip()
    for m in sp["pattern"].finditer(phrase):
        k = _lookup(m.group(0))
        if k is None or " and " in tail and not sp["by_key"][k].person:
            continue  # "American and South Korean military": no one body
        if m.end() < len(tail) and not sp["by_key"][k].person and not _is_alias(m.group(0)):
            continue  # "Pentagon spokesman …": the spokesman, not the Pentagon
        if best is None or len(m.group(0)) > best[0]:
            best = (len(m.group(0)), k)
    return best[1] if best else None


@lru_cache(maxsize=1024)
def _probe(kind: str, value: str) -> re.Pattern | None:
    """A small pattern that finds whether an article can name a speaker of a role, a country's
    bodies or one speaker: only then are all its names read."""
    sp = _speakers()
    lex = _lex()
    names: set[str] = set()
    for k in sp["by_key"].values():
        if kind == "role" and value in k.classes or kind == "key" and k.key == value \
                or kind == "country" and k.country == value and not k.person:
            names |= {a for a, key in sp["exact"].items() if key == k.key}
            names |= {a for a, key in {**sp["lower"], **sp["described"], **sp["written"]}.items() if key == k.key}
    variants = {v for n in names for v in (n, n[:1].upper() + n[1:], n.replace("'", "’"))}
    if kind == "role":
        variants |= {t[:1].upper() + t[1:] for t in lex["titles"] if t == value or lex["expand"].get(t) == value}
    return re.compile(r"\b(?=[A-Za-z])(?:" + trie_pattern(variants) + ")") if variants else None


def _is_alias(alias: str) -> bool:
    sp = _speakers()
    return alias in sp["exact"] or alias.lower() in sp["lower"]


def _fold(word: str) -> str:
    """One spelling for transliterated names: Syrskyi / Syrsky / Syrskiy -> syrsky."""
    w = unicodedata.normalize("NFKD", word.lower()).encode("ascii", "ignore").decode()
    return _TRANSLIT_END.sub("y", w) if len(w) >= 5 else w


def slug(text: str) -> str:
    text = _POSSESSIVE_S.sub("", text).replace(".", "")
    return _SLUG.sub("-", unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()).strip("-")


@dataclass(slots=True)
class Who:
    """A speaker as the article writes it, with its canonical key."""

    written: str
    key: str
    person: bool = False
    named: bool = True
    classes: frozenset[str] = frozenset()


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


@dataclass(slots=True)
class Mention:
    pos: int
    who: Who
    speaker: bool = False  # named as a speaker, not only mentioned
    alias: bool = False  # named by one of its names, not a description
    extra: set[str] = field(default_factory=set)


def _is_name_word(w: str) -> bool:
    return w[:1].isupper() or w.lower() in _lex()["roles"] or _COMPASS.fullmatch(w) is not None


def _comma_before(text: str, pos: int) -> bool:
    """Whether the last character before ``pos`` that is not a space is a comma."""
    i = pos - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i >= 0 and text[i] == ","


def noun_phrase_before(text: str, end: int, floor: int) -> tuple[str, int, int] | None:
    """The source named right before a speech verb at ``end``: ``Valery Gerasimov``,
    ``the Ukrainian secret service``, ``a US military official in Washington``."""
    lex = _lex()
    m = _PAREN_ACRONYM.search(text, max(floor, end - 14), end)
    if m:  # "the Joint Chiefs of Staff (JCS) said": the name before the acronym, written with it
        found = noun_phrase_before(text, m.start(), floor)
        if found:
            stop = m.start() + len(m.group(0).rstrip())
            return text[found[1]:stop], found[1], stop
    near = max(floor, end - 160)  # a name is a few words: the sentence start need not be read
    if near > floor:
        near = text.find(" ", near, end) + 1 or near
    toks = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text, near, end)]
    while toks and (toks[-1][0].lower() in lex["adverbs"] or toks[-1][0] == ","):
        toks.pop()
    if toks and toks[-1][0].lower() in lex["pronouns"]:
        return toks[-1]
    taken: list[tuple[str, int, int]] = []
    while toks:
        w, s, e = toks[-1]
        lw = w.lower()
        if w == "," and taken and taken[-1][0][:1].isupper() and any(t[0] == "and" for t in taken) and len(toks) > 1 and toks[-2][0][:1].isupper():
            taken.append(toks.pop())  # "Washington, Kyiv and Seoul"
            continue
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


def _name_before_clause(text: str, end: int, floor: int) -> tuple[str, int, int] | None:
    """``Lee, a lawmaker who sat in on the session, said`` / ``Zelenskyy, speaking by video,
    had suggested``: the name before a clause set off by commas right before the verb."""
    lex = _lex()
    head = text[floor:end].rstrip()
    words = head.split()
    while words and words[-1].lower() in lex["adverbs"]:
        head = head[:head.rfind(words[-1])].rstrip()
        words.pop()
    if not head.endswith(","):
        return None
    stop = floor + len(head) - 1
    comma = text.rfind(",", max(floor, stop - 160), stop)
    while comma >= floor:
        if _CLAUSE_START.match(text, comma + 1):
            np = noun_phrase_before(text, comma, floor)
            if np and any(w[:1].isupper() for w in np[0].split()):
                return np
            return None
        comma = text.rfind(",", max(floor, stop - 160), comma)
    return None


def noun_phrase_after(text: str, start: int, limit: int) -> tuple[str, int, int] | None:
    """The source named after ``according to`` / ``reports``, up to punctuation."""
    lex = _lex()
    toks = [(m.group(0), m.start() + start, m.end() + start) for m in _TOKEN.finditer(text[start:min(limit, start + 160)])]
    taken = []
    for w, s, e in toks:
        lw = w.lower()
        if w[:1].isalpha() and (_is_name_word(w.rstrip(".")) or lw in lex["joiners"] or lw in ("a", "an") or lw in lex["possessives"]
                                or lw in lex["lead_drop"] and not taken):
            if w.endswith(".") and not _INITIALS.fullmatch(w) and w not in lex["title_abbrevs"]:
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
    if len(cut) == 2 and any(w.lower() in lex["roles"] for w in cut[0].split()) and not cut[0].split()[-1].lower() in lex["report_nouns"] | {"source", "sources"}:
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


def _head(phrase: str) -> str:
    """The role word of a description: "the spy agency" -> "agency", "source in X" -> "source"."""
    words = [w.lower() for w in phrase.split()]
    for i, w in enumerate(words):
        if w in ("in", "of", "for", "at", "from", "with") and i:
            return words[i - 1].rstrip("'’s")
    return words[-1] if words else ""


def _descriptor(phrase: str) -> str:
    """What a description says without articles and possessives: "the country's spy agency" -> "spy agency"."""
    words = [w for w in phrase.split() if w.lower() not in ("the", "a", "an", "its", "their", "his", "her")]
    while words and (words[0].endswith(("'s", "’s")) and words[0][:1].islower()):
        words.pop(0)
    return " ".join(words).lower()


class Speech:
    """The speech events and quotes of one text, read a sentence at a time as figures need them."""

    def __init__(self, text: str, sentences: list[tuple[int, int]]):
        self.text = text
        self.sentences = sentences
        self.starts = [a for a, _ in sentences]
        self._events: dict[int, list[Event]] = {}
        self.quotes = quote_spans(text)
        self._speakers: dict[tuple[int, int], Event | None] = {}
        self._mentions: list[Mention] | None = None
        self._acronyms: dict[str, str] | None = None
        self._paragraphs: list[int] | None = None
        self._first_event: int | None = -1
        self._surnames: dict[str, Who] = {}
        self._done = -1
        self._depth = 0
        self._headings: dict[int, bool] = {}
        self._whos: dict[str, Who] = {}
        self._names: dict[str, Who] = {}
        self._merged: tuple[tuple[int, bool], list[Mention]] | None = None

    @classmethod
    def read(cls, text: str, sentences: list[tuple[int, int]] | None = None) -> Speech:
        from .sentences import sentence_spans

        return cls(text, sentences or sentence_spans(text))

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    # ---- who a phrase names -------------------------------------------------------------

    def acronyms(self) -> dict[str, str]:
        """Acronyms the article defines: "Joint Chiefs of Staff (JCS)" -> JCS: the key of the long name."""
        if self._acronyms is None:
            self._acronyms = {}
            for p in _PAREN.finditer(self.text):
                m = _ACRONYM_DEF.search(self.text, max(0, p.start() - 120), p.end())
                if m is None:
                    continue
                long, short = m.group(1), m.group(2)
                caps = "".join(w[0] for w in long.split() if w[:1].isupper()).lower()
                if short[0].lower() in caps and sum(c.lower() in caps for c in short) >= len(short) - 1:
                    words = long.split()
                    while words and (words[0][:1].islower() or words[0].lower() in ("the", "a", "an")):
                        words.pop(0)
                    long = " ".join(words)
                    self._acronyms[short] = _known_key(long) or slug(long)
        return self._acronyms

    def _key_of(self, phrase: str, person: bool | None) -> str | None:
        """The key of a known speaker named in ``phrase``, if any."""
        key = _known_key(phrase)
        if key:
            return key
        if self._acronyms is not None or "(" in self.text:
            for w in phrase.replace("(", " ").replace(")", " ").split():
                if w in self.acronyms():
                    return self.acronyms()[w]
        return None

    def _who(self, phrase: str) -> Who:
        """A named source: its key from the data, the article's acronyms, an earlier full name,
        or its normalised name."""
        who = self._whos.get(phrase)
        if who is None:
            who = self._whos[phrase] = self._read_who(phrase)
        return who

    def _given_name(self, surname: str) -> str | None:
        """The capitalised word written right before ``surname`` somewhere in the article."""
        text = self.text
        i = text.find(" " + surname)
        while i > 0:
            end = i + 1 + len(surname)
            if end >= len(text) or not (text[end].isalnum() or text[end] == "-"):
                j = i
                while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "’'-"):
                    j -= 1
                word = text[j:i]
                if len(word) >= 2 and word[0].isupper() and word[1].islower():
                    return word
            i = text.find(" " + surname, i + 1)
        return None

    def _read_who(self, phrase: str) -> Who:
        lex = _lex()
        sp = _speakers()
        key = self._key_of(phrase, None)
        words = phrase.split()
        lowered = [w.lower() for w in words]
        if key:
            k = sp["by_key"].get(key)
            person = k.person if k else False
            classes = (k.classes if k else frozenset()) | {_head(phrase)}
        else:
            person = bool(lowered and lowered[-1] not in lex["body_heads"]) and (
                any(w in lex["titles"] for w in lowered) or
                (2 <= sum(w[:1].isupper() for w in words) and not any(w in lex["body_heads"] for w in lowered)
                 and not any(w.rstrip("'’s").lower() in sp["parties"] for w in words if w[:1].isupper())))
            last_title = max((i for i, w in enumerate(lowered) if w in lex["titles"] or w.rstrip(".") + "." in lex["titles"]), default=-1)
            after_title = words[last_title + 1:] if last_title + 1 < len(words) else words
            names = [w for w in after_title if w[:1].isupper() and w.lower() not in lex["titles"] and w.lower().rstrip(".") + "." not in lex["titles"]
                     and w.rstrip("'’s").lower() not in sp["parties"]]
            if len(words) == 1 and words[0] in self._surnames:
                return self._surnames[words[0]]
            if len(words) == 1 and words[0][:1].isupper() and words[0].lower() not in lex["body_heads"]:
                # a surname: the person the article names in full ("Oleksandr Tarnavskyi" … "Tarnavskyi")
                given = self._given_name(words[0])
                if given and given.lower() not in lex["titles"] and given.lower() not in lex["lead_drop"] \
                        and given.lower() not in sp["parties"] and given.lower() not in lex["not_speakers"]:
                    return Who(phrase, _fold(given) + "-" + _fold(words[0]), True, True, frozenset({_head(phrase)}))
            if person and names:
                key = "-".join(_fold(w) for w in names)
            else:
                key = slug(" ".join(w for w in words if w.lower() not in ("the", "a", "an")))
            classes = frozenset(w for w in lowered if w in lex["titles"] or w in lex["body_heads"]) | {_head(phrase)}
        who = Who(phrase, key, person, True, classes)
        if person and len(words) >= 2 and words[-1][:1].isupper():
            self._surnames.setdefault(words[-1], who)
        return who

    def _country(self, phrase: str) -> str | None:
        p = phrase.lower()
        if p.startswith("the "):
            p = p[4:]
        return _speakers()["parties"].get(p)

    def resolve(self, raw: str, pos: int) -> Who | None:
        """Who ``raw`` names at ``pos``: a name, or the speaker a pronoun, a description
        ("the agency", "Ukraine's president") or a report ("the report") points back to.
        A pronoun or "the <role>" takes the article's own name for its speaker; a name or a
        title written as one ("Kursk Governor") stays as written."""
        if raw in self._names:
            return self._names[raw]  # a name read before: it names the same speaker everywhere
        lex = _lex()
        sp = _speakers()
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
            self._read_before(self.sentence_index(pos))
            head = _head(phrase)
            caps = [w for w in phrase.split() if w[:1].isupper()]
            for m in reversed(self.mentions(static=False)):
                if m.pos < pos and head in (m.who.classes | m.extra) and all(c in m.who.written for c in caps):
                    return self._best_name(m.who)
        if _lookup(phrase):
            who = self._who(phrase)  # a name or a description the data knows: "Seoul's spy agency"
            if pointer and not _is_alias(phrase):
                return self._best_name(who)
            self._names[raw] = who
            return who
        words = phrase.split()
        capitals = [w for w in words if w[:1].isupper()]
        descr = _descriptor(phrase)
        country = self._country(phrase)
        if country:
            body = self._body_of(country, pos)
            return body or Who(phrase, slug(country), False, True, frozenset())
        is_description = (words and words[-1].lower() in lex["titles"] and len(capitals) <= 2) or (not capitals or all(w.rstrip("'’s").lower() in sp["parties"] or w.lower() in lex["titles"] and w[:1].isupper() and len(words) > len(capitals) for w in capitals)) \
            and words and words[-1][:1].islower()
        if is_description:
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
            if descr in lex["not_speakers"] or head in lex["not_speakers"] and len(words) == 1:
                return None
            if not capitals and head not in lex["titles"] and head not in lex["body_heads"] and head not in lex["roles"]:
                return None
            return Who(phrase, slug(descr), head in lex["titles"], False, frozenset({head, descr}))
        if low in lex["not_speakers"] or all(w.lower().rstrip(".") in lex["not_speakers"] or w in lex["title_abbrevs"] for w in words):
            return None
        who = self._names[raw] = self._who(phrase)
        return who

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
        n = sum(map(len, self._events.values()))
        key = (n, static)
        if self._merged is None or self._merged[0] != key:
            found = list(self._mentions or []) if static else []
            for evs in self._events.values():
                for e in evs:
                    if e.who is not None and e.who.named:
                        found.append(Mention(e.start, e.who, True))
            found.sort(key=lambda m: m.pos)
            self._merged = (key, found)
        return self._merged[1]

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
        for short, key in self.acronyms().items():
            for m in re.finditer(r"\b" + re.escape(short) + r"\b", self.text):
                found.append(Mention(m.start(), Who(short, key, False, True, frozenset())))
        for m in lex["titled_re"].finditer(self.text):
            name = m.group("name")
            if self._country(name) or name.lower() in lex["not_speakers"]:
                continue
            named = self._who(name)
            who = Who(m.group(0), named.key, True, True, named.classes)
            titles = {t.lower() for t in m.group("titles").split()}
            who.classes = who.classes | {lex["expand"].get(t, t) for t in titles} | titles
            found.append(Mention(m.start("name"), who))
        found.sort(key=lambda m: m.pos)
        # the titles written around a person add to the roles a later "the general" points back to
        for m in found:
            if m.who.person:
                before = self.text[max(0, m.pos - 60):m.pos].lower().split()[-4:]
                m.extra = {lex["expand"].get(t, t) for t in lex["titles"].intersection(before)}
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
        i = self.sentence_index(pos)
        self._read_before(i)
        for j in range(i, max(-1, i - _REACH - 1), -1):
            for e in reversed(self.events_in(j) if j != i else [e for e in self.events_in(j) if e.pos < pos]):
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
        def fits(m: Mention) -> bool:
            c = m.who.classes | m.extra
            return descr in c or head in c

        self._read_before(self.sentence_index(pos))
        mentions = self.mentions(self._needs_static(_probe("role", head)) or self._needs_static(_probe("role", descr)))
        before = [m for m in mentions if m.pos < pos and m.who.named and fits(m)]
        if before:
            return before[-1].who
        after = [m for m in mentions if m.pos > pos and m.who.named and fits(m) and m.who.written[:1].isupper()]
        if after:
            return after[0].who
        if definite and head in _lex()["titles"]:
            return self._antecedent_pronoun(pos, person=True)
        return None

    def _last_event_outlet(self, pos: int) -> Who | None:
        """What "the report" / "the statement" points back to: the last source named, or the
        outlet that carried it."""
        i = self.sentence_index(pos)
        for j in range(i, max(-1, i - 13), -1):
            evs = [e for e in self.events_in(j) if e.pos < pos and e.who is not None]
            if evs:
                e = max(evs, key=lambda e: e.kind in ("according", "chain"))
                return e.via or e.who
        return None

    # ---- speech events ------------------------------------------------------------------

    def events_in(self, i: int) -> list[Event]:
        """The speech events of sentence ``i``, each with the speaker it names."""
        if i in self._events:
            return self._events[i]
        return self._compute_events(i)

    def _read_before(self, i: int) -> None:
        """Read the speech events of the sentences before ``i`` that a pronoun or a description
        may point back to, in order (not too deep: a chain of pronouns reads a few windows back)."""
        if self._depth > 2:
            return
        self._depth += 1
        try:
            for j in range(max(0, i - _REACH), i):
                if j not in self._events:
                    self._compute_events(j)
        finally:
            self._depth -= 1

    def _compute_events(self, i: int) -> list[Event]:
        if i in self._events:
            return self._events[i]
        self._done = max(self._done, i)
        self._events[i] = []  # a pronoun looking back from this sentence does not loop
        lex = _lex()
        text = self.text
        s0, s1 = self.sentences[i]
        found = [(m.lastgroup or "verb", m.start(), m.end()) for m in lex["speech_re"].finditer(text, s0, s1)]
        events: list[Event] = []
        head = text[s0:min(s1, s0 + 90)]
        if not found and not ("s " in head and ("'" in head or "’" in head)):
            return events  # no opener, verb or possessive: no one speaks here
        m = None
        if "s " in head and ("'" in head or "’" in head):
            m = lex["possessive_re"].match(text, s0, s1)
        if m is None and head[:12].lstrip("-–•* ").lower().startswith(("by ", "in ", "from ", "according")):
            m = lex["pronoun_possessive_re"].match(text, s0, s1)
        if m:
            who = self.resolve(m.group("np"), m.start("np"))
            if who is not None:
                events.append(Event(m.start("np"), m.end("np"), m.start("np"), who.written, "according", False, who.named, who))
        for kind, pos, after in found:
            if kind in ("according", "chain"):
                np = noun_phrase_after(text, after, s1)
                if np is None or np[0].split()[0].lower() in lex["possessives"] and not lex["pronoun_possessive_re"].match(text, s0, s1):
                    continue
                if text[pos:after].strip().lower() == "quoted" and not _AS_SAYING.match(text, np[2]):
                    continue
                phrase = np[0]
                pm = _OWNED_NOUN.search(text[np[1]:np[2] + 30].split(",")[0])
                if pm and pm.group(1).lower() in table("attribution")["possessive_report_nouns"]:
                    phrase = _POSSESSIVE_SPLIT.split(phrase)[0]  # "relayed the NIS's findings"
                who = self.resolve(phrase, np[1])
                if who is None:
                    continue
                events.append(Event(np[1], np[2], pos, who.written, kind, False, who.named, who))
                continue
            np = None
            follow = text[after:after + 60]
            inverted = _INVERTED_BEFORE.search(text[max(s0, pos - 4):pos]) and _CAPITAL_NEXT.match(follow)
            if inverted:
                np = noun_phrase_after(text, after + 1, s1)
                if np is not None and not _AFTER_NAME_OK.match(text, np[2]):
                    np = None  # "X, who …, says Russia has": not "…, says X"
            if np is None:
                direct = noun_phrase_before(text, pos, s0)
                if direct and all(w[:1].isupper() for w in direct[0].split()) and _comma_before(text, direct[1]):
                    np = direct  # "the country's commander-in-chief, Oleksandr Syrskyi, said"
                else:
                    np = _name_before_clause(text, pos, s0) or direct
            if np is None:
                continue
            source = _clean(np[0])
            if not source:
                continue
            words = source.split()
            if source.lower() not in lex["pronouns"] and not any(w[:1].isupper() for w in words) and not (words and words[-1].lower() in lex["roles"]):
                continue
            raw = np[0]
            if _DETERMINER_BEFORE.search(text, max(s0, np[1] - 6), np[1]):
                raw = "the " + raw  # "the Ukrainian leader said": a description pointing back
            who = self.resolve(raw, np[1])
            if who is None:
                continue
            reported = bool(_THAT_FOLLOWS.match(follow))
            events.append(Event(np[1], np[2], pos, who.written, "verb", reported, who.named, who))
        # a chain names the original source; the intermediary is the other speaker of the sentence
        for e in events:
            if e.kind == "chain":
                others = [o for o in events if o is not e and o.kind != "chain" and o.who is not None and o.who.key != e.who.key]
                if others:
                    o = min(others, key=lambda o: abs(o.pos - e.pos))
                    e.via = o.who
        self._events[i] = events
        return events

    def source_spans(self, i: int) -> list[tuple[int, int]]:
        """Where sources are named in sentence ``i``: their words are not a figure's subject."""
        return [(e.start, e.end) for e in self.events_in(i)]

    # ---- the source of a figure ---------------------------------------------------------

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
        i = self.sentence_index(pos)
        s0, s1 = self.sentences[i]
        in_sentence = self.events_in(i)
        quote = next(((q0, q1) for q0, q1 in self.quotes if q0 < pos < q1), None)
        if quote is not None:
            inside = [e for e in in_sentence if quote[0] < e.pos < quote[1]]
            if inside:
                in_sentence = inside
            else:
                who = self.quote_speaker(*quote)
                if who is not None:
                    return who, None
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
        line_start = text.rfind("\n", 0, s0) + 1
        # a list item belongs to the text that leads into the list
        if _BULLET.match(text, line_start):
            j = i
            while j > 0 and _BULLET.match(text, text.rfind("\n", 0, self.sentences[j][0]) + 1):
                j -= 1
            if j != i and not _BULLET.match(text, text.rfind("\n", 0, self.sentences[j][0]) + 1):
                e, _ = self._event_for(self.sentences[j][1] - 1, depth + 1)
                if e is not None:
                    return e
        # a figure before the first speaker of the article (headline, teaser, lead) is the first speaker's
        first = self.first_event_sentence()
        if first is not None and i < first:
            return _choose(self.events_in(first), self.sentences[first][0])
        # the last speaker of the paragraph, or of the few paragraphs before it
        par = self.paragraph_starts()
        k = bisect.bisect_right(par, s0) - 1
        floor = par[max(0, k - 2)] if par else 0
        for j in range(i - 1, -1, -1):
            p0, p1 = self.sentences[j]
            if p1 <= floor:
                break
            if self._is_heading(j):
                break
            evs = [e for e in self.events_in(j) if e.who is not None]
            if evs:
                e = _choose(evs, p1)
                return e
        return None

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

    def paragraph_starts(self) -> list[int]:
        if self._paragraphs is None:
            self._paragraphs = [0] + [m.end() for m in _PARAGRAPH.finditer(self.text)]
        return self._paragraphs

    def _line_of(self, i: int) -> tuple[int, int]:
        s0, s1 = self.sentences[i]
        a = self.text.rfind("\n", 0, s0) + 1
        b = self.text.find("\n", s1)
        return a, (b if b >= 0 else len(self.text))

    def _is_heading(self, i: int) -> bool:
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

    def _line_speaker(self, i: int) -> Event | None:
        """A headline or label that names its speaker: "Zelensky: 11,000 …", "… – Syrskyi",
        "Read also: UK intelligence: …"."""
        lex = _lex()
        a, b = self._line_of(i)
        line = self.text[a:b]
        if len(line) > 220:
            return None
        stripped = line.strip()
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
        if self._country(phrase) and _lookup(phrase) is None and phrase[:1].isupper() and len(stripped) > 120:
            return None  # a dateline: "Kyiv: Ukrainian forces have …"
        if phrase.lower() in lex["not_speakers"] or phrase.lower() in lex["labels"]:
            return None
        who = self.resolve(phrase, cand[1])
        if who is None:
            return None
        return Event(cand[1], cand[2], cand[2], who.written, "verb", False, who.named, who)

    def quote_speaker(self, q0: int, q1: int) -> Event | None:
        key = (q0, q1)
        if key not in self._speakers:
            self._speakers[key] = None
            i0, i1 = self.sentence_index(q0), self.sentence_index(min(len(self.text) - 1, q1))
            nearby = [e for j in range(max(0, i0 - 1), min(len(self.sentences), i1 + 2)) for e in self.events_in(j)]
            who = _quote_speaker(self.text, q0, q1, nearby)
            if who is None:
                who = self._quote_by_layout(q0, q1, i0)
            self._speakers[key] = who
        return self._speakers[key]

    def _quote_by_layout(self, q0: int, q1: int, i0: int) -> Event | None:
        """A quotation whose speaker the page lays out: a speaker line above it ("Name / Party"),
        a "Source: X" label, an earlier quotation of the same paragraph, or the sentence's
        own speaker outside the quotation."""
        text = self.text
        in_sentence = [e for e in self.events_in(i0) if not (q0 < e.pos < q1)]
        if in_sentence:
            return _choose(in_sentence, q0)
        line_start = text.rfind("\n", 0, q0) + 1
        prefix = text[line_start:q0].strip()
        if not prefix or re.fullmatch(r"[\w ]{1,12}:", prefix):
            # the lines above: a speaker line, a "Source:" label
            above_end = line_start - 1
            for _ in range(3):
                if above_end <= 0:
                    break
                above_start = text.rfind("\n", 0, above_end) + 1
                line = text[above_start:above_end].strip()
                above_end = above_start - 1
                if not line:
                    continue
                lm = re.match(r"(?i:(" + "|".join(_lex()["source_labels"]) + r"))\s*:\s*(.+)", line)
                if lm:
                    np = noun_phrase_after(line, lm.start(2), len(line))
                    if np:
                        who = self.resolve(np[0], above_start + np[1])
                        if who:
                            return Event(above_start + np[1], above_start + np[2], q0, who.written, "quote", False, who.named, who)
                    break
                sm = re.fullmatch(r"([A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){1,3})\s*(?:/|,|\||—|–)\s*[A-Z].{0,60}", line)
                if sm:
                    who = self.resolve(sm.group(1), above_start)
                    if who:
                        return Event(above_start, above_start + len(sm.group(1)), q0, who.written, "quote", False, who.named, who)
                    break
                if len(line) > 40:
                    break
        # a quotation that goes on from an earlier one in the same paragraph
        par = self.paragraph_starts()
        p0 = par[bisect.bisect_right(par, q0) - 1]
        for a, b in reversed(self.quotes):
            if p0 <= a and b <= q0:
                who = self.quote_speaker(a, b)
                if who is not None:
                    return who
        return None


def _choose(events: list[Event], pos: int) -> Event | None:
    """The event that governs a figure at ``pos``: an ``according to`` or chain in the
    sentence, else the nearest speech verb before it, else after it. "X believes …, according
    to a lawmaker": an unnamed go-between passes on what the named speaker says."""
    evs = [e for e in events if e.who is not None]
    according = [e for e in evs if e.kind in ("according", "chain")]
    if according:
        chains = [e for e in according if e.kind == "chain"]
        chosen = min(chains or according, key=lambda e: abs(e.pos - pos))
        named = [e for e in evs if e.kind == "verb" and e.who.key != chosen.who.key and e.pos < chosen.pos]
        if not chosen.who.named and named and chosen.via is None:
            return replace(min(named, key=lambda e: abs(e.pos - pos)), via=chosen.who)
        return chosen
    before = [e for e in evs if e.pos < pos]
    if before:
        return before[-1]
    after = [e for e in evs if e.pos > pos]
    if after:
        return after[0]
    return None


def _quote_speaker(text: str, q0: int, q1: int, events: list[Event]) -> Event | None:
    """Who a quotation is by: ``X wrote: “…”``, ``“…,” X said``."""
    lead = text[max(0, text.rfind("\n", 0, q0) + 1, q0 - 200):q0]
    if _LEADS_INTO_QUOTE.search(lead) or lead.strip() == "":
        for e in reversed(events):
            if e.kind == "verb" and q0 - 200 <= e.pos < q0 and "\n" not in text[e.pos:q0] and e.who is not None:
                return e
    for e in events:
        if e.kind == "verb" and q1 <= e.pos < q1 + 60 and "\n" not in text[q1:e.pos] and e.who is not None:
            return e
    return None
