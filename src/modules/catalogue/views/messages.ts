/** Every string of the public catalogue pages, Vietnamese first. `{name}` marks a value filled in by `fill`. */
import type { Bilingual } from '../../../platform/errors.js';
import { defineMessages } from '../../../platform/html/i18n.js';
import type { Level, OnlineLevel, TimeUnit } from '../content.js';

export const m = defineMessages({
  // Search page
  searchTitle: { vi: 'Thủ tục hành chính', en: 'Administrative procedures' },
  searchLead: {
    vi: 'Tìm thủ tục bạn cần: giấy tờ phải chuẩn bị, thời gian giải quyết, phí, lệ phí và nơi nộp hồ sơ.',
    en: 'Find the procedure you need: the documents to prepare, how long it takes, the fees and where to apply.',
  },
  qLabel: { vi: 'Tên hoặc mã thủ tục', en: 'Name or code of the procedure' },
  qHint: {
    vi: 'Ví dụ: đăng ký khai sinh, tạm trú, 1.001193. Có thể gõ không dấu.',
    en: 'For example: đăng ký khai sinh, tạm trú, 1.001193. Diacritics are optional.',
  },
  fieldLabel: { vi: 'Lĩnh vực', en: 'Field' },
  levelLabel: { vi: 'Cấp thực hiện', en: 'Level' },
  agencyLabel: { vi: 'Cơ quan', en: 'Agency' },
  onlineLabel: { vi: 'Mức độ trực tuyến', en: 'Online service' },
  filtersTitle: {
    vi: 'Lọc theo lĩnh vực, cấp, cơ quan, mức độ trực tuyến',
    en: 'Filter by field, level, agency, online service',
  },
  applyFilters: { vi: 'Lọc', en: 'Filter' },
  any: { vi: 'Tất cả', en: 'All' },
  submitSearch: { vi: 'Tìm', en: 'Search' },
  clearSearch: { vi: 'Xóa điều kiện tìm', en: 'Clear the search' },
  resultsTitle: { vi: 'Kết quả', en: 'Results' },
  allTitle: { vi: 'Tất cả thủ tục, xếp theo tên', en: 'All procedures, by name' },
  found: { vi: 'Tìm thấy {count} thủ tục.', en: '{count} procedures found.' },
  foundMore: { vi: 'Tìm thấy hơn {count} thủ tục.', en: 'More than {count} procedures found.' },
  noResults: { vi: 'Không tìm thấy thủ tục nào.', en: 'No procedure found.' },
  tipsTitle: { vi: 'Gợi ý', en: 'Tips' },
  tipAccents: {
    vi: 'Thử bỏ dấu hoặc kiểm tra lại chính tả: "dang ky khai sinh".',
    en: 'Try without diacritics or check the spelling: "dang ky khai sinh".',
  },
  tipShorter: {
    vi: 'Viết ngắn hơn, chỉ vài từ chính: "khai sinh" thay vì "thủ tục đăng ký khai sinh cho con".',
    en: 'Write less, just the key words: "khai sinh" rather than a whole sentence.',
  },
  tipFilters: { vi: 'Bỏ bớt các bộ lọc lĩnh vực, cấp, cơ quan.', en: 'Remove some of the filters.' },
  tipCode: {
    vi: 'Nếu biết mã thủ tục (ví dụ 1.001193), hãy gõ mã.',
    en: 'If you know the code of the procedure (e.g. 1.001193), type it.',
  },
  view: { vi: 'Xem thủ tục', en: 'View the procedure' },
  codeIs: { vi: 'Mã {code}', en: 'Code {code}' },
  nextPage: { vi: 'Trang sau', en: 'Next page' },
  firstPage: { vi: 'Về trang đầu', en: 'Back to the first page' },
  pagination: { vi: 'Phân trang', en: 'Pagination' },
  browseTitle: { vi: 'Tra cứu theo danh mục', en: 'Browse' },
  byField: { vi: 'Theo lĩnh vực', en: 'By field' },
  byLevel: { vi: 'Theo cấp thực hiện', en: 'By level' },
  byAgency: { vi: 'Theo cơ quan', en: 'By agency' },
  allFields: { vi: 'Xem tất cả {count} lĩnh vực', en: 'See all {count} fields' },
  moreAgencies: { vi: 'Các cơ quan khác ({count})', en: 'Other agencies ({count})' },
  procedureCount: { vi: '{count} thủ tục', en: '{count} procedures' },
  // Fields page
  fieldsTitle: { vi: 'Lĩnh vực thủ tục hành chính', en: 'Fields of administrative procedures' },
  fieldsLead: {
    vi: 'Mỗi lĩnh vực có trang mã QR để in và dán tại Bộ phận Một cửa: người dân quét mã bằng điện thoại để xem các thủ tục của lĩnh vực đó.',
    en: 'Each field has a QR code page to print and post at the one-stop desk: people scan it with a phone to see the procedures of that field.',
  },
  qrLink: { vi: 'Mã QR', en: 'QR code' },
  qrLinkFor: { vi: 'Mã QR lĩnh vực {name}', en: 'QR code of the field {name}' },
  // QR page
  qrTitle: { vi: 'Thủ tục hành chính lĩnh vực {name}', en: 'Administrative procedures: {name}' },
  qrScan: {
    vi: 'Quét mã QR bằng điện thoại để xem giấy tờ cần chuẩn bị, thời gian và phí của từng thủ tục.',
    en: 'Scan the QR code with a phone to see the documents, time and fees of each procedure.',
  },
  qrOf: { vi: 'Mã QR dẫn tới {url}', en: 'QR code linking to {url}' },
  printHint: {
    vi: 'Trang này để in (khổ A4): dùng lệnh In của trình duyệt (Ctrl+P).',
    en: 'This page is made for printing (A4): use the browser’s Print command (Ctrl+P).',
  },
  printedOn: { vi: 'In ngày {date}', en: 'Printed on {date}' },
  back: { vi: 'Quay lại', en: 'Back' },
  // Procedure page
  breadcrumbs: { vi: 'Vị trí trang', en: 'You are here' },
  code: { vi: 'Mã thủ tục', en: 'Procedure code' },
  field: { vi: 'Lĩnh vực', en: 'Field' },
  levels: { vi: 'Cấp thực hiện', en: 'Level' },
  online: { vi: 'Dịch vụ công trực tuyến', en: 'Online service' },
  version: { vi: 'Phiên bản {n}, có hiệu lực từ {date}', en: 'Version {n}, in force from {date}' },
  pastNotice: {
    vi: 'Bạn đang xem phiên bản có hiệu lực vào ngày {date}, có thể đã được thay thế.',
    en: 'You are looking at the version in force on {date}; it may have been replaced since.',
  },
  seeCurrent: { vi: 'Xem phiên bản hiện hành', en: 'See the current version' },
  whoTitle: { vi: 'Ai được thực hiện', en: 'Who can apply' },
  prepareTitle: { vi: 'Bạn cần chuẩn bị', en: 'What you need to prepare' },
  noComponents: {
    vi: 'Hồ sơ của thủ tục này chưa có thông tin: hãy hỏi Bộ phận Một cửa.',
    en: 'The documents of this procedure are not listed: ask at the one-stop desk.',
  },
  preparationNotes: {
    vi: 'Lưu ý khi chuẩn bị hồ sơ ({n})',
    en: 'Notes on preparing the documents ({n})',
  },
  required: { vi: 'Bắt buộc', en: 'Required' },
  conditional: { vi: 'Tùy trường hợp', en: 'Depends on your case' },
  ifText: { vi: 'Nếu: {text}', en: 'If: {text}' },
  download: { vi: 'Tải mẫu', en: 'Download the form' },
  stepsTitle: { vi: 'Các bước thực hiện', en: 'Steps' },
  timeTitle: { vi: 'Thời gian giải quyết', en: 'How long it takes' },
  unitLost: { vi: '{value} (không rõ đơn vị)', en: '{value} (unit not stated)' },
  notStated: { vi: 'Không có thông tin', en: 'Not stated' },
  feesTitle: { vi: 'Phí, lệ phí', en: 'Fees' },
  free: { vi: 'Miễn phí', en: 'Free' },
  chargedNoAmount: {
    vi: 'Có thu phí, lệ phí (mức thu chưa có trong dữ liệu: hãy hỏi nơi nộp hồ sơ)',
    en: 'A fee is charged (the amount is not recorded: ask where you apply)',
  },
  feeUnknown: { vi: 'Chưa có thông tin về phí, lệ phí', en: 'No information about fees' },
  range: { vi: 'từ {min} đến {max}', en: 'from {min} to {max}' },
  perUnit: { vi: '{amount}/{unit}', en: '{amount} per {unit}' },
  reducedOnline: {
    vi: 'Nộp trực tuyến: {amount} (giảm {percent}% theo {basis})',
    en: 'Online: {amount} ({percent}% off under {basis})',
  },
  reducedOnlineFree: {
    vi: 'Nộp trực tuyến: miễn phí (giảm 100% theo {basis})',
    en: 'Online: free (100% off under {basis})',
  },
  whereTitle: { vi: 'Nơi nộp hồ sơ', en: 'Where to apply' },
  whereUnknown: {
    vi: 'Chưa có thông tin về cơ quan giải quyết: hãy hỏi Bộ phận Một cửa gần nhất.',
    en: 'The agency is not recorded: ask at the nearest one-stop desk.',
  },
  resultsTitleProc: { vi: 'Kết quả', en: 'What you receive' },
  resultCode: { vi: 'mã {code}', en: 'code {code}' },
  legalTitle: { vi: 'Căn cứ pháp lý', en: 'Legal basis' },
  issuedOn: { vi: 'ngày {date}', en: 'of {date}' },
  conditionsTitle: { vi: 'Điều kiện', en: 'Conditions' },
  applyOnline: { vi: 'Nộp hồ sơ trực tuyến', en: 'Apply online' },
  applyOnNationalPortal: {
    vi: 'Hoặc nộp trên Cổng Dịch vụ công quốc gia',
    en: 'Or apply on the National Public Service Portal',
  },
  applyOnlineNote: {
    vi: 'Cần đăng nhập bằng tài khoản định danh điện tử (VNeID). Có thể lưu nháp và tiếp tục sau.',
    en: 'Log in with your VNeID account. You may save a draft and go on later.',
  },
  print: { vi: 'Bản in', en: 'Printable version' },
  printTitle: { vi: 'Bản in: {name}', en: 'Printable: {name}' },
  sourceNote: {
    vi: 'Nguồn: Cơ sở dữ liệu quốc gia về thủ tục hành chính. Quyết định công bố: {decision}.',
    en: 'Source: the national database of administrative procedures. Published by decision {decision}.',
  },
  scanToOpen: { vi: 'Quét để xem trên điện thoại', en: 'Scan to open on a phone' },
});

