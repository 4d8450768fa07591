/**
 * The links of the officers' landing page (`GET /can-bo`): each page an officer may use, with the
 * roles that may use it. Other parts of the system append theirs (officerLinks.push(...)); the page
 * shows only the links the officer's roles allow.
 */
import type { Bilingual } from '../../platform/errors.js';
import type { Role } from '../../platform/http/access.js';

export interface OfficerLink {
  href: string;
  label: Bilingual;
  roles: readonly Role[] | 'any';
}

export const officerLinks: OfficerLink[] = [
  { href: '/can-bo/doi-mat-khau', label: { vi: 'Đổi mật khẩu', en: 'Change your password' }, roles: 'any' },
  {
    href: '/quan-tri/can-bo',
    label: { vi: 'Quản trị cán bộ', en: 'Officer administration' },
    roles: ['agency_admin', 'system_admin', 'inspector'],
  },
  {
    href: '/quan-tri/nhat-ky',
    label: { vi: 'Nhật ký kiểm tra', en: 'Audit log' },
    roles: ['inspector', 'system_admin', 'agency_admin'],
  },
  {
    href: '/quan-tri/co-quan',
    label: { vi: 'Quản trị cơ quan', en: 'Agency administration' },
    roles: ['agency_admin', 'system_admin'],
  },
  {
    href: '/quan-tri/lich-lam-viec',
    label: { vi: 'Quản trị lịch làm việc', en: 'Working calendar administration' },
    roles: ['system_admin'],
  },
  {
    href: '/quan-tri/api-tokens',
    label: { vi: 'Mã truy cập API (kết nối hệ thống khác)', en: 'API tokens (connected systems)' },
    roles: ['system_admin'],
  },
];

export function linksFor(roles: readonly Role[]): OfficerLink[] {
  return officerLinks.filter((l) => l.roles === 'any' || l.roles.some((r) => roles.includes(r)));
}
