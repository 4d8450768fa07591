-- Lịch làm việc: an administrator edits a day (kind, name, legal source) or removes it with a reason,
-- and create forms are protected from double submission. Modules calendar and admin-units (agencies).

-- A removed row stays, so its history (calendar_day_events) stays with it: it no longer counts, is
-- no longer shown, and the official table's import does not bring it back. Adding the date again
-- reuses the row. A removed row keeps who confirmed it last, so the confirmation rule skips it.
ALTER TABLE calendar_days DROP CONSTRAINT calendar_days_status_check;
ALTER TABLE calendar_days ADD CONSTRAINT calendar_days_status_check
  CHECK (status IN ('confirmed', 'pending', 'proposed', 'removed'));
ALTER TABLE calendar_days DROP CONSTRAINT calendar_days_check;
ALTER TABLE calendar_days ADD CONSTRAINT calendar_days_confirmation_check
  CHECK (status = 'removed' OR (status = 'confirmed') = (confirmed_by IS NOT NULL AND confirmed_at IS NOT NULL));

-- Events: added (by an administrator, confirmed on entry), edited (previous holds the kind, name and
-- source it had), removed (with the reason, required). request_key is the Idempotency-Key of an API
-- call or the hidden key of a form: a retry finds the first event and writes nothing twice.
ALTER TABLE calendar_day_events DROP CONSTRAINT calendar_day_events_action_check;
ALTER TABLE calendar_day_events ADD CONSTRAINT calendar_day_events_action_check
  CHECK (action IN ('imported', 'proposed', 'confirmed', 'added', 'edited', 'removed'));
ALTER TABLE calendar_day_events
  -- The officer's (or API token's) name as it was then, shown in the history beside the id.
  ADD COLUMN actor_name text,
  ADD COLUMN reason text,
  ADD COLUMN previous jsonb,
  ADD COLUMN request_key text CHECK (length(request_key) BETWEEN 1 AND 200);
ALTER TABLE calendar_day_events ADD CONSTRAINT calendar_day_events_reason_check
  CHECK (action <> 'removed' OR (reason IS NOT NULL AND btrim(reason) <> ''));
CREATE UNIQUE INDEX calendar_day_events_request_key_idx
  ON calendar_day_events (request_key) WHERE request_key IS NOT NULL;

-- Agencies: the hidden key of the create form, recorded with the 'created' history entry, so a
-- double click (or a resent form) makes one agency and answers both with it.
ALTER TABLE agency_history ADD COLUMN request_key text CHECK (length(request_key) BETWEEN 1 AND 200);
CREATE UNIQUE INDEX agency_history_request_key_idx
  ON agency_history (request_key) WHERE request_key IS NOT NULL;
