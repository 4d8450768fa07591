import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { birthDateOf, identityFromClaims } from './citizen-claims.js';
import { SANDBOX_ACCOUNTS } from './vneid-sandbox/sandbox-people.js';

describe('identityFromClaims', () => {
  it('keys a citizen by SoDinhDanh, a business by MaSoThue, an organisation by TechID', () => {
    assert.deepEqual(
      identityFromClaims({
        LoaiTaiKhoan: '1',
        SoDinhDanh: '022085012345',
        HoVaTen: '  Nguyễn  Văn An ',
        NgayThangNamSinh: '14/03/1985',
        loAs: ['LoA2'],
        TaiKhoanDuocXacThucVoiVNeID: '1',
      }),
      {
        accountType: 1,
        accountKey: '022085012345',
        fullName: 'Nguyễn Văn An',
        birthDate: '1985-03-14',
        loa: 'LoA2',
        vneidVerified: true,
      },
    );
    const business = identityFromClaims({
      LoaiTaiKhoan: 2,
      MaSoThue: '5701234566-001',
      TenDoanhNghiep: 'Công ty A',
      HoVaTen: 'Người B',
    });
    assert.ok(!('problem' in business));
    assert.equal(business.accountKey, '5701234566-001');
    assert.equal(business.fullName, 'Công ty A');
    assert.equal(business.birthDate, null);
    const org = identityFromClaims({ LoaiTaiKhoan: 3, TechID: 'abc-123', HoVaTen: 'Hội C' });
    assert.ok(!('problem' in org));
    assert.equal(org.accountKey, 'abc-123');
  });

  it('normalises names to NFC', () => {
    const decomposed = 'Nguyễn Văn An'.normalize('NFD');
    const id = identityFromClaims({ SoDinhDanh: '022085012345', HoVaTen: decomposed });
    assert.ok(!('problem' in id));
    assert.equal(id.fullName, 'Nguyễn Văn An'.normalize('NFC'));
    assert.equal(id.accountType, 1, 'LoaiTaiKhoan missing: a citizen');
  });

  it('names what is missing', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ LoaiTaiKhoan: 4, SoDinhDanh: '022085012345', HoVaTen: 'A' }, 'account_type'],
      [{ LoaiTaiKhoan: 1, SoDinhDanh: '22085012345', HoVaTen: 'A' }, 'personal_id'],
      [{ LoaiTaiKhoan: 1, SoDinhDanh: 22085012345, HoVaTen: 'A' }, 'personal_id'],
      [{ LoaiTaiKhoan: 2, MaSoThue: '57012345', TenDoanhNghiep: 'A' }, 'tax_code'],
      [{ LoaiTaiKhoan: 3, TechID: '', HoVaTen: 'A' }, 'tech_id'],
      [{ LoaiTaiKhoan: 1, SoDinhDanh: '022085012345', HoVaTen: '   ' }, 'name'],
    ];
    for (const [claims, problem] of cases)
      assert.deepEqual(identityFromClaims(claims), { problem }, JSON.stringify(claims));
  });

  it('reads birth dates in the forms SSOs use, and only real dates', () => {
    assert.equal(birthDateOf('1985-03-14'), '1985-03-14');
    assert.equal(birthDateOf('1985-03-14T00:00:00+07:00'), '1985-03-14');
    assert.equal(birthDateOf('14/03/1985'), '1985-03-14');
    assert.equal(birthDateOf('19850314'), '1985-03-14');
    assert.equal(birthDateOf('31/02/1985'), null);
    assert.equal(birthDateOf('1985'), null);
    assert.equal(birthDateOf(undefined), null);
  });
});

describe('the sandbox’s demo people', () => {
  it('have identification numbers consistent with Quảng Ninh, gender and birth year', () => {
    const people = SANDBOX_ACCOUNTS.filter((a) => a.accountType === 1);
    assert.ok(people.length >= 5);
    for (const p of people) {
      const id = p.key;
      const birth = String(p.claims.NgayThangNamSinh);
      const female = p.claims.GioiTinh === 'Nữ';
      const century = Number(birth.slice(0, 2)) === 19 ? 0 : 2;
      assert.match(id, /^022\d{9}$/, p.label);
      assert.equal(Number(id[3]), century + (female ? 1 : 0), `${p.label}: gender and century digit`);
      assert.equal(id.slice(4, 6), birth.slice(2, 4), `${p.label}: birth year digits`);
      assert.equal(p.label, p.label.normalize('NFC'));
      assert.ok(!('problem' in identityFromClaims(p.claims)));
    }
  });

  it('include businesses with valid tax codes and an organisation', () => {
    const weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];
    const businesses = SANDBOX_ACCOUNTS.filter((a) => a.accountType === 2);
    assert.ok(businesses.length >= 2);
    for (const b of businesses) {
      const digits = [...b.key].map(Number);
      const sum = weights.reduce((s, w, i) => s + w * (digits[i] ?? 0), 0);
      assert.equal(digits[9], 10 - (sum % 11), `${b.label}: check digit`);
      assert.ok(b.key.startsWith('57'), 'Quảng Ninh tax office');
    }
    assert.ok(SANDBOX_ACCOUNTS.some((a) => a.accountType === 3));
  });
});
