/** Sample slip data for tests and for looking at the renders: names full of Vietnamese diacritics. */
import type { SlipData } from './slip-types.js';

export const TRACKING_URL =
  'https://dichvucong.halong.gov.vn/tra-cuu/000.00.06.H56-261207-0042?t=eyJhbGciOiJIUzI1NiJ9.c2lnbmVk.Zm9v';

export function sampleSlip(overrides: Partial<SlipData> = {}): SlipData {
  return {
    kind: 'receipt',
    formSetName: 'Thông tư số 01/2018/TT-VPCP',
    formNo: '01',
    agencyParentName: 'Ủy ban nhân dân phường Hạ Long',
    agencyName: 'Trung tâm Phục vụ hành chính công phường Hạ Long',
    place: 'Hạ Long',
    issuedAt: new Date('2026-12-07T01:30:00Z'),
    dossierCode: '000.00.06.H56-261207-0042',
    trackingUrl: TRACKING_URL,
    applicant: {
      name: 'Nguyễn Thị Hường',
      idNumber: '022186001234',
      phone: '0912 345 678',
      email: 'huong.nguyen@example.vn',
      address: 'Số 12, tổ 3, khu phố Hồng Hải, phường Hạ Long, tỉnh Quảng Ninh',
    },
    owner: {
      name: 'Trần Văn Đức',
      idNumber: '022080009876',
      phone: null,
      email: null,
      address: 'Số 5, đường Lê Thánh Tông, phường Hạ Long, tỉnh Quảng Ninh',
    },
    procedureName: 'Đăng ký khai sinh',
    components: [
      { name: 'Tờ khai đăng ký khai sinh theo mẫu', originals: 1, certifiedCopies: 0, copies: 0 },
      { name: 'Giấy chứng sinh do cơ sở y tế cấp', originals: 1, certifiedCopies: 0, copies: 0 },
      { name: 'Giấy chứng nhận quyền sử dụng đất', originals: 0, certifiedCopies: 1, copies: 1 },
    ],
    durationText: '05 ngày làm việc',
    receivedAt: new Date('2026-12-07T01:30:00Z'),
    dueAt: new Date('2026-12-14T09:00:00Z'),
    feeLines: [
      { name: 'Lệ phí đăng ký khai sinh', amount: 25000, collected: 'before' },
      { name: 'Phí cấp bản sao trích lục', amount: 8000, collected: 'after' },
    ],
    payments: [{ amount: 25000, receiptNumber: '0001234' }],
    returnMethod: 'post',
    returnAddress: 'Số 12, tổ 3, khu phố Hồng Hải, phường Hạ Long, tỉnh Quảng Ninh',
    officerName: 'Phạm Thị Thu Hằng',
    contactPhone: '0203 3825 123',
    completionNumber: '17',
    missing: [],
    reason: null,
    ...overrides,
  };
}
