import type pg from 'pg';
import { MigrationError, pendingMigrations } from '../db/migrate.js';
import type { App } from './app-type.js';

/** /healthz: the process answers. /readyz: the database answers and every migration is applied. */
export function registerHealth(app: App, pool: pg.Pool) {
  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({
    status: 'ok',
  }));
  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
    try {
      await pool.query('SELECT 1');
      const pending = await pendingMigrations(pool);
      if (pending.length > 0) {
        return reply.status(503).send({ status: 'migrations_pending', pending });
      }
      return { status: 'ready' };
    } catch (err) {
      req.log.warn({ err }, 'readiness check failed');
      const status = err instanceof MigrationError ? 'migrations_changed' : 'database_unavailable';
      return reply.status(503).send({ status });
    }
  });
}
