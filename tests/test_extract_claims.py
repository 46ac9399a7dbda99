"""Claims stage: who says what about an event (claim, report, deny, blame), and the speech frame."""
from datetime import date

import pytest

from extract.pipeline import annotate, extract_events
from extract.read import read_article_text


def art(text, published="2023-03-24", language=None):
    return read_article_text(text, id="t", published=date.fromisoformat(published), language=language)


def stances_of_the_event(text, published, language):
    """The (claimant, stance) pairs of the one event coded from text, and that event."""
    [event] = extract_events(art(text, published, language))
    return {(c.claimant, c.stance) for c in event.claims}, event


def claims_of(text):
    a = art(text)
    return [(c.claimant, c.stance, c.blamed) for c in annotate(a)["claims"]]


def test_arabic_report_names_the_ministry_not_the_army():
    text = "قالت وزارة الدفاع الأميركية (البنتاغون) إن الجيش الأميركي نفذ ضربات جوية في سوريا."
    assert ("US Department of Defense", "report", None) in claims_of(text)


def test_observatory_report():
    text = "وأكد المرصد السوري لحقوق الإنسان أن الضربات الأميركية تسببت في مقتل 14 مسلحاً."
    assert claims_of(text)[0][:2] == ("Syrian Observatory for Human Rights", "report")


def test_blame_by_a_capital_names_its_government_and_the_blamed_side():
    text = "وهو هجوم ألقت دمشق بالمسؤولية فيه على تل أبيب."
    assert ("Syrian government", "blame", "Israel") in claims_of(text)


def test_blame_with_an_object_pronoun_points_back():
    text = "استهدفت الضربات جماعات متحالفة مع إيران، تتهمها الولايات المتحدة بتنفيذ هجوم بطائرة مسيّرة."
    blames = [c for c in claims_of(text) if c[1] == "blame"]
    assert blames and blames[0][2] == "Iran-aligned militias"


def test_denial_and_according_to():
    text = ("وذكر تلفزيون برس تي في الإيراني الرسمي أن الهجوم لم يسفر عن مقتل أي إيرانيين، ونقل عن مصادر محلية نفيها "
            "أن الضربات استهدفت موقعاً عسكرياً.")
    found = claims_of(text)
    assert ("Press TV (Iran)", "report", None) in found
    assert any(c[1] == "deny" for c in found)
    english = claims_of("Two rockets hit the base, according to Reuters.")
    assert ("Reuters", "report", None) in english


def test_english_claim_of_responsibility():
    found = claims_of("Islamic State claimed responsibility for the attack near Palmyra.")
    assert ("Islamic State", "claim", None) in found


def test_speech_frame_covers_the_date_of_speaking():
    text = "وقال جون كيربي، المتحدث باسم البيت الأبيض، الجمعة، إن الضربات الأميركية في سوريا تهدف إلى حماية الجنود."
    a = annotate(art(text))
    frame = a["claims"][0].frame
    friday = text.index("الجمعة")
    assert frame[0] <= friday < frame[1]
    assert frame[1] <= text.index("الضربات")


def test_events_carry_their_claims_with_the_sentence_as_excerpt():
    text = ("قالت وزارة الدفاع الأميركية إن الجيش الأميركي نفذ ضربات جوية مساء الخميس على مواقع داخل مدينة دير الزور.\n\n"
            "وأكد المرصد السوري لحقوق الإنسان أن الضربات قتلت ستة مسلحين داخل مدينة دير الزور.")
    events = extract_events(art(text))
    assert len(events) == 1
    claims = {(c.claimant, c.stance) for c in events[0].claims}
    # the Pentagon telling of the US army's strikes claims them; the Observatory reports
    assert {("US Department of Defense", "claim"), ("Syrian Observatory for Human Rights", "report")} <= claims
    for c in events[0].claims:
        assert c.excerpt in text and c.excerpt.endswith(".")


