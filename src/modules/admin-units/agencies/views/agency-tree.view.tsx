/**
 * The agency tree of the administration list: nested lists, so a screen reader announces each
 * level and how many agencies it holds, and keyboard users tab through the links in tree order.
 */
import { type Lang, translator } from '../../../../platform/html/i18n.js';
import { AGENCY_KIND_LABELS } from '../agency-rules.js';
import type { AgencyNode } from '../agency-tree.js';
import { am } from './agencies-admin.messages.js';

const adminHref = (code: string) => `/quan-tri/co-quan/${encodeURIComponent(code)}`;

function Branch(props: { nodes: readonly AgencyNode[]; lang: Lang }): JSX.Element {
  const t = translator(props.lang);
  return (
    <ul>
      {props.nodes.map(({ agency, children }) => (
        <li>
          <a href={adminHref(agency.code)} lang="vi" safe>
            {agency.name}
          </a>
          <span class="qt-tree-meta" safe>{`${agency.code} · ${t(AGENCY_KIND_LABELS[agency.kind])}`}</span>
          {children.length > 0 ? <Branch nodes={children} lang={props.lang} /> : ''}
        </li>
      ))}
    </ul>
  );
}

export function AgencyTree(props: { roots: readonly AgencyNode[]; truncated: boolean; lang: Lang }) {
  const t = translator(props.lang);
  return (
    <section aria-labelledby="cay-co-quan">
      <h2 id="cay-co-quan" safe>
        {t(am.tree)}
      </h2>
      <p class="qt-hint" safe>
        {t(am.treeLead)}
      </p>
      {props.truncated ? (
        <p class="qt-warning" safe>
          {t(am.truncated)}
        </p>
      ) : (
        ''
      )}
      <nav class="qt-tree" aria-labelledby="cay-co-quan">
        <Branch nodes={props.roots} lang={props.lang} />
      </nav>
    </section>
  );
}
