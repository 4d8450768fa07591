-- Tài liệu xử lý: documents an officer attaches to a processing action (a draft decision, an appraisal
-- note, the partner agency's tax notice). They are dossier files without a component: uploaded first
-- (attached to nothing yet), then tied to the history entry of the action that carried them.
ALTER TABLE dossier_files ADD COLUMN history_id uuid REFERENCES dossier_history (id);
ALTER TABLE dossier_files
  ADD CONSTRAINT dossier_files_history_not_component CHECK (history_id IS NULL OR component_id IS NULL);
CREATE INDEX dossier_files_working_idx ON dossier_files (dossier_id, created_at)
  WHERE component_id IS NULL AND dossier_id IS NOT NULL;
