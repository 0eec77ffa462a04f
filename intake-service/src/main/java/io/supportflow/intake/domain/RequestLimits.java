package io.supportflow.intake.domain;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.supportflow.events.Channel;

/**
 * How many requests each channel adapter's API key may make: one token bucket per key (a key is
 * bound to one channel), with its own rate and burst or the default ones.
 */
public final class RequestLimits {

    /** A sustained rate and the burst allowed on top of it. */
    public record Limit(double perSecond, int burst) {
    }

    private final Limit defaultLimit;
    private final Map<Channel, Limit> perChannel;
    private final Clock clock;
    private final Map<Channel, RequestAllowance> allowances = new ConcurrentHashMap<>();

    public RequestLimits(Limit defaultLimit, Map<Channel, Limit> perChannel, Clock clock) {
        this.defaultLimit = defaultLimit;
        this.perChannel = Map.copyOf(perChannel);
        this.clock = clock;
    }

    /** Empty when the key of {@code channel} may make one more request now; otherwise how long to wait. */
    public Optional<Duration> admit(Channel channel) {
        RequestAllowance allowance = allowances.computeIfAbsent(channel,
                c -> new RequestAllowance(limitOf(c).perSecond(), limitOf(c).burst(), clock.instant()));
        synchronized (allowance) {
            return allowance.take(clock.instant());
        }
    }

    private Limit limitOf(Channel channel) {
        return perChannel.getOrDefault(channel, defaultLimit);
    }
}
