package io.supportflow.survey.service;

import java.time.Clock;
import java.time.Duration;

import io.supportflow.survey.config.SurveyConfig;
import io.supportflow.survey.domain.MissLedger;
import jakarta.enterprise.context.ApplicationScoped;

/** Slows token guessing: a client that asked for too many unknown surveys is refused for a while. */
@ApplicationScoped
public class GuessingGuard {

    private final Clock clock;
    private final MissLedger ledger;

    GuessingGuard(Clock clock, SurveyConfig config) {
        this.clock = clock;
        this.ledger = new MissLedger(config.guessing().maxMisses(), config.guessing().window());
    }

    public boolean isBlocked(String client) {
        return ledger.isBlocked(client, clock.instant());
    }

    public void recordMiss(String client) {
        ledger.recordMiss(client, clock.instant());
    }

    public Duration retryAfter(String client) {
        return ledger.retryAfter(client, clock.instant());
    }
}
