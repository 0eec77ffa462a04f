-- While triage's review is open, the clock's priority is provisional; the console shows since when.
ALTER TABLE sla_clock ADD COLUMN provisional_since TIMESTAMPTZ;
