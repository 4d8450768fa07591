-- Idempotent attachment uploads: a file part sent under an Idempotency-Key is stored once. The key
-- of a part is "{Idempotency-Key}#{n}" (n: the part's place among the request's files), unique per
-- dossier and uploader, so a retry of the whole request (or of its unfinished rest after a broken
-- link) stores only what is not there yet and answers with the same files.
ALTER TABLE dossier_files ADD COLUMN request_key text;
CREATE UNIQUE INDEX dossier_files_request_key_idx
  ON dossier_files (dossier_id, uploaded_by_id, request_key)
  WHERE request_key IS NOT NULL;
