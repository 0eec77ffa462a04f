package io.supportflow.runtime.time;

import java.time.Clock;
import java.time.Duration;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The system clock in UTC, ticking in milliseconds: event times then survive every store on
 * their way (PostgreSQL keeps microseconds, JSON readers may keep less) and compare equal
 * wherever they arrive. Tests replace it with one they can move.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }
}
