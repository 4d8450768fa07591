-- Hồ sơ (dossiers): intake online and at the one-stop desk, dossier codes, components with their
-- digitization, attachments, fee lines fixed at receipt, cash receipts, slips (Mẫu 01–03), history,
-- the citizen's data store (kho dữ liệu) and in-app notifications. Modules dossiers and notifications.
-- Ids are uuid v7 made by the application.

-- Bộ biểu mẫu in force over a date range (DOMAIN.md §4): a dossier prints with the set in force on its
-- receipt date. Legal parameters are data: TT 03/2025/TT-VPCP is added here once confirmed.
CREATE TABLE form_sets (
  code text PRIMARY KEY CHECK (code ~ '^[A-Z0-9-]+$'),
  name text NOT NULL,
  legal_basis text NOT NULL,
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to > valid_from),
  -- The number each slip carries in this set ("Mẫu số 01").
  receipt_no text NOT NULL,
  completion_request_no text NOT NULL,
  refusal_no text NOT NULL
);
INSERT INTO form_sets VALUES
  ('TT01-2018', 'Thông tư số 01/2018/TT-VPCP', 'Thông tư số 01/2018/TT-VPCP ngày 23/11/2018 của Văn phòng Chính phủ',
   '2018-11-23', NULL, '01', '02', '03');

-- Daily counter per deciding agency code (DOMAIN.md §5.1): the number is drawn in the dossier's own
-- transaction with INSERT … ON CONFLICT DO UPDATE, so parallel creations queue on the row.
CREATE TABLE dossier_counters (
  agency_code text NOT NULL,
  day date NOT NULL,
  last_seq integer NOT NULL CHECK (last_seq >= 1),
  PRIMARY KEY (agency_code, day)
);

CREATE TABLE dossiers (
  id uuid PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9]+(\.[A-Z0-9]+)*-[0-9]{6}-[0-9]{4,}$'),
  procedure_code text NOT NULL,
  procedure_version_id uuid NOT NULL REFERENCES catalogue_procedure_versions (id),
  procedure_name text NOT NULL,
  status smallint NOT NULL CHECK (status BETWEEN 1 AND 10),
  -- Sub-state of status 1 (design): waiting for the citizen to complete, or completed again.
  sub_state text CHECK (sub_state IN ('awaiting_completion', 'completion_submitted')),
  channel smallint NOT NULL CHECK (channel IN (1, 2, 3)),
  -- Who filed it: the citizen from their own account, the citizen helped at a centre's computer on
  -- their own account, or an officer on the citizen's behalf.
  filed_by text NOT NULL CHECK (filed_by IN ('citizen_remote', 'citizen_assisted', 'officer')),
  filed_by_officer_id uuid REFERENCES officers (id),
  -- The citizen or business account the dossier belongs to (null: a walk-in with no account).
  account_id uuid REFERENCES citizen_accounts (id),
  -- Người nộp: {name, idType, idNumber, birthDate, phone, email, address, unitCode}.
  applicant jsonb NOT NULL,
  -- Chủ hồ sơ when not the submitter (same shape), else null.
  owner jsonb,
  -- Search keys of the applicant (the desk finds a dossier by any of them).
  applicant_id_number text,
  applicant_phone text,
  applicant_name_key text NOT NULL,
  applicant_unit_code text,
  receiving_agency_id uuid NOT NULL REFERENCES agencies (id),
  competent_agency_id uuid NOT NULL REFERENCES agencies (id),
  competent_agency_code text NOT NULL,
  return_method text NOT NULL CHECK (return_method IN ('desk', 'post', 'online')),
  return_address text,
  CHECK (return_method <> 'post' OR return_address IS NOT NULL),
  submitted_at timestamptz NOT NULL,
  -- Set at receipt (NgayTiepNhan, NgayHenTra) with the duration that gave the due time.
  received_at timestamptz,
  due_at timestamptz,
  duration_value double precision,
  duration_unit text,
  form_set text REFERENCES form_sets (code),
  -- Thu trước / Thu sau of the fee lines fixed at receipt ('none' when nothing is charged).
  fee_collection text CHECK (fee_collection IN ('before', 'after', 'none')),
  refusal_reason text,
  withdraw_requested_at timestamptz,
  withdraw_reason text,
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX dossiers_receiving_idx ON dossiers (receiving_agency_id, status, submitted_at, id);
CREATE INDEX dossiers_competent_idx ON dossiers (competent_agency_id, status, submitted_at, id);
CREATE INDEX dossiers_account_idx ON dossiers (account_id, submitted_at DESC, id);
CREATE INDEX dossiers_applicant_id_idx ON dossiers (applicant_id_number);
CREATE INDEX dossiers_applicant_phone_idx ON dossiers (applicant_phone);
CREATE INDEX dossiers_applicant_name_idx ON dossiers USING gin (applicant_name_key gin_trgm_ops);

