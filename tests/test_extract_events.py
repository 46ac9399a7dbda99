"""Events stage: strike sets, figures, dates and the wire-style fixture articles end to end."""
import json
from collections import namedtuple
from datetime import date
from pathlib import Path

import pytest

from extract.events import combine_figures, figure
from extract.model import Article
from extract.pipeline import extract_events
from extract.read import read_article_text, read_inputs

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
Casualty = namedtuple("Casualty", "kind count")


def events_of(text, published="2024-05-10", language=None):
    return extract_events(read_article_text(text, id="t", published=date.fromisoformat(published),
                                            outlet="Test Wire", language=language))


def test_disjoint_figures_add_up_and_repeated_ones_do_not():
    one_report = [Casualty("killed", 1), Casualty("injured", 1), Casualty("injured", 5)]
    assert figure(one_report, "killed") == 1 and figure(one_report, "injured") == 6
    assert figure([Casualty("injured", None)], "injured") is None
    assert figure([Casualty("killed", 0)], "killed") == 0
    assert combine_figures([None, 6, 6]) == 6 and combine_figures([None, None]) is None


def test_figure_for_two_places_together_goes_to_neither():
    text = "On 3 May 2024, US aircraft struck sites in the Mayadin desert and the Albukamal countryside, killing five fighters."
    events = events_of(text)
    assert len(events) == 2
    assert all(e.fatalities is None for e in events)
    assert {e.geo_precision for e in events} == {2}


@pytest.mark.parametrize("text, language", [
    ("كما قصفت المدفعية الإسرائيلية أطراف بلدتي الناقورة وعلما الشعب، من دون وقوع إصابات.", "ar"),
    ("Israeli artillery shelled the outskirts of the border towns of Naqoura and Alma al-Shaab, "
     "without causing casualties.", "en"),
])
def test_nobody_hurt_in_several_places_together_is_zero_for_each(text, language):
    events = events_of(text, language=language)
    assert len(events) == 2
    assert {(e.fatalities, e.injured, e.geo_precision) for e in events} == {(0, 0, 2)}


def test_explicit_none_is_zero_and_silence_is_null():
    quiet = events_of("On 3 May 2024, regime forces shelled Ariha with artillery.")
    assert quiet[0].fatalities is None
    none = events_of("On 3 May 2024, regime forces shelled Ariha with artillery, without causing casualties.")
    assert none[0].fatalities == 0


@pytest.mark.parametrize("tail", ["Neither injuries nor fatalities were reported.",
                                  "No casualties were reported.", "No fatalities were reported."])
def test_a_none_sentence_after_the_event_is_its_figure(tail):
    events = events_of(f"On 3 May 2024, regime forces shelled Ariha with artillery. {tail}")
    assert [e.fatalities for e in events] == [0]


def test_a_figure_sentence_skips_an_aside_without_a_place():
    # the drones are an aside (no place, no event): the figure still belongs to the shelling
    text = ("On 3 May 2024, regime forces shelled Ariha with artillery. Reconnaissance drones were seen "
            "flying over the area. Three civilians were killed.")
    events = events_of(text)
    assert [(e.location, e.fatalities) for e in events] == [("Ariha", 3)]


def test_one_strike_told_three_times_is_one_event():
    text = ("هجوم بطائرة مسيّرة يستهدف القوات الأميركية\n\n"
            "تعرضت القوات الأميركية لهجوم بطائرة مسيّرة مساء الخميس.\n\n"
            "وقالت وزارة الدفاع الأميركية إن الهجوم على القوات الأميركية استهدف قاعدة قرب الحسكة، "
            "ما أسفر عن مقتل متعاقد أميركي وإصابة خمسة جنود.\n\n"
            "وأضافت أن الطائرة المسيّرة إيرانية الصنع.")
    events = events_of(text, published="2023-03-24", language="ar")
    assert len(events) == 1
    e = events[0]
    assert (e.sub_event_type, e.event_date, e.geo_precision) == ("Air/drone strike", "2023-03-23", 2)
    assert (e.fatalities, e.injured, e.actor2) == (1, 5, "US forces")


def test_country_only_event_is_not_coded_but_a_governorate_is():
    assert events_of("On 3 May 2024, Israeli warplanes struck targets in Syria.") == []
    events = events_of("On 3 May 2024, Israeli warplanes struck targets in Homs province.")
    assert len(events) == 1 and events[0].geo_precision == 3 and events[0].admin1 == "Homs"


def test_coarse_mention_yields_to_the_finer_place_of_the_same_strike():
    text = ("US strikes in eastern Syria\n\n"
            "On Friday, US warplanes struck targets in eastern Syria. "
            "The strikes hit a weapons depot inside Deir ez-Zor city, killing six fighters, the Pentagon said.")
    events = events_of(text, published="2024-05-11")
    assert [(e.place_id, e.geo_precision, e.fatalities, e.event_date) for e in events] == [
        ("gn:170794", 1, 6, "2024-05-10")]                  # Deir ez-Zor city


def test_notes_and_excerpt_offsets():
    text = "On 3 May 2024, Turkish forces shelled the village of Ras al-Ain, wounding a child."
    e = events_of(text)[0]
    assert text[e.excerpt_start:e.excerpt_end] == e.excerpt
    assert e.notes.startswith("On 2024-05-03, Turkey shelled")
    assert e.source == "Test Wire" and e.language == "en"


@pytest.mark.parametrize("text", ["", "   ", "؟؟؟", "1:38 (1038 GMT)", "قصف " * 50, "On , in .", "\x00\ufffd",
                                  "غارة قرب", "near near near Homs Homs", "،،،" * 30])
def test_odd_text_gives_no_error(text):
    events = extract_events(Article(id="odd", text=text, published=date(2024, 5, 10)))
    assert isinstance(events, list)


def fixture_cases():
    for txt in sorted(FIXTURES.glob("*.txt")):
        expected = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))["expected_events"]
        yield pytest.param(txt, expected, id=txt.stem)


@pytest.mark.parametrize("path, expected", list(fixture_cases()))
def test_fixture_article_gives_its_expected_events(path, expected):
    (article,) = list(read_inputs([str(path)], {}))
    events = extract_events(article)
    got = {e.place_id: e for e in events}
    assert sorted(got) == sorted(x["location_id"] for x in expected), [e.location for e in events]
    for x in expected:
        e = got[x["location_id"]]
        for key, value in x.items():
            if key == "claimed_by":
                assert set(value) <= {c.claimant for c in e.claims}, (x["location_id"], key)
            elif key != "location_id":
                assert getattr(e, key) == value, (x["location_id"], key)


def test_fixtures_cover_both_languages():
    languages = [json.loads(p.read_text(encoding="utf-8"))["language"] for p in FIXTURES.glob("*.json")]
    assert languages.count("ar") >= 4 and languages.count("en") >= 4


def test_place_named_by_its_governorate_is_one_event():
    events = events_of("On 3 May 2024, an IED exploded near Basira town in Deir-ez-Zor, wounding two SDF members.")
    assert len(events) == 1 and events[0].place_id not in ("gn:170794", "gov:SY-DY")


