"""Reading articles: .txt + sidecar, .html, .jsonl, folders, and every kind of bad input."""
import os
from datetime import date
from pathlib import Path

import pytest

from extract.errors import InputError
from extract.model import Article
from extract.read import decode_text, parse_published, read_article_text, read_inputs

FIXTURES = Path(__file__).parent / "fixtures" / "inputs"


def read_all(paths, overrides=None):
    return list(read_inputs([str(p) for p in paths], overrides or {}))


def test_txt_with_sidecar_fills_metadata_and_credit():
    [article] = read_all([FIXTURES / "en_reuters_strike.txt"])
    assert isinstance(article, Article)
    assert article.published == date(2023, 3, 24)
    assert article.outlet == "Reuters"
    assert article.url == "https://example.org/us-strikes-syria"
    assert article.language == "en"
    assert article.dateline == "Beirut"
    assert article.original_source == "Reuters"
    assert article.id.endswith("en_reuters_strike.txt")


def test_overrides_win_over_sidecar():
    [article] = read_all([FIXTURES / "en_reuters_strike.txt"],
                         {"published": "2023-03-25", "outlet": "AFP", "url": "https://x.test/a"})
    assert article.published == date(2023, 3, 25)
    assert article.outlet == "AFP"
    assert article.url == "https://x.test/a"


def test_txt_without_sidecar_needs_a_date():
    [error] = read_all([FIXTURES / "ar_no_sidecar.txt"])
    assert isinstance(error, InputError)
    assert "ar_no_sidecar.txt" in str(error) and "no publication date" in str(error)


def test_txt_without_sidecar_with_published_flag_detects_language_and_dateline():
    [article] = read_all([FIXTURES / "ar_no_sidecar.txt"], {"published": date(2023, 1, 2)})
    assert article.language == "ar"
    assert article.dateline == "دمشق"
    assert article.outlet == "Reuters"          # no outlet given: the dateline's agency
    assert article.original_source == "Reuters"


def test_html_page_gives_text_title_date_and_outlet():
    [article] = read_all([FIXTURES / "ar_page.html"])
    assert isinstance(article, Article), article
    assert article.published == date(2023, 3, 24)
    assert article.outlet == "Kurdistan24"
    assert article.title == "قصف صاروخي على حقل نفطي شرق سوريا"
    assert "ثلاثة صواريخ" in article.text
    assert "جميع الحقوق محفوظة" not in article.text     # page furniture left out
    assert article.original_source == "Asharq Al-Awsat"
    assert article.dateline == "أربيل"
    assert article.language == "ar"


