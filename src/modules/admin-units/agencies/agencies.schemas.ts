/** TypeBox schemas of the agencies API: one schema validates, serialises and documents. */
import Type, { type Static } from 'typebox';
import type { Agency } from './agency-lookup.service.js';
import { AGENCY_CODE_MAX_LENGTH, AGENCY_KINDS } from './agency-rules.js';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Local date, YYYY-MM-DD' });

export const AgencyKindSchema = Type.Enum(AGENCY_KINDS, {
  description:
    'provincial_committee (UBND tỉnh), department (Sở), provincial_service_centre (Trung tâm PVHCC tỉnh), ' +
    'commune_committee (UBND xã/phường/đặc khu), commune_service_centre (Trung tâm PVHCC xã), tax, police, ' +
    'land_registration, other',
});

export const AgencyListQuery = Type.Object(
  {
    kind: Type.Optional(AgencyKindSchema),
    unit: Type.Optional(
      Type.String({
        pattern: '^(\\d{2}|\\d{5})$',
        description: 'Unit served: province (2 digits) or commune (5 digits)',
      }),
    ),
    parent: Type.Optional(
      Type.String({
        maxLength: 40,
        description: 'Identifier code of the parent agency: only the agencies directly under it',
      }),
    ),
    q: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'Words of the name (accents optional) or the start of the code',
      }),
    ),
    after: Type.Optional(Type.String({ maxLength: 500, description: '`next` of the previous page' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    at: Type.Optional(IsoDate),
  },
  { additionalProperties: true },
);
export type AgencyListQuery = Static<typeof AgencyListQuery>;

export const AgencyCodeParams = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40, description: 'Mã định danh điện tử, e.g. 000.00.12.H22' }),
});

export const AgencyAtQuery = Type.Object({ at: Type.Optional(IsoDate) }, { additionalProperties: true });

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const AgencySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String({
    maxLength: AGENCY_CODE_MAX_LENGTH,
    description: 'Mã định danh điện tử valid on the date asked',
  }),
  kind: AgencyKindSchema,
  name: Type.String(),
  parentId: Nullable(Type.String({ format: 'uuid' })),
  units: Type.Array(Type.String()),
  address: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const AgencyPageSchema = Type.Object({
  items: Type.Array(AgencySchema),
  next: Nullable(Type.String()),
});

const AgencySummarySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  code: Type.String(),
  kind: AgencyKindSchema,
  name: Type.String(),
});

export const AgencyDetailSchema = Type.Object({
  ...AgencySchema.properties,
  parent: Nullable(AgencySummarySchema),
  children: Type.Array(AgencySummarySchema),
  codes: Type.Array(
    Type.Object({
      code: Type.String(),
      validFrom: IsoDate,
      validTo: Nullable(IsoDate),
      source: Nullable(Type.String()),
    }),
    { description: 'Code history, oldest first; validTo is the first day a code is no longer valid' },
  ),
});

export type AgencyJson = Static<typeof AgencySchema>;

export const agencyJson = (a: Agency): AgencyJson => ({
  ...a,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

export const agencySummaryJson = (a: Agency) => ({ id: a.id, code: a.code, kind: a.kind, name: a.name });