def test_reference_place_after_a_direction_is_not_an_event():
    events = events_of("انفجرت عبوة ناسفة صباح اليوم داخل بلدة الشدادي جنوب الحسكة.", language="ar")
    assert [e.place_id for e in events] == ["gn:172837"]


def test_between_two_places_is_one_event_at_the_first():
    events = events_of("On 3 May 2024, gunmen opened fire on a patrol on the road between Manbij and Jarabulus.")
    assert [e.place_id for e in events] == ["gn:167357"]          # Manbij


def test_a_namesake_far_from_the_reference_place_gives_way_to_it():
    # Israel's Maghar is no village west of Kobani: the event is near Kobani
    text = "A Turkish drone struck a car near the village of Maghar, west of Kobani, on Tuesday."
    [event] = events_of(text, language="en")
    assert (event.location, event.geo_precision) == ("Ayn al Arab", 2)


def test_an_undated_event_does_not_take_the_date_of_one_told_after_it_that_the_headline_sums_up():
    text = ("Shelling hits northern Syria\n\nClashes broke out between Iran-backed militias and Islamic State "
            "cells in the desert east of Mayadin, leaving five fighters dead. Regime forces shelled the "
            "countryside of Manbij on Saturday morning, without causing casualties.")
    got = {e.sub_event_type: (e.event_date, e.time_precision) for e in events_of(text)}
    assert got == {"Armed clash": ("2024-05-10", 2), "Shelling/artillery/missile attack": ("2024-05-04", 1)}


@pytest.mark.parametrize("text, attacker", [
    ("قصف تركي على قرى قرب تل تمر صباح اليوم.", "Turkey"),
    ("قصف روسي على أطراف سراقب صباح اليوم.", "Russia"),
])
def test_the_masculine_nationality_after_shelling_names_the_attacker(text, attacker):
    assert events_of(text, language="ar")[0].actor1 == attacker


@pytest.mark.parametrize("text, language", [
    ("استهدفت طائرة مسيرة إسرائيلية سيارة على طريق القنيطرة - دمشق قرب بلدة خان أرنبة، ما أدى إلى مقتل شخصين، "
     "صباح اليوم الجمعة.", "ar"),
    ("IS fighters attacked a bus on the road between Mayadin and Palmyra near Sukhnah on Friday, killing two "
     "soldiers.", "en"),
])
def test_a_town_named_along_a_road_says_where_on_it(text, language):
    [event] = events_of(text, language=language)
    assert (event.geo_precision, event.fatalities) == (2, 2)
    assert event.location in ("Khan Arnabah", "As Sukhnah")


def test_the_provinces_of_two_governorates_are_both_coded():
    text = ("Israeli strikes targeted Syrian army positions in the southern provinces of Daraa and Quneitra "
            "early Friday, causing material damage.")
    assert {(e.place_id, e.geo_precision) for e in events_of(text, language="en")} == {("gov:SY-DR", 3), ("gov:SY-QU", 3)}


@pytest.mark.parametrize("text", [
    "An IED exploded near an SDF patrol near Shaddadi on Monday. In a separate incident, a landmine exploded "
    "in the desert, killing a shepherd.",
    "انفجرت عبوة ناسفة بدورية لقسد قرب الشدادي يوم الاثنين. وفي حادثة أخرى، قُتل راع بانفجار لغم أرضي في البادية.",
])
def test_a_sentence_opened_by_in_a_separate_incident_tells_another_event(text):
    # the shepherd was not killed at Shaddadi
    assert [(e.location, e.fatalities) for e in events_of(text)] == [("Ash Shaddadah", None)]


def test_an_assassination_kills_the_one_person_it_names():
    text = "اغتال مسلحون مجهولون، مساء الأحد، مختار قرية الطيانة بريف دير الزور الشرقي، بإطلاق النار عليه."
    [event] = events_of(text, language="ar")
    assert (event.fatalities, event.actor1, event.actor2) == (1, "Unidentified armed group", "Civilians")


@pytest.mark.parametrize("text, language", [
    ("أصيب خمسة مدنيين جراء سقوط قذائف صاروخية على حي الحمدانية في مدينة حلب ظهر اليوم. وفي وقت لاحق، ردت "
     "وحدات من الجيش السوري على مصادر إطلاق القذائف بضربات مدفعية.", "ar"),
    ("Rockets fell on the Hamdaniyah district of Aleppo city on Saturday, wounding five civilians. Later, "
     "the Syrian army responded to the sources of fire with artillery strikes.", "en"),
])
def test_the_side_that_hit_back_did_not_fire_the_attack_it_answered(text, language):
    [event] = events_of(text, language=language)
    assert (event.location, event.actor1, event.injured) == ("Aleppo", None, 5)


def test_the_attack_an_answer_retaliated_for_keeps_its_own_sides_date_and_figures():
    text = ("U.S. fighter jets struck two facilities in eastern Syria used by Iran's Revolutionary Guard and "
            "affiliated militias late Sunday, the Pentagon said, in "
            "retaliation for a drone attack that wounded four American service members at the Rumeilan base "
            "earlier in the week.\n\nOfficials said the strikes targeted a depot near Mayadin.")
    by_place = {e.location.split()[0]: e for e in events_of(text, published="2023-11-13", language="en")}
    strike, drone = by_place["Al"], by_place["Rmelan"]
    assert (strike.actor1, strike.event_date, strike.injured) == ("US forces", "2023-11-12", None)
    # "the strikes" are the answer, not the drone attack told in passing before them
    assert (drone.actor1, drone.actor2, drone.injured) == ("Iran-aligned militias", "US forces", 4)
    assert (drone.event_date, drone.time_precision) == ("2023-11-11", 2)


def test_a_district_read_as_a_namesake_far_away_gives_way_to_its_city():
    # Iraq's Hamdaniya is no district of Aleppo
    text = "Rockets fell on the Hamdaniyah district of Aleppo city on Saturday, wounding five civilians."
    assert [(e.location, e.country) for e in events_of(text, language="en")] == [("Aleppo", "Syria")]


@pytest.mark.parametrize("text, expected", [
    # a side of a city of millions is part of the city; a side of a smaller seat, its governorate
    ("A U.S. drone strike on a vehicle in eastern Baghdad on Wednesday killed a commander.", ("Baghdad", "gn:98182", 2)),
    ("Turkish drones struck a car in eastern Raqqa on Wednesday, killing a commander.", ("Raqqa", "gov:SY-RA", 3)),
])
def test_a_side_of_a_big_city_is_in_the_city(text, expected):
    [event] = events_of(text, language="en")
    assert (event.location, event.place_id, event.geo_precision) == expected


@pytest.mark.parametrize("text, language", [
    ("Turkish warplanes pounded PKK positions in the Amadiya district of Duhok province on Saturday, hours "
     "after nine Turkish soldiers were killed in clashes with the group.", "en"),
    ("قصفت طائرات تركية مواقع لحزب العمال الكردستاني في قضاء العمادية مساء السبت، بعد ساعات من مقتل تسعة "
     "جنود أتراك في اشتباكات مع الحزب.", "ar"),
])
def test_a_figure_told_with_another_event_word_is_that_events(text, language):
    # the nine died in the clashes, not in the strikes that followed
    [event] = events_of(text, language=language)
    assert (event.sub_event_type, event.fatalities) == ("Air/drone strike", None)


