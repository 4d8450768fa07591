-- Return of a result by public post (bưu chính công ích, module results): the postal order sent to
-- the postal service (VNPost's fields, DOMAIN.md §8), the tracking events it calls back with, and the
-- orders of the postal sandbox that ships with motcua for demo mode and tests.

-- One order per attempt. An attempt the service refused or could not be reached for is 'failed' (with
-- last_error) and a new attempt makes a new row; at most one order per dossier is live.
CREATE TABLE postal_orders (
  id uuid PRIMARY KEY,
  dossier_id uuid NOT NULL REFERENCES dossiers (id),
  -- OrderNumber = MaHoSo: the dossier code.
  order_number text NOT NULL,
  -- The tracking number the service gives back (ItemCode); null until it accepts the order.
  item_code text UNIQUE,
  state text NOT NULL CHECK (
    state IN ('created', 'accepted', 'in_transit', 'delivered', 'returned_to_sender', 'cancelled', 'failed')
  ),
  -- Cash on delivery (CODAmount), integer VND; null when nothing is collected.
  cod_amount bigint CHECK (cod_amount >= 0),
  -- Sender{Province, District, Address, Name, Email, Tel, Desc}, Receiver{Name, Address, Tel, Province, District, Email}.
  sender jsonb NOT NULL,
  receiver jsonb NOT NULL,
  description text,
  -- Who asked for it (an officer, or an API token); no foreign key: either kind may.
  created_by uuid,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  delivered_at timestamptz,
  -- When the delivered hook (the dossier moves to status 10) ran: a callback after a failed hook runs it again.
  delivered_handled_at timestamptz,
  last_error text
);
CREATE UNIQUE INDEX postal_orders_live_idx ON postal_orders (dossier_id)
  WHERE state NOT IN ('cancelled', 'failed');
CREATE INDEX postal_orders_dossier_idx ON postal_orders (dossier_id, created_at);

-- Tracking events as the service called them back, de-duplicated by the service's own event id.
-- applied = false: recorded, but it would have moved the order backwards (or the order was final).
CREATE TABLE postal_events (
  id uuid PRIMARY KEY,
  order_id uuid NOT NULL REFERENCES postal_orders (id),
  external_event_id text NOT NULL UNIQUE,
  state text NOT NULL CHECK (state IN ('accepted', 'in_transit', 'delivered', 'returned_to_sender')),
  at timestamptz NOT NULL,
  location text,
  note text,
  applied boolean NOT NULL,
  received_at timestamptz NOT NULL,
  raw jsonb NOT NULL
);
CREATE INDEX postal_events_order_idx ON postal_events (order_id, at);

-- The postal sandbox (demo mode only): orders it accepted, kept in PostgreSQL so that every process
-- agrees. notified_status is the last status the sandbox called back successfully: while it lags
-- behind status, the progression job calls back again.
CREATE TABLE postal_sandbox_orders (
  item_code text PRIMARY KEY CHECK (item_code ~ '^[A-Z]{2}[0-9]{9}VN$'),
  customer_code text NOT NULL,
  order_number text NOT NULL,
  status text NOT NULL CHECK (status IN ('accepted', 'in_transit', 'delivered', 'cancelled')),
  status_at timestamptz NOT NULL,
  notified_status text,
  cod_amount bigint,
  sender jsonb NOT NULL,
  receiver jsonb NOT NULL,
  description text,
  flag_config text,
  created_at timestamptz NOT NULL,
  last_callback_error text
);
-- An order number is accepted once per customer while its order is not cancelled (a retried create
-- gives back the same item code).
CREATE UNIQUE INDEX postal_sandbox_orders_number_idx ON postal_sandbox_orders (customer_code, order_number)
  WHERE status <> 'cancelled';
CREATE INDEX postal_sandbox_orders_created_idx ON postal_sandbox_orders (created_at DESC);
