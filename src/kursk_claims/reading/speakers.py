"""How an article names its speakers: the known speakers of ``data/speakers.json`` and their
aliases, the vocabulary of speech (``data/attribution.json``), and one canonical key for each
name (``Names``): a known speaker's key, an acronym the article defines, the full name a
surname stands for, or the normalised name.

    >>> Names("").who("Valery Gerasimov").key
    'valery-gerasimov'
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from ..lexicon import led, phrase_pattern, table, trie_pattern
from .names import known_party_forms, on_change

_PAREN_ACRONYM = re.compile(r"\s*\(([A-Z][A-Za-z]{1,7})\)\s*$")
_ACRONYM_DEF = re.compile(r"((?:[A-Z][\w'’-]*|of|the|for|and|on)(?:\s+(?:[A-Z][\w'’-]*|of|the|for|and|on)){1,8})\s+\(([A-Z][A-Za-z]{1,7})\)$")
_PAREN = re.compile(r"\([A-Z][A-Za-z]{1,7}\)")
_SLUG = re.compile(r"[^a-z0-9]+")
_TRANSLIT_END = re.compile(r"(?:yy|iy|yi|ii|ij|y|i)$")
_POSSESSIVE_S = re.compile(r"['’]s\b")


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
            r"|(?P<verb>" + "|".join(f"(?:{p})" for p in a["speech_phrases"]) + "|" + trie_pattern(verbs) + r")\b)"),
        "possessive_re": re.compile(
            r"\W*(?:[-–•*]\s*)?(?:(?:by|in|from|under|according\s+to)\s+)?(?P<np>(?:the\s+)?[A-Z]?[\w’'.-]+(?:\s+[\w’'.-]+){0,5}?)['’]s\s+"
            r"(?:[a-z-]+\s+){0,2}?(?:" + report_nouns + r")\b", re.I),
        "pronoun_possessive_re": re.compile(
            r"\W*(?:[-–•*]\s*)?(?:by|in|from|according\s+to)\s+(?P<np>his|her|their|its)\s+(?:own\s+|latest\s+|previous\s+)?(?:" + report_nouns + r")\b", re.I),
        "roles": frozenset(w.lower() for w in a["np_words"] + a["generic_bodies"]),
        "lead_drop": frozenset(a["np_lead_drop"]),
        "pronouns": frozenset(a["pronouns"]),
        "person_pronouns": frozenset(a["person_pronouns"]),
        "possessives": frozenset(a["possessives"]),
        "joiners": frozenset(a["np_joiners"]),
        "modifier_stops": frozenset(a["np_modifier_stops"]),
        "first_person_re": re.compile(r"\b(?:" + "|".join(map(re.escape, a["first_person"])) + r")\b"),
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
        "titled_re": led(
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


on_change(_speakers.cache_clear)


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


def country_of(phrase: str) -> str | None:
    """The party a phrase names: "Ukraine", "the Kremlin" -> its party."""
    p = phrase.lower()
    if p.startswith("the "):
        p = p[4:]
    return _speakers()["parties"].get(p)


class Names:
    """The names of one article's speakers: the acronyms it defines, the full names its
    surnames stand for, and the ``Who`` (with its key) of each name."""

    def __init__(self, text: str):
        self.text = text
        self._acronyms: dict[str, str] | None = None
        self._surnames: dict[str, Who] = {}
        self._whos: dict[str, Who] = {}

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

    def key_of(self, phrase: str, person: bool | None) -> str | None:
        """The key of a known speaker named in ``phrase``, if any."""
        key = _known_key(phrase)
        if key:
            return key
        if self._acronyms is not None or "(" in self.text:
            for w in phrase.replace("(", " ").replace(")", " ").split():
                if w in self.acronyms():
                    return self.acronyms()[w]
        return None

    def who(self, phrase: str) -> Who:
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
        key = self.key_of(phrase, None)
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
            lower = max((i for i, w in enumerate(words) if w[:1].islower()), default=-1)
            if last_title < lower <= len(words) - 3 and all(w[:1].isupper() for w in words[lower + 1:]):
                last_title = lower  # "Valdorian mediator Luis Rojas": a title of no list before a name
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

