/** Placeholder substitution, the default template and the validity arithmetic (pure). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_GRANT_LINE,
  defaultTemplate,
  placeholdersIn,
  substitute,
  type TemplateValues,
  unknownPlaceholders,
  validUntilFor,
} from './template.js';

const values: TemplateValues = {
  agency: 'Ủy ban nhân dân phường Hạ Long',
  'applicant.name': 'Nguyễn Văn Mẫu',
  'procedure.name': 'Đăng ký hộ kinh doanh',
  title: 'Giấy chứng nhận đăng ký hộ kinh doanh',
  'title.lower': 'giấy chứng nhận đăng ký hộ kinh doanh',
  'owner.name': null,
};

describe('substitute', () => {
  const cases: [string, string, string, string[]][] = [
    ['plain text stays', 'Căn cứ Luật Hộ tịch;', 'Căn cứ Luật Hộ tịch;', []],
    ['one placeholder', 'Cấp cho {applicant.name}.', 'Cấp cho Nguyễn Văn Mẫu.', []],
    [
      'the default grant line',
      DEFAULT_GRANT_LINE,
      'Ủy ban nhân dân phường Hạ Long cấp giấy chứng nhận đăng ký hộ kinh doanh cho:',
      [],
    ],
    [
      'repeated',
      '{agency} / {agency}',
      'Ủy ban nhân dân phường Hạ Long / Ủy ban nhân dân phường Hạ Long',
      [],
    ],
    ['known without a value → empty', 'Chủ hồ sơ: {owner.name}.', 'Chủ hồ sơ: .', []],
    ['known, not given → empty', 'Mã: {dossier.code}', 'Mã: ', []],
    [
      'unknown left visible and reported',
      'Ngày {ngay_cap} số {so}',
      'Ngày {ngay_cap} số {so}',
      ['ngay_cap', 'so'],
    ],
    ['unknown reported once', '{x} {x}', '{x} {x}', ['x']],
    ['braces that are not placeholders stay', 'Điều {1} và { agency }', 'Điều {1} và { agency }', []],
    ['case matters', '{Agency}', '{Agency}', ['Agency']],
  ];
  for (const [name, text, want, unknown] of cases) {
    it(name, () => {
      const out = substitute(text, values);
      assert.equal(out.text, want);
      assert.deepEqual(out.unknown, unknown);
    });
  }

  it('gives NFC text whatever the template and the values were typed in', () => {
    const nfd = 'Cấp cho {applicant.name}'.normalize('NFD');
    const out = substitute(nfd, { 'applicant.name': 'Nguyễn Văn Mẫu'.normalize('NFD') });
    assert.equal(out.text, 'Cấp cho Nguyễn Văn Mẫu'.normalize('NFC'));
    assert.equal(out.text, out.text.normalize('NFC'));
    assert.notEqual(out.text, out.text.normalize('NFD'));
  });

  it('lists placeholders and the unknown ones', () => {
    assert.deepEqual(placeholdersIn('{agency} {title.lower} {agency} {foo.bar}'), [
      'agency',
      'title.lower',
      'foo.bar',
    ]);
    assert.deepEqual(unknownPlaceholders('{agency} {title.lower} {foo.bar}'), ['foo.bar']);
  });
});

describe('defaultTemplate', () => {
  it('is today’s fixed layout: the kind’s name, its symbol, eight data lines, permanent', () => {
    const t = defaultTemplate('1.001234', 'Giấy chứng nhận đăng ký hộ kinh doanh');
    assert.equal(t.origin, 'default');
    assert.equal(t.title, 'Giấy chứng nhận đăng ký hộ kinh doanh');
    assert.equal(t.symbolKind, 'GCN');
    assert.equal(t.fields.length, 8);
    assert.deepEqual(t.fields[0], { label: 'Ông/Bà', source: 'applicant.name' });
    assert.equal(t.validityMonths, null);
    assert.equal(t.closing, null);
    assert.deepEqual(unknownPlaceholders(`${t.intro} ${t.grantLine}`), []);
    assert.equal(defaultTemplate('1.001234', 'Quyết định cho phép').symbolKind, 'QĐ');
  });
});

describe('validUntilFor', () => {
  const iso = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
  const cases: [string, number | null, string, string | null][] = [
    ['permanent', null, '2026-12-05T03:00:00Z', null],
    ['12 months: the day before the same date a year on', 12, '2026-12-05T03:00:00Z', '2027-12-04'],
    ['Vietnam date, not UTC (issued 06/12 at 01:00 local)', 1, '2026-12-05T18:00:00Z', '2027-01-05'],
    ['a day the target month lacks is clamped', 1, '2027-01-31T03:00:00Z', '2027-02-27'],
    ['leap year', 1, '2028-01-31T03:00:00Z', '2028-02-28'],
    ['1200 months', 1200, '2026-12-05T03:00:00Z', '2126-12-04'],
  ];
  for (const [name, months, at, want] of cases) {
    it(name, () => assert.equal(iso(validUntilFor(months, new Date(at))), want));
  }
});
