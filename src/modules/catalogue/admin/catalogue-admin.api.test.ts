/**
 * The draft API: a token with catalogue:write starts and saves a draft (If-Match → 412 when stale),
 * a workflow over the legal time is refused as problem+json, publishing is idempotent under its
 * Idempotency-Key, and the draft can be discarded. Other callers: 401 / 403.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildTestApp } from '../../../../test/build-test-app.js';
import { insertAgency } from '../../../../test/factories-agencies.js';
import { insertApiToken, insertOfficer, sessionCookie } from '../../../../test/factories-identity.js';
import { fixedClock } from '../../../platform/clock.js';
import { versionAt } from '../catalogue.service.js';
import type { ProcedureContent } from '../content.js';
import { catalogueModule } from '../index.js';
import { insertSampleProcedure } from './catalogue-admin.fixtures.js';

const clock = fixedClock('2026-10-05T03:00:00Z');

describe('procedure draft API', async () => {
  const { app, ctx } = await buildTestApp({ modules: [catalogueModule], clock });
  const db = ctx.db;
  const commune = await insertAgency(db, { name: 'UBND xã API' });
  const writer = await insertApiToken(db, ['catalogue:write']);
  const reader = await insertApiToken(db, ['catalogue:read']);
  const specialist = await insertOfficer(db, { grants: [{ role: 'specialist' }] });
  const specialistCookie = await sessionCookie(db, { officerId: specialist.id });
  const procedure = await insertSampleProcedure(db, new Date('2026-01-01T00:00:00Z'));
  const url = `/api/v1/procedures/${procedure.code}/draft`;
  const call = (
    method: 'GET' | 'PUT' | 'POST' | 'DELETE',
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ) =>
    app.inject({
      method,
      url: path,
      headers: {
        accept: 'application/json',
        'idempotency-key': `k-${Math.random()}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });
  const auth = { authorization: writer.authorization };

  it('refuses anonymous callers, tokens without catalogue:write and other officers', async () => {
    assert.equal((await call('GET', url, {})).statusCode, 401);
    assert.equal((await call('GET', url, { authorization: reader.authorization })).statusCode, 403);
    assert.equal((await call('GET', url, { cookie: specialistCookie })).statusCode, 403);
    assert.equal((await call('GET', '/api/v1/procedures/3.000000/draft', auth)).statusCode, 404);
  });

  it('starts a draft with a PUT, then saves only with the current row version', async () => {
    assert.equal((await call('GET', url, auth)).statusCode, 404);
    const current = (await versionAt(db, procedure.code, clock.now())).content;
    const cheaper: ProcedureContent = {
      ...current,
      feeLines: current.feeLines.map((f) => ({ ...f, amount: 25_000 })),
    };
    const first = await call('PUT', url, auth, cheaper);
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.headers.etag, '"2"');
    const read = await call('GET', url, auth);
    assert.equal(read.headers.etag, '"2"');
    assert.equal(read.json().content.feeLines[0].amount, 25_000);
    const stale = await call('PUT', url, { ...auth, 'if-match': '"1"' }, { ...cheaper, name: 'Tên khác' });
    assert.equal(stale.statusCode, 412);
    assert.equal(stale.json().code, 'catalogue.draft_changed');
    assert.match(String(stale.headers['content-type']), /problem\+json/);
    const bad = await call('PUT', url, { ...auth, 'if-match': '"2"' }, { ...cheaper, name: '' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].field, 'name');
  });

  it('refuses a workflow over the legal time and warns on calendar days', async () => {
    const draft = (await call('GET', url, auth)).json();
    const content: ProcedureContent = draft.content;
    const over = {
      ...content,
      workflows: [
        ...content.workflows,
        {
          level: 'commune',
          isDefault: false,
          agencyCode: commune.code,
          onlineTargetMinutes: null,
          steps: [{ kind: 'appraise', role: 'Công chức', agencyName: null, budgetMinutes: 60 * 60 }],
        },
      ],
    };
    const res = await call('PUT', url, { ...auth, 'if-match': `"${draft.rowVersion}"` }, over);
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'catalogue.workflow_exceeds_legal_time');
    assert.match(res.json().errors[0].message, /60 giờ vượt thời hạn luật định 56 giờ/);
  });

  it('publishes once under one Idempotency-Key, then the draft is gone', async () => {
    const key = { ...auth, 'idempotency-key': 'publish-once' };
    const first = await call('POST', `${url}/publish`, key, { effectiveFrom: '2026-10-05' });
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(first.json().versionNumber, 2);
    const retry = await call('POST', `${url}/publish`, key, { effectiveFrom: '2026-10-05' });
    assert.equal(retry.statusCode, 201);
    assert.equal(retry.json().versionNumber, 2);
    assert.equal((await call('GET', url, auth)).statusCode, 404);
    const again = await call('POST', `${url}/publish`, auth, {});
    assert.equal(again.statusCode, 404);
    const token = await db
      .selectFrom('api_tokens')
      .select('name')
      .where('id', '=', writer.id)
      .executeTakeFirstOrThrow();
    assert.equal((await versionAt(db, procedure.code, clock.now())).publishedBy, token.name);
  });

  it('discards a draft', async () => {
    const current = (await versionAt(db, procedure.code, clock.now())).content;
    assert.equal((await call('PUT', url, auth, { ...current, name: 'Bản nháp để hủy' })).statusCode, 200);
    assert.equal((await call('DELETE', url, auth)).statusCode, 204);
    assert.equal((await call('GET', url, auth)).statusCode, 404);
  });
});
