/**
 * The postal service as motcua sees it (adapter interface): VNPost's order fields (DOMAIN.md §8).
 * HttpPostalService speaks the protocol over HTTP; the postal sandbox speaks the same protocol in demo
 * mode and in tests.
 */

/** Người gửi: the agency returning the result. */
export interface PostalSender {
  province: string;
  district: string;
  address: string;
  name: string;
  email?: string;
  tel: string;
  desc?: string;
}

/** Người nhận: the citizen, at the address given at intake. */
export interface PostalReceiver {
  name: string;
  address: string;
  tel: string;
  province?: string;
  district?: string;
  email?: string;
}

export interface PostalOrderInput {
  /** OrderNumber = MaHoSo, the dossier code. */
  orderNumber: string;
  /** Thu hộ (COD), integer VND; null or 0: nothing to collect. */
  codAmount: number | null;
  sender: PostalSender;
  receiver: PostalReceiver;
  description: string | null;
}

export interface PostalService {
  /** Sends the order; resolves with the tracking number (ItemCode) once the service accepted it. */
  createOrder(input: PostalOrderInput): Promise<{ itemCode: string }>;
  /** Recalls (cancels) an accepted order. */
  cancelOrder(itemCode: string): Promise<void>;
}

/** The order as it goes over the wire (VNPost's names). */
export function wireOrder(customerCode: string, input: PostalOrderInput) {
  const s = input.sender;
  const r = input.receiver;
  return {
    CustomerCode: customerCode,
    OrderNumber: input.orderNumber,
    CODAmount: input.codAmount ?? 0,
    Sender: {
      Province: s.province,
      District: s.district,
      Address: s.address,
      Name: s.name,
      Email: s.email ?? '',
      Tel: s.tel,
      Desc: s.desc ?? '',
    },
    Receiver: {
      Name: r.name,
      Address: r.address,
      Tel: r.tel,
      Province: r.province ?? '',
      District: r.district ?? '',
      Email: r.email ?? '',
    },
    Description: input.description ?? '',
    // Bit flags of the service's options (observed field; meaning unverified): 0 = none.
    FlagConfig: 0,
  };
}
