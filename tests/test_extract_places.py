"""Places stage: precision words, excluded places (dateline, metonyms, actor names, origins),
and the sentence/clause splitter the later stages lean on."""
from datetime import date

import pytest

from extract.pipeline import annotate, extract_events
from extract.places import precision_phrase
from extract.read import read_article_text
from extract.sentences import headline_end, split_sentences


def annotated(text, language=None):
    art = read_article_text(text, id="t", published=date(2024, 5, 10), language=language)
    return annotate(art)


def places_by_surface(text, language=None):
    return {text[p.start:p.end]: p for p in annotated(text, language)["places"]}


@pytest.mark.parametrize("text, name, precision, reason_word", [
    ("القصف طال مستودعاً داخل مدينة دير الزور", "دير الزور", 1, "inside"),
    ("استهدف القصف مواقع في بادية مدينة الميادين", "الميادين", 2, "desert"),
    ("استهدف القصف مواقع في ريف البوكمال", "البوكمال", 2, "countryside"),
    ("غارات استهدفت مخازن قرب مطار حلب", "مطار حلب", 2, "near"),
    ("a command post on the outskirts of Mayadin", "Mayadin", 2, "outskirts"),
    ("regime forces shelled villages in rural Tal Tamer", "Tal Tamer", 2, "countryside"),
    ("shelling hit Saraqib countryside", "Saraqib", 2, "countryside"),
    ("a drone struck a car in the Mayadin desert", "Mayadin", 2, "desert"),
    ("gunmen ambushed a bus on the road between Saraqib and a nearby village", "Saraqib", 2, "near"),
    ("اشتباكات في المنطقة الواقعة بين السخنة وقرية مجاورة", "السخنة", 2, "near"),
])
def test_precision_words_set_geo_precision_and_reason(text, name, precision, reason_word):
    start = text.index(name)
    found = precision_phrase(text, start, start + len(name))
    assert found is not None
    assert found[0] == precision
    assert reason_word in found[1]


def test_places_are_looked_for_only_in_sentences_with_an_event_word():
    p = places_by_surface("Schools in Manbij reopened. Shelling hit Ariha.", "en")
    assert "Ariha" in p and "Manbij" not in p


def test_bare_town_is_precise_and_governorate_is_coarse():
    p = places_by_surface("سقطت قذائف في مدينة منبج وفي محافظة الرقة", "ar")
    manbij = p["منبج"]
    assert manbij.precision == 1 and not manbij.coarse and manbij.usable
    raqqa = next(v for k, v in p.items() if "الرقة" in k)
    assert raqqa.place.kind == "governorate" and raqqa.precision == 3 and raqqa.coarse


def test_facility_is_precise_and_names_the_facility():
    p = places_by_surface("سقط صاروخان في حرم حقل العمر", "ar")
    assert "حقل العمر" in p
    omar = p["حقل العمر"]
    assert omar.precision == 1 and omar.place.kind == "oil_field" and "Omar" in omar.reason


def test_dateline_place_is_not_an_event_location():
    text = "أربيل (كوردستان24)- قصفت طائرة مسيّرة موقعاً قرب مدينة القامشلي."
    p = places_by_surface(text, "ar")
    assert p["أربيل"].excluded == "dateline"
    assert p["القامشلي"].usable


@pytest.mark.parametrize("text, surface", [
    ("وهو هجوم ألقت دمشق بالمسؤولية فيه على تل أبيب.", "دمشق"),
    ("وهو هجوم ألقت دمشق بالمسؤولية فيه على تل أبيب.", "تل أبيب"),
    ("يزيد الهجوم التوتر في العلاقات بين واشنطن وطهران.", "وطهران"),
    ("Damascus blamed Tel Aviv for the air raid.", "Damascus"),
])
def test_metonyms_are_not_event_locations(text, surface):
    p = places_by_surface(text)
    assert surface in p, sorted(p)
    assert p[surface].excluded == "metonym"


def test_damascus_as_a_place_of_shelling_stays_usable():
    p = places_by_surface("Rockets hit a neighbourhood of Damascus on Friday.", "en")
    assert p["Damascus"].usable


