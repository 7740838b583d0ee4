"""The parties an article names: countries from general knowledge, the names packs in use, and
the armed groups and organisations the article itself introduces.

Three sources, merged per article:

- ``lexicon/data/countries.json``: every country, its adjectives, its people and its capital
  (``Lebanese`` -> Lebanon), for any war;
- names packs (``lexicon/data/names/*.json`` and a user's ``--names FILE``): the aliases, leaders
  and institutions of one body of reporting (``Kremlin`` -> Russia);
- the text: a capitalised name before a word for fighters (``Ozar fighters``, ``Blue Hand
  militants``) and a name defined with an acronym whose head word makes it a party (``the Ozar
  People's Liberation Front (OPLF)``). Such a group is its own party, never merged into a country.

    >>> forms = party_forms("Ozarian militants said ... Ozarian fighters held the ridge.")
    >>> forms["Ozarian"]
    'Ozarian'
"""
from __future__ import annotations

import json
import re
from collections import ChainMap
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from ..lexicon import led, table, trie_pattern

_user_packs: list[dict[str, Any]] = []


def use_names(packs: Iterable[Mapping[str, Any]]) -> None:
    """Put the user's names packs (``{"parties": {"Party": ["alias", ...]}}``) beside those
    read from the package, in place of any set before; they are in force for every document
    read after this call (a pipeline sets them when it is built)."""
    given = [dict(p) for p in packs]
    if given == _user_packs:
        return
    _user_packs[:] = given
    _static_forms.cache_clear()
    _inner_suffixes.cache_clear()
    _static_matcher.cache_clear()
    _document_forms.cache_clear()
    for forget in _on_change:
        forget()


_on_change: list[Callable[[], None]] = []


def on_change(forget: Callable[[], None]) -> None:
    """Call ``forget`` when the names in force change: a module that caches what it read with
    the names (its own tables, per-article results) registers its cache's ``cache_clear``."""
    _on_change.append(forget)


def load_names_file(path: str | Path) -> dict[str, Any]:
    """A names pack from a JSON file: ``{"parties": {"Party": ["alias", ...]}}``."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        raise ValueError(f"{path}: cannot read the names file ({e.__class__.__name__})") from e
    except json.JSONDecodeError as e:
        raise ValueError(f"{path}: not JSON (line {e.lineno}: {e.msg})") from e
    check_pack(data, str(path))
    return data


def check_pack(data: Any, where: str = "names") -> None:
    """A names pack's shape, or a ValueError naming what is wrong."""
    if not isinstance(data, dict):
        raise ValueError(f"{where}: a names pack is a JSON object with a 'parties' key")
    parties = data.get("parties", {})
    if not isinstance(parties, dict):
        raise ValueError(f"{where}: 'parties' must map each party to a list of names")
    for party, forms in parties.items():
        if not isinstance(forms, list) or not all(isinstance(f, str) and f.strip() for f in forms):
            raise ValueError(f"{where}: the names of {party!r} must be a list of strings")


@cache
def _lex() -> dict[str, Any]:
    w = table("whose")
    return {
        "force_nouns": frozenset(w["force_nouns"]),
        "group_heads": frozenset(w["group_heads"]),
        "not_names": frozenset(w["not_names"]),
        "ambiguous": frozenset(w["ambiguous_capitals"]),
        "weapon_nouns": frozenset(w["weapon_nouns"]),
        # "Ozar, an Andean-backed militant group, …": an apposition that says the name is an armed group
        # "Tarvania's defence ministry", "the Tarvanian army": a side with a military of its own,
        # whatever else its name is (a place, too)
        # found from the possessive and the noun (the engine skips to each apostrophe), the
        # name read back from there
        "own_military": re.compile(r"['’]s[ \t]+(?:own[ \t]+)?(?:" + trie_pattern(w["military_nouns"]) + r")\b"),
        "name_before": re.compile(r"(?<![\w'’-])(" + _CAP + r"(?:[ \t]+" + _CAP + r")?)$"),
        "apposed_group": re.compile(r"(?<![\w'’-])(" + _CAP + r"),\s+(?i:(?:an?|the)\s+(?:[\w'’-]+\s+){0,2}?(?:(?:"
                                    + trie_pattern(w["armed_kinds"]) + r")\s+(?:group|movement|organi[sz]ation|faction)|militia))\b"),
    }


