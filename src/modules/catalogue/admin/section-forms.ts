/**
 * The draft editor's content sections as forms: general information, components (thành phần hồ sơ),
 * channels with their times and fee lines (phí, lệ phí), fee reductions. Each section turns content
 * into form values, and form values back into content or field errors next to each field. Pure.
 */
import type { FieldError } from '../../../platform/errors.js';
import type { ProcedureContent, TimeUnit } from '../content.js';
import { parseDecimal } from './draft-rules.js';
import { type FormState, fieldError as fe, type Row } from './form-state.js';

export type SectionKey = 'general' | 'components' | 'fees' | 'reductions';
export interface Section {
  fields: readonly string[];
  groups: Record<string, readonly string[]>;
  /** Content array → form group, to name a content error's field. */
  paths: Record<string, string>;
  blank: Record<string, Row>;
  valuesOf(c: ProcedureContent): FormState;
  apply(
    v: FormState,
    draft: ProcedureContent,
    base: ProcedureContent,
  ): { content?: ProcedureContent; errors: FieldError[] };
}

const UNITS: readonly TimeUnit[] = ['gio', 'ngay-lam-viec', 'ngay', 'thang'];
const nul = (s: string) => (s === '' ? null : s);
const intOf = (s: string, max = 1000) => (/^\d{1,9}$/.test(s) && Number(s) <= max ? Number(s) : undefined);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => DATE.test(s) && !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime());
/** Amounts as typed: "50.000", "50 000", "50,000" → 50000. */
const amountOf = (s: string) => {
  const t = s.replace(/[.\s,_]/g, '').replace(/(đ|vnd|VNĐ|VND)$/i, '');
  return /^\d{1,12}$/.test(t) ? Number(t) : undefined;
};
const required = (name: string) => fe(name, 'Không được để trống', 'Required');

const general: Section = {
  fields: [
    'name',
    'field',
    'onlineLevel',
    'conditionsText',
    'stepsText',
    'cutOffSameDay',
    'cutOffTime',
    'cutOffText',
  ],
  groups: {},
  paths: {},
  blank: {},
  valuesOf: (c) => ({
    fields: {
      name: c.name,
      field: c.field ?? '',
      onlineLevel: c.onlineLevel,
      conditionsText: c.conditionsText ?? '',
      stepsText: c.stepsText ?? '',
      cutOffSameDay: c.cutOff?.sameDay ? 'on' : '',
      cutOffTime: c.cutOff?.cutoff ?? '',
      cutOffText: c.cutOff?.text ?? '',
    },
    rows: {},
  }),
  apply(v, draft, base) {
    const f = v.fields as Record<string, string>;
    const errors: FieldError[] = [];
    if (!f.name) errors.push(required('name'));
    const level = f.onlineLevel as ProcedureContent['onlineLevel'];
    if (!['none', 'mot_phan', 'toan_trinh'].includes(level))
      errors.push(fe('onlineLevel', 'Chọn mức độ dịch vụ trực tuyến', 'Choose the online level'));
    const time = f.cutOffTime ?? '';
    if (time && !/^([01]\d|2[0-3]):[0-5]\d$/.test(time))
      errors.push(fe('cutOffTime', 'Nhập giờ dạng HH:MM, ví dụ 15:00', 'Enter a time as HH:MM, e.g. 15:00'));
    if (errors.length) return { errors };
    const sameDay = f.cutOffSameDay === 'on';
    const cutOff =
      sameDay || time || f.cutOffText ? { sameDay, cutoff: nul(time), text: f.cutOffText ?? '' } : null;
    const source = level === base.onlineLevel ? base.onlineLevelSource : 'administrator';
    return {
      errors,
      content: {
        ...draft,
        name: f.name as string,
        field: nul(f.field ?? ''),
        onlineLevel: level,
        onlineLevelSource: source,
        conditionsText: nul(f.conditionsText ?? ''),
        stepsText: nul(f.stepsText ?? ''),
        cutOff,
      },
    };
  },
};

