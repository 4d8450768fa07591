/**
 * motcua's canonical catalogue format (docs/catalogue.schema.json): every procedure with every
 * published version and its full content. Export writes it; import reads it back without loss.
 */
import { type Static, Type as T } from 'typebox';
import Value from 'typebox/value';
import { validationError } from '../../platform/errors.js';

export const CANONICAL_FORMAT = 'motcua.catalogue';
export const CANONICAL_VERSION = 1;

const N = <S extends Parameters<typeof T.Union>[0][number]>(s: S) => T.Union([s, T.Null()]);
const Str = T.String();
const Date_ = T.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Level = T.Union([
  T.Literal('ministry'),
  T.Literal('province'),
  T.Literal('commune'),
  T.Literal('other'),
]);
const Unit = T.Union([T.Literal('gio'), T.Literal('ngay-lam-viec'), T.Literal('ngay'), T.Literal('thang')]);
const Int0 = T.Integer({ minimum: 0 });

export const ContentSchema = T.Object(
  {
    name: T.String({ minLength: 1 }),
    field: N(Str),
    levels: T.Array(Level),
    procedureType: N(Str),
    stepsText: N(Str),
    conditionsText: N(Str),
    onlineLevel: T.Union([T.Literal('toan_trinh'), T.Literal('mot_phan'), T.Literal('none')]),
    onlineLevelSource: T.Union([T.Literal('import_rule'), T.Literal('administrator')]),
    cutOff: N(
      T.Object(
        { sameDay: T.Boolean(), cutoff: N(T.String({ pattern: '^\\d{2}:\\d{2}$' })), text: Str },
        { additionalProperties: false },
      ),
    ),
    decisionNumber: N(Str),
    decisionDate: N(Date_),
    disclosedOn: N(Date_),
    source: T.Object({ url: N(Str), ministryDir: N(Str) }, { additionalProperties: false }),
    parseIssues: T.Array(Str),
    agencies: T.Array(
      T.Object(
        {
          role: T.Union([
            T.Literal('competent'),
            T.Literal('implementing'),
            T.Literal('coordinating'),
            T.Literal('receiving'),
          ]),
          level: N(Level),
          name: T.String({ minLength: 1 }),
        },
        { additionalProperties: false },
      ),
    ),
    subjects: T.Array(
      T.Object(
        {
          kind: T.Union([
            T.Literal('citizen'),
            T.Literal('business'),
            T.Literal('organisation'),
            T.Literal('foreigner'),
            T.Literal('other'),
          ]),
          label: T.String({ minLength: 1 }),
        },
        { additionalProperties: false },
      ),
    ),
    legalBases: T.Array(
      T.Object({ number: N(Str), title: Str, issuedOn: N(Date_) }, { additionalProperties: false }),
    ),
    results: T.Array(
      T.Object({ name: Str, code: N(Str), codeValid: T.Boolean() }, { additionalProperties: false }),
    ),
    components: T.Array(
      T.Object(
        {
          groupTitle: N(Str),
          name: T.String({ minLength: 1 }),
          templateFile: N(Str),
          templateUrl: N(Str),
          originals: Int0,
          certifiedCopies: Int0,
          copies: Int0,
          requirement: T.Union([T.Literal('required'), T.Literal('conditional')]),
          conditionText: N(Str),
          reusableData: T.Boolean(),
        },
        { additionalProperties: false },
      ),
    ),
    channels: T.Array(
      T.Object(
        {
          kind: T.Union([T.Literal('direct'), T.Literal('online'), T.Literal('postal')]),
          timeValue: N(T.Number({ minimum: 0 })),
          timeUnit: N(Unit),
          timeUnitSource: N(
            T.Union([
              T.Literal('stated'),
              T.Literal('description'),
              T.Literal('other_channel'),
              T.Literal('lost'),
            ]),
          ),
          timeText: N(Str),
          feeStatus: T.Union([T.Literal('free'), T.Literal('charged'), T.Literal('unknown')]),
          description: N(Str),
        },
        { additionalProperties: false },
      ),
    ),
    feeLines: T.Array(
      T.Object(
        {
          channelPosition: N(Int0),
          kind: T.Union([T.Literal('phi'), T.Literal('le_phi'), T.Literal('unspecified')]),
          amount: Int0,
          amountMax: N(Int0),
          currency: T.Union([T.Literal('VND'), T.Literal('USD')]),
          perUnit: N(Str),
          collected: T.Union([T.Literal('before'), T.Literal('after'), T.Literal('unspecified')]),
          exemptions: N(Str),
          note: N(Str),
        },
        { additionalProperties: false },
      ),
    ),
    feeReductions: T.Array(
      T.Object(
        {
          channel: T.Union([T.Literal('any'), T.Literal('direct'), T.Literal('online'), T.Literal('postal')]),
          percent: T.Integer({ minimum: 1, maximum: 100 }),
          validFrom: Date_,
          validTo: N(Date_),
          legalBasis: T.String({ minLength: 1 }),
        },
        { additionalProperties: false },
      ),
    ),
    workflows: T.Array(
      T.Object(
        {
          level: Level,
          isDefault: T.Boolean(),
          // Optional so that exports written before agencies had workflows still import.
          agencyCode: T.Optional(N(T.String({ minLength: 1 }))),
          onlineTargetMinutes: N(T.Integer({ minimum: 1 })),
          steps: T.Array(
            T.Object(
              {
                kind: T.Union([
                  T.Literal('receive_transfer'),
                  T.Literal('appraise'),
                  T.Literal('review'),
                  T.Literal('approve_sign'),
                  T.Literal('lien_thong'),
                  T.Literal('return_result'),
                ]),
                role: T.String({ minLength: 1 }),
                agencyName: N(Str),
                budgetMinutes: N(Int0),
              },
              { additionalProperties: false },
            ),
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const CanonicalSchema = T.Object(
  {
    format: T.Literal(CANONICAL_FORMAT),
    formatVersion: T.Literal(CANONICAL_VERSION),
    procedures: T.Array(
      T.Object(
        {
          code: T.String({ pattern: '^[123]\\.\\d{6}$' }),
          localCode: N(Str),
          versions: T.Array(
            T.Object(
              {
                versionNumber: T.Integer({ minimum: 1 }),
                effectiveFrom: T.String({ format: 'date-time' }),
                publishedAt: T.String({ format: 'date-time' }),
                publishedBy: T.String({ minLength: 1 }),
                contentHash: T.String({ pattern: '^[0-9a-f]{64}$' }),
                content: ContentSchema,
              },
              { additionalProperties: false },
            ),
            { minItems: 1 },
          ),
        },
        { additionalProperties: false },
      ),
    ),
  },
  {
    $id: 'https://motcua.example/catalogue.schema.json',
    title: 'motcua procedure catalogue (danh mục thủ tục hành chính)',
    additionalProperties: false,
  },
);

export type CanonicalCatalogue = Static<typeof CanonicalSchema>;

/** The JSON Schema as published in docs/catalogue.schema.json. */
export function catalogueJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    ...JSON.parse(JSON.stringify(CanonicalSchema)),
  };
}

export function isCanonical(data: unknown): boolean {
  return (
    typeof data === 'object' && data !== null && (data as { format?: unknown }).format === CANONICAL_FORMAT
  );
}

export function validateCanonical(data: unknown): CanonicalCatalogue {
  if (Value.Check(CanonicalSchema, data)) return data;
  const errors = [...Value.Errors(CanonicalSchema, data)]
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'}: ${e.message}`);
  throw validationError('catalogue.bad_canonical', {
    vi: `Tệp danh mục không đúng định dạng motcua.catalogue: ${errors.join('; ')}`,
    en: `The catalogue file does not match the motcua.catalogue format: ${errors.join('; ')}`,
  });
}