-- Idempotency of submissions: one key per caller makes one dossier, whatever the retries.
CREATE TABLE dossier_submissions (
  caller text NOT NULL,
  idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 8 AND 200),
  request_hash text NOT NULL,
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  created_at timestamptz NOT NULL,
  PRIMARY KEY (caller, idempotency_key)
);

-- Kho dữ liệu của công dân: digitized components and (later) returned results, reusable in new dossiers.
CREATE TABLE citizen_documents (
  id uuid PRIMARY KEY,
  account_id uuid REFERENCES citizen_accounts (id),
  owner_id_number text,
  -- LoaiSoHoa: 0 component, 1 result.
  kind smallint NOT NULL CHECK (kind IN (0, 1)),
  -- {SoDinhDanhChuHoSo}.{MaTTHC}.{MaGiayTo}.{NN} (DOMAIN.md §5.4); never shown publicly.
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  media_type text NOT NULL,
  size bigint NOT NULL,
  source_dossier_id uuid,
  source_component_id uuid,
  -- Results stay hidden until returned (DOMAIN.md §9).
  hidden boolean NOT NULL DEFAULT false,
  issued_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX citizen_documents_account_idx ON citizen_documents (account_id, issued_at DESC, id);
CREATE INDEX citizen_documents_owner_idx ON citizen_documents (owner_id_number, issued_at DESC);

CREATE TABLE dossier_components (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  position integer NOT NULL,
  name text NOT NULL,
  requirement text NOT NULL CHECK (requirement IN ('required', 'conditional')),
  originals integer NOT NULL DEFAULT 0,
  certified_copies integer NOT NULL DEFAULT 0,
  copies integer NOT NULL DEFAULT 0,
  -- TrangThaiSoHoa: 0 not digitized, 1 digitized, 2 reused component, 3 reused result.
  digitization smallint NOT NULL DEFAULT 0 CHECK (digitization BETWEEN 0 AND 3),
  reused_document_id uuid REFERENCES citizen_documents (id),
  CHECK ((digitization IN (2, 3)) = (reused_document_id IS NOT NULL)),
  UNIQUE (dossier_id, position)
);

-- Hồ sơ nháp: kept on the server so it can be resumed from any device.
CREATE TABLE dossier_drafts (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES citizen_accounts (id) ON DELETE CASCADE,
  procedure_code text NOT NULL,
  content jsonb NOT NULL DEFAULT '{}'::jsonb,
  row_version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE INDEX dossier_drafts_account_idx ON dossier_drafts (account_id, updated_at DESC);
CREATE INDEX dossier_drafts_updated_idx ON dossier_drafts (updated_at);

-- Tệp đính kèm: the bytes are in the file store (named by sha-256) before this row commits. An
-- upload belongs to a draft slot or to a dossier component; one attached to neither is cleaned up.
CREATE TABLE dossier_files (
  id uuid PRIMARY KEY,
  uploaded_by_kind text NOT NULL CHECK (uploaded_by_kind IN ('citizen', 'officer')),
  uploaded_by_id uuid NOT NULL,
  draft_id uuid REFERENCES dossier_drafts (id) ON DELETE SET NULL,
  -- Component position in the procedure version (draft uploads, before the dossier exists).
  slot integer,
  dossier_id uuid REFERENCES dossiers (id),
  component_id uuid REFERENCES dossier_components (id),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size > 0),
  media_type text NOT NULL,
  file_name text NOT NULL,
  scan_status text NOT NULL CHECK (scan_status IN ('clean', 'infected', 'not_scanned')),
  scan_detail text,
  created_at timestamptz NOT NULL,
  attached_at timestamptz,
  -- Replaced by the citizen in a completion, or removed from a draft: kept, no longer shown.
  removed_at timestamptz
);
CREATE INDEX dossier_files_dossier_idx ON dossier_files (dossier_id, component_id);
CREATE INDEX dossier_files_draft_idx ON dossier_files (draft_id, slot);
CREATE INDEX dossier_files_orphan_idx ON dossier_files (created_at) WHERE dossier_id IS NULL;
CREATE INDEX dossier_files_sha_idx ON dossier_files (sha256);

-- Quá trình xử lý: append-only, the DVCQG QuaTrinhXuLy fields (DOMAIN.md §3.3).
CREATE TABLE dossier_history (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  at timestamptz NOT NULL,
  action text NOT NULL,
  from_status smallint,
  to_status smallint NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('citizen', 'officer', 'system')),
  actor_id uuid,
  actor_name text NOT NULL,
  actor_role text,
  agency_id uuid REFERENCES agencies (id),
  content text,
  step_started_at timestamptz,
  step_due_at timestamptz
);
CREATE INDEX dossier_history_dossier_idx ON dossier_history (dossier_id, at, id);

