/** Every string of the officers' login pages, Vietnamese first (ARCHITECTURE.md §5). */
import { defineMessages } from '../../platform/html/i18n.js';

export const authMessages = defineMessages({
  loginTitle: { vi: 'Đăng nhập dành cho cán bộ', en: 'Officer login' },
  loginLead: {
    vi: 'Dành cho cán bộ, công chức tiếp nhận và giải quyết thủ tục hành chính. Công dân đăng nhập bằng VNeID.',
    en: 'For officers who receive and handle administrative procedures. Citizens log in with VNeID.',
  },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  password: { vi: 'Mật khẩu', en: 'Password' },
  login: { vi: 'Đăng nhập', en: 'Log in' },
  invalidCredentials: {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng',
    en: 'The username or password is not correct',
  },
  lockedPrefix: {
    vi: 'Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau',
    en: 'Too many failed attempts. Please try again after',
  },
  usernameMissing: { vi: 'Nhập tên đăng nhập', en: 'Enter your username' },
  passwordMissing: { vi: 'Nhập mật khẩu', en: 'Enter your password' },
  totpTitle: { vi: 'Nhập mã xác thực', en: 'Enter your verification code' },
  totpLead: {
    vi: 'Mở ứng dụng xác thực trên điện thoại (Google Authenticator, Microsoft Authenticator...) và nhập mã 6 chữ số đang hiển thị.',
    en: 'Open the authenticator app on your phone (Google Authenticator, Microsoft Authenticator...) and enter the 6-digit code it shows.',
  },
  totpCode: { vi: 'Mã xác thực (6 chữ số)', en: 'Verification code (6 digits)' },
  totpInvalid: {
    vi: 'Mã xác thực không đúng hoặc đã được dùng. Hãy nhập mã mới đang hiển thị',
    en: 'The code is wrong or was already used. Enter the new code your app shows',
  },
  confirm: { vi: 'Xác nhận', en: 'Confirm' },
  enrolTitle: { vi: 'Thiết lập xác thực hai lớp', en: 'Set up two-step verification' },
  enrolRequired: {
    vi: 'Vai trò của bạn bắt buộc dùng mã xác thực khi đăng nhập. Hãy thiết lập trước khi tiếp tục.',
    en: 'Your role requires a verification code at login. Set it up before you continue.',
  },
  enrolStep1: {
    vi: 'Cài một ứng dụng xác thực trên điện thoại và quét mã QR dưới đây.',
    en: 'Install an authenticator app on your phone and scan the QR code below.',
  },
  enrolQrAlt: {
    vi: 'Mã QR để thêm tài khoản vào ứng dụng xác thực',
    en: 'QR code to add the account to an authenticator app',
  },
  enrolStep2: {
    vi: 'Không quét được? Nhập khoá bí mật này vào ứng dụng (loại: theo thời gian):',
    en: 'Cannot scan? Type this secret key into the app (type: time based):',
  },
  enrolStep3: {
    vi: 'Nhập mã 6 chữ số ứng dụng hiển thị để xác nhận.',
    en: 'Enter the 6-digit code the app shows to confirm.',
  },
  enrolled: {
    vi: 'Đã bật xác thực hai lớp.',
    en: 'Two-step verification is on.',
  },
  passwordTitle: { vi: 'Đổi mật khẩu', en: 'Change your password' },
  mustChange: {
    vi: 'Bạn cần đổi mật khẩu trước khi tiếp tục.',
    en: 'You need to change your password before you continue.',
  },
  currentPassword: { vi: 'Mật khẩu hiện tại', en: 'Current password' },
  newPassword: { vi: 'Mật khẩu mới', en: 'New password' },
  newPasswordHint: {
    vi: 'Ít nhất 12 ký tự, khác tên đăng nhập. Nên dùng một cụm từ dễ nhớ.',
    en: 'At least 12 characters, not your username. A memorable phrase works well.',
  },
  repeatPassword: { vi: 'Nhập lại mật khẩu mới', en: 'Repeat the new password' },
  currentWrong: { vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is not correct' },
  tooShort: {
    vi: 'Mật khẩu mới phải có ít nhất 12 ký tự',
    en: 'The new password must have at least 12 characters',
  },
  sameAsUsername: {
    vi: 'Mật khẩu mới không được trùng tên đăng nhập',
    en: 'The new password must not be your username',
  },
  sameAsCurrent: {
    vi: 'Mật khẩu mới phải khác mật khẩu hiện tại',
    en: 'The new password must differ from the current one',
  },
  mismatch: { vi: 'Hai lần nhập mật khẩu mới không khớp', en: 'The two new passwords do not match' },
  passwordChanged: {
    vi: 'Đã đổi mật khẩu. Các phiên đăng nhập khác đã được đăng xuất.',
    en: 'Your password is changed. Your other sessions have been logged out.',
  },
  homeTitle: { vi: 'Trang làm việc của cán bộ', en: 'Officer workspace' },
  yourRoles: { vi: 'Cơ quan và vai trò', en: 'Agencies and roles' },
  noRoles: {
    vi: 'Bạn chưa được giao vai trò nào. Hãy liên hệ quản trị viên của cơ quan.',
    en: 'You have no role yet. Ask your agency administrator.',
  },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  role: { vi: 'Vai trò', en: 'Role' },
  yourWork: { vi: 'Công việc', en: 'Your work' },
  account: { vi: 'Tài khoản', en: 'Account' },
  totpOn: { vi: 'Xác thực hai lớp: đang bật', en: 'Two-step verification: on' },
  totpOff: { vi: 'Xác thực hai lớp: chưa bật', en: 'Two-step verification: off' },
  setUpTotp: { vi: 'Thiết lập xác thực hai lớp', en: 'Set up two-step verification' },
  logout: { vi: 'Đăng xuất', en: 'Log out' },
  logoutAll: { vi: 'Đăng xuất khỏi mọi thiết bị', en: 'Log out on every device' },
  loggedInAs: { vi: 'Đang đăng nhập', en: 'Logged in as' },
});

export const roleNames = defineMessages({
  one_stop: { vi: 'Tiếp nhận và trả kết quả', en: 'One-stop officer' },
  specialist: { vi: 'Chuyên viên', en: 'Specialist' },
  department_head: { vi: 'Lãnh đạo phòng', en: 'Department head' },
  agency_leader: { vi: 'Lãnh đạo đơn vị', en: 'Agency leader' },
  clerk: { vi: 'Văn thư', en: 'Clerk' },
  agency_admin: { vi: 'Quản trị cơ quan', en: 'Agency administrator' },
  system_admin: { vi: 'Quản trị hệ thống', en: 'System administrator' },
  inspector: { vi: 'Thanh tra', en: 'Inspector' },
  provincial_monitor: { vi: 'Giám sát cấp tỉnh', en: 'Provincial monitor' },
});
