-- Schema version 3: the merge rule looks for candidates by type, time precision and date
-- (each precision has its own date window), so that lookup is one index range per precision.
CREATE INDEX events_type_precision_date ON events(event_type, time_precision, event_date);
