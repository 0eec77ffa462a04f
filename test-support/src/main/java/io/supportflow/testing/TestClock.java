package io.supportflow.testing;

import java.time.Clock;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

/**
 * Replaces a service's clock, in its {@code @QuarkusTest}s, with one {@link MutableClock} that tests
 * move to make hours pass at once; it follows the system clock until a test sets it.
 */
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
