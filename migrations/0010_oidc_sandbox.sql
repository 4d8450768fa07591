-- The VNeID sandbox's state (demo mode only, identity/vneid-sandbox/): what oidc-provider stores
-- through its adapter (sessions, interactions, grants, authorization codes, access tokens, ...), one
-- row per model instance, so that a restart does not log people out of the sandbox and several web
-- processes share it. `payload` is oidc-provider's own object, kept as given; the other columns
-- are copies of the fields it is looked up or revoked by. Rows past `expires_at` are never read and
-- are deleted by the nightly identity clean-up; a NULL expiry is a model stored without one.
CREATE TABLE oidc_sandbox_store (
  model text NOT NULL,
  id text NOT NULL,
  payload jsonb NOT NULL,
  grant_id text,
  user_code text,
  uid text,
  expires_at timestamptz,
  consumed_at timestamptz,
  PRIMARY KEY (model, id)
);
CREATE INDEX oidc_sandbox_store_grant_idx ON oidc_sandbox_store (model, grant_id) WHERE grant_id IS NOT NULL;
CREATE INDEX oidc_sandbox_store_uid_idx ON oidc_sandbox_store (model, uid) WHERE uid IS NOT NULL;
CREATE INDEX oidc_sandbox_store_user_code_idx ON oidc_sandbox_store (model, user_code) WHERE user_code IS NOT NULL;
CREATE INDEX oidc_sandbox_store_expiry_idx ON oidc_sandbox_store (expires_at) WHERE expires_at IS NOT NULL;

-- The SSO's access token of a citizen's session, kept for later data calls (DOMAIN.md §10), sealed
-- by the application with the secret box (never stored in clear), and when it expires (NULL: the
-- SSO did not say; it is then used while the session lives). Cleared when the session ends.
ALTER TABLE sessions
  ADD COLUMN access_token_enc text,
  ADD COLUMN access_token_expires_at timestamptz,
  ADD CONSTRAINT sessions_access_token_check
    CHECK (access_token_expires_at IS NULL OR access_token_enc IS NOT NULL),
  ADD CONSTRAINT sessions_access_token_citizen_check
    CHECK (access_token_enc IS NULL OR citizen_id IS NOT NULL);
