/** TypeBox schemas of the dossiers API: one schema validates, serialises and documents. */
import { Type } from 'typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Str = Type.String();
const NStr = Nullable(Type.String());
const Time = Type.String({ format: 'date-time' });
const NTime = Nullable(Type.String({ format: 'date-time' }));

export const PersonBody = Type.Object(
  {
    name: Type.String({ maxLength: 200, description: 'Họ và tên' }),
    idType: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Null()])),
    idNumber: Type.Optional(NStr),
    birthDate: Type.Optional(NStr),
    phone: Type.Optional(NStr),
    email: Type.Optional(NStr),
    address: Type.Optional(NStr),
    communeCode: Type.Optional(Nullable(Type.String({ description: 'Mã xã, phường nơi cư trú (5 chữ số)' }))),
  },
  { additionalProperties: false },
);

export const NewDossierBody = Type.Object(
  {
    procedureCode: Type.String({ pattern: '^[123]\\.\\d{6}$', description: 'Mã thủ tục, e.g. 1.001193' }),
    level: Type.Optional(Type.Union([Type.Literal('commune'), Type.Literal('province'), Type.Null()])),
    applicant: PersonBody,
    owner: Type.Optional(Type.Union([PersonBody, Type.Null()])),
    receivingAgencyId: Type.Optional(NStr),
    returnMethod: Type.Union([Type.Literal('desk'), Type.Literal('post'), Type.Literal('online')]),
    returnAddress: Type.Optional(NStr),
    channel: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Null()])),
    assisted: Type.Optional(Type.Boolean()),
    components: Type.Optional(
      Type.Array(
        Type.Object(
          {
            position: Type.Integer({ minimum: 0 }),
            fileIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 20 })),
            reuseDocumentId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
          },
          { additionalProperties: false },
        ),
        { maxItems: 200 },
      ),
    ),
    draftId: Type.Optional(NStr),
  },
  { additionalProperties: false },
);

const PersonJson = Type.Object({
  name: Str,
  idType: Type.Union([Type.Integer(), Type.Null()]),
  idNumber: NStr,
  birthDate: NStr,
  phone: NStr,
  email: NStr,
  address: NStr,
  communeCode: NStr,
});

const AgencyJson = Type.Object({ id: Str, code: Str, name: Str });

export const DossierJson = Type.Object({
  id: Str,
  code: Str,
  procedureCode: Str,
  procedureName: Str,
  status: Type.Integer(),
  statusName: Str,
  subState: NStr,
  channel: Type.Integer(),
  filedBy: Str,
  applicant: PersonJson,
  owner: Type.Union([PersonJson, Type.Null()]),
  receivingAgency: AgencyJson,
  competentAgency: AgencyJson,
  returnMethod: Str,
  returnAddress: NStr,
  submittedAt: Time,
  receivedAt: NTime,
  dueAt: NTime,
  feeCollection: NStr,
  refusalReason: NStr,
  withdrawRequestedAt: NTime,
  rowVersion: Type.Integer(),
  components: Type.Array(
    Type.Object({
      id: Str,
      position: Type.Integer(),
      name: Str,
      requirement: Str,
      originals: Type.Integer(),
      certifiedCopies: Type.Integer(),
      copies: Type.Integer(),
      digitization: Type.Integer({ description: 'TrangThaiSoHoa 0–3' }),
      reusedDocumentId: NStr,
      files: Type.Array(
        Type.Object({
          id: Str,
          fileName: Str,
          mediaType: Str,
          size: Type.Integer(),
          sha256: Str,
          scanStatus: Str,
        }),
      ),
    }),
  ),
  history: Type.Array(
    Type.Object({
      at: Time,
      action: Str,
      fromStatus: Type.Union([Type.Integer(), Type.Null()]),
      toStatus: Type.Integer(),
      actorKind: Str,
      actorName: Str,
      agencyName: NStr,
      content: NStr,
      stepStartedAt: NTime,
      stepDueAt: NTime,
    }),
  ),
  feeLines: Type.Array(
    Type.Object({
      name: Str,
      kind: Str,
      baseAmount: Type.Integer(),
      amount: Type.Integer(),
      collected: Str,
      adjustment: NStr,
    }),
  ),
  payments: Type.Array(Type.Object({ amount: Type.Integer(), receiptNumber: Str, recordedAt: Time })),
  slips: Type.Array(Type.Object({ kind: Str, formSet: Str, formNo: Str, issuedAt: Time })),
});

export const TrackingJson = Type.Object({
  code: Str,
  procedureName: Str,
  status: Type.Integer(),
  statusName: Str,
  subState: NStr,
  receivingAgency: Str,
  competentAgency: Str,
  submittedAt: Time,
  receivedAt: NTime,
  dueAt: NTime,
  timeline: Type.Array(
    Type.Object({ at: Time, action: Str, actionName: Str, status: Type.Integer(), agency: NStr }),
  ),
});

export const ReceiveBody = Type.Object(
  {
    exemption: Type.Optional(NStr),
    payment: Type.Optional(
      Type.Union([
        Type.Object({ amount: Type.Integer({ minimum: 1 }), receiptNumber: Type.String({ maxLength: 50 }) }),
        Type.Null(),
      ]),
    ),
    note: Type.Optional(NStr),
  },
  { additionalProperties: false },
);

export const CompletionBody = Type.Object(
  {
    missing: Type.Array(
      Type.Object({ name: Type.String({ maxLength: 500 }), reason: Type.String({ maxLength: 1000 }) }),
      {
        maxItems: 100,
      },
    ),
    reason: Type.Optional(NStr),
  },
  { additionalProperties: false },
);

export const ReasonBody = Type.Object(
  { reason: Type.String({ maxLength: 2000 }) },
  { additionalProperties: false },
);
export const NoteBody = Type.Object({ note: Type.Optional(NStr) }, { additionalProperties: false });
export const PaymentBody = Type.Object(
  { amount: Type.Integer({ minimum: 1 }), receiptNumber: Type.String({ maxLength: 50 }) },
  { additionalProperties: false },
);