@cache
def _pack_files() -> tuple[dict[str, Any], ...]:
    from importlib import resources

    folder = resources.files("kursk_claims.lexicon").joinpath("data").joinpath("names")
    packs = []
    for f in sorted(folder.iterdir(), key=lambda p: p.name):
        if f.name.endswith(".json"):
            packs.append(json.loads(f.read_text(encoding="utf-8")))
    return tuple(packs)


def _with_possessives(forms: dict[str, str]) -> dict[str, str]:
    out = dict(forms)
    for f, party in forms.items():
        if not f.endswith("s"):
            out.setdefault(f + "'s", party)
            out.setdefault(f + "’s", party)
    return out


@cache
def _inner_suffixes() -> frozenset[str]:
    """Every ending of a known form after one of its spaces ("Korean", "Korean troops" of
    "North Korean troops"): a name that is only the end of a known one is no new party."""
    out: set[str] = set()
    for f in _static_forms():
        i = f.find(" ")
        while i >= 0:
            out.add(f[i + 1:])
            i = f.find(" ", i + 1)
    return frozenset(out)


@cache
def _static_forms() -> dict[str, str]:
    """Every form a party goes by, from the countries table and the names packs in use."""
    lex = _lex()
    forms: dict[str, str] = {}
    for name, entry in table("countries").items():
        for f in entry["names"] + entry["adjectives"] + entry["people"]:
            forms.setdefault(f, name)
        for f in ([] if entry.get("body") else [entry["capital"], *entry["capital_variants"]]):
            if f and f not in lex["ambiguous"]:
                forms.setdefault(f, name)
    for pack in (*_pack_files(), *_user_packs):
        for party, aliases in pack.get("parties", {}).items():
            forms[party] = party if party not in forms else forms[party]
            for a in aliases:
                forms[a] = party
    return _with_possessives(forms)


_CAP = r"[A-Z]\w*(?:-[A-Z]\w*)*"
_ACRONYM = re.compile(r"((?:" + _CAP + r"(?:['’]s)?\s+(?:(?:of|for|the|and|de|al|el)\s+)*){0,7}" + _CAP + r")\s*\(([A-Z][A-Za-z]{1,7})\)")
_PAREN_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")


def _acronym_definitions(text: str) -> Iterator[re.Match[str]]:
    """Each "Long Name (LN)" of the text: the long pattern is tried only in the words before a
    bracketed acronym, not at every capital of the text."""
    for p in _PAREN_ACRONYM.finditer(text):
        m = _ACRONYM.search(text, max(0, p.start() - 160), p.end())
        while m is not None and m.end() != p.end():
            m = _ACRONYM.search(text, m.end(), p.end())
        if m is not None:
            yield m


_FORCE_BEFORE = led(r"(?<![\w'’-])(" + _CAP + r"(?:[ \t]+" + _CAP + r")?)(?:['’]s)?(?:[ \t]+(?:[Gg]roup[ \t]+)?|-)([a-z]+)\b")
_GROUP_BEFORE = re.compile(r"\b(?:group|movement|militia|faction)[ \t]+[\"“]?(" + _CAP + r")(?![\w-])")
_NAMED_GROUP = re.compile(r"(?<![\w'’-])(" + _CAP + r")[ \t]+Group\b")
# the words each pattern cannot match without: a text with none of them is not scanned
_GROUP_KINDS = ("group", "movement", "militia", "faction")
_PLACE_END = (r"(?![\w-])(?=\s*(?:[.,;:!?)\"”’]|$|\s(?:and|or|on|in|at|since|during|for|over|from|to|with|where|which"
              r"|that|was|is|were|are|had|has|have|after|before|until|last|this)\b))")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”]\s*|\n\s*)$")


