/** Sample document data for tests and for looking at the renders: names full of Vietnamese diacritics. */
import type { ApologyData, ControlSheetData, DocumentHead, StopNoticeData } from './document-types.js';

export const sampleHead = (over: Partial<DocumentHead> = {}): DocumentHead => ({
  formSetName: 'Thông tư số 01/2018/TT-VPCP',
  formNo: '04',
  agencyParentName: 'Ủy ban nhân dân tỉnh Quảng Ninh',
  agencyName: 'Ủy ban nhân dân phường Hạ Long',
  place: 'Hạ Long',
  issuedAt: new Date('2026-03-06T02:00:00Z'),
  dossierCode: '000.00.06.H56-260302-0042',
  lookupUrl: 'https://dichvucong.halong.gov.vn/tra-cuu/000.00.06.H56-260302-0042',
  ...over,
});

const applicant = {
  name: 'Nguyễn Thị Hường',
  address: 'Số 12, tổ 3, khu phố Hồng Hải, phường Hạ Long, tỉnh Quảng Ninh',
  phone: '0912 345 678',
  email: 'huong.nguyen@example.vn',
};

export const sampleApology = (over: Partial<ApologyData> = {}): ApologyData => ({
  ...sampleHead(),
  draft: false,
  applicant,
  receivingAgencyName: 'Trung tâm Phục vụ hành chính công phường Hạ Long',
  procedureName: 'Đăng ký khai sinh',
  receivedAt: new Date('2026-03-02T02:00:00Z'),
  oldDueAt: new Date('2026-03-09T02:00:00Z'),
  newDueAt: new Date('2026-03-12T09:00:00Z'),
  reason: 'Chờ kết quả xác minh của Chi cục Thuế khu vực Hạ Long',
  responsibleAgencyName: 'Ủy ban nhân dân phường Hạ Long',
  returnPlace: 'Bộ phận Một cửa – Trung tâm Phục vụ hành chính công phường Hạ Long',
  signerName: 'Đặng Quốc Việt',
  ...over,
});

export const sampleControlSheet = (over: Partial<ControlSheetData> = {}): ControlSheetData => ({
  ...sampleHead({
    formNo: '05',
    agencyName: 'Trung tâm Phục vụ hành chính công phường Hạ Long',
    agencyParentName: 'Ủy ban nhân dân phường Hạ Long',
  }),
  applicant,
  owner: { name: 'Trần Văn Đức', address: null, phone: null, email: null },
  procedureName: 'Đăng ký khai sinh',
  receivedAt: new Date('2026-03-02T02:00:00Z'),
  durationText: '05 ngày làm việc',
  dueAt: new Date('2026-03-09T02:00:00Z'),
  components: [
    { name: 'Tờ khai đăng ký khai sinh', originals: 1, certifiedCopies: 0, copies: 0 },
    { name: 'Giấy chứng sinh', originals: 1, certifiedCopies: 0, copies: 0 },
  ],
  handovers: [
    {
      part: 'dossier',
      fromAgency: 'Trung tâm Phục vụ hành chính công phường Hạ Long',
      toAgency: 'Ủy ban nhân dân phường Hạ Long',
      at: new Date('2026-03-02T02:10:00Z'),
      giver: 'Phạm Thị Thu Hằng',
      receiver: 'Lê Văn Đạt',
      result: 'early',
      note: null,
    },
    {
      part: 'dossier',
      fromAgency: 'Ủy ban nhân dân phường Hạ Long',
      toAgency: 'Chi cục Thuế khu vực Hạ Long',
      at: new Date('2026-03-04T01:00:00Z'),
      giver: 'Lê Văn Đạt',
      receiver: 'Vũ Thị Ngọc Ánh',
      result: 'late',
      note: null,
    },
    {
      part: 'result',
      fromAgency: 'Ủy ban nhân dân phường Hạ Long',
      toAgency: 'Trung tâm Phục vụ hành chính công phường Hạ Long',
      at: new Date('2026-03-09T03:00:00Z'),
      giver: 'Đặng Quốc Việt',
      receiver: null,
      result: 'on_time',
      note: null,
    },
  ],
  ...over,
});

export const sampleStopNotice = (over: Partial<StopNoticeData> = {}): StopNoticeData => ({
  ...sampleHead({ formNo: null }),
  applicant,
  receivingAgencyName: 'Trung tâm Phục vụ hành chính công phường Hạ Long',
  procedureName: 'Đăng ký khai sinh',
  receivedAt: new Date('2026-03-02T02:00:00Z'),
  stoppedAt: new Date('2026-03-05T08:15:00Z'),
  stoppedBy: 'Lê Văn Đạt',
  reason: 'Người yêu cầu không bổ sung hồ sơ trong thời hạn quy định',
  ...over,
});
