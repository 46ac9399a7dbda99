"""Actors stage: aliases from lexicons/actors.tsv and who struck whom."""
from datetime import date

import pytest

from extract.actors import find_actors
from extract.lexicons import FoldedText
from extract.pipeline import extract_events
from extract.read import read_article_text


def actor_names(text):
    return [(text[a.start:a.end], a.actor, a.kind) for a in find_actors(FoldedText(text))]


@pytest.mark.parametrize("text, surface, actor", [
    ("وقالت وزارة الدفاع الأميركية (البنتاغون)", "البنتاغون", "US forces"),
    ("هجوم على للقوات الأميركية", "للقوات الأميركية", "US forces"),
    ("ميليشيات تابعة لـالحرس الثوري الإيراني", "لـالحرس الثوري الإيراني", "Iran-aligned militias"),
    ("إن مجموعات موالية لطهران أطلقت", "موالية لطهران", "Iran-aligned militias"),
    ("استهدفت جماعات متحالفة مع إيران", "متحالفة مع إيران", "Iran-aligned militias"),
    ("Kataib Hezbollah fighters", "Kataib Hezbollah", "Iran-aligned militias"),
    ("regime forces shelled", "regime forces", "Syrian government"),
    ("the Syrian Democratic Forces said", "Syrian Democratic Forces", "SDF"),
    ("عناصر من قسد", "قسد", "SDF"),
    ("خلايا تنظيم داعش", "خلايا تنظيم داعش", "Islamic State"),
    ("the Popular Mobilization Forces", "Popular Mobilization Forces", "PMF"),
    ("Turkish-backed factions", "Turkish-backed", "Turkey"),
    # the wording of Kurdish and Palestinian-style outlets
    ("The Turkish occupation army and its mercenaries bombarded", "Turkish occupation army", "Turkey"),
    ("قصف جيش الاحتلال التركي ومرتزقته قرى", "جيش الاحتلال التركي", "Turkey"),
    ("قصفت قوات الاحتلال الإسرائيلي أطراف بلدة", "قوات الاحتلال الإسرائيلي", "Israel"),
    ("قتل ثلاثة عناصر من قسد بهجوم لخلايا داعش", "لخلايا داعش", "Islamic State"),
])
def test_aliases_map_to_canonical_actors(text, surface, actor):
    assert (surface, actor) in [(s, a) for s, a, _ in actor_names(text)]


def test_foreign_capitals_are_metonyms_and_nationality_words_adjectives():
    kinds = {s: k for s, _, k in actor_names("بين واشنطن وطهران، الضربات الأميركية")}
    assert kinds["واشنطن"] == "metonym" and kinds["وطهران"] == "metonym"
    assert kinds["الأميركية"] == "adjective"


def sides(text, published="2024-05-10"):
    art = read_article_text(text, id="t", published=date.fromisoformat(published))
    events = extract_events(art)
    assert events, "no event found"
    return [(e.actor1, e.actor2) for e in events]


