-- Lịch làm việc (calendar): the yearly days off and make-up working days, and office hours per
-- agency with effective dates. Module calendar. Legal parameters as data (DOMAIN.md §2, §6).

-- One row per local date: a day off (holiday, tet, compensatory, swapped_off) or a make-up working
-- day. Only confirmed rows change a deadline; pending (announced, not enacted, e.g. 24/11/2026) and
-- proposed (generated from the Labour Code and the lunar calendar) rows are shown, not counted.
CREATE TABLE calendar_days (
  date date PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('holiday', 'tet', 'compensatory', 'swapped_off', 'makeup_workday')),
  status text NOT NULL CHECK (status IN ('confirmed', 'pending', 'proposed')),
  name text NOT NULL CHECK (name <> ''),
  -- Legal source: the notice, law article or report the row comes from.
  source text NOT NULL CHECK (source <> ''),
  break_from date,
  break_to date,
  -- How sure the source is (yes, law, law+lunar, derived, no), as the official table says.
  evidence text,
  origin text NOT NULL CHECK (origin IN ('official_table', 'generated', 'admin')),
  -- Who confirmed and when: an officer id once identity exists; 'system:…' for the official table.
  confirmed_by text,
  confirmed_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((status = 'confirmed') = (confirmed_by IS NOT NULL AND confirmed_at IS NOT NULL)),
  CHECK (break_to >= break_from)
);

-- History of every row: imported, proposed, confirmed (ARCHITECTURE.md §4.3).
CREATE TABLE calendar_day_events (
  id uuid PRIMARY KEY,
  date date NOT NULL REFERENCES calendar_days (date),
  action text NOT NULL CHECK (action IN ('imported', 'proposed', 'confirmed')),
  from_status text,
  to_status text NOT NULL,
  source text NOT NULL,
  actor text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX calendar_day_events_date_idx ON calendar_day_events (date, at);

-- Giờ làm việc của cơ quan: office hours from a local date on, until the next row of the agency.
-- `spec` is the calendar module's OfficeHoursSpec (sessions, workdays, byWeekday, makeupDay,
-- workingDayHours). An agency without a row in force works the national default, 07:00–11:30 and
-- 13:30–17:00, Monday to Friday.
CREATE TABLE calendar_office_hours (
  agency_id uuid NOT NULL REFERENCES agencies (id) ON DELETE CASCADE,
  valid_from date NOT NULL,
  spec jsonb NOT NULL,
  source text NOT NULL CHECK (source <> ''),
  set_by text NOT NULL,
  set_at timestamptz NOT NULL,
  PRIMARY KEY (agency_id, valid_from)
);

-- Revision counters bumped in the same transaction as any change to days or office hours: every
-- process keeps compiled working calendars in memory and rebuilds one when its revision moved.
CREATE TABLE calendar_revisions (
  scope text PRIMARY KEY CHECK (scope IN ('days', 'office_hours')),
  revision bigint NOT NULL DEFAULT 0
);
INSERT INTO calendar_revisions (scope, revision) VALUES ('days', 0), ('office_hours', 0);