def test_civilians_said_unharmed_are_not_the_side_hit():
    text = "Turkish warplanes struck PKK positions near Amadiya on Saturday, and no civilian casualties were reported."
    [event] = events_of(text, language="en")
    assert (event.actor2, event.fatalities, event.injured) == ("PKK", 0, 0)


def test_targets_named_after_weapons_are_no_events_and_after_opens_another_events_clause():
    text = ("The Israeli military said on Sunday its jets struck Syrian army targets in Quneitra and Daraa provinces, "
            "including artillery positions, after rockets were fired from Syria towards the Golan Heights overnight.")
    got = {(e.location, e.sub_event_type, e.actor1) for e in events_of(text, published="2023-04-09", language="en")}
    # no shelling by the Syrian army out of "artillery positions"; the rockets' author is not named
    assert got == {("Quneitra", "Air/drone strike", "Israel"), ("Daraa", "Air/drone strike", "Israel"),
                   ("Golan Heights", "Shelling/artillery/missile attack", None)}


def test_an_event_a_day_before_the_news_is_recalled_not_joined():
    text = ("U.S. forces struck Kataib Hezbollah facilities in Jurf al-Sakhar in Iraq early on Tuesday, "
            "a day after a drone attack on Tower 22 killed three U.S. soldiers.")
    tower = [e for e in events_of(text, language="en") if e.place_id == "fac:tower-22"]
    assert tower and (tower[0].actor1, tower[0].event_date, tower[0].fatalities) == (None, "2024-05-06", 3)


@pytest.mark.parametrize("text, language", [
    ("قصفت المدفعية التركية، صباح اليوم، محيط قرى في ناحية كاني ماسي التابعة لقضاء العمادية بمحافظة دهوك، "
     "دون ورود معلومات عن خسائر بشرية.", "ar"),
    ("Turkish artillery shelled villages in Kani Masi in Amadiya district of Duhok province on Wednesday.", "en"),
])
def test_a_district_a_subdistrict_lies_in_only_says_where(text, language):
    [event] = events_of(text, language=language)
    assert (event.location, event.geo_precision) == ("Kani Masi", 2 if language == "ar" else 1)


def test_a_motorcycle_rigged_with_explosives_that_blew_up_is_an_explosive_event():
    text = ("Separately, a motorcycle rigged with explosives blew up in the town of Azaz in the northern Aleppo "
            "countryside, wounding seven people, the monitor said.")
    [event] = events_of(text, language="en")
    assert (event.sub_event_type, event.location, event.injured) == ("Remote explosive/landmine/IED", "Izaz", 7)


def test_a_place_of_the_governorate_a_seat_stands_for_is_no_namesake():
    # Sukhnah lies 150 km from Homs city, in eastern Homs governorate
    text = ('قتل عنصران من قوات النظام إثر هجوم نفذته خلايا تنظيم "الدولة الإسلامية" على نقطة عسكرية في بادية '
            'السخنة شرقي حمص، مساء أمس.')
    [event] = events_of(text, language="ar")
    assert (event.location, event.actor1, event.actor2, event.fatalities) == \
        ("As Sukhnah", "Islamic State", "Syrian government", 2)


@pytest.mark.parametrize("text, language", [
    ("Rockets hit the Ain al-Asad air base, 180 km west of Baghdad, on Monday.", "en"),
    ("سقطت صواريخ على قاعدة عين الأسد الجوية، على بعد 180 كم غرب بغداد، يوم الاثنين.", "ar"),
])
def test_a_place_said_to_lie_far_from_a_reference_keeps_its_reading(text, language):
    assert [e.location for e in events_of(text, language=language)] == ["Ain al-Asad Air Base"]


@pytest.mark.parametrize("text, place", [
    ("Rockets hit the al-Tanf garrison, east of Damascus, on Monday.", "Al-Tanf Garrison"),
    ("Drones struck Deir ez-Zor, east of Raqqa, on Monday.", "Deir ez-Zor"),
])
def test_a_real_place_far_from_its_reference_in_the_same_country_stays(text, place):
    assert [e.location for e in events_of(text, language="en")] == [place]


def test_where_people_come_from_is_not_where_it_happened():
    events = events_of("On 3 May 2024, HTS executed a man who is from Manbij in the town of Saraqib.")
    assert [e.place_id for e in events] == ["gn:164816"]          # Saraqib


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

WORDS = ["غارة", "قصف", "صواريخ", "قرب", "ريف", "داخل مدينة", "دير الزور", "الميادين", "و", "،", ".", "\n\n",
         "مقتل", "ستة", "قالت", "البنتاغون", "إن", "الخميس", "airstrike", "near", "Idlib", "the", "attack",
         "killed", "3", "civilians", "said", "between", "and", "Homs", "rural", "(Reuters) -", "US forces", "ّ"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join))
def test_any_mix_of_event_words_never_raises_and_offsets_hold(text):
    for e in extract_events(Article(id="p", text=text, published=date(2024, 5, 10))):
        assert text[e.excerpt_start:e.excerpt_end] == e.excerpt
        assert e.geo_precision in (1, 2, 3) and e.latitude is not None
        assert e.fatalities is None or e.fatalities >= 0


def test_a_name_said_to_lie_in_a_governorate_is_read_there():
    events = events_of("On 9 May 2024, gunmen opened fire at a man at a checkpoint in Eastern Ghariyeh in Dar'a.")
    assert len(events) == 1 and events[0].admin1 == "Daraa"


@pytest.mark.parametrize("background", [
    "The man had been arrested in Saraqib.",
    "Last year's attack on Saraqib killed three soldiers.",
    "Turkish forces have shelled Saraqib since 2019.",
    "A car bomb exploded in Saraqib in 2021.",
])
def test_background_sentences_yield_no_event(background):
    events = events_of(f"On 3 May 2024, regime forces shelled Ariha with artillery. {background}")
    assert [e.location for e in events] == ["Ariha"]


def test_arabic_background_sentence_yields_no_event():
    text = ("قصفت قوات النظام مدينة أريحا يوم الخميس بالمدفعية. "
            "وكانت غارة العام الماضي على سراقب قد أسفرت عن مقتل خمسة مدنيين.")
    assert [e.location for e in events_of(text, language="ar")] == ["Ariha"]


def test_recent_wording_is_not_background():
    # "since Thursday" and a past perfect with its own date speak of the news
    text = ("On 3 May 2024, regime forces have shelled Ariha since Thursday. Local sources said a drone "
            "had struck a car near Saraqib on Friday, killing two.")
    assert {e.location for e in events_of(text)} == {"Ariha", "Saraqib"}


@pytest.mark.parametrize("text, language", [
    ("On 3 May 2024, gunmen targeted a checkpoint in Ariha with a grenade.", "en"),
    ("استهدف مسلحون مجهولون حاجزاً في أريحا بقنبلة يدوية يوم الجمعة.", "ar"),
])
def test_a_weapon_named_as_the_instrument_sets_the_type(text, language):
    assert [e.sub_event_type for e in events_of(text, language=language)] == ["Grenade"]


