/**
 * Quản trị danh mục thủ tục: drafts, section forms, agencies' workflows, preview and publication of
 * new versions (pages under /quan-tri/thu-tuc and the draft API). Part of the catalogue module.
 */
import type { App } from '../../../platform/http/app-type.js';
import type { AppContext } from '../../../platform/module.js';
import { registerCatalogueAdminApi } from './catalogue-admin.api.js';
import { registerCatalogueAdminPages } from './catalogue-admin.pages.js';

export async function registerCatalogueAdmin(app: App, ctx: AppContext): Promise<void> {
  registerCatalogueAdminPages(app, ctx);
  registerCatalogueAdminApi(app, ctx);
}