export const LEVEL_LABELS: Record<Level, Bilingual> = {
  ministry: { vi: 'Cấp bộ', en: 'Ministry' },
  province: { vi: 'Cấp tỉnh', en: 'Province' },
  commune: { vi: 'Cấp xã', en: 'Commune' },
  other: { vi: 'Cơ quan khác', en: 'Other' },
};

/** The filter's words (short), and the badge's (said in full). */
export const ONLINE_LABELS: Record<OnlineLevel, Bilingual> = {
  toan_trinh: { vi: 'Toàn trình', en: 'Fully online' },
  mot_phan: { vi: 'Một phần', en: 'Partly online' },
  none: { vi: 'Không', en: 'Not online' },
};
export const ONLINE_BADGES: Record<OnlineLevel, Bilingual> = {
  toan_trinh: { vi: 'Trực tuyến toàn trình', en: 'Fully online' },
  mot_phan: { vi: 'Trực tuyến một phần', en: 'Partly online' },
  none: { vi: 'Không trực tuyến', en: 'Not online' },
};

export const CHANNEL_LABELS: Record<'direct' | 'online' | 'postal', Bilingual> = {
  direct: { vi: 'Nộp trực tiếp', en: 'In person' },
  online: { vi: 'Nộp trực tuyến', en: 'Online' },
  postal: { vi: 'Qua dịch vụ bưu chính', en: 'By post' },
};

export const TIME_UNITS: Record<TimeUnit, Bilingual> = {
  gio: { vi: 'giờ', en: 'hours' },
  'ngay-lam-viec': { vi: 'ngày làm việc', en: 'working days' },
  ngay: { vi: 'ngày', en: 'days' },
  thang: { vi: 'tháng', en: 'months' },
};

export const FEE_KINDS: Record<'phi' | 'le_phi' | 'unspecified', Bilingual> = {
  phi: { vi: 'Phí', en: 'Charge' },
  le_phi: { vi: 'Lệ phí', en: 'Fee' },
  unspecified: { vi: 'Phí, lệ phí', en: 'Fee' },
};

export const AGENCY_ROLES: Record<'competent' | 'implementing' | 'coordinating' | 'receiving', Bilingual> = {
  receiving: { vi: 'Nơi tiếp nhận hồ sơ', en: 'Where dossiers are received' },
  implementing: { vi: 'Cơ quan thực hiện', en: 'Handled by' },
  competent: { vi: 'Cơ quan có thẩm quyền', en: 'Competent authority' },
  coordinating: { vi: 'Cơ quan phối hợp', en: 'In cooperation with' },
};

/** Fills `{name}` placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (all, key: string) => (key in values ? String(values[key]) : all));
}