@pytest.mark.parametrize("text, language, expected", [
    # the weapon noun as the subject of a generic strike word says how the strike was made
    ("قصفت طائرات إسرائيلية مستودعاً للأسلحة قرب مصياف مساء الأحد.", "ar", ("Air/drone strike", "Israel")),
    ("وقصف الطيران الروسي أطراف بلدة سراقب صباح الاثنين.", "ar", ("Air/drone strike", "Russia")),
    ("واستهدفت طائرات تركية قرية قرب القامشلي صباح الاثنين.", "ar", ("Air/drone strike", "Turkey")),
    ("Turkish artillery struck villages near Tal Abyad on Monday.", "en", ("Shelling/artillery/missile attack", "Turkey")),
    ("Russian aircraft bombed the outskirts of Saraqib on Monday.", "en", ("Air/drone strike", "Russia")),
    # a plane named further on is not the subject: the verb keeps its own type
    ("قصفت المدفعية التركية قرية قرب القامشلي صباح الاثنين بعد تحليق طائرات استطلاع.", "ar",
     ("Shelling/artillery/missile attack", "Turkey")),
    # an aircraft that fires missiles carries out an air strike
    ("قالت مصادر محلية إن طائرة تركية استهدفت سيارة بصاروخين قرب سنجار مساء الاثنين.", "ar",
     ("Air/drone strike", "Turkey")),
])
def test_a_weapon_as_the_subject_sets_the_type(text, language, expected):
    assert [(e.sub_event_type, e.actor1) for e in events_of(text, language=language)] == [expected]


def test_an_english_weapon_after_the_verb_is_its_object():
    events = events_of("Gunmen targeted aircraft at Kuweires air base on Monday.", language="en")
    assert events and "Air/drone strike" not in {e.sub_event_type for e in events}


def test_a_weapon_noun_leaves_a_non_violent_word_alone():
    from extract.lexicons import FoldedText
    from extract.triggers import find_triggers
    [t] = find_triggers(FoldedText("Syrian aircraft intercepted a convoy near Hama."))
    assert t.sub_event_type == "Disrupted weapons use"


def test_the_subject_noun_of_a_targeting_verb_keeps_it_referring_back():
    text = ("نفذت طائرات أميركية غارات جوية مساء الخميس على مواقع قرب الميادين. "
            "كذلك استهدف القصف مواقع في ريف البوكمال.")
    assert {(e.location, e.sub_event_type, e.actor1) for e in events_of(text, language="ar")} == {
        ("Al Mayadin", "Air/drone strike", "US forces"), ("Albu Kamal", "Air/drone strike", "US forces")}


@pytest.mark.parametrize("text", [
    "Syrian air defences intercepted Israeli missiles over Hama on Monday, state media said.",
    "DAMASCUS (SANA) - Syrian air defences intercepted an Israeli missile attack targeting sites near "
    "Hama at dawn on Monday, shooting down most of the missiles, a military source said.",
])
def test_the_side_that_intercepts_is_the_one_struck(text):
    assert [(e.actor1, e.actor2) for e in events_of(text, language="en")] == [("Israel", "Syrian government")]


def test_a_weapon_introduced_by_with_a_clause_later_is_the_instrument():
    text = ("Iran's Revolutionary Guards struck a headquarters in Erbil, in Iraq's Kurdistan region, "
            "with ballistic missiles, killing four civilians.")
    assert [(e.location, e.sub_event_type, e.fatalities) for e in events_of(text, language="en")] == [
        ("Erbil", "Shelling/artillery/missile attack", 4)]


@pytest.mark.parametrize("text", [
    "Israeli strikes on a building in Damascus killed two people on Wednesday, state media said, adding "
    "that the attack came from the direction of the occupied Golan Heights.",
    "Israeli missiles hit Hama on Monday. The missiles came from the direction of the Mediterranean, "
    "west of Latakia, state media said.",
])
def test_an_origin_with_a_word_or_a_bearing_between_is_not_an_event_location(text):
    assert {e.location for e in events_of(text, language="en")} <= {"Damascus", "Hama"}


def test_a_place_after_an_origin_clause_is_still_the_event_location():
    text = ("Police forces clashed with a faction whose fighters are from Deir ez-Zor, in the town of "
            "Jarabulus in the northern countryside of Aleppo, on Friday.")
    assert "Jarabulus" in {e.location for e in events_of(text, language="en")}


def test_the_governorate_after_a_base_is_no_event_when_the_weapon_follows():
    text = "أعلنت المقاومة الإسلامية في العراق، في بيان، استهداف قاعدة حرير الأميركية في أربيل بطائرة مسيرة، صباح اليوم."
    events = events_of(text, language="ar")
    assert [(e.location, e.actor1, e.actor2) for e in events] == [
        ("Harir Air Base (Bashur Airfield)", "Iran-aligned militias", "US forces")]
    assert [(c.claimant, c.stance) for c in events[0].claims] == [("Iran-aligned militias", "claim")]


def test_an_inghimasi_raid_is_an_attack_on_the_side_it_storms():
    text = "قتل عدد من عناصر قوات النظام بعملية انغماسية نفذتها هيئة تحرير الشام على محور قرب الأتارب."
    [event] = events_of(text, language="ar")
    assert (event.sub_event_type, event.actor1, event.actor2) == ("Armed clash", "Hayat Tahrir al-Sham", "Syrian government")


@pytest.mark.parametrize("text, language, expected", [
    ("Regime forces shelled Kafranbel in southern Idlib on Tuesday, and in Hasakah artillery shelled the "
     "village of Tal Tamr.", "en", {"Kafranbel", "Tall Tamr"}),
    ("In Deir ez-Zor, US jets struck sites near Mayadin on Monday.", "en", {"Al Mayadin"}),
    ("وفي الحسكة، قصفت المدفعية التركية قرية تل تمر صباح الاثنين.", "ar", {"Tall Tamr"}),
    # the city itself, or two places side by side, stay events
    ("In Hasakah city, drones struck a car near Qamishli on Monday.", "en", {"Al Hasakah", "Al Qamishli"}),
    ("Regime forces shelled Hasakah and Tal Tamr on Monday.", "en", {"Al Hasakah", "Tall Tamr"}),
])
def test_a_clause_opened_by_in_and_a_governorate_only_says_where(text, language, expected):
    assert {e.location for e in events_of(text, language=language)} == expected


def test_a_later_event_in_another_clause_stays_apart():
    text = "On 3 May 2024, gunmen attacked a bus near Ariha, and later a drone struck Saraqib."
    assert sorted(e.sub_event_type for e in events_of(text)) == ["Air/drone strike", "Attack"]


