/** The sections of the officer's dossier page: facts, people, components and files, steps, history. */
import { type Lang, translator } from '../../../platform/html/i18n.js';
import { DataTable } from '../../../platform/html/layout.js';
import {
  attachmentHref,
  type DossierComponent,
  dossierActionLabel,
  formatWhen,
  type Person,
  statusText,
  type WorkingFile,
} from '../../dossiers/index.js';
import { timeliness } from '../step-deadlines.js';
import { m, roleName } from './officer.messages.js';
import type { OfficerDossierPage } from './officer-dossier.service.js';
import { dueState } from './officer-parts.js';

type Facts = [string, string | null | undefined][];
export function FactList(props: { rows: Facts }) {
  return (
    <dl class="desk-facts">
      {props.rows
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <>
            <dt safe>{k}</dt>
            <dd safe>{v}</dd>
          </>
        ))}
    </dl>
  );
}

export function PersonCard(props: { lang: Lang; title: string; p: Person; personal: boolean }) {
  const t = translator(props.lang);
  const p = props.p;
  return (
    <section class="desk-card">
      <h2 safe>{props.title}</h2>
      <FactList
        rows={[
          [t(m.name), p.name],
          ...((props.personal
            ? [
                [t(m.idNumber), p.idNumber],
                [t(m.phone), p.phone],
                [t(m.email), p.email],
                [t(m.address), p.address],
              ]
            : []) as Facts),
        ]}
      />
      {props.personal ? (
        ''
      ) : (
        <p class="hint" safe>
          {t(m.personalHidden)}
        </p>
      )}
    </section>
  );
}

/**
 * One file: an image shown at once, a PDF in a frame folded under "Xem trong trang" (loaded only
 * when opened), anything else by its links. Open (new tab) and download stay for every file.
 */
function FileItem(props: { lang: Lang; href: string; fileName: string; mediaType: string; extra?: string }) {
  const t = translator(props.lang);
  const { href, fileName } = props;
  return (
    <li>
      {props.mediaType.startsWith('image/') && props.mediaType !== 'image/tiff' ? (
        <img src={href} alt={fileName} loading="lazy" />
      ) : (
        ''
      )}
      <span safe>{fileName}</span>
      {props.extra ? (
        <span class="hint" safe>
          {props.extra}
        </span>
      ) : (
        ''
      )}{' '}
      <a href={href} target="_blank" rel="noopener" safe>
        {t(m.open)}
      </a>
      <a href={href} download={fileName} safe>
        {t(m.download)}
      </a>
      {props.mediaType === 'application/pdf' ? (
        <details class="wf-pdf">
          <summary safe>{`${t(m.viewInPage)}: ${fileName}`}</summary>
          <iframe src={href} title={fileName} loading="lazy"></iframe>
        </details>
      ) : (
        ''
      )}
    </li>
  );
}

function FileLinks(props: { lang: Lang; code: string; c: DossierComponent }) {
  return (
    <ul class="wf-files">
      {props.c.files
        .filter((f) => f.scanStatus !== 'infected')
        .map((f) => (
          <FileItem
            lang={props.lang}
            href={attachmentHref(props.code, f.id)}
            fileName={f.fileName}
            mediaType={f.mediaType}
          />
        ))}
    </ul>
  );
}

/** Tài liệu xử lý: the documents officers sent with their actions, each with the action, who and when. */
export function WorkingFiles(props: { lang: Lang; code: string; files: WorkingFile[] }) {
  const t = translator(props.lang);
  return (
    <section class="desk-card wf-viewer" id="tai-lieu-xu-ly">
      <h2 safe>{t(m.workingFiles)}</h2>
      {props.files.length === 0 ? (
        <p class="hint" safe>
          {t(m.workingFilesNone)}
        </p>
      ) : (
        <ul class="wf-files">
          {props.files.map((f) => (
            <FileItem
              lang={props.lang}
              href={attachmentHref(props.code, f.id)}
              fileName={f.fileName}
              mediaType={f.mediaType}
              extra={
                f.action
                  ? `${t(dossierActionLabel(f.action))}, ${f.actorName ?? ''}, ${formatWhen(f.at)}`
                  : t(m.workingWaiting)
              }
            />
          ))}
        </ul>
      )}
    </section>
  );
}

