/**
 * What the verifier can find wrong with a signature: a stable code (for the results module and
 * tests), a severity (an error makes the signature invalid) and a Vietnamese message for people.
 */

export type SignatureProblemCode =
  | 'byte_range_malformed'
  | 'contents_hole_mismatch'
  | 'subfilter_unsupported'
  | 'cms_unparseable'
  | 'cms_structure_invalid'
  | 'cms_certificate_unparseable'
  | 'signer_certificate_missing'
  | 'digest_algorithm_unsupported'
  | 'digest_algorithm_weak'
  | 'signed_attributes_missing'
  | 'message_digest_mismatch'
  | 'signature_algorithm_unsupported'
  | 'signature_invalid'
  | 'signing_certificate_missing'
  | 'signing_certificate_mismatch'
  | 'chain_untrusted'
  | 'certificate_not_valid_at_signing_time'
  | 'issuer_not_valid_at_signing_time'
  | 'modified_after_signing'
  | 'later_revision';

export interface SignatureProblem {
  code: SignatureProblemCode;
  severity: 'error' | 'warning';
  message: string;
}

const PROBLEMS: Record<SignatureProblemCode, { severity: 'error' | 'warning'; message: string }> = {
  byte_range_malformed: { severity: 'error', message: 'Vùng dữ liệu được ký (/ByteRange) không hợp lệ.' },
  contents_hole_mismatch: { severity: 'error', message: 'Vùng chứa chữ ký (/Contents) không đúng vị trí.' },
  subfilter_unsupported: { severity: 'error', message: 'Định dạng chữ ký (/SubFilter) không được hỗ trợ.' },
  cms_unparseable: { severity: 'error', message: 'Không đọc được cấu trúc chữ ký số (CMS).' },
  cms_structure_invalid: {
    severity: 'error',
    message: 'Cấu trúc chữ ký số (CMS) không nhất quán hoặc có dữ liệu lạ trong vùng chữ ký.',
  },
  cms_certificate_unparseable: { severity: 'error', message: 'Không đọc được chứng thư số kèm theo chữ ký.' },
  signer_certificate_missing: { severity: 'error', message: 'Chữ ký không kèm chứng thư số của người ký.' },
  digest_algorithm_unsupported: { severity: 'error', message: 'Thuật toán băm không được hỗ trợ.' },
  digest_algorithm_weak: { severity: 'error', message: 'Thuật toán băm SHA-1 không còn an toàn.' },
  signed_attributes_missing: { severity: 'error', message: 'Chữ ký thiếu các thuộc tính được ký.' },
  message_digest_mismatch: {
    severity: 'error',
    message: 'Nội dung tệp đã bị thay đổi sau khi ký (giá trị băm không khớp).',
  },
  signature_algorithm_unsupported: { severity: 'error', message: 'Thuật toán chữ ký không được hỗ trợ.' },
  signature_invalid: { severity: 'error', message: 'Chữ ký số không khớp với khóa công khai của người ký.' },
  signing_certificate_missing: {
    severity: 'warning',
    message: 'Chữ ký thiếu thuộc tính signing-certificate-v2 mà PAdES yêu cầu.',
  },
  signing_certificate_mismatch: {
    severity: 'error',
    message: 'Thuộc tính signing-certificate không khớp với chứng thư số kèm theo.',
  },
  chain_untrusted: { severity: 'error', message: 'Chứng thư số không do tổ chức được tin cậy cấp.' },
  certificate_not_valid_at_signing_time: {
    severity: 'error',
    message: 'Chứng thư số không còn hiệu lực (hoặc chưa có hiệu lực) tại thời điểm ký.',
  },
  issuer_not_valid_at_signing_time: {
    severity: 'error',
    message: 'Chứng thư số của tổ chức cấp không có hiệu lực tại thời điểm ký.',
  },
  modified_after_signing: { severity: 'error', message: 'Tệp đã được bổ sung nội dung sau khi ký.' },
  later_revision: {
    severity: 'warning',
    message: 'Tệp có phiên bản sau chữ ký này (ví dụ một chữ ký khác được thêm vào).',
  },
};

export function problem(code: SignatureProblemCode): SignatureProblem {
  return { code, ...PROBLEMS[code] };
}

export function summarise(
  signatures: Array<{ valid: boolean; isDemo: boolean; problems: SignatureProblem[] }>,
  valid: boolean,
): string {
  if (signatures.length === 0) return 'Tệp PDF không có chữ ký số.';
  if (!valid) {
    const first = signatures.flatMap((s) => s.problems).find((p) => p.severity === 'error');
    return `Chữ ký số không hợp lệ: ${first?.message ?? 'lỗi không xác định.'}`;
  }
  const demo = signatures.some((s) => s.isDemo);
  return demo ? 'Chữ ký số hợp lệ (chứng thư số demo, không có giá trị pháp lý).' : 'Chữ ký số hợp lệ.';
}
