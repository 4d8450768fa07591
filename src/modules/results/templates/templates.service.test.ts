/**
 * Result templates' use cases on a real database: which template applies (the agency's own, else
 * the province-wide one, else the default), saving with a row version (a stale save is refused and
 * changes nothing), who may save which scope, the audit entry, the one-page check.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../../test/build-test-app.js';
import { ONLINE_PROCEDURE, officerPrincipal, seedIntakeWorld } from '../../../../test/factories-dossiers.js';
import { insertOfficer } from '../../../../test/factories-identity.js';
import { auditActorOf } from '../../../platform/audit/actor.js';
import { AppError } from '../../../platform/errors.js';
import type { Principal, Role } from '../../../platform/http/access.js';
import {
  getProcedureFacts,
  resultNameOf,
  saveTemplate,
  templateFor,
  templateOfScope,
} from './templates.service.js';
import type { TemplateInput } from './validation.js';

const input = (over: Partial<TemplateInput> = {}): TemplateInput => ({
  title: 'Giấy khai sinh (bản chính)',
  symbolKind: 'GKS',
  intro: 'Căn cứ Luật Hộ tịch năm 2014;',
  grantLine: '{agency} cấp {title.lower} cho:',
  closing: '',
  validityMonths: '',
  signerTitle: '',
  fields: [{ label: 'Họ và tên', source: 'applicant.name' }],
  ...over,
});

const code = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return 'ok';
};

describe('result templates (service)', async () => {
  const { ctx } = await buildTestApp({ modules: [] });
  const world = await seedIntakeWorld(ctx.db);
  const admin = async (role: Role, agencyId: string): Promise<Principal> =>
    officerPrincipal(await insertOfficer(ctx.db, { grants: [{ role, agencyId }] }));
  const wardAdmin = await admin('agency_admin', world.ward.id);
  const otherAdmin = await admin('agency_admin', world.otherWard.id);
  const provinceAdmin = await admin('agency_admin', world.province.id);
  const system = await admin('system_admin', world.otherWard.id);
  const caller = (p: Principal) => ({ principal: p, actor: auditActorOf(p, '127.0.0.1') });
  const procedure = await getProcedureFacts(ctx.db, ONLINE_PROCEDURE);

  it('applies the default, then the province-wide template, then the agency’s own', async () => {
    const name = resultNameOf(procedure);
    assert.equal(name, 'Giấy khai sinh');
    const d = await templateFor(ctx.db, ONLINE_PROCEDURE, world.ward.id, name);
    assert.equal(d.origin, 'default');
    assert.equal(d.title, 'Giấy khai sinh');
    assert.equal(d.symbolKind, 'GKS');

    await saveTemplate(ctx, caller(provinceAdmin), procedure, {
      agencyId: null,
      expectedRowVersion: 0,
      input: input({ title: 'Giấy khai sinh (mẫu tỉnh)', symbolKind: 'KS' }),
    });
    const p = await templateFor(ctx.db, ONLINE_PROCEDURE, world.ward.id, name);
    assert.equal(p.origin, 'province');
    assert.equal(p.title, 'Giấy khai sinh (mẫu tỉnh)');
    assert.equal((await templateFor(ctx.db, ONLINE_PROCEDURE, world.otherWard.id, name)).origin, 'province');

    await saveTemplate(ctx, caller(wardAdmin), procedure, {
      agencyId: world.ward.id,
      expectedRowVersion: 0,
      input: input({ title: 'Giấy khai sinh (mẫu phường)', validityMonths: '24' }),
    });
    const own = await templateFor(ctx.db, ONLINE_PROCEDURE, world.ward.id, name);
    assert.equal(own.origin, 'agency');
    assert.equal(own.title, 'Giấy khai sinh (mẫu phường)');
    assert.equal(own.validityMonths, 24);
    assert.deepEqual(own.fields, [{ label: 'Họ và tên', source: 'applicant.name' }]);
    assert.equal(
      (await templateFor(ctx.db, ONLINE_PROCEDURE, world.otherWard.id, name)).title,
      'Giấy khai sinh (mẫu tỉnh)',
      'another agency keeps the province-wide one',
    );
    assert.equal((await templateFor(ctx.db, '2.990002', world.ward.id, 'Phiếu')).origin, 'default');
  });

  it('updates at the row version read, refuses a stale save and changes nothing', async () => {
    const before = (await templateOfScope(ctx.db, procedure, world.ward.id)).template;
    assert.equal(before.rowVersion, 1);
    const saved = await saveTemplate(ctx, caller(wardAdmin), procedure, {
      agencyId: world.ward.id,
      expectedRowVersion: 1,
      input: input({ title: 'Giấy khai sinh (sửa lần 2)' }),
    });
    assert.equal(saved.rowVersion, 2);
    assert.equal(
      await code(
        saveTemplate(ctx, caller(wardAdmin), procedure, {
          agencyId: world.ward.id,
          expectedRowVersion: 1,
          input: input({ title: 'Ghi đè cũ' }),
        }),
      ),
      'results.template_changed',
    );
    assert.equal(
      await code(
        saveTemplate(ctx, caller(system), procedure, {
          agencyId: null,
          expectedRowVersion: 0,
          input: input(),
        }),
      ),
      'results.template_changed',
      'a second "new" province-wide template is a concurrent creation',
    );
    const after = (await templateOfScope(ctx.db, procedure, world.ward.id)).template;
    assert.equal(after.title, 'Giấy khai sinh (sửa lần 2)');
    assert.equal(after.rowVersion, 2);
    const audit = await ctx.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'agency_id', 'details'])
      .where('action', '=', 'results.template_saved')
      .where('actor_id', '=', wardAdmin.id)
      .execute();
    assert.equal(audit.length, 2);
    assert.equal(audit[0]?.agency_id, world.ward.id);
  });

  it('lets each administrator save only the scopes they cover', async () => {
    const save = (p: Principal, agencyId: string | null) =>
      code(saveTemplate(ctx, caller(p), procedure, { agencyId, expectedRowVersion: 0, input: input() }));
    assert.equal(await save(otherAdmin, world.ward.id), 'results.template_not_allowed');
    assert.equal(await save(wardAdmin, null), 'results.template_not_allowed');
    assert.equal(await save(otherAdmin, null), 'results.template_not_allowed');
    assert.equal(
      await save(await admin('specialist', world.ward.id), world.ward.id),
      'results.template_not_allowed',
    );
    assert.equal(await save(wardAdmin, world.wardCentre.id), 'ok', 'an agency below the grant is covered');
    assert.equal(
      await save(provinceAdmin, world.otherWard.id),
      'ok',
      'the province’s administrator covers every agency',
    );
  });

  it('refuses invalid input and a body too long for one page, with errors at the fields', async () => {
    const bad = await saveTemplate(ctx, caller(system), procedure, {
      agencyId: world.department.id,
      expectedRowVersion: 0,
      input: input({ symbolKind: 'G-K', intro: 'Căn cứ {khong_co};' }),
    }).catch((e: unknown) => e);
    assert.ok(bad instanceof AppError);
    assert.equal(bad.code, 'results.template_invalid');
    assert.deepEqual(bad.fields.map((f) => f.field).sort(), ['intro', 'symbolKind']);
    const long = await saveTemplate(ctx, caller(system), procedure, {
      agencyId: world.department.id,
      expectedRowVersion: 0,
      input: input({
        intro: Array.from(
          { length: 14 },
          (_, i) =>
            `Căn cứ văn bản số ${i + 1} quy định chi tiết thi hành luật, một dòng dài để lấp đầy trang giấy;`,
        ).join('\n'),
      }),
    }).catch((e: unknown) => e);
    assert.ok(long instanceof AppError);
    assert.equal(long.code, 'results.template_too_long');
    assert.equal(long.fields[0]?.field, 'fields');
    assert.equal((await templateOfScope(ctx.db, procedure, world.department.id)).saved, false);
  });
});
