import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createControlPlane, harness, items, type Body, type Harness } from './helpers.js';

let h: Harness;
let inEu: Body;
beforeEach(async () => {
  h = await harness({ provisionMs: 1000 });
  const reply = await h.callIn('eu')('POST', '/control-planes', { name: 'payments-eu', cloud_gateway: true });
  expect(reply.status).toBe(201);
  inEu = reply.body;
});
afterEach(async () => {
  await h.emulator.stop();
});

describe('several geos', () => {
  it('a control plane lives in the geo whose host created it, and exists nowhere else', async () => {
    expect(String(inEu.config!.control_plane_endpoint)).toMatch(/\.eu\.cp\.konghq\.com$/);
    await createControlPlane(h, { name: 'payments-us' });
    expect(items(await h.callIn('eu')('GET', '/control-planes')).map((cp) => cp.name)).toEqual(['payments-eu']);
    expect(items(await h.call('GET', '/control-planes')).map((cp) => cp.name)).toEqual(['payments-us']);
    expect(items(await h.callIn('us')('GET', '/control-planes')).map((cp) => cp.name)).toEqual(['payments-us']);
    expect((await h.callIn('eu')('GET', `/control-planes/${inEu.id}`)).status).toBe(200);
    expect((await h.call('GET', `/control-planes/${inEu.id}`)).status).toBe(404);
    expect((await h.callIn('au')('GET', `/control-planes/${inEu.id}/core-entities/services`)).status).toBe(404);
    expect((await h.call('POST', `/control-planes/${inEu.id}/core-entities/services`, { name: 's', host: 'h' })).status).toBe(404);
    expect((await h.callIn('eu')('POST', `/control-planes/${inEu.id}/core-entities/services`, { name: 's', host: 'h' })).status).toBe(201);
  });

  it('names are unique within a geo', async () => {
    expect((await h.callIn('eu')('POST', '/control-planes', { name: 'payments-eu' })).status).toBe(409);
    expect((await h.call('POST', '/control-planes', { name: 'payments-eu' })).status).toBe(201);
  });

  it('a configuration, custom domain or add-on naming the wrong control_plane_geo gets a 404', async () => {
    const configuration = { control_plane_id: inEu.id, version: '3.11', dataplane_groups: [] };
    const wrong = await h.call('PUT', '/cloud-gateways/configurations', { ...configuration, control_plane_geo: 'us' });
    expect(wrong.status).toBe(404);
    expect(wrong.body.detail).toBe(`Control plane '${String(inEu.id)}' not found in geo 'us'`);
    expect((await h.call('PUT', '/cloud-gateways/configurations', { ...configuration, control_plane_geo: 'eu' })).status).toBe(200);
    expect((await h.call('POST', '/cloud-gateways/custom-domains', { control_plane_id: inEu.id, control_plane_geo: 'us', domain: 'api.example.com' })).status).toBe(404);
    expect((await h.call('POST', '/cloud-gateways/custom-domains', { control_plane_id: inEu.id, control_plane_geo: 'eu', domain: 'api.example.com' })).status).toBe(201);
    const owner = { kind: 'control-plane', control_plane_id: inEu.id, control_plane_geo: 'us' };
    const addOn = { name: 'cache', owner, config: { kind: 'managed-cache.v0', capacity_config: { kind: 'tiered', tier: 'micro' } } };
    expect((await h.call('POST', '/cloud-gateways/add-ons', addOn)).status).toBe(404);
  });

  it('serves Cloud Gateways on the global host only', async () => {
    expect((await h.callIn('eu')('GET', '/cloud-gateways/networks')).status).toBe(404);
    expect((await h.call('GET', '/cloud-gateways/networks')).status).toBe(200);
  });

  it('a group takes members of its own geo only', async () => {
    const group = (await h.call('POST', '/control-planes', { name: 'group', cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE_GROUP' })).body;
    const added = await h.call('POST', `/control-planes/${group.id}/group-memberships/add`, { members: [{ id: inEu.id }] });
    expect(added.status).toBe(400);
  });
});
