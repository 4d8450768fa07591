/** TypeBox schemas of the procedure API: one schema validates, serialises and documents. */
import Type from 'typebox';
import { ContentSchema } from '../canonical.js';
import { LEVELS, ONLINE_LEVELS, SEARCH_LIMIT } from './search-query.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const LevelSchema = Type.Enum([...LEVELS], {
  description: 'ministry (cấp bộ), province (cấp tỉnh), commune (cấp xã), other',
});
const OnlineLevelSchema = Type.Enum([...ONLINE_LEVELS], {
  description: 'toan_trinh (trực tuyến toàn trình), mot_phan (một phần), none',
});
const ProcedureCode = Type.String({
  pattern: '^[123]\\.\\d{6}$',
  description: 'Mã thủ tục on the national portal',
  examples: ['1.001193'],
});

export const ProcedureListQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: 200,
        description:
          'Words of the name, with or without diacritics, small typos and everyday words allowed ("khai sinh", ' +
          '"dang ki ket hon", "sổ đỏ"), or a code or its start ("1.001193", "1.0011"), or a local code',
      }),
    ),
    field: Type.Optional(
      Type.String({ maxLength: 200, description: 'Lĩnh vực: a field name of the facets' }),
    ),
    level: Type.Optional(LevelSchema),
    agency: Type.Optional(Type.String({ maxLength: 300, description: 'An agency name of the facets' })),
    online: Type.Optional(OnlineLevelSchema),
    cursor: Type.Optional(Type.String({ maxLength: 400, description: '`next` of the previous page' })),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: SEARCH_LIMIT.max, default: SEARCH_LIMIT.default }),
    ),
  },
  { additionalProperties: true },
);

const SegmentSchema = Type.Object({ text: Type.String(), marked: Type.Boolean() });

export const ProcedureHitSchema = Type.Object({
  code: ProcedureCode,
  name: Type.String(),
  field: Nullable(Type.String()),
  levels: Type.Array(LevelSchema),
  onlineLevel: OnlineLevelSchema,
  agencies: Type.Array(Type.String(), { description: 'Competent and implementing agencies' }),
  versionNumber: Type.Integer({ minimum: 1, description: 'The version in force' }),
  nameSegments: Type.Array(SegmentSchema, {
    description: 'The name in pieces, the words matching the query marked (for highlighting)',
  }),
});

export const ProcedurePageSchema = Type.Object({
  items: Type.Array(ProcedureHitSchema),
  next: Nullable(Type.String({ description: 'Pass as `cursor` for the next page; null on the last' })),
  total: Type.Integer({ minimum: 0, description: 'Matches, counted up to 1,000' }),
  totalCapped: Type.Boolean({ description: 'More than 1,000 matches: show "more than 1,000"' }),
});

export const ProcedureCodeParams = Type.Object({
  code: Type.String({ pattern: '^[123]\\.\\d{6}$', description: 'Mã thủ tục, e.g. 1.001193' }),
});

export const ProcedureAtQuery = Type.Object(
  {
    at: Type.Optional(
      Type.String({
        maxLength: 40,
        description:
          'The version in force at this instant (ISO 8601; without an offset, Vietnam time; default: now)',
        examples: ['2026-01-01T00:00:00+07:00'],
      }),
    ),
  },
  { additionalProperties: true },
);

export const ProcedureVersionSchema = Type.Object({
  code: ProcedureCode,
  localCode: Nullable(Type.String()),
  versionNumber: Type.Integer({ minimum: 1 }),
  effectiveFrom: Type.String({ format: 'date-time' }),
  publishedAt: Type.String({ format: 'date-time' }),
  content: ContentSchema,
});

const Count = Type.Integer({ minimum: 0 });
export const FacetsSchema = Type.Object({
  fields: Type.Array(Type.Object({ name: Type.String(), count: Count })),
  levels: Type.Array(Type.Object({ level: LevelSchema, count: Count })),
  agencies: Type.Array(Type.Object({ name: Type.String(), count: Count })),
  online: Type.Array(Type.Object({ level: OnlineLevelSchema, count: Count })),
});

/** application/problem+json (RFC 9457) as the platform's error handler writes it. */
const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String({ description: 'Stable dotted code, e.g. catalogue.not_in_force' }),
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
