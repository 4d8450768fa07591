-- Result templates (mẫu kết quả, module results): what the generated result document of a procedure
-- says — title, ký hiệu, the "Căn cứ …" paragraphs, the grant line, the data lines and their
-- labels, the closing, the validity and the signer's title — per agency, or for every agency of the
-- province (agency_id NULL). Without a row the built-in default layout applies (DOMAIN.md §8).
CREATE TABLE result_templates (
  id uuid PRIMARY KEY,
  procedure_code text NOT NULL,
  -- NULL: every agency of the province (mẫu toàn tỉnh); an agency's own row comes first.
  agency_id uuid REFERENCES agencies (id),
  -- The document's title, e.g. "Giấy chứng nhận đăng ký hộ kinh doanh".
  title text NOT NULL CHECK (length(btrim(title)) > 0),
  -- Ký hiệu loại văn bản: GCN, QĐ, GP … (the agency's part of the symbol is added at numbering).
  symbol_kind text NOT NULL CHECK (symbol_kind ~ '^[A-ZĐ0-9]{1,10}$'),
  -- "Căn cứ …" paragraphs, one per line; {placeholders} filled from the dossier.
  intro text,
  -- e.g. "{agency} cấp giấy chứng nhận cho:"
  grant_line text,
  -- Ordered [{label, source}], source from a fixed list (applicant.name, dossier.code, …).
  fields jsonb NOT NULL CHECK (jsonb_typeof(fields) = 'array' AND jsonb_array_length(fields) <= 12),
  closing text,
  -- NULL: permanent (ThoiHanVinhVien).
  validity_months integer CHECK (validity_months BETWEEN 1 AND 1200),
  -- NULL: from the kind of agency (Chủ tịch, Giám đốc …).
  signer_title text,
  updated_by uuid,
  updated_at timestamptz NOT NULL,
  row_version integer NOT NULL DEFAULT 1,
  CONSTRAINT result_templates_scope_key UNIQUE NULLS NOT DISTINCT (procedure_code, agency_id)
);
CREATE INDEX result_templates_agency_idx ON result_templates (agency_id) WHERE agency_id IS NOT NULL;
