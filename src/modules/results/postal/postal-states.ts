/**
 * The states of a postal order and the one rule of tracking callbacks: a state never moves backwards,
 * and a final state never moves at all (callbacks arrive late, twice, or out of order). Pure.
 */
export const POSTAL_ORDER_STATES = [
  'created',
  'accepted',
  'in_transit',
  'delivered',
  'returned_to_sender',
  'cancelled',
  'failed',
] as const;
export type PostalOrderState = (typeof POSTAL_ORDER_STATES)[number];

/** What a tracking callback may report. */
export const TRACKING_STATES = ['accepted', 'in_transit', 'delivered', 'returned_to_sender'] as const;
export type TrackingState = (typeof TRACKING_STATES)[number];

const RANK: Record<PostalOrderState, number> = {
  created: 0,
  accepted: 1,
  in_transit: 2,
  delivered: 3,
  returned_to_sender: 3,
  cancelled: 3,
  failed: 3,
};

export const isFinal = (s: PostalOrderState) => RANK[s] === 3;

/** The state an order moves to on this event, or undefined when the event must not move it. */
export function nextPostalState(current: PostalOrderState, event: TrackingState): TrackingState | undefined {
  if (isFinal(current)) return undefined;
  return RANK[event] > RANK[current] ? event : undefined;
}

/** Vietnamese and English names, for pages. */
export const POSTAL_STATE_LABELS: Record<PostalOrderState, { vi: string; en: string }> = {
  created: { vi: 'Đang gửi yêu cầu', en: 'Being requested' },
  accepted: { vi: 'Bưu điện đã nhận', en: 'Accepted by the post' },
  in_transit: { vi: 'Đang vận chuyển', en: 'In transit' },
  delivered: { vi: 'Đã phát thành công', en: 'Delivered' },
  returned_to_sender: { vi: 'Chuyển hoàn', en: 'Returned to sender' },
  cancelled: { vi: 'Đã hủy', en: 'Cancelled' },
  failed: { vi: 'Gửi yêu cầu không thành công', en: 'Request failed' },
};
