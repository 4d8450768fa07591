-- Identity and access (module identity): citizens and businesses who log in through the national
-- SSO / VNeID, officers with passwords and TOTP, their roles in agencies, server-side sessions,
-- API tokens for machine clients, and the hash-chained audit log. Ids are uuid v7 from the app.

-- Tài khoản công dân / doanh nghiệp / tổ chức. The account key follows LoaiTaiKhoan (DOMAIN.md §10):
-- 1 citizen → SoDinhDanh (12 digits), 2 business → MaSoThue, 3 organisation → TechID.
CREATE TABLE citizen_accounts (
  id uuid PRIMARY KEY,
  account_type smallint NOT NULL CHECK (account_type IN (1, 2, 3)),
  account_key text NOT NULL CHECK (
    (account_type = 1 AND account_key ~ '^[0-9]{12}$')
    OR (account_type = 2 AND account_key ~ '^[0-9]{10}(-[0-9]{3})?$')
    OR (account_type = 3 AND account_key <> '')
  ),
  -- The SSO that vouched for the account and its subject there (sub), refreshed at each login.
  issuer text NOT NULL,
  subject text NOT NULL,
  full_name text NOT NULL CHECK (full_name IS NFC NORMALIZED),
  birth_date date,
  -- Every claim of the last login's userinfo, as received: intake prefills forms from it.
  claims jsonb NOT NULL DEFAULT '{}'::jsonb,
  loa text,
  vneid_verified boolean NOT NULL DEFAULT false,
  -- Contact details the person chose for notifications (may differ from the SSO's).
  notify_phone text CHECK (notify_phone ~ '^\+?[0-9]{9,15}$'),
  notify_email text CHECK (notify_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  last_login_at timestamptz,
  UNIQUE (account_type, account_key)
);
CREATE INDEX citizen_accounts_subject_idx ON citizen_accounts (issuer, subject);

-- Cán bộ, công chức: officers log in with a username, a password (argon2id) and, for some roles,
-- a TOTP code. The TOTP secret is encrypted by the application (never stored in clear).
CREATE TABLE officers (
  id uuid PRIMARY KEY,
  username text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
  full_name text NOT NULL CHECK (full_name <> '' AND full_name IS NFC NORMALIZED),
  email text CHECK (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone text,
  job_title text,
  password_hash text NOT NULL,
  password_changed_at timestamptz NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  totp_secret_enc text,
  totp_enabled_at timestamptz,
  -- The last TOTP time step accepted: a code is never accepted twice.
  totp_last_step bigint,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX officers_username_idx ON officers (username);
CREATE INDEX officers_name_idx ON officers (immutable_unaccent(full_name), id);

-- Vai trò của cán bộ tại cơ quan. A role in an agency covers its sub-agencies.
CREATE TABLE officer_roles (
  officer_id uuid NOT NULL REFERENCES officers (id) ON DELETE CASCADE,
  agency_id uuid NOT NULL REFERENCES agencies (id),
  role text NOT NULL CHECK (role IN (
    'one_stop',            -- tiếp nhận và trả kết quả
    'specialist',          -- chuyên viên
    'department_head',     -- lãnh đạo phòng
    'agency_leader',       -- lãnh đạo đơn vị (ký kết quả)
    'clerk',               -- văn thư
    'agency_admin',        -- quản trị cơ quan
    'system_admin',        -- quản trị hệ thống
    'inspector',           -- thanh tra: xem tất cả, không sửa
    'provincial_monitor'   -- giám sát cấp tỉnh: thống kê, danh sách không có dữ liệu cá nhân
  )),
  granted_by text NOT NULL,
  granted_at timestamptz NOT NULL,
  PRIMARY KEY (officer_id, agency_id, role)
);
CREATE INDEX officer_roles_agency_idx ON officer_roles (agency_id, role);

-- Phiên đăng nhập. The cookie holds a random token; only its SHA-256 is stored, so a copy of the
-- table cannot be replayed. A session belongs to an officer or to a citizen account.
CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  token_hash bytea NOT NULL UNIQUE,
  officer_id uuid REFERENCES officers (id) ON DELETE CASCADE,
  citizen_id uuid REFERENCES citizen_accounts (id) ON DELETE CASCADE,
  -- 'password' until the TOTP step is passed (an officer who needs it), then 'full'.
  stage text NOT NULL CHECK (stage IN ('password', 'full')),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ended_at timestamptz,
  end_reason text,
  ip inet,
  user_agent text,
  -- Kept for RP-initiated logout at the SSO (DOMAIN.md §10).
  id_token text,
  CHECK ((officer_id IS NULL) <> (citizen_id IS NULL))
);
CREATE INDEX sessions_officer_idx ON sessions (officer_id) WHERE ended_at IS NULL;
CREATE INDEX sessions_citizen_idx ON sessions (citizen_id) WHERE ended_at IS NULL;
CREATE INDEX sessions_expiry_idx ON sessions (expires_at) WHERE ended_at IS NULL;

-- API tokens for machine clients (national portal, other agencies' systems): shown once, stored
-- hashed, with scopes; revocable.
CREATE TABLE api_tokens (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (name <> ''),
  token_hash bytea NOT NULL UNIQUE,
  -- The first characters of the token, to recognise it in lists without revealing it.
  prefix text NOT NULL,
  scopes text[] NOT NULL,
  created_by uuid NOT NULL REFERENCES officers (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid REFERENCES officers (id)
);

-- Nhật ký kiểm tra (audit log): append-only. Entries are written freely, ordered by seq; a
-- background job links them into a hash chain (prev_hash, entry_hash) so requests never queue
-- behind one another. content_hash is computed at insert from the entry's own fields.
CREATE TABLE audit_log (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  at timestamptz NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('officer', 'citizen', 'token', 'anonymous', 'system')),
  actor_id text,
  actor_label text,
  agency_id uuid,
  action text NOT NULL CHECK (action ~ '^[a-z0-9_]+(\.[a-z0-9_]+)+$'),
  object_type text,
  object_id text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  ip inet,
  content_hash bytea NOT NULL,
  prev_hash bytea,
  entry_hash bytea,
  linked_at timestamptz
);
CREATE INDEX audit_log_unlinked_idx ON audit_log (seq) WHERE entry_hash IS NULL;
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);
CREATE INDEX audit_log_object_idx ON audit_log (object_type, object_id, at);
CREATE INDEX audit_log_agency_idx ON audit_log (agency_id, at);
CREATE INDEX audit_log_at_idx ON audit_log (at);

-- Append-only: the application may insert and link, never rewrite content or delete.
CREATE FUNCTION audit_log_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_log is append-only';
  END IF;
  IF OLD.entry_hash IS NOT NULL
     OR (NEW.seq, NEW.id, NEW.at, NEW.actor_kind, NEW.actor_id, NEW.actor_label, NEW.agency_id, NEW.action,
         NEW.object_type, NEW.object_id, NEW.details, NEW.ip, NEW.content_hash)
        IS DISTINCT FROM
        (OLD.seq, OLD.id, OLD.at, OLD.actor_kind, OLD.actor_id, OLD.actor_label, OLD.agency_id, OLD.action,
         OLD.object_type, OLD.object_id, OLD.details, OLD.ip, OLD.content_hash) THEN
    RAISE EXCEPTION 'audit_log entries cannot be changed once written';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_guard();
