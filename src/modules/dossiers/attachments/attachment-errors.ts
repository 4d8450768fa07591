import { AppError, type Bilingual, type ErrorKind } from '../../../platform/errors.js';

/**
 * Errors of attachment intake. Two answers need a status that platform/errors.ts has no kind for
 * (413 for a file over the limit, 422 for a file refused after reading it): AttachmentError keeps
 * AppError's code and bilingual text, which the one error handler maps, and sets the status itself.
 */
export class AttachmentError extends AppError {
  override readonly status: number;
  constructor(kind: ErrorKind, status: number, code: string, text: Bilingual) {
    super(kind, code, text);
    this.status = status;
  }
}

const refused = (code: string, text: Bilingual) => new AttachmentError('validation', 422, code, text);

export const ALLOWED_KINDS_TEXT = 'PDF, JPEG, PNG, TIFF, DOC, DOCX, XLS, XLSX, ODT, ODS';

export const attachmentErrors = {
  empty: () =>
    refused('attachment.empty', {
      vi: 'Tệp đính kèm rỗng (0 byte)',
      en: 'The attached file is empty (0 bytes)',
    }),
  typeNotAllowed: (what?: string) =>
    refused('attachment.type_not_allowed', {
      vi: `Loại tệp${what ? ` ${what}` : ''} không được chấp nhận. Chỉ nhận: ${ALLOWED_KINDS_TEXT}`,
      en: `This file type${what ? ` (${what})` : ''} is not accepted. Accepted: ${ALLOWED_KINDS_TEXT}`,
    }),
  executable: () =>
    refused('attachment.executable', {
      vi: 'Tệp là chương trình chạy được (tệp thực thi hoặc kịch bản), không được đính kèm',
      en: 'The file is an executable program or script and cannot be attached',
    }),
  extensionMismatch: (extension: string, actual: Bilingual) =>
    refused('attachment.extension_mismatch', {
      vi: `Tên tệp có đuôi .${extension} nhưng nội dung thực là ${actual.vi}; hãy đổi tên cho đúng`,
      en: `The file name ends in .${extension} but the file really is ${actual.en}; rename it accordingly`,
    }),
  executableInside: (entry: string) =>
    refused('attachment.executable_inside', {
      vi: `Tệp chứa macro hoặc chương trình chạy được (${entry}), không được đính kèm`,
      en: `The file contains macros or an executable (${entry}) and cannot be attached`,
    }),
  unreadable: (actual: string) =>
    refused('attachment.unreadable', {
      vi: `Không đọc được cấu trúc tệp ${actual}; tệp có thể bị hỏng`,
      en: `The structure of this ${actual} file cannot be read; it may be damaged`,
    }),
  tooLarge: (limitMb: number) =>
    new AttachmentError('validation', 413, 'attachment.too_large', {
      vi: `Tệp vượt quá dung lượng cho phép ${limitMb} MB`,
      en: `The file is larger than the ${limitMb} MB limit`,
    }),
  dossierTooLarge: (limitMb: number) =>
    new AttachmentError('validation', 413, 'attachment.dossier_too_large', {
      vi: `Tổng dung lượng tệp của hồ sơ vượt quá ${limitMb} MB`,
      en: `The files of this dossier would exceed ${limitMb} MB in total`,
    }),
  infected: () =>
    refused('attachment.infected', {
      vi: 'Tệp có mã độc và đã bị cách ly; vui lòng kiểm tra máy của bạn và gửi tệp khác',
      en: 'The file contains malware and was quarantined; check your device and send another file',
    }),
  scanUnavailable: () =>
    new AttachmentError('unavailable', 503, 'attachment.scan_unavailable', {
      vi: 'Chưa kiểm tra được mã độc của tệp; vui lòng thử lại sau ít phút',
      en: 'The file could not be checked for malware; try again in a few minutes',
    }),
  targetNotFound: () =>
    new AttachmentError('not_found', 404, 'attachment.target_not_found', {
      vi: 'Không tìm thấy hồ sơ, hồ sơ nháp hoặc thành phần để đính kèm tệp',
      en: 'The dossier, draft or component to attach the file to was not found',
    }),
  notFound: () =>
    new AttachmentError('not_found', 404, 'attachment.not_found', {
      vi: 'Không tìm thấy tệp đính kèm',
      en: 'Attachment not found',
    }),
  storeRace: () =>
    new AttachmentError('conflict', 409, 'attachment.store_race', {
      vi: 'Tệp vừa bị dọn đi trong lúc tải lên; vui lòng gửi lại',
      en: 'The file was cleaned up while being uploaded; please send it again',
    }),
  notPhotos: () =>
    refused('attachment.not_photos', {
      vi: 'Chỉ ghép được các ảnh JPEG/PNG của cùng một thành phần hồ sơ',
      en: 'Only JPEG/PNG photos of the same dossier component can be merged',
    }),
};
