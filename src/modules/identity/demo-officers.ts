/**
 * Demo officers (cán bộ minh họa): one per role in the demo agencies of Quảng Ninh, plus a second
 * one-stop officer in another commune to show that each commune sees only its own. Usernames,
 * the password and the TOTP secrets are fixed and published (docs/demo.md, printed by `npm start`),
 * so they must never exist in production: the seed refuses to run there, whatever the config says.
 */

import { recordAudit } from '../../platform/audit/record.js';
import type { Role } from '../../platform/http/access.js';
import { newId } from '../../platform/ids.js';
import type { AppContext, DemoAccount } from '../../platform/module.js';
import { findAgencyByCode } from '../admin-units/index.js';
import * as repo from './officers-admin.repository.js';
import { hashPassword } from './passwords.js';
import { seal, secretBoxKey } from './secret-box.js';

/** The one password of every demo officer (published: demo only). */
export const DEMO_OFFICER_PASSWORD = 'MotCua@Demo2026';

interface DemoOfficer {
  username: string;
  fullName: string;
  jobTitle: string;
  role: Role;
  /** Identifier code of the agency (agencies.seed.ts). */
  agency: string;
  /** Base32, for roles that require a second factor (published: demo only). */
  totpSecret?: string;
}

const HA_LONG = 'H22.102';
const HA_LONG_CENTRE = 'H22.102.01';
const BA_CHE_CENTRE = 'H22.107.01';
const PROVINCE = '000.00.00.H22';

export const DEMO_OFFICERS: readonly DemoOfficer[] = [
  {
    username: 'motcua.tiepnhan',
    fullName: 'Nguyễn Thị Thu Hà',
    jobTitle: 'Công chức tiếp nhận',
    role: 'one_stop',
    agency: HA_LONG_CENTRE,
  },
  {
    username: 'motcua.chuyenvien',
    fullName: 'Trần Minh Đức',
    jobTitle: 'Chuyên viên',
    role: 'specialist',
    agency: HA_LONG,
  },
  {
    username: 'motcua.truongphong',
    fullName: 'Lê Thị Hồng Nhung',
    jobTitle: 'Trưởng phòng',
    role: 'department_head',
    agency: HA_LONG,
  },
  {
    username: 'motcua.lanhdao',
    fullName: 'Phạm Văn Quang',
    jobTitle: 'Phó Chủ tịch UBND phường',
    role: 'agency_leader',
    agency: HA_LONG,
    totpSecret: 'OVTXQUTUGOAWIOMSTF5D4YLYPRX4W2IM',
  },
  {
    username: 'motcua.vanthu',
    fullName: 'Hoàng Thị Mai',
    jobTitle: 'Văn thư',
    role: 'clerk',
    agency: HA_LONG,
  },
  {
    username: 'motcua.quantri',
    fullName: 'Vũ Đình Khôi',
    jobTitle: 'Quản trị hệ thống cơ quan',
    role: 'agency_admin',
    agency: HA_LONG,
    totpSecret: 'ECH5VUQZC6PULBSQPMX6WWFRQU6GAKA4',
  },
  {
    username: 'motcua.hethong',
    fullName: 'Đặng Quốc Bảo',
    jobTitle: 'Quản trị hệ thống',
    role: 'system_admin',
    agency: PROVINCE,
    totpSecret: 'QCDOONVEM6KY77ZKSNAD5ZDCI4HLUWTC',
  },
  {
    username: 'motcua.thanhtra',
    fullName: 'Bùi Thanh Sơn',
    jobTitle: 'Thanh tra viên',
    role: 'inspector',
    agency: PROVINCE,
  },
  {
    username: 'motcua.giamsat',
    fullName: 'Đỗ Thị Lan Anh',
    jobTitle: 'Chuyên viên giám sát',
    role: 'provincial_monitor',
    agency: PROVINCE,
  },
  {
    username: 'motcua.tiepnhan2',
    fullName: 'Ngô Văn Tùng',
    jobTitle: 'Công chức tiếp nhận',
    role: 'one_stop',
    agency: BA_CHE_CENTRE,
  },
];

type Ctx = Pick<AppContext, 'db' | 'clock' | 'config' | 'serverSecret'>;

/** Idempotent: an existing username keeps its row; a missing grant is added back. */
export async function seedDemoOfficers(ctx: Ctx): Promise<DemoAccount[]> {
  if (ctx.config.production) throw new Error('demo officers are refused in production (NODE_ENV=production)');
  const now = ctx.clock.now();
  const passwordHash = await hashPassword(DEMO_OFFICER_PASSWORD);
  const key = secretBoxKey(ctx.serverSecret);
  const accounts: DemoAccount[] = [];
  for (const d of DEMO_OFFICERS) {
    const agency = await findAgencyByCode(ctx.db, d.agency, now);
    if (!agency) throw new Error(`demo officers need the demo agency ${d.agency} (admin-units seed first)`);
    await ctx.db.transaction().execute(async (trx) => {
      let id = (await repo.selectOfficerByUsername(trx, d.username))?.id;
      if (!id) {
        id = newId();
        const profile = {
          fullName: d.fullName,
          email: `${d.username}@demo.motcua.vn`,
          phone: null,
          jobTitle: d.jobTitle,
        };
        await repo.insertOfficerRow(
          trx,
          {
            id,
            username: d.username,
            ...profile,
            passwordHash,
            mustChangePassword: false,
            totpSecretEnc: d.totpSecret ? seal(key, d.totpSecret) : null,
          },
          now,
        );
        await recordAudit(
          trx,
          {
            actorKind: 'system',
            actorLabel: 'demo-seed',
            action: 'officer.created',
            objectType: 'officer',
            objectId: id,
            agencyId: agency.id,
          },
          now,
        );
      }
      if (await repo.insertGrant(trx, id, { agencyId: agency.id, role: d.role }, 'system:demo-seed', now)) {
        await recordAudit(
          trx,
          {
            actorKind: 'system',
            actorLabel: 'demo-seed',
            action: 'officer.role_granted',
            objectType: 'officer',
            objectId: id,
            agencyId: agency.id,
            details: { role: d.role, agencyId: agency.id },
          },
          now,
        );
      }
    });
    accounts.push({
      role: d.role,
      login: d.username,
      password: DEMO_OFFICER_PASSWORD,
      agency: agency.name,
      ...(d.totpSecret ? { totpSecret: d.totpSecret } : {}),
    });
  }
  return accounts;
}
