/** Every string of the public unit pages, Vietnamese first. `{name}` marks a value filled in by `fill`. */
import type { Bilingual } from '../../../platform/errors.js';
import { defineMessages, type Lang } from '../../../platform/html/i18n.js';
import type { UnitLevel, UnitType } from '../import/index.js';

export const m = defineMessages({
  searchTitle: { vi: 'Tra cứu đơn vị hành chính', en: 'Look up an administrative unit' },
  searchLead: {
    vi: 'Tìm tỉnh, xã, phường theo tên hoặc mã, vào một ngày bất kỳ: trước ngày 01/07/2025 là các đơn vị cũ (63 tỉnh, huyện, xã), từ ngày đó là 34 tỉnh và 3.321 xã, phường, đặc khu sau sắp xếp. Mỗi đơn vị cho biết đã sáp nhập từ đâu hoặc vào đâu.',
    en: 'Find a province, commune or ward by name or code, on any date: before 1 July 2025 the former units (63 provinces, districts, communes), from then on the 34 provinces and 3,321 communes, wards and special zones after the reorganisation. Each unit shows what it was merged from or into.',
  },
  qLabel: { vi: 'Tên hoặc mã đơn vị', en: 'Name or code of the unit' },
  qHint: {
    vi: 'Ví dụ: ba dinh, Đông Triều, 07093. Có thể gõ không dấu.',
    en: 'For example: ba dinh, Đông Triều, 07093. Diacritics are optional.',
  },
  dateLabel: { vi: 'Vào ngày', en: 'On the date' },
  dateHint: {
    vi: 'Ngày/tháng/năm, ví dụ 30/06/2025 (trước sắp xếp) hoặc 01/07/2025 (sau sắp xếp).',
    en: 'Day/month/year, e.g. 30/06/2025 (before the reorganisation) or 01/07/2025 (after it).',
  },
  levelLabel: { vi: 'Cấp', en: 'Level' },
  allLevels: { vi: 'Tất cả các cấp', en: 'All levels' },
  submitSearch: { vi: 'Tìm', en: 'Search' },
  resultsTitle: { vi: 'Kết quả', en: 'Results' },
  resultsOn: { vi: 'Các đơn vị có hiệu lực vào ngày {date}.', en: 'Units in force on {date}.' },
  childrenOf: { vi: 'Các đơn vị trực thuộc {name} vào ngày {date}.', en: 'Units under {name} on {date}.' },
  provincesOn: {
    vi: 'Các tỉnh, thành phố vào ngày {date}.',
    en: 'Provinces and centrally-run cities on {date}.',
  },
  noResults: {
    vi: 'Không tìm thấy đơn vị nào. Hãy kiểm tra lại chính tả, hoặc đổi ngày: tên cũ chỉ có trước 01/07/2025.',
    en: 'No unit found. Check the spelling, or change the date: former names exist only before 1 July 2025.',
  },
  nextPage: { vi: 'Trang sau', en: 'Next page' },
  firstPage: { vi: 'Về trang đầu', en: 'Back to the first page' },
  pagination: { vi: 'Phân trang', en: 'Pagination' },
  codeIs: { vi: 'mã {code}', en: 'code {code}' },
  breadcrumbs: { vi: 'Vị trí trang', en: 'You are here' },
  invalidDate: {
    vi: 'Ngày không hợp lệ: hãy viết ngày/tháng/năm, ví dụ 01/07/2025',
    en: 'The date is not valid: write it as day/month/year, e.g. 01/07/2025',
  },
  invalidLevel: {
    vi: 'Cấp không hợp lệ: hãy chọn trong danh sách',
    en: 'Not a valid level: pick one from the list',
  },
  invalidParent: { vi: 'Mã đơn vị cấp trên không hợp lệ', en: 'Not a valid code of a parent unit' },
  invalidPage: {
    vi: 'Liên kết trang không còn hợp lệ: hãy tìm lại từ trang đầu',
    en: 'The page link is no longer valid: search again from the first page',
  },
  queryTooLong: {
    vi: 'Nội dung tìm kiếm quá dài (tối đa 100 ký tự)',
    en: 'The search is too long (100 characters at most)',
  },
  // Detail page
  code: { vi: 'Mã', en: 'Code' },
  type: { vi: 'Loại', en: 'Type' },
  level: { vi: 'Cấp', en: 'Level' },
  parent: { vi: 'Trực thuộc', en: 'Part of' },
  validity: { vi: 'Hiệu lực', en: 'In force' },
  validFromTo: { vi: 'từ {from} đến hết {to}', en: 'from {from} to {to}' },
  validFrom: { vi: 'từ {from}', en: 'from {from}' },
  validUntil: {
    vi: 'đến hết {to} (ngày bắt đầu không có trong nguồn dữ liệu)',
    en: 'until {to} (the start date is in none of the sources)',
  },
  validAlways: { vi: 'không rõ', en: 'unknown' },
  otherSpellings: { vi: 'Cách viết khác', en: 'Other spellings' },
  englishName: { vi: 'Tên tiếng Anh (không chính thức)', en: 'English name (unofficial)' },
  area: { vi: 'Diện tích', en: 'Area' },
  areaValue: { vi: '{value} km²', en: '{value} km²' },
  population: { vi: 'Dân số', en: 'Population' },
  seat: { vi: 'Trụ sở', en: 'Seat' },
  profileSource: {
    vi: 'Diện tích, dân số và trụ sở theo sapnhap.bando.com.vn (không phải số liệu thống kê chính thức).',
    en: 'Area, population and seat as given by sapnhap.bando.com.vn (not official statistics).',
  },
  changeDate: { vi: 'Xem vào ngày khác', en: 'See it on another date' },
  show: { vi: 'Xem', en: 'Show' },
  aliasNotice: {
    vi: 'Mã {alias} là mã khác của đơn vị này (bảng chuyển đổi ghi {alias}); mã theo danh mục của cơ quan thống kê là {code}.',
    en: 'Code {alias} is another code of this unit (the crosswalk writes {alias}); the statistics office’s catalogue code is {code}.',
  },
  mergedFrom: { vi: 'Sáp nhập từ', en: 'Merged from' },
  mergedFromLead: {
    vi: 'Ngày {date}, đơn vị này được hình thành từ các đơn vị cũ sau:',
    en: 'On {date} this unit was formed from these former units:',
  },
  mergedInto: { vi: 'Sáp nhập vào', en: 'Merged into' },
  mergedIntoLead: {
    vi: 'Ngày {date}, đơn vị này được sắp xếp vào:',
    en: 'On {date} this unit was reorganised into:',
  },
  whole: { vi: 'toàn bộ', en: 'whole' },
  partial: { vi: 'một phần', en: 'part' },
  wholeLabel: { vi: 'Nhập toàn bộ', en: 'Merged whole' },
  partialLabel: { vi: 'Nhập một phần', en: 'Merged in part' },
  noCode: { vi: 'không có mã', en: 'no code' },
  note: { vi: 'Ghi chú của bảng chuyển đổi', en: 'Note of the crosswalk' },
  partialWarningTitle: { vi: 'Sáp nhập một phần', en: 'Merged in part' },
  partialWarningFrom: {
    vi: 'Đơn vị cũ ghi “một phần” chỉ có một phần nhập vào đây, phần còn lại vào đơn vị khác. Một địa chỉ thuộc đơn vị cũ đó không thể tự động chuyển sang đơn vị mới: cần cán bộ kiểm tra hoặc dữ liệu đến cấp đường phố, thôn, tổ.',
    en: 'A former unit marked “part” went only partly into this one, the rest into other units. An address in that former unit cannot be converted to the new unit automatically: an officer has to check it, or street-level data is needed.',
  },
  partialWarningInto: {
    vi: 'Đơn vị này được chia cho nhiều đơn vị mới. Một địa chỉ thuộc đơn vị này không thể tự động chuyển sang đơn vị mới: cần cán bộ kiểm tra hoặc dữ liệu đến cấp đường phố, thôn, tổ.',
    en: 'This unit was divided between several new units. An address in it cannot be converted to a new unit automatically: an officer has to check it, or street-level data is needed.',
  },
  crosswalkCommunesOnly: {
    vi: 'Bảng chuyển đổi chính thức chỉ cho các đơn vị cấp xã.',
    en: 'The official crosswalk covers commune-level units only.',
  },
  districtsAbolished: {
    vi: 'Cấp huyện không còn từ ngày 01/07/2025; xem các xã trực thuộc để biết mỗi xã đã sáp nhập vào đâu.',
    en: 'Districts no longer exist from 1 July 2025; see the communes under it for where each one went.',
  },
  noCrosswalk: {
    vi: 'Bảng chuyển đổi không có dòng nào cho đơn vị này.',
    en: 'The crosswalk has no row for this unit.',
  },
  children: { vi: 'Đơn vị trực thuộc', en: 'Units under it' },
  childrenLink: { vi: 'Xem các đơn vị trực thuộc {name}', en: 'See the units under {name}' },
  versions: { vi: 'Các thời kỳ của mã {code}', en: 'Periods of code {code}' },
  versionsLead: {
    vi: 'Một mã có thể đổi tên, đổi loại hoặc được dùng lại cho đơn vị khác qua các thời kỳ.',
    en: 'Over time a code may be renamed, change type, or be reused for another unit.',
  },
  current: { vi: '(đang xem)', en: '(shown)' },
  notInForceTitle: {
    vi: 'Mã {code} không có hiệu lực vào ngày {date}',
    en: 'Code {code} is not in force on {date}',
  },
  notInForceLead: {
    vi: 'Mã này có các thời kỳ hiệu lực dưới đây; hãy chọn một thời kỳ.',
    en: 'This code was in force in the periods below; pick one.',
  },
  sources: {
    vi: 'Nguồn: danh mục đơn vị hành chính của cơ quan thống kê (qua thanglequoc/vietnamese-provinces-database) và Bảng chuyển đổi ĐVHC mới – cũ của Cục Thống kê. Tên tiếng Anh không chính thức.',
    en: 'Sources: the statistics office’s catalogue of administrative units (via thanglequoc/vietnamese-provinces-database) and the NSO old–new crosswalk. English names are unofficial.',
  },
});

