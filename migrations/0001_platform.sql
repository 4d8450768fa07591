-- Platform: extensions every module relies on, and the worker heartbeat.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pgcrypto;

-- unaccent() is only STABLE (it reads a dictionary), so it cannot appear in an index expression.
-- This wrapper names the dictionary explicitly, which makes it safe to declare IMMUTABLE.
-- "đ" is not a combining mark, so unaccent maps it through its rules file; lower() first keeps
-- "Đ" and "đ" together.
CREATE OR REPLACE FUNCTION immutable_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, lower($1)) $$;

-- Nhịp tim của tiến trình nền: proves that each worker process runs its schedules.
CREATE TABLE worker_heartbeats (
  worker_id text PRIMARY KEY,
  hostname text NOT NULL,
  pid integer NOT NULL,
  started_at timestamptz NOT NULL,
  beat_at timestamptz NOT NULL,
  beats bigint NOT NULL DEFAULT 1
);
