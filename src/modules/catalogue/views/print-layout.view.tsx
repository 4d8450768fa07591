/**
 * The document of a page made for printing (A4): no site header, navigation or footer, only a line
 * above the content (hidden in print) to go back, and the date it was printed.
 */
import type { PropsWithChildren } from '@kitajs/html';
import { translator } from '../../../platform/html/i18n.js';
import type { PageContext } from '../../../platform/html/layout.js';
import { fill, m } from './messages.js';
import { STYLESHEET_PATH } from './parts.js';
import { formatDay } from './public-format.js';

export function PrintLayout(
  props: PropsWithChildren<{ ctx: PageContext; title: string; back: string; today: string }>,
) {
  const t = translator(props.ctx.lang);
  return (
    <>
      {'<!doctype html>'}
      <html lang={props.ctx.lang}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{props.title}</title>
          <link rel="stylesheet" href="/assets/app.css" />
          <link rel="stylesheet" href={STYLESHEET_PATH} />
        </head>
        <body class="print-page">
          <main id="main" class="print-sheet">
            <p class="no-print print-bar">
              <a href={props.back} safe>
                {t(m.back)}
              </a>
              <span class="muted" safe>
                {t(m.printHint)}
              </span>
            </p>
            {props.children}
            <p class="print-date muted" safe>
              {fill(t(m.printedOn), { date: formatDay(props.today) })}
            </p>
          </main>
        </body>
      </html>
    </>
  );
}
