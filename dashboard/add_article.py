"""The "Add article" panel: paste or upload an article, preview its events on a map, save them."""
from __future__ import annotations

import hashlib
import json
import tempfile
from datetime import date
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboard import mapview
from dashboard.payload import build_payload

PREVIEW_KEY = "_add_article_preview"
MESSAGE_KEY = "_add_article_message"


def article_id_for(text: str) -> str:
    """A stable id for pasted text (there is no file name)."""
    return "pasted:" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def events_frame(events: list, article) -> pd.DataFrame:
    """Extracted (unsaved) events in query_events' columns, so the map and table can show them."""
    rows = []
    for n, event in enumerate(events):
        rec = event.to_record() if hasattr(event, "to_record") else dict(event)
        claims = [c if isinstance(c, dict) else {"claimant": c.claimant, "stance": c.stance, "excerpt": c.excerpt}
                  for c in rec.get("claims") or []]
        published = article.published.isoformat() if article.published else None
        rows.append({
            "event_id": -(n + 1), "event_date": rec.get("event_date"), "time_precision": rec.get("time_precision"),
            "event_type": rec.get("event_type"), "sub_event_type": rec.get("sub_event_type"),
            "actor1": rec.get("actor1"), "actor2": rec.get("actor2"), "location": rec.get("location"),
            "admin1": rec.get("admin1"), "country": rec.get("country"), "latitude": rec.get("latitude"),
            "longitude": rec.get("longitude"), "geo_precision": rec.get("geo_precision"),
            "geo_reason": rec.get("geo_reason"), "fatalities": rec.get("fatalities"),
            "fatalities_min": rec.get("fatalities"), "fatalities_max": rec.get("fatalities"),
            "injured": rec.get("injured"), "injured_min": rec.get("injured"), "injured_max": rec.get("injured"),
            "disputed": False, "notes": rec.get("notes", ""), "excerpt": rec.get("excerpt", ""),
            "language": rec.get("language") or article.language,
            "sources": json.dumps([{"outlet": rec.get("source") or article.outlet,
                                    "url": rec.get("url") or article.url, "article": article.id,
                                    "published": published}], ensure_ascii=False),
            "claims": json.dumps(claims, ensure_ascii=False), "n_reports": 1,
        })
    frame = pd.DataFrame(rows)
    for column in ("latitude", "longitude"):
        if column in frame:
            frame[column] = pd.to_numeric(frame[column], errors="coerce")
    return frame


def read_submission(text: str, upload, outlet: str, url: str, published: date):
    """The Article the panel describes, or an error message (one line)."""
    from extract.read import read_article_text, read_inputs
    outlet, url = outlet.strip() or None, url.strip() or None
    if upload is not None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / Path(upload.name).name
            path.write_bytes(upload.getvalue())
            overrides = {k: v for k, v in {"published": published, "outlet": outlet, "url": url}.items() if v}
            for item in read_inputs([str(path)], overrides):
                return item if hasattr(item, "text") else f"{upload.name}: {item}"
            return f"{upload.name}: no article found in the file"
    if not text.strip():
        return "Paste the article text or upload a file first."
    return read_article_text(text, id=article_id_for(text), published=published, outlet=outlet, url=url)


def add_article_panel(store) -> None:
    message = st.session_state.pop(MESSAGE_KEY, None)
    with st.expander("Add article", expanded=PREVIEW_KEY in st.session_state or message is not None):
        if message:
            st.success(message)
        text = st.text_area("Article text", height=180, key="add_text")
        upload = st.file_uploader("or upload a file (.txt, .html, .jsonl)", type=["txt", "html", "htm", "jsonl"],
                                  key="add_file")
        left, middle, right = st.columns(3)
        outlet = left.text_input("Outlet", key="add_outlet")
        url = middle.text_input("Article URL (optional)", key="add_url")
        published = right.date_input("Published", value=date.today(), key="add_published")
        if st.button("Preview extracted events", key="add_preview"):
            try:
                article = read_submission(text, upload, outlet, url, published)
                if isinstance(article, str):
                    st.error(article)
                    st.session_state.pop(PREVIEW_KEY, None)
                else:
                    from extract.pipeline import extract_events
                    st.session_state[PREVIEW_KEY] = (article, extract_events(article))
            except ImportError as exc:
                st.error(f"The extractor is not available: {exc}")
        preview = st.session_state.get(PREVIEW_KEY)
        if not preview:
            return
        article, events = preview
        if not events:
            st.warning("No strike events were found in this article; nothing to save.")
            return
        frame = events_frame(events, article)
        st.write(f"{len(events)} event(s) extracted from {article.outlet or 'this article'}:")
        if frame[["latitude", "longitude"]].notna().all(axis=1).any():
            from streamlit_folium import st_folium
            st_folium(mapview.build_map(), key="preview_map", height=380, use_container_width=True,
                      feature_group_to_add=mapview.event_group(build_payload(frame)), returned_objects=[])
        st.dataframe(frame[["event_date", "sub_event_type", "actor1", "actor2", "location", "fatalities",
                            "injured", "excerpt"]], hide_index=True, width="stretch")
        if st.button("Save to store", key="add_save", type="primary"):
            try:
                result = store.add_events(article, events)
            except Exception as exc:  # StoreError: say it in one line, keep what is stored
                st.error(f"Not saved: {exc}")
                return
            st.session_state.pop(PREVIEW_KEY, None)
            if not result.new_article:
                st.session_state[MESSAGE_KEY] = "This article is already in the store; nothing added."
            else:
                st.session_state[MESSAGE_KEY] = (f"Saved: {result.events_new} new event(s), "
                                                 f"{result.events_merged} merged into events already stored.")
            st.rerun()  # redraw the map and filters with the new events
