-- Danh mục thủ tục hành chính (procedure catalogue): procedures with a stable identity, immutable
-- published versions, and each version's agencies, subjects, legal basis, results, components
-- (thành phần hồ sơ), channels with processing times, fee lines, fee reductions, and internal
-- workflows (quy trình nội bộ). Module catalogue. Ids are uuid v7 made by the application.

CREATE TABLE catalogue_procedures (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[123]\.\d{6}$'),
  -- The local instance code (e.g. 1.002835.000.00.00.H56), when a province assigns one.
  local_code text UNIQUE,
  created_at timestamptz NOT NULL
);

CREATE TABLE catalogue_procedure_versions (
  id uuid PRIMARY KEY,
  procedure_id uuid NOT NULL REFERENCES catalogue_procedures (id),
  version_number integer NOT NULL CHECK (version_number >= 1),
  status text NOT NULL CHECK (status IN ('draft', 'published')),
  effective_from timestamptz,
  published_at timestamptz,
  published_by text,
  -- sha-256 of the canonical content: equal hashes mean an unchanged procedure.
  content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  name text NOT NULL CHECK (name <> '' AND name IS NFC NORMALIZED),
  field text,
  levels text[] NOT NULL,
  procedure_type text,
  steps_text text,
  conditions_text text,
  online_level text NOT NULL CHECK (online_level IN ('toan_trinh', 'mot_phan', 'none')),
  -- Who set the online level: the import rule, or an administrator who raised it.
  online_level_source text NOT NULL CHECK (online_level_source IN ('import_rule', 'administrator')),
  -- Same-day rule with a cut-off, e.g. {"sameDay": true, "cutoff": "15:00", "text": "..."}.
  cut_off jsonb,
  decision_number text,
  decision_date date,
  disclosed_on date,
  -- Where the content came from (portal URL, crawl folder) and what the parser could not read.
  source jsonb NOT NULL DEFAULT '{}',
  parse_issues jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL,
  UNIQUE (procedure_id, version_number),
  CHECK ((status = 'published') = (published_at IS NOT NULL AND published_by IS NOT NULL AND effective_from IS NOT NULL))
);
-- versionAt(code, instant): the latest published version effective at that instant.
CREATE INDEX catalogue_versions_effective_idx
  ON catalogue_procedure_versions (procedure_id, effective_from DESC) WHERE status = 'published';
CREATE INDEX catalogue_versions_hash_idx ON catalogue_procedure_versions (procedure_id, content_hash);

CREATE TABLE catalogue_version_agencies (
  version_id uuid NOT NULL REFERENCES catalogue_procedure_versions (id),
  position integer NOT NULL,
  role text NOT NULL CHECK (role IN ('competent', 'implementing', 'coordinating', 'receiving')),
  level text CHECK (level IN ('ministry', 'province', 'commune', 'other')),
  name text NOT NULL CHECK (name <> ''),
  agency_id uuid REFERENCES agencies (id),
  PRIMARY KEY (version_id, position)
);

CREATE TABLE catalogue_version_subjects (
  version_id uuid NOT NULL REFERENCES catalogue_procedure_versions (id),
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('citizen', 'business', 'organisation', 'foreigner', 'other')),
  label text NOT NULL CHECK (label <> ''),
  PRIMARY KEY (version_id, position)
);

CREATE TABLE catalogue_legal_bases (
  version_id uuid NOT NULL REFERENCES catalogue_procedure_versions (id),
  position integer NOT NULL,
  number text,
  title text NOT NULL,
  issued_on date,
  PRIMARY KEY (version_id, position)
);

CREATE TABLE catalogue_results (
  version_id uuid NOT NULL REFERENCES catalogue_procedure_versions (id),
  position integer NOT NULL,
  name text NOT NULL,
  -- KQ.Gnn.nnnnn(n); other codes found in the record are kept, flagged by code_valid.
  code text,
  code_valid boolean NOT NULL,
  PRIMARY KEY (version_id, position)
);

