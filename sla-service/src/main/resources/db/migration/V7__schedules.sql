-- Business-hours schedules and on-call rotations, one row per version: a change adds a row, the history stays.
-- kind says which of the two (the id spaces are apart: schedule "default" and rotation "default" are two things).
-- definition is the version's ScheduleChanged / RotationChanged event as published (shared-events EventJson),
-- so what is stored and what every consumer of sla.schedules read are the same thing.
CREATE TABLE sla_calendar_version (
    kind        VARCHAR(16)  NOT NULL CHECK (kind IN ('schedule', 'rotation')),
    calendar_id VARCHAR(64)  NOT NULL,
    version     INTEGER      NOT NULL CHECK (version > 0),
    definition  JSONB        NOT NULL,
    changed_by  VARCHAR(128) NOT NULL,
    changed_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (kind, calendar_id, version)
);
