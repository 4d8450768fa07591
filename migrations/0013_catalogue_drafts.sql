-- Quản trị danh mục: an agency administrator edits a procedure in a draft (bản nháp), then publishes
-- it as a new immutable version with an effective date. Module catalogue (admin).

-- One open draft per procedure: a copy of a published version's canonical content (ProcedureContent)
-- that the section forms change. row_version guards concurrent edits (If-Match, hidden form field).
CREATE TABLE catalogue_drafts (
  id uuid PRIMARY KEY,
  procedure_id uuid NOT NULL UNIQUE REFERENCES catalogue_procedures (id),
  based_on_version_id uuid NOT NULL REFERENCES catalogue_procedure_versions (id),
  content jsonb NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL,
  row_version integer NOT NULL DEFAULT 1 CHECK (row_version >= 1)
);

-- What each published draft became, so that a resubmitted publish form (same draft) or a retried
-- API call (same Idempotency-Key) answers with the first result instead of failing or publishing twice.
CREATE TABLE catalogue_draft_publications (
  draft_id uuid PRIMARY KEY,
  procedure_id uuid NOT NULL REFERENCES catalogue_procedures (id),
  version_id uuid NOT NULL REFERENCES catalogue_procedure_versions (id),
  request_key text UNIQUE,
  published_at timestamptz NOT NULL
);

-- sha-256 of the content as the national record gave it, before local parts (agency workflows, fee
-- reductions, a raised online level) were merged: a re-import compares against this, so an
-- administrator's edit is not mistaken for a national change. NULL on versions written before this
-- column existed (they were all imports: content_hash stands in for it).
ALTER TABLE catalogue_procedure_versions
  ADD COLUMN national_hash text CHECK (national_hash ~ '^[0-9a-f]{64}$');