def test_the_ministry_points_back_to_the_source_named_before():
    text = ("قالت وزارة الدفاع السورية إن غارات إسرائيلية استهدفت محيط مطار المزة العسكري. "
            "وأضافت الوزارة أن غارة أخرى استهدفت ريف حمص.")
    found = claims_of(text)
    assert [c[0] for c in found if c[1] == "report"] == ["Syrian government", "Syrian government"]


def test_a_speaker_saying_it_struck_is_the_attacker():
    for text in ["The Israeli military said it had struck Hezbollah sites near Quneitra on Monday.",
                 "أعلن الجيش الإسرائيلي أنه شن غارات على مواقع لحزب الله في ريف القنيطرة فجر اليوم."]:
        (event,) = extract_events(art(text))
        assert (event.actor1, event.actor2) == ("Israel", "Iran-aligned militias")
        assert ("Israel Defense Forces", "claim") in {(c.claimant, c.stance) for c in event.claims}


def test_one_claim_per_claimant_and_stance_on_an_event():
    text = ("قالت وزارة الدفاع الأميركية إن الجيش الأميركي نفذ ضربات جوية مساء الخميس داخل مدينة دير الزور. "
            "وقالت وزارة الدفاع الأميركية إن الضربات داخل مدينة دير الزور دمرت مخازن أسلحة.")
    (event,) = extract_events(art(text))
    pairs = [(c.claimant, c.stance) for c in event.claims]
    assert pairs.count(("US Department of Defense", "claim")) == 1
    first = next(c for c in event.claims if c.claimant == "US Department of Defense")
    assert first.excerpt == text[:text.index(".") + 1]


def test_a_blame_goes_only_to_the_event_it_names():
    # the strikes answer a drone attack the militias are blamed for: the blame is the drone attack's
    text = ("قالت وزارة الدفاع الأميركية إن الجيش الأميركي نفذ ضربات جوية مساء الخميس داخل مدينة الميادين "
            "ضد مجموعات موالية لإيران تتهمها الولايات المتحدة بتنفيذ هجوم بطائرة مسيرة قرب مدينة الحسكة.")
    events = {e.location: e for e in extract_events(art(text))}
    blames = {loc: [c for c in e.claims if c.stance == "blame"] for loc, e in events.items()}
    assert blames["Al Mayadin"] == []
    assert [c.claimant for c in blames["Al Hasakah"]] == ["US forces"]


def test_a_state_news_agency_is_the_source_not_the_side_named_before_it():
    # "... killed two Hezbollah members on Tuesday, Lebanon's state news agency said": the agency speaks
    (event,) = extract_events(art("An Israeli drone strike on a car in Nabatieh killed two Hezbollah members "
                                  "on Tuesday, Lebanon's state news agency said.", published="2024-05-21"))
    assert [(c.claimant, c.stance) for c in event.claims] == [("NNA (Lebanese state news agency)", "report")]
    assert (event.event_date, event.time_precision) == ("2024-05-21", 1)


def test_according_to_with_an_attached_preposition():
    text = "قتل 8 عناصر من قوات النظام جراء هجوم قرب السخنة، وفقاً للمرصد السوري لحقوق الإنسان."
    assert claims_of(text)[0][:2] == ("Syrian Observatory for Human Rights", "report")


def test_a_closing_attribution_is_spoken_by_its_own_clause():
    # the militia before the comma is who was hit, not who said so
    text = ("A U.S. drone strike in Baghdad on Wednesday killed a senior commander of Kataib Hezbollah, "
            "two Iraqi security sources said.")
    assert [c[0] for c in claims_of(text)] == [None]
    [event] = extract_events(art(text))
    assert (event.actor1, event.actor2) == ("US forces", "Iran-aligned militias")


