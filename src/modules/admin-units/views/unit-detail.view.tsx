/**
 * A unit's public page on a date: what it is, where it sits, and the crosswalk — sáp nhập từ
 * (predecessors) for a unit from the reform on, sáp nhập vào (successors) for an older one — with a
 * partial merge shown as "một phần" and the warning that its addresses cannot be converted alone.
 */
import { type Lang, translator } from '../../../platform/html/i18n.js';
import { Layout, type PageContext } from '../../../platform/html/layout.js';
import type { UnitDetail } from '../admin-units.service.js';
import { CROSSWALK_EFFECTIVE, type CrosswalkEdge, type UnitVersion } from '../import/index.js';
import { dayBefore } from '../import/sources.js';
import { MergeSection } from './merge-section.view.js';
import { fill, formatDate, formatNumber, LEVEL_LABELS, m, TYPE_LABELS } from './messages.js';
import { PAGES_PATH, StyleSheet, searchHref, unitHref } from './parts.js';

/** "từ 01/07/2025", "từ … đến hết …", "đến hết 30/06/2025 (…)". */
export function validityText(v: Pick<UnitVersion, 'validFrom' | 'validTo'>, lang: Lang): string {
  const t = translator(lang);
  const from = v.validFrom ? formatDate(v.validFrom, lang) : undefined;
  const to = v.validTo ? formatDate(v.validTo, lang) : undefined;
  if (from && to) return fill(t(m.validFromTo), { from, to });
  if (from) return fill(t(m.validFrom), { from });
  if (to) return fill(t(m.validUntil), { to });
  return t(m.validAlways);
}

/** A date inside a version, to link to it. */
const dateIn = (v: UnitVersion) => v.validFrom ?? v.validTo ?? '2025-06-30';

function Breadcrumbs(props: { ctx: PageContext; detail: UnitDetail }) {
  const t = translator(props.ctx.lang);
  const { detail } = props;
  return (
    <nav class="breadcrumbs" aria-label={t(m.breadcrumbs)}>
      <ol>
        <li>
          <a href={searchHref({ ngay: detail.at })} safe>
            {t(m.searchTitle)}
          </a>
        </li>
        {detail.parents.map((p) => (
          <li>
            <a href={unitHref(p.code, detail.at)} lang="vi" safe>
              {p.fullName}
            </a>
          </li>
        ))}
        <li aria-current="page" lang="vi" safe>
          {detail.unit.fullName}
        </li>
      </ol>
    </nav>
  );
}

function Fact(props: { label: string; value: string | undefined | null; lang?: string }) {
  if (!props.value) return '';
  return (
    <>
      <dt safe>{props.label}</dt>
      <dd lang={props.lang} safe>
        {props.value}
      </dd>
    </>
  );
}

function Facts(props: { ctx: PageContext; detail: UnitDetail }) {
  const lang = props.ctx.lang;
  const t = translator(lang);
  const { unit, parents, profile, at } = props.detail;
  const parent = parents.find((p) => p.code === unit.parentCode);
  return (
    <dl class="facts">
      <Fact label={t(m.code)} value={unit.code} />
      <Fact label={t(m.type)} value={t(TYPE_LABELS[unit.type])} />
      <Fact label={t(m.level)} value={t(LEVEL_LABELS[unit.level])} />
      {parent ? (
        <>
          <dt safe>{t(m.parent)}</dt>
          <dd>
            <a href={unitHref(parent.code, at)} lang="vi" safe>
              {parent.fullName}
            </a>
          </dd>
        </>
      ) : (
        ''
      )}
      <Fact label={t(m.validity)} value={validityText(unit, lang)} />
      <Fact label={t(m.otherSpellings)} value={unit.altNames.join('; ')} lang="vi" />
      <Fact label={t(m.englishName)} value={lang === 'en' ? unit.fullNameEn : undefined} lang="en" />
      <Fact
        label={t(m.area)}
        value={
          profile?.areaKm2 != null
            ? fill(t(m.areaValue), { value: formatNumber(profile.areaKm2, lang) })
            : null
        }
      />
      <Fact
        label={t(m.population)}
        value={profile?.population != null ? formatNumber(profile.population, lang) : null}
      />
      <Fact label={t(m.seat)} value={profile?.adminCentre} lang="vi" />
    </dl>
  );
}

function DateForm(props: { ctx: PageContext; code: string; at: string }) {
  const t = translator(props.ctx.lang);
  return (
    <form class="date-form" method="get" action={`${PAGES_PATH}/${props.code}`}>
      <label for="ngay" safe>
        {t(m.changeDate)}
      </label>
      <span class="date-form__controls">
        <input id="ngay" name="ngay" type="date" value={props.at} />
        <button class="button button--secondary" type="submit" safe>
          {t(m.show)}
        </button>
      </span>
    </form>
  );
}

