import type { Bilingual } from '../errors.js';

/**
 * Vietnamese first, English second. Every string a person reads lives in a table of Bilingual
 * entries (one table per module, this one for the platform); pages pick the language with t().
 */
export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
export const isLang = (v: unknown): v is Lang => v === 'vi' || v === 'en';

export const defineMessages = <K extends string>(table: Record<K, Bilingual>): Record<K, Bilingual> => table;

export type Translate = (msg: Bilingual) => string;
export const translator =
  (lang: Lang): Translate =>
  (msg) =>
    msg[lang];

export const platformMessages = defineMessages({
  portalName: { vi: 'Hệ thống một cửa điện tử', en: 'One-stop e-government system' },
  portalTagline: {
    vi: 'Giải quyết thủ tục hành chính của tỉnh và các xã, phường',
    en: 'Administrative procedures of the province and its communes',
  },
  skipToContent: { vi: 'Bỏ qua, đến nội dung chính', en: 'Skip to main content' },
  switchLanguage: { vi: 'English', en: 'Tiếng Việt' },
  switchLanguageLabel: { vi: 'Switch to English', en: 'Chuyển sang tiếng Việt' },
  mainNav: { vi: 'Điều hướng chính', en: 'Main navigation' },
  home: { vi: 'Trang chủ', en: 'Home' },
  apiDocs: { vi: 'API cho tích hợp', en: 'API for integrators' },
  footerLicence: {
    vi: 'Phần mềm nguồn mở motcua, phát hành theo Giấy phép Apache 2.0.',
    en: 'motcua is open-source software, released under the Apache 2.0 licence.',
  },
  notFoundTitle: { vi: 'Không tìm thấy trang', en: 'Page not found' },
  notFoundBody: {
    vi: 'Trang bạn tìm không tồn tại hoặc đã được chuyển đi. Hãy kiểm tra lại địa chỉ.',
    en: 'The page you are looking for does not exist or has moved. Please check the address.',
  },
  errorTitle: { vi: 'Đã có lỗi xảy ra', en: 'Something went wrong' },
  errorBody: {
    vi: 'Hệ thống gặp lỗi khi xử lý yêu cầu. Dữ liệu bạn đã gửi không bị mất; vui lòng thử lại sau ít phút.',
    en: 'The system failed to handle your request. Nothing you sent was lost; please try again in a few minutes.',
  },
  requestFailedTitle: { vi: 'Không thực hiện được yêu cầu', en: 'The request could not be completed' },
  errorSummary: { vi: 'Có lỗi cần sửa', en: 'There is a problem' },
  requestId: { vi: 'Mã yêu cầu (báo cho bộ phận hỗ trợ)', en: 'Request id (quote it to support)' },
  backHome: { vi: 'Về trang chủ', en: 'Back to the home page' },
  loggedInAs: { vi: 'Đang đăng nhập', en: 'Logged in as' },
  logout: { vi: 'Đăng xuất', en: 'Log out' },
});
