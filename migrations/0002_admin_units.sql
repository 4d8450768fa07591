-- Đơn vị hành chính (administrative units), module admin-units: the unit catalogue as it is and
-- was (63 provinces / 696 districts / 10,035 communes before 1/7/2025; 34 provinces / 3,321 communes
-- after, with the 2026 changes), the NSO old→new crosswalk, other codes of a unit, facts about the
-- new communes, and the import runs with their anomaly reports. Filled by `motcua units import`
-- from datasets/admin-units/ (src/modules/admin-units/import/). Codes are text with their leading
-- zeros everywhere (province 2 digits, district 3, commune 5).

-- Equality on text inside the exclusion constraint below (one version of a code at a time).
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Phiên bản đơn vị hành chính: what a code meant over a span of days. Dates are local dates,
-- both INCLUSIVE (valid_to is the last day in force, as the import layer writes them); a null
-- valid_from means "before the sources tell", a null valid_to "still in force".
CREATE TABLE admin_unit_versions (
  code text NOT NULL CHECK (code ~ '^([0-9]{2}|[0-9]{3}|[0-9]{5})$'),
  -- The catalogue edition that established the version: one version per code and edition.
  edition text NOT NULL CHECK (edition IN ('preReform', 'reform2025', 'update2026')),
  level text NOT NULL CHECK (level IN ('province', 'district', 'commune')),
  type text NOT NULL CHECK (type IN (
    'municipality',    -- thành phố trực thuộc trung ương
    'province',        -- tỉnh
    'urban_district',  -- quận
    'rural_district',  -- huyện
    'district_town',   -- thị xã
    'district_city',   -- thành phố thuộc tỉnh
    'ward',            -- phường
    'commune',         -- xã
    'township',        -- thị trấn
    'special_zone'     -- đặc khu
  )),
  name text NOT NULL CHECK (name <> '' AND name IS NFC NORMALIZED),
  full_name text NOT NULL CHECK (full_name <> '' AND full_name IS NFC NORMALIZED),
  -- The catalogue author's English renderings, not official.
  name_en text,
  full_name_en text,
  -- District of a pre-reform commune; province of a district or of a post-reform commune.
  parent_code text CHECK (parent_code ~ '^([0-9]{2}|[0-9]{3})$'),
  province_code text NOT NULL CHECK (province_code ~ '^[0-9]{2}$'),
  valid_from date,
  valid_to date,
  validity daterange GENERATED ALWAYS AS (daterange(valid_from, valid_to, '[]')) STORED,
  -- Other spellings of full_name seen in later editions (tone-mark style, letter case).
  alt_names text[] NOT NULL DEFAULT '{}',
  -- immutable_unaccent(name): lower case, no diacritics ("Đông Triều" → "dong trieu"). Stored, so
  -- the function runs once per row on write instead of on every candidate of every search
  -- (about 3 µs a call: 40 ms over the table).
  search_name text GENERATED ALWAYS AS (immutable_unaccent(name)) STORED,
  PRIMARY KEY (code, edition),
  CHECK (valid_from IS NULL OR valid_to IS NULL OR valid_from <= valid_to),
  CHECK (length(code) = CASE level WHEN 'province' THEN 2 WHEN 'district' THEN 3 ELSE 5 END),
  -- Deferred: an import rewrites several versions of a code in one transaction.
  CONSTRAINT admin_unit_versions_one_at_a_time
    EXCLUDE USING gist (code WITH =, validity WITH &&) DEFERRABLE INITIALLY DEFERRED
);
-- What a code meant on a date is served by the exclusion constraint's (code, validity) index.
-- Children of a parent on a date, by code.
CREATE INDEX admin_unit_versions_parent_idx ON admin_unit_versions (parent_code, code);
-- By level on a date, by code; and every level in code order (provinces, districts, communes).
CREATE INDEX admin_unit_versions_level_idx ON admin_unit_versions (level, code);
CREATE INDEX admin_unit_versions_code_order_idx ON admin_unit_versions (length(code), code);
-- Search by the start of a code ("070" → 07090, 07093, ...).
CREATE INDEX admin_unit_versions_code_prefix_idx ON admin_unit_versions (code text_pattern_ops);
-- Name search without diacritics and with typos ("dong treu" → Đông Triều): trigrams of
-- immutable_unaccent(name) (the stored search_name). Also serves prefix searches (LIKE 'dong tr%').
-- The import fills it through the pending list (twice as fast as without) and flushes that list
-- before it commits (gin_clean_pending_list), so a search never scans one.
CREATE INDEX admin_unit_versions_name_trgm_idx ON admin_unit_versions USING gin (search_name gin_trgm_ops);

