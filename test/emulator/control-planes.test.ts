import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createControlPlane, harness, items, type Harness } from './helpers.js';

let h: Harness;
beforeEach(async () => {
  h = await harness();
});
afterEach(async () => {
  await h.emulator.stop();
});

describe('control planes', () => {
  it('creates with defaults and the config block', async () => {
    const reply = await h.call('POST', '/control-planes', { name: 'payments', cloud_gateway: true, labels: { team: 'payments' } });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      name: 'payments',
      description: '',
      labels: { team: 'payments' },
      config: { cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE', auth_type: 'pinned_client_certs', cloud_gateway: true, proxy_urls: [] },
    });
    expect(String(reply.body.config?.control_plane_endpoint)).toMatch(/^https:\/\/\w+\..*cp\.konghq\.com$/);
    expect(String(reply.body.config?.telemetry_endpoint)).toMatch(/^https:\/\/.*tp0\.konghq\.com$/);
    const read = await h.call('GET', `/control-planes/${reply.body.id}`);
    expect(read.body).toEqual(reply.body);
  });

  it('refuses a duplicate name with 409, also on rename', async () => {
    await createControlPlane(h, { name: 'payments' });
    const other = await createControlPlane(h, { name: 'orders' });
    const duplicate = await h.call('POST', '/control-planes', { name: 'payments' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ status: 409, title: 'Conflict', detail: 'Control Plane with provided name already exists.' });
    expect((await h.call('PATCH', `/control-planes/${other.id}`, { name: 'payments' })).status).toBe(409);
  });

  it('rejects unknown properties and bad values with Bad Request invalid_parameters', async () => {
    const unknown = await h.call('POST', '/control-planes', { name: 'payments', id: 'x' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ title: 'Bad Request', detail: 'Request contains unknown property' });
    expect(unknown.body.invalid_parameters).toEqual([{ field: 'id', rule: 'unknown_property', reason: 'property id should not exist', source: 'body' }]);
    const short = await h.call('POST', '/control-planes', { name: 'p', cluster_type: 'CLUSTER_TYPE_NOPE' });
    const fields = (short.body.invalid_parameters as unknown as Array<{ field: string; rule: string }>).map((item) => `${item.field}:${item.rule}`);
    expect(fields).toEqual(['name:min_length', 'cluster_type:enum']);
  });

  it('applies the label rules', async () => {
    const reserved = await h.call('POST', '/control-planes', { name: 'a1', labels: { kong_team: 'x' } });
    expect(reserved.status).toBe(400);
    expect(reserved.body.invalid_parameters).toEqual([expect.objectContaining({ field: 'labels.kong_team', rule: 'is_label' })]);
    expect((await h.call('POST', '/control-planes', { name: 'a2', labels: { team: '-bad' } })).status).toBe(400);
    expect((await h.call('POST', '/control-planes', { name: 'a3', labels: { team: 'good-value_1.2' } })).status).toBe(201);
  });

  it('PATCHes only name, description, auth_type, proxy_urls and labels', async () => {
    const cp = await createControlPlane(h, { name: 'payments', cloud_gateway: true });
    const patched = await h.call('PATCH', `/control-planes/${cp.id}`, {
      description: 'payments team',
      auth_type: 'pki_client_certs',
      proxy_urls: [{ host: 'api.example.com', port: 443, protocol: 'https' }],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ description: 'payments team', config: { auth_type: 'pki_client_certs', proxy_urls: [{ host: 'api.example.com' }] } });
    for (const field of ['cluster_type', 'cloud_gateway']) {
      const refused = await h.call('PATCH', `/control-planes/${cp.id}`, { [field]: field === 'cloud_gateway' ? false : 'CLUSTER_TYPE_CONTROL_PLANE_GROUP' });
      expect(refused.status).toBe(400);
      expect(refused.body.invalid_parameters).toEqual([expect.objectContaining({ field, rule: 'unknown_property' })]);
    }
    expect((await h.call('GET', `/control-planes/${cp.id}`)).body.config?.cloud_gateway).toBe(true);
  });

  it('paginates with page[size]/page[number] and meta.page', async () => {
    for (const name of ['cp-1', 'cp-2', 'cp-3', 'cp-4', 'cp-5']) await createControlPlane(h, { name });
    const first = await h.call('GET', '/control-planes?page[size]=2');
    expect(items(first).map((cp) => cp.name)).toEqual(['cp-1', 'cp-2']);
    expect(first.body.meta).toEqual({ page: { number: 1, size: 2, total: 5 } });
    const last = await h.call('GET', '/control-planes?page[size]=2&page[number]=3');
    expect(items(last).map((cp) => cp.name)).toEqual(['cp-5']);
    expect((await h.call('GET', '/control-planes?page[size]=0')).status).toBe(400);
    expect((await h.call('GET', '/control-planes?page[size]=abc')).status).toBe(400);
  });

  it('filters by name, cluster_type, cloud_gateway, id and labels', async () => {
    const a = await createControlPlane(h, { name: 'payments-eu', cloud_gateway: true, labels: { team: 'pay', env: 'prod' } });
    await createControlPlane(h, { name: 'payments-us', labels: { team: 'pay' } });
    await createControlPlane(h, { name: 'platform', cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE_GROUP' });
    const names = async (query: string) => items(await h.call('GET', `/control-planes?${query}`)).map((cp) => cp.name);
    expect(await names('filter[name][eq]=platform')).toEqual(['platform']);
    expect(await names('filter[name]=platform')).toEqual(['platform']);
    expect(await names('filter[name][contains]=payments')).toEqual(['payments-eu', 'payments-us']);
    expect(await names('filter[name][neq]=platform')).toEqual(['payments-eu', 'payments-us']);
    expect(await names('filter[cluster_type][eq]=CLUSTER_TYPE_CONTROL_PLANE_GROUP')).toEqual(['platform']);
    expect(await names('filter[cluster_type][oeq]=CLUSTER_TYPE_CONTROL_PLANE_GROUP,CLUSTER_TYPE_CONTROL_PLANE')).toHaveLength(3);
    expect(await names('filter[cloud_gateway]=true')).toEqual(['payments-eu']);
    expect(await names(`filter[id][eq]=${a.id}`)).toEqual(['payments-eu']);
    expect(await names('labels=team:pay,env')).toEqual(['payments-eu']);
    expect(await names('labels=team:pay')).toEqual(['payments-eu', 'payments-us']);
    expect((await h.call('GET', '/control-planes?filter[name][oeq]=x')).status).toBe(400);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await h.call('GET', '/control-planes/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe('The requested control plane was not found.');
    expect((await h.call('GET', '/control-planes/not-a-uuid')).status).toBe(400);
  });

  it('DELETE removes the control plane and its core entities', async () => {
    const cp = await createControlPlane(h, { name: 'payments' });
    const service = await h.call('POST', `/control-planes/${cp.id}/core-entities/services`, { name: 'orders', host: 'orders.internal' });
    expect(service.status).toBe(201);
    expect((await h.call('DELETE', `/control-planes/${cp.id}`)).status).toBe(204);
    expect((await h.call('GET', `/control-planes/${cp.id}`)).status).toBe(404);
    expect((await h.call('DELETE', `/control-planes/${cp.id}`)).status).toBe(404);
    const again = await createControlPlane(h, { name: 'payments' });
    const services = await h.call('GET', `/control-planes/${again.id}/core-entities/services`);
    expect(items(services)).toEqual([]);
  });
});
