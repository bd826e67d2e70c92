import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createControlPlane, harness, items, type Body, type Harness } from './helpers.js';

let h: Harness;
let cp: Body;
beforeEach(async () => {
  h = await harness({ provisionMs: 1000 });
  cp = await createControlPlane(h, { name: 'payments', cloud_gateway: true });
});
afterEach(async () => {
  await h.emulator.stop();
});

const create = (domain: string, controlPlaneId: unknown = cp.id) =>
  h.call('POST', '/cloud-gateways/custom-domains', { control_plane_id: controlPlaneId, control_plane_geo: 'us', domain });

describe('custom domains', () => {
  it('goes ready and puts a certificate and SNI into the control plane', async () => {
    const created = await create('api.example.com');
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ domain: 'api.example.com', state: 'initializing', certificate_id: null, sni_id: null, kind: 'dedicated.v0' });
    expect((await h.call('GET', `/cloud-gateways/custom-domains/${created.body.id}/online-status`)).body).toEqual({ cname: 'unverified', ssl: 'unverified' });
    h.clock.advance(1000);
    const ready = await h.call('GET', `/cloud-gateways/custom-domains/${created.body.id}`);
    expect(ready.body.state).toBe('ready');
    const sni = await h.call('GET', `/control-planes/${cp.id}/core-entities/snis/${ready.body.sni_id}`);
    expect(sni.status).toBe(200);
    expect(sni.body.name).toBe('api.example.com');
    expect((await h.call('GET', `/control-planes/${cp.id}/core-entities/certificates/${ready.body.certificate_id}`)).status).toBe(200);
    expect((await h.call('GET', `/cloud-gateways/custom-domains/${created.body.id}/online-status`)).body).toEqual({ cname: 'verified', ssl: 'verified' });
  });

  it('DELETE terminates, then removes the domain and its certificate and SNI', async () => {
    const created = await create('api.example.com');
    h.clock.advance(1000);
    const ready = await h.call('GET', `/cloud-gateways/custom-domains/${created.body.id}`);
    expect((await h.call('DELETE', `/cloud-gateways/custom-domains/${created.body.id}`)).status).toBe(204);
    expect((await h.call('GET', `/cloud-gateways/custom-domains/${created.body.id}`)).body.state).toBe('terminating');
    h.clock.advance(1000);
    expect((await h.call('GET', `/cloud-gateways/custom-domains/${created.body.id}`)).status).toBe(404);
    expect((await h.call('GET', `/control-planes/${cp.id}/core-entities/snis/${ready.body.sni_id}`)).status).toBe(404);
    expect((await h.call('GET', `/control-planes/${cp.id}/core-entities/certificates/${ready.body.certificate_id}`)).status).toBe(404);
  });

  it('has no update', async () => {
    const created = await create('api.example.com');
    expect((await h.call('PATCH', `/cloud-gateways/custom-domains/${created.body.id}`, { domain: 'x.example.com' })).status).toBe(405);
  });

  it('refuses a duplicate domain with 409, an unknown control plane with 404 and an empty domain with 400', async () => {
    await create('api.example.com');
    expect((await create('api.example.com')).status).toBe(409);
    expect((await create('other.example.com', '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const empty = await create('');
    expect(empty.body.invalid_parameters).toEqual([
      { field: 'domain', rule: 'min_length', minimum: 1, reason: 'domain must be longer than or equal to 1 characters', source: 'body' },
    ]);
    expect((await create('not a domain')).body.invalid_parameters).toEqual([expect.objectContaining({ rule: 'is_fqdn' })]);
  });

  it('lists with filters', async () => {
    await create('a.example.com');
    await create('b.example.com');
    const names = async (query: string) => items(await h.call('GET', `/cloud-gateways/custom-domains?${query}`)).map((d) => d.domain);
    expect(await names('filter[domain][eq]=b.example.com')).toEqual(['b.example.com']);
    expect(await names(`filter[control_plane_id][eq]=${cp.id}`)).toEqual(['a.example.com', 'b.example.com']);
    expect(await names('filter[state][eq]=ready')).toEqual([]);
  });
});
