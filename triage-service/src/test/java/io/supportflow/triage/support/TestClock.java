package io.supportflow.triage.support;

import java.time.Clock;

import io.supportflow.testing.MutableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

/** Replaces the system clock with one tests can set; it follows the system clock until they do. */
@ApplicationScoped
public class TestClock {

    public static final MutableClock CLOCK = new MutableClock();

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    Clock clock() {
        return CLOCK;
    }
}
