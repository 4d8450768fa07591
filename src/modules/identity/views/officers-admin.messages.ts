/** Every string of the officer administration pages, Vietnamese first. */
import type { Bilingual } from '../../../platform/errors.js';
import { defineMessages } from '../../../platform/html/i18n.js';
import type { Role } from '../../../platform/http/access.js';

export const ROLE_LABELS: Record<Role, Bilingual> = {
  one_stop: { vi: 'Tiếp nhận và trả kết quả', en: 'One-stop officer' },
  specialist: { vi: 'Chuyên viên', en: 'Specialist' },
  department_head: { vi: 'Lãnh đạo phòng', en: 'Head of department' },
  agency_leader: { vi: 'Lãnh đạo đơn vị', en: 'Agency leader' },
  clerk: { vi: 'Văn thư', en: 'Clerk' },
  agency_admin: { vi: 'Quản trị cơ quan', en: 'Agency administrator' },
  system_admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  inspector: { vi: 'Thanh tra', en: 'Inspector' },
  provincial_monitor: { vi: 'Giám sát cấp tỉnh', en: 'Provincial monitor' },
};

export const m = defineMessages({
  listTitle: { vi: 'Quản trị cán bộ', en: 'Officer administration' },
  listLead: {
    vi: 'Tài khoản cán bộ, vai trò của họ tại các cơ quan, khóa và đặt lại mật khẩu. Vai trò tại một cơ quan bao gồm cả các cơ quan trực thuộc.',
    en: 'Officer accounts, their roles in agencies, disabling and password resets. A role in an agency covers its sub-agencies.',
  },
  filter: { vi: 'Lọc', en: 'Filter' },
  qLabel: { vi: 'Họ tên hoặc tên đăng nhập', en: 'Name or username' },
  agencyLabel: { vi: 'Cơ quan', en: 'Agency' },
  anyAgency: { vi: 'Tất cả cơ quan', en: 'All agencies' },
  roleLabel: { vi: 'Vai trò', en: 'Role' },
  anyRole: { vi: 'Tất cả vai trò', en: 'All roles' },
  chooseAgency: { vi: '— Chọn cơ quan —', en: '— Choose an agency —' },
  chooseRole: { vi: '— Chọn vai trò —', en: '— Choose a role —' },
  newOfficer: { vi: 'Thêm cán bộ', en: 'Add an officer' },
  colName: { vi: 'Họ và tên', en: 'Full name' },
  colUsername: { vi: 'Tên đăng nhập', en: 'Username' },
  colRoles: { vi: 'Vai trò tại cơ quan', en: 'Roles in agencies' },
  colStatus: { vi: 'Trạng thái', en: 'Status' },
  active: { vi: 'Đang hoạt động', en: 'Active' },
  disabled: { vi: 'Đã khóa', en: 'Disabled' },
  locked: { vi: 'Tạm khóa do nhập sai', en: 'Locked after failed logins' },
  noOfficers: { vi: 'Không có cán bộ nào phù hợp.', en: 'No officer matches.' },
  nextPage: { vi: 'Trang sau', en: 'Next page' },
  firstPage: { vi: 'Về trang đầu', en: 'Back to the first page' },
  pagination: { vi: 'Phân trang', en: 'Pagination' },
  backToList: { vi: 'Danh sách cán bộ', en: 'All officers' },
  createTitle: { vi: 'Thêm cán bộ', en: 'Add an officer' },
  createLead: {
    vi: 'Hệ thống tạo một mật khẩu tạm thời, chỉ hiện một lần; cán bộ phải đổi mật khẩu khi đăng nhập lần đầu.',
    en: 'The system makes a temporary password, shown once; the officer must change it at first login.',
  },
  usernameLabel: { vi: 'Tên đăng nhập', en: 'Username' },
  usernameHint: {
    vi: 'Chữ thường không dấu, số, dấu chấm, ví dụ nguyen.van.an',
    en: 'Lower-case letters without accents, digits, dots, e.g. nguyen.van.an',
  },
  fullNameLabel: { vi: 'Họ và tên', en: 'Full name' },
  emailLabel: { vi: 'Thư điện tử (không bắt buộc)', en: 'E-mail (optional)' },
  phoneLabel: { vi: 'Số điện thoại (không bắt buộc)', en: 'Phone (optional)' },
  jobTitleLabel: { vi: 'Chức vụ (không bắt buộc)', en: 'Job title (optional)' },
  firstRole: { vi: 'Vai trò đầu tiên', en: 'First role' },
  create: { vi: 'Tạo tài khoản', en: 'Create the account' },
  save: { vi: 'Lưu thông tin', en: 'Save the details' },
  profile: { vi: 'Thông tin cán bộ', en: 'Officer’s details' },
  roles: { vi: 'Vai trò', en: 'Roles' },
  noRoles: { vi: 'Chưa có vai trò nào.', en: 'No role yet.' },
  revoke: { vi: 'Thu hồi', en: 'Revoke' },
  revokeLabel: { vi: 'Thu hồi vai trò {role} tại {agency}', en: 'Revoke the role {role} in {agency}' },
  grant: { vi: 'Cấp vai trò', en: 'Grant the role' },
  addRole: { vi: 'Cấp thêm vai trò', en: 'Grant another role' },
  account: { vi: 'Tài khoản', en: 'Account' },
  statusLabel: { vi: 'Trạng thái', en: 'Status' },
  totpLabel: { vi: 'Xác thực hai lớp (TOTP)', en: 'Two-factor authentication (TOTP)' },
  totpOn: { vi: 'Đã đăng ký', en: 'Enrolled' },
  totpOff: { vi: 'Chưa đăng ký', en: 'Not enrolled' },
  passwordLabel: { vi: 'Mật khẩu', en: 'Password' },
  mustChange: { vi: 'Phải đổi mật khẩu khi đăng nhập', en: 'Must change the password at login' },
  disable: { vi: 'Khóa tài khoản', en: 'Disable the account' },
  disableHint: {
    vi: 'Cán bộ bị đăng xuất khỏi mọi thiết bị ngay lập tức.',
    en: 'The officer is logged out of every device at once.',
  },
  enable: { vi: 'Mở khóa tài khoản', en: 'Enable the account' },
  resetPassword: { vi: 'Đặt lại mật khẩu', en: 'Reset the password' },
  resetPasswordHint: {
    vi: 'Tạo mật khẩu tạm thời mới (hiện một lần), gỡ tạm khóa và đăng xuất mọi phiên.',
    en: 'Makes a new temporary password (shown once), lifts the lockout and ends every session.',
  },
  resetTotp: { vi: 'Đặt lại xác thực hai lớp', en: 'Reset two-factor authentication' },
  resetTotpHint: {
    vi: 'Xóa đăng ký TOTP (ví dụ khi mất điện thoại); cán bộ đăng ký lại khi đăng nhập.',
    en: 'Clears the TOTP enrolment (e.g. a lost phone); the officer enrols again at login.',
  },
  readOnly: {
    vi: 'Bạn chỉ được xem tài khoản này.',
    en: 'You may only look at this account.',
  },
  tempPasswordTitle: { vi: 'Mật khẩu tạm thời', en: 'Temporary password' },
  tempPasswordBody: {
    vi: 'Hãy trao mật khẩu này cho cán bộ {username} một cách an toàn. Mật khẩu chỉ hiện một lần này; cán bộ phải đổi khi đăng nhập.',
    en: 'Give this password to {username} safely. It is shown this once only; the officer must change it at login.',
  },
  done_created: { vi: 'Đã tạo tài khoản cán bộ.', en: 'The officer’s account was created.' },
  done_updated: { vi: 'Đã lưu thông tin.', en: 'The details were saved.' },
  done_granted: { vi: 'Đã cấp vai trò.', en: 'The role was granted.' },
  done_revoked: { vi: 'Đã thu hồi vai trò.', en: 'The role was revoked.' },
  done_disabled: {
    vi: 'Đã khóa tài khoản và đăng xuất mọi phiên.',
    en: 'The account was disabled and logged out everywhere.',
  },
  done_enabled: { vi: 'Đã mở khóa tài khoản.', en: 'The account was enabled.' },
  done_password: { vi: 'Đã đặt lại mật khẩu.', en: 'The password was reset.' },
  done_totp: { vi: 'Đã đặt lại xác thực hai lớp.', en: 'Two-factor authentication was reset.' },
});

export type DoneKey =
  | 'created'
  | 'updated'
  | 'granted'
  | 'revoked'
  | 'disabled'
  | 'enabled'
  | 'password'
  | 'totp';
export const DONE: Record<DoneKey, Bilingual> = {
  created: m.done_created,
  updated: m.done_updated,
  granted: m.done_granted,
  revoked: m.done_revoked,
  disabled: m.done_disabled,
  enabled: m.done_enabled,
  password: m.done_password,
  totp: m.done_totp,
};
export const isDoneKey = (v: unknown): v is DoneKey => typeof v === 'string' && v in DONE;

export const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
