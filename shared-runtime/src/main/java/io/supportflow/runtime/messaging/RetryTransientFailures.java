package io.supportflow.runtime.messaging;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * On an {@code @Incoming @Blocking @Transactional} handler: a failure that may pass is retried with
 * backoff ({@link ConsumerRetryConfig}), each attempt in a fresh transaction, before the record goes
 * to the dead-letter topic. While it retries, the record is not acknowledged, so the consumer does
 * not commit past it; an unreadable record goes to the dead-letter topic at once.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RetryTransientFailures {
}
