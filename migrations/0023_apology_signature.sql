-- The approved apology letter (Mẫu 04) is signed like a result (issue 8 point 3): the leader's
-- approval signs it with the agency's certificate before the extension is recorded, and the signed
-- PDF is what the citizen gets.
ALTER TABLE dossier_apologies
  ADD COLUMN signed_sha256 text CHECK (signed_sha256 ~ '^[0-9a-f]{64}$'),
  ADD COLUMN signed_at timestamptz;
