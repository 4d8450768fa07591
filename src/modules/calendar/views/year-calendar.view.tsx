import type { Lang } from '../../../platform/html/i18n.js';
import { translator } from '../../../platform/html/i18n.js';
import { Layout, type PageContext } from '../../../platform/html/layout.js';
import {
  KIND_LABELS,
  longDate,
  calendarMessages as m,
  monthCaption,
  pageTitle,
  STATUS_LABELS,
  WEEK_HEADINGS,
} from '../calendar.messages.js';
import type { CalendarDayRecord } from '../calendar-days.repository.js';
import { countsAsDayOff, countsAsMakeupWorkday } from '../holiday-calendar.js';
import { parseIsoDate, weekdayOf } from '../local-time.js';
import { type DayCell, type MonthGrid, yearGrid } from './year-grid.js';

export const CALENDAR_CSS_PATH = '/lich-lam-viec/lich.css';
export const PAGE_PATH = '/lich-lam-viec';

/** How a day's cell is marked, with the words a screen reader says for it. */
function mark(cell: DayCell): { className: string; label?: keyof typeof m } {
  const row = cell.row;
  const weekend = cell.column >= 5 ? ' cal-weekend' : '';
  if (!row) return { className: `cal-day${weekend}` };
  if (countsAsDayOff(row)) return { className: 'cal-day cal-off', label: 'cellOff' };
  if (countsAsMakeupWorkday(row)) return { className: 'cal-day cal-makeup', label: 'cellMakeup' };
  return { className: `cal-day cal-unconfirmed${weekend}`, label: 'cellUnconfirmed' };
}

/** `dayHref`: where a marked day links to (the administration page: its edit form). */
export function Month(props: {
  grid: MonthGrid;
  year: number;
  lang: Lang;
  dayHref?: ((date: string) => string) | undefined;
}) {
  const t = translator(props.lang);
  return (
    <table class="cal-month">
      <caption safe>{t(monthCaption(props.grid.month, props.year))}</caption>
      <thead>
        <tr>
          {WEEK_HEADINGS.map((w, i) => (
            <th scope="col" class={i >= 5 ? 'cal-weekend' : undefined}>
              <span aria-hidden="true" safe>
                {t(w.short)}
              </span>
              <span class="cal-sr" safe>
                {t(w.full)}
              </span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.grid.weeks.map((week) => (
          <tr>
            {week.map((cell) => {
              if (!cell) return <td />;
              const { className, label } = mark(cell);
              const content = (
                <>
                  <span class="cal-num" safe>
                    {String(cell.day)}
                  </span>
                  {label ? (
                    <span class="cal-sr" safe>
                      {` (${t(m[label])}: ${cell.row?.name ?? ''})`}
                    </span>
                  ) : (
                    ''
                  )}
                </>
              );
              return (
                <td class={className} title={cell.row?.name}>
                  {cell.row && props.dayHref ? (
                    <a class="cal-link" href={props.dayHref(cell.row.date)}>
                      {content}
                    </a>
                  ) : (
                    content
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function DayItem(props: { row: CalendarDayRecord; lang: Lang }) {
  const t = translator(props.lang);
  const [year, month, day] = props.row.date.split('-').map(Number) as [number, number, number];
  const column = (weekdayOf(parseIsoDate(props.row.date)) + 6) % 7;
  const counted = countsAsDayOff(props.row)
    ? 'cal-off'
    : countsAsMakeupWorkday(props.row)
      ? 'cal-makeup'
      : 'cal-unconfirmed';
  return (
    <li>
      <span class={`cal-swatch ${counted}`} aria-hidden="true" />
      <strong>
        <time datetime={props.row.date} safe>
          {longDate(props.lang, year, month, day, column)}
        </time>
      </strong>
      {': '}
      <span lang="vi" safe>
        {props.row.name}
      </span>
      <span class="cal-tags" safe>
        {` — ${t(KIND_LABELS[props.row.kind])} · ${t(STATUS_LABELS[props.row.status])}`}
      </span>
      <br />
      <small class="cal-source">
        <span safe>{`${t(m.source)}: `}</span>
        <span lang="vi" safe>
          {props.row.source}
        </span>
      </small>
    </li>
  );
}

function YearNav(props: { year: number; lang: Lang; min: number; max: number }) {
  const t = translator(props.lang);
  const { year } = props;
  return (
    <nav class="cal-years" aria-label={t(m.yearNav)}>
      {year > props.min ? (
        <a href={`${PAGE_PATH}?nam=${year - 1}`} rel="prev" safe>
          {`← ${year - 1}`}
        </a>
      ) : (
        ''
      )}
      {year < props.max ? (
        <a href={`${PAGE_PATH}?nam=${year + 1}`} rel="next" safe>
          {`${year + 1} →`}
        </a>
      ) : (
        ''
      )}
      <form method="get" action={PAGE_PATH} class="cal-year-form">
        <label for="nam" safe>
          {t(m.yearLabel)}
        </label>
        <input
          id="nam"
          name="nam"
          type="number"
          min={String(props.min)}
          max={String(props.max)}
          value={String(year)}
        />
        <button type="submit" safe>
          {t(m.show)}
        </button>
      </form>
    </nav>
  );
}

export function Legend(props: { lang: Lang }) {
  const t = translator(props.lang);
  const items = [
    ['cal-off', m.legendOff],
    ['cal-makeup', m.legendMakeup],
    ['cal-unconfirmed', m.legendUnconfirmed],
    ['cal-weekend', m.legendWeekend],
  ] as const;
  return (
    <ul class="cal-legend">
      {items.map(([className, text]) => (
        <li>
          <span class={`cal-swatch ${className}`} aria-hidden="true" />
          <span safe>{t(text)}</span>
        </li>
      ))}
    </ul>
  );
}

export function YearCalendarPage(props: {
  ctx: PageContext;
  year: number;
  rows: readonly CalendarDayRecord[];
  min: number;
  max: number;
}) {
  const { ctx, year, rows } = props;
  const t = translator(ctx.lang);
  return (
    <Layout ctx={ctx} title={t(pageTitle(year))}>
      <link rel="stylesheet" href={CALENDAR_CSS_PATH} />
      <h1 safe>{t(pageTitle(year))}</h1>
      <p class="lead" safe>
        {t(m.lead)}
      </p>
      <YearNav year={year} lang={ctx.lang} min={props.min} max={props.max} />
      <h2 safe>{t(m.legend)}</h2>
      <Legend lang={ctx.lang} />
      <h2 class="cal-sr" safe>
        {t(m.months)}
      </h2>
      <div class="cal-months">
        {yearGrid(year, rows).map((grid) => (
          <Month grid={grid} year={year} lang={ctx.lang} />
        ))}
      </div>
      <h2 id="danh-sach" safe>{`${t(m.listTitle)} ${year}`}</h2>
      {rows.length === 0 ? (
        <p safe>{t(m.none)}</p>
      ) : (
        <ul class="cal-list">
          {rows.map((row) => (
            <DayItem row={row} lang={ctx.lang} />
          ))}
        </ul>
      )}
    </Layout>
  );
}
