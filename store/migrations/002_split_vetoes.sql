-- Schema version 2: an analyst's split is recorded (which reports were judged separate events);
-- and claimants get an index for the dashboard's claimant filter.
CREATE TABLE split_vetoes (
    event_a  INTEGER NOT NULL REFERENCES events(id),
    event_b  INTEGER NOT NULL REFERENCES events(id),
    split_at TEXT NOT NULL,
    PRIMARY KEY (event_a, event_b)
);
CREATE INDEX claims_claimant ON claims(claimant);
CREATE INDEX incidents_sub_type ON incidents(sub_event_type);