@pytest.mark.parametrize("text, expected", [
    # a precision word before coordinated names covers each of them
    ("On 4 May 2024, US jets struck two sites near Abu Kamal and Mayadin.", {"gn:174448": 2, "gn:173480": 2}),
    ("قصفت طائرات روسية مواقع قرب البوكمال والميادين مساء السبت.", {"gn:174448": 2, "gn:173480": 2}),
    # after a comma a new clause begins: Qamishli's own wording decides
    ("Turkish artillery shelled villages near Tal Tamer, and a drone struck a car in Qamishli.",
     {"gn:163434": 2, "gn:173377": 1}),
])
def test_precision_phrase_covers_coordinated_places(text, expected):
    assert {e.place_id: e.geo_precision for e in events_of(text)} == expected


def test_countryside_of_two_governorates_is_two_events_each_with_its_own_figure():
    events = events_of("On 4 May 2024, Russian jets struck the countryside of Hama and Idlib, killing 5 people. "
                       "Regime artillery later shelled the countryside of Daraa, without casualties.")
    got = {e.place_id: (e.geo_precision, e.fatalities) for e in events}
    # the 5 were told for Hama and Idlib together: neither gets them; Daraa's "without casualties" is its own
    assert got == {"gov:SY-HM": (3, None), "gov:SY-ID": (3, None), "gov:SY-DR": (3, 0)}


@pytest.mark.parametrize("text", [
    "On 4 May 2024, rockets coming from the direction of Tal Abyad hit Ain Issa, wounding two people.",
    # two origin phrases overlap ("قادمة من" and "من اتجاه"); a settlement word may stand between
    "سقطت قذائف صاروخية قادمة من اتجاه مدينة تل أبيض على بلدة عين عيسى، ما أدى إلى إصابة شخصين.",
])
def test_where_the_fire_came_from_is_not_an_event_location(text):
    assert [(e.place_id, e.injured) for e in events_of(text)] == [("gn:172134", 2)]


@pytest.mark.parametrize("text", [
    "A Turkish drone strike killed three YBS fighters in Sinjar district on Monday.",
    "قتل ثلاثة مقاتلين بغارة تركية بطائرة مسيرة في قضاء سنجار يوم الإثنين.",
])
def test_a_district_is_near_its_seat(text):
    (event,) = events_of(text)
    assert (event.place_id, event.geo_precision, event.geo_reason, event.fatalities) == \
        ("gn:448149", 2, "Sinjar district", 3)


def test_state_media_aggression_is_an_israeli_air_strike_with_its_dual_victims():
    # SANA's wording: "عدوان إسرائيلي"; "مدنيان" is a nominative dual, two civilians
    (event,) = events_of("دمشق (سانا)- استشهد مدنيان وأصيب ثلاثة آخرون جراء عدوان إسرائيلي استهدف مبنى "
                         "سكنياً في حي كفرسوسة بدمشق فجر اليوم.", published="2024-02-21")
    assert (event.place_id, event.sub_event_type, event.actor1, event.fatalities, event.injured) == \
        ("fac:kafr-sousa", "Air/drone strike", "Israel", 2, 3)


@pytest.mark.parametrize("text, place_id", [
    # the possessive city only says where the facility is
    ("Two rockets struck inside Baghdad's heavily fortified Green Zone early Wednesday.",
     "fac:green-zone-baghdad"),
    # "in Deir ez-Zor" a clause later, with no event word between, names the field's governorate
    ("A drone attack targeted the Conoco gas field, which hosts a base of the U.S.-led coalition in "
     "Deir ez-Zor, on Friday night.", "fac:conoco-gas-field"),
])
def test_a_place_that_only_says_where_another_is_gives_no_event(text, place_id):
    assert [e.place_id for e in events_of(text)] == [place_id]


def test_a_governorate_after_another_event_word_is_its_own_event():
    events = events_of("A drone struck the Conoco gas field, and artillery shelled villages in Deir ez-Zor.")
    assert {e.place_id for e in events} == {"fac:conoco-gas-field", "gn:170794"}


def test_an_event_dated_months_before_publication_is_recalled_not_reported():
    events = events_of("A drone attack on al-Tanf garrison wounded two U.S. troops on Sunday. "
                       "Last October, a similar drone attack on the Conoco gas field wounded three.",
                       published="2024-01-29")
    assert [(e.place_id, e.injured, e.event_date) for e in events] == \
        [("fac:al-tanf-garrison", 2, "2024-01-28")]


@pytest.mark.parametrize("text, reason", [
    ("An IED detonated near an army bus on the Palmyra-Homs highway early Thursday, killing 18 soldiers.",
     "on the Tadmur-Homs road"),
    ("انفجرت عبوة ناسفة بحافلة للجيش على طريق تدمر - حمص فجر الخميس، ما أدى إلى مقتل 18 جندياً.",
     "on the Tadmur-Homs road"),
])
def test_a_road_between_two_towns_is_one_event_near_the_first(text, reason):
    (event,) = events_of(text, published="2023-08-10")
    assert (event.place_id, event.geo_precision, event.geo_reason, event.fatalities) == \
        ("gn:163808", 2, reason, 18)


def test_a_governorate_with_an_event_word_after_it_is_not_taken_for_a_qualifier():
    events = events_of("A Turkish drone struck a car near Qamishli; in Hasakah, regime artillery shelled a village.")
    assert {"gn:173377", "gn:173811"} <= {e.place_id for e in events}


@pytest.mark.parametrize("text, notes", [
    ("A car bomb exploded in the town of Azaz on Saturday, killing five people.",
     "On 2024-05-04, an unidentified actor hit civilians with an explosive device in Izaz town; 5 killed."),
    ("Regime forces shelled Kafranbel on Tuesday.", "On 2024-05-07, Syrian government carried out shelling in Kafranbel."),
])
def test_notes_read_as_a_sentence(text, notes):
    assert [e.notes for e in events_of(text, language="en")] == [notes]


def test_a_town_right_after_a_facility_only_says_where_it_is():
    text = ("Two drones targeted the Kharab al-Jir airbase used by US forces in the Rmelan countryside of "
            "Hasakah, with no reports of injuries, a source told North Press.")
    [event] = events_of(text, language="en")
    assert (event.place_id, event.actor2, event.claims) == ("fac:rmelan-airstrip", "US forces", [])


@pytest.mark.parametrize("text, language", [
    ("قُتل مدنيان، مساء الثلاثاء، جراء قصف بطائرة مسيّرة تركية استهدف سيارة قرب قرية تل حميس بريف القامشلي.", "ar"),
    ("A Turkish drone struck a car near the village of Tal Hamis in the Qamishli countryside on Tuesday, "
     "killing two civilians.", "en"),
])
def test_a_village_in_the_countryside_of_a_town_is_one_event_there(text, language):
    [event] = events_of(text, language=language)
    assert (event.location, event.geo_precision, event.fatalities) == ("Tall Hamis", 2, 2)


def test_a_village_and_the_countryside_of_a_town_are_two_places():
    text = "Turkish artillery shelled Tal Hamis and the countryside of Qamishli on Tuesday."
    assert [e.location for e in events_of(text, language="en")] == ["Tall Hamis", "Al Qamishli"]


