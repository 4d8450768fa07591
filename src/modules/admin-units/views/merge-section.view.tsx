/**
 * "Sáp nhập từ" / "Sáp nhập vào": the crosswalk edges of a unit as a list of links, each marked
 * toàn bộ (whole) or một phần (part), with the warning a partial merge calls for.
 */
import { translator } from '../../../platform/html/i18n.js';
import type { PageContext } from '../../../platform/html/layout.js';
import type { CrosswalkEdge } from '../import/index.js';
import { fill, formatDate, m } from './messages.js';

interface MergeSectionProps {
  ctx: PageContext;
  /** from: the old units a new one was formed from; into: the new units an old one went into. */
  direction: 'from' | 'into';
  edges: CrosswalkEdge[];
  link: (edge: CrosswalkEdge) => string | null;
}

function EdgeItem(props: {
  ctx: PageContext;
  edge: CrosswalkEdge;
  direction: 'from' | 'into';
  href: string | null;
}) {
  const t = translator(props.ctx.lang);
  const { edge } = props;
  const name = props.direction === 'from' ? edge.oldName : edge.newName;
  const code = props.direction === 'from' ? edge.oldCode : edge.newCode;
  const partial = edge.kind === 'partial';
  return (
    <li class={partial ? 'merge-list__item merge-list__item--partial' : 'merge-list__item'}>
      <span class="merge-list__name">
        {props.href ? (
          <a href={props.href} lang="vi" safe>
            {name}
          </a>
        ) : (
          <span lang="vi" safe>
            {name}
          </span>
        )}{' '}
        <span class="muted" safe>
          {code ? `(${fill(t(m.codeIs), { code })})` : `(${t(m.noCode)})`}
        </span>
      </span>
      <strong
        class={partial ? 'badge badge--partial' : 'badge badge--whole'}
        title={t(partial ? m.partialLabel : m.wholeLabel)}
        safe
      >
        {t(partial ? m.partial : m.whole)}
      </strong>
      {edge.note ? (
        <span class="merge-list__note">
          <span class="visually-hidden" safe>{`${t(m.note)}: `}</span>
          <span lang="vi" safe>
            {edge.note}
          </span>
        </span>
      ) : (
        ''
      )}
    </li>
  );
}

export function MergeSection(props: MergeSectionProps) {
  const t = translator(props.ctx.lang);
  const from = props.direction === 'from';
  const effective = props.edges[0]?.effectiveFrom ?? '2025-07-01';
  const anyPartial = props.edges.some((e) => e.kind === 'partial');
  const id = from ? 'merged-from' : 'merged-into';
  return (
    <section class="merge" aria-labelledby={id}>
      <h2 id={id} safe>
        {t(from ? m.mergedFrom : m.mergedInto)}
      </h2>
      <p safe>
        {fill(t(from ? m.mergedFromLead : m.mergedIntoLead), { date: formatDate(effective, props.ctx.lang) })}
      </p>
      <ul class="merge-list">
        {props.edges.map((edge) => (
          <EdgeItem ctx={props.ctx} edge={edge} direction={props.direction} href={props.link(edge)} />
        ))}
      </ul>
      {anyPartial ? (
        <div class="notice notice--warning" role="note">
          <p>
            <strong safe>{`${t(m.partialWarningTitle)}: `}</strong>
            <span safe>{t(from ? m.partialWarningFrom : m.partialWarningInto)}</span>
          </p>
        </div>
      ) : (
        ''
      )}
    </section>
  );
}
