-- Processing (module workflow, DOMAIN.md §3.3 rows 8–18, §6): the steps snapshotted onto a dossier
-- at receipt, the pauses for supplements, and the apology letters that move the appointment once.

-- One row per step of the dossier's own chain, copied from the procedure version's workflow for the
-- competent agency at receipt (later edits of the catalogue do not change a running dossier). Steps
-- at another agency (liên thông) are rows of the same chain. A step is pending until its turn, then
-- waits for its agency to receive it when it was transferred (handover), is active while an officer
-- works it, and done when it is finished (or returned: sent back to an earlier step).
CREATE TABLE dossier_steps (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  position smallint NOT NULL CHECK (position >= 0),
  kind text NOT NULL,
  name text NOT NULL,
  role text NOT NULL,
  agency_id uuid NOT NULL REFERENCES agencies (id),
  -- Working minutes the step may take; null: the catalogue gave none.
  budget_minutes integer CHECK (budget_minutes >= 0),
  state text NOT NULL CHECK (state IN ('pending', 'handover', 'active', 'done')),
  claimed_by uuid REFERENCES officers (id),
  started_at timestamptz,
  due_at timestamptz,
  finished_at timestamptz,
  -- The hand-over that opened the step (Mẫu 05): who gave it, when, who received it.
  handed_over_at timestamptz,
  handed_over_by uuid REFERENCES officers (id),
  received_by uuid REFERENCES officers (id),
  UNIQUE (dossier_id, position)
);
CREATE INDEX dossier_steps_claimed_idx ON dossier_steps (claimed_by) WHERE state = 'active';

-- The current step, copied onto the dossier in the same transaction, so that an officer's inbox is
-- one index range on one table (a million dossiers: ARCHITECTURE.md performance budget).
ALTER TABLE dossiers
  ADD COLUMN step_id uuid REFERENCES dossier_steps (id),
  ADD COLUMN step_agency_id uuid REFERENCES agencies (id),
  ADD COLUMN step_role text,
  ADD COLUMN step_assignee uuid REFERENCES officers (id),
  ADD COLUMN step_due_at timestamptz,
  -- Supplement requests during processing (a second one is flagged and counts late, §3.4 rule 5).
  ADD COLUMN supplement_requests smallint NOT NULL DEFAULT 0,
  -- The appointment before an apology letter moved it (at most once, §3.4 rule 7).
  ADD COLUMN original_due_at timestamptz,
  -- Who made it late, recorded when a dossier ends after its appointment.
  ADD COLUMN late_step_id uuid REFERENCES dossier_steps (id),
  ADD COLUMN finished_at timestamptz;

-- My steps (claimed), sorted by due time; my agency's unclaimed steps of my role; due soon / overdue.
CREATE INDEX dossiers_inbox_mine_idx ON dossiers (step_assignee, step_due_at, id)
  WHERE status IN (4, 5, 6);
CREATE INDEX dossiers_inbox_unclaimed_idx ON dossiers (step_agency_id, step_role, step_due_at, id)
  WHERE status = 4 AND step_assignee IS NULL;
CREATE INDEX dossiers_inbox_agency_due_idx ON dossiers (step_agency_id, step_due_at, id)
  WHERE status IN (4, 5, 6);

-- A pause of the clock: the supplement requested of the citizen (status 5) until it is received.
CREATE TABLE dossier_pauses (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  step_id uuid REFERENCES dossier_steps (id),
  requested_at timestamptz NOT NULL,
  requested_by uuid REFERENCES officers (id),
  reason text NOT NULL CHECK (reason <> ''),
  -- A second request during processing: flagged, late in the 766 index.
  flagged boolean NOT NULL DEFAULT false,
  resumed_at timestamptz CHECK (resumed_at >= requested_at)
);
CREATE UNIQUE INDEX dossier_pauses_open_idx ON dossier_pauses (dossier_id) WHERE resumed_at IS NULL;

-- Thư xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04): drafted by the system, approved by a leader,
-- then sent; the approved one moves the appointment. One approved letter per dossier.
CREATE TABLE dossier_apologies (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  drafted_at timestamptz NOT NULL,
  reason text NOT NULL CHECK (reason <> ''),
  responsible_agency_id uuid NOT NULL REFERENCES agencies (id),
  old_due_at timestamptz NOT NULL,
  new_due_at timestamptz NOT NULL CHECK (new_due_at > old_due_at),
  approved_by uuid REFERENCES officers (id),
  approved_at timestamptz,
  sent_at timestamptz
);
CREATE UNIQUE INDEX dossier_apologies_approved_idx ON dossier_apologies (dossier_id) WHERE approved_at IS NOT NULL;
