/** TypeBox schemas of the admin-units API: one schema validates, serialises and documents. */
import Type, { type Static } from 'typebox';
import { SEARCH_LIMIT } from './admin-units.service.js';

/** A local date in Vietnam, YYYY-MM-DD, that exists (2025-02-30 does not). */
const isoDate = (description: string) =>
  Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description, examples: ['2025-07-01'] });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const UNIT_LEVELS = ['province', 'district', 'commune'] as const;
const UNIT_TYPES = [
  'municipality',
  'province',
  'urban_district',
  'rural_district',
  'district_town',
  'district_city',
  'ward',
  'commune',
  'township',
  'special_zone',
] as const;

export const UnitLevelSchema = Type.Enum(UNIT_LEVELS, {
  description:
    'province (cấp tỉnh, 2-digit code), district (cấp huyện, 3 digits, until 30/6/2025), commune (cấp xã, 5 digits)',
});

const UnitCode = Type.String({
  pattern: '^(\\d{2}|\\d{3}|\\d{5})$',
  description: 'Unit code with its leading zeros',
});

export const UnitListQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: 100,
        description:
          'Words of the name (diacritics, type word and small typos optional: "dong trieu", "Phường Ba Đình") or the start of a code',
      }),
    ),
    level: Type.Optional(UnitLevelSchema),
    parent: Type.Optional(
      Type.String({
        pattern: '^(\\d{2}|\\d{3})$',
        description: 'Code of the parent unit on `at` (province or district)',
      }),
    ),
    at: Type.Optional(isoDate('Units in force on this date (default: today)')),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: SEARCH_LIMIT.max, default: SEARCH_LIMIT.default }),
    ),
    after: Type.Optional(Type.String({ maxLength: 400, description: '`next` of the previous page' })),
  },
  { additionalProperties: true },
);
export type UnitListQuery = Static<typeof UnitListQuery>;

export const UnitCodeParams = Type.Object({
  code: Type.String({
    pattern: '^\\d{2,5}$',
    description: 'Unit code (2, 3 or 5 digits), or another code of it',
  }),
});

export const UnitAtQuery = Type.Object(
  { at: Type.Optional(isoDate('Date of the look-up (default: today)')) },
  { additionalProperties: true },
);

export const UnitVersionSchema = Type.Object({
  code: UnitCode,
  level: UnitLevelSchema,
  type: Type.Enum(UNIT_TYPES, {
    description: 'Loại: thành phố TW, tỉnh, quận, huyện, thị xã, thành phố, phường, xã, thị trấn, đặc khu',
  }),
  name: Type.String({ description: 'Name without type ("Ba Đình")' }),
  fullName: Type.String({ description: 'Legal name with type ("Phường Ba Đình")' }),
  nameEn: Nullable(Type.String()),
  fullNameEn: Nullable(
    Type.String({ description: 'English rendering from the source catalogue, not official' }),
  ),
  parentCode: Nullable(UnitCode),
  provinceCode: UnitCode,
  validFrom: Nullable(Type.String({ description: 'First day in force; null when the sources do not say' })),
  validTo: Nullable(Type.String({ description: 'Last day in force (inclusive); null while in force' })),
  altNames: Type.Array(Type.String(), { description: 'Other spellings seen in later editions' }),
  edition: Type.Enum(['preReform', 'reform2025', 'update2026']),
});

export const UnitSearchHitSchema = Type.Object({
  ...UnitVersionSchema.properties,
  parentName: Nullable(Type.String()),
  match: Type.Enum(['code', 'code_prefix', 'full_name', 'name', 'name_prefix', 'similar', 'list']),
  score: Type.Number({ description: 'Trigram similarity of the accent-free name (0 for code matches)' }),
});

export const UnitSearchPageSchema = Type.Object({
  at: Type.String(),
  items: Type.Array(UnitSearchHitSchema),
  next: Nullable(Type.String({ description: 'Pass as `after` for the next page; null on the last page' })),
});

