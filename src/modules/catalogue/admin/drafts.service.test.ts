/**
 * Drafts against PostgreSQL: start, save, concurrent saves, discard, publish (who and when, the audit
 * entry, the effective date), refusals (no change, past date, a workflow over the legal time), and
 * the warning for a legal time in calendar days.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase } from '../../../../test/database.js';
import { officerActor } from '../../../../test/factories-actors.js';
import { insertAgency } from '../../../../test/factories-agencies.js';
import { fixedClock } from '../../../platform/clock.js';
import type { Grant } from '../../../platform/http/access.js';
import { versionAt } from '../catalogue.service.js';
import type { ProcedureContent } from '../content.js';
import { insertSampleProcedure, sampleContent } from './catalogue-admin.fixtures.js';
import { selectDraft } from './drafts.repository.js';
import {
  type Caller,
  discardDraft,
  getProcedure,
  publishDraft,
  saveDraft,
  startDraft,
} from './drafts.service.js';

const { db } = await createTestDatabase();
const clock = fixedClock('2026-10-05T03:00:00Z');
const deps = { db, clock };
const province = await insertAgency(db, {
  kind: 'provincial_committee',
  name: 'UBND tỉnh thử',
  units: ['22'],
});
const commune = await insertAgency(db, { parentId: province.id, name: 'UBND xã thử' });
const otherCommune = await insertAgency(db, { parentId: province.id, name: 'UBND xã khác' });

const officer = (id: string, grants: Grant[]): Caller => ({
  principal: { kind: 'officer', id, sessionId: 's', username: id, name: id, grants },
  actor: officerActor(id, id),
});
const system = officer('hethong', [{ role: 'system_admin', agencyId: province.id }]);
const communeAdmin = officer('quantri.xa', [{ role: 'agency_admin', agencyId: commune.id }]);
const specialist = officer('chuyenvien', [{ role: 'specialist', agencyId: province.id }]);

const withFee = (amount: number) => (c: ProcedureContent) => ({
  ...c,
  feeLines: c.feeLines.map((f) => ({ ...f, amount })),
});
const agencyWorkflow =
  (code: string, hours: number[]) =>
  (c: ProcedureContent): ProcedureContent => ({
    ...c,
    workflows: [
      ...c.workflows,
      {
        level: 'commune',
        isDefault: false,
        agencyCode: code,
        onlineTargetMinutes: null,
        steps: hours.map((h) => ({
          kind: 'appraise' as const,
          role: 'Công chức',
          agencyName: null,
          budgetMinutes: h * 60,
        })),
      },
    ],
  });

async function freshProcedure(content?: ProcedureContent) {
  const p = await insertSampleProcedure(db, new Date('2026-01-01T00:00:00Z'), content);
  return getProcedure(db, p.code);
}

describe('drafts', () => {
  it('starts one draft from the version in force, saves, and refuses a stale row version', async () => {
    const p = await freshProcedure();
    const [a, b] = await Promise.all([startDraft(deps, p, system), startDraft(deps, p, system)]);
    assert.equal(a.id, b.id, 'one open draft per procedure');
    assert.equal(a.rowVersion, 1);
    assert.equal(a.content.feeLines[0]?.amount, 50_000);
    const saved = await saveDraft(deps, p, system, 1, withFee(25_000));
    assert.equal(saved.draft.rowVersion, 2);
    assert.equal(saved.draft.updatedBy, 'hethong');
    await assert.rejects(saveDraft(deps, p, system, 1, withFee(30_000)), /catalogue\.draft_changed/);
    const again = await saveDraft(deps, p, system, 1, withFee(25_000));
    assert.equal(again.draft.rowVersion, 2, 'the same content again is a no-op, whatever the row version');
  });

  it('validates the whole content before saving', async () => {
    const p = await freshProcedure();
    await startDraft(deps, p, system);
    await assert.rejects(
      saveDraft(deps, p, system, 1, (c) => ({ ...c, name: '' })),
      (e: Error & { fields?: { field: string }[] }) => e.fields?.some((f) => f.field === 'name') === true,
    );
    await assert.rejects(
      saveDraft(deps, p, system, 1, (c) => ({
        ...c,
        components: c.components.map((x) => ({
          ...x,
          requirement: 'conditional' as const,
          conditionText: null,
        })),
      })),
      /catalogue\.invalid_draft/,
    );
  });

  it('lets a commune administrator change its own workflow only, and refuses budgets over the legal time', async () => {
    const p = await freshProcedure();
    await startDraft(deps, p, communeAdmin);
    await assert.rejects(saveDraft(deps, p, communeAdmin, 1, withFee(1)), /catalogue\.not_allowed/);
    await assert.rejects(
      saveDraft(deps, p, communeAdmin, 1, agencyWorkflow(otherCommune.code, [8])),
      /catalogue\.not_allowed/,
    );
    await assert.rejects(saveDraft(deps, p, specialist, 1, agencyWorkflow(commune.code, [8])), /not_allowed/);
    await assert.rejects(
      saveDraft(deps, p, communeAdmin, 1, agencyWorkflow(commune.code, [40, 20])),
      (e: Error & { text?: { vi: string } }) => {
        assert.equal(
          e.text?.vi,
          'Tổng thời gian các bước 60 giờ vượt thời hạn luật định 56 giờ (7 ngày làm việc)',
        );
        return true;
      },
    );
    const ok = await saveDraft(deps, p, communeAdmin, 1, agencyWorkflow(commune.code, [40, 16]));
    assert.deepEqual(ok.warnings, []);
    const published = await publishDraft(deps, p, communeAdmin, {});
    assert.equal(published.versionNumber, 2);
    const v = await versionAt(db, p.code, clock.now());
    assert.equal(
      v.content.workflows.find((w) => w.agencyCode === commune.code)?.steps[1]?.budgetMinutes,
      16 * 60,
    );
  });

  it('saves with a warning when the legal time is in calendar days or unknown', async () => {
    const days = sampleContent();
    days.channels = days.channels.map((c) => ({ ...c, timeUnit: 'ngay' as const, timeValue: 10 }));
    const p = await freshProcedure(days);
    await startDraft(deps, p, system);
    const saved = await saveDraft(deps, p, system, 1, agencyWorkflow(commune.code, [500]));
    assert.equal(saved.warnings.length, 1);
    assert.match(saved.warnings[0]?.vi ?? '', /tính theo ngày \(lịch\)/);
    const none = await freshProcedure(sampleContent({ channels: [] }));
    await startDraft(deps, none, system);
    const unknown = await saveDraft(deps, none, system, 1, agencyWorkflow(commune.code, [5]));
    assert.match(unknown.warnings[0]?.vi ?? '', /Chưa xác định được thời hạn luật định/);
  });

  it('discards a draft, with an audit entry', async () => {
    const p = await freshProcedure();
    await startDraft(deps, p, system);
    await discardDraft(deps, p, system);
    assert.equal(await selectDraft(db, p.id), undefined);
    const audit = await db.selectFrom('audit_log').select('action').where('object_id', '=', p.id).execute();
    assert.deepEqual(audit.map((a) => a.action).sort(), [
      'catalogue.draft_discarded',
      'catalogue.draft_started',
    ]);
  });
});

describe('publishing', () => {
  it('publishes version 2 with who and when, drops the draft, writes the audit entry; a resubmission publishes nothing more', async () => {
    const p = await freshProcedure();
    const draft = await startDraft(deps, p, system);
    await saveDraft(deps, p, system, 1, withFee(25_000));
    const v = await publishDraft(deps, p, system, { draftId: draft.id });
    assert.equal(v.versionNumber, 2);
    assert.equal(v.effectiveFrom.getTime(), clock.now().getTime());
    const again = await publishDraft(deps, p, system, { draftId: draft.id });
    assert.equal(again.versionNumber, 2);
    const row = await db
      .selectFrom('catalogue_procedure_versions')
      .select(['published_by', 'published_at', 'national_hash', 'content_hash'])
      .where('procedure_id', '=', p.id)
      .orderBy('version_number')
      .execute();
    assert.equal(row.length, 2);
    assert.equal(row[1]?.published_by, 'hethong');
    assert.equal(row[1]?.published_at?.getTime(), clock.now().getTime());
    assert.equal(row[1]?.national_hash, row[0]?.national_hash, 'the national hash of the base version');
    assert.notEqual(row[1]?.content_hash, row[0]?.content_hash);
    assert.equal(await selectDraft(db, p.id), undefined);
    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'actor_label', 'details'])
      .where('object_id', '=', p.id)
      .where('action', '=', 'catalogue.version_published')
      .executeTakeFirstOrThrow();
    assert.equal(audit.actor_label, 'hethong');
    assert.deepEqual((audit.details as { versionNumber: number }).versionNumber, 2);
    assert.equal((await versionAt(db, p.code, clock.now())).content.feeLines[0]?.amount, 25_000);
  });

  it('refuses identical content, a past effective date, and a commune administrator publishing content changes', async () => {
    const p = await freshProcedure();
    await startDraft(deps, p, system);
    await assert.rejects(publishDraft(deps, p, system, {}), (e: Error & { text?: { vi: string } }) => {
      assert.match(e.text?.vi ?? '', /^Không có thay đổi/);
      return true;
    });
    await saveDraft(deps, p, system, 1, withFee(10_000));
    await assert.rejects(publishDraft(deps, p, system, { effectiveFrom: '2026-10-04' }), /effective_in_past/);
    await assert.rejects(publishDraft(deps, p, communeAdmin, {}), /not_allowed/);
    assert.ok(await selectDraft(db, p.id), 'the draft is kept after a refusal');
  });

  it('a version effective from a later day is not in force before it', async () => {
    const p = await freshProcedure();
    await startDraft(deps, p, system);
    await saveDraft(deps, p, system, 1, withFee(20_000));
    const v = await publishDraft(deps, p, system, { effectiveFrom: '2026-11-01' });
    assert.equal(v.effectiveFrom.toISOString(), '2026-10-31T17:00:00.000Z');
    assert.equal((await versionAt(db, p.code, clock.now())).versionNumber, 1);
    assert.equal((await versionAt(db, p.code, new Date('2026-10-31T17:00:00Z'))).versionNumber, 2);
  });

  it('refuses to publish a draft older than a version published since', async () => {
    const p = await freshProcedure();
    await startDraft(deps, p, system);
    await saveDraft(deps, p, system, 1, withFee(1_000));
    clock.advance(1000);
    const other = await startDraft(deps, p, system);
    assert.equal(other.rowVersion, 2, 'still the same draft');
    await db.deleteFrom('catalogue_drafts').where('procedure_id', '=', p.id).execute();
    const second = await startDraft(deps, p, system);
    await saveDraft(deps, p, system, second.rowVersion, withFee(2_000));
    await publishDraft(deps, p, system, {});
    await db
      .insertInto('catalogue_drafts')
      .values({
        id: other.id,
        procedure_id: p.id,
        based_on_version_id: other.basedOnVersionId,
        content: JSON.stringify(other.content),
        created_by: 'x',
        created_at: other.createdAt,
        updated_by: 'x',
        updated_at: other.createdAt,
      })
      .execute();
    await assert.rejects(publishDraft(deps, p, system, {}), /draft_outdated/);
  });
});