def test_a_speaker_saying_it_struck_claims_the_attack():
    text = ("Iran's Revolutionary Guards said on Monday they had struck a headquarters in Erbil with "
            "ballistic missiles, killing four civilians.")
    assert claims_of(text)[0][:2] == ("Iran-aligned militias", "claim")
    [event] = extract_events(art(text))
    assert (event.sub_event_type, event.fatalities) == ("Shelling/artillery/missile attack", 4)


def test_a_speaker_saying_it_was_struck_only_reports():
    text = "The SDF said on Monday they were attacked by Turkish drones near Qamishli."
    assert claims_of(text)[0][:2] == ("SDF", "report")


def test_the_wire_description_of_the_observatory_names_it():
    text = "Israeli air strikes on Homs killed at least 36 soldiers late on Thursday, a Syrian war monitor said."
    assert claims_of(text)[0][:2] == ("Syrian Observatory for Human Rights", "report")


def test_according_to_never_looks_back_for_its_source():
    # "وفق مصدر أمني": an unnamed source; Baghdad before it is a place, not the speaker
    text = "قتل أربعة عناصر من الحشد الشعبي بهجوم لتنظيم داعش شمالي بغداد ليلة الخميس - الجمعة، وفق مصدر أمني."
    assert [c[0] for c in claims_of(text)] == [None]
    [event] = extract_events(art(text, published="2024-03-01"))
    assert (event.event_date, event.time_precision) == ("2024-02-29", 1)


def test_a_defence_ministry_saying_its_planes_struck_names_its_side():
    text = "أعلنت وزارة الدفاع الروسية أن طائراتها قصفت مواقع للإرهابيين في ريف إدلب الجنوبي."
    assert ("Russian Ministry of Defence", "claim", None) in claims_of(text)
    [event] = extract_events(art(text))
    assert (event.actor1, event.sub_event_type) == ("Russia", "Air/drone strike")


def test_an_announcement_with_its_day_between_commas_claims_the_act():
    text = ("أعلنت خلية الإعلام الأمني، اليوم الأحد، تنفيذ ضربة جوية استهدفت وكراً لعصابات داعش في وادي الشاي "
            "جنوب محافظة كركوك، ما أسفر عن مقتل اثنين من الإرهابيين.")
    assert claims_of(text)[0][:2] == ("Iraqi Security Media Cell", "claim")
    [event] = extract_events(art(text, published="2023-06-18"))
    assert (event.actor1, event.actor2, event.fatalities) == ("Iraqi forces", "Islamic State", 2)


def test_syrias_defence_ministry_speaks_for_the_government():
    text = ("Israeli missiles struck military positions south of Damascus early on Sunday, killing two "
            "soldiers, Syria's defence ministry said.")
    [event] = extract_events(art(text, published="2023-02-19"))
    assert [(c.claimant, c.stance) for c in event.claims] == [("Syrian government", "report")]


def test_a_source_telling_of_its_own_sides_strike_claims_it_but_not_a_clash():
    text = ("The United States carried out airstrikes on Friday on a weapons depot near Albukamal, the "
            "Pentagon said. Clashes broke out between SDF fighters and Turkish-backed factions near "
            "Ras al-Ain on Friday, the SDF said.")
    got = {e.sub_event_type: [(c.claimant, c.stance) for c in e.claims] for e in extract_events(art(text))}
    assert got["Air/drone strike"] == [("US Department of Defense", "claim")]
    assert got["Armed clash"] == [("SDF", "report")]


@pytest.mark.parametrize("text", [
    "وقال مصدر عسكري في تصريح لـ سانا إن العدو الإسرائيلي نفذ عدواناً جوياً استهدف محيط مدينة الكسوة فجر اليوم.",
    "وأكد مصدر أمني في سنجار لكوردستان24 أن طائرة مسيرة تركية استهدفت سيارة قرب سنجار مساء أمس.",
    "A Turkish drone struck a car near Qamishli on Monday, a security source told North Press.",
])
def test_the_outlet_a_source_spoke_to_is_not_the_speaker(text):
    assert [c[0] for c in claims_of(text)] == [None]


