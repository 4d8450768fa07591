import type { AppModule } from '../platform/module.js';
import { registerHomePage } from './home.pages.js';

/**
 * The portal: pages that put several modules together (the home page). It sits above every module,
 * so it may import any module's index.ts; no module imports it.
 */
export const portalModule: AppModule = {
  name: 'portal',
  routes: (app) => registerHomePage(app),
};
