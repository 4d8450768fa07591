/**
 * A small procedure for the administration's tests: 7 working days on every channel (56 working
 * hours), one lệ phí of 50,000 đ, one component, the default workflows of both levels.
 */
import type { Db } from '../../../platform/db/database.js';
import { insertProcedure, insertVersions } from '../catalogue.repository.js';
import { contentHash, type ProcedureContent } from '../content.js';
import { defaultWorkflow } from '../workflow-budget.js';

export function sampleContent(overrides: Partial<ProcedureContent> = {}): ProcedureContent {
  const legal = { value: 7, unit: 'ngay-lam-viec' as const };
  const channel = (kind: 'direct' | 'online') => ({
    kind,
    timeValue: 7,
    timeUnit: 'ngay-lam-viec' as const,
    timeUnitSource: 'stated' as const,
    timeText: '7 Ngày làm việc',
    feeStatus: 'charged' as const,
    description: null,
  });
  return {
    name: 'Cấp giấy phép thử nghiệm',
    field: 'Thử nghiệm',
    levels: ['commune', 'province'],
    procedureType: null,
    stepsText: 'Bước 1: Nộp hồ sơ.',
    conditionsText: null,
    onlineLevel: 'mot_phan',
    onlineLevelSource: 'import_rule',
    cutOff: null,
    decisionNumber: null,
    decisionDate: null,
    disclosedOn: null,
    source: { url: null, ministryDir: null },
    parseIssues: [],
    agencies: [],
    subjects: [{ kind: 'citizen', label: 'Công dân Việt Nam' }],
    legalBases: [],
    results: [],
    components: [
      {
        groupTitle: null,
        name: 'Tờ khai theo mẫu',
        templateFile: null,
        templateUrl: null,
        originals: 1,
        certifiedCopies: 0,
        copies: 0,
        requirement: 'required',
        conditionText: null,
        reusableData: false,
      },
    ],
    channels: [channel('direct'), channel('online')],
    feeLines: [
      {
        channelPosition: null,
        kind: 'le_phi',
        amount: 50_000,
        amountMax: null,
        currency: 'VND',
        perUnit: null,
        collected: 'before',
        exemptions: null,
        note: null,
      },
    ],
    feeReductions: [],
    workflows: [
      { ...defaultWorkflow('commune', legal), agencyCode: null },
      { ...defaultWorkflow('province', legal), agencyCode: null },
    ],
    ...overrides,
  };
}

let sequence = 0;
/** A fresh procedure code no other call in this process gives out (3.9xxxxx). */
export const uniqueProcedureCode = () =>
  `3.9${String((process.pid % 1000) * 100 + (++sequence % 100)).padStart(5, '0')}`;

/** A procedure with one published version (as an import would write it), in force from `at`. */
export async function insertSampleProcedure(
  db: Db,
  at: Date,
  content: ProcedureContent = sampleContent(),
  code: string = uniqueProcedureCode(),
): Promise<{ id: string; code: string }> {
  return db.transaction().execute(async (trx) => {
    const id = await insertProcedure(trx, code, null, at);
    const hash = contentHash(content);
    await insertVersions(
      trx,
      [
        {
          procedureId: id,
          content,
          meta: {
            versionNumber: 1,
            effectiveFrom: at,
            publishedAt: at,
            publishedBy: 'import:test.json',
            contentHash: hash,
            nationalHash: hash,
          },
        },
      ],
      at,
    );
    return { id, code };
  });
}
