"""Fetching web pages politely, with a cache so a re-run fetches nothing.

One ``httpx.Client`` for a run: timeouts, redirects (at most ``MAX_REDIRECTS``), a size cap
read while streaming (a page larger than ``max_bytes`` is dropped, never held in memory), a
User-Agent that names the tool, a deadline for each page (``timeout``: connecting,
redirects and every byte of it, so a server dripping a byte at a time is cut off too), at
most ``concurrency`` requests at a time, and retries with exponential backoff (honouring
``Retry-After``) on 429 and 5xx answers and on refused or dropped connections (not on
timeouts: a slow server stays slow). Only ``http`` and ``https`` URLs are fetched.

Pages are cached in a folder (one compressed file per URL, written atomically), so a second
run over the same URLs makes no request; ``refresh=True`` fetches anew. A 404 or 410 and a
page over the size cap are cached as failures too; timeouts and server errors are not.
httpx is imported only when a page is fetched; nothing else of the package is used here.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import threading
import time
import zlib
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urlsplit

from .. import __version__

USER_AGENT = f"kursk-claims/{__version__} (reads news articles for the numeric claims in them; one request at a time per page)"
MAX_REDIRECTS = 10
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 10_000_000
DEFAULT_CONCURRENCY = 4
DEFAULT_RETRIES = 2
_CACHED_FAILURES = (404, 410)


def is_url(text: str) -> bool:
    """Whether an input names a URL (any scheme) rather than a file."""
    return bool(re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", text)) or bool(re.match(r"^(?:javascript|data|mailto):", text, re.I))


def url_problem(url: str) -> str | None:
    """Why a URL is not fetched (not http(s), no host), or None when it can be."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "not a valid URL"
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return f"not fetched: only http and https URLs are ({scheme + ':' if scheme else 'no scheme'})"
    if not parts.hostname:
        return "a URL without a host"
    return None


@dataclass(slots=True)
class Page:
    """A fetched page: the URL asked for, where it ended (after redirects), and its bytes."""
    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes
    from_cache: bool = False


@dataclass(slots=True)
class FetchError:
    url: str
    message: str
    from_cache: bool = False
    cacheable: bool = False  # a lasting answer (404, 410, too large), cached like a page


