import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.js';
import { KonnectClient } from '../../src/konnect/client.js';
import type { JsonObject } from '../../src/model/json.js';
import { assertConforms, recordingApi, recordingTransport } from './recording.js';
import { convertSchema, oracle, SPECS_MISSING, specsAvailable, validateRequest } from './spec-oracle.js';

const suite = specsAvailable() ? describe : describe.skip;
if (!specsAvailable()) console.warn(SPECS_MISSING);

describe('OpenAPI 3.0 → JSON Schema', () => {
  it('turns nullable into a union with null, local refs into spec refs, referenceable fields into vault-or-value, and forbids readOnly/writeOnly fields in the wrong direction', () => {
    expect(convertSchema({ type: 'string', nullable: true, enum: ['a'] }, 'x')).toEqual({ type: ['string', 'null'], enum: ['a', null] });
    expect(convertSchema({ $ref: '#/components/schemas/A', nullable: true }, 'x')).toEqual({ anyOf: [{ $ref: 'x#/components/schemas/A' }, { type: 'null' }] });
    const stamped = { properties: { id: { type: 'string', readOnly: true }, url: { type: 'string', writeOnly: true } }, required: ['id', 'url'] };
    expect(convertSchema(stamped, 'x', 'request')).toEqual({ properties: { id: false, url: { type: 'string', writeOnly: true } }, required: ['url'] });
    expect(convertSchema(stamped, 'x', 'response')).toEqual({ properties: { id: { type: 'string', readOnly: true }, url: false }, required: ['id'] });
    const id = { properties: { id: { $ref: '#/components/schemas/Id' } }, required: ['id'] };
    expect(convertSchema(id, 'x', 'request', new Set(['#/components/schemas/Id']))).toEqual({ properties: { id: false }, required: [] });
    expect(convertSchema({ properties: { p: { type: 'integer', 'x-referenceable': true } } }, 'x')).toEqual({
      properties: { p: { anyOf: [{ type: 'integer' }, { type: 'string', pattern: '^\\{vault://.+\\}$' }] } },
    });
  });
});

suite('the spec oracle', () => {
  it('matches concrete paths to templates, literal segments first', () => {
    const found = oracle().findOperation('GET', '/v2/control-planes/abc/core-entities/partials/p1/links?size=2');
    expect(found).toMatchObject({ api: 'control-planes-config', template: '/control-planes/{controlPlaneId}/core-entities/partials/{PartialId}/links' });
    expect(oracle().findOperation('GET', '/cloud-gateways/networks/n1/configuration-references')?.template).toBe(
      '/cloud-gateways/networks/{networkId}/configuration-references',
    );
    expect(oracle().findOperation('PATCH', '/control-planes/abc/core-entities/services/s1')).toBeUndefined();
  });

  it('validates request bodies and reports operations the spec lacks', () => {
    expect(validateRequest(undefined, 'POST', '/cloud-gateways/add-ons', { name: 'c' }).valid).toBe(false);
    expect(validateRequest(undefined, 'POST', '/nowhere', {}).errors[0]).toContain('no POST /nowhere');
  });

  it('records konsync’s own client (transport and KonnectApi) and checks every exchange', async () => {
    const emulator = await startEmulator({ provisionMs: 0 });
    try {
      const transport = recordingTransport();
      const client = new KonnectClient({ token: emulator.token, addr: emulator.url, transport: transport.wrapped });
      const api = recordingApi(client);
      const cp = await api.wrapped.request<JsonObject>({ api: 'control-planes', method: 'POST', path: '/control-planes', body: { name: 'rec', cloud_gateway: true } });
      const base = `/control-planes/${String(cp.body.id)}/core-entities`;
      for (let i = 0; i < 3; i++) {
        await api.wrapped.request({ api: 'core-entities', method: 'POST', path: `${base}/services`, body: { name: `s${i}`, host: 'h' } });
      }
      const services = await api.wrapped.list('core-entities', `${base}/services`, 'offset', { pageSize: 2 });
      expect(services).toHaveLength(3);
      await expect(api.wrapped.request({ api: 'core-entities', method: 'GET', path: `${base}/services/nope` })).rejects.toThrow();
      expect(transport.records.map((r) => r.status)).toEqual([201, 201, 201, 201, 200, 200, 404]);
      expect(api.records.filter((r) => r.synthetic)).toHaveLength(1);
      assertConforms(transport.records);
      assertConforms(api.records);
      const broken = [{ ...transport.records[1]!, responseBody: { host: 42 } }];
      expect(() => assertConforms(broken)).toThrow(/do not match the Konnect specs/);
    } finally {
      await emulator.stop();
    }
  });
});