def test_the_kurdistan_regions_counter_terrorism_service_is_not_iraqs():
    text = ("A drone was shot down near Erbil airport on Saturday, the Kurdistan Region's counter-terrorism "
            "service said.")
    assert claims_of(text)[0][:2] == ("Kurdistan Region Counter-Terrorism Directorate", "report")


def test_claiming_attacks_on_bases_is_a_claim():
    text = ("The Islamic Resistance in Iraq claimed attacks on two bases, including the al-Tanf garrison, "
            "on Sunday.")
    assert claims_of(text)[0][:2] == ("Iran-aligned militias", "claim")


def test_a_capital_speaking_is_its_government_and_a_hyphenated_one_no_speaker():
    text = "قصفت طائرات إسرائيلية مواقع في محيط دمشق فجر اليوم، فيما نددت طهران بالهجوم."
    assert ("Iranian government", "blame") in [c[:2] for c in claims_of(text)]
    text = "Ankara-backed factions shelled the town of Tal Tamr on Monday, a Damascus-based activist said."
    assert [c[0] for c in claims_of(text)] == [None]


def test_ankara_announcing_it_neutralised_fighters_claims_the_strike():
    text = "أعلنت أنقرة تحييد خمسة عناصر من حزب العمال الكردستاني بغارة جوية في منطقة غارا شمالي العراق."
    [event] = extract_events(art(text))
    assert (event.actor1, event.actor2, event.location) == ("Turkey", "PKK", "Gara Mountain")
    assert [(c.claimant, c.stance) for c in event.claims] == [("Turkish government", "claim")]


def test_claimed_with_an_aside_before_the_attack_is_a_claim():
    text = ("The Islamic State group claimed, through its Amaq propaganda agency, an attack that killed three "
            "SDF fighters near the town of Busayrah on Wednesday.")
    [event] = extract_events(art(text))
    assert (event.actor1, event.actor2, event.fatalities) == ("Islamic State", "SDF", 3)
    assert [(c.claimant, c.stance) for c in event.claims] == [("Islamic State", "claim")]


def test_a_capital_inside_an_airport_name_is_no_speaker():
    # "Damascus" here is part of the airport's name, not the government speaking
    text = ("An Israeli strike near Damascus International Airport put it out of service on Sunday, the "
            "transport ministry said, the second such attack in a month.")
    [event] = extract_events(art(text, published="2023-10-22"))
    assert (event.location, event.actor1) == ("Damascus International Airport", "Israel")


def test_claiming_the_attack_is_a_claim():
    text = ("Islamic State militants ambushed an army bus near Palmyra on Thursday, killing 15 soldiers. "
            "The Islamic State group claimed the attack on its Amaq news agency.")
    assert ("Islamic State", "claim", None) in claims_of(text)


def test_an_arabic_speaker_comes_right_after_the_verb():
    # the PMF is in what the source said, not the source
    text = ("أفاد مصدر أمني في محافظة ديالى، اليوم الاثنين، بمقتل منتسب في الحشد الشعبي وإصابة اثنين آخرين "
            "بهجوم شنه عناصر من تنظيم داعش على نقطة مراقبة في قضاء المقدادية.")
    assert [c[0] for c in claims_of(text)] == [None]
    [event] = extract_events(art(text, published="2024-01-08"))
    assert (event.actor1, event.actor2, event.fatalities, event.injured) == ("Islamic State", "PMF", 1, 2)


