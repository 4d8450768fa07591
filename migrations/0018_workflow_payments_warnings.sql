-- Processing, second part (module workflow): the financial obligation (status 6) as a pause of the
-- clock, payments received by transfer, the warnings sent before a due time, who drafted an apology.

-- Until online payment lands, an officer records a payment taken at the desk or received by transfer.
ALTER TABLE dossier_payments DROP CONSTRAINT dossier_payments_method_check;
ALTER TABLE dossier_payments ADD CONSTRAINT dossier_payments_method_check CHECK (method IN ('cash', 'transfer'));

-- A pause is a supplement request (status 5) or a financial obligation (status 6): the citizen's time
-- is not the agency's. An obligation names its amount and, once paid, the payment that settled it.
ALTER TABLE dossier_pauses
  ADD COLUMN kind text NOT NULL DEFAULT 'supplement' CHECK (kind IN ('supplement', 'payment')),
  ADD COLUMN amount bigint CHECK (amount > 0),
  ADD COLUMN payment_id uuid REFERENCES dossier_payments (id),
  ADD CONSTRAINT dossier_pauses_amount_kind CHECK (kind = 'payment' OR amount IS NULL);

-- The warning before a step's or the dossier's due time is sent once.
ALTER TABLE dossier_steps ADD COLUMN warned_at timestamptz;
ALTER TABLE dossiers ADD COLUMN due_warned_at timestamptz;
CREATE INDEX dossiers_processing_due_idx ON dossiers (due_at) WHERE status = 4;

-- Who drafted the letter (null: the system, at the warning) and the step it was drafted at.
ALTER TABLE dossier_apologies
  ADD COLUMN drafted_by uuid REFERENCES officers (id),
  ADD COLUMN step_id uuid REFERENCES dossier_steps (id);
-- One draft waiting for approval at a time.
CREATE UNIQUE INDEX dossier_apologies_draft_idx ON dossier_apologies (dossier_id) WHERE approved_at IS NULL;
