-- Whether bytes in the file store are still named by something: the upload and clean-up paths ask
-- this of citizen_documents (by sha-256) under an advisory lock, so it must not scan the table.
CREATE INDEX citizen_documents_sha_idx ON citizen_documents (sha256);
