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
};

export const actionLabel = (action: string) => ACTION_LABELS[action] ?? { vi: action, en: action };
