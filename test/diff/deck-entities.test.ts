import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/diff/index.js';
import { GATEWAY_KINDS } from '../../src/kinds/registry.js';
import { desiredEntity, desiredState, liveControlPlane, liveEntity, liveState, scope } from './helpers.js';

const CP = 'payments';
const claims = GATEWAY_KINDS.map((kind) => ({ kind: kind.kind, controlPlane: CP }));
const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const SERVICE_ID = '9d6bb6c5-0000-4000-8000-0000000000a1';

const plan = (desired: ReturnType<typeof desiredEntity>[], live: ReturnType<typeof liveEntity>[]) =>
  buildPlan(desiredState(desired, { claims, scopes: [scope(CP)] }), liveState([liveControlPlane(CP), ...live]));

describe('decK entities in the plan', () => {
  it('a CA certificate is in sync though Konnect adds the cert_digest it computes', () => {
    const desired = desiredEntity('ca_certificate', { cert: CERT }, { controlPlane: CP });
    const live = liveEntity('ca_certificate', { id: 'c0000000-0000-4000-8000-000000000001', cert: CERT, cert_digest: 'ab12', tags: null, created_at: 1 }, { controlPlane: CP });
    expect(plan([desired], [live]).operations).toEqual([]);
  });

  it('GraphQL cost decorations: Konnect defaults are not drift, a changed constant is an update under the service', () => {
    const service = { desired: desiredEntity('service', { name: 'gql', host: 'gql' }, { controlPlane: CP }), live: liveEntity('service', { id: SERVICE_ID, name: 'gql', host: 'gql', created_at: 1 }, { controlPlane: CP }) };
    const raw = { id: 'd0000000-0000-4000-8000-000000000001', service: { id: SERVICE_ID }, type_path: 'Query.users', add_arguments: [], add_constant: 1, mul_arguments: [], mul_constant: 1, created_at: 1 };
    const live = liveEntity('graphql_cost_decoration', raw, { controlPlane: CP, parentKey: 'gql' });
    const same = desiredEntity('graphql_cost_decoration', { service: 'gql', type_path: 'Query.users' }, { controlPlane: CP });
    expect(plan([service.desired, same], [service.live, live]).operations.filter((op) => op.kind !== 'service')).toEqual([]);
    const changed = desiredEntity('graphql_cost_decoration', { service: 'gql', type_path: 'Query.users', add_constant: 4 }, { controlPlane: CP });
    const ops = plan([service.desired, changed], [service.live, live]).operations.filter((op) => op.kind !== 'service');
    expect(ops).toMatchObject([
      {
        action: 'update',
        requests: [{ method: 'PUT', path: expect.stringContaining('/services/{$id:service:payments/gql}/graphql-rate-limiting-advanced/costs/'), body: expect.objectContaining({ add_constant: 4 }) }],
      },
    ]);
    expect(ops[0]!.requests[0]!.body).not.toHaveProperty('tags');
  });
});
