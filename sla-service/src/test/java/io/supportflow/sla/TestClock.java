package io.supportflow.sla;

import java.time.Clock;

import io.supportflow.testing.MutableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

/** The service's clock in tests: one MutableClock that tests move to make hours pass at once. */
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
