/** Sổ theo dõi hồ sơ (Mẫu 06; TT 03/2025: Mẫu 07) of one agency over a period: what the renderers need. */
export interface TrackingBookRow {
  code: string;
  procedureName: string;
  /** Số bộ hồ sơ: one set per dossier. */
  sets: number;
  submitter: string;
  addressPhone: string;
  leadBody: string;
  receivedAt: Date | null;
  dueAt: Date | null;
  forwardedAt: Date | null;
  /** The result decided, or the first supplement request, whichever came first. */
  resultOrSupplementAt: Date | null;
  returnedAt: Date | null;
  note: string;
}

export interface TrackingBook {
  agencyParentName: string | null;
  agencyName: string;
  formSetName: string;
  formNo: string;
  title: string;
  /** Local dates YYYY-MM-DD, both included. */
  from: string;
  to: string;
  generatedAt: Date;
  rows: TrackingBookRow[];
}

export const TRACKING_COLUMNS: { header: string; width: number }[] = [
  { header: 'STT', width: 5 },
  { header: 'Mã hồ sơ', width: 26 },
  { header: 'Tên thủ tục hành chính', width: 32 },
  { header: 'Số lượng hồ sơ (bộ)', width: 9 },
  { header: 'Tên người nộp hồ sơ', width: 22 },
  { header: 'Địa chỉ, số điện thoại', width: 30 },
  { header: 'Cơ quan chủ trì giải quyết', width: 26 },
  { header: 'Ngày, tháng, năm nhận hồ sơ', width: 16 },
  { header: 'Ngày, tháng, năm hẹn trả kết quả', width: 16 },
  { header: 'Ngày, tháng, năm chuyển hồ sơ', width: 16 },
  { header: 'Ngày, tháng, năm có kết quả/ yêu cầu bổ sung', width: 16 },
  { header: 'Ngày, tháng, năm trả kết quả', width: 16 },
  { header: 'Ký nhận', width: 12 },
  { header: 'Ghi chú', width: 20 },
];
