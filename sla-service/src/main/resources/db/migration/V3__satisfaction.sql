-- Survey answers (SurveyCompleted from surveys.responses), kept for the ops console's CSAT figures.
-- One row per survey: a reopened and solved-again ticket is asked again and may answer again.
CREATE TABLE sla_satisfaction (
    survey_id    VARCHAR(64)  PRIMARY KEY,
    ticket_id    VARCHAR(36)  NOT NULL,
    rating       SMALLINT     NOT NULL,
    comment      TEXT,
    responded_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX sla_satisfaction_responded ON sla_satisfaction (responded_at);