export const LEVEL_LABELS: Record<UnitLevel, Bilingual> = {
  province: { vi: 'Cấp tỉnh', en: 'Province level' },
  district: { vi: 'Cấp huyện (đến 30/06/2025)', en: 'District level (until 30 June 2025)' },
  commune: { vi: 'Cấp xã', en: 'Commune level' },
};

export const TYPE_LABELS: Record<UnitType, Bilingual> = {
  municipality: { vi: 'Thành phố trực thuộc trung ương', en: 'Centrally-run city' },
  province: { vi: 'Tỉnh', en: 'Province' },
  urban_district: { vi: 'Quận', en: 'Urban district' },
  rural_district: { vi: 'Huyện', en: 'Rural district' },
  district_town: { vi: 'Thị xã', en: 'District-level town' },
  district_city: { vi: 'Thành phố thuộc tỉnh', en: 'Provincial city' },
  ward: { vi: 'Phường', en: 'Ward' },
  commune: { vi: 'Xã', en: 'Commune' },
  township: { vi: 'Thị trấn', en: 'Township' },
  special_zone: { vi: 'Đặc khu', en: 'Special zone' },
};

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 2025-07-01 as "01/07/2025" (vi) or "1 July 2025" (en). */
export function formatDate(date: string, lang: Lang): string {
  const [y, mo, d] = date.split('-');
  if (lang === 'vi') return `${d}/${mo}/${y}`;
  return `${Number(d)} ${MONTHS_EN[Number(mo) - 1] ?? mo} ${y}`;
}

/** 10035 as "10.035" (vi) or "10,035" (en). */
export function formatNumber(value: number, lang: Lang): string {
  return value.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
}

/** Fills `{name}` places of a translated template. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