CREATE TABLE catalogue_components (
  version_id uuid NOT NULL REFERENCES catalogue_procedure_versions (id),
  position integer NOT NULL,
  group_title text,
  name text NOT NULL CHECK (name <> ''),
  template_file text,
  template_url text,
  originals integer NOT NULL CHECK (originals >= 0),
  certified_copies integer NOT NULL CHECK (certified_copies >= 0),
  copies integer NOT NULL CHECK (copies >= 0),
  requirement text NOT NULL CHECK (requirement IN ('required', 'conditional')),
  condition_text text,
  reusable_data boolean NOT NULL,
  PRIMARY KEY (version_id, position),
  CHECK ((requirement = 'conditional') = (condition_text IS NOT NULL))
);

CREATE TABLE catalogue_channels (
  version_id uuid NOT NULL REFERENCES catalogue_procedure_versions (id),
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('direct', 'online', 'postal')),
  time_value double precision CHECK (time_value >= 0),
  time_unit text CHECK (time_unit IN ('gio', 'ngay-lam-viec', 'ngay', 'thang')),
  -- stated in the time cell, inferred from the description or another channel, or lost.
  time_unit_source text CHECK (time_unit_source IN ('stated', 'description', 'other_channel', 'lost')),
  time_text text,
  fee_status text NOT NULL CHECK (fee_status IN ('free', 'charged', 'unknown')),
  description text,
  PRIMARY KEY (version_id, position),
  CHECK ((time_value IS NULL) = (time_unit_source IS NULL))
);

CREATE TABLE catalogue_fee_lines (
  version_id uuid NOT NULL REFERENCES catalogue_procedure_versions (id),
  position integer NOT NULL,
  -- The channel row this fee belongs to; NULL: every channel.
  channel_position integer,
  kind text NOT NULL CHECK (kind IN ('phi', 'le_phi', 'unspecified')),
  amount bigint NOT NULL CHECK (amount >= 0),
  amount_max bigint CHECK (amount_max >= amount),
  currency text NOT NULL CHECK (currency IN ('VND', 'USD')),
  per_unit text,
  collected text NOT NULL CHECK (collected IN ('before', 'after', 'unspecified')),
  exemptions text,
  note text,
  PRIMARY KEY (version_id, position),
  FOREIGN KEY (version_id, channel_position) REFERENCES catalogue_channels (version_id, position)
);

-- Fee reductions by channel with effective dates (e.g. 50% online under an HĐND resolution).
CREATE TABLE catalogue_fee_reductions (
  version_id uuid NOT NULL REFERENCES catalogue_procedure_versions (id),
  position integer NOT NULL,
  channel text NOT NULL CHECK (channel IN ('any', 'direct', 'online', 'postal')),
  percent integer NOT NULL CHECK (percent BETWEEN 1 AND 100),
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to >= valid_from),
  legal_basis text NOT NULL CHECK (legal_basis <> ''),
  PRIMARY KEY (version_id, position)
);

-- A published version and everything it holds never change: a change is a new version.
-- A draft may be completed and published once; after that the row is final.
CREATE FUNCTION catalogue_refuse_version_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'catalogue: published version % is immutable', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;

CREATE FUNCTION catalogue_refuse_published_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  vid uuid;
BEGIN
  IF TG_OP = 'INSERT' THEN
    vid := NEW.version_id;
  ELSE
    vid := OLD.version_id;
  END IF;
  IF EXISTS (SELECT 1 FROM catalogue_procedure_versions WHERE id = vid AND status = 'published') THEN
    RAISE EXCEPTION 'catalogue: published version % is immutable', vid USING ERRCODE = 'check_violation';
  END IF;
  RETURN COALESCE(NEW, OLD);
END $$;

CREATE TRIGGER catalogue_versions_immutable BEFORE UPDATE OR DELETE ON catalogue_procedure_versions
  FOR EACH ROW EXECUTE FUNCTION catalogue_refuse_version_change();