def test_html_without_article_text_is_an_error(tmp_path):
    page = tmp_path / "empty_page.html"
    page.write_text("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    [error] = read_all([page], {"published": "2023-01-01"})
    assert isinstance(error, InputError)
    assert "empty_page.html" in str(error) and "no article text" in str(error)


def test_jsonl_reads_good_lines_and_reports_bad_ones_by_line():
    results = read_all([FIXTURES / "feed.jsonl"])
    articles = [r for r in results if isinstance(r, Article)]
    errors = [r for r in results if isinstance(r, InputError)]
    assert [a.id for a in articles] == ["feed-1", "feed-2"]
    assert articles[0].dateline == "Erbil" and articles[0].language == "en"
    assert articles[1].language == "ar" and articles[1].outlet == "Shafaq News"
    assert articles[1].dateline == "بغداد"
    assert [(e.line, e.problem.split(":")[0]) for e in errors] == [
        (3, "malformed JSON"), (4, "no publication date (give --published or a sidecar)"),
        (6, "no article text (field 'text')")]
    assert all("feed.jsonl" in str(e) for e in errors)
    assert str(errors[0]).startswith(str(FIXTURES / "feed.jsonl") + ":3: ")


def test_folder_is_read_recursively_in_sorted_order_skipping_sidecars_and_other_files():
    results = read_all([FIXTURES / "folder"])
    assert all(isinstance(r, Article) for r in results), results
    assert [Path(r.id).name for r in results] == ["b_second.txt", "a_first.txt"]
    assert results[0].outlet == "Example Wire"
    assert results[1].language == "ar"


def test_missing_file_and_unsupported_type(tmp_path):
    other = tmp_path / "notes.pdf"
    other.write_bytes(b"%PDF-1.4")
    missing, unsupported = read_all([tmp_path / "missing.txt", other])
    assert "missing.txt: no such file" in str(missing)
    assert "unsupported file type .pdf" in str(unsupported)


def test_empty_and_whitespace_files_are_errors(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b" \n\t\n")
    errors = read_all([tmp_path / "a.txt", tmp_path / "b.txt"], {"published": "2023-01-01"})
    assert [e.problem for e in errors] == ["empty file", "empty file"]


def test_binary_file_is_an_error(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    [error] = read_all([tmp_path / "image.txt"], {"published": "2023-01-01"})
    assert "binary file" in str(error) and "image.txt" in str(error)


def test_windows_1256_arabic_is_refused_with_a_clear_error(tmp_path):
    (tmp_path / "old.txt").write_bytes("قصفت طائرات مسيرة مواقع قرب البوكمال مساء الخميس".encode("cp1256"))
    [error] = read_all([tmp_path / "old.txt"], {"published": "2023-01-01"})
    assert isinstance(error, InputError)
    assert "Windows-1256" in error.problem and "UTF-8" in error.problem


def test_latin1_text_is_refused_naming_the_byte(tmp_path):
    (tmp_path / "latin.txt").write_bytes("Frapp\u00e9 near Al-B\u00fbkam\u00e2l on Thursday".encode("latin-1"))
    [error] = read_all([tmp_path / "latin.txt"], {"published": "2023-01-01"})
    assert "not UTF-8" in error.problem and "0xe9" in error.problem


def test_utf8_bom_and_utf16_bom_are_read(tmp_path):
    text = "BEIRUT (Reuters) - A drone strike hit a car on Monday."
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode())
    (tmp_path / "wide.txt").write_bytes(text.encode("utf-16"))
    a, b = read_all([tmp_path / "bom.txt", tmp_path / "wide.txt"], {"published": "2023-01-02"})
    assert a.text == text and b.text == text
    assert a.dateline == "Beirut"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_an_error(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("text")
    locked.chmod(0)
    try:
        [error] = read_all([locked], {"published": "2023-01-01"})
        assert "cannot read file" in str(error)
    finally:
        locked.chmod(0o644)


def test_unreadable_file_is_an_error_even_as_root(tmp_path, monkeypatch):
    locked = tmp_path / "locked.txt"
    locked.write_text("text")

    def refuse(self):
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(Path, "read_bytes", refuse)
    [error] = read_all([locked], {"published": "2023-01-01"})
    assert str(error) == f"{locked}: cannot read file: Permission denied"


def test_malformed_sidecar_names_the_sidecar(tmp_path):
    (tmp_path / "a.txt").write_text("Shelling hit a village on Monday.")
    (tmp_path / "a.json").write_text("{not json")
    [error] = read_all([tmp_path / "a.txt"])
    assert "a.json" in str(error) and "unreadable sidecar" in str(error)


def test_bad_published_date_in_sidecar_and_flag(tmp_path):
    (tmp_path / "a.txt").write_text("Shelling hit a village on Monday.")
    (tmp_path / "a.json").write_text('{"published": "24/03/2023"}')
    [error] = read_all([tmp_path / "a.txt"])
    assert "bad publication date" in str(error)
    [flag_error] = read_all([tmp_path / "a.txt"], {"published": "yesterday"})
    assert "--published" in str(flag_error)


def test_reading_goes_on_after_a_bad_file(tmp_path):
    (tmp_path / "a_bad.txt").write_bytes(b"")
    (tmp_path / "b_good.txt").write_text("A drone strike hit a car near Qamishli on Monday.")
    results = read_all([tmp_path], {"published": "2023-01-02"})
    assert [type(r).__name__ for r in results] == ["InputError", "Article"]


def test_read_article_text_for_the_paste_box():
    article = read_article_text("DAMASCUS, March 24 (AFP) - Israeli strikes hit positions near Damascus airport.",
                                id="paste-1", published="2023-03-24")
    assert article.published == date(2023, 3, 24)
    assert article.language == "en" and article.dateline == "Damascus"
    assert article.outlet == "AFP" and article.original_source == "AFP"
    with pytest.raises(InputError):
        read_article_text("   ", id="paste-2")


def test_read_article_text_keeps_given_outlet_and_takes_credit_as_original():
    text = "أربيل (كوردستان24)- قصفت طائرة مسيرة سيارة قرب القامشلي.\n\nالمصدر: الشرق الاوسط"
    article = read_article_text(text, id="k24", outlet="كوردستان24")
    assert article.outlet == "Kurdistan24"
    assert article.original_source == "Asharq Al-Awsat"
    assert article.published is None


def test_seed_article_reads_with_its_sidecar(seed_article_path):
    [article] = read_all([seed_article_path])
    assert article.published == date(2023, 3, 24)
    assert article.outlet == "Kurdistan24"
    assert article.original_source == "Asharq Al-Awsat"
    assert article.dateline == "أربيل"
    assert article.language == "ar"


def test_parse_published_and_decode_text():
    assert parse_published("2023-03-24T10:38:00Z") == date(2023, 3, 24)
    with pytest.raises(ValueError):
        parse_published("2023-13-40")
    with pytest.raises(ValueError):
        decode_text(b"\xe9t\xe9")


def test_utf16_without_bom_gets_its_own_message(tmp_path):
    (tmp_path / "wide.txt").write_bytes("قصف مدفعي على القرية مساء الخميس".encode("utf-16-le"))
    [error] = read_all([tmp_path / "wide.txt"], {"published": "2023-01-01"})
    assert "UTF-16 without a byte-order mark" in error.problem


def test_a_single_path_string_is_one_path():
    [article] = list(read_inputs(str(FIXTURES / "en_reuters_strike.txt"), {}))
    assert article.outlet == "Reuters"


def test_html_sidecar_corrects_page_metadata(tmp_path):
    page = (FIXTURES / "ar_page.html").read_text(encoding="utf-8")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (tmp_path / "page.json").write_text('{"published": "2023-03-25", "url": "https://example.org/p"}')
    [article] = read_all([tmp_path / "page.html"])
    assert article.published == date(2023, 3, 25)
    assert article.url == "https://example.org/p"
    assert article.outlet == "Kurdistan24"          # still from the page
