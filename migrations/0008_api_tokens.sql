-- API tokens and the identity clean-up (module identity).
-- The administrators' token list reads newest first, a keyset page at a time (ids are uuid v7).
CREATE INDEX api_tokens_created_idx ON api_tokens (created_at DESC, id DESC);
-- The nightly clean-up deletes sessions ended more than SESSION_RETENTION_DAYS ago; this index finds
-- them without reading the live ones (expired, never-ended sessions are found by sessions_expiry_idx).
CREATE INDEX sessions_ended_idx ON sessions (ended_at) WHERE ended_at IS NOT NULL;
