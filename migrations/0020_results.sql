-- Results (module results): the decided dossier's result document, numbered in its agency's register,
-- signed with the agency's certificate (PAdES), verifiable in public by an unguessable id, and
-- returned at the desk, online or by post (DOMAIN.md §8, §9).

-- Sổ đăng ký văn bản: the clerk's running number per agency and year (số), shared by every result
-- the agency issues that year; the symbol (ký hiệu) is the result's own, e.g. 15/GCN-UBND.
CREATE TABLE result_registers (
  agency_id uuid NOT NULL REFERENCES agencies (id),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2200),
  last_number integer NOT NULL DEFAULT 0 CHECK (last_number >= 0),
  PRIMARY KEY (agency_id, year)
);

CREATE TABLE results (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  -- generated from the template of the procedure's result kind, or uploaded by the officer.
  source text NOT NULL CHECK (source IN ('generated', 'uploaded')),
  -- draft (prepared, not signed yet; a failed signature leaves it here with sign_error), signed, cancelled.
  state text NOT NULL CHECK (state IN ('draft', 'signed', 'cancelled')),
  name text NOT NULL,
  -- KQ.G..: the national result code of the kind, when the catalogue has one.
  result_code text,
  agency_id uuid NOT NULL REFERENCES agencies (id),
  register_year integer,
  register_number integer,
  symbol text NOT NULL,
  -- "15/GCN-UBND": fixed when the number is taken, printed on the document.
  number_symbol text,
  -- {SoDinhDanhChuHoSo}.{MaKetQua}.{SoKyHieu}.{NN} (DOMAIN.md §5.4): never shown publicly.
  data_store_code text UNIQUE,
  -- Public, random, unguessable: the QR code of the document opens /verify/{verification_id}.
  verification_id text NOT NULL UNIQUE CHECK (verification_id ~ '^[A-Za-z0-9_-]{22,}$'),
  valid_until date,
  permanent boolean NOT NULL DEFAULT true,
  -- An uploaded result: the dossier file it came from (a scan or a file signed elsewhere).
  source_file_id uuid REFERENCES dossier_files (id),
  -- The signed document in the file store.
  sha256 text CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint,
  issued_at timestamptz,
  signer_id uuid REFERENCES officers (id),
  signer_name text,
  signer_title text,
  certificate_subject text,
  certificate_serial text,
  certificate_demo boolean,
  signed_at timestamptz,
  -- The last signing attempt that failed, shown with a retry; cleared by a success.
  sign_error text,
  sign_failed_at timestamptz,
  -- Returned to the citizen (status 10): only then does the citizen see it (DOMAIN.md §9).
  returned_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  row_version integer NOT NULL DEFAULT 1,
  CONSTRAINT results_signed_has_document CHECK (state <> 'signed' OR (sha256 IS NOT NULL AND signed_at IS NOT NULL AND number_symbol IS NOT NULL)),
  UNIQUE (agency_id, register_year, register_number)
);
-- One live result per dossier (a cancelled one is kept for the record).
CREATE UNIQUE INDEX results_one_live_idx ON results (dossier_id) WHERE state <> 'cancelled';
CREATE INDEX results_sha_idx ON results (sha256) WHERE sha256 IS NOT NULL;

-- Trả kết quả: how the result reached the citizen.
CREATE TABLE result_returns (
  id uuid PRIMARY KEY,
  result_id uuid NOT NULL REFERENCES results (id),
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  method text NOT NULL CHECK (method IN ('desk', 'online', 'post')),
  -- At the desk: who picked it up — the applicant or a person they authorised — with their ID number.
  picked_up_by text CHECK (picked_up_by IN ('applicant', 'authorised')),
  recipient_name text,
  recipient_id_number text,
  authorisation_note text,
  recorded_by uuid REFERENCES officers (id),
  returned_at timestamptz NOT NULL,
  UNIQUE (result_id)
);

-- A result enters the citizen's data store hidden; the return makes it visible.
ALTER TABLE citizen_documents ADD COLUMN result_id uuid REFERENCES results (id);
CREATE UNIQUE INDEX citizen_documents_result_idx ON citizen_documents (result_id) WHERE result_id IS NOT NULL;
