"""Shared pattern helpers: case-insensitive search over lower-cased text, prefix-factored
alternations."""
import re

from kursk_claims.lexicon import Folded, first_letters, lowered, trie_pattern, whole_words


def test_folded_finds_what_ignorecase_finds_with_the_texts_offsets():
    words = ["held", "holds", "took", "taken"]
    folded = whole_words(words, capture=True)
    plain = re.compile(r"\b(" + trie_pattern(words) + r")\b", re.I)
    text = "Kyiv HELD 40 villages; Moscow Took them back, Holds the rest. Overtook? no."
    assert folded.folded is not None
    assert [m.span() for m in folded.finditer(text)] == [m.span() for m in plain.finditer(text)] == [(5, 9), (30, 34), (46, 51)]
    assert folded.search(text, 10).span() == (30, 34)
    assert folded.search(text, 0, 8) is None  # the window's end is kept
    started = Folded(folded.folded.pattern, starts=first_letters(words))  # a lookahead of first letters finds the same
    assert [m.span() for m in started.finditer(text)] == [m.span() for m in folded.finditer(text)]


def test_folded_keeps_ignorecase_where_lower_case_would_move_offsets():
    text = "İstanbul: the army HELD the line"  # "İ".lower() is two characters
    assert lowered(text) is None
    m = Folded(r"\bheld\b").search(text)
    assert m is not None and text[m.start():m.end()] == "HELD"


def test_folded_leaves_patterns_with_capitals_to_ignorecase():
    f = Folded(r"\b[A-Z]\w+ said")
    assert f.folded is None
    assert f.search("then kirby said so").span() == (5, 15)


def test_folded_end_anchor_is_the_window_end():
    f = Folded(r"\bup from\s+$")
    text = "losses rose to 900, Up From 700 a week before"
    assert f.search(text, 0, text.index("700")) is not None
    assert f.search(text, 0, len(text)) is None


def test_first_letters_is_a_lower_case_class():
    assert first_letters(["Held", "taken", "hold", "-fold"]) == r"\-ht"


def test_shared_knowledge_has_one_loader_each():
    from kursk_claims import lexicon
    from kursk_claims.reading import numbers, units

    assert lexicon.months()["jan"] == lexicon.months()["january"] == 1
    assert lexicon.weekdays()["monday"] == 0
    assert units.unit_conversions is numbers.unit_conversions is lexicon.unit_conversions
    assert lexicon.unit_conversions()["sq_mi"][0] == "km2"
    assert {"territory", "land", "soil"} <= lexicon.land_nouns()
    assert {"about", "around", "roughly", "nearly", "almost"} <= lexicon.approximators()
    assert not {"over", "more than", "~"} & lexicon.approximators()


def test_a_pattern_led_by_its_first_characters_finds_the_same_matches():
    from kursk_claims.lexicon.leads import first_chars, led

    text = "In the past week, DURING the night, Kyiv said; inside Norland 40 fell. (c) ex-soldiers killed 12"
    for pattern, flags in [(r"\b(?:in|during|over) the (?:past|last) week\b", re.I),
                           (r"\b(?i:in|inside)[ \t]+([A-Z]\w+)", 0),
                           (r"(?<!ex-)\b(soldiers|killed)\b", re.I),
                           (r"(?:\d+|fell)(?=\.)", 0)]:
        plain = re.compile(pattern, flags)
        assert [m.span() for m in led(pattern, flags).finditer(text)] == [m.span() for m in plain.finditer(text)] != []
    assert first_chars(r"\b(?i:in|on)\s", 0) == "(?=(?i:[io]))"  # the inline flag is kept
    assert first_chars(r"\b(?:in|on)\s", re.I) == "(?=[io])"
    assert first_chars(r"(?:a|b)?c", 0) == "(?=[abc])"  # an optional start adds what follows
    assert first_chars(r"a?", 0) is None  # may match nothing
    assert first_chars(r"[^a]b", 0) is None  # a negated class
    assert first_chars(r"\s+and\b", 0) is None  # nearly every position starts with a space or a word
    assert led(r"[,;]\s+x").pattern == r"[,;]\s+x"  # the engine already skips to a class


def test_folded_reads_its_lookahead_from_the_pattern():
    f = Folded(r"\b(?:past|last) week\b")
    assert f.folded is not None and f.folded.pattern.startswith("(?=")
    assert f.search("In the PAST Week, 20 fell").span() == (7, 16)
