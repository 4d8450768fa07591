/** Every string of the VNeID sandbox's pages, Vietnamese first (ARCHITECTURE.md §5). */
import { defineMessages } from '../../../platform/html/i18n.js';

export const sandboxMessages = defineMessages({
  banner: {
    vi: 'Môi trường thử nghiệm (sandbox) của motcua, KHÔNG PHẢI VNeID thật. Dữ liệu dưới đây là dữ liệu mẫu, không phải của người thật.',
    en: 'motcua’s test sandbox, NOT the real VNeID. The data below is sample data, not real people.',
  },
  loginTitle: { vi: 'VNeID thử nghiệm: chọn tài khoản', en: 'VNeID sandbox: choose an account' },
  loginLead: {
    vi: 'Chọn người hoặc tổ chức bạn muốn đăng nhập thay mặt. Không cần mật khẩu trong môi trường thử nghiệm.',
    en: 'Choose the person or organisation to log in as. No password is needed in the sandbox.',
  },
  citizens: { vi: 'Công dân', en: 'Citizens' },
  businesses: { vi: 'Doanh nghiệp', en: 'Businesses' },
  organisations: { vi: 'Tổ chức khác', en: 'Other organisations' },
  personalId: { vi: 'Số định danh cá nhân', en: 'Personal identification number' },
  taxCode: { vi: 'Mã số thuế', en: 'Tax code' },
  techId: { vi: 'Mã định danh tổ chức (TechID)', en: 'Organisation id (TechID)' },
  birthDate: { vi: 'Ngày sinh', en: 'Date of birth' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  loginAs: { vi: 'Đăng nhập', en: 'Log in' },
  cancel: { vi: 'Hủy, quay lại dịch vụ', en: 'Cancel and go back' },
  consentTitle: { vi: 'Cho phép chia sẻ thông tin', en: 'Allow sharing your information' },
  consentLead: {
    vi: 'muốn nhận thông tin định danh của bạn từ VNeID: họ tên, số định danh, ngày sinh, giới tính, quê quán, nơi thường trú, nơi ở hiện nay, số điện thoại, thư điện tử, quan hệ gia đình (hoặc thông tin doanh nghiệp, tổ chức).',
    en: 'wants your identity data from VNeID: name, identification number, date of birth, gender, home town, permanent and current address, phone, e-mail, family relations (or the business’s or organisation’s data).',
  },
  consentAs: { vi: 'Bạn đang đăng nhập là', en: 'You are logging in as' },
  allow: { vi: 'Đồng ý', en: 'Allow' },
  deny: { vi: 'Từ chối', en: 'Deny' },
  logoutTitle: { vi: 'Đăng xuất khỏi VNeID thử nghiệm?', en: 'Log out of the VNeID sandbox?' },
  logoutLead: {
    vi: 'Bạn đã đăng xuất khỏi dịch vụ. Đăng xuất luôn khỏi VNeID thử nghiệm trên thiết bị này?',
    en: 'You have logged out of the service. Also log out of the VNeID sandbox on this device?',
  },
  logoutYes: { vi: 'Đăng xuất khỏi VNeID', en: 'Log out of VNeID' },
  logoutNo: { vi: 'Giữ đăng nhập VNeID', en: 'Stay logged in to VNeID' },
  loggedOutTitle: { vi: 'Đã đăng xuất khỏi VNeID thử nghiệm', en: 'Logged out of the VNeID sandbox' },
  loggedOutBody: {
    vi: 'Bạn có thể đóng trang này hoặc quay về trang chủ.',
    en: 'You may close this page or go back to the home page.',
  },
  errorTitle: {
    vi: 'VNeID thử nghiệm không xử lý được yêu cầu',
    en: 'The VNeID sandbox could not handle the request',
  },
  errorBody: {
    vi: 'Yêu cầu đăng nhập không hợp lệ hoặc đã hết hạn. Hãy quay lại dịch vụ và đăng nhập lại.',
    en: 'The login request is not valid or has expired. Go back to the service and log in again.',
  },
  errorCode: { vi: 'Mã lỗi', en: 'Error code' },
  backHome: { vi: 'Về trang chủ motcua', en: 'Back to the motcua home page' },
});
