"""kursk-claims: the numeric claims of news articles, and the figures that disagree."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kursk-claims")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"
