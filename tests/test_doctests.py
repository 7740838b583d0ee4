"""The examples in the package's docstrings run, and show what they say."""
import doctest
import importlib
import pkgutil

import pytest

import kursk_claims

MODULES = sorted(m.name for m in pkgutil.walk_packages(kursk_claims.__path__, "kursk_claims.")
                 if not m.name.endswith("__main__"))


@pytest.mark.parametrize("name", MODULES)
def test_doctests_of_each_module_pass(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, report=True)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed (printed above)"


def test_doctests_are_all_found():
    finder = doctest.DocTestFinder()
    examples = sum(len(t.examples) for name in MODULES for t in finder.find(importlib.import_module(name)))
    assert examples >= 28
