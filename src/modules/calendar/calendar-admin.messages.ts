/** Strings of the calendar's administration pages, Vietnamese first (ARCHITECTURE.md §5). */
import type { Bilingual } from '../../platform/errors.js';
import { defineMessages } from '../../platform/html/i18n.js';

export const cam = defineMessages({
  lead: {
    vi: 'Các ngày đề xuất hoặc chờ xác nhận chưa được tính vào thời hạn giải quyết hồ sơ. Xác nhận từng ngày hoặc cả năm theo thông báo chính thức.',
    en: 'Proposed or pending days do not count in dossier deadlines yet. Confirm each day, or the whole year, against the official notice.',
  },
  confirmYear: { vi: 'Xác nhận cả năm', en: 'Confirm the whole year' },
  confirmYearHelp: {
    vi: 'Xác nhận mọi ngày đề xuất của năm theo thông báo chính thức. Ngày chờ xác nhận phải xác nhận riêng.',
    en: 'Confirms every proposed day of the year against the official notice. Pending days are confirmed one by one.',
  },
  notice: { vi: 'Số, ngày thông báo chính thức', en: 'Official notice number and date' },
  noticeHint: {
    vi: 'Ví dụ: Thông báo 6150/TB-BLĐTBXH ngày 12/11/2025',
    en: 'E.g. Notice 6150/TB-BLĐTBXH of 12/11/2025',
  },
  confirm: { vi: 'Xác nhận', en: 'Confirm' },
  addDay: { vi: 'Thêm ngày nghỉ hoặc ngày làm bù', en: 'Add a day off or a make-up working day' },
  dayAdded: { vi: 'Đã thêm ngày vào lịch.', en: 'The day was added.' },
  days: { vi: 'Các ngày trong lịch', en: 'Days in the calendar' },
  date: { vi: 'Ngày', en: 'Date' },
  name: { vi: 'Tên', en: 'Name' },
  kind: { vi: 'Loại', en: 'Kind' },
  status: { vi: 'Trạng thái', en: 'Status' },
  source: { vi: 'Căn cứ', en: 'Legal source' },
  action: { vi: 'Thao tác', en: 'Action' },
  confirmed: { vi: 'Đã xác nhận', en: 'Confirmed' },
  noProposals: { vi: 'Năm này không còn ngày đề xuất.', en: 'No proposed days are left this year.' },
  none: { vi: 'Năm này chưa có ngày nào trong lịch.', en: 'This year has no days yet.' },
  publicPage: { vi: 'Xem trang công khai', en: 'View the public page' },
  dayConfirmed: { vi: 'Đã xác nhận ngày.', en: 'The day was confirmed.' },
  yearConfirmed: {
    vi: 'Đã xác nhận các ngày đề xuất của năm.',
    en: "The year's proposed days were confirmed.",
  },
  officeHoursTitle: { vi: 'Giờ làm việc', en: 'Office hours' },
  officeHoursLead: {
    vi: 'Mỗi ngày ghi các ca, ví dụ 07:00-11:30, 13:30-17:00; để trống là ngày nghỉ. Giờ mới áp dụng từ ngày hiệu lực đến khi có giờ mới khác.',
    en: 'Give each day its sessions, e.g. 07:00-11:30, 13:30-17:00; leave empty for a rest day. New hours apply from their date until the next change.',
  },
  periods: { vi: 'Các lần quy định giờ làm việc', en: 'Office hours over time' },
  defaultHours: {
    vi: 'Chưa có quy định riêng: áp dụng giờ mặc định 07:00–11:30 và 13:30–17:00, thứ Hai đến thứ Sáu.',
    en: 'No hours of its own: the default 07:00–11:30 and 13:30–17:00, Monday to Friday, applies.',
  },
  validFrom: { vi: 'Có hiệu lực từ ngày', en: 'Effective from' },
  decision: { vi: 'Văn bản quy định', en: 'Decision' },
  makeupDay: { vi: 'Ngày làm bù (thứ Bảy)', en: 'Make-up working day (Saturday)' },
  hours: { vi: 'Giờ làm việc', en: 'Hours' },
  setBy: { vi: 'Người cập nhật', en: 'Set by' },
  save: { vi: 'Lưu giờ làm việc', en: 'Save office hours' },
  saved: { vi: 'Đã lưu giờ làm việc.', en: 'The office hours were saved.' },
  backToAgency: { vi: '← Cơ quan', en: '← Agency' },
  rest: { vi: 'nghỉ', en: 'closed' },
  edit: { vi: 'Sửa', en: 'Edit' },
  gridHint: {
    vi: 'Chọn một ngày được đánh dấu trên lịch để sửa hoặc xóa ngày đó.',
    en: 'Choose a marked day in the months below to edit or remove it.',
  },
  remove: { vi: 'Xóa', en: 'Remove' },
  editDay: { vi: 'Sửa ngày', en: 'Edit the day' },
  saveDay: { vi: 'Lưu thay đổi', en: 'Save changes' },
  dayEdited: { vi: 'Đã lưu thay đổi của ngày.', en: 'The day was changed.' },
  dayRemoved: {
    vi: 'Đã xóa ngày khỏi lịch; ngày này không còn được tính vào thời hạn.',
    en: 'The day was removed; it no longer counts in deadlines.',
  },
  editLead: {
    vi: 'Sửa loại ngày, tên hoặc căn cứ pháp lý. Trạng thái của ngày giữ nguyên; lịch sử ghi lại nội dung cũ, người sửa và thời điểm sửa.',
    en: 'Change the kind, name or legal source. The status stays; the history keeps the old content, who changed it and when.',
  },
  removeDay: { vi: 'Xóa ngày khỏi lịch', en: 'Remove the day from the calendar' },
  removeThis: { vi: 'Xóa ngày này…', en: 'Remove this day…' },
  removeLead: {
    vi: 'Sau khi xóa, ngày này không còn là ngày nghỉ (hoặc ngày làm bù) và không còn được tính vào thời hạn giải quyết hồ sơ. Lịch sử của ngày vẫn được giữ.',
    en: 'Once removed, this day is no longer a day off (or make-up working day) and no longer counts in dossier deadlines. Its history is kept.',
  },
  confirmRemove: { vi: 'Xác nhận xóa ngày', en: 'Remove the day' },
  reason: { vi: 'Lý do xóa', en: 'Reason for removing' },
  reasonHint: {
    vi: 'Ví dụ: nhập nhầm; thông báo chính thức không có ngày này',
    en: 'E.g. entered by mistake; the official notice has no such day',
  },
  cancel: { vi: 'Hủy, quay lại lịch năm', en: 'Cancel, back to the year' },
  backToYear: { vi: '← Lịch năm', en: '← The year' },
  history: { vi: 'Lịch sử thay đổi', en: 'History' },
  by: { vi: 'người thực hiện', en: 'by' },
  previously: { vi: 'trước đó', en: 'before' },
});

