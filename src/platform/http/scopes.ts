import type { Bilingual } from '../errors.js';

/**
 * Phạm vi của mã truy cập API (API token scopes): the one list of what a machine client (the national
 * portal, another agency's system) may be allowed. A route names the scopes that may call it
 * (`config.access.token`); the administrator picks scopes from this list when creating a token, and
 * any token may ask who it is (`GET /api/v1/me` accepts every scope here). A module that opens an API
 * to machine clients adds its scope here, with its description, and names it on its routes.
 */
export const API_SCOPES = [
  {
    scope: 'me',
    description: {
      vi: 'Chỉ kiểm tra kết nối: mã hỏi được danh tính của chính nó (GET /api/v1/me)',
      en: 'Connection check only: the token may ask who it is (GET /api/v1/me)',
    },
  },
  {
    scope: 'catalogue:read',
    description: {
      vi: 'Đọc danh mục thủ tục hành chính, thành phần hồ sơ, phí và lệ phí',
      en: 'Read the catalogue of procedures, their components, fees and charges',
    },
  },
  {
    scope: 'catalogue:write',
    description: {
      vi: 'Sửa bản nháp thủ tục hành chính (thành phần, phí, giảm phí, quy trình nội bộ) và công bố phiên bản mới',
      en: 'Edit procedure drafts (components, fees, reductions, internal workflows) and publish new versions',
    },
  },
  {
    scope: 'dossiers:read',
    description: {
      vi: 'Tra cứu hồ sơ và tình trạng giải quyết',
      en: 'Look up dossiers and their processing status',
    },
  },
  {
    scope: 'dossiers:write',
    description: {
      vi: 'Gửi hồ sơ từ hệ thống khác và cập nhật tình trạng giải quyết',
      en: 'Submit dossiers from another system and update their processing status',
    },
  },
  {
    scope: 'statistics:read',
    description: {
      vi: 'Đọc số liệu thống kê và Bộ chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766)',
      en: 'Read statistics and the service index for citizens and businesses (Decision 766)',
    },
  },
  {
    scope: 'sync:dvcqg',
    description: {
      vi: 'Đồng bộ hồ sơ và kết quả với Cổng Dịch vụ công quốc gia',
      en: 'Synchronise dossiers and results with the National Public Service Portal',
    },
  },
  {
    scope: 'calendar:write',
    description: {
      vi: 'Thêm, sửa, xóa ngày nghỉ và ngày làm bù trong lịch làm việc',
      en: 'Add, edit and remove days off and make-up working days in the working calendar',
    },
  },
  {
    scope: 'audit:read',
    description: {
      vi: 'Đọc nhật ký kiểm tra (dành cho hệ thống thanh tra, giám sát)',
      en: 'Read the audit log (for inspection and monitoring systems)',
    },
  },
] as const satisfies readonly { scope: string; description: Bilingual }[];

export type ApiScope = (typeof API_SCOPES)[number]['scope'];

/** Every scope name, in the list's order. */
export const API_SCOPE_NAMES: readonly ApiScope[] = API_SCOPES.map((s) => s.scope);

export const isApiScope = (v: unknown): v is ApiScope =>
  typeof v === 'string' && (API_SCOPE_NAMES as readonly string[]).includes(v);

export function scopeDescription(scope: string): Bilingual | undefined {
  return API_SCOPES.find((s) => s.scope === scope)?.description;
}