def test_place_inside_an_actor_name_is_excluded():
    text = "قتل عنصران من قوات سوريا الديمقراطية بقصف مدفعي في مدينة الحسكة."
    p = places_by_surface(text, "ar")
    syria = [v for k, v in p.items() if "سوريا" in k]
    assert all(not v.usable for v in syria)
    assert p["الحسكة"].usable


def test_where_attackers_were_based_is_not_where_the_event_was():
    text = "إن مجموعات موالية لطهران، متمركزة قرب مدينة الميادين، أطلقت صواريخ على حقل العمر."
    p = places_by_surface(text, "ar")
    assert p["الميادين"].excluded == "origin"
    assert p["حقل العمر"].usable


def test_a_place_name_inside_an_event_word_is_excluded():
    # "حربية" (warplanes) is also the name of a village in the gazetteer
    text = "شنت طائرات حربية إسرائيلية غارات على مطار المزة العسكري."
    for p in annotated(text, "ar")["places"]:
        if "حربية" in text[p.start:p.end]:
            assert p.excluded == "part of an event word"


def test_countryside_of_a_governorate_seat_is_coarse():
    p = places_by_surface("regime forces shelled a village in the southern countryside of Idlib.", "en")
    assert p["Idlib"].coarse and p["Idlib"].precision == 2


def test_sentences_and_clauses_keep_offsets():
    text = "US forces struck two sites. Damascus condemned the U.S. strikes, state media said.\n\nقال المرصد إن الغارات استهدفت مواقع، ما أدى إلى مقتل ستة."
    sentences = split_sentences(text)
    assert [text[s.start:s.end] for s in sentences] == [
        "US forces struck two sites.", "Damascus condemned the U.S. strikes, state media said.",
        "قال المرصد إن الغارات استهدفت مواقع، ما أدى إلى مقتل ستة."]
    arabic = sentences[2]
    assert [text[a:b] for a, b in arabic.clauses] == ["قال المرصد إن الغارات استهدفت مواقع", "ما أدى إلى مقتل ستة."]
    assert arabic.clause_at(text.index("مقتل")) == arabic.clauses[1]


def test_a_name_ending_in_an_apostrophe_and_a_letter_ends_a_sentence():
    # "Dar'a." is a word, not an initial like the "S." of "U.S."
    text = "A body was found in the countryside of Dar'a. He was kidnapped on 3/4/2020. U.S. forces said so."
    assert [text[s.start:s.end] for s in split_sentences(text)] == [
        "A body was found in the countryside of Dar'a.", "He was kidnapped on 3/4/2020.", "U.S. forces said so."]


def test_a_semicolon_ends_a_statement():
    text = "Drones struck a car near Qamishli; in Hasakah, residents heard blasts. قصفت طائرات مواقع؛ وفي القصير أصيب عناصر."
    assert [text[s.start:s.end] for s in split_sentences(text)] == [
        "Drones struck a car near Qamishli;", "in Hasakah, residents heard blasts.",
        "قصفت طائرات مواقع؛", "وفي القصير أصيب عناصر."]


def test_the_people_after_a_semicolon_are_not_the_target_before_it():
    from datetime import date
    from extract.pipeline import extract_events
    from extract.read import read_article_text
    text = ("Turkish drones struck a car near Qamishli on Monday, killing two SDF fighters; residents "
            "of Amuda fled their homes.")
    events = extract_events(read_article_text(text, id="t", published=date(2024, 5, 6), outlet="Test Wire"))
    assert [(e.location, e.actor2, e.fatalities, e.injured) for e in events] == [("Al Qamishli", "SDF", 2, None)]


def test_headline_is_the_short_first_line_only():
    assert headline_end("Strikes hit Syria\n\nBEIRUT (Reuters) - Text.") == len("Strikes hit Syria")
    assert headline_end("One long sentence that ends with a stop.\nMore.") == 0
    assert headline_end("No newline at all") == 0


