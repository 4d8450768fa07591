import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { type HolidayCsvResult, parseHolidayCsv } from './holidays-csv.js';
import { OFFICIAL_DAYS_OFF_PATH } from './official-days-off.js';

const official = readFileSync(OFFICIAL_DAYS_OFF_PATH, 'utf8');
const HEADER = 'date,weekday,kind,name_vi,break_range,verified,source';

describe('the shipped official table', () => {
  const { days, errors } = parseHolidayCsv(official);

  it('is the reference file, byte for byte', () => {
    const sha = createHash('sha256').update(readFileSync(OFFICIAL_DAYS_OFF_PATH)).digest('hex');
    assert.equal(sha, 'cbc8b51bc1bedf54512997d1b18e693ef1d0ad23b3821ae077ff35550fe12a04');
  });

  it('reads all 45 rows without an error', () => {
    assert.deepEqual(errors, []);
    assert.equal(days.length, 45);
  });

  it('maps the kinds of the table onto the calendar model', () => {
    const count = (kind: string) => days.filter((d) => d.kind === kind).length;
    assert.equal(count('holiday'), 17 + 1 + 1); // weekday, on a weekend, and the pending 24/11
    assert.equal(count('tet'), 13 + 2);
    assert.equal(count('compensatory'), 3);
    assert.equal(count('swapped_off'), 4);
    assert.deepEqual(
      days.filter((d) => d.kind === 'makeup_workday').map((d) => d.date),
      ['2024-05-04', '2025-04-26', '2026-01-10', '2026-08-22'],
    );
  });

  it('marks 24/11/2026 pending and every other row confirmed', () => {
    const notConfirmed = days.filter((d) => d.status !== 'confirmed');
    assert.deepEqual(
      notConfirmed.map((d) => [d.date, d.status]),
      [['2026-11-24', 'pending']],
    );
  });

  it('keeps each row legal source, resolving "same as above"', () => {
    const byDate = new Map(days.map((d) => [d.date, d]));
    assert.equal(byDate.get('2026-01-02')?.source, byDate.get('2026-01-01')?.source);
    assert.match(byDate.get('2026-01-02')!.source, /12729\/VPCP-KGVX/);
    assert.match(byDate.get('2024-02-09')!.source, /^https:\/\/sucsongtre\.vn\//);
    assert.ok(days.every((d) => d.source !== '' && d.source.toLowerCase() !== 'same as above'));
    assert.equal(byDate.get('2026-04-27')?.evidence, 'derived');
  });

  it('keeps the break each day belongs to', () => {
    const tet = days.find((d) => d.date === '2026-02-16');
    assert.deepEqual(tet?.breakRange, { from: '2026-02-14', to: '2026-02-22' });
    assert.equal(days.find((d) => d.date === '2026-01-10')?.breakRange, undefined);
  });
});

describe('dirty input', () => {
  it('copes with a BOM, CRLF, NFD text, stray spaces, header case and order, quotes and D/M/YYYY dates', () => {
    const nfd = 'Tết Nguyên đán (mùng 1)'.normalize('NFD');
    const dirty = [
      '\uFEFF Source , Date,WEEKDAY,kind,Name_VI,break_range,verified',
      `"Văn bản 12729/VPCP-KGVX,  ngày 25/12/2025" ,  17/2/2026 ,tue , tet_day_off ,"  ${nfd}\n (giao thừa) ",2026-02-14..2026-02-22,YES`,
      '',
      'same as above,2026-02-18,Wed,tet_day_off,Tết  Nguyên\u00A0đán,2026-02-14 .. 2026-02-22,yes',
      '',
    ].join('\r\n');
    const { days, errors } = parseHolidayCsv(dirty);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      days.map((d) => [d.date, d.kind, d.status, d.name, d.source]),
      [
        [
          '2026-02-17',
          'tet',
          'confirmed',
          'Tết Nguyên đán (mùng 1) (giao thừa)',
          'Văn bản 12729/VPCP-KGVX, ngày 25/12/2025',
        ],
        ['2026-02-18', 'tet', 'confirmed', 'Tết Nguyên đán', 'Văn bản 12729/VPCP-KGVX, ngày 25/12/2025'],
      ],
    );
    assert.ok(days.every((d) => d.name === d.name.normalize('NFC')));
  });

  it('treats a row marked verified = no as pending', () => {
    const { days } = parseHolidayCsv(`${HEADER}\n2027-03-03,Wed,public_holiday,Thử,,no,rumour`);
    assert.equal(days[0]?.status, 'pending');
  });
});

