-- Officers' login throttle for usernames that name no officer (module identity). Known officers are
-- counted in officers.failed_logins / locked_until; an unknown username is counted here the same
-- way, so that "too many attempts" appears for any username and does not reveal which ones exist.
CREATE TABLE login_throttle (
  username text PRIMARY KEY CHECK (length(username) <= 128),
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_failed_at timestamptz NOT NULL
);
CREATE INDEX login_throttle_last_failed_idx ON login_throttle (last_failed_at);