def test_the_interim_government_blaming_an_unclaimed_bombing_is_a_blame_of_it():
    # "التفجير" (the bombing) refers back to the car bomb, so its sentence's blame speaks of it
    text = ("انفجرت سيارة مفخخة في مدينة أعزاز بريف حلب الشمالي، صباح اليوم الأحد، ما أسفر عن مقتل ستة مدنيين. "
            "ولم تتبن أي جهة التفجير حتى الآن، فيما اتهمت وزارة الدفاع في الحكومة السورية المؤقتة "
            "\"وحدات حماية الشعب\" الكردية بالوقوف وراءه.")
    stances, event = stances_of_the_event(text, "2023-09-17", "ar")
    assert ("Syrian Interim Government", "blame") in stances and event.actor1 == "SDF"


def test_a_denial_speaks_of_the_event_it_names():
    # (a source's words carry on to the next sentences of its paragraph, but a denial only to what it denies)
    text = ("Israeli warplanes carried out air strikes on Friday evening on positions inside Deir ez-Zor city. "
            "Local sources denied that the strikes had hit military sites, saying civilian homes were damaged. "
            "An IED exploded near a patrol of the SDF on the outskirts of Manbij on Friday, wounding two members.")
    events = extract_events(art(text, "2024-05-10", "en"))
    stances = {e.location: {(c.claimant, c.stance) for c in e.claims} for e in events}
    assert ("Local sources", "deny") in stances["Deir ez-Zor"]
    assert ("Local sources", "deny") not in stances["Manbij"]


@pytest.mark.parametrize("text, claimant, stance", [
    # a foreign ministry speaks for its government
    ("An Israeli air strike destroyed Iran's consulate in Damascus on Monday, killing seven Iranian military "
     "advisers, Iran's foreign minister said.", "Iranian government", "report"),
    ("قالت وزارة الخارجية الإيرانية إن غارة إسرائيلية دمرت القنصلية الإيرانية في دمشق يوم الاثنين.",
     "Iranian government", "report"),
    # state media and military spokesmen under their full names
    ("نقلت وكالة الأنباء السورية عن مصدر عسكري قوله إن العدو الإسرائيلي نفذ عدواناً جوياً على محيط دمشق.",
     "SANA (Syrian state news agency)", "report"),
    ("Iraq's military spokesman condemned the U.S. drone strike in eastern Baghdad as a violation of sovereignty.",
     "Iraqi military", "blame"),
])
def test_ministries_state_media_and_spokesmen_are_named_sources(text, claimant, stance):
    assert (claimant, stance) in {(c, s) for c, s, _ in claims_of(text)}


def test_a_denial_in_the_sentence_after_the_event_speaks_of_it():
    text = ("At least 11 people were killed when a car bomb exploded in a busy market in the northern Syrian town of "
            "al-Bab on Saturday. Turkey-backed officials blamed the Syrian Democratic Forces for the attack. "
            "The SDF denied any involvement.")
    assert ("SDF", "deny") in stances_of_the_event(text, "2024-06-15", "en")[0]


def test_commentary_after_the_event_is_no_report_of_it():
    text = ("Israeli warplanes struck positions near Masyaf on Sunday, killing four fighters. "
            "A Russian foreign ministry spokesman said Moscow was following the situation closely.")
    assert stances_of_the_event(text, "2024-06-16", "en")[0] == set()


@pytest.mark.parametrize("text, expected", [
    ("واتهمت الحكومة السورية المؤقتة «قوات سوريا الديمقراطية» بالوقوف وراء التفجير، فيما نفت الأخيرة أي علاقة لها به.",
     ("SDF", "deny")),
    ("Turkey blamed the PKK for the bombing, but the latter denied any role in it.", ("PKK", "deny")),
])
def test_the_latter_is_the_last_side_named(text, expected):
    assert expected in {(c, s) for c, s, _ in claims_of(text)}


def test_latter_as_an_adjective_is_no_speaker():
    # "في الآونة الأخيرة" (recently) stands away from the verb
    text = "قال المرصد السوري إن القصف تصاعد على ريف إدلب في الآونة الأخيرة."
    assert {c for c, _, _ in claims_of(text)} == {"Syrian Observatory for Human Rights"}