def discovered(text: str) -> dict[str, str]:
    """The parties ``text`` introduces itself: form -> party."""
    lex = _lex()
    known = _static_forms()
    found: dict[str, str] = {}
    for m in _acronym_definitions(text):
        long, short = m.group(1), m.group(2)
        long = re.sub(r"^(?:The|the)\s+", "", long)
        words = long.lower().replace("’", "'").split()
        if not any(w in lex["group_heads"] for w in words) or short in known:
            continue
        if not short.isupper() and not short[0].isupper():
            continue
        # "the Armed Forces of Ukraine (AFU)": a country's own force is that country
        country = next((known[w] for w in re.findall(r"[\w'’-]+", long) if w in known and not is_group(known[w])), None)
        found.setdefault(long, country or long)
        found.setdefault(short, country or long)
    counts: dict[str, int] = {}
    described: set[str] = set()
    for m in (_GROUP_BEFORE.finditer(text) if any(k in text for k in _GROUP_KINDS) else ()):
        # "the militant group Ozar", "the mercenary group "Ozar"": a group named after its kind
        name = m.group(1)
        if name not in known and name.split()[0] not in lex["not_names"]:
            counts[name] = counts.get(name, 0) + 2
    for m in (lex["apposed_group"].finditer(text) if any(k in text for k in _GROUP_KINDS) else ()):
        name = m.group(1)
        if name not in known and name.split()[0] not in lex["not_names"]:
            counts[name] = counts.get(name, 0) + 2
            described.add(name)  # said outright to be a group: no place, whatever its prepositions
    for m in lex["own_military"].finditer(text):
        before = lex["name_before"].search(text, max(0, m.start() - 60), m.start())
        if before is None:
            continue
        name = before.group(1)
        if name not in known and name.split()[0] not in lex["not_names"]:
            counts[name] = counts.get(name, 0) + 2
            described.add(name)
    for m in (_NAMED_GROUP.finditer(text) if "Group" in text else ()):
        # "the Ozar Group": a name that takes "Group" into itself
        name = m.group(1)
        if name not in known and name.split()[0] not in lex["not_names"]:
            counts[name] = counts.get(name, 0) + 2
    for m in _FORCE_BEFORE.finditer(text):
        name, noun = m.group(1), m.group(2)
        if noun not in lex["force_nouns"] and noun not in lex["weapon_nouns"]:
            continue
        first = name.split()[0]
        if name in known or first in lex["not_names"] or name in lex["not_names"]:
            continue
        if first in known:  # "Peruvian Ozar fighters": the group is the second word
            rest = name.split()[1:]
            if not rest or rest[0] in lex["not_names"]:
                continue
            name = rest[0]
        counts[name] = counts.get(name, 0) + 1
    for name, n in counts.items():
        if name in found:
            continue
        # a name, not a capitalised common word: written capitalised more than once, and never
        # in lower case
        if text.count(name) < 2 or re.search(r"(?<![\w-])" + re.escape(name.lower()) + r"(?![\w-])", text):
            continue
        if name in _inner_suffixes():
            continue  # "Korean troops" after "North": a known name's last word
        if name not in described and re.search(r"\b(?:in|at|near|inside|into|around|across|outside|towards?|of the (?:city|town|village|region) of)\s+"
                     r"(?:the\s+)?" + re.escape(name) + _PLACE_END, text):
            continue  # a place: "in Ozar", "near Port Ester" (not "in Ozar strongholds")
        found[name] = name
    for name in [n for n in found if n.isupper() and 2 <= len(n) <= 6 and n == found[n]]:
        # "RSF fighters" and "the Rapid Support Forces", never defined one by the other: the name
        # whose initials the acronym is, written out in the same text
        words = [ch + r"[a-z]+(?:['’]s)?" for ch in name[:-1]] + [name[-1] + r"[a-z]+"]
        long = re.search(r"(?<![\w'’-])" + r"\s+(?:(?:of|for|the|and)\s+)*".join(words) + r"(?![\w-])", text)
        if long is not None and long.group(0) not in found and long.group(0) not in known:
            found[long.group(0)] = name
    for name in [n for n in found if "-" in n and found[n] == n]:
        # "Upper-Tarvo" and, after it, "Tarvo": the last part of a joined name said alone
        short = name.rsplit("-", 1)[1]
        if len(short) >= 4 and short[0].isupper() and short not in found and short not in known \
                and len(re.findall(r"(?<![\w'’-])" + re.escape(short) + r"(?![\w-])", text)) >= 2:
            found[short] = name
    for name in list(found):
        # "the Ozar Group" and "Ozar": one party
        for head in (" Group", " group", " Army", " army", " Movement"):
            if name.endswith(head) and name[: -len(head)] in found:
                found[name] = found[name[: -len(head)]]
    return _with_possessives(found)