def test_a_town_just_across_the_border_is_not_moved_into_the_governorate_named():
    text = ("U.S. jets struck a weapons depot near al-Qaim in Anbar province and an ammunition depot near "
            "Albukamal, just across the border, on Friday. Kataib Hezbollah said two of its fighters were "
            "killed in the strike near al-Qaim.")
    got = [(e.location, e.country, e.fatalities) for e in events_of(text, language="en")]
    # the figure told of the strike near al-Qaim alone is al-Qaim's, not Albukamal's
    assert got == [("Al Qaim", "Iraq", 2), ("Albu Kamal", "Syria", None)]


def test_a_homonym_abroad_far_from_the_sentences_places_is_still_dropped():
    text = "A landmine exploded in Sinjar area west of As-Saan in Hama countryside on Monday, injuring a child."
    assert [e.country for e in events_of(text, language="en")] == ["Syria"]


def test_a_governorate_where_the_set_has_no_finer_place_is_struck_too():
    text = ("شن الطيران الإسرائيلي فجر اليوم غارات استهدفت مواقع عسكرية بريف حماة الغربي، ومواقع أخرى في "
            "منطقة الديماس بريف دمشق.")
    got = {(e.location, e.geo_precision) for e in events_of(text, language="ar")}
    assert got == {("Ad Dimas", 2), ("Hama", 3)}


def test_a_named_region_beside_a_finer_place_only_says_where():
    text = "A landmine exploded near Sukhnah in Homs countryside on Monday, injuring a shepherd grazing sheep in the Badia."
    assert [e.location for e in events_of(text, language="en")] == ["As Sukhnah"]


@pytest.mark.parametrize("text, published, language, expected", [
    ("U.S. jets struck a weapons depot near Mayadin on Thursday evening, U.S. Central Command said. "
     "The strikes came days after similar strikes on weapons depots near Qamishli.", "2024-05-10", "en",
     [("Al Mayadin", "2024-05-09", 1, "US forces", 1), ("Al Qamishli", "2024-05-06", 2, None, 0)]),
    ("شن الطيران الإسرائيلي فجر اليوم الأربعاء غارات على مواقع في منطقة الديماس بريف دمشق. "
     "وتأتي هذه الغارات بعد أسبوع من ضربات مماثلة استهدفت مطار حلب الدولي.", "2023-09-13", "ar",
     [("Ad Dimas", "2023-09-13", 1, "Israel", 0), ("Aleppo International Airport", "2023-09-06", 2, None, 0)]),
])
def test_similar_strikes_recalled_are_an_earlier_event_of_their_own(text, published, language, expected):
    # dated by their own words, taking no side, date or source from the events they are compared with
    got = [(e.location, e.event_date, e.time_precision, e.actor1, len(e.claims))
           for e in events_of(text, published=published, language=language)]
    assert got == expected


def test_state_medias_accusative_aggression_is_an_air_strike_by_israel():
    text = ("ارتقى عسكريان اثنان. وقال مصدر عسكري: نفذ العدو الإسرائيلي عدواناً جوياً من اتجاه الجولان "
            "السوري المحتل، مستهدفاً بعض النقاط في محيط مدينة الكسوة بريف دمشق الجنوبي، فجر اليوم.")
    [event] = events_of(text, published="2024-02-18", language="ar")
    assert (event.sub_event_type, event.actor1, event.location) == ("Air/drone strike", "Israel", "Al Kiswah")


def test_a_figure_told_with_one_town_is_its_own_and_the_outskirts_of_two_towns_are_near_them():
    text = ("قُتل مدنيان، أمس، جراء قصف صاروخي لقوات النظام استهدف الأحياء السكنية في مدينة سرمين بريف إدلب "
            "الشرقي. كما طال القصف أطراف بلدتي آفس والنيرب، ما أسفر عن سقوط جرحى.")
    got = [(e.location, e.geo_precision, e.fatalities) for e in events_of(text, language="ar")]
    assert got[0] == ("Sarmin", 1, 2)
    assert ("Afis", 2, None) in got


def test_a_word_of_a_sources_name_is_no_place():
    text = ("Three rockets hit the vicinity of the U.S. embassy in Baghdad's Green Zone late Sunday, the "
            "Iraqi Security Media Cell said in a statement.")
    assert [e.place_id for e in events_of(text, language="en")] == ["fac:green-zone-baghdad"]


def test_the_side_neutralized_is_the_one_struck():
    text = ("Turkish forces neutralized 9 PKK terrorists in airstrikes on the Gara region of northern Iraq, "
            "the National Defense Ministry said on Saturday.")
    [event] = events_of(text, language="en")
    assert (event.actor1, event.actor2, event.place_id) == ("Turkey", "PKK", "fac:gara-mountain")
    # the ministry telling of its own forces' strike claims it
    assert [(c.claimant, c.stance) for c in event.claims] == [("Turkish Ministry of National Defence", "claim")]


@pytest.mark.parametrize("text, language", [
    ("Turkish forces targeted a group of SDF fighters with artillery shells as they were trying to "
     "infiltrate near Tal Abyad on Saturday.", "en"),
    ("قصفت القوات التركية مجموعة من مقاتلي قسد أثناء محاولتهم التسلل قرب تل أبيض يوم السبت.", "ar"),
])
def test_what_the_side_struck_was_trying_to_do_is_no_event_of_its_own(text, language):
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in events_of(text, language=language)] == [
        ("Shelling/artillery/missile attack", "Turkey", "SDF")]


def test_another_charge_that_exploded_is_its_own_event_with_its_own_figures():
    text = ("قتل شخصان وأصيب ثلاثة آخرون بانفجار عبوة ناسفة في مدينة الباب بريف حلب الشرقي، الأحد، فيما "
            "انفجرت عبوة أخرى في مدينة جرابلس دون وقوع إصابات.")
    assert [(e.location, e.fatalities, e.injured) for e in events_of(text, language="ar")] == [
        ("Al Bab", 2, 3), ("Jarabulus", 0, 0)]


def test_a_drone_belonging_to_a_side_is_that_sides_and_a_military_council_is_no_place():
    text = ("رصد المرصد السوري استهداف طائرة مسيرة تابعة للقوات التركية، دراجة نارية على طريق عين عيسى - "
            "تل أبيض بريف الرقة الشمالي، ما أدى لمقتل عنصرين من مجلس تل أبيض العسكري.")
    assert [(e.actor1, e.actor2, e.place_id, e.fatalities) for e in events_of(text, language="ar")] == [
        ("Turkey", "SDF", "gn:172134", 2)]


def test_the_desert_of_a_governorate_is_as_coarse_as_the_governorate():
    text = ("نفذت طائرات حربية روسية 12 غارة جوية على مناطق في بادية حماة الشرقية وريف الرقة الجنوبي، ضمن "
            "عملياتها ضد خلايا تنظيم الدولة الإسلامية.")
    assert {(e.location, e.geo_precision) for e in events_of(text, language="ar")} == {("Hama", 3), ("Raqqa", 3)}


def test_tribal_gunmen_clashing_with_the_sdf():
    text = ("اندلعت اشتباكات بين مسلحين من عشائر عربية وقوات سوريا الديمقراطية في بلدة ذيبان بريف دير الزور "
            "الشرقي، أسفرت عن مقتل ثلاثة من عناصر قسد واثنين من المسلحين.")
    [event] = events_of(text, language="ar")
    assert (event.actor1, event.actor2, event.fatalities) == ("Arab tribal militias", "SDF", 5)