CREATE TRIGGER catalogue_agencies_immutable BEFORE INSERT OR UPDATE OR DELETE ON catalogue_version_agencies
  FOR EACH ROW EXECUTE FUNCTION catalogue_refuse_published_change();
CREATE TRIGGER catalogue_subjects_immutable BEFORE INSERT OR UPDATE OR DELETE ON catalogue_version_subjects
  FOR EACH ROW EXECUTE FUNCTION catalogue_refuse_published_change();
CREATE TRIGGER catalogue_legal_immutable BEFORE INSERT OR UPDATE OR DELETE ON catalogue_legal_bases
  FOR EACH ROW EXECUTE FUNCTION catalogue_refuse_published_change();
CREATE TRIGGER catalogue_results_immutable BEFORE INSERT OR UPDATE OR DELETE ON catalogue_results
  FOR EACH ROW EXECUTE FUNCTION catalogue_refuse_published_change();
CREATE TRIGGER catalogue_components_immutable BEFORE INSERT OR UPDATE OR DELETE ON catalogue_components
  FOR EACH ROW EXECUTE FUNCTION catalogue_refuse_published_change();
CREATE TRIGGER catalogue_channels_immutable BEFORE INSERT OR UPDATE OR DELETE ON catalogue_channels
  FOR EACH ROW EXECUTE FUNCTION catalogue_refuse_published_change();
CREATE TRIGGER catalogue_fees_immutable BEFORE INSERT OR UPDATE OR DELETE ON catalogue_fee_lines
  FOR EACH ROW EXECUTE FUNCTION catalogue_refuse_published_change();
CREATE TRIGGER catalogue_reductions_immutable BEFORE INSERT OR UPDATE OR DELETE ON catalogue_fee_reductions
  FOR EACH ROW EXECUTE FUNCTION catalogue_refuse_published_change();

-- Quy trình nội bộ: per version and agency (agency NULL with is_default: the import's default for
-- the level). Agency administrators adjust it; the step budgets are checked against the legal time.
CREATE TABLE catalogue_workflows (
  id uuid PRIMARY KEY,
  version_id uuid NOT NULL REFERENCES catalogue_procedure_versions (id),
  agency_id uuid REFERENCES agencies (id),
  level text NOT NULL CHECK (level IN ('ministry', 'province', 'commune', 'other')),
  is_default boolean NOT NULL,
  -- A shorter target for online dossiers, in working minutes.
  online_target_minutes integer CHECK (online_target_minutes > 0),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX catalogue_workflows_default_idx ON catalogue_workflows (version_id, level) WHERE is_default;
CREATE UNIQUE INDEX catalogue_workflows_agency_idx ON catalogue_workflows (version_id, agency_id) WHERE agency_id IS NOT NULL;

CREATE TABLE catalogue_workflow_steps (
  workflow_id uuid NOT NULL REFERENCES catalogue_workflows (id) ON DELETE CASCADE,
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('receive_transfer', 'appraise', 'review', 'approve_sign', 'lien_thong', 'return_result')),
  role text NOT NULL CHECK (role <> ''),
  -- Another agency (liên thông) by name and optional link; NULL: the workflow's own agency.
  agency_name text,
  agency_id uuid REFERENCES agencies (id),
  -- Budget in working minutes (hours × 60); NULL when the legal time is unknown.
  budget_minutes integer CHECK (budget_minutes >= 0),
  PRIMARY KEY (workflow_id, position)
);

-- One row per import run: the file, its hash, the summary and every reported record.
CREATE TABLE catalogue_imports (
  id uuid PRIMARY KEY,
  imported_at timestamptz NOT NULL,
  source_file text NOT NULL,
  source_sha256 text NOT NULL,
  format text NOT NULL CHECK (format IN ('national_crawl', 'canonical')),
  summary jsonb NOT NULL,
  report jsonb NOT NULL
);
