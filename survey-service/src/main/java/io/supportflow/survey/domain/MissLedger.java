package io.supportflow.survey.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts unknown survey tokens per client in a sliding window. A client over the limit is
 * refused for every token, known or not, until its misses age out: answering a right guess
 * differently would keep the oracle open.
 */
public final class MissLedger {

    private static final int SWEEP_ABOVE_CLIENTS = 10_000;

    private final int maxMisses;
    private final Duration window;
    private final Map<String, Deque<Instant>> misses = new ConcurrentHashMap<>();

    public MissLedger(int maxMisses, Duration window) {
        this.maxMisses = maxMisses;
        this.window = window;
    }

    public boolean isBlocked(String client, Instant now) {
        Deque<Instant> times = misses.get(client);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            forgetOld(times, now);
            return times.size() >= maxMisses;
        }
    }

    public void recordMiss(String client, Instant now) {
        if (misses.size() > SWEEP_ABOVE_CLIENTS) {
            sweep(now);
        }
        Deque<Instant> times = misses.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (times) {
            forgetOld(times, now);
            times.addLast(now);
        }
    }

    /** How long until the client's oldest miss leaves the window. */
    public Duration retryAfter(String client, Instant now) {
        Deque<Instant> times = misses.get(client);
        if (times == null) {
            return Duration.ZERO;
        }
        synchronized (times) {
            Instant oldest = times.peekFirst();
            return oldest == null ? Duration.ZERO : Duration.between(now, oldest.plus(window)).withNanos(0).plusSeconds(1);
        }
    }

    private void forgetOld(Deque<Instant> times, Instant now) {
        Instant horizon = now.minus(window);
        while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
            times.removeFirst();
        }
    }

    // Keeps memory bounded when many clients miss once and never return.
    private void sweep(Instant now) {
        misses.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                forgetOld(entry.getValue(), now);
                return entry.getValue().isEmpty();
            }
        });
    }
}
