"""Reading articles from files: .txt (+ sidecar NAME.json), .html/.htm, .jsonl, and folders of them.

`read_inputs` yields an Article for every article it can read and an InputError for every file (or
JSON line) it cannot, and goes on with the rest; nothing it reads raises. The one-line problems:
missing or unreadable file, empty file, binary file (NUL bytes), text that is not UTF-8, a page
with no article text, malformed JSON, a bad or missing publication date.

Encodings: UTF-8, with or without a byte-order mark, is read; UTF-16 with a byte-order mark is read
(the mark makes it certain). Anything else is refused with a clear error rather than guessed:
Windows-1256 (old Arabic Windows text) decodes *any* byte string without complaint, so a guess
would silently turn a Latin-1 or mixed file into plausible-looking Arabic mojibake. When the bytes
do look like Windows-1256 Arabic, the error says so and asks for the file re-saved as UTF-8.

Overrides (from the command line: published, outlet, url, language) win over what a file says.
Whatever is not given is filled in by `read_article_text`: language by script, the dateline and
the original source from the text (extract/dateline.py).
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from extract.dateline import find_original_source, lookup_outlet, normalize_outlet, parse_dateline
from extract.errors import InputError
from extract.language import detect_language
from extract.model import Article

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
NO_DATE = "no publication date (give --published or a sidecar)"
MIN_HTML_TEXT_CHARS = 40       # shorter than a sentence: a menu or a link ("Home"), not an article
OVERRIDE_KEYS = ("published", "outlet", "url", "language")
_ARABIC_LETTERS_1256 = re.compile("[\u0621-\u064a]")


def read_inputs(paths: Iterable[str], overrides: dict | None = None) -> Iterator[Article | InputError]:
    """Articles (or one InputError per unreadable file or line) from files and folders, in order."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]           # one path given bare, not a list of its characters
    overrides = {k: v for k, v in (overrides or {}).items() if k in OVERRIDE_KEYS and v not in (None, "")}
    if "published" in overrides:
        try:
            overrides["published"] = parse_published(overrides["published"])
        except ValueError as exc:
            yield InputError("--published", str(exc))
            return
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = _article_files_in(path)
            if not files:
                yield InputError(str(path), "folder holds no .txt, .html, .htm or .jsonl files")
            for file in files:
                yield from _read_file(file, overrides)
        else:
            yield from _read_file(path, overrides)


def read_article_text(text: str, *, id: str, published: date | str | None = None, outlet: str | None = None,
                      url: str | None = None, language: str | None = None, original_source: str | None = None,
                      title: str | None = None) -> Article:
    """An Article from raw text; language, dateline and original source are filled in when not given.

    Raises InputError for empty text or a malformed `published` (callers show its one-line message).
    """
    text = _normalise_newlines(text or "").lstrip("\ufeff")
    if not text.strip():
        raise InputError(id, "empty text")
    if isinstance(published, str):
        try:
            published = parse_published(published)
        except ValueError as exc:
            raise InputError(id, str(exc)) from None
    dateline = parse_dateline(text)
    credited = find_original_source(text)
    outlet = normalize_outlet(outlet) if outlet else (dateline.outlet if dateline else None)
    return Article(
        id=id,
        text=text,
        published=published,
        outlet=outlet,
        url=url or None,
        language=language or detect_language(text),
        original_source=(normalize_outlet(original_source) if original_source else credited),
        dateline=dateline.place if dateline else None,
        title=title or None,
    )


