-- Tra cứu thủ tục (procedure search): one row per procedure for its version in force, kept current
-- by the import, by publishing, and by the hourly job catalogue.refresh-search (a version whose
-- effective_from arrives). Module catalogue. Every *_key column and the document hold unaccented
-- lower-case text (immutable_unaccent of migration 0001), which is what citizens type.

CREATE TABLE catalogue_search (
  procedure_id uuid PRIMARY KEY REFERENCES catalogue_procedures (id),
  version_id uuid NOT NULL REFERENCES catalogue_procedure_versions (id),
  version_number integer NOT NULL,
  code text NOT NULL,
  local_code text,
  name text NOT NULL,
  -- Unaccented lower case: byte order is alphabetical order, and sorts many times faster.
  name_key text COLLATE "C" NOT NULL,
  field text,
  field_key text,
  levels text[] NOT NULL,
  online_level text NOT NULL CHECK (online_level IN ('toan_trinh', 'mot_phan', 'none')),
  -- Competent and implementing agencies of the version, by name, in the version's order.
  agencies text[] NOT NULL,
  -- 'simple' configuration over unaccented text, weighted: A name and codes, B field,
  -- C result and component names, D agency names.
  document tsvector NOT NULL,
  -- The A and B part of the document alone: ranking reads it for every match, and is many times
  -- faster on it than on the whole document with its component names.
  head tsvector NOT NULL,
  effective_from timestamptz NOT NULL
);

CREATE INDEX catalogue_search_document_idx ON catalogue_search USING gin (document);
CREATE INDEX catalogue_search_head_idx ON catalogue_search USING gin (head);
CREATE INDEX catalogue_search_name_trgm_idx ON catalogue_search USING gin (name_key gin_trgm_ops);
CREATE INDEX catalogue_search_field_idx ON catalogue_search (field_key);
CREATE INDEX catalogue_search_levels_idx ON catalogue_search USING gin (levels);
CREATE INDEX catalogue_search_agencies_idx ON catalogue_search USING gin (agencies);
CREATE INDEX catalogue_search_online_idx ON catalogue_search (online_level);
-- Browsing without words: name order, then code (the keyset of the list).
CREATE INDEX catalogue_search_browse_idx ON catalogue_search (name_key, code);
-- A code or local code typed from its start ("1.0011", "1.002835.000.00.00.H56").
CREATE INDEX catalogue_search_code_idx ON catalogue_search (code text_pattern_ops);
CREATE INDEX catalogue_search_local_code_idx ON catalogue_search (upper(local_code) text_pattern_ops);