const COMPONENT = [
  'from',
  'name',
  'originals',
  'certifiedCopies',
  'copies',
  'requirement',
  'conditionText',
  'reusableData',
];
const components: Section = {
  fields: [],
  groups: { component: COMPONENT },
  paths: { components: 'component' },
  blank: {
    component: {
      from: 'new',
      name: '',
      originals: '1',
      certifiedCopies: '0',
      copies: '0',
      requirement: 'required',
      conditionText: '',
      reusableData: '',
    },
  },
  valuesOf: (c) => ({
    fields: {},
    rows: {
      component: c.components.map((x, i) => ({
        from: String(i),
        name: x.name,
        originals: String(x.originals),
        certifiedCopies: String(x.certifiedCopies),
        copies: String(x.copies),
        requirement: x.requirement,
        conditionText: x.conditionText ?? '',
        reusableData: x.reusableData ? 'on' : '',
      })),
    },
  }),
  apply(v, draft) {
    const errors: FieldError[] = [];
    const list = (v.rows.component ?? []).map((r, i) => {
      const n = (k: string) => `component-${i}-${k}`;
      if (!r.name) errors.push(required(n('name')));
      const counts = (['originals', 'certifiedCopies', 'copies'] as const).map((k) => {
        const value = intOf(r[k] ?? '', 100);
        if (value === undefined)
          errors.push(fe(n(k), 'Nhập số nguyên từ 0 đến 100', 'Enter a whole number from 0 to 100'));
        return value ?? 0;
      });
      const requirement = r.requirement === 'conditional' ? 'conditional' : 'required';
      if (requirement === 'conditional' && !r.conditionText)
        errors.push(fe(n('conditionText'), 'Nhập điều kiện phải nộp', 'Enter when it is needed'));
      const old = r.from === 'new' ? undefined : draft.components[Number(r.from)];
      return {
        groupTitle: old?.groupTitle ?? null,
        name: r.name ?? '',
        templateFile: old?.templateFile ?? null,
        templateUrl: old?.templateUrl ?? null,
        originals: counts[0] as number,
        certifiedCopies: counts[1] as number,
        copies: counts[2] as number,
        requirement,
        conditionText: requirement === 'conditional' ? (r.conditionText ?? null) : null,
        reusableData: r.reusableData === 'on',
      } satisfies ProcedureContent['components'][number];
    });
    return errors.length ? { errors } : { errors, content: { ...draft, components: list } };
  },
};

const FEE = ['from', 'kind', 'amount', 'collected', 'exemptions', 'channel'];
const fees: Section = {
  fields: [],
  groups: { channel: ['timeValue', 'timeUnit'], fee: FEE },
  paths: { channels: 'channel', feeLines: 'fee' },
  blank: {
    fee: { from: 'new', kind: 'le_phi', amount: '', collected: 'before', exemptions: '', channel: '' },
  },
  valuesOf: (c) => ({
    fields: {},
    rows: {
      channel: c.channels.map((x) => ({
        timeValue: x.timeValue === null ? '' : String(x.timeValue).replace('.', ','),
        timeUnit: x.timeUnit ?? '',
      })),
      fee: c.feeLines.map((f, i) => ({
        from: String(i),
        kind: f.kind,
        amount: String(f.amount),
        collected: f.collected,
        exemptions: f.exemptions ?? '',
        channel: f.channelPosition === null ? '' : String(f.channelPosition),
      })),
    },
  }),
  apply(v, draft) {
    const errors: FieldError[] = [];
    const channels = draft.channels.map((ch, i) => {
      const r = v.rows.channel?.[i] ?? { timeValue: '', timeUnit: '' };
      const n = (k: string) => `channel-${i}-${k}`;
      const value = r.timeValue ? parseDecimal(r.timeValue ?? '') : null;
      if (value === undefined)
        errors.push(fe(n('timeValue'), 'Nhập một số, ví dụ 7 hoặc 0,5', 'Enter a number, e.g. 7 or 0.5'));
      const unit = UNITS.includes(r.timeUnit as TimeUnit) ? (r.timeUnit as TimeUnit) : null;
      if ((value ?? null) !== null && unit === null)
        errors.push(fe(n('timeUnit'), 'Chọn đơn vị thời hạn', 'Choose the time unit'));
      if (value === null && unit !== null)
        errors.push(
          fe(n('timeValue'), 'Nhập thời hạn hoặc bỏ chọn đơn vị', 'Enter the time or clear the unit'),
        );
      const timeValue = value ?? null;
      const same = timeValue === ch.timeValue && unit === ch.timeUnit;
      return same
        ? ch
        : {
            ...ch,
            timeValue,
            timeUnit: timeValue === null ? null : unit,
            timeUnitSource: timeValue === null ? null : ('stated' as const),
            timeText: null,
          };
    });
    const feeLines = (v.rows.fee ?? []).map((r, i) => {
      const n = (k: string) => `fee-${i}-${k}`;
      const amount = amountOf(r.amount ?? '');
      if (amount === undefined)
        errors.push(
          fe(n('amount'), 'Nhập số tiền bằng đồng, ví dụ 50000', 'Enter the amount in dong, e.g. 50000'),
        );
      const channel = r.channel ? intOf(r.channel, draft.channels.length - 1) : null;
      if (channel === undefined) errors.push(fe(n('channel'), 'Chọn cách thức nộp', 'Choose the channel'));
      const old = r.from === 'new' ? undefined : draft.feeLines[Number(r.from)];
      const amountMax = old?.amountMax != null && old.amountMax >= (amount ?? 0) ? old.amountMax : null;
      return {
        channelPosition: channel ?? null,
        kind: (['phi', 'le_phi', 'unspecified'].includes(r.kind ?? '') ? r.kind : 'unspecified') as 'phi',
        amount: amount ?? 0,
        amountMax,
        currency: old?.currency ?? ('VND' as const),
        perUnit: old?.perUnit ?? null,
        collected: (['before', 'after', 'unspecified'].includes(r.collected ?? '')
          ? r.collected
          : 'unspecified') as 'before',
        exemptions: nul(r.exemptions ?? ''),
        note: old?.note ?? null,
      };
    });
    return errors.length ? { errors } : { errors, content: { ...draft, channels, feeLines } };
  },
};

