-- Token buckets shared by the service's instances (shared-runtime's SharedRateLimits, Bucket4j's PostgreSQL
-- backend): one row per limited key, its state as Bucket4j serialises it, and the time (epoch ms) after which an
-- unused row may be deleted.
CREATE TABLE rate_limit_bucket (
    id         VARCHAR(255) PRIMARY KEY,
    state      BYTEA,
    expires_at BIGINT
);
CREATE INDEX rate_limit_bucket_expires_at ON rate_limit_bucket (expires_at);
