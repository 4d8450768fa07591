/** TypeBox schemas of the calendar API: one schema validates, serialises and documents. */
import Type from 'typebox';
import type { CalendarDayRecord } from './calendar-days.repository.js';
import { countsAsDayOff, countsAsMakeupWorkday } from './holiday-calendar.js';
import { formatLocalIso, parseIsoDate, weekdayOf } from './local-time.js';
import { DURATION_UNITS } from './working-time.js';

const LocalIso = Type.String({
  description: 'ISO 8601 with the Vietnam offset, e.g. 2026-02-13T16:00:00+07:00',
  examples: ['2026-02-13T16:00:00+07:00'],
});

/** Documents the query; the handler reads it itself to name every bad field in both languages. */
export const DueQuery = Type.Object(
  {
    agency: Type.String({
      description: 'Mã định danh điện tử of the agency, e.g. 000.00.01.H22',
      maxLength: 20,
    }),
    receivedAt: Type.String({
      description:
        'Receipt time (NgayTiepNhan), ISO 8601; without an offset it is read as Vietnam time. Encode "+" as %2B.',
      examples: ['2026-02-12T10:15:00+07:00'],
    }),
    value: Type.Number({
      minimum: 0,
      maximum: 10_000,
      description: 'Statutory duration; halves allowed for giờ and ngày làm việc',
    }),
    unit: Type.Enum(DURATION_UNITS, {
      description: 'ngay-lam-viec (working days), gio (working hours), ngay (calendar days), thang (months)',
    }),
  },
  { additionalProperties: true },
);

export const DueResponse = Type.Object({
  receivedAt: LocalIso,
  startsAt: { ...LocalIso, description: 'When the clock starts: the receipt moved into office hours' },
  dueAt: { ...LocalIso, description: 'Ngày hẹn trả: the promised return time' },
});

export const DaysQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: 'Default: this year' })) },
  { additionalProperties: true },
);

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const CalendarDaySchema = Type.Object({
  date: Type.String({ description: 'YYYY-MM-DD' }),
  weekday: Type.Enum(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']),
  kind: Type.Enum(['holiday', 'tet', 'compensatory', 'swapped_off', 'makeup_workday'], {
    description:
      'holiday (ngày lễ), tet (nghỉ Tết), compensatory (nghỉ bù), swapped_off (nghỉ hoán đổi), makeup_workday (làm bù: a working day)',
  }),
  status: Type.Enum(['confirmed', 'pending', 'proposed'], {
    description:
      'Only confirmed rows count; pending (announced, not enacted) and proposed (generated) do not',
  }),
  dayOff: Type.Boolean({ description: 'A day off that counts in deadlines' }),
  workingDay: Type.Boolean({ description: 'A make-up working day that counts in deadlines' }),
  name: Type.String(),
  source: Type.String({ description: 'Legal source of the row' }),
  evidence: Nullable(Type.String()),
  breakFrom: Nullable(Type.String()),
  breakTo: Nullable(Type.String()),
  confirmedAt: Nullable(LocalIso),
});

export const DaysResponse = Type.Object({ year: Type.Integer(), days: Type.Array(CalendarDaySchema) });

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export const calendarDayJson = (d: CalendarDayRecord) => ({
  date: d.date,
  weekday: WEEKDAYS[weekdayOf(parseIsoDate(d.date))],
  kind: d.kind,
  status: d.status,
  dayOff: countsAsDayOff(d),
  workingDay: countsAsMakeupWorkday(d),
  name: d.name,
  source: d.source,
  evidence: d.evidence ?? null,
  breakFrom: d.breakRange?.from ?? null,
  breakTo: d.breakRange?.to ?? null,
  confirmedAt: d.confirmedAt ? formatLocalIso(d.confirmedAt) : null,
});

const KindSchema = CalendarDaySchema.properties.kind;

/** Documents the body; the service checks it and names every bad field in both languages. */
export const NewDayBody = Type.Object(
  {
    date: Type.String({ description: 'YYYY-MM-DD', examples: ['2027-01-09'] }),
    kind: KindSchema,
    name: Type.String({ maxLength: 500, examples: ['Làm bù cho ngày 04/01/2027'] }),
    source: Type.String({ maxLength: 500, description: 'Legal source (required)' }),
  },
  { additionalProperties: true },
);

export const EditDayBody = Type.Object(
  {
    kind: Type.Optional(KindSchema),
    name: Type.Optional(Type.String({ maxLength: 500, description: 'Default: unchanged' })),
    source: Type.String({
      maxLength: 500,
      description: 'Legal source of the change (required), e.g. the notice that corrects the day',
    }),
  },
  { additionalProperties: true },
);

export const RemoveDayBody = Type.Object(
  { reason: Type.String({ maxLength: 500, description: 'Why the day is removed (required)' }) },
  { additionalProperties: true },
);

export const DayParams = Type.Object({ date: Type.String({ description: 'YYYY-MM-DD', maxLength: 40 }) });

export const IdempotencyHeaders = Type.Object(
  {
    'idempotency-key': Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'Retrying with the same key returns the first answer and writes nothing twice',
      }),
    ),
  },
  { additionalProperties: true },
);

export { CalendarDaySchema };
