/** Every string of the result template pages, Vietnamese first (ARCHITECTURE.md §5). */
import type { Bilingual } from '../../../../platform/errors.js';
import { defineMessages } from '../../../../platform/html/i18n.js';
import type { Placeholder } from '../template.js';

export const tm = defineMessages({
  listTitle: { vi: 'Mẫu kết quả giải quyết thủ tục', en: 'Result templates' },
  listIntro: {
    vi: 'Mỗi thủ tục có mẫu văn bản kết quả: mẫu riêng của cơ quan được dùng trước, sau đó đến mẫu toàn tỉnh, cuối cùng là mẫu mặc định của hệ thống.',
    en: 'Each procedure has a result document template: an agency’s own comes first, then the province-wide one, then the system’s default.',
  },
  search: { vi: 'Tìm theo mã hoặc tên thủ tục', en: 'Search by procedure code or name' },
  searchButton: { vi: 'Tìm', en: 'Search' },
  none: { vi: 'Không có thủ tục nào khớp.', en: 'No procedure matches.' },
  code: { vi: 'Mã thủ tục', en: 'Code' },
  name: { vi: 'Tên thủ tục', en: 'Procedure' },
  resultName: { vi: 'Kết quả', en: 'Result' },
  templates: { vi: 'Mẫu đã có', en: 'Templates saved' },
  defaultOnly: { vi: 'Mẫu mặc định', en: 'Default only' },
  province: { vi: 'Toàn tỉnh', en: 'Province-wide' },
  yourAgencies: { vi: 'Cơ quan bạn quản trị', en: 'Agencies you administer' },
  pager: { vi: 'Phân trang', en: 'Pages' },
  firstPage: { vi: '← Trang đầu', en: '← First page' },
  nextPage: { vi: 'Trang sau →', en: 'Next page →' },
  back: { vi: '← Danh sách mẫu kết quả', en: '← Result templates' },
  formTitle: { vi: 'Mẫu kết quả', en: 'Result template' },
  scope: { vi: 'Áp dụng cho', en: 'Applies to' },
  provinceScope: {
    vi: 'Toàn tỉnh (mọi cơ quan chưa có mẫu riêng)',
    en: 'Province-wide (agencies without their own)',
  },
  openScope: { vi: 'Mở mẫu', en: 'Open' },
  savedOwn: {
    vi: 'Mẫu riêng của cơ quan này, lưu lần cuối lúc',
    en: 'This agency’s own template, last saved at',
  },
  savedProvince: { vi: 'Mẫu toàn tỉnh, lưu lần cuối lúc', en: 'Province-wide template, last saved at' },
  startFromProvince: {
    vi: 'Cơ quan này chưa có mẫu riêng: đang dùng mẫu toàn tỉnh (nội dung bên dưới). Bấm “Lưu mẫu” để tạo mẫu riêng.',
    en: 'This agency has no template of its own: the province-wide one applies (shown below). Save to make its own.',
  },
  startFromDefault: {
    vi: 'Chưa có mẫu đã lưu: đang dùng mẫu mặc định của hệ thống (nội dung bên dưới). Bấm “Lưu mẫu” để tạo mẫu.',
    en: 'No template saved yet: the system default applies (shown below). Save to make one.',
  },
  preview: { vi: 'Xem trước bản PDF với dữ liệu mẫu', en: 'Preview the PDF with sample data' },
  previewHint: {
    vi: 'Bản xem trước dùng mẫu đã lưu và một hồ sơ giả định (Nguyễn Văn Mẫu); không ký số, không có giá trị.',
    en: 'The preview uses the saved template and a made-up dossier (Nguyễn Văn Mẫu); nothing is signed.',
  },
  title: { vi: 'Tên văn bản kết quả', en: 'Document title' },
  titleHint: {
    vi: 'Ví dụ: Giấy chứng nhận đăng ký hộ kinh doanh. In hoa ở giữa trang.',
    en: 'E.g. Giấy chứng nhận đăng ký hộ kinh doanh. Printed in capitals, centred.',
  },
  symbolKind: { vi: 'Ký hiệu loại văn bản', en: 'Document kind symbol' },
  symbolHint: {
    vi: 'Ví dụ GCN, QĐ, GP. Số và ký hiệu in trên văn bản: 15/GCN-UBND (phần sau dấu gạch là của cơ quan).',
    en: 'E.g. GCN, QĐ, GP. The number and symbol read 15/GCN-UBND (the part after the dash is the agency’s).',
  },
  intro: { vi: 'Phần căn cứ', en: 'Intro (“Căn cứ …”)' },
  introHint: {
    vi: 'Mỗi dòng một đoạn. Dùng chỗ điền trong ngoặc nhọn, ví dụ {procedure.name}.',
    en: 'One paragraph per line. Use placeholders in braces, e.g. {procedure.name}.',
  },
  grantLine: { vi: 'Dòng cấp', en: 'Grant line' },
  grantHint: { vi: 'Ví dụ: {agency} cấp {title.lower} cho:', en: 'E.g. {agency} cấp {title.lower} cho:' },
  fields: { vi: 'Các dòng thông tin', en: 'Data lines' },
  fieldsHint: {
    vi: 'In theo thứ tự, dạng “Nhãn: giá trị”; dòng không có dữ liệu (ví dụ chủ hồ sơ khi người nộp là chủ hồ sơ) được bỏ qua. Nhiều nhất 12 dòng.',
    en: 'Printed in order as “Label: value”; a line without data is left out. At most 12 lines.',
  },
  fieldRow: { vi: 'Dòng', en: 'Line' },
  label: { vi: 'Nhãn', en: 'Label' },
  source: { vi: 'Dữ liệu', en: 'Data' },
  addField: { vi: 'Thêm dòng thông tin', en: 'Add a data line' },
  remove: { vi: 'Xóa', en: 'Remove' },
  up: { vi: 'Lên', en: 'Up' },
  down: { vi: 'Xuống', en: 'Down' },
  closing: { vi: 'Phần kết', en: 'Closing' },
  closingHint: {
    vi: 'Không bắt buộc, mỗi dòng một đoạn (ví dụ trách nhiệm của người được cấp).',
    en: 'Optional, one paragraph per line.',
  },
  validityMonths: { vi: 'Thời hạn hiệu lực (tháng)', en: 'Validity (months)' },
  validityHint: {
    vi: 'Từ 1 đến 1200. Để trống nếu văn bản có giá trị vĩnh viễn.',
    en: 'From 1 to 1200. Leave empty for a permanent document.',
  },
  signerTitle: { vi: 'Chức danh người ký', en: 'Signer’s title' },
  signerHint: {
    vi: 'Để trống: theo loại cơ quan (Chủ tịch, Giám đốc …). Người ký có thể ghi khác khi ký.',
    en: 'Empty: from the kind of agency (Chủ tịch, Giám đốc …). The signer may give another when signing.',
  },
  save: { vi: 'Lưu mẫu', en: 'Save the template' },
  saved: { vi: 'Đã lưu mẫu kết quả.', en: 'Result template saved.' },
  openSaved: { vi: 'Mở mẫu đã lưu (tab mới)', en: 'Open the saved template (new tab)' },
  placeholders: { vi: 'Các chỗ điền dùng được', en: 'Placeholders you can use' },
});