/** The periods of a code, each linking to the page on a date inside it. */
export function VersionList(props: { ctx: PageContext; versions: UnitVersion[]; shown?: UnitVersion }) {
  const lang = props.ctx.lang;
  const t = translator(lang);
  return (
    <ol class="unit-list">
      {props.versions.map((v) => (
        <li>
          {props.shown && v.edition === props.shown.edition ? (
            <strong lang="vi" safe>{`${v.fullName} ${t(m.current)}`}</strong>
          ) : (
            <a href={unitHref(v.code, dateIn(v))} lang="vi" safe>
              {v.fullName}
            </a>
          )}
          <span class="unit-list__facts" safe>
            {`${t(TYPE_LABELS[v.type])} · ${validityText(v, lang)}`}
          </span>
        </li>
      ))}
    </ol>
  );
}

function Crosswalk(props: { ctx: PageContext; detail: UnitDetail }) {
  const t = translator(props.ctx.lang);
  const { unit, predecessors, successors } = props.detail;
  if (predecessors.length > 0) {
    return <MergeSection ctx={props.ctx} direction="from" edges={predecessors} link={predecessorLink} />;
  }
  if (successors.length > 0) {
    return <MergeSection ctx={props.ctx} direction="into" edges={successors} link={successorLink} />;
  }
  const text =
    unit.level === 'district'
      ? m.districtsAbolished
      : unit.level === 'province'
        ? m.crosswalkCommunesOnly
        : m.noCrosswalk;
  const before = unit.validTo !== null && unit.validTo < CROSSWALK_EFFECTIVE;
  return (
    <section aria-labelledby="crosswalk-title">
      <h2 id="crosswalk-title" safe>
        {t(before ? m.mergedInto : m.mergedFrom)}
      </h2>
      <p class="muted" safe>
        {t(text)}
      </p>
    </section>
  );
}

/** An old unit is shown on the last day it existed; a new one on the day the change took effect. */
const predecessorLink = (e: CrosswalkEdge) =>
  e.oldCode ? unitHref(e.oldCode, dayBefore(e.effectiveFrom)) : null;
const successorLink = (e: CrosswalkEdge) => unitHref(e.newCode, e.effectiveFrom);

export function UnitDetailView(props: { ctx: PageContext; detail: UnitDetail }) {
  const t = translator(props.ctx.lang);
  const { detail } = props;
  const { unit } = detail;
  return (
    <Layout ctx={props.ctx} title={unit.fullName}>
      <StyleSheet />
      <Breadcrumbs ctx={props.ctx} detail={detail} />
      <h1 lang="vi" safe>
        {unit.fullName}
      </h1>
      {detail.requestedCode !== unit.code ? (
        <p class="notice" safe>
          {fill(t(m.aliasNotice), { alias: detail.requestedCode, code: unit.code })}
        </p>
      ) : (
        ''
      )}
      <Facts ctx={props.ctx} detail={detail} />
      {detail.profile ? (
        <p class="muted small" safe>
          {t(m.profileSource)}
        </p>
      ) : (
        ''
      )}
      <DateForm ctx={props.ctx} code={unit.code} at={detail.at} />
      <Crosswalk ctx={props.ctx} detail={detail} />
      {unit.level !== 'commune' ? (
        <section aria-labelledby="children-title">
          <h2 id="children-title" safe>
            {t(m.children)}
          </h2>
          <p>
            <a href={searchHref({ thuoc: unit.code, ngay: detail.at })} safe>
              {fill(t(m.childrenLink), { name: unit.fullName })}
            </a>
          </p>
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="versions-title">
        <h2 id="versions-title" safe>
          {fill(t(m.versions), { code: unit.code })}
        </h2>
        <p class="muted" safe>
          {t(m.versionsLead)}
        </p>
        <VersionList ctx={props.ctx} versions={detail.versions} shown={unit} />
      </section>
      <p class="muted small" safe>
        {t(m.sources)}
      </p>
    </Layout>
  );
}

/** A known code asked for on a date when it meant nothing: its periods, to pick one. */
export function NotInForceView(props: {
  ctx: PageContext;
  code: string;
  at: string;
  versions: UnitVersion[];
}) {
  const t = translator(props.ctx.lang);
  const title = fill(t(m.notInForceTitle), { code: props.code, date: formatDate(props.at, props.ctx.lang) });
  return (
    <Layout ctx={props.ctx} title={title}>
      <StyleSheet />
      <h1 safe>{title}</h1>
      <p safe>{t(m.notInForceLead)}</p>
      <VersionList ctx={props.ctx} versions={props.versions} />
      <p>
        <a href={searchHref({ ngay: props.at })} safe>
          {t(m.searchTitle)}
        </a>
      </p>
    </Layout>
  );
}
