/**
 * The numbers and titles of the processing forms in each form set (DOMAIN.md §4.1, §4.2). The
 * form_sets table (module dossiers) carries only the intake slips' numbers (Mẫu 01–03), so the
 * numbers of Mẫu 04–07 are keyed here by the set's code; TT 01/2018 has no stop-notice form, so that
 * document is labelled by its purpose alone.
 */
export interface ProcessingForms {
  apology: { no: string; title: string };
  stopNotice: { no: string | null; title: string };
  controlSheet: { no: string; title: string };
  trackingBook: { no: string; title: string };
}

const CONTROL_SHEET = 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ';
const STOP_NOTICE = 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ';
const TRACKING_BOOK = 'SỔ THEO DÕI HỒ SƠ';

const TT01_2018: ProcessingForms = {
  apology: { no: '04', title: 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ' },
  stopNotice: { no: null, title: STOP_NOTICE },
  controlSheet: { no: '05', title: CONTROL_SHEET },
  trackingBook: { no: '06', title: TRACKING_BOOK },
};

const FORMS: Record<string, ProcessingForms> = {
  'TT01-2018': TT01_2018,
  'TT03-2025': {
    apology: { no: '04', title: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT' },
    stopNotice: { no: '05', title: STOP_NOTICE },
    controlSheet: { no: '06', title: CONTROL_SHEET },
    trackingBook: { no: '07', title: TRACKING_BOOK },
  },
};

/** The forms of the set a dossier was received under; the 2018 set when the code is unknown. */
export function processingForms(formSetCode: string | null): ProcessingForms {
  return (formSetCode ? FORMS[formSetCode] : undefined) ?? TT01_2018;
}
