-- strikemap store, schema version 1: articles, the events extracted from each, their claims,
-- and incidents (merged events: one row per strike however many outlets reported it).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE articles (
    id              INTEGER PRIMARY KEY,
    source_id       TEXT NOT NULL,          -- Article.id: the file path or the JSON Lines id
    text            TEXT NOT NULL,
    title           TEXT,
    outlet          TEXT,
    url             TEXT,
    published       TEXT,                   -- YYYY-MM-DD
    language        TEXT,
    original_source TEXT,
    dateline        TEXT,
    content_hash    TEXT NOT NULL UNIQUE,   -- sha256 of the normalised text: re-ingest adds nothing
    ingested_at     TEXT NOT NULL
);

-- A merged event. Its columns summarise its member events and are recomputed on every change.
CREATE TABLE incidents (
    id             INTEGER PRIMARY KEY,
    event_date     TEXT,
    time_precision INTEGER,
    event_type     TEXT,
    sub_event_type TEXT,
    actor1         TEXT,
    actor2         TEXT,
    location       TEXT,
    admin1         TEXT,
    country        TEXT,
    latitude       REAL,
    longitude      REAL,
    geo_precision  INTEGER,
    geo_reason     TEXT,
    place_id       TEXT,
    fatalities     INTEGER,                 -- conservative: the lowest credible report
    fatalities_min INTEGER,
    fatalities_max INTEGER,
    injured        INTEGER,
    injured_min    INTEGER,
    injured_max    INTEGER,
    disputed       INTEGER NOT NULL DEFAULT 0,
    notes          TEXT,
    excerpt        TEXT,
    language       TEXT,
    source         TEXT,                    -- outlets joined with "; " (ACLED's source column)
    sources        TEXT NOT NULL DEFAULT '[]',  -- JSON list of {outlet, url, article, published, ...}
    claims         TEXT NOT NULL DEFAULT '[]',  -- JSON list of {claimant, stance, excerpt}
    n_reports      INTEGER NOT NULL DEFAULT 0
);

-- One event as extracted from one article; never deleted by merging or splitting.
CREATE TABLE events (
    id              INTEGER PRIMARY KEY,
    article_id      INTEGER NOT NULL REFERENCES articles(id),
    seq             INTEGER NOT NULL,       -- position in the article's event list
    incident_id     INTEGER NOT NULL REFERENCES incidents(id),
    merge_reason    TEXT,                   -- why it joined its incident; NULL for the founding event
    event_date      TEXT,
    time_precision  INTEGER,
    event_type      TEXT NOT NULL,
    sub_event_type  TEXT NOT NULL,
    actor1          TEXT,
    actor2          TEXT,
    location        TEXT,
    admin1          TEXT,
    country         TEXT,
    latitude        REAL,
    longitude       REAL,
    geo_precision   INTEGER,
    geo_reason      TEXT,
    fatalities      INTEGER,
    injured         INTEGER,
    source          TEXT,
    notes           TEXT NOT NULL DEFAULT '',
    excerpt         TEXT NOT NULL DEFAULT '',
    language        TEXT,
    place_id        TEXT,
    original_source TEXT,
    url             TEXT,
    excerpt_start   INTEGER,
    excerpt_end     INTEGER,
    UNIQUE (article_id, seq)
);

CREATE TABLE claims (
    id       INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id),
    claimant TEXT NOT NULL,
    stance   TEXT NOT NULL,
    excerpt  TEXT NOT NULL DEFAULT ''
);

-- The log of merges (kept after a split, with the time it was undone).
CREATE TABLE merges (
    id          INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL,
    event_id    INTEGER NOT NULL REFERENCES events(id),
    matched_id  INTEGER NOT NULL REFERENCES events(id),
    reason      TEXT NOT NULL,
    merged_at   TEXT NOT NULL,
    undone_at   TEXT
);

CREATE INDEX events_incident ON events(incident_id);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_source ON events(source);
CREATE INDEX events_type_date ON events(event_type, event_date);
CREATE INDEX claims_event ON claims(event_id);
CREATE INDEX incidents_date ON incidents(event_date);
CREATE INDEX incidents_type_date ON incidents(event_type, event_date);
CREATE INDEX incidents_actor1 ON incidents(actor1);
CREATE INDEX incidents_actor2 ON incidents(actor2);

-- incident <-> article links, derived so they can never disagree with the events.
CREATE VIEW incident_articles AS
    SELECT DISTINCT e.incident_id, e.article_id FROM events e;
