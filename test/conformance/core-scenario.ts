import { expect } from 'vitest';
import type { JsonObject } from '../../src/model/json.js';
import type { Session } from './sessions.js';

/** A realistic konsync/decK session over every core-entity collection; statuses asserted on the way. */
export async function coreScenario(session: Session): Promise<void> {
  const base = `/control-planes/${session.controlPlaneId}/core-entities`;
  const ok = async (expected: number, method: string, path: string, body?: unknown): Promise<JsonObject> => {
    const reply = await session.send(method, `${base}${path}`, body);
    expect(reply.status, `${method} ${path}: ${JSON.stringify(reply.body)}`).toBe(expected);
    return reply.body;
  };
  const id = (body: JsonObject): string => String(body.id);

  const service = await ok(201, 'POST', '/services', { name: 'orders', host: 'orders.internal', port: 8443, protocol: 'https', path: '/api', tags: ['team-a'] });
  await ok(201, 'POST', '/services', { name: 'billing', host: 'billing.internal', port: 80, protocol: 'http', tags: ['team-a', 'prod'] });
  await ok(200, 'PUT', `/services/${id(service)}`, { name: 'orders', host: 'orders.internal', port: 8443, protocol: 'https', path: '/api', retries: 3, tags: ['team-a'] });
  await ok(200, 'GET', `/services/${id(service)}`);
  await ok(200, 'GET', '/services/orders');
  const page = await ok(200, 'GET', '/services?size=1');
  await ok(200, 'GET', `/services?size=1&offset=${encodeURIComponent(String(page.offset))}`);
  await ok(200, 'GET', '/services?tags=team-a,prod');
  await ok(200, 'GET', '/services?filter[name][contains]=ord');

  const route = await ok(201, 'POST', `/services/${id(service)}/routes`, { name: 'orders-api', paths: ['/orders'], methods: ['GET', 'POST'] });
  await ok(201, 'POST', '/routes', { name: 'orders-expr', expression: 'http.path ^= "/v2/orders"', service: { id: id(service) } });
  await ok(200, 'PUT', `/routes/${id(route)}`, { name: 'orders-api', paths: ['/orders'], strip_path: false, service: { id: id(service) } });
  await ok(200, 'GET', `/services/${id(service)}/routes`);
  await ok(200, 'GET', '/routes');

  const consumer = await ok(201, 'POST', '/consumers', { username: 'alice', custom_id: 'a-1', tags: ['team-a'] });
  await ok(201, 'POST', '/consumers', { username: 'bob' });
  const group = await ok(201, 'POST', '/consumer_groups', { name: 'gold' });
  await ok(201, 'POST', `/consumer_groups/${id(group)}/consumers`, { consumer: id(consumer) });
  await ok(201, 'POST', '/consumers/bob/consumer_groups', { group: id(group) });
  await ok(200, 'GET', `/consumer_groups/${id(group)}/consumers`);
  await ok(200, 'GET', `/consumers/${id(consumer)}/consumer_groups`);
  await ok(200, 'GET', `/consumer_groups/${id(group)}`);
  await ok(200, 'GET', '/consumer_groups');

  const partial = await ok(201, 'POST', '/partials', { name: 'shared-redis', type: 'redis-ee', config: { host: 'redis.internal', read_timeout: 3000 } });
  await ok(201, 'POST', '/partials', { name: 'ce-redis', type: 'redis-ce', config: { host: 'redis.internal' } });
  await ok(200, 'GET', '/partials');
  const rla = await ok(201, 'POST', '/plugins', {
    name: 'rate-limiting-advanced',
    config: { limit: [100], window_size: [60], namespace: 'orders' },
    partials: [{ id: id(partial) }],
    service: { id: id(service) },
  });
  await ok(200, 'GET', `/partials/${id(partial)}/links`);
  await ok(201, 'POST', `/routes/${id(route)}/plugins`, { name: 'cors', config: { origins: ['https://example.com'] } });
  await ok(201, 'POST', `/consumers/${id(consumer)}/plugins`, { name: 'request-transformer', config: {} });
  await ok(201, 'POST', `/consumer_groups/${id(group)}/plugins`, { name: 'rate-limiting', config: { minute: 10 } });
  await ok(201, 'POST', `/services/${id(service)}/plugins`, { name: 'key-auth', config: { key_names: ['x-api-key'] }, protocols: ['https'] });
  await ok(200, 'PUT', `/plugins/${id(rla)}`, { name: 'rate-limiting-advanced', config: { limit: [200], window_size: [60], namespace: 'orders' }, partials: [{ id: id(partial), path: 'config.redis' }], service: { id: id(service) } });
  await ok(200, 'GET', `/plugins/${id(rla)}`);
  await ok(200, 'GET', '/plugins?size=2');
  await ok(200, 'GET', `/services/${id(service)}/plugins`);

  const custom = await ok(201, 'POST', '/custom-plugins', { name: 'set-header', handler: 'return { PRIORITY = 500, VERSION = "1.0" }', schema: 'return { name = "set-header", fields = {} }' });
  await ok(201, 'POST', '/plugins', { name: 'set-header', config: { name: 'x', value: 'y' } });
  await ok(200, 'GET', `/custom-plugins/${id(custom)}`);
  await ok(200, 'GET', '/custom-plugins');
  await ok(200, 'GET', '/schemas/plugins/rate-limiting-advanced');
  await ok(200, 'GET', '/schemas/partials/redis-ee');
  await ok(200, 'POST', '/schemas/services/validate', { name: 'dry-run', host: 'h' });

  const upstream = await ok(201, 'POST', '/upstreams', { name: 'orders-up', algorithm: 'least-connections' });
  await ok(201, 'POST', `/upstreams/${id(upstream)}/targets`, { target: '10.0.0.1:8080', weight: 50 });
  await ok(201, 'POST', `/upstreams/${id(upstream)}/targets`, { target: '10.0.0.2' });
  await ok(200, 'GET', `/upstreams/${id(upstream)}/targets`);
  await ok(200, 'GET', '/targets');
  await ok(200, 'PUT', `/upstreams/${id(upstream)}`, { name: 'orders-up', algorithm: 'round-robin', slots: 100 });

  const cert = await ok(201, 'POST', '/certificates', { cert: '-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----', key: '-----BEGIN PRIVATE KEY-----\nB\n-----END PRIVATE KEY-----' });
  await ok(201, 'POST', `/certificates/${id(cert)}/snis`, { name: 'api.example.com' });
  await ok(201, 'POST', '/snis', { name: 'www.example.com', certificate: { id: id(cert) } });
  await ok(200, 'GET', '/snis');
  await ok(201, 'POST', '/ca_certificates', { cert: '-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----' });
  await ok(200, 'GET', '/ca_certificates');
  await ok(201, 'POST', '/vaults', { name: 'env', prefix: 'my-env', config: { prefix: 'APP_' } });
  await ok(200, 'GET', '/vaults');
  const set = await ok(201, 'POST', '/key-sets', { name: 'jwks' });
  await ok(201, 'POST', '/keys', { kid: 'k1', name: 'k1', jwk: '{"kty":"oct","kid":"k1","k":"c2VjcmV0"}', set: { id: id(set) } });
  await ok(200, 'GET', '/keys');
  await ok(200, 'GET', '/key-sets');

  await ok(204, 'DELETE', `/plugins/${id(rla)}`);
  await ok(204, 'DELETE', `/partials/${id(partial)}`);
  await ok(204, 'DELETE', `/consumer_groups/${id(group)}/consumers/${id(consumer)}`);
  await ok(204, 'DELETE', `/routes/${id(route)}`);
  await ok(204, 'DELETE', `/routes/${id(route)}`);
  await ok(204, 'DELETE', `/certificates/${id(cert)}`);
}
