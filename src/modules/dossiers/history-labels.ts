/** What each history action is called on pages, slips and the tracking page. */
export const ACTION_LABELS: Record<string, { vi: string; en: string }> = {
  submit: { vi: 'Nộp hồ sơ', en: 'Submitted' },
  receive: { vi: 'Tiếp nhận hồ sơ', en: 'Received' },
  request_completion: { vi: 'Yêu cầu bổ sung, hoàn thiện hồ sơ', en: 'Completion requested' },
  complete: { vi: 'Đã bổ sung, hoàn thiện hồ sơ', en: 'Completed by the citizen' },
  refuse: { vi: 'Từ chối tiếp nhận', en: 'Refused' },
  withdraw: { vi: 'Rút hồ sơ', en: 'Withdrawn' },
  withdraw_request: { vi: 'Đề nghị rút hồ sơ', en: 'Withdrawal requested' },
  record_payment: { vi: 'Thu phí, lệ phí', en: 'Payment recorded' },
  add_attachment: { vi: 'Bổ sung tệp đính kèm', en: 'Attachment added' },
  // Processing (module workflow). Its "complete" (status 9) is recorded as "decide", apart from the
  // citizen's completion of a dossier above.
  start: { vi: 'Chuyển xử lý', en: 'Sent for processing' },
  claim: { vi: 'Nhận xử lý', en: 'Claimed' },
  assign: { vi: 'Phân công xử lý', en: 'Assigned' },
  forward: { vi: 'Chuyển bước tiếp theo', en: 'Forwarded to the next step' },
  transfer: { vi: 'Chuyển liên thông', en: 'Transferred to another agency' },
  receive_handover: { vi: 'Tiếp nhận hồ sơ liên thông', en: 'Hand-over received' },
  return_step: { vi: 'Trả lại bước trước', en: 'Returned to an earlier step' },
  request_supplement: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'Supplement requested' },
  supplement_received: { vi: 'Đã nhận bổ sung', en: 'Supplement received' },
  request_payment: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Payment requested' },
  draft_apology: { vi: 'Dự thảo thư xin lỗi', en: 'Apology letter drafted' },
  extend: { vi: 'Gia hạn, gửi thư xin lỗi', en: 'Appointment moved, apology sent' },
  stop: { vi: 'Dừng xử lý', en: 'Stopped' },
  decide: { vi: 'Đã xử lý xong', en: 'Decided' },
  return_result: { vi: 'Trả kết quả', en: 'Result returned' },
};

export const actionLabel = (action: string) => ACTION_LABELS[action] ?? { vi: action, en: action };