export const CrosswalkEdgeSchema = Type.Object({
  oldCode: Nullable(Type.String()),
  oldLevel: Nullable(UnitLevelSchema),
  oldName: Type.String(),
  newCode: Type.String(),
  newName: Type.String(),
  kind: Type.Enum(['whole', 'partial'], {
    description:
      'whole: nhập toàn bộ; partial: nhập một phần (the old unit went to several new ones: an address in it cannot be converted automatically)',
  }),
  change: Type.Enum(['merged', 'unchanged', 'renamed', 'retyped', 'reorganised', 'unspecified']),
  note: Type.String({ description: 'Ghi chú of the NSO crosswalk as published' }),
  effectiveFrom: Type.String(),
  sourceOldCode: Nullable(Type.String()),
  sourceNewCode: Type.String(),
  row: Type.Integer({ description: 'Line of the crosswalk file' }),
});

export const UnitProfileSchema = Type.Object({
  code: Type.String(),
  areaKm2: Nullable(Type.Number()),
  population: Nullable(Type.Integer()),
  adminCentre: Nullable(Type.String()),
  longitude: Nullable(Type.Number()),
  latitude: Nullable(Type.Number()),
  mergedFromText: Type.String(),
  row: Type.Integer(),
});

export const UnitDetailSchema = Type.Object({
  requestedCode: Type.String({
    description: 'The code asked for; another code of the unit when it differs from unit.code',
  }),
  at: Type.String(),
  unit: UnitVersionSchema,
  parents: Type.Array(UnitVersionSchema, { description: 'Units above it on `at`, province first' }),
  predecessors: Type.Array(CrosswalkEdgeSchema, { description: 'Sáp nhập từ: old units it was formed from' }),
  successors: Type.Array(CrosswalkEdgeSchema, { description: 'Sáp nhập vào: new units it went into' }),
  versions: Type.Array(UnitVersionSchema, { description: 'Every version of the code, oldest first' }),
  profile: Nullable(UnitProfileSchema),
});

/** application/problem+json (RFC 9457) as the platform's error handler writes it. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable dotted code, e.g. admin_unit.not_found' }),
    detail: Type.String({ description: 'Vietnamese / English' }),
    instance: Type.String(),
    requestId: Type.String(),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          field: Type.String(),
          message: Type.String(),
          messages: Type.Object({ vi: Type.String(), en: Type.String() }),
        }),
      ),
    ),
  },
  { description: 'Problem details (RFC 9457), title in the language asked (?lang=en)' },
);

export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

export const ImportReportQuery = Type.Object(
  {
    kind: Type.Optional(
      Type.String({ pattern: '^[a-z_]{1,40}$', description: 'Anomaly kind, e.g. code_conflict' }),
    ),
    code: Type.Optional(
      Type.String({ pattern: '^\\d{2,5}$', description: 'Only anomalies about this unit code' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    after: Type.Optional(Type.String({ pattern: '^\\d{1,9}$', description: '`next` of the previous page' })),
  },
  { additionalProperties: true },
);

export const ImportReportSchema = Type.Object({
  import: Type.Object({
    id: Type.String({ format: 'uuid' }),
    importedAt: Type.String({ format: 'date-time' }),
    datasetSha256: Nullable(Type.String()),
    buildSha256: Type.String(),
    importerVersion: Type.Integer(),
    counts: Type.Unknown({ description: 'Counts per edition and source, as built' }),
    changes: Type.Unknown({ description: 'Rows inserted, updated, deleted and unchanged per table' }),
    anomalyCounts: Type.Record(Type.String(), Type.Integer()),
    anomalyTotal: Type.Integer(),
    durationMs: Type.Integer(),
  }),
  anomalies: Type.Array(
    Type.Object({
      seq: Type.Integer(),
      kind: Type.String(),
      severity: Type.Enum(['info', 'warning', 'error']),
      source: Type.String({ description: 'Source file name' }),
      row: Nullable(Type.Integer({ description: '1-based line in the source file' })),
      field: Nullable(Type.String()),
      codes: Type.Array(Type.String(), { description: 'Unit codes concerned, the kept code first' }),
      messageVi: Type.String(),
      messageEn: Type.String(),
    }),
  ),
  next: Nullable(Type.String()),
});
