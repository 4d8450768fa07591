/**
 * The physical limit of the HTTP side: a bare Fastify 5 route answering a small JSON, no logging,
 * no plugins. Run as its own process by bench/run.ts so that it does not share an event loop with
 * the load generator; prints {"port": n} once listening.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));

const address = await app.listen({ host: '127.0.0.1', port: 0 });
console.log(JSON.stringify({ port: Number(new URL(address).port) }));

process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
