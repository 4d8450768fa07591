/**
 * The sections of a procedure as a citizen reads them, shared by the procedure page and its
 * printable version: who can apply, what to prepare, steps, time, fees, where, results, legal basis,
 * conditions. Every text comes from the record and is escaped.
 */
import type { PropsWithChildren } from '@kitajs/html';
import { translator } from '../../../platform/html/i18n.js';
import type { PageContext } from '../../../platform/html/layout.js';
import type { ChannelContent, FeeLineContent, ProcedureContent } from '../content.js';
import { AGENCY_ROLES, CHANNEL_LABELS, FEE_KINDS, fill, m, TIME_UNITS } from './messages.js';
import {
  copiesInWords,
  distinctCondition,
  formatAmount,
  formatDay,
  groupTitle,
  isPreparationNote,
  onlineReductionOn,
  paragraphsOf,
  reducedAmount,
  stepsOf,
  templateName,
  webUrl,
} from './public-format.js';

interface SectionProps {
  ctx: PageContext;
  content: ProcedureContent;
}

function Section(props: PropsWithChildren<{ id: string; title: string }>) {
  return (
    <section class="proc-section" aria-labelledby={props.id}>
      <h2 id={props.id} safe>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

export function WhoSection(props: SectionProps) {
  const t = translator(props.ctx.lang);
  const subjects = props.content.subjects;
  if (subjects.length === 0) return '';
  return (
    <Section id="who" title={t(m.whoTitle)}>
      <ul>
        {subjects.map((s) => (
          <li lang="vi" safe>
            {s.label}
          </li>
        ))}
      </ul>
    </Section>
  );
}

type Component = ProcedureContent['components'][number];

function ComponentItem(props: { ctx: PageContext; c: Component }) {
  const t = translator(props.ctx.lang);
  const { c } = props;
  const copies = copiesInWords(c, props.ctx.lang);
  const condition = c.requirement === 'conditional' ? distinctCondition(c.name, c.conditionText) : null;
  const url = webUrl(c.templateUrl);
  return (
    <li class="component">
      <span class="component__name" lang="vi" safe>
        {c.name}
      </span>
      <span class="component__facts">
        <span class={c.requirement === 'required' ? 'tag tag--required' : 'tag'} safe>
          {t(c.requirement === 'required' ? m.required : m.conditional)}
        </span>
        {copies ? <span safe>{copies}</span> : ''}
      </span>
      {condition ? (
        <span class="component__condition" lang="vi" safe>
          {fill(t(m.ifText), { text: condition })}
        </span>
      ) : (
        ''
      )}
      {url ? (
        <a class="component__template" href={url}>
          <span safe>{`${t(m.download)}: `}</span>
          <span class="component__file" safe>
            {templateName(c.templateFile, url)}
          </span>
        </a>
      ) : (
        ''
      )}
    </li>
  );
}

/** The rows that ask for no paper, folded under one summary so the documents to bring stand out. */
function PreparationNotes(props: { ctx: PageContext; notes: Component[]; open?: boolean }) {
  if (props.notes.length === 0) return '';
  const t = translator(props.ctx.lang);
  return (
    <details class="component-notes" open={props.open === true}>
      <summary safe>{fill(t(m.preparationNotes), { n: String(props.notes.length) })}</summary>
      <ul>
        {props.notes.map((c) => (
          <li lang="vi" safe>
            {c.name}
          </li>
        ))}
      </ul>
    </details>
  );
}

export function PrepareSection(props: SectionProps & { printed?: boolean }) {
  const t = translator(props.ctx.lang);
  const groups: { title: string | null; items: Component[] }[] = [];
  for (const c of props.content.components) {
    const title = groupTitle(c.groupTitle);
    const last = groups[groups.length - 1];
    if (last && last.title === title) last.items.push(c);
    else groups.push({ title, items: [c] });
  }
  return (
    <Section id="prepare" title={t(m.prepareTitle)}>
      {groups.length === 0 ? <p safe>{t(m.noComponents)}</p> : ''}
      {groups.map((g) => (
        <>
          {g.title ? (
            <h3 lang="vi" safe>
              {g.title}
            </h3>
          ) : (
            ''
          )}
          {g.items.some((c) => !isPreparationNote(c)) ? (
            <ul class="components">
              {g.items
                .filter((c) => !isPreparationNote(c))
                .map((c) => (
                  <ComponentItem ctx={props.ctx} c={c} />
                ))}
            </ul>
          ) : (
            ''
          )}
          <PreparationNotes
            ctx={props.ctx}
            notes={g.items.filter((c) => isPreparationNote(c))}
            open={props.printed}
          />
        </>
      ))}
    </Section>
  );
}

export function StepsSection(props: SectionProps) {
  const t = translator(props.ctx.lang);
  const steps = stepsOf(props.content.stepsText);
  if (steps.length === 0) return '';
  return (
    <Section id="steps" title={t(m.stepsTitle)}>
      <ol class="steps" lang="vi">
        {steps.map((s) => (
          <li>
            <p safe>{s.text}</p>
            {s.details.map((d) => (
              <p class="steps__detail" safe>
                {d}
              </p>
            ))}
          </li>
        ))}
      </ol>
    </Section>
  );
}

/** "7 ngày làm việc"; "7 (không rõ đơn vị)" when the unit was lost; the text as written otherwise. */
export function channelTime(ch: ChannelContent, lang: PageContext['lang']): string {
  const t = translator(lang);
  if (ch.timeValue !== null && ch.timeUnit !== null) return `${ch.timeValue} ${t(TIME_UNITS[ch.timeUnit])}`;
  if (ch.timeValue !== null) return fill(t(m.unitLost), { value: ch.timeValue });
  return ch.timeText ?? t(m.notStated);
}

export function TimeSection(props: SectionProps) {
  const t = translator(props.ctx.lang);
  const channels = props.content.channels;
  return (
    <Section id="time" title={t(m.timeTitle)}>
      {channels.length === 0 ? (
        <p safe>{t(m.notStated)}</p>
      ) : (
        <dl class="facts">
          {channels.map((ch) => (
            <>
              <dt safe>{t(CHANNEL_LABELS[ch.kind])}</dt>
              <dd lang="vi" safe>
                {channelTime(ch, props.ctx.lang)}
              </dd>
            </>
          ))}
        </dl>
      )}
    </Section>
  );
}

function amountText(line: FeeLineContent, lang: PageContext['lang']): string {
  const t = translator(lang);
  const amount =
    line.amountMax !== null && line.amountMax > line.amount
      ? fill(t(m.range), {
          min: formatAmount(line.amount, lang, line.currency),
          max: formatAmount(line.amountMax, lang, line.currency),
        })
      : formatAmount(line.amount, lang, line.currency);
  return line.perUnit ? fill(t(m.perUnit), { amount, unit: line.perUnit }) : amount;
}

function FeeLine(props: {
  ctx: PageContext;
  line: FeeLineContent;
  channel: ChannelContent | undefined;
  today: string;
  reductions: ProcedureContent['feeReductions'];
}) {
  const lang = props.ctx.lang;
  const t = translator(lang);
  const { line, channel } = props;
  const label = channel
    ? `${t(FEE_KINDS[line.kind])} (${t(CHANNEL_LABELS[channel.kind]).toLowerCase()})`
    : t(FEE_KINDS[line.kind]);
  const appliesOnline = !channel || channel.kind === 'online';
  const reduction =
    appliesOnline && line.currency === 'VND' ? onlineReductionOn(props.reductions, props.today) : undefined;
  const reduced = reduction ? reducedAmount(line.amount, reduction.percent) : null;
  return (
    <li class="fee">
      <span class="fee__label" safe>{`${label}: `}</span>
      <strong class="fee__amount" safe>
        {amountText(line, lang)}
      </strong>
      {reduction && reduced !== null ? (
        <span class="fee__reduced" safe>
          {reduced === 0
            ? fill(t(m.reducedOnlineFree), { basis: reduction.legalBasis })
            : fill(t(m.reducedOnline), {
                amount: formatAmount(reduced, lang),
                percent: reduction.percent,
                basis: reduction.legalBasis,
              })}
        </span>
      ) : (
        ''
      )}
      {line.exemptions ? (
        <span class="fee__note" lang="vi" safe>
          {line.exemptions}
        </span>
      ) : (
        ''
      )}
      {line.note ? (
        <span class="fee__note" lang="vi" safe>
          {line.note}
        </span>
      ) : (
        ''
      )}
    </li>
  );
}

/** Per channel when no amount is recorded: free, charged, or unknown. */
function ChannelFees(props: SectionProps) {
  const t = translator(props.ctx.lang);
  const text = (status: ChannelContent['feeStatus']) =>
    t(status === 'free' ? m.free : status === 'charged' ? m.chargedNoAmount : m.feeUnknown);
  const statuses = new Set(props.content.channels.map((c) => c.feeStatus));
  if (statuses.size <= 1) {
    const only = [...statuses][0] ?? 'unknown';
    return (
      <p class={only === 'free' ? 'fee-free' : ''} safe>
        {text(only)}
      </p>
    );
  }
  return (
    <dl class="facts">
      {props.content.channels.map((ch) => (
        <>
          <dt safe>{t(CHANNEL_LABELS[ch.kind])}</dt>
          <dd safe>{text(ch.feeStatus)}</dd>
        </>
      ))}
    </dl>
  );
}

export function FeesSection(props: SectionProps & { today: string }) {
  const t = translator(props.ctx.lang);
  const { feeLines, channels, feeReductions } = props.content;
  const freeOnline = channels.find((c) => c.kind === 'online' && c.feeStatus === 'free');
  return (
    <Section id="fees" title={t(m.feesTitle)}>
      {feeLines.length === 0 ? (
        <ChannelFees ctx={props.ctx} content={props.content} />
      ) : (
        <ul class="fees">
          {feeLines.map((line) => (
            <FeeLine
              ctx={props.ctx}
              line={line}
              channel={line.channelPosition === null ? undefined : channels[line.channelPosition]}
              today={props.today}
              reductions={feeReductions}
            />
          ))}
          {freeOnline &&
          !feeLines.some(
            (l) => l.channelPosition !== null && channels[l.channelPosition]?.kind === 'online',
          ) ? (
            <li class="fee" safe>{`${t(CHANNEL_LABELS.online)}: ${t(m.free).toLowerCase()}`}</li>
          ) : (
            ''
          )}
        </ul>
      )}
    </Section>
  );
}

export function WhereSection(props: SectionProps) {
  const t = translator(props.ctx.lang);
  const roles = ['receiving', 'implementing', 'competent', 'coordinating'] as const;
  const byRole = roles
    .map((role) => ({
      role,
      names: [...new Set(props.content.agencies.filter((a) => a.role === role).map((a) => a.name))],
    }))
    .filter((r) => r.names.length > 0);
  return (
    <Section id="where" title={t(m.whereTitle)}>
      {byRole.length === 0 ? (
        <p safe>{t(m.whereUnknown)}</p>
      ) : (
        <dl class="facts">
          {byRole.map((r) => (
            <>
              <dt safe>{t(AGENCY_ROLES[r.role])}</dt>
              <dd lang="vi" safe>
                {r.names.join('; ')}
              </dd>
            </>
          ))}
        </dl>
      )}
    </Section>
  );
}

export function ResultsSection(props: SectionProps) {
  const t = translator(props.ctx.lang);
  const results = props.content.results;
  if (results.length === 0) return '';
  return (
    <Section id="results" title={t(m.resultsTitleProc)}>
      <ul>
        {results.map((r) => (
          <li>
            <span lang="vi" safe>
              {r.name}
            </span>
            {r.code ? <span class="muted" safe>{` (${fill(t(m.resultCode), { code: r.code })})`}</span> : ''}
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function LegalSection(props: SectionProps) {
  const t = translator(props.ctx.lang);
  const bases = props.content.legalBases;
  if (bases.length === 0) return '';
  return (
    <Section id="legal" title={t(m.legalTitle)}>
      <ul class="legal" lang="vi">
        {bases.map((b) => (
          <li>
            {b.number ? <strong safe>{b.number}</strong> : ''}
            {b.number && b.issuedOn ? (
              <span safe>{` ${fill(t(m.issuedOn), { date: formatDay(b.issuedOn) })}`}</span>
            ) : (
              ''
            )}
            {b.number ? ': ' : ''}
            <span safe>{b.title}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function ConditionsSection(props: SectionProps) {
  const t = translator(props.ctx.lang);
  const paragraphs = paragraphsOf(props.content.conditionsText);
  if (paragraphs.length === 0) return '';
  return (
    <Section id="conditions" title={t(m.conditionsTitle)}>
      <div lang="vi">
        {paragraphs.map((p) => (
          <p safe>{p}</p>
        ))}
      </div>
    </Section>
  );
}

/** Every section in reading order. */
/** `printed`: the printable version, where folded notes are shown open. */
export function ProcedureSections(props: SectionProps & { today: string; printed?: boolean }) {
  return (
    <>
      <WhoSection {...props} />
      <PrepareSection {...props} />
      <StepsSection {...props} />
      <TimeSection {...props} />
      <FeesSection {...props} />
      <WhereSection {...props} />
      <ResultsSection {...props} />
      <ConditionsSection {...props} />
      <LegalSection {...props} />
    </>
  );
}
