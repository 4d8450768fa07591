/**
 * Return of a result by public post (bưu chính công ích), part of module results: the postal order
 * and its adapter (VNPost-style HTTP client), the signed tracking callback, and the postal sandbox
 * of demo mode. The results module wires these into its own index.ts.
 */

export type { PostalOrder } from './postal.repository.js';
export {
  cancelPostalOrder,
  findLivePostalOrder,
  listPostalOrders,
  postalServiceOf,
  type SendByPostInput,
  sendByPost,
} from './postal.service.js';
export { registerPostalRoutes } from './postal-callback.api.js';
export type { PostalHooks, TrackingOutcome } from './postal-callback.service.js';
export { PostalRefusedError } from './postal-errors.js';
export { HttpPostalService } from './postal-http-client.js';
export type { PostalOrderInput, PostalReceiver, PostalSender, PostalService } from './postal-service.js';
export { CALLBACK_PATH, type PostalSettings, postalSettings, SANDBOX_PATH } from './postal-settings.js';
export { POSTAL_STATE_LABELS, type PostalOrderState } from './postal-states.js';
export { postalJobs, registerPostalSandbox } from './sandbox/sandbox.js';
