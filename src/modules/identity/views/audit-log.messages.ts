/** Words of the audit log search (tra cứu nhật ký kiểm tra): page text, actions, object and actor kinds. */
import type { Bilingual } from '../../../platform/errors.js';
import { defineMessages } from '../../../platform/html/i18n.js';

export const auditMessages = defineMessages({
  title: { vi: 'Nhật ký kiểm tra', en: 'Audit log' },
  lead: {
    vi: 'Đăng nhập, đăng xuất, từ chối quyền truy cập và mọi thay đổi qua hệ thống, mới nhất trước. Mỗi lần tra cứu nhật ký cũng được ghi lại.',
    en: 'Logins, logouts, refused access and every change made through the system, newest first. Every search of the log is itself recorded.',
  },
  scopeAgencies: {
    vi: 'Bạn xem được nhật ký của các cơ quan bạn quản trị và các đơn vị trực thuộc.',
    en: 'You see the entries of the agencies you administer and the units under them.',
  },
  filter: { vi: 'Lọc', en: 'Filter' },
  filters: { vi: 'Bộ lọc nhật ký', en: 'Audit log filters' },
  clear: { vi: 'Xóa bộ lọc', en: 'Clear filters' },
  person: { vi: 'Người thực hiện', en: 'Person' },
  personHint: {
    vi: 'Tên đăng nhập, họ tên (không cần dấu) hoặc mã',
    en: 'Username, full name (accents optional) or id',
  },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  anyAgency: { vi: 'Tất cả cơ quan', en: 'Any agency' },
  objectType: { vi: 'Loại đối tượng', en: 'Object type' },
  anyObjectType: { vi: 'Mọi loại', en: 'Any type' },
  objectId: { vi: 'Mã đối tượng', en: 'Object id' },
  action: { vi: 'Hành động', en: 'Action' },
  anyAction: { vi: 'Mọi hành động', en: 'Any action' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  colTime: { vi: 'Thời gian', en: 'Time' },
  colActor: { vi: 'Người thực hiện', en: 'Person' },
  colAction: { vi: 'Hành động', en: 'Action' },
  colObject: { vi: 'Đối tượng', en: 'Object' },
  colAgency: { vi: 'Cơ quan', en: 'Agency' },
  colIp: { vi: 'Địa chỉ IP', en: 'IP address' },
  colChain: { vi: 'Chuỗi', en: 'Chain' },
  linked: { vi: 'Đã liên kết', en: 'Linked' },
  pending: { vi: 'Chờ liên kết', en: 'Pending' },
  details: { vi: 'Chi tiết', en: 'Details' },
  none: { vi: 'Không có bản ghi nào khớp bộ lọc.', en: 'No entry matches the filters.' },
  pagination: { vi: 'Phân trang', en: 'Pages' },
  firstPage: { vi: '« Mới nhất', en: '« Newest' },
  nextPage: { vi: 'Cũ hơn »', en: 'Older »' },
  shown: { vi: 'bản ghi trên trang này', en: 'entries on this page' },
  timeZoneNote: { vi: 'Giờ Việt Nam (UTC+7).', en: 'Vietnam time (UTC+7).' },
});

/** Actions as people name them; an action not listed is shown by its code. */
export const ACTION_LABELS: Record<string, Bilingual> = {
  'auth.login': { vi: 'Đăng nhập', en: 'Logged in' },
  'auth.login_failed': { vi: 'Đăng nhập không thành công', en: 'Failed login' },
  'auth.locked': { vi: 'Tạm khóa do nhập sai nhiều lần', en: 'Locked after repeated failures' },
  'auth.logout': { vi: 'Đăng xuất', en: 'Logged out' },
  'auth.logout_all': { vi: 'Đăng xuất trên mọi thiết bị', en: 'Logged out everywhere' },
  'auth.permission_denied': { vi: 'Bị từ chối quyền truy cập', en: 'Access refused' },
  'auth.password_changed': { vi: 'Đổi mật khẩu', en: 'Password changed' },
  'auth.totp_enrolled': { vi: 'Thiết lập xác thực hai lớp', en: 'Two-step verification set up' },
  'officer.created': { vi: 'Tạo tài khoản cán bộ', en: 'Officer account created' },
  'officer.updated': { vi: 'Sửa thông tin cán bộ', en: 'Officer details changed' },
  'officer.role_granted': { vi: 'Cấp vai trò', en: 'Role granted' },
  'officer.role_revoked': { vi: 'Thu hồi vai trò', en: 'Role revoked' },
  'officer.disabled': { vi: 'Khóa tài khoản cán bộ', en: 'Officer account disabled' },
  'officer.enabled': { vi: 'Mở khóa tài khoản cán bộ', en: 'Officer account enabled' },
  'officer.password_reset': { vi: 'Đặt lại mật khẩu cán bộ', en: 'Officer password reset' },
  'officer.totp_reset': { vi: 'Đặt lại xác thực hai lớp', en: 'Two-step verification reset' },
  'account.contact_changed': { vi: 'Đổi thông tin liên hệ', en: 'Contact details changed' },
  'api_token.created': { vi: 'Tạo mã truy cập API', en: 'API token created' },
  'api_token.revoked': { vi: 'Thu hồi mã truy cập API', en: 'API token revoked' },
  'audit.searched': { vi: 'Tra cứu nhật ký kiểm tra', en: 'Audit log searched' },
  'agency.created': { vi: 'Tạo cơ quan', en: 'Agency created' },
  'agency.updated': { vi: 'Sửa thông tin cơ quan', en: 'Agency details changed' },
  'agency.code_changed': { vi: 'Đổi mã định danh cơ quan', en: 'Agency identifier code changed' },
  'agency.office_hours_changed': { vi: 'Đổi giờ làm việc của cơ quan', en: 'Agency office hours changed' },
  'calendar.day_added': { vi: 'Thêm ngày nghỉ, ngày làm bù', en: 'Calendar day added' },
  'calendar.day_edited': { vi: 'Sửa ngày trong lịch nghỉ', en: 'Calendar day edited' },
  'calendar.day_removed': { vi: 'Xóa ngày khỏi lịch nghỉ', en: 'Calendar day removed' },
  'calendar.day_confirmed': { vi: 'Xác nhận ngày nghỉ', en: 'Calendar day confirmed' },
  'calendar.year_confirmed': { vi: 'Xác nhận lịch nghỉ cả năm', en: 'Calendar year confirmed' },
};

export const OBJECT_TYPE_LABELS: Record<string, Bilingual> = {
  officer: { vi: 'Cán bộ', en: 'Officer' },
  citizen_account: { vi: 'Tài khoản công dân', en: 'Citizen account' },
  api_token: { vi: 'Mã truy cập API', en: 'API token' },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  calendar_day: { vi: 'Ngày trong lịch nghỉ', en: 'Calendar day' },
  calendar_year: { vi: 'Lịch nghỉ năm', en: 'Calendar year' },
  dossier: { vi: 'Hồ sơ', en: 'Dossier' },
};

export const ACTOR_KIND_LABELS: Record<string, Bilingual> = {
  officer: { vi: 'Cán bộ', en: 'Officer' },
  citizen: { vi: 'Công dân', en: 'Citizen' },
  token: { vi: 'Mã truy cập API', en: 'API token' },
  anonymous: { vi: 'Chưa đăng nhập', en: 'Not logged in' },
  system: { vi: 'Hệ thống', en: 'System' },
};

export const auditErrors = defineMessages({
  invalid: { vi: 'Bộ lọc nhật ký chưa hợp lệ', en: 'The audit log filters are not valid' },
  personTooLong: {
    vi: 'Người thực hiện: nhập tối đa 100 ký tự',
    en: 'Person: enter at most 100 characters',
  },
  agency: {
    vi: 'Cơ quan không có trong danh sách bạn được xem',
    en: 'The agency is not among those you may see',
  },
  objectType: {
    vi: 'Loại đối tượng không hợp lệ (chữ thường không dấu, số, dấu gạch dưới)',
    en: 'Invalid object type (lower-case letters, digits, underscores)',
  },
  objectIdTooLong: {
    vi: 'Mã đối tượng: nhập tối đa 100 ký tự',
    en: 'Object id: enter at most 100 characters',
  },
  objectIdWithoutType: {
    vi: 'Chọn loại đối tượng khi tìm theo mã đối tượng',
    en: 'Choose the object type to search by object id',
  },
  action: {
    vi: 'Hành động không hợp lệ (dạng nhóm.hành_động, ví dụ auth.login)',
    en: 'Invalid action (group.action, e.g. auth.login)',
  },
  date: {
    vi: 'Ngày không hợp lệ: nhập ngày/tháng/năm (ví dụ 02/11/2026) hoặc năm-tháng-ngày',
    en: 'Invalid date: enter day/month/year (e.g. 02/11/2026) or year-month-day',
  },
  dateOrder: {
    vi: 'Đến ngày phải bằng hoặc sau Từ ngày',
    en: 'The end date must be on or after the start date',
  },
  cursor: {
    vi: 'Liên kết trang không hợp lệ: hãy bắt đầu lại từ trang mới nhất',
    en: 'Invalid page link: start again from the newest page',
  },
});
