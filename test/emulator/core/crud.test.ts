import { describe, expect, it } from 'vitest';
import { BASE, CP, dataOf, harness } from './harness.js';
import { TEST_CERT, TEST_CERT_DER_SHA256 } from '../../fixtures/certs.js';

describe('core-entity CRUD', () => {
  it('computes a CA certificate\'s cert_digest as Kong does: sha256 of the DER bytes, whatever the body says', async () => {
    const h = harness();
    const created = await h.call('POST', `${BASE}/ca_certificates`, { cert: TEST_CERT, cert_digest: 'given' });
    expect(created.body.cert_digest).toBe(TEST_CERT_DER_SHA256);
  });

  it('gets by id and by name; 404 with a Koko body when missing', async () => {
    const h = harness();
    const created = await h.call('POST', `${BASE}/services`, { name: 'orders', host: 'h' });
    expect((await h.call('GET', `${BASE}/services/${String(created.body.id)}`)).body).toEqual(created.body);
    expect((await h.call('GET', `${BASE}/services/orders`)).body).toEqual(created.body);
    const missing = await h.call('GET', `${BASE}/services/nope`);
    expect(missing).toEqual({ status: 404, body: { code: 5, message: 'not found', details: [] } });
  });

  it('PUT creates with the path id, then replaces keeping created_at', async () => {
    const h = harness();
    const id = 'aaaaaaaa-1111-4222-8333-444444444444';
    const created = await h.call('PUT', `${BASE}/services/${id}`, { name: 'orders', host: 'h', retries: 2 });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ id, retries: 2 });
    const updated = await h.call('PUT', `${BASE}/services/${id}`, { name: 'orders', host: 'h2' });
    expect(updated.body).toMatchObject({ id, host: 'h2', retries: 5, created_at: created.body.created_at });
    expect(Number(updated.body.updated_at)).toBeGreaterThan(Number(created.body.updated_at));
    expect(h.touches).toBe(2);
  });

  it('DELETE answers 204 whether or not the entity exists', async () => {
    const h = harness();
    const created = await h.call('POST', `${BASE}/consumers`, { username: 'a' });
    expect((await h.call('DELETE', `${BASE}/consumers/${String(created.body.id)}`)).status).toBe(204);
    expect((await h.call('GET', `${BASE}/consumers/${String(created.body.id)}`)).status).toBe(404);
    expect((await h.call('DELETE', `${BASE}/consumers/${String(created.body.id)}`)).status).toBe(204);
    expect((await h.call('DELETE', `${BASE}/plugins/aaaaaaaa-1111-4222-8333-444444444444`)).status).toBe(204);
  });

  it('keeps control planes apart', async () => {
    const h = harness();
    const other = '22222222-2222-4333-8444-555555555555';
    h.ctx.data.controlPlanes[other] = { id: other };
    await h.call('POST', `${BASE}/services`, { name: 'orders', host: 'h' });
    expect((await h.call('POST', `/control-planes/${other}/core-entities/services`, { name: 'orders', host: 'h' })).status).toBe(201);
    expect(Object.keys(h.ctx.data.core[CP]?.services ?? {})).toHaveLength(1);
  });

  it('supports every collection of the brief', async () => {
    const h = harness();
    const cert = await h.call('POST', `${BASE}/certificates`, { cert: 'C', key: 'K' });
    const set = await h.call('POST', `${BASE}/key-sets`, { name: 'jwks' });
    const cases: [string, object][] = [
      ['snis', { name: 'a.example.com', certificate: { id: cert.body.id } }],
      ['ca_certificates', { cert: 'CA' }],
      ['keys', { kid: 'k1', name: 'k1', jwk: '{}', set: { id: set.body.id } }],
      ['custom-plugins', { name: 'my-plugin', handler: 'return {}', schema: 'return {}' }],
    ];
    for (const [collection, body] of cases) {
      const reply = await h.call('POST', `${BASE}/${collection}`, body);
      expect(reply.status, collection).toBe(201);
      expect(dataOf(await h.call('GET', `${BASE}/${collection}`))).toHaveLength(1);
    }
    const ca = dataOf(await h.call('GET', `${BASE}/ca_certificates`))[0];
    expect(ca?.cert_digest).toMatch(/^[0-9a-f]{64}$/);
    expect((await h.call('POST', `${BASE}/ca_certificates`, { cert: 'CA' })).status).toBe(400);
  });
});
