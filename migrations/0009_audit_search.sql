-- Audit search (tra cứu nhật ký kiểm tra, /quan-tri/nhat-ky and GET /api/v1/audit): newest first,
-- keyset on (at, seq). Migration 0005 serves the filters by actor id, object, agency and time; these
-- serve the two left: a person named by username (actor_label), and an action.
CREATE INDEX audit_log_label_idx ON audit_log (actor_label, at);
CREATE INDEX audit_log_action_idx ON audit_log (action, at);
