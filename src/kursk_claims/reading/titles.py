"""Headlines that capitalise every word ("Ozar Says 9,000 Fighters Died In Marovo"): on such a
line a capital starts no name, so a reading that keys on capitals asks first whether its line
is one, and whether a name it found there is written elsewhere too."""
from __future__ import annotations

import re
from functools import lru_cache

from .lines import line_end, line_start


def title_case_line(text: str, pos: int) -> bool:
    """Whether the line holding ``pos`` capitalises (nearly) every word, as headlines do."""
    a = line_start(text, pos)
    b = line_end(text, pos)
    return _title_case(text[a:b if b >= 0 else len(text)])


@lru_cache(maxsize=256)
def _title_case(line: str) -> bool:
    words = [w for w in _WORDS.findall(line) if len(w) > 3]  # "of", "in", "the" stay lower case in a title
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_WORDS = re.compile(r"[A-Za-z][a-z'’-]*")


@lru_cache(maxsize=1024)
def named_outside_titles(text: str, name: str) -> bool:
    """Whether ``name`` is written somewhere in ``text`` on a line that is no title-case headline."""
    for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text):
        if not title_case_line(text, m.start()):
            return True
    return False