def test_a_named_region_in_the_sentence_does_not_move_a_city_to_its_governorate():
    # the Qalamoun lies in Rural Damascus; "near Damascus" is still the city, not its airport
    text = ("Israeli warplanes struck targets in the vicinity of Damascus and in the Qalamoun region on "
            "Thursday night, Syrian state media said.")
    assert "gn:170654" in {e.place_id for e in events_of(text, language="en")}


def test_an_english_verb_after_said_or_that_refers_back_to_nothing():
    # "said it had targeted": a verb, not "the said attack"; its weapon still types it
    text = "The Islamic Resistance in Iraq said it had targeted the al-Tanf base with drones on Tuesday."
    [event] = events_of(text, language="en")
    assert (event.sub_event_type, event.actor1) == ("Air/drone strike", "Iran-aligned militias")


def test_on_the_road_to_a_place_is_near_it():
    text = "قصفت مسيّرة إسرائيلية سيارة على طريق مطار دمشق الدولي، مساء الثلاثاء، ما أسفر عن مقتل ثلاثة أشخاص."
    [event] = events_of(text, language="ar")
    assert (event.place_id, event.geo_precision, event.fatalities) == ("fac:damascus-international-airport", 2, 3)


def test_the_speaker_named_as_a_side_is_no_side_of_the_event_it_reports():
    # "U.S. Central Command said": the speaker, not the attacker of the drone attack told after it
    text = ("U.S. forces struck Kataib Hezbollah facilities in Jurf al-Sakhar in Iraq early on Tuesday, "
            "U.S. Central Command said, a day after a drone attack on Tower 22.")
    tower = [e for e in events_of(text, language="en") if e.place_id == "fac:tower-22"]
    assert tower and tower[0].actor1 != "US forces"


@pytest.mark.parametrize("text, language, place_id, precision", [
    ("An Israeli airstrike on the Syrian capital on Sunday killed a senior adviser of the Revolutionary "
     "Guard, Iranian state media said.", "en", "gn:170654", 1),
    ("A bomb hidden in a motorcycle exploded near an army checkpoint in the southern city of Daraa on "
     "Thursday, killing three soldiers.", "en", "gn:170905", 1),
    ("قالت وزارة الصحة إن غارة إسرائيلية على سيارة في بلدة النبطية جنوبي لبنان أدت إلى مقتل ثلاثة أشخاص.",
     "ar", "gn:278913", 1),
])
def test_places_as_wire_copy_names_them(text, language, place_id, precision):
    assert [(e.place_id, e.geo_precision) for e in events_of(text, language=language)] == [(place_id, precision)]


def test_forces_that_pounded_an_area_shelled_it():
    text = "Government forces pounded rebel-held areas in Idlib province on Saturday, killing at least nine civilians."
    assert [(e.sub_event_type, e.fatalities) for e in events_of(text, language="en")] == [
        ("Shelling/artillery/missile attack", 9)]


@pytest.mark.parametrize("text, language", [
    ("شنت طائرات حربية روسية غارات جوية صباح الاثنين على مواقع لتنظيم داعش في جبل البشري بريف الرقة "
     "الجنوبي الشرقي. ولم يصدر أي تعليق رسمي من دمشق حول الهجوم.", "ar"),
    ("Russian warplanes carried out air strikes on Monday on Islamic State hideouts in Jabal al-Bishri in the "
     "southeastern countryside of Raqqa. There was no official comment from Damascus on the attack.", "en"),
])
def test_a_region_said_to_lie_in_a_governorate_it_spans_is_one_event_and_a_capital_commenting_is_none(text, language):
    # Jebel Bishri spans Deir ez-Zor, Raqqa and Homs: "in the Raqqa countryside" only says where;
    # Damascus is where a comment did not come from, not a place struck
    events = events_of(text, language=language)
    assert [(e.location, e.geo_precision, e.actor1) for e in events] == [("Jebel Bishri", 3, "Russia")]


def test_a_second_target_of_one_claimed_act_with_its_own_weapon_is_its_own_event():
    text = ("أعلنت \"المقاومة الإسلامية في العراق\"، فجر اليوم السبت، استهداف قاعدة عين الأسد الجوية غربي الأنبار "
            "بعدد من الصواريخ، وقاعدة حرير شمال أربيل بطائرة مسيّرة.")
    events = events_of(text, published="2024-01-20", language="ar")
    assert [(e.location.split()[0], e.sub_event_type, e.actor1) for e in events] == [
        ("Ain", "Shelling/artillery/missile attack", "Iran-aligned militias"),
        ("Harir", "Air/drone strike", "Iran-aligned militias")]
    # the speaker's name in quotes still makes "أعلنت ... استهداف" a claim of responsibility
    assert all(("Iran-aligned militias", "claim") in {(c.claimant, c.stance) for c in e.claims} for e in events)


@pytest.mark.parametrize("text, language, where", [
    ("Two Iraqi soldiers were killed when Islamic State militants attacked an army post in the Tarmiyah district "
     "north of Baghdad late on Sunday.\n\nIraqi aircraft later bombed suspected hideouts in the area, the military said.",
     "en", "At Tarmiyah"),
    ("قتل جنديان عراقيان بهجوم لتنظيم داعش على نقطة للجيش في قضاء الطارمية شمالي بغداد مساء الأحد. "
     "وقصف الطيران العراقي لاحقاً مخابئ للتنظيم في المنطقة ذاتها.", "ar", "At Tarmiyah"),
])
def test_a_strike_in_the_area_is_placed_where_the_event_before_it_was(text, language, where):
    attack, strike = events_of(text, published="2024-03-18", language=language)
    assert (strike.location, strike.sub_event_type, strike.actor1, strike.geo_precision) == \
        (where, "Air/drone strike", "Iraqi forces", 2)
    assert attack.location == where and attack.fatalities == 2


def test_similar_attacks_in_the_area_are_not_placed_there():
    text = ("انفجرت عبوة ناسفة بدورية لقسد داخل بلدة الشدادي صباح السبت، ما أدى إلى مقتل ثلاثة عناصر. "
            "فيما تتهم قسد خلايا تنظيم داعش بتنفيذ هجمات مماثلة في المنطقة.")
    assert [e.location for e in events_of(text, language="ar")] == ["Ash Shaddadah"]


@pytest.mark.parametrize("text, language", [
    ("Turkish warplanes bombed suspected PKK positions near the village of Kani Masi in Duhok province on Thursday. "
     "A local official in Amadiya district told Rudaw that the strikes caused no casualties among civilians.", "en"),
    ("قصفت طائرات حربية تركية، الخميس، مواقع يشتبه بأنها لحزب العمال الكردستاني قرب قرية كاني ماسي في محافظة دهوك. "
     "وقال مسؤول محلي في العمادية إن القصف لم يسفر عن إصابات بين المدنيين.", "ar"),
])
def test_where_a_source_speaks_from_is_no_event_and_civilians_spared_are_not_the_side_hit(text, language):
    events = events_of(text, published="2024-04-12", language=language)
    assert [(e.location, e.actor1, e.actor2) for e in events] == [("Kani Masi", "Turkey", "PKK")]


