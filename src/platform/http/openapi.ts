import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { App } from './app-type.js';

/** OpenAPI 3 for integrators: the document at /api/openapi.json, a browsable UI at /api/docs. */
export async function registerOpenApi(app: App, baseUrl: string, version: string) {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'motcua API',
        description:
          'API của hệ thống một cửa điện tử / API of the motcua one-stop system. Errors are application/problem+json (RFC 9457) with a stable `code`.',
        version,
        license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
      },
      servers: [{ url: baseUrl }],
    },
    // Pages are not part of the API: only /api routes are documented.
    transform: ({ schema, url }) => ({
      schema: { ...schema, hide: schema?.hide ?? !url.startsWith('/api/') },
      url,
    }),
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