@pytest.mark.parametrize("text, expected", [
    ("On 8 May 2024, Turkish forces shelled regime positions in Tal Tamer.", ("Turkey", "Syrian government")),
    ("On 8 May 2024, Israeli warplanes struck Hezbollah positions near Homs.", ("Israel", "Iran-aligned militias")),
    ("On 8 May 2024, clashes broke out between the SDF and Turkish-backed factions near Manbij.",
     ("SDF", "Turkey")),
    ("On 8 May 2024, unidentified gunmen shot dead two civilians in Daraa.",
     ("Unidentified armed group", "Civilians")),
    ("On 8 May 2024, an IED planted by Islamic State cells hit an SDF vehicle near Shaddadi.",
     ("Islamic State", "SDF")),
    ("سارعت الولايات المتحدة إلى الرد بقصف جوي على منشآت مرتبطة بميليشيات تابعة لـالحرس الثوري في مدينة الميادين.",
     ("US forces", "Iran-aligned militias")),
    ("قتل جنديان جراء استهداف طائرة مسيّرة تركية سيارة لقسد قرب مدينة القامشلي.", ("Turkey", "SDF")),
    ("قصفت قوات النظام بالمدفعية الثقيلة بلدة أريحا صباح اليوم، ما أدى إلى مقتل طفل.",
     ("Syrian government", "Civilians")),
    ("قتل مدنيان جراء قصف صاروخي لقوات النظام على بلدة أريحا في ريف إدلب الجنوبي.",
     ("Syrian government", "Civilians")),
    ("At least 12 people were killed when Russian warplanes bombed a market in Maarat al-Numan on Monday.",
     ("Russia", "Civilians")),
    ("Two regime soldiers were killed when unidentified gunmen opened fire on them near Daraa on Monday.",
     ("Unidentified armed group", "Syrian government")),
    # "members of X" take the role of the word before them: who attacked, then who was hit
    ("قتل 8 عناصر من قوات النظام جراء هجوم شنه عناصر من تنظيم الدولة الإسلامية على نقطة عسكرية قرب السخنة.",
     ("Islamic State", "Syrian government")),
    # the side that owns the weapon named as the subject struck
    ("قصفت مدفعية الحرس الثوري الإيراني قرى حدودية قرب أربيل صباح اليوم.", ("Iran-aligned militias", None)),
    # a drone no side owns up to
    ("استهدفت طائرة مسيرة مجهولة سيارة تقل قياديين في الحرس الثوري قرب البوكمال.",
     ("Unidentified military forces", "Iran-aligned militias")),
    # the side whose air defences intercept is the one struck
    ("Syrian air defences intercepted Israeli missiles over Hama on Monday.", ("Israel", "Syrian government")),
    # the people wounded or killed, named before the blast, were struck (no side named the bomber)
    ("أصيب جنديان من الجيش العراقي بانفجار عبوة ناسفة استهدفت دوريتهما في قضاء الطارمية يوم السبت.",
     (None, "Iraqi forces")),
    ("Two Iraqi soldiers were wounded when a roadside bomb hit their patrol near Tarmiyah on Saturday.",
     (None, "Iraqi forces")),
    # a side's allies stand beside it: the side named first struck
    ("Syrian government forces and their Russian allies pounded rebel-held villages in Jabal al-Zawiya on Monday.",
     ("Syrian government", "Opposition rebels")),
    ("قصفت قوات النظام وحلفاؤها الروس قرى في جبل الزاوية صباح اليوم.", ("Syrian government", None)),
    ("قصفت فصائل المعارضة بدعم من القوات التركية مواقع لقسد قرب منبج.", ("Opposition rebels", "SDF")),
    # a model designation between the weapon noun and its nationality
    ("شنت طائرات سوخوي-24 روسية غارات على ريف إدلب.", ("Russia", None)),
    # the side that controls the place struck was hit; the strikes told again keep their author
    ("Russian air strikes on a training camp killed at least 23 people on Wednesday. The strikes hit "
     "the camp near Jisr al-Shughur in Idlib province, which is dominated by Hayat Tahrir al-Sham, the monitor said.",
     ("Russia", "Hayat Tahrir al-Sham")),
    # the forces a base hosts are the side hit; a dual "two drones" is a drone strike
    ("تعرضت قاعدة حرير العسكرية التي تضم قوات من التحالف الدولي في محافظة أربيل، مساء اليوم، لهجوم بطائرتين "
     "مسيرتين مفخختين. وتبنت المقاومة الإسلامية في العراق الهجوم.", ("Iran-aligned militias", "US forces")),
    # the name right after an Arabic event word is its doer; an Iranian Kurdish party is hit
    ("قصف الحرس الثوري الإيراني مقرات لأحزاب كردية إيرانية معارضة قرب كويه في إقليم كردستان العراق.",
     ("Iran-aligned militias", None)),
    # weapons joined by "and" are one attack, with its author
    ("Iran-backed militias fired missiles and drones at the Ain al-Asad base on Monday.", ("Iran-aligned militias", None)),
    # a village head is a civilian
    ("Unidentified gunmen shot dead a local mukhtar in the town of Jasim in Daraa late on Wednesday.",
     ("Unidentified armed group", "Civilians")),
    # a strike told as unidentified stays so, whoever is blamed for it (the blame is a claim)
    ("قتل ثلاثة من عناصر الحشد الشعبي في قصف جوي مجهول استهدف مقراً في قضاء القائم. واتهمت كتائب حزب الله "
     "في بيان الولايات المتحدة بالوقوف وراء الهجوم.", ("Unidentified military forces", "PMF")),
    ("Iraqi F-16 jets struck Islamic State hideouts in the Hamrin mountains on Sunday.", ("Iraqi forces", "Islamic State")),
])
def test_attacker_and_target_from_the_sentence(text, expected):
    assert sides(text)[0] == expected


def test_armed_target_preferred_over_a_civilian_house():
    text = ("أطلقت مجموعات موالية لإيران صواريخ سقط أحدها في حقل العمر، فيما سقط الثاني على منزل مدني "
            "قرب الحقل الذي يضم قاعدة للقوات الأميركية.")
    assert sides(text)[0] == ("Iran-aligned militias", "US forces")