class _Found:
    """A party named in a text: the matched form as group 1, like a regex match."""

    __slots__ = ("_start", "_end", "_form")

    def __init__(self, start: int, end: int, form: str) -> None:
        self._start, self._end, self._form = start, end, form

    def start(self, group: int = 0) -> int:
        return self._start

    def end(self, group: int = 0) -> int:
        return self._end

    def group(self, group: int = 0) -> str:
        return self._form


class PartyMatcher:
    """The parties' forms for one text: the known forms' pattern, compiled once for every text,
    and the forms this text introduces, compiled for it alone; where two overlap, the longer."""

    def __init__(self, known: re.Pattern[str], own: re.Pattern[str] | None) -> None:
        self.known, self.own = known, own

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Any]:
        end = len(text) if end is None else end
        if self.own is None:
            return self.known.finditer(text, start, end)  # most texts: the known forms' matches as they are
        return self._merged(text, start, end)

    def _merged(self, text: str, start: int, end: int) -> Iterator[Any]:
        assert self.own is not None
        found = sorted([*((m.start(), -m.end(), m.group(1)) for m in self.known.finditer(text, start, end)),
                        *((m.start(), -m.end(), m.group(1)) for m in self.own.finditer(text, start, end))])
        last = -1
        for s, neg_end, form in found:
            if s < last:
                continue  # inside a longer name found at an earlier or the same position
            last = -neg_end
            yield _Found(s, -neg_end, form)


def _compile(forms: Iterable[str]) -> re.Pattern[str]:
    forms = list(forms)
    first = "".join(sorted({re.escape(n[0]) for n in forms if n}))
    return re.compile(r"(?=[" + first + r"])(?<![\w.])(" + trie_pattern(forms) + r")(?![\w])")


@cache
def _static_matcher() -> PartyMatcher:
    return PartyMatcher(_compile(_static_forms()), None)


@lru_cache(maxsize=8)
def _document_forms(text: str) -> tuple[PartyMatcher, Mapping[str, str]]:
    known = _static_forms()
    own = {f: p for f, p in discovered(text).items() if f not in known}
    if not own:
        return _static_matcher(), known
    return PartyMatcher(_static_matcher().known, _compile(own)), ChainMap(own, known)


@cache
def capitals() -> frozenset[str]:
    """The countries' capitals and their other spellings: a side when they speak ("Kyiv said"),
    a city when a figure is placed in one ("rockets on Lima killed 12")."""
    return frozenset(f for entry in table("countries").values() if not entry.get("body")
                     for f in [entry["capital"], *entry["capital_variants"]] if f)


@cache
def bodies() -> frozenset[str]:
    """The supranational bodies of the countries table (EU, UN, ...): speakers and mediators far
    more often than a side whose figures an article gives."""
    return frozenset(name for name, entry in table("countries").items() if entry.get("body"))


def known_party_forms() -> dict[str, str]:
    """form -> party for the parties known before reading any text."""
    return _static_forms()


def party_forms(text: str) -> Mapping[str, str]:
    """form -> party for every party ``text`` may name."""
    return _document_forms(text)[1]


def party_pattern(text: str) -> tuple[PartyMatcher, Mapping[str, str]]:
    """The pattern of every party's forms for ``text``, and form -> party."""
    return _document_forms(text)


def is_group(party: str) -> bool:
    """Whether ``party`` is an armed group or organisation rather than a country."""
    return party not in table("countries")