const REDUCTION = ['channel', 'percent', 'validFrom', 'validTo', 'legalBasis'];
const reductions: Section = {
  fields: [],
  groups: { reduction: REDUCTION },
  paths: { feeReductions: 'reduction' },
  blank: { reduction: { channel: 'online', percent: '', validFrom: '', validTo: '', legalBasis: '' } },
  valuesOf: (c) => ({
    fields: {},
    rows: {
      reduction: c.feeReductions.map((r) => ({
        channel: r.channel,
        percent: String(r.percent),
        validFrom: r.validFrom,
        validTo: r.validTo ?? '',
        legalBasis: r.legalBasis,
      })),
    },
  }),
  apply(v, draft) {
    const errors: FieldError[] = [];
    const list = (v.rows.reduction ?? []).map((r, i) => {
      const n = (k: string) => `reduction-${i}-${k}`;
      const percent = intOf(r.percent ?? '', 100);
      if (percent === undefined || percent < 1)
        errors.push(fe(n('percent'), 'Nhập tỷ lệ giảm từ 1 đến 100', 'Enter a reduction from 1 to 100'));
      if (!validDate(r.validFrom ?? ''))
        errors.push(
          fe(n('validFrom'), 'Nhập ngày bắt đầu (năm-tháng-ngày)', 'Enter the start date (year-month-day)'),
        );
      if (r.validTo && !validDate(r.validTo))
        errors.push(fe(n('validTo'), 'Ngày không hợp lệ', 'Invalid date'));
      else if (r.validTo && r.validFrom && r.validTo < r.validFrom)
        errors.push(fe(n('validTo'), 'Ngày hết hiệu lực trước ngày bắt đầu', 'Ends before it starts'));
      if (!r.legalBasis)
        errors.push(
          fe(
            n('legalBasis'),
            'Nhập căn cứ pháp lý (số, ngày văn bản)',
            'Enter the legal basis (document number, date)',
          ),
        );
      const channel = (
        ['any', 'direct', 'online', 'postal'].includes(r.channel ?? '') ? r.channel : 'any'
      ) as 'any';
      return {
        channel,
        percent: percent ?? 1,
        validFrom: r.validFrom ?? '',
        validTo: nul(r.validTo ?? ''),
        legalBasis: r.legalBasis ?? '',
      };
    });
    return errors.length ? { errors } : { errors, content: { ...draft, feeReductions: list } };
  },
};

export const SECTIONS: Record<SectionKey, Section> = { general, components, fees, reductions };
