/** Every string of the postal sandbox's demo page, Vietnamese first (ARCHITECTURE.md §5). */
import { defineMessages } from '../../../../platform/html/i18n.js';

export const postalSandboxMessages = defineMessages({
  title: { vi: 'Bưu chính thử nghiệm (sandbox)', en: 'Postal sandbox' },
  banner: {
    vi: 'Môi trường thử nghiệm của motcua, KHÔNG PHẢI dịch vụ bưu chính thật. Không có bưu gửi nào được chuyển đi thật.',
    en: 'motcua’s test sandbox, NOT a real postal service. No parcel is really sent.',
  },
  lead: {
    vi: 'Các đơn gửi kết quả qua bưu chính công ích mà motcua đã tạo. Bưu gửi tự chuyển trạng thái sau mỗi {seconds} giây (đã nhận → đang vận chuyển → đã phát) và báo về motcua bằng thông báo có chữ ký.',
    en: 'The orders motcua created to return results by public post. Each parcel moves on by itself every {seconds} seconds (accepted → in transit → delivered) and motcua is told by a signed callback.',
  },
  empty: { vi: 'Chưa có đơn gửi nào.', en: 'No orders yet.' },
  itemCode: { vi: 'Số hiệu bưu gửi', en: 'Item code' },
  orderNumber: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  receiver: { vi: 'Người nhận', en: 'Receiver' },
  cod: { vi: 'Thu hộ (đồng)', en: 'Cash on delivery (VND)' },
  status: { vi: 'Trạng thái', en: 'Status' },
  notified: { vi: 'Đã báo về motcua', en: 'Reported to motcua' },
  notifiedYes: { vi: 'Đã báo', en: 'Reported' },
  notifiedNo: { vi: 'Chưa báo', en: 'Not yet' },
  action: { vi: 'Thao tác', en: 'Action' },
  advance: { vi: 'Chuyển trạng thái tiếp theo', en: 'Move to the next status' },
  final: { vi: 'Đã kết thúc', en: 'Finished' },
  accepted: { vi: 'Đã nhận bưu gửi', en: 'Accepted' },
  in_transit: { vi: 'Đang vận chuyển', en: 'In transit' },
  delivered: { vi: 'Đã phát thành công', en: 'Delivered' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
  advanced: { vi: 'Đã chuyển bưu gửi {item} sang: {status}.', en: 'Parcel {item} moved to: {status}.' },
  notAdvanced: {
    vi: 'Bưu gửi {item} không chuyển được trạng thái (đã kết thúc hoặc vừa thay đổi).',
    en: 'Parcel {item} could not move on (finished, or it just changed).',
  },
});
