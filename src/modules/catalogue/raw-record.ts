/**
 * One crawled record of the national portal (the raw form of datasets/procedures/) turned into
 * canonical content, with the fields that could not be read fully, or a reason to refuse it.
 */
import type { ChannelContent, FeeLineContent, Level, ProcedureContent } from './content.js';
import { parseChannels } from './parse/channels.js';
import { parseComponents } from './parse/components.js';
import { parseLegalBases } from './parse/legal.js';
import { parseResults } from './parse/results.js';
import { cleanBlock, cleanLine, foldKey, splitOutsideParens, valueOrNull } from './parse/text.js';
import { defaultWorkflow } from './workflow-budget.js';

export type RawRecord = Record<string, string | undefined>;

export const CODE_PATTERN = /^[123]\.\d{6}$/;

export type ParsedField = 'channels' | 'time_unit' | 'fees' | 'components' | 'legal_bases' | 'results';
export const PARSED_FIELDS: ParsedField[] = [
  'channels',
  'time_unit',
  'fees',
  'components',
  'legal_bases',
  'results',
];

export type RecordOutcome =
  | { ok: true; code: string; content: ProcedureContent; partial: ParsedField[] }
  | { ok: false; code: string | null; reason: string; detail: string };

const LEVELS: Record<string, Level> = {
  'Cấp bộ': 'ministry',
  'Cấp tỉnh': 'province',
  'Cấp xã': 'commune',
  'Cơ quan khác': 'other',
};

export function subjectKind(label: string): ProcedureContent['subjects'][number]['kind'] {
  const k = foldKey(label);
  if (/nuoc ngoai/.test(k) && !/viet nam dinh cu/.test(k) && !/von dau tu/.test(k))
    return k.startsWith('to chuc') ? 'organisation' : 'foreigner';
  if (/^(cong dan|nguoi viet nam)/.test(k)) return 'citizen';
  if (/doanh nghiep|hop tac xa/.test(k)) return 'business';
  if (/^to chuc/.test(k)) return 'organisation';
  return 'other';
}

/** Online level: a record with an online channel is "một phần" unless its text says "toàn trình". */
export function onlineLevelOf(channels: ChannelContent[], texts: string[]): ProcedureContent['onlineLevel'] {
  if (!channels.some((c) => c.kind === 'online')) return 'none';
  return texts.some((t) => /toàn trình/iu.test(t)) ? 'toan_trinh' : 'mot_phan';
}

/** "trong ngày … sau 15 giờ … ngày làm việc tiếp theo" → same day with a 15:00 cut-off. */
export function cutOffOf(texts: string[]): ProcedureContent['cutOff'] {
  for (const t of texts) {
    const m = /(?:sau|quá) (\d{1,2})(?: ?giờ| ?h)(?: ?(\d{2}))?/iu.exec(t);
    if (m && /trong (ngày|buổi)|ngay trong ngày|ngày làm việc tiếp theo/iu.test(t)) {
      const sentence = t.slice(Math.max(0, (m.index ?? 0) - 120), (m.index ?? 0) + 120);
      return {
        sameDay: true,
        cutoff: `${(m[1] ?? '').padStart(2, '0')}:${m[2] ?? '00'}`,
        text: cleanLine(sentence),
      };
    }
  }
  return null;
}

function feeKind(note: string | null): FeeLineContent['kind'] {
  if (!note) return 'unspecified';
  if (/lệ phí/iu.test(note)) return 'le_phi';
  return /(^|[^ệ])\bphí\b/iu.test(note) ? 'phi' : 'unspecified';
}

function exemptionsOf(note: string | null): string | null {
  const m = note ? /[^.;]*(miễn|không thu)[^.;]*/iu.exec(note) : null;
  return m ? cleanLine(m[0]) : null;
}

/** Records whose name does not match the portal's list for their code hold another page. */
export function wrongPage(name: string, listed: string | undefined): boolean {
  if (listed === undefined) return false;
  const a = new Set(foldKey(name).split(' '));
  const b = new Set(foldKey(listed).split(' '));
  const common = [...a].filter((w) => b.has(w)).length;
  return common / Math.max(1, Math.min(a.size, b.size)) < 0.6;
}

function parseChannelsAndFees(raw: string, partial: Set<ParsedField>) {
  const parsed = parseChannels(raw) ?? [];
  if (parsed.length === 0) partial.add('channels');
  const channels: ChannelContent[] = [];
  const feeLines: FeeLineContent[] = [];
  parsed.forEach((c, i) => {
    if (c.time.unitSource === 'lost' || c.time.ambiguous) partial.add('time_unit');
    if (c.fee.suspect || (c.fee.status === 'charged' && !c.fee.amount)) partial.add('fees');
    channels.push({
      kind: c.kind,
      timeValue: c.time.value,
      timeUnit: c.time.unit,
      timeUnitSource: c.time.unitSource,
      timeText: c.time.text,
      feeStatus: c.fee.status,
      description: c.description,
    });
    if (c.fee.amount) {
      feeLines.push({
        channelPosition: i,
        kind: feeKind(c.fee.note),
        amount: c.fee.amount.amount,
        amountMax: c.fee.amount.amountMax,
        currency: c.fee.amount.currency,
        perUnit: c.fee.amount.perUnit,
        collected: 'unspecified',
        exemptions: exemptionsOf(c.fee.note),
        note: c.fee.note,
      });
    }
  });
  return { channels, feeLines };
}