describe('rows that cannot be read are reported, not dropped', () => {
  const rows = [
    HEADER,
    '2026-01-01,Thu,public_holiday,Tết Dương lịch,2026-01-01..2026-01-04,yes,VB 12729',
    '2026-02-30,Mon,tet_day_off,Ngày không có,,yes,VB',
    '2026-02-16,Tue,tet_day_off,Thứ sai,2026-02-14..2026-02-22,yes,VB',
    '2026-02-17,Tue,tet_holiday,Loại lạ,2026-02-14..2026-02-22,yes,VB',
    '2026-02-18,Wed,tet_day_off,Đợt sai,2026-02-22..2026-02-14,yes,VB',
    '2026-02-19,Thu,tet_day_off,Ngoài đợt,2026-02-20..2026-02-22,yes,VB',
    '2026-01-10,Sat,makeup_workday,,,yes,VB',
    '2026-01-12,Mon,makeup_workday,Làm bù ngày thường,,yes,VB',
    '2026-01-13,Tue,public_holiday,Nguồn trống,,yes,',
    '2026-01-01,Thu,public_holiday,Trùng ngày,,yes,VB',
    '2026-01-14,Wed,public_holiday,Tên, có dấu phẩy,,yes,VB',
    '2026-01-15,Thu,public_holiday,Kiểm chứng lạ,,maybe,VB',
    '2026-01-16,Fri,swapped_day_off,Đọc được,,yes,same as above',
  ];
  const result: HolidayCsvResult = parseHolidayCsv(rows.join('\n'));
  const codesOnLine = (line: number) =>
    result.errors.filter((e) => e.line === line).map((e) => e.code.split('.').pop());

  const expected: [number, string][] = [
    [3, 'bad_date'],
    [4, 'weekday_mismatch'],
    [5, 'unknown_kind'],
    [6, 'bad_break_range'],
    [7, 'date_outside_break'],
    [8, 'missing_name'],
    [9, 'kind_on_wrong_day'],
    [10, 'missing_source'],
    [11, 'duplicate_date'],
    [12, 'too_many_fields'],
    [13, 'unknown_verified'],
  ];
  for (const [line, code] of expected) {
    it(`line ${line}: ${code}`, () => {
      assert.deepEqual(codesOnLine(line), [code]);
      const error = result.errors.find((e) => e.line === line)!;
      assert.equal(error.raw, rows[line - 1]);
      assert.ok(error.message.vi.length > 10 && error.message.en.length > 10);
      assert.notEqual(error.message.vi, error.message.en);
    });
  }

  it('keeps the readable rows, and "same as above" after a bad row still takes that row source', () => {
    assert.deepEqual(
      result.days.map((d) => [d.date, d.source]),
      [
        ['2026-01-01', 'VB 12729'],
        ['2026-01-16', 'VB'],
      ],
    );
    assert.equal(result.days.length + new Set(result.errors.map((e) => e.line)).size, rows.length - 1);
  });

  it('reports missing columns, an empty file and an unterminated quote', () => {
    const missing = parseHolidayCsv('date,kind,name_vi\n2026-01-01,public_holiday,x');
    assert.equal(missing.errors[0]?.code, 'calendar.holidays_csv.missing_columns');
    assert.match(missing.errors[0]!.message.en, /weekday, break_range, verified, source/);
    assert.equal(parseHolidayCsv(' \n\n').errors[0]?.code, 'calendar.holidays_csv.empty');
    const open = parseHolidayCsv(
      `${HEADER}\n2026-01-01,Thu,public_holiday,"Tết,2026-01-01..2026-01-04,yes,VB\n2026-01-02,Fri,x`,
    );
    assert.deepEqual(
      open.errors.map((e) => [e.line, e.code]),
      [[2, 'calendar.holidays_csv.unterminated_quote']],
    );
  });
});

describe('"same as above" under a row whose columns are shifted', () => {
  it('is reported as a missing source instead of borrowing a source from further up', () => {
    const text = [
      HEADER,
      '2026-01-01,Thu,public_holiday,Tết Dương lịch,,yes,VB 1',
      '2026-01-02,Fri,swapped_day_off,Tên, có dấu phẩy,,yes,VB 2',
      '2026-01-05,Mon,public_holiday,Ngày thử,,yes,same as above',
    ].join('\n');
    const { days, errors } = parseHolidayCsv(text);
    assert.deepEqual(
      days.map((d) => d.date),
      ['2026-01-01'],
    );
    assert.deepEqual(
      errors.map((e) => [e.line, e.code]),
      [
        [3, 'calendar.holidays_csv.too_many_fields'],
        [4, 'calendar.holidays_csv.missing_source'],
      ],
    );
  });
});