export const PLACEHOLDER_LABELS: Record<Placeholder, Bilingual> = {
  'applicant.name': { vi: 'họ tên người nộp hồ sơ', en: 'applicant’s name' },
  'applicant.birthDate': { vi: 'ngày sinh người nộp', en: 'applicant’s date of birth' },
  'applicant.idNumber': { vi: 'số định danh người nộp', en: 'applicant’s ID number' },
  'applicant.address': { vi: 'nơi cư trú người nộp', en: 'applicant’s address' },
  'owner.name': { vi: 'họ tên chủ hồ sơ', en: 'owner’s name' },
  'owner.birthDate': { vi: 'ngày sinh chủ hồ sơ', en: 'owner’s date of birth' },
  'owner.idNumber': { vi: 'số định danh chủ hồ sơ', en: 'owner’s ID number' },
  'dossier.code': { vi: 'mã hồ sơ', en: 'dossier code' },
  'procedure.name': { vi: 'tên thủ tục', en: 'procedure name' },
  'procedure.code': { vi: 'mã thủ tục', en: 'procedure code' },
  'result.code': { vi: 'mã kết quả (KQ.G…)', en: 'result code' },
  receivedAt: { vi: 'giờ, ngày tiếp nhận hồ sơ', en: 'time the dossier was received' },
  agency: { vi: 'tên cơ quan cấp', en: 'issuing agency' },
  receivingAgency: { vi: 'nơi tiếp nhận hồ sơ', en: 'receiving agency' },
  title: { vi: 'tên văn bản', en: 'document title' },
  'title.lower': { vi: 'tên văn bản, chữ đầu viết thường', en: 'document title, first letter lower-case' },
  place: { vi: 'địa danh (ví dụ Hạ Long)', en: 'place name' },
};
