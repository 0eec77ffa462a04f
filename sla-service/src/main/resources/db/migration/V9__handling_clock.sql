-- The handling clock beside the response clock, in the same row: one lock and one alarm per ticket, so the breach
-- scanner's claim finds both clocks' (and the escalation ladder's) next instant in alarm_at.
ALTER TABLE sla_clock
    -- The priority in force at the first take-up (until then the latest; null: nothing decided yet): it decides mode,
    -- target and ladder.
    ADD COLUMN handling_priority          VARCHAR(2),
    -- The priority the latest HandlingScheduled was published for, and how many were published (their ids' roles).
    ADD COLUMN handling_scheduled_for     VARCHAR(2),
    ADD COLUMN handling_schedules         INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN handling_mode              VARCHAR(32),
    ADD COLUMN schedule_id                VARCHAR(64),
    ADD COLUMN handle_from                TIMESTAMPTZ,
    ADD COLUMN handling_target_seconds    BIGINT,
    ADD COLUMN handling_business_time     BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN handling_due_at            TIMESTAMPTZ,
    ADD COLUMN handling_warn_at           TIMESTAMPTZ,
    ADD COLUMN handling_warned            BOOLEAN     NOT NULL DEFAULT FALSE,
    -- The first acknowledgement or resolution, in event time.
    ADD COLUMN taken_up_at                TIMESTAMPTZ,
    ADD COLUMN handling_breached_at       TIMESTAMPTZ,
    ADD COLUMN handling_breach_retracted  BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN handling_met_published     BOOLEAN     NOT NULL DEFAULT FALSE,
    -- One bit per configured escalation level (its index) that fired.
    ADD COLUMN escalations_fired          BIGINT      NOT NULL DEFAULT 0;

CREATE INDEX sla_clock_handling_open ON sla_clock (handling_due_at)
    WHERE taken_up_at IS NULL AND handling_due_at IS NOT NULL;

-- Every escalation that fired, for the console and the reports.
CREATE TABLE sla_escalation (
    -- ticket id and level index: a level fires once per ticket.
    escalation_id VARCHAR(48) PRIMARY KEY,
    ticket_id   VARCHAR(36) NOT NULL,
    level_index INTEGER     NOT NULL,
    level       INTEGER     NOT NULL,
    trigger     VARCHAR(32) NOT NULL,
    recipients  TEXT        NOT NULL,
    fired_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX sla_escalation_ticket ON sla_escalation (ticket_id);
CREATE INDEX sla_escalation_fired ON sla_escalation (fired_at);

-- The console's tickets waiting for business hours.
CREATE INDEX sla_clock_waiting ON sla_clock (handle_from) WHERE taken_up_at IS NULL AND handling_due_at IS NOT NULL;