def test_blame_names_the_attacker():
    text = "وجاء ذلك بعد غارات استهدفت مخازن أسلحة إيرانية قرب مطار حلب، وهو هجوم ألقت دمشق بالمسؤولية فيه على تل أبيب."
    assert sides(text)[0] == ("Israel", "Iran-aligned militias")


def test_a_group_claiming_the_attack_is_its_author():
    text = ("سقطت ثلاثة صواريخ داخل قاعدة عين الأسد الجوية التي تضم قوات أميركية مساء الاثنين.\n\n"
            "وتبنت المقاومة الإسلامية في العراق الهجوم في بيان.")
    assert sides(text)[0] == ("Iran-aligned militias", "US forces")


def test_the_attack_answered_has_the_answer_sides_reversed():
    text = ("On 4 February 2024, U.S. warplanes struck a depot of Iran-backed militias near Albukamal, "
            "in response to a rocket attack on the Conoco gas field.")
    by_place = {e.place_id: (e.actor1, e.actor2, e.sub_event_type)
                for e in extract_events(read_article_text(text, id="t", published=date(2024, 2, 5)))}
    assert by_place["gn:174448"] == ("US forces", "Iran-aligned militias", "Air/drone strike")      # Albukamal
    assert by_place["fac:conoco-gas-field"] == ("Iran-aligned militias", "US forces",
                                                "Shelling/artillery/missile attack")


def test_lexicon_matcher_clitics_stems_hyphens_and_word_boundaries():
    from extract.lexicons import TermMatcher
    m = TermMatcher({"القوات الأميركية": "us", "الحرس الثوري": "irgc", "استهدف*": "hit", "بغداد": "bgd",
                     "Iran-backed": "iran", "air strike": "air", "on": "on"})
    text = "للقوات الأميركية واستهدفت لـالحرس الثوري وبغداد Iran backed Air-strike lon on مسيّرة"
    found = [(text[x.start:x.end], x.value) for x in m.find(FoldedText(text))]
    assert found == [("للقوات الأميركية", "us"), ("واستهدفت", "hit"), ("لـالحرس الثوري", "irgc"),
                     ("وبغداد", "bgd"), ("Iran backed", "iran"), ("Air-strike", "air"), ("on", "on")]


@pytest.mark.parametrize("text, sides", [
    # verb-subject order: the side right after a past-tense verb struck
    ("قصفت قوات النظام مدينة أريحا يوم الخميس.", ("Syrian government", None)),
    ("قصفت القوات التركية قرى في ريف منبج يوم الجمعة.", ("Turkey", None)),
])
def test_the_side_after_an_arabic_past_verb_struck(text, sides):
    (event,) = extract_events(read_article_text(text, id="t", published=date(2024, 5, 10), language="ar"))
    assert (event.actor1, event.actor2) == sides


@pytest.mark.parametrize("text, attacker", [
    # verb-subject-object: the nationality of the planes or guns before the event word struck
    ("شنت طائرات إسرائيلية غارات جوية على مطار حلب الدولي.", "Israel"),
    ("شنت طائرات حربية روسية غارات على ريف إدلب الجنوبي.", "Russia"),
    ("أطلقت مدفعية تركية قذائف على قرية قرب منبج.", "Turkey"),
])
def test_the_nationality_of_a_weapon_before_the_event_word_struck(text, attacker):
    assert sides(text)[0][0] == attacker


@pytest.mark.parametrize("text, side", [
    # a nationality word on a victim or on troops before the event word is not the attacker
    ("قتل جندي إسرائيلي في غارة على مواقع قرب درعا.", "Israel"),
    ("قتل عنصر من قوات روسية في قصف على ريف إدلب.", "Russia"),
])
def test_a_victim_nationality_before_the_event_word_did_not_strike(text, side):
    assert sides(text)[0][0] != side


@pytest.mark.parametrize("text", [
    "أفاد المرصد بمقتل 5 عناصر من الميليشيات الموالية لإيران جراء استهداف طائرات مجهولة مواقع لهم قرب البوكمال.",
    "Unidentified aircraft struck positions of Iran-backed militias near Albukamal on Saturday, killing five.",
])
def test_unclaimed_aircraft_are_an_air_strike_by_unidentified_forces(text):
    art = read_article_text(text, id="t", published=date(2024, 2, 4))
    (event,) = extract_events(art)
    assert (event.sub_event_type, event.actor1, event.actor2) == \
        ("Air/drone strike", "Unidentified military forces", "Iran-aligned militias")