export function readRawRecord(
  r: RawRecord,
  listNames: Map<string, string>,
  sharedUrls: Set<string>,
): RecordOutcome {
  const code = cleanLine(r.ma_thu_tuc ?? '');
  if (!CODE_PATTERN.test(code))
    return { ok: false, code: code || null, reason: 'invalid_code', detail: `"${code}"` };
  const name = valueOrNull(r.ten_thu_tuc);
  if (!name) return { ok: false, code, reason: 'missing_name', detail: 'ten_thu_tuc' };
  const listed = listNames.get(code);
  const url = valueOrNull(r.detail_url);
  if (
    wrongPage(name, listed) ||
    (url !== null && sharedUrls.has(url) && listed !== undefined && foldKey(name) !== foldKey(listed))
  ) {
    return {
      ok: false,
      code,
      reason: 'wrong_page',
      detail: `record shows "${name}", the portal list names "${listed ?? '?'}"`,
    };
  }
  const partial = new Set<ParsedField>();
  const { channels, feeLines } = parseChannelsAndFees(r.cach_thuc_thuc_hien ?? '', partial);
  const components = parseComponents(r.thanh_phan_ho_so ?? '');
  if (components === null || components.length === 0) partial.add('components');
  const legal = parseLegalBases(r.can_cu_phap_ly ?? '');
  if (legal === null || legal.some((l) => l.number === null)) partial.add('legal_bases');
  const results = parseResults(r.ket_qua_xu_ly ?? '');
  if (results.length === 0 || results.some((x) => !x.codeValid)) partial.add('results');
  const levels = splitOutsideParens(r.cap_thuc_hien ?? '').map((l) => LEVELS[l] ?? 'other');
  const stepsText = valueOrNull(r.trinh_tu_thuc_hien, true);
  const conditionsText = valueOrNull(r.yeu_cau_dieu_kien, true);
  const texts = [name, cleanBlock(r.cach_thuc_thuc_hien ?? ''), stepsText ?? ''];
  const legalTime =
    channels.find((c) => c.kind === 'direct' && c.timeValue !== null) ??
    channels.find((c) => c.timeValue !== null);
  const agencies: ProcedureContent['agencies'] = [];
  const roles = [
    ['competent', r.co_quan_co_tham_quyen],
    ['implementing', r.co_quan_thuc_hien],
    ['coordinating', r.co_quan_phoi_hop],
    ['receiving', r.dia_chi_tiep_nhan],
  ] as const;
  for (const [role, text] of roles) {
    const v = valueOrNull(text);
    if (v)
      agencies.push({
        role,
        level: /cấp xã|xã, phường/iu.test(v) ? 'commune' : /cấp tỉnh/iu.test(v) ? 'province' : null,
        name: v,
      });
  }
  const content: ProcedureContent = {
    name: cleanLine(name),
    field: valueOrNull(r.linh_vuc),
    levels: [...new Set(levels)],
    procedureType: valueOrNull(r.loai_thu_tuc),
    stepsText,
    conditionsText,
    onlineLevel: onlineLevelOf(channels, texts),
    onlineLevelSource: 'import_rule',
    cutOff: cutOffOf([stepsText ?? '', ...channels.map((c) => c.description ?? '')]),
    decisionNumber: valueOrNull(r.so_quyet_dinh),
    decisionDate: null,
    disclosedOn: null,
    source: { url, ministryDir: valueOrNull(r._ministry_dir) },
    parseIssues: [...partial].sort(),
    agencies,
    subjects: splitOutsideParens(r.doi_tuong_thuc_hien ?? '').map((label) => ({
      kind: subjectKind(label),
      label,
    })),
    legalBases: legal ?? [],
    results,
    components: (components ?? []).map(({ yearGlued: _y, ...c }) => ({ ...c, templateUrl: null })),
    channels,
    feeLines,
    feeReductions: [],
    workflows: [...new Set(levels)]
      .filter((l) => l !== 'other')
      .sort()
      .map((l) =>
        defaultWorkflow(l, {
          value: legalTime?.timeValue ?? null,
          // A lost unit: budget on calendar days, the shorter of the two day units, so the default
          // steps stay inside the term whichever day unit was meant; administrators adjust it.
          unit: legalTime?.timeUnit ?? (legalTime?.timeValue == null ? null : 'ngay'),
        }),
      ),
  };
  return { ok: true, code, content, partial: content.parseIssues as ParsedField[] };
}