-- Mã bí danh: another code by which a source refers to a unit (Xã Ba Chẽ: 06970 in the NSO
-- crosswalk, 06978 in the statistics office's catalogue, which is the code kept).
CREATE TABLE admin_unit_aliases (
  alias text NOT NULL CHECK (alias ~ '^([0-9]{2}|[0-9]{3}|[0-9]{5})$'),
  code text NOT NULL CHECK (code ~ '^([0-9]{2}|[0-9]{3}|[0-9]{5})$'),
  valid_from date,
  valid_to date,
  validity daterange GENERATED ALWAYS AS (daterange(valid_from, valid_to, '[]')) STORED,
  source text NOT NULL,
  source_row integer,
  PRIMARY KEY (alias, code),
  CHECK (alias <> code)
);
CREATE INDEX admin_unit_aliases_code_idx ON admin_unit_aliases (code);

-- Bảng chuyển đổi ĐVHC mới – cũ: one row per old→new edge of the crosswalk, as its row says.
-- kind: nhập toàn bộ (whole) or nhập một phần (partial: the old unit went to several new ones,
-- so an address in it cannot be converted without a person or street-level data).
CREATE TABLE admin_unit_mappings (
  source text NOT NULL,
  source_row integer NOT NULL,
  -- Null for a piece of land that had no code (the Kim Sơn coastal flats).
  old_code text CHECK (old_code ~ '^([0-9]{3}|[0-9]{5})$'),
  old_level text CHECK (old_level IN ('province', 'district', 'commune')),
  old_name text NOT NULL,
  new_code text NOT NULL CHECK (new_code ~ '^[0-9]{5}$'),
  new_name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('whole', 'partial')),
  change text NOT NULL CHECK (change IN ('merged', 'unchanged', 'renamed', 'retyped', 'reorganised', 'unspecified')),
  -- Ghi chú as published (cleaned of stray spaces and newlines).
  note text NOT NULL,
  effective_from date NOT NULL,
  -- The codes exactly as printed, where the import corrected them (three wrong old codes).
  source_old_code text,
  source_new_code text NOT NULL,
  PRIMARY KEY (source, source_row)
);
CREATE INDEX admin_unit_mappings_old_idx ON admin_unit_mappings (old_code, new_code);
CREATE INDEX admin_unit_mappings_new_idx ON admin_unit_mappings (new_code, old_code);

-- Facts about a new commune from sapnhap.bando.com.vn (not official statistics): shown on the
-- public page with their source.
CREATE TABLE admin_unit_profiles (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]{5}$'),
  area_km2 double precision CHECK (area_km2 >= 0),
  population integer CHECK (population >= 0),
  admin_centre text,
  longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  merged_from_text text NOT NULL,
  source text NOT NULL,
  source_row integer NOT NULL
);

-- Lần nhập dữ liệu: one row per import that changed something or brought a new report. The
-- latest row is the report an administrator reads; dataset_sha256 lets start-up skip an import
-- of files already imported.
CREATE TABLE admin_unit_imports (
  id uuid PRIMARY KEY,
  imported_at timestamptz NOT NULL,
  -- sha-256 of the source files as read; null when the caller did not give it.
  dataset_sha256 text CHECK (dataset_sha256 ~ '^[0-9a-f]{64}$'),
  -- sha-256 of everything the build produced (units, edges, aliases, profiles, anomalies).
  build_sha256 text NOT NULL CHECK (build_sha256 ~ '^[0-9a-f]{64}$'),
  importer_version integer NOT NULL,
  -- The build's counts per edition and source (ImportCounts), and what this import changed.
  counts jsonb NOT NULL,
  changes jsonb NOT NULL,
  anomaly_counts jsonb NOT NULL,
  anomaly_total integer NOT NULL CHECK (anomaly_total >= 0),
  duration_ms integer NOT NULL CHECK (duration_ms >= 0)
);
CREATE INDEX admin_unit_imports_latest_idx ON admin_unit_imports (imported_at DESC, id DESC);
CREATE INDEX admin_unit_imports_build_idx ON admin_unit_imports (build_sha256);

-- Báo cáo bất thường: every dirty thing an import found, where it is, and what was done about it.
CREATE TABLE admin_unit_import_anomalies (
  import_id uuid NOT NULL REFERENCES admin_unit_imports (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  kind text NOT NULL,
  severity text NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
  source text NOT NULL,
  source_row integer,
  field text,
  -- Unit codes concerned, the kept code first.
  codes text[] NOT NULL DEFAULT '{}',
  message_vi text NOT NULL,
  message_en text NOT NULL,
  PRIMARY KEY (import_id, seq)
);
CREATE INDEX admin_unit_import_anomalies_kind_idx ON admin_unit_import_anomalies (import_id, kind, seq);
CREATE INDEX admin_unit_import_anomalies_codes_idx ON admin_unit_import_anomalies USING gin (codes);
