/**
 * Result templates (mẫu kết quả) of the results module: what the generated result document of a
 * procedure says, per agency or province-wide, edited by agency administrators with a preview on
 * sample data. What the results' use cases and index.ts need, and nothing more.
 */
import type { App } from '../../../platform/http/app-type.js';
import type { AppContext } from '../../../platform/module.js';
import { type RenderOptions, type ResultDocument, renderResult } from '../document.js';
import type { ResultTemplate } from './template.js';
import { registerResultTemplatePages as registerPages } from './templates.pages.js';

export {
  DEFAULT_FIELDS,
  defaultSignerTitle,
  defaultTemplate,
  FIELD_SOURCES,
  type FieldSource,
  PLACEHOLDERS,
  type ResultTemplate,
  substitute,
  type TemplateContent,
  type TemplateField,
  validUntilFor,
} from './template.js';
export { resultNameOf, templateFor } from './templates.service.js';

/** The result document drawn from the template: the PDF and where the signature widget sits. */
export const renderWithTemplate = (data: ResultDocument, template: ResultTemplate, options?: RenderOptions) =>
  renderResult(data, template, options);

/** Registers the administration pages under /quan-tri/mau-ket-qua. */
export function registerResultTemplatePages(app: App, ctx: AppContext): void {
  registerPages(app, ctx);
}
