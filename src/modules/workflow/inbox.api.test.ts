import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../test/build-test-app.js';
import { insertAgency } from '../../../test/factories-agencies.js';
import {
  officerPrincipal,
  seedIntakeWorld,
  submitOnlineDossier,
  TAX_PARTNER,
} from '../../../test/factories-dossiers.js';
import { insertOfficer, sessionCookie } from '../../../test/factories-identity.js';
import { newId } from '../../platform/ids.js';
import { receiveDossier } from '../dossiers/index.js';
import { applyProcessingAction } from './processing.service.js';

const { app, ctx } = await buildTestApp();
const db = ctx.db;
const world = await seedIntakeWorld(db);
await insertAgency(db, { kind: 'tax', name: TAX_PARTNER, parentId: world.province.id, units: ['22'] });
const otherSpecialist = await insertOfficer(db, {
  grants: [{ agencyId: world.otherWard.id, role: 'specialist' }],
});
const desk = officerPrincipal(world.desk);

/** A dossier at the ward's appraisal step, nobody holding it yet. */
async function atAppraisal(key: string) {
  const d = await submitOnlineDossier(ctx, world, key);
  await receiveDossier(ctx, desk, d.code, {});
  await applyProcessingAction(ctx, desk, d.code, 'start');
  await applyProcessingAction(ctx, desk, d.code, 'transfer');
  await applyProcessingAction(ctx, officerPrincipal(world.specialist), d.code, 'receive_handover');
  return d;
}
const a = await atAppraisal('inbox-api-0001');

const cookies = {
  specialist: await sessionCookie(db, { officerId: world.specialist.id }),
  other: await sessionCookie(db, { officerId: otherSpecialist.id }),
  citizen: await sessionCookie(db, { citizenId: world.citizen.id }),
};
const get = (url: string, cookie: string | null) =>
  app.inject({ method: 'GET', url, headers: { ...(cookie ? { cookie } : {}), accept: 'application/json' } });

interface Page {
  items: {
    id: string;
    code: string;
    status: number;
    step: { role: string; assignee: string | null } | null;
  }[];
  next: string | null;
  count: number;
  more: boolean;
}

describe('GET /api/v1/inbox', () => {
  it('401 anonymous, 403 a citizen', async () => {
    assert.equal((await get('/api/v1/inbox', null)).statusCode, 401);
    assert.equal((await get('/api/v1/inbox', cookies.citizen)).statusCode, 403);
  });

  it('lists the unclaimed step for the ward’s specialist, then in "mine" once claimed', async () => {
    const res = await get('/api/v1/inbox?view=unclaimed', cookies.specialist);
    assert.equal(res.statusCode, 200, res.body);
    const page = res.json() as Page;
    assert.deepEqual(
      page.items.map((i) => i.code),
      [a.code],
    );
    assert.equal(page.count, 1);
    assert.equal(page.more, false);
    assert.equal(page.next, null);
    assert.equal(page.items[0]?.step?.role, 'specialist');
    assert.equal(((await get('/api/v1/inbox?view=unclaimed', cookies.other)).json() as Page).count, 0);

    const b = await atAppraisal('inbox-api-0002');
    await applyProcessingAction(ctx, officerPrincipal(world.specialist), b.code, 'claim');
    const mine = (await get('/api/v1/inbox', cookies.specialist)).json() as Page;
    assert.deepEqual(
      mine.items.map((i) => [i.code, i.step?.assignee]),
      [[b.code, world.specialist.id]],
    );
    const filtered = (await get('/api/v1/inbox?view=mine&channel=1', cookies.specialist)).json() as Page;
    assert.equal(filtered.count, 0);
  });

  it('pages with a keyset cursor: 30 rows, then the rest, none twice', async () => {
    const base = await db.selectFrom('dossiers').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow();
    const copies = Array.from({ length: 32 }, (_, i) => ({
      ...base,
      applicant: JSON.stringify(base.applicant),
      owner: base.owner === null ? null : JSON.stringify(base.owner),
      id: newId(),
      code: `INBOXAPI.T-260302-${String(i + 1).padStart(5, '0')}`,
      step_id: null,
      step_due_at: new Date(Date.now() + (i + 1) * 3_600_000),
    }));
    await db.insertInto('dossiers').values(copies).execute();
    const first = (await get('/api/v1/inbox?view=unclaimed', cookies.specialist)).json() as Page;
    assert.equal(first.items.length, 30);
    assert.equal(first.count, 33);
    assert.ok(first.next);
    const second = (
      await get(`/api/v1/inbox?view=unclaimed&cursor=${first.next}`, cookies.specialist)
    ).json() as Page;
    assert.equal(second.items.length, 3);
    assert.equal(second.next, null);
    const all = [...first.items, ...second.items].map((i) => i.id);
    assert.equal(new Set(all).size, 33);
    await db
      .deleteFrom('dossiers')
      .where(
        'id',
        'in',
        copies.map((c) => c.id),
      )
      .execute();
  });

  it('refuses a bad view, cursor or date with a bilingual 400', async () => {
    for (const [query, code] of [
      ['view=everything', 'request.validation'],
      ['cursor=not-a-cursor', 'inbox.invalid_cursor'],
      ['from=2026-02-30', 'inbox.invalid_date'],
      ['to=02/03/2026', 'inbox.invalid_date'],
      ['status=11', 'inbox.invalid_filter'],
    ] as const) {
      const res = await get(`/api/v1/inbox?${query}`, cookies.specialist);
      assert.equal(res.statusCode, 400, query);
      assert.match(String(res.headers['content-type']), /problem\+json/);
      const body = res.json() as { code: string; title: string };
      assert.equal(body.code, code, query);
      assert.ok(body.title.length > 0);
    }
    const vi = await get('/api/v1/inbox?from=2026-13-01', cookies.specialist);
    assert.match((vi.json() as { title: string }).title, /Ngày không hợp lệ/);
    const en = await get('/api/v1/inbox?from=2026-13-01&lang=en', cookies.specialist);
    assert.match((en.json() as { title: string }).title, /Invalid date/);
  });

  it('filters by received date (Viet Nam days)', async () => {
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const hit = (
      await get(`/api/v1/inbox?view=unclaimed&from=${today}&to=${today}`, cookies.specialist)
    ).json() as Page;
    assert.ok(hit.items.some((i) => i.code === a.code));
    const none = (await get('/api/v1/inbox?view=unclaimed&to=2020-01-01', cookies.specialist)).json() as Page;
    assert.equal(none.count, 0);
  });
});

describe('GET /api/v1/dossiers/search', () => {
  it('finds by code, name without diacritics and phone, only in the officer’s agencies', async () => {
    for (const q of [a.code, 'nguyen thi huong', '0912345678']) {
      const res = await get(`/api/v1/dossiers/search?q=${encodeURIComponent(q)}`, cookies.specialist);
      assert.equal(res.statusCode, 200, res.body);
      assert.ok(
        (res.json() as Page).items.some((i) => i.code === a.code),
        q,
      );
    }
    const other = await get(`/api/v1/dossiers/search?q=${encodeURIComponent(a.code)}`, cookies.other);
    assert.deepEqual((other.json() as Page).items, []);
    const nothing = await get('/api/v1/dossiers/search?q=%20', cookies.specialist);
    assert.deepEqual((nothing.json() as Page).items, []);
    assert.equal((await get('/api/v1/dossiers/search?q=x', cookies.citizen)).statusCode, 403);
    assert.equal((await get('/api/v1/dossiers/search?q=x', null)).statusCode, 401);
  });
});
