/**
 * Turns the dossiers module's events into in-app messages: the citizen hears of each outcome of
 * intake, the receiving centre's desk of what waits for it. E-mail, SMS and Zalo adapters come with
 * a later issue and will read the same events.
 */
import { defineJob } from '../../platform/jobs.js';
import type { AppContext } from '../../platform/module.js';
import { DOSSIER_EVENT_JOB, type DossierEvent, type DossierEventKind } from '../dossiers/index.js';
import { deskOfficers, insertMessages, type Recipient } from './notifications.repository.js';

const DATE = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

type Text = (e: DossierEvent) => { title: string; body: string };

/** What the citizen is told (none: nothing to say to them). */
const TO_CITIZEN: Partial<Record<DossierEventKind, Text>> = {
  submitted: (e) => ({
    title: `Đã nộp hồ sơ ${e.code}`,
    body: `Hồ sơ "${e.procedureName}" đã được gửi và đang chờ cán bộ tiếp nhận kiểm tra.`,
  }),
  received: (e) => ({
    title: `Hồ sơ ${e.code} đã được tiếp nhận`,
    body: `Hồ sơ "${e.procedureName}" đã được tiếp nhận.${e.detail ? ` Hẹn trả kết quả: ${DATE.format(new Date(e.detail))}.` : ''} Giấy tiếp nhận (Mẫu 01) có trong trang hồ sơ.`,
  }),
  completion_requested: (e) => ({
    title: `Hồ sơ ${e.code} cần bổ sung`,
    body: `Hồ sơ "${e.procedureName}" cần bổ sung, hoàn thiện: ${e.detail ?? ''}. Xem Phiếu yêu cầu bổ sung (Mẫu 02) và gửi lại hồ sơ.`,
  }),
  refused: (e) => ({
    title: `Hồ sơ ${e.code} không được tiếp nhận`,
    body: `Hồ sơ "${e.procedureName}" không được tiếp nhận. Lý do: ${e.detail ?? ''}. Xem Phiếu từ chối (Mẫu 03).`,
  }),
  withdrawn: (e) => ({
    title: `Hồ sơ ${e.code} đã được rút`,
    body: `Hồ sơ "${e.procedureName}" đã được rút theo yêu cầu.`,
  }),
};

/** What the receiving centre's desk is told. */
const TO_DESK: Partial<Record<DossierEventKind, Text>> = {
  submitted: (e) => ({
    title: `Hồ sơ mới ${e.code}`,
    body: `Hồ sơ trực tuyến "${e.procedureName}" chờ tiếp nhận.`,
  }),
  completion_submitted: (e) => ({
    title: `Hồ sơ ${e.code} đã được bổ sung`,
    body: `Công dân đã bổ sung hồ sơ "${e.procedureName}": hãy kiểm tra và tiếp nhận.`,
  }),
  withdrawal_requested: (e) => ({
    title: `Đề nghị rút hồ sơ ${e.code}`,
    body: `Công dân đề nghị rút hồ sơ "${e.procedureName}". Lý do: ${e.detail ?? ''}.`,
  }),
};

export function dossierEventJob(ctx: AppContext) {
  return defineJob<DossierEvent>({
    name: DOSSIER_EVENT_JOB,
    async handler(e) {
      const at = ctx.clock.now();
      const citizenText = TO_CITIZEN[e.kind];
      if (citizenText && e.accountId) {
        const to: Recipient[] = [{ kind: 'citizen', id: e.accountId }];
        await insertMessages(
          ctx.db,
          to,
          { eventKey: e.eventId, link: `/ho-so-cua-toi/${e.code}`, ...citizenText(e) },
          at,
        );
      }
      const deskText = TO_DESK[e.kind];
      // The desk is not told of dossiers it entered itself.
      if (deskText && !(e.kind === 'submitted' && e.filedBy === 'officer')) {
        const officers = await deskOfficers(ctx.db, e.receivingAgencyId);
        const to = officers.map((id): Recipient => ({ kind: 'officer', id }));
        await insertMessages(
          ctx.db,
          to,
          { eventKey: e.eventId, link: `/mot-cua/ho-so/${e.code}`, ...deskText(e) },
          at,
        );
      }
    },
  });
}