/** Components with files first, each file shown (images) or opened; those without files folded away. */
export function Components(props: { lang: Lang; code: string; components: DossierComponent[] }) {
  const t = translator(props.lang);
  const withFiles = props.components.filter((c) => c.files.length > 0);
  const without = props.components.filter((c) => c.files.length === 0);
  return (
    <section class="desk-card wf-viewer" id="thanh-phan">
      <h2 safe>{t(m.components)}</h2>
      {withFiles.length > 0 ? (
        <ol class="desk-list">
          {withFiles.map((c) => (
            <li value={String(c.position + 1)}>
              <span safe>{c.name}</span>
              <FileLinks lang={props.lang} code={props.code} c={c} />
            </li>
          ))}
        </ol>
      ) : (
        ''
      )}
      {without.length > 0 ? (
        <details>
          <summary safe>{`${t(m.noFileComponents)}: ${without.length}`}</summary>
          <ol class="desk-list">
            {without.map((c) => (
              <li value={String(c.position + 1)} safe>
                {c.name}
              </li>
            ))}
          </ol>
        </details>
      ) : (
        ''
      )}
    </section>
  );
}

export function Steps(props: { lang: Lang; page: OfficerDossierPage; now: Date }) {
  const t = translator(props.lang);
  const { steps, state } = props.page;
  if (steps.length === 0)
    return (
      <p class="notice" safe>
        {t(m.noSteps)}
      </p>
    );
  const progress = (s: (typeof steps)[number]) => {
    if (s.state === 'done' && s.finished_at)
      return t({ early: m.early, on_time: m.onTime, late: m.late }[timeliness(s.finished_at, s.due_at)]);
    if (s.state === 'pending') return t(m.stepPending);
    if (s.state === 'handover') return t(m.stepHandover);
    return dueState(s.due_at, props.now, props.now) === 'overdue' ? t(m.late) : t(m.stepActive);
  };
  const cols = [
    m.colPosition,
    m.colStepName,
    m.colAgency,
    m.colHolder,
    m.colStarted,
    m.colStepDue,
    m.colFinished,
    m.colTimeliness,
  ];
  return (
    <DataTable caption={t(m.steps)} columns={cols.map((c) => t(c))}>
      {steps.map((s) => (
        <tr class={s.id === state.head.step_id ? 'is-new' : undefined}>
          <td class="data-table__name" safe>
            {String(s.position + 1)}
          </td>
          <td data-label={t(m.colStepName)} safe>
            {`${s.name} (${roleName(s.role)?.[props.lang] ?? s.role})`}
          </td>
          <td data-label={t(m.colAgency)} safe>
            {props.page.agencyName(s.agency_id)}
          </td>
          <td data-label={t(m.colHolder)} safe>
            {props.page.officerName(s.claimed_by) ?? '—'}
          </td>
          <td data-label={t(m.colStarted)} safe>
            {formatWhen(s.started_at)}
          </td>
          <td data-label={t(m.colStepDue)} safe>
            {formatWhen(s.due_at)}
          </td>
          <td data-label={t(m.colFinished)} safe>
            {formatWhen(s.finished_at)}
          </td>
          <td data-label={t(m.colTimeliness)} safe>
            {progress(s)}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

export function History(props: { lang: Lang; page: OfficerDossierPage }) {
  const t = translator(props.lang);
  const rows = props.page.d.history;
  // The dossiers module names every history action, processing's included (a decision is "decide").
  const label = (h: (typeof rows)[number]) => t(dossierActionLabel(h.action));
  return (
    <section class="desk-card" id="qua-trinh">
      <h2 safe>{t(m.history)}</h2>
      {rows.length === 0 ? (
        <p safe>{t(m.noHistory)}</p>
      ) : (
        <ol class="desk-timeline">
          {rows.map((h) => (
            <li>
              <strong safe>{`${formatWhen(h.at)} · ${label(h)}`}</strong>
              <p safe>
                {[
                  h.actorName,
                  roleName(h.actorRole)?.[props.lang],
                  h.agencyName,
                  statusText(props.lang, h.toStatus, null),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {h.content ? <p safe>{h.content}</p> : ''}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