export const DAY_ACTION_LABELS: Record<string, Bilingual> = {
  imported: { vi: 'Nhập từ bảng chính thức', en: 'Imported from the official table' },
  proposed: { vi: 'Đề xuất tự động', en: 'Proposed' },
  confirmed: { vi: 'Xác nhận', en: 'Confirmed' },
  added: { vi: 'Thêm', en: 'Added' },
  edited: { vi: 'Sửa', en: 'Edited' },
  removed: { vi: 'Xóa', en: 'Removed' },
};

export const editDayTitle = (date: string): Bilingual => ({
  vi: `Sửa ngày ${date}`,
  en: `Edit ${date}`,
});
export const removeDayTitle = (date: string): Bilingual => ({
  vi: `Xóa ngày ${date} khỏi lịch`,
  en: `Remove ${date} from the calendar`,
});

export const adminPageTitle = (year: number): Bilingual => ({
  vi: `Quản trị lịch làm việc năm ${year}`,
  en: `Working calendar administration ${year}`,
});

export const WEEKDAY_LABELS: Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', Bilingual> = {
  mon: { vi: 'Thứ Hai', en: 'Monday' },
  tue: { vi: 'Thứ Ba', en: 'Tuesday' },
  wed: { vi: 'Thứ Tư', en: 'Wednesday' },
  thu: { vi: 'Thứ Năm', en: 'Thursday' },
  fri: { vi: 'Thứ Sáu', en: 'Friday' },
  sat: { vi: 'Thứ Bảy', en: 'Saturday' },
  sun: { vi: 'Chủ nhật', en: 'Sunday' },
};