@pytest.mark.parametrize("text, expected", [
    # a verb with an object pronoun points back to the attack; its subject, after it, struck
    ("رصد المرصد قصفاً صاروخياً نفذته قوات النظام على محيط جبل الزاوية في ريف إدلب.", "Syrian government"),
    ("وقال المرصد إن غارات شنتها طائرات روسية استهدفت ريف إدلب الجنوبي.", "Russia"),
])
def test_the_subject_after_a_verb_with_an_object_pronoun_struck(text, expected):
    assert sides(text)[0][0] == expected


@pytest.mark.parametrize("text", [
    "Hezbollah said it fired dozens of Katyusha rockets at an Israeli army base in the Golan Heights.",
    "وقال حزب الله إنه أطلق عشرات صواريخ الكاتيوشا على قاعدة للجيش الإسرائيلي في الجولان.",
])
def test_a_side_saying_it_fired_claims_the_attack(text):
    (event,) = extract_events(read_article_text(text, id="t", published=date(2024, 5, 21)))
    assert (event.actor1, event.actor2) == ("Iran-aligned militias", "Israel")
    assert ("Iran-aligned militias", "claim") in {(c.claimant, c.stance) for c in event.claims}


def test_a_backed_group_is_the_group_not_its_backer():
    assert sides("Clashes between the U.S.-backed Syrian Democratic Forces and Arab tribal fighters "
                 "in the town of Dhiban killed at least 9 people on Wednesday.")[0] == ("SDF", "Arab tribal militias")


def test_between_x_and_y_in_arabic_with_a_long_first_name():
    text = "اندلعت اشتباكات بين قوات سوريا الديمقراطية ومقاتلي العشائر العربية في بلدة ذيبان بريف دير الزور الشرقي."
    assert sides(text)[0] == ("SDF", "Arab tribal militias")


def test_the_sides_of_another_statement_before_while_are_not_this_events():
    # the ministry's claim about HTS headquarters and the civil defence's report of a market strike
    # share one sentence, joined by "فيما" (while): the market's victims are civilians
    text = ("قالت وزارة الدفاع الروسية إن طائراتها دمرت مقرات لـ\"هيئة تحرير الشام\" في ريف إدلب، فيما أفاد "
            "الدفاع المدني السوري بمقتل 9 مدنيين في غارة روسية على سوق للخضار في مدينة جسر الشغور يوم الأحد.")
    assert sides(text, published="2023-06-26")[0] == ("Russia", "Civilians")


def test_the_artillery_of_a_side_targeted_is_the_side_struck():
    text = "استهداف مدفعية قسد في منبج بطائرة مسيرة صباح اليوم."
    assert sides(text)[0][1] == "SDF"


@pytest.mark.parametrize("text", [
    "قُتل قيادي في \"هيئة تحرير الشام\"، مساء الثلاثاء، بغارة لطائرة مسيّرة يُرجح أنها تابعة للتحالف الدولي، "
    "استهدفت سيارته على طريق إدلب - بنش.",
    "A commander of Hayat Tahrir al-Sham was killed on Tuesday evening when a drone believed to belong to the "
    "U.S.-led coalition struck his car on the Idlib-Binnish road.",
])
def test_a_weapon_said_to_likely_belong_to_a_side_was_that_sides(text):
    assert sides(text) == [("US forces", "Hayat Tahrir al-Sham")]


@pytest.mark.parametrize("text", [
    "Kurdish-led forces said on Saturday they had repelled an attack by Arab tribal fighters on the town of "
    "Busayrah in eastern Deir ez-Zor, killing six of the attackers.",
    "أعلنت قوات سوريا الديمقراطية، السبت، التصدي لهجوم شنه مقاتلون من العشائر العربية على بلدة البصيرة "
    "بريف دير الزور الشرقي، ما أسفر عن مقتل ستة من المهاجمين.",
])
def test_a_side_that_says_it_repelled_an_attack_was_the_side_attacked(text):
    assert sides(text, published="2023-09-02") == [("Arab tribal militias", "SDF")]


def test_an_attack_by_the_cells_of_a_group_is_the_groups():
    text = "قُتل ثلاثة عناصر من قسد بهجوم لخلايا داعش في ريف دير الزور الشرقي أمس الأول."
    assert sides(text, published="2024-03-20") == [("Islamic State", "SDF")]