@dataclass
class Fetcher:
    """Fetches URLs with the limits above; ``fetch_all`` keeps the input order."""
    cache_dir: Path | None = None
    refresh: bool = False
    timeout: float = DEFAULT_TIMEOUT
    max_bytes: int = DEFAULT_MAX_BYTES
    concurrency: int = DEFAULT_CONCURRENCY
    retries: int = DEFAULT_RETRIES
    backoff: float = 0.5  # seconds before the first retry; doubled for each further one
    max_wait: float = 30.0  # the longest Retry-After honoured
    requests: int = field(default=0, init=False)  # requests sent this run (retries included)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)
    _client: object = field(default=None, init=False, repr=False)

    # --- the public calls -------------------------------------------------------------

    def fetch_all(self, urls: Iterable[str]) -> Iterator[Page | FetchError]:
        """Each URL's page or error, in the order given, ``concurrency`` at a time; only a
        small window of pages is held at once. The client stays open for later calls
        (``close`` ends it)."""
        window: list[Future] = []
        with ThreadPoolExecutor(max_workers=max(1, self.concurrency), thread_name_prefix="fetch") as pool:
            try:
                for url in urls:
                    window.append(pool.submit(self.fetch, url))
                    if len(window) >= self.concurrency * 2:
                        yield window.pop(0).result()
                while window:
                    yield window.pop(0).result()
            finally:
                for f in window:
                    f.cancel()

    def fetch(self, url: str) -> Page | FetchError:
        """One URL: from the cache when there, else from the web (and then cached)."""
        url = url.strip()
        why = url_problem(url)
        if why:
            return FetchError(url, why)
        if not self.refresh:
            hit = self._cache_get(url)
            if hit is not None:
                return hit
        result = self._fetch_with_retries(url)
        if isinstance(result, Page) or result.cacheable:
            self._cache_put(url, result)
        return result

    def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.close()  # type: ignore[attr-defined]

    # --- the network ------------------------------------------------------------------

    def _http(self):
        import httpx

        with self._lock:
            if self._client is None:
                self._client = httpx.Client(
                    headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
                             "Accept-Encoding": "gzip, deflate"},
                    timeout=httpx.Timeout(self.timeout), follow_redirects=True, max_redirects=MAX_REDIRECTS,
                    limits=httpx.Limits(max_connections=max(1, self.concurrency)))
            return self._client

    def _fetch_with_retries(self, url: str) -> Page | FetchError:
        attempt = 0
        while True:
            result, wait = self._fetch_once(url)
            if wait is None or attempt >= self.retries:
                return result
            attempt += 1
            time.sleep(min(self.max_wait, max(wait, self.backoff * 2 ** (attempt - 1))))

    def _fetch_once(self, url: str) -> tuple[Page | FetchError, float | None]:
        """The page or error, and how long to wait before retrying (None: do not retry)."""
        import httpx

        client = self._http()
        with self._lock:
            self.requests += 1
        start = time.monotonic()
        deadline = start + self.timeout  # for the whole page, not for each read: a server dripping bytes is cut off too
        try:
            with client.stream("GET", url) as r:
                status = r.status_code
                if status == 429 or status >= 500:
                    return FetchError(url, f"HTTP {status} {r.reason_phrase}".strip()), _retry_after(r.headers.get("retry-after"))
                if status >= 400:
                    return FetchError(url, f"HTTP {status} {r.reason_phrase}".strip(), cacheable=status in _CACHED_FAILURES), None
                declared = r.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > self.max_bytes:
                    return self._too_large(url, int(declared)), None
                chunks, size = [], 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        return self._too_large(url, None), None
                    chunks.append(chunk)
                    if time.monotonic() > deadline:
                        return self._timed_out(url, start), None
                return Page(url, str(r.url), status, r.headers.get("content-type", ""), b"".join(chunks)), None
        except httpx.TooManyRedirects:
            return FetchError(url, f"too many redirects (more than {MAX_REDIRECTS}; a redirect loop?)"), None
        except httpx.TimeoutException:
            return self._timed_out(url, start), None  # a slow server stays slow
        except httpx.HTTPError as e:  # refused, reset, bad TLS, bad encoding
            return FetchError(url, f"cannot fetch ({_one_line(e)})"), 0.0 if isinstance(e, httpx.TransportError) else None
        except (httpx.InvalidURL, httpx.StreamError, ValueError, UnicodeError, OSError) as e:
            return FetchError(url, f"cannot fetch ({_one_line(e)})"), None

    def _timed_out(self, url: str, start: float) -> FetchError:
        took = time.monotonic() - start
        return FetchError(url, f"timed out after {took:.1f} s (a whole page may take {self.timeout:g} s)")

    def _too_large(self, url: str, declared: int | None) -> FetchError:
        size = f"{declared / 1e6:.1f} MB" if declared else "more than that"
        return FetchError(url, f"larger than the {self.max_bytes / 1e6:g} MB cap ({size}); not read", cacheable=True)

    # --- the cache --------------------------------------------------------------------

    def _cache_file(self, url: str) -> Path | None:
        if self.cache_dir is None:
            return None
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.cache_dir / digest[:2] / f"{digest}.page"

    def _cache_get(self, url: str) -> Page | FetchError | None:
        path = self._cache_file(url)
        if path is None or not path.is_file():
            return None
        try:
            raw = path.read_bytes()
            head, _, body = raw.partition(b"\n")
            meta = json.loads(head)
            if meta.get("url") != url:
                return None
            if "error" in meta:
                return FetchError(url, meta["error"] + " (cached; --refresh to try again)", from_cache=True)
            return Page(url, meta["final_url"], meta["status"], meta["content_type"], zlib.decompress(body), from_cache=True)
        except (OSError, ValueError, KeyError, zlib.error):
            return None  # a damaged entry is fetched again

    def _cache_put(self, url: str, result: Page | FetchError) -> None:
        path = self._cache_file(url)
        if path is None:
            return
        if isinstance(result, Page):
            meta = {"url": url, "final_url": result.final_url, "status": result.status,
                    "content_type": result.content_type, "fetched": time.time()}
            body = zlib.compress(result.body, 6)
        else:
            meta, body = {"url": url, "error": result.message, "fetched": time.time()}, b""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                f.write(json.dumps(meta).encode("utf-8") + b"\n" + body)
            os.replace(tmp, path)
        except OSError:
            pass  # a cache that cannot be written only costs a fetch next time


def _retry_after(value: str | None) -> float:
    """Seconds to wait from a Retry-After header (seconds or an HTTP date); 0 when absent."""
    if not value:
        return 0.0
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return 0.0


def _one_line(e: Exception) -> str:
    text = " ".join(str(e).split()) or e.__class__.__name__
    return text[:200]


def read_url_list(path: Path) -> list[str]:
    """The URLs of a ``--urls`` file: one a line; blank lines and ``#`` comments skipped."""
    from ..core.errors import InputError

    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read the URL list ({e.__class__.__name__})") from e
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def default_cache_dir(store_path: Path) -> Path:
    """The page cache beside the store: ``kursk-claims.db`` -> ``kursk-claims.pages/``."""
    return store_path.with_name(store_path.name.rsplit(".", 1)[0] + ".pages") if "." in store_path.name else store_path.with_name(store_path.name + ".pages")


__all__ = ["Fetcher", "Page", "FetchError", "is_url", "url_problem", "read_url_list", "default_cache_dir", "USER_AGENT"]