-- Phí, lệ phí fixed at receipt from the version's rules in force (DOMAIN.md §7.1).
CREATE TABLE dossier_fee_lines (
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('phi', 'le_phi', 'unspecified')),
  name text NOT NULL,
  base_amount bigint NOT NULL CHECK (base_amount >= 0),
  amount bigint NOT NULL CHECK (amount >= 0 AND amount <= base_amount),
  collected text NOT NULL CHECK (collected IN ('before', 'after')),
  -- Why the amount differs from the base: the reduction's legal basis or the exemption.
  adjustment text,
  PRIMARY KEY (dossier_id, position)
);

-- Cash taken at the desk, with the receipt number (biên lai).
CREATE TABLE dossier_payments (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  amount bigint NOT NULL CHECK (amount > 0),
  method text NOT NULL CHECK (method IN ('cash')),
  receipt_number text NOT NULL CHECK (receipt_number <> ''),
  recorded_by uuid NOT NULL REFERENCES officers (id),
  recorded_at timestamptz NOT NULL,
  UNIQUE (dossier_id, receipt_number)
);

-- Phiếu đã cấp: what each slip said when it was issued, so a reprint is the same document.
CREATE TABLE dossier_slips (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  kind text NOT NULL CHECK (kind IN ('receipt', 'completion_request', 'refusal')),
  form_set text NOT NULL REFERENCES form_sets (code),
  form_no text NOT NULL,
  issued_at timestamptz NOT NULL,
  issued_by uuid REFERENCES officers (id),
  -- Missing components and reasons (Mẫu 02), the refusal reason (Mẫu 03).
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX dossier_slips_dossier_idx ON dossier_slips (dossier_id, kind, issued_at DESC);

-- Thông báo trong ứng dụng (module notifications): one row per event and recipient.
CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  recipient_kind text NOT NULL CHECK (recipient_kind IN ('citizen', 'officer')),
  recipient_id uuid NOT NULL,
  -- The event that made it: a redelivered event makes no second message.
  event_key text NOT NULL,
  title text NOT NULL,
  body text NOT NULL,
  link text,
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  UNIQUE (event_key, recipient_kind, recipient_id)
);
CREATE INDEX notifications_recipient_idx ON notifications (recipient_kind, recipient_id, created_at DESC, id);
