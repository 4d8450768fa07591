/**
 * Turns the workflow module's events into in-app messages: the citizen hears of each outcome of
 * processing, officers of what waits for them (a step handed to their pool or to them, a due time
 * coming, a letter to approve), each morning's digest and each week's list of online dossiers not yet
 * received. E-mail, SMS and Zalo adapters come with a later issue and will read the same events.
 */
import { defineJob } from '../../platform/jobs.js';
import type { AppContext } from '../../platform/module.js';
import { WORKFLOW_EVENT_JOB, type WorkflowEvent, type WorkflowEventKind } from '../workflow/index.js';
import { deskOfficers, insertMessages, type Recipient, roleOfficers } from './notifications.repository.js';

const DATE = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const when = (iso: string | null | undefined) => (iso ? DATE.format(new Date(iso)) : 'chưa có hạn');

type Text = (e: WorkflowEvent) => { title: string; body: string };

/** What the citizen is told. */
const TO_CITIZEN: Partial<Record<WorkflowEventKind, Text>> = {
  supplement_requested: (e) => ({
    title: `Hồ sơ ${e.dossierCode} cần bổ sung giấy tờ`,
    body: `Cơ quan giải quyết hồ sơ "${e.procedureName}" đề nghị bổ sung: ${e.detail ?? ''}. Thời hạn giải quyết tạm dừng cho đến khi bạn bổ sung (trực tuyến hoặc tại bộ phận một cửa).`,
  }),
  payment_requested: (e) => ({
    title: `Hồ sơ ${e.dossierCode}: thực hiện nghĩa vụ tài chính`,
    body: `Để tiếp tục giải quyết hồ sơ "${e.procedureName}", bạn cần nộp: ${e.detail ?? ''}. Thời hạn giải quyết tạm dừng cho đến khi bạn nộp xong.`,
  }),
  payment_recorded: (e) => ({
    title: `Hồ sơ ${e.dossierCode}: đã ghi nhận khoản nộp`,
    body: `Khoản nộp cho hồ sơ "${e.procedureName}" đã được ghi nhận; hồ sơ tiếp tục được giải quyết.`,
  }),
  completed: (e) => ({
    title: `Hồ sơ ${e.dossierCode} đã có kết quả`,
    body: `Hồ sơ "${e.procedureName}" đã được giải quyết xong. ${e.detail ?? 'Kết quả được trả theo hình thức bạn đã chọn.'}`,
  }),
  result_returned: (e) => ({
    title: `Hồ sơ ${e.dossierCode} đã trả kết quả`,
    body: `Kết quả của hồ sơ "${e.procedureName}" đã được trả. Kết quả điện tử có trong mục Hồ sơ của tôi và Kho dữ liệu của bạn.`,
  }),
  stopped: (e) => ({
    title: `Hồ sơ ${e.dossierCode} bị dừng giải quyết`,
    body: `Hồ sơ "${e.procedureName}" bị dừng giải quyết. Lý do: ${e.detail ?? ''}. Xem Thông báo dừng giải quyết hồ sơ trong trang hồ sơ.`,
  }),
  withdrawn: (e) => ({
    title: `Hồ sơ ${e.dossierCode} đã được rút`,
    body: `Hồ sơ "${e.procedureName}" đã được rút theo yêu cầu. Lý do: ${e.detail ?? ''}.`,
  }),
  apology_sent: (e) => ({
    title: `Hồ sơ ${e.dossierCode}: thư xin lỗi và hẹn lại ngày trả kết quả`,
    body: `Cơ quan giải quyết xin lỗi vì hồ sơ "${e.procedureName}" chưa có kết quả đúng hẹn. Ngày hẹn trả mới: ${e.detail ?? ''}. Thư xin lỗi (PDF) có trong trang hồ sơ.`,
  }),
};