def test_an_official_killed_in_a_town_keeps_the_town():
    # the speaker rule needs a speech verb right after the name
    text = "Gunmen shot dead a local official in Amadiya on Thursday, security sources said."
    assert [e.location for e in events_of(text, language="en")] == ["Al Amadiyah"]


def test_a_strike_reported_by_an_aid_project_is_still_a_strike():
    # "إن" opens what the project said: the shelling is no aim of the project
    text = "قال مشروع إغاثي إن القصف استهدف مستودعاً للمساعدات في مدينة سراقب مساء الأحد."
    assert [e.location for e in events_of(text, language="ar")] == ["Saraqib"]


@pytest.mark.parametrize("text, language", [
    # a civil undertaking's aim
    ("أطلقت مديرية صحة إدلب، الأحد، حملة تلقيح ضد مرض الحصبة تستهدف الأطفال دون سن الخامسة في مناطق ريف "
     "إدلب الجنوبي وريف حلب الغربي.", "ar"),
    ("Health authorities in Idlib launched a vaccination campaign on Sunday targeting children under five in "
     "the southern Idlib countryside.", "en"),
    # an accident that blows up
    ("توفي رجل وأصيب ثلاثة أشخاص من عائلته، صباح اليوم، جراء انفجار أسطوانة غاز منزلية في حي الشعار بمدينة حلب.", "ar"),
    ("A gas cylinder explosion at a restaurant in Erbil injured four people on Saturday, civil defence said.", "en"),
    # a warning, a threat, a drill
    ("The U.N. special envoy warned on Tuesday that renewed air strikes on Idlib could derail the political "
     "process.", "en"),
    ("أكد وزير الدفاع أن القوات المسلحة مستعدة للرد على أي هجوم يستهدف قاعدة عين الأسد.", "ar"),
    ("أجرت قطعات من الجيش العراقي، اليوم الاثنين، تدريبات بالذخيرة الحية في قاعدة عين الأسد بمحافظة الأنبار، "
     "بمشاركة الطيران الحربي والمدفعية.", "ar"),
    ("Turkish forces held live-fire drills near Kilis on Monday, with artillery and attack helicopters firing "
     "at targets on the range.", "en"),
])
def test_news_that_tells_no_attack_yields_no_event(text, language):
    assert events_of(text, language=language) == []


def test_a_strike_the_monitor_could_not_verify_is_still_an_event():
    text = "Israeli warplanes struck positions near Masyaf on Sunday in raids that Reuters could not verify, killing four."
    assert [e.fatalities for e in events_of(text, language="en")] == [4]


def test_a_sentence_opened_by_earlier_in_the_day_tells_another_strike():
    text = ("A Turkish drone strike targeted a vehicle near the town of Penjwen on Tuesday evening, killing two people. "
            "Earlier in the day, Turkish warplanes bombed areas around Mount Qandil, local residents said.")
    events = events_of(text, published="2024-09-18", language="en")
    assert [(e.location, e.event_date) for e in events] == [
        ("Baynjiwayn", "2024-09-17"), ("Qandil Mountains", "2024-09-17")]
    # the residents spoke; they were not the side hit
    assert events[1].actor2 is None and ("Local residents", "report") in {(c.claimant, c.stance) for c in events[1].claims}


@pytest.mark.parametrize("text, language", [
    ("Russian warplanes struck the towns of Ariha and Jisr al-Shughur on Monday, killing three civilians in Ariha "
     "and two in Jisr al-Shughur, the Syrian Civil Defence said.", "en"),
    ("شنت الطائرات الحربية الروسية، صباح اليوم الاثنين، غارات جوية على مدينتي أريحا وجسر الشغور بريف إدلب، ما "
     "أسفر عن مقتل ثلاثة مدنيين في أريحا واثنين في جسر الشغور.", "ar"),
])
def test_figures_told_place_by_place_go_to_their_places(text, language):
    events = events_of(text, published="2024-04-15", language=language)
    assert [(e.location, e.fatalities) for e in events] == [("Ariha", 3), ("Jisr ash Shughur", 2)]


def test_the_day_a_statement_was_made_gives_way_to_the_day_of_the_strike():
    text = ("Iran's Revolutionary Guards said on Tuesday they had struck an espionage headquarters in Erbil, the "
            "capital of Iraq's Kurdistan region, with ballistic missiles late on Monday.")
    [event] = events_of(text, published="2024-01-16", language="en")
    assert (event.event_date, event.time_precision) == ("2024-01-15", 1)


def test_the_day_a_statement_was_made_dates_the_event_when_nothing_else_does():
    text = "Kurdish-led forces said on Saturday they had repelled an attack by Arab tribal fighters on Busayrah."
    [event] = events_of(text, published="2023-09-03", language="en")
    assert (event.event_date, event.time_precision) == ("2023-09-02", 1)


def test_each_item_of_a_bulletin_is_its_own_event():
    text = ("حصيلة يومية: مقتل 6 أشخاص في مناطق متفرقة من سوريا\n\n"
            "رصد المرصد السوري لحقوق الإنسان مقتل 6 أشخاص في مناطق متفرقة من سوريا، يوم أمس السبت، وتوزعوا على النحو التالي:\n"
            "- 3 عناصر من قوات النظام قتلوا بانفجار لغم أرضي من مخلفات الحرب في بادية تدمر شرقي حمص.\n"
            "- عنصر من \"قسد\" قتل باستهداف مسيّرة تركية لسيارته قرب بلدة عين عيسى شمالي الرقة.\n"
            "- طفل قضى متأثراً بجراح أصيب بها جراء انفجار جسم من مخلفات الحرب في ريف إدلب الجنوبي.\n")
    events = events_of(text, published="2024-05-05", language="ar")
    # the child's blast is not the soldiers' landmine: no side and no figure taken from it
    assert [(e.location, e.actor2, e.fatalities) for e in events] == [
        ("Tadmur", "Syrian government", 3), ("Ayn Isa", None, 1), ("Idlib", None, 1)]
    # the lead's "يوم أمس السبت" dates the items, which tell no day of their own
    assert {(e.event_date, e.time_precision) for e in events} == {("2024-05-04", 1)}


def test_a_summarys_bullets_are_not_a_bulletin():
    # summary bullets (no line ending with a colon introduces them) tell one story: the second
    # bullet's figure is the first bullet's strike's, not a separate event's
    text = ("U.S. strikes hit Iran-backed groups in Syria\n\nSummary\n"
            "- U.S. jets strike a weapons depot near Mayadin on Thursday\n"
            "- Air strikes killed nine fighters, monitor says\n\n"
            "The Pentagon said the jets targeted storage sites of groups linked to the Revolutionary Guards.")
    events = events_of(text, published="2024-05-10", language="en")
    assert [(e.location, e.actor1, e.fatalities) for e in events] == [("Al Mayadin", "US forces", 9)]