def test_a_sentence_naming_a_governorate_rules_out_a_namesake_abroad():
    a = annotated("On 6 May 2024, a landmine exploded in Sinjar area in Hama countryside, injuring a child.", "en")
    sinjar = next(p for p in a["places"] if a["doc"].text[p.start:p.end] == "Sinjar")
    assert not sinjar.usable or sinjar.place.admin1 == "Hama"


def _located(text, language=None):
    from datetime import date
    from extract.pipeline import extract_events
    from extract.read import read_article_text
    article = read_article_text(text, id="t", published=date(2024, 5, 10), language=language)
    return [(e.place_id, e.geo_precision) for e in extract_events(article)]


@pytest.mark.parametrize("text, language", [
    ("On 9 May 2024, regime artillery shelled Khirbet Umm Zaytoun in Raqqa.", "en"),
    ("On 9 May 2024, regime artillery shelled Khirbet Umm Zaytoun village in Raqqa.", "en"),
    ("قصفت مدفعية النظام قرية أم الزيتون في الرقة يوم الخميس.", "ar"),
])
def test_a_seat_after_a_name_the_gazetteer_lacks_is_the_governorate(text, language):
    assert _located(text, language) == [("gov:SY-RA", 3)]


def test_a_seat_after_a_known_place_or_on_its_own_stays_the_city():
    assert _located("On 9 May 2024, a drone struck a car in Raqqa.") == [("gn:172955", 1)]
    assert _located("On 9 May 2024, a drone struck a car in Saraqib in Idlib.") == [("gn:164816", 1)]


@pytest.mark.parametrize("text", [
    "On 9 May 2024, regime forces shelled villages in the southern countryside of Raqqa.",
    "قصفت قوات النظام قرى في ريف الرقة الجنوبي يوم الخميس.",
])
def test_countryside_of_a_seat_with_no_finer_place_is_the_governorate(text):
    assert _located(text) == [("gov:SY-RA", 3)]


def test_the_area_between_two_places_is_near_the_first():
    text = "On 9 May 2024, Islamic State fighters ambushed a convoy in the area between Sukhnah and Palmyra."
    assert _located(text) == [("gn:172425", 2)]


@pytest.mark.parametrize("text, reason", [
    # a precision word with an attached ل or و+ب before the name
    ("قصفت المدفعية مناطق حدودية في ناحية سيدكان التابعة لقضاء سوران.", "Soran district"),
    ("قصفت المدفعية قرى وبريف منبج.", "countryside of Manbij"),
])
def test_precision_word_with_an_attached_preposition(text, reason):
    (event,) = extract_events(read_article_text(text, id="t", published=date(2024, 6, 7)))
    assert (event.geo_precision, event.geo_reason) == (2, reason)


@pytest.mark.parametrize("text, name", [
    ("Turkish drones struck oil facilities in the Rmelan area of Hasakah province on Saturday.", "Rmelan"),
    ("Israel said it struck targets in the area of Quneitra overnight.", "Quneitra"),
])
def test_the_area_of_a_town_is_near_it(text, name):
    p = places_by_surface(text, "en")[name]
    assert (p.precision, p.reason.startswith("in the area of")) == (2, True)


@pytest.mark.parametrize("text, language", [
    ("قتل ثلاثة عناصر بغارة إسرائيلية قرب القصير، وتسببت بانفجارات سُمعت أصداؤها في مدينة حمص.", "ar"),
    ("Israeli jets struck a depot near Masyaf on Sunday, and the blasts could be heard as far as Hama.", "en"),
])
def test_where_a_blast_was_only_heard_is_not_an_event_location(text, language):
    heard = [p for p in annotated(text, language)["places"] if p.place.name in ("Homs", "Hama")]
    assert heard and all(not p.usable for p in heard)


def test_the_area_of_a_town_in_arabic_is_near_it():
    p = places_by_surface("قصفت طائرات إسرائيلية مستودعاً في منطقة القصير صباح اليوم.", "ar")["القصير"]
    assert (p.precision, p.reason) == (2, "in the area of Al Qusayr")