/** What officers are told (the named ones, a step's pool or a centre's desk). */
const TO_OFFICERS: Partial<Record<WorkflowEventKind, Text>> = {
  supplement_requested: (e) => ({
    title: `Hồ sơ ${e.dossierCode} cần công dân bổ sung`,
    body: `Cơ quan giải quyết yêu cầu bổ sung hồ sơ "${e.procedureName}": ${e.detail ?? ''}. Khi công dân nộp bổ sung tại quầy, hãy ghi nhận trên hồ sơ.`,
  }),
  supplement_received: (e) => ({
    title: `Hồ sơ ${e.dossierCode} đã được bổ sung`,
    body: `Hồ sơ "${e.procedureName}" đã được bổ sung; thời hạn tiếp tục tính, hạn mới đã được cập nhật.`,
  }),
  completed: (e) => ({
    title: `Hồ sơ ${e.dossierCode} chờ trả kết quả`,
    body: `Hồ sơ "${e.procedureName}" đã giải quyết xong: hãy trả kết quả cho công dân.`,
  }),
  stopped: (e) => ({
    title: `Hồ sơ ${e.dossierCode} bị dừng giải quyết`,
    body: `Hồ sơ "${e.procedureName}" bị dừng. Lý do: ${e.detail ?? ''}.`,
  }),
  apology_sent: (e) => ({
    title: `Hồ sơ ${e.dossierCode} đã gia hạn`,
    body: `Thư xin lỗi của hồ sơ "${e.procedureName}" đã được phê duyệt và gửi; ngày hẹn trả mới ${e.detail ?? ''}.`,
  }),
  assigned: (e) => ({
    title: `Bạn được giao hồ sơ ${e.dossierCode}`,
    body: `Hồ sơ "${e.procedureName}" đã được giao cho bạn xử lý.`,
  }),
  handover_waiting: (e) => ({
    title: `Hồ sơ ${e.dossierCode} chờ xử lý`,
    body: `Hồ sơ "${e.procedureName}" đã được chuyển đến bước của bạn.${e.detail ? ` Ghi chú: ${e.detail}.` : ''}`,
  }),
  step_due_soon: (e) => ({
    title: `Hồ sơ ${e.dossierCode} sắp đến hạn bước xử lý`,
    body: `Bước đang xử lý của hồ sơ "${e.procedureName}" đến hạn lúc ${when(e.dueAt)}.`,
  }),
  dossier_due_soon: (e) => ({
    title: `Hồ sơ ${e.dossierCode} sắp quá hạn trả kết quả`,
    body: `Hồ sơ "${e.procedureName}" hẹn trả lúc ${when(e.dueAt)}. Nếu không kịp, thư xin lỗi (Mẫu 04) đã được dự thảo để lãnh đạo phê duyệt trước hạn ít nhất một ngày làm việc.`,
  }),
  apology_drafted: (e) => ({
    title: `Thư xin lỗi hồ sơ ${e.dossierCode} chờ phê duyệt`,
    body: `Hồ sơ "${e.procedureName}" hẹn trả lúc ${when(e.dueAt)}: thư xin lỗi và hẹn lại ngày trả kết quả chờ bạn phê duyệt.`,
  }),
  daily_digest: (e) => ({
    title: 'Hồ sơ cần xử lý hôm nay',
    body: listBody(e),
  }),
  weekly_unreceived: (e) => ({
    title: 'Hồ sơ trực tuyến chưa tiếp nhận',
    body: listBody(e),
  }),
};

function listBody(e: WorkflowEvent): string {
  return (e.lists ?? [])
    .filter((l) => l.lines.length > 0)
    .map(
      (l) =>
        `${l.title} (${l.lines.length}): ${l.lines
          .slice(0, 20)
          .map((x) => `${x.code}${x.dueAt ? ` (hạn ${when(x.dueAt)})` : ''}`)
          .join(', ')}${l.lines.length > 20 ? ', …' : ''}`,
    )
    .join('\n');
}

/** The officers an event is for, without duplicates. */
async function officersOf(ctx: AppContext, e: WorkflowEvent): Promise<string[]> {
  const ids = new Set(e.to.officerIds ?? []);
  if (e.to.role) for (const id of await roleOfficers(ctx.db, e.to.role.agencyId, e.to.role.role)) ids.add(id);
  if (e.to.deskAgencyId) for (const id of await deskOfficers(ctx.db, e.to.deskAgencyId)) ids.add(id);
  return [...ids];
}

export function workflowEventJob(ctx: AppContext) {
  return defineJob<WorkflowEvent>({
    name: WORKFLOW_EVENT_JOB,
    async handler(e) {
      const at = ctx.clock.now();
      const citizenText = TO_CITIZEN[e.kind];
      if (e.to.citizen && citizenText && e.accountId) {
        await insertMessages(
          ctx.db,
          [{ kind: 'citizen', id: e.accountId }],
          { eventKey: e.eventId, link: `/ho-so-cua-toi/${e.dossierCode}`, ...citizenText(e) },
          at,
        );
      }
      const officerText = TO_OFFICERS[e.kind];
      if (!officerText) return;
      const to = (await officersOf(ctx, e)).map((id): Recipient => ({ kind: 'officer', id }));
      const link = e.dossierCode ? `/can-bo/ho-so/${e.dossierCode}` : '/can-bo/ho-so';
      await insertMessages(ctx.db, to, { eventKey: e.eventId, link, ...officerText(e) }, at);
    },
  });
}
