/** The errors of return by post, each with a stable code and a message in Vietnamese and English. */
import { AppError, notFound, validationError } from '../../../platform/errors.js';

/**
 * The postal service answered, and said no (bad data, bad credentials): 502, with its own message,
 * which the officer can act on (e.g. the receiver's phone is missing). Nothing is half-written: the
 * order row is 'failed' and a new attempt is possible.
 */
export class PostalRefusedError extends AppError {
  override readonly status: number = 502;
  constructor(readonly serviceMessage: string) {
    super('unavailable', 'postal.refused', {
      vi: `Bưu điện từ chối yêu cầu: ${serviceMessage}`,
      en: `The postal service refused the request: ${serviceMessage}`,
    });
  }
}

/** The postal service could not be reached, timed out or failed on its side: try again later. */
export const postalUnavailable = (detail: string) =>
  new AppError('unavailable', 'postal.unavailable', {
    vi: `Không kết nối được dịch vụ bưu chính, vui lòng thử lại sau (${detail}).`,
    en: `The postal service cannot be reached; please try again later (${detail}).`,
  });

export const postalNotConfigured = () =>
  new AppError('unavailable', 'postal.not_configured', {
    vi: 'Chưa cấu hình dịch vụ bưu chính (POSTAL_URL, POSTAL_CUSTOMER_CODE, POSTAL_SECRET, POSTAL_CALLBACK_SECRET): chưa thể trả kết quả qua bưu điện.',
    en: 'The postal service is not configured (POSTAL_URL, POSTAL_CUSTOMER_CODE, POSTAL_SECRET, POSTAL_CALLBACK_SECRET): results cannot be returned by post yet.',
  });

export const badSignature = () =>
  new AppError('unauthenticated', 'postal.bad_signature', {
    vi: 'Chữ ký của thông báo từ bưu điện không hợp lệ.',
    en: 'The signature of the postal notification is not valid.',
  });

export const badTimestamp = () =>
  new AppError('unauthenticated', 'postal.bad_timestamp', {
    vi: 'Thời điểm ký của thông báo từ bưu điện quá cũ hoặc ở tương lai.',
    en: 'The postal notification was signed too long ago or in the future.',
  });

export const unknownItem = (itemCode: string) =>
  notFound('postal.unknown_item', {
    vi: `Không có đơn gửi bưu chính nào mang số hiệu ${itemCode}.`,
    en: `No postal order has the item code ${itemCode}.`,
  });

export const orderMismatch = () =>
  validationError('postal.order_mismatch', {
    vi: 'Mã đơn hàng (OrderNumber) không khớp với số hiệu bưu gửi.',
    en: 'The order number does not match the item code.',
  });

export const postalOrderNotFound = () =>
  notFound('postal.order_not_found', {
    vi: 'Không tìm thấy đơn gửi bưu chính.',
    en: 'The postal order was not found.',
  });

export const notCancellable = (state: string) =>
  new AppError('conflict', 'postal.not_cancellable', {
    vi: `Đơn gửi đang ở trạng thái ${state}, không thể hủy.`,
    en: `The postal order is ${state} and cannot be cancelled.`,
  });
