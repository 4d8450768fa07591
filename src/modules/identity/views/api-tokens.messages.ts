/** Every string of the API token pages, Vietnamese first. */
import type { Bilingual } from '../../../platform/errors.js';
import { defineMessages } from '../../../platform/html/i18n.js';
import type { ApiTokenState } from '../policy.js';

export const t$ = defineMessages({
  title: { vi: 'Mã truy cập API', en: 'API tokens' },
  lead: {
    vi: 'Mã truy cập cho các hệ thống kết nối với Một cửa (Cổng Dịch vụ công quốc gia, hệ thống của cơ quan khác). Mỗi mã chỉ làm được những việc thuộc phạm vi được cấp; mã có thể thu hồi bất cứ lúc nào.',
    en: 'Tokens for the systems that connect to motcua (the National Public Service Portal, other agencies’ systems). Each token can do only what its scopes allow; a token can be revoked at any time.',
  },
  createTitle: { vi: 'Tạo mã mới', en: 'Create a token' },
  nameLabel: { vi: 'Tên gợi nhớ', en: 'Name' },
  nameHint: {
    vi: 'Hệ thống nào dùng mã, ví dụ: Cổng Dịch vụ công quốc gia – đồng bộ hồ sơ',
    en: 'Which system uses the token, e.g. National Public Service Portal – dossier sync',
  },
  scopesLegend: { vi: 'Phạm vi được phép', en: 'Allowed scopes' },
  scopesHint: { vi: 'Chỉ chọn những gì hệ thống đó cần.', en: 'Choose only what that system needs.' },
  expiresLabel: { vi: 'Hết hạn sau ngày (không bắt buộc)', en: 'Expires after (optional)' },
  expiresHint: {
    vi: 'Mã dùng được đến hết ngày này (giờ Việt Nam). Để trống nếu mã không hết hạn.',
    en: 'The token works until the end of this day (Vietnam time). Leave empty for no expiry.',
  },
  create: { vi: 'Tạo mã truy cập', en: 'Create the token' },
  onceTitle: { vi: 'Mã truy cập mới', en: 'The new token' },
  onceWarning: {
    vi: 'Hãy sao chép và cất giữ mã này ngay: mã chỉ hiện một lần này. Hệ thống chỉ lưu bản băm, không thể xem lại mã.',
    en: 'Copy this token and store it safely now: it is shown this once only. motcua keeps only a hash and cannot show it again.',
  },
  onceLabel: { vi: 'Mã truy cập của “{name}”', en: 'Token of “{name}”' },
  onceUsage: {
    vi: 'Hệ thống kết nối gửi mã trong tiêu đề: Authorization: Bearer <mã>',
    en: 'The connecting system sends it in the header: Authorization: Bearer <token>',
  },
  copy: { vi: 'Sao chép mã', en: 'Copy the token' },
  copied: { vi: 'Đã sao chép mã vào bộ nhớ tạm.', en: 'The token was copied to the clipboard.' },
  copyFailed: {
    vi: 'Không sao chép được; hãy chọn mã trong ô và sao chép thủ công.',
    en: 'Could not copy; select the token in the box and copy it by hand.',
  },
  listTitle: { vi: 'Các mã đã cấp', en: 'Tokens issued' },
  none: { vi: 'Chưa có mã truy cập nào.', en: 'No token yet.' },
  colName: { vi: 'Tên và đầu mã', en: 'Name and prefix' },
  colPrefix: { vi: 'Đầu mã', en: 'Prefix' },
  colScopes: { vi: 'Phạm vi', en: 'Scopes' },
  colCreated: { vi: 'Ngày tạo, người tạo', en: 'Created, by' },
  colLastUsed: { vi: 'Dùng lần cuối', en: 'Last used' },
  colExpires: { vi: 'Hết hạn', en: 'Expires' },
  colStatus: { vi: 'Trạng thái', en: 'Status' },
  colAction: { vi: 'Thao tác', en: 'Action' },
  never: { vi: 'Chưa dùng', en: 'Never' },
  noExpiry: { vi: 'Không hết hạn', en: 'No expiry' },
  revoke: { vi: 'Thu hồi', en: 'Revoke' },
  revokeLabel: { vi: 'Thu hồi mã “{name}”', en: 'Revoke the token “{name}”' },
  revokedBy: { vi: 'Thu hồi lúc {at} bởi {who}', en: 'Revoked at {at} by {who}' },
  confirmTitle: { vi: 'Thu hồi mã truy cập', en: 'Revoke an API token' },
  confirmBody: {
    vi: 'Sau khi thu hồi, mọi lời gọi dùng mã “{name}” (đầu mã {prefix}) bị từ chối ngay. Không thể hoàn tác; muốn kết nối lại phải tạo mã mới.',
    en: 'Once revoked, every call with the token “{name}” (prefix {prefix}) is refused at once. This cannot be undone; to connect again, create a new token.',
  },
  confirm: { vi: 'Xác nhận thu hồi', en: 'Confirm: revoke' },
  cancel: { vi: 'Quay lại, không thu hồi', en: 'Go back without revoking' },
  backToList: { vi: 'Danh sách mã truy cập', en: 'All API tokens' },
  done_created: { vi: 'Đã tạo mã truy cập.', en: 'The token was created.' },
  done_revoked: { vi: 'Đã thu hồi mã truy cập.', en: 'The token was revoked.' },
  nextPage: { vi: 'Trang sau', en: 'Next page' },
  firstPage: { vi: 'Về trang đầu', en: 'Back to the first page' },
  pagination: { vi: 'Phân trang', en: 'Pagination' },
});

export const STATE_LABELS: Record<ApiTokenState, Bilingual> = {
  active: { vi: 'Đang hiệu lực', en: 'Active' },
  revoked: { vi: 'Đã thu hồi', en: 'Revoked' },
  expired: { vi: 'Đã hết hạn', en: 'Expired' },
};

const VN_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** dd/mm/yyyy HH:MM in Vietnam time, as officers read dates. */
export const vnDateTime = (d: Date) => VN_TIME.format(d).replace(',', '');

export const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