def parse_published(value) -> date:
    """A publication date from a date, a datetime, or an ISO string ('2023-03-24', '2023-03-24T10:00:00Z')."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T ]|\s)", value)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                pass
    raise ValueError(f"bad publication date {value!r} (expected YYYY-MM-DD)")


def _article_files_in(folder: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found.extend(Path(root) / f for f in files
                     if f.lower().endswith(ARTICLE_SUFFIXES) and not f.startswith("."))
    return sorted(found)


def _read_file(path: Path, overrides: dict) -> Iterator[Article | InputError]:
    name = str(path)
    suffix = path.suffix.lower()
    if not path.exists():
        yield InputError(name, "no such file or folder")
        return
    if suffix not in ARTICLE_SUFFIXES:
        yield InputError(name, f"unsupported file type {suffix or '(none)'} (expected .txt, .html, .htm, .jsonl)")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(name, f"cannot read file: {exc.strerror or exc}")
        return
    problem = _bytes_problem(data)
    if problem:
        yield InputError(name, problem)
        return
    try:
        text = decode_text(data)
    except ValueError as exc:
        yield InputError(name, str(exc))
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(name, text, overrides)
    elif suffix in HTML_SUFFIXES:
        yield _read_html(path, text, overrides)
    else:
        yield _read_txt(path, text, overrides)


def _bytes_problem(data: bytes) -> str | None:
    if not data.strip():
        return "empty file"
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        if _looks_like_bomless_utf16(data):
            return "looks like UTF-16 without a byte-order mark; re-save the file as UTF-8"
        return "binary file (contains NUL bytes), not text"
    return None


def _looks_like_bomless_utf16(data: bytes) -> bool:
    # Text in UTF-16 has a NUL in every other byte for ASCII, and decodes without error.
    sample = data[:4000]
    if len(sample) < 4 or len(sample) % 2:
        return False
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        if text.isprintable() or all(c.isprintable() or c in "\r\n\t" for c in text):
            return True
    return False


def decode_text(data: bytes) -> str:
    """UTF-8 (BOM optional) or BOM-marked UTF-16; anything else is a ValueError saying what it looks like."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ValueError("not valid UTF-16 text despite its byte-order mark") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if _looks_like_windows_1256_arabic(data):
            raise ValueError("not UTF-8: looks like Windows-1256 Arabic; re-save the file as UTF-8") from None
        raise ValueError(f"not UTF-8 text (invalid byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                         "re-save the file as UTF-8") from None


def _looks_like_windows_1256_arabic(data: bytes) -> bool:
    high = sum(1 for b in data if b >= 0x80)
    if not high:
        return False
    decoded = data.decode("cp1256", errors="replace")
    return len(_ARABIC_LETTERS_1256.findall(decoded)) >= 0.8 * high


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_sidecar(path: Path) -> dict | InputError:
    """NAME.json beside NAME.txt / NAME.html: outlet, url, published, language, original_source."""
    sidecar = path.with_suffix(".json")
    if not sidecar.exists():
        return {}
    try:
        meta = json.loads(decode_text(sidecar.read_bytes()))
    except (OSError, ValueError) as exc:
        return InputError(str(sidecar), f"unreadable sidecar: {_short(exc)}")
    if not isinstance(meta, dict):
        return InputError(str(sidecar), "sidecar must hold a JSON object")
    return meta


def _read_txt(path: Path, text: str, overrides: dict) -> Article | InputError:
    meta = _read_sidecar(path)
    if isinstance(meta, InputError):
        return meta
    return _build(str(path), text, meta, overrides, source=str(path))


def _read_html(path: Path, html: str, overrides: dict) -> Article | InputError:
    name = str(path)
    try:
        import trafilatura
        doc = trafilatura.bare_extraction(html, with_metadata=True)
    except Exception as exc:          # a parser failure on one page must not stop the run
        return InputError(name, f"cannot parse HTML: {_short(exc)}")
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if len(text) < MIN_HTML_TEXT_CHARS:
        return InputError(name, "HTML page holds no article text")
    meta = {"title": getattr(doc, "title", None), "published": getattr(doc, "date", None),
            "outlet": getattr(doc, "sitename", None), "url": getattr(doc, "url", None)}
    sidecar = _read_sidecar(path)
    if isinstance(sidecar, InputError):
        return sidecar
    meta.update({k: v for k, v in sidecar.items() if v not in (None, "")})   # a sidecar corrects the page
    return _build(name, text, meta, overrides, source=name)


def _read_jsonl(name: str, text: str, overrides: dict) -> Iterator[Article | InputError]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield InputError(name, f"malformed JSON: {_short(exc)}", line=number)
            continue
        if not isinstance(record, dict):
            yield InputError(name, "a line must hold a JSON object", line=number)
            continue
        if not isinstance(record.get("text"), str) or not record["text"].strip():
            yield InputError(name, "no article text (field 'text')", line=number)
            continue
        article_id = str(record.get("id") or f"{name}:{number}")
        yield _build(article_id, record["text"], record, overrides, source=name, line=number)


def _build(article_id: str, text: str, meta: dict, overrides: dict, *, source: str,
           line: int | None = None) -> Article | InputError:
    where = source
    merged = {k: meta.get(k) for k in ("published", "outlet", "url", "language", "original_source", "title")}
    merged.update(overrides)
    published = merged["published"]
    if published in (None, ""):
        return InputError(where, NO_DATE, line=line)
    try:
        published = parse_published(published)
    except ValueError as exc:
        return InputError(where, str(exc), line=line)
    language = merged["language"] if merged["language"] in ("ar", "en") else None
    try:
        return read_article_text(text, id=article_id, published=published, outlet=_str_or_none(merged["outlet"]),
                                 url=_str_or_none(merged["url"]), language=language,
                                 original_source=_str_or_none(merged["original_source"]),
                                 title=_str_or_none(merged["title"]))
    except InputError as exc:
        return InputError(where, exc.problem, line=line)


def _str_or_none(value) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__


__all__ = ["read_inputs", "read_article_text", "parse_published", "decode_text", "lookup_outlet"]
