package io.supportflow.runtime.messaging;

import java.time.Duration;

import org.jboss.logging.Logger;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * Retries a consumer's handler around its transaction: it runs before the {@code @Transactional}
 * interceptor (priority 200), so every attempt begins a new transaction.
 */
@RetryTransientFailures
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class TransientFailureRetryInterceptor {

    private static final Logger LOG = Logger.getLogger(TransientFailureRetryInterceptor.class);

    private final TransientFailureRetry retry;

    TransientFailureRetryInterceptor(ConsumerRetryConfig config) {
        this.retry = new TransientFailureRetry(config.maxAttempts(), config.initialBackoff(), config.maxBackoff(),
                config.databaseAwayBudget(), System::nanoTime);
    }

    @AroundInvoke
    Object retryTransientFailures(InvocationContext invocation) throws Exception {
        String handler = invocation.getMethod().getDeclaringClass().getSimpleName();
        return retry.call(invocation::proceed, TransientFailureRetryInterceptor::pause,
                (attempt, backoff, failure) -> LOG.warnf("%s failed (attempt %d), retrying in %d ms: %s", handler,
                        attempt, backoff.toMillis(), failure.toString()));
    }

    /** Keeps the thread's interrupt (a shutdown) visible to the connector after the retry gives up. */
    private static void pause(Duration backoff) throws InterruptedException {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }
}
