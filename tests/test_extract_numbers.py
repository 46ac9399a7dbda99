"""Numbers and casualty mentions, Arabic and English, wire style."""
import pytest

from extract.numbers import find_casualties, parse_number


@pytest.mark.parametrize("text, value", [
    ("14", 14), ("١٤", 14), ("۱۴", 14), ("1,200", 1200),
    ("ستة", 6), ("ست", 6), ("ستة عشر", 16), ("خمسة", 5), ("ثلاثة", 3), ("اثنان", 2), ("اثنين", 2),
    ("عشرة", 10), ("عشرين", 20), ("خمسة وعشرين", 25), ("أحد عشر", 11), ("اثنا عشر", 12),
    ("ثلاثمئة", 300), ("ثلاث مئة", 300), ("سبعةً", 7),
    ("one", 1), ("eleven", 11), ("twenty", 20), ("thirty", 30), ("twenty-five", 25), ("twenty five", 25),
    ("a dozen", 12), ("three hundred", 300), ("two thousand five hundred", 2500), ("Five", 5),
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["dozens", "عشرات", "several", "مسلحاً", "", "five fighters"])
def test_parse_number_rejects_non_numbers(text):
    assert parse_number(text) is None


def mentions(text, language=None):
    return [(m.kind, m.count, m.vague_word, text[m.start:m.end]) for m in find_casualties(text, language)]


@pytest.mark.parametrize("text, expected", [
    ("ما أسفر عن مقتل 14 مسلحاً", [("killed", 14, None, "مقتل 14")]),
    ("ما أدى إلى تدميره ومقتل ستة من عناصرها", [("killed", 6, None, "ومقتل ستة")]),
    ("تسبب في مقتل متعاقد أميركي", [("killed", 1, None, "مقتل متعاقد")]),
    ("أسفر عن مقتل جندي وإصابة آخر", [("killed", 1, None, "مقتل جندي"), ("injured", 1, None, "وإصابة آخر")]),
    ("إضافة لإصابة خمسة جنود", [("injured", 5, None, "لإصابة خمسة")]),
    ("وجرح جنود أميركيين", [("injured", None, "plural", "وجرح جنود")]),
    ("مقتل ما لا يقل عن ٧ مدنيين", [("killed", 7, None, "مقتل ما لا يقل عن ٧")]),
    ("سقوط ثلاثة قتلى وخمسة جرحى", [("killed", 3, None, "ثلاثة قتلى"), ("injured", 5, None, "وخمسة جرحى")]),
    ("أسفرت الغارة عن 12 قتيلاً", [("killed", 12, None, "12 قتيلا")]),
    ("أصيب جنديان بجروح", [("injured", 2, None, "أصيب جنديان")]),
    ("ما أدى إلى مقتل جنديين", [("killed", 2, None, "مقتل جنديين")]),
    ("سقط قتيلان في القصف", [("killed", 2, None, "قتيلان")]),
    ("أدى القصف إلى مقتل عشرات المسلحين", [("killed", 10, "عشرات", "مقتل عشرات")]),
    ("ومقتل عدد من العناصر", [("killed", 10, "عدد من", "ومقتل عدد من")]),
    ("سقط صاروخان في الحقل، من دون أضرار", [("killed", 0, "none", "من دون أضرار"),
                                          ("injured", 0, "none", "من دون أضرار")]),
    ("انفجرت العبوة دون وقوع إصابات", [("killed", 0, "none", "دون وقوع إصابات"),
                                     ("injured", 0, "none", "دون وقوع إصابات")]),
    ("الهجوم لم يسفر عن مقتل أي إيرانيين", [("killed", 0, "none", "لم يسفر عن مقتل")]),
    ("وارتفعت حصيلة القتلى إلى 12 شخصاً", [("killed", 12, None, "وارتفعت حصيلة القتلى إلى 12")]),
    ("ارتفع عدد القتلى إلى 20", [("killed", 20, None, "ارتفع عدد القتلى إلى 20")]),
    ("قتل ثلاثة مدنيين وأصيب خمسة آخرون", [("killed", 3, None, "قتل ثلاثة"), ("injured", 5, None, "وأصيب خمسة")]),
    ("ومقتل خمسة عشر مسلحا", [("killed", 15, None, "ومقتل خمسة عشر")]),
    ("لقي طفل حتفه", [("killed", 1, None, "لقي طفل")]),
    # one person named, then the verb (bulletins)
    ('- عنصر من "قسد" قتل باستهداف مسيّرة تركية لسيارته', [("killed", 1, None, 'عنصر من "قسد" قتل')]),
    ("- طفل قضى متأثراً بجراح أصيب بها جراء انفجار", [("killed", 1, None, "طفل قضى")]),
    ("مدني أصيب برصاص قناص في درعا", [("injured", 1, None, "مدني أصيب")]),
    ("ما أسفر عن مقتل ثلاثة مدنيين في أريحا واثنين في جسر الشغور",
     [("killed", 3, None, "مقتل ثلاثة"), ("killed", 2, None, "اثنين")]),
    # "منتسبين" is plural or dual: alone unknown, with its number two
    ("بمقتل منتسبَين اثنين في الحشد الشعبي", [("killed", 2, None, "بمقتل منتسبَين اثنين")]),
    ("مقتل منتسبين في الحشد", [("killed", None, "plural", "مقتل منتسبين")]),
])
def test_arabic_casualties(text, expected):
    assert mentions(text, "ar") == expected


@pytest.mark.parametrize("text, expected", [
    ("U.S. aircraft struck two depots, killing at least five fighters.",
     [("killed", 5, None, "killing at least five")]),
    ("The strikes killed 14 fighters, a monitor said.", [("killed", 14, None, "killed 14")]),
    ("At least five people were killed and two civilians were injured.",
     [("killed", 5, None, "At least five people were killed"), ("injured", 2, None, "two civilians were injured")]),
    ("A drone strike killed a civilian, wounding two.",
     [("killed", 1, None, "killed a"), ("injured", 2, None, "wounding two")]),
    ("Three Syrian army soldiers were killed.", [("killed", 3, None, "Three Syrian army soldiers were killed")]),
    ("Dozens of people were wounded.", [("injured", 12, "dozens of", "Dozens of people were wounded")]),
    ("Several regime soldiers were killed.", [("killed", 10, "several", "Several regime soldiers were killed")]),
    ("The death toll rose to 12 on Friday.", [("killed", 12, None, "death toll rose to 12")]),
    ("Neither fatalities nor injuries were reported.",
     [("killed", 0, "none", "Neither fatalities nor injuries"), ("injured", 0, "none", "Neither fatalities nor injuries")]),
    ("The rockets caused no casualties.",
     [("killed", 0, "none", "no casualties"), ("injured", 0, "none", "no casualties")]),
    ("Shells hit the village without casualties.",
     [("killed", 0, "none", "without casualties"), ("injured", 0, "none", "without casualties")]),
    ("No one was killed in the attack.", [("killed", 0, "none", "No one was killed")]),
    ("Forces killed civilians in the raid.", [("killed", None, "plural", "killed civilians")]),
    ("Gunmen shot dead a local official.", [("killed", 1, None, "shot dead a")]),
    ("which led to the killing of a shepherd", [("killed", 1, None, "killing of a")]),
    ("A militia commander was killed when an IED exploded.",
     [("killed", 1, None, "A militia commander was killed")]),
    ("an attack killing between 2 and 4 fighters", [("killed", 2, None, "killing between 2 and 4")]),
    ("Five of them were killed.", [("killed", 5, None, "Five of them were killed")]),
    # a figure per place: "N in X and M in Y" is two figures, not one sum
    ("killing three civilians in Ariha and two in Jisr al-Shughur",
     [("killed", 3, None, "killing three"), ("killed", 2, None, "two")]),
    # the people's unit between the count and its verb
    ("Nine fighters from Iran-backed groups were killed in the strike.",
     [("killed", 9, None, "Nine fighters from Iran-backed groups were killed")]),
])
def test_english_casualties(text, expected):
    assert mentions(text, "en") == expected


@pytest.mark.parametrize("text", [
    "The commander was killed two days ago in Idlib.",
    "Rockets landed 5 km from the base on Thursday.",
    "Two days after soldiers were deployed, the base was quiet.",
    "قالت الوزارة إن الضربات نفذت مساء الخميس",
])
def test_no_casualty_figure(text):
    assert [m for m in find_casualties(text) if m.count] == []


@pytest.mark.parametrize("text, expected", [
    # reversed order of the "nobody was hurt" phrase
    ("Neither injuries nor fatalities were reported after the shelling.",
     [("killed", 0, "none", "Neither injuries nor fatalities"), ("injured", 0, "none", "Neither injuries nor fatalities")]),
    # the longest "nobody was hurt" phrase wins over a shorter one inside it ("no injuries")
    ("No injuries or fatalities were reported.",
     [("killed", 0, "none", "No injuries or fatalities"), ("injured", 0, "none", "No injuries or fatalities")]),
    # diacritics are read through; offsets still point into the vocalised text
    ("قُتِلَ ثلاثة عناصر في القصف", [("killed", 3, None, "قُتِلَ ثلاثة")]),
    # an ordinal after a count is one more person
    ("قتل عنصران وأصيب ثالث بجروح", [("killed", 2, None, "قتل عنصران"), ("injured", 1, None, "وأصيب ثالث")]),
    # martyrdom wording is killed
    ("استشهد ثلاثة مدنيين في الغارة", [("killed", 3, None, "استشهد ثلاثة")]),
    ("أدت الغارة إلى استشهاد طفل", [("killed", 1, None, "استشهاد طفل")]),
    ("سقط خمسة شهداء في القصف", [("killed", 5, None, "خمسة شهداء")]),
    ("ارتقى شهيدان في القصف", [("killed", 2, None, "شهيدان")]),
    # Syrian state media: soldiers "ascended" (were killed); "ارتقى" also means "rose": no count, no figure
    ("وأسفر العدوان عن ارتقاء جنديين", [("killed", 2, None, "ارتقاء جنديين")]),
    ("ما أدى إلى ارتقاء 3 شهداء", [("killed", 3, None, "ارتقاء 3")]),
    ("ارتقى مستوى التوتر في المنطقة", []),
    # the subject before its verb, as state media write it
    ("أفادت سانا بأن ثلاثة مدنيين أصيبوا بجروح جراء سقوط قذائف", [("injured", 3, None, "ثلاثة مدنيين أصيبوا")]),
    ("قتل 3 وأصيب 5 آخرون", [("killed", 3, None, "قتل 3"), ("injured", 5, None, "وأصيب 5")]),
    # a dual pronoun counts two
    ("استهدفت طائرة مسيرة سيارة تقل قياديين، ما أدى إلى مقتلهما", [("killed", 2, None, "مقتلهما")]),
    # counts joined by "and" add up
    ("ما أسفر عن إصابة امرأة وطفلين", [("injured", 3, None, "إصابة امرأة وطفلين")]),
    ("مقتل ثلاثة عناصر وقيادي في التنظيم", [("killed", 4, None, "مقتل ثلاثة عناصر وقيادي")]),
    ("مقتل عنصر وإصابة آخر", [("killed", 1, None, "مقتل عنصر"), ("injured", 1, None, "وإصابة آخر")]),
    ("ما أسفر عن إصابة ثلاثة عناصر من قسد ومدني", [("injured", 4, None, "إصابة ثلاثة عناصر من قسد ومدني")]),
    # both sides' dead, each told with its side
    ("أسفرت عن مقتل ثلاثة من عناصر قسد واثنين من المسلحين.",
     [("killed", 5, None, "مقتل ثلاثة من عناصر قسد واثنين من المسلحين")]),
    # "without it causing injuries"
    ("سقطت قذائف على البلدة من دون أن تسفر عن إصابات",
     [("killed", 0, "none", "من دون أن تسفر عن إصابات"), ("injured", 0, "none", "من دون أن تسفر عن إصابات")]),
    # a number word after its plural noun
    ("أسفر الكمين عن مقتل مسلحين اثنين", [("killed", 2, None, "مقتل مسلحين اثنين")]),
    ("مقتل ما بين 5 و7 عناصر", [("killed", 5, None, "مقتل ما بين 5 و7")]),
    ("العثور على جثة شاب قرب الطريق", [("killed", 1, None, "جثة شاب")]),
])
def test_more_arabic_casualty_wording(text, expected):
    assert mentions(text, "ar") == expected


@pytest.mark.parametrize("text, expected", [
    ("killing a woman and two children", [("killed", 3, None, "killing a woman and two children")]),
    ("killing two soldiers and a civilian, the army said", [("killed", 3, None, "killing two soldiers and a civilian")]),
    # not a definite second count, or a figure of its own
    ("killing two soldiers and an unknown number of civilians", [("killed", 2, None, "killing two")]),
    ("killing two soldiers and a child was wounded",
     [("killed", 2, None, "killing two"), ("injured", 1, None, "a child was wounded")]),
    ("killing 3 fighters and wounding two", [("killed", 3, None, "killing 3"), ("injured", 2, None, "wounding two")]),
    ("killed a senior commander of Iran-backed Kataib Hezbollah and two of his guards, sources said",
     [("killed", 3, None, "killed a senior commander of Iran-backed Kataib Hezbollah and two of his guards")]),
    # the first people's unit between the two counts
    ("killing a commander in the Sinjar Resistance Units and two of his companions on Monday",
     [("killed", 3, None, "killing a commander in the Sinjar Resistance Units and two of his companions")]),
])
def test_counts_joined_by_and_add_up(text, expected):
    assert mentions(text, "en") == expected


def test_arabic_counts_joined_across_the_first_ones_unit_add_up():
    text = "قُتل قيادي في وحدات مقاومة سنجار (اليبشه) واثنان من مرافقيه، مساء أمس"
    assert [(kind, count) for kind, count, _vague, _surface in mentions(text, "ar")] == [("killed", 3)]


@pytest.mark.parametrize("text, expected, language", [
    ("The death toll from Tuesday's Russian air strikes on a market in Jisr al-Shughur rose to 12, "
     "including three children.", 12, "en"),
    ("وارتفعت حصيلة قتلى القصف الروسي على سوق الخضار في جسر الشغور إلى 12 شخصاً", 12, "ar"),
])
def test_a_toll_that_rose_further_on(text, expected, language):
    assert [(m[0], m[1]) for m in mentions(text, language)][:1] == [("killed", expected)]


def test_an_initialism_between_the_count_and_its_verb():
    assert [(m[0], m[1]) for m in mentions("Three U.S. soldiers were killed and more than 40 wounded.", "en")] == [
        ("killed", 3), ("injured", 40)]


def test_a_toll_expected_to_rise_gives_no_figure():
    assert mentions("The death toll is expected to rise, officials said.", "en") == []


@pytest.mark.parametrize("text, expected", [
    ("A landmine exploded under a motorbike, killing a man.", [("killed", 1, None, "killing a")]),
    ("A young man was killed by sniper fire.", [("killed", 1, None, "A young man was killed")]),
    ("Gunmen shot a farmer dead, injuring another.", [("injured", 1, None, "injuring another")]),
    ("A blast tore through the market; between 30 and 40 people were killed.",
     [("killed", 30, None, "between 30 and 40 people were killed")]),
    ("Four members of the local police force were killed.",
     [("killed", 4, None, "Four members of the local police force were killed")]),
    ("The bodies of three shepherds were found near the road.", [("killed", 3, None, "bodies of three")]),
    ("A shepherd's body was found near the dam.", [("killed", 1, None, "body was found")]),
    ("An unknown number of fighters were killed.",
     [("killed", 10, "an unknown number of", "An unknown number of fighters were killed")]),
])
def test_more_english_casualty_wording(text, expected):
    assert mentions(text, "en") == expected


def test_every_mention_is_returned_with_exact_offsets():
    text = ("أسفر الهجوم عن مقتل متعاقد أميركي، وجرح جنود أميركيين. وقالت الوزارة إن الهجوم أدى إلى "
            "مقتل متعاقد وإصابة آخر، إضافة لإصابة خمسة جنود.")
    found = find_casualties(text, "ar")
    assert [(m.kind, m.count) for m in found] == [
        ("killed", 1), ("injured", None), ("killed", 1), ("injured", 1), ("injured", 5)]
    assert all(text[m.start:m.end].strip() == text[m.start:m.end] for m in found)
    assert found[-1].start == text.index("لإصابة خمسة")


# ---- properties: never raise on odd text, offsets always inside the text
from hypothesis import given, settings, strategies as st  # noqa: E402

_WIRE_ALPHABET = st.sampled_from(list("مقتل إصابة جرح خمسة ستة عشرات ١٤ 14 killed wounding at least five "
                                      "no casualties من دون أضرار .،\n-–(") + ["ـ", "ً", "\u200f", "\x00", "İ"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WIRE_ALPHABET, max_size=120).map("".join))
def test_find_casualties_never_raises_and_offsets_are_valid(text):
    for m in find_casualties(text):
        assert 0 <= m.start < m.end <= len(text)
        assert m.kind in ("killed", "injured")
        assert m.count is None or m.count >= 0


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_parse_number_never_raises(text):
    value = parse_number(text)
    assert value is None or value >= 0


def test_seed_article_casualties(seed_article_path):
    text = seed_article_path.read_text(encoding="utf-8")
    found = [(m.kind, m.count, m.vague_word) for m in find_casualties(text, "ar")]
    assert found == [
        ("killed", 1, None), ("injured", None, "plural"), ("killed", 14, None),   # lead paragraph
        ("killed", 1, None), ("injured", 1, None), ("injured", 5, None),         # Pentagon statement
        ("killed", 14, None), ("killed", 6, None), ("killed", 5, None),          # monitor's figures
        ("killed", 0, "none"), ("injured", 0, "none"),                           # "من دون أضرار"
        ("killed", 0, "none"),                                                   # "لم يسفر عن مقتل أي إيرانيين"
    ]
