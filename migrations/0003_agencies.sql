-- Cơ quan (agencies): the bodies that receive, decide and hand on dossiers, as a tree
-- (UBND tỉnh → Sở, Trung tâm Phục vụ hành chính công; UBND xã → its centre; vertical agencies).
-- Module admin-units (agencies). Ids are uuid v7 made by the application.

-- Equality on text and uuid inside exclusion constraints (codes unique at any time).
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE agencies (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN (
    'provincial_committee',       -- Ủy ban nhân dân tỉnh
    'department',                 -- Sở và tương đương
    'provincial_service_centre',  -- Trung tâm Phục vụ hành chính công tỉnh
    'commune_committee',          -- Ủy ban nhân dân xã, phường, đặc khu
    'commune_service_centre',     -- Trung tâm Phục vụ hành chính công xã (Bộ phận Một cửa)
    'tax',                        -- Thuế (ngành dọc)
    'police',                     -- Công an (ngành dọc)
    'land_registration',          -- Văn phòng / Chi nhánh đăng ký đất đai
    'other'
  )),
  name text NOT NULL CHECK (name <> '' AND name = btrim(name) AND name IS NFC NORMALIZED),
  -- Accent-free, lower-case name: the sort order of lists and the target of name search.
  sort_key text GENERATED ALWAYS AS (immutable_unaccent(name)) STORED,
  parent_id uuid REFERENCES agencies (id),
  address text,
  phone text CHECK (phone ~ '^\+?[0-9][0-9 .()]{6,18}[0-9]$'),
  email text CHECK (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK (parent_id IS DISTINCT FROM id)
);

-- Lists are keyset-paginated on (sort_key, id), optionally by kind.
CREATE INDEX agencies_sort_idx ON agencies (sort_key, id);
CREATE INDEX agencies_kind_sort_idx ON agencies (kind, sort_key, id);
CREATE INDEX agencies_parent_idx ON agencies (parent_id);
CREATE INDEX agencies_sort_key_trgm_idx ON agencies USING gin (sort_key gin_trgm_ops);

-- Đơn vị hành chính an agency serves: a province (2 digits) or a commune (5 digits), codes of
-- QĐ 19/2025/QĐ-TTg kept as text. The unit catalogue is another table (admin units import), so only
-- the shape is checked here.
CREATE TABLE agency_units (
  agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  unit_code text NOT NULL CHECK (unit_code ~ '^([0-9]{2}|[0-9]{5})$'),
  PRIMARY KEY (agency_id, unit_code)
);
CREATE INDEX agency_units_unit_idx ON agency_units (unit_code, agency_id);

-- Mã định danh điện tử (QĐ 20/2020/QĐ-TTg, amended by QĐ 09/2025/QĐ-TTg) with its history:
-- an opaque string, never parsed (DOMAIN.md §5.2). Validity is the half-open local date range
-- [valid_from, valid_to). One agency holds one code at a time, and a code belongs to one agency at
-- a time; an old code stays findable at dates when it was valid.
CREATE TABLE agency_codes (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  code text NOT NULL CHECK (length(code) <= 20 AND code ~ '^[A-Z0-9]+(\.[A-Z0-9]+)*$'),
  valid_from date NOT NULL,
  valid_to date CHECK (valid_to > valid_from),
  source text,
  created_at timestamptz NOT NULL,
  CONSTRAINT agency_codes_code_unique_in_time
    EXCLUDE USING gist (code WITH =, daterange(valid_from, valid_to) WITH &&),
  CONSTRAINT agency_codes_one_per_agency_in_time
    EXCLUDE USING gist (agency_id WITH =, daterange(valid_from, valid_to) WITH &&)
);
CREATE UNIQUE INDEX agency_codes_one_open_idx ON agency_codes (agency_id) WHERE valid_to IS NULL;
CREATE INDEX agency_codes_code_idx ON agency_codes (code, valid_from);
CREATE INDEX agency_codes_code_prefix_idx ON agency_codes (code text_pattern_ops);

-- Lịch sử thay đổi cơ quan: who created or changed an agency, and what changed.
CREATE TABLE agency_history (
  id uuid PRIMARY KEY,
  agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  action text NOT NULL CHECK (action IN ('created', 'updated', 'code_changed')),
  -- An officer id once identity exists; 'system:…' for imports and the demo seed.
  actor text NOT NULL,
  at timestamptz NOT NULL,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX agency_history_agency_idx ON agency_history (agency_id, at);
