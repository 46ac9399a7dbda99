"""RSS and Atom feeds as articles (feedparser), each entry's text from a saved copy of its page
(trafilatura, through extract.read) when one sits beside the feed, else its content or summary.

Everything works offline from saved files; a URL is fetched only when one is given.
"""
from __future__ import annotations

import calendar
from datetime import date, datetime, timezone
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator
from urllib.parse import unquote, urlparse

from extract.errors import InputError
from extract.model import Article

_BLOCK_TAGS = {"p", "br", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote", "section"}


class _TextOfHtml(HTMLParser):
    """Visible text of an HTML fragment; block elements become line breaks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    parser = _TextOfHtml()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)


def _is_url(source: str) -> bool:
    return urlparse(source).scheme in ("http", "https")


def _entry_date(entry) -> date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), tz=timezone.utc).date()
    return None


def _saved_page(link: str | None, feed_dir: Path | None) -> Path | None:
    """The local copy of an entry's page: a file:// link, or a relative link beside the feed."""
    if not link:
        return None
    parsed = urlparse(link)
    if parsed.scheme == "file":
        candidate = Path(unquote(parsed.path))
    elif not parsed.scheme and feed_dir is not None:
        candidate = feed_dir / unquote(parsed.path)
    else:
        return None
    return candidate if candidate.is_file() else None


def _entry_text(entry) -> str:
    for content in entry.get("content") or []:
        text = html_to_text(content.get("value") or "")
        if text:
            return text
    return html_to_text(entry.get("summary") or "")


def read_feed(source: str, overrides: dict | None = None) -> Iterator[Article | InputError]:
    """Articles from an RSS/Atom file or URL; one InputError per entry (or feed) that cannot be read."""
    import feedparser
    from extract.read import read_article_text, read_inputs

    overrides = {k: v for k, v in (overrides or {}).items() if v not in (None, "")}
    feed_dir = None
    if _is_url(source):
        parsed = feedparser.parse(source)
    else:
        path = Path(source)
        if not path.is_file():
            yield InputError(source, "no such feed file")
            return
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield InputError(source, f"cannot read feed: {exc.strerror or exc}")
            return
        parsed = feedparser.parse(data)
        feed_dir = path.parent
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({str(problem).splitlines()[0][:120]})" if problem else ""
        yield InputError(source, f"not an RSS or Atom feed{detail}")
        return
    feed_title = (parsed.feed.get("title") or "").strip() or None
    for number, entry in enumerate(parsed.entries, start=1):
        link = entry.get("link")
        entry_id = f"{source}#{entry.get('id') or link or number}"
        published = overrides.get("published") or _entry_date(entry)
        if published is None:
            yield InputError(source, f"entry {number}: no publication date (give --published)")
            continue
        meta = {"published": published, "outlet": overrides.get("outlet") or feed_title,
                "url": overrides.get("url") or link, "language": overrides.get("language")}
        page = _saved_page(link, feed_dir)
        if page is not None:
            for item in read_inputs([str(page)], {k: v for k, v in meta.items() if v}):
                yield item
            continue
        text = _entry_text(entry)
        title = html_to_text(entry.get("title") or "") or None
        if not text:
            yield InputError(source, f"entry {number}: no text (no content, summary or saved page)")
            continue
        try:
            yield read_article_text(text, id=entry_id, title=title,
                                    language=meta["language"] if meta["language"] in ("ar", "en") else None,
                                    **{k: meta[k] for k in ("published", "outlet", "url")})
        except InputError as exc:
            yield InputError(source, f"entry {number}: {exc.problem}")

