import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/diff/index.js';
import { desiredEntity, desiredState, liveEntity, liveState } from './helpers.js';

// A golden plan: the whole format (ids, order, requests, placeholders, waits) for a small platform + gateway state.
// Update with `npx vitest run -u test/diff/golden.test.ts` after a deliberate format change.
describe('golden plan', () => {
  it('creates a control plane, network, configuration and a gateway service in a stable, reviewed form', () => {
    const desired = [
      desiredEntity('control_plane', { name: 'payments', cloud_gateway: true, labels: { team: 'payments' } }, { line: 2 }),
      desiredEntity('network', { name: 'prod', provider: 'aws', region: 'us-east-2', availability_zones: ['use2-az1'], cidr_block: '10.42.0.0/22' }, { line: 6 }),
      desiredEntity('configuration', { control_plane: 'payments', version: '3.11', dataplane_groups: [{ provider: 'aws', region: 'us-east-2', network: 'prod' }] }, { line: 12 }),
      desiredEntity('service', { name: 'orders', host: 'orders.internal', tags: ['team-a'] }, { controlPlane: 'payments', line: 20 }),
    ];
    const live = [liveEntity('provider_account', { id: 'pa-1', provider: 'aws' })];
    const plan = buildPlan(desiredState(desired, { claims: [{ kind: 'control_plane' }, { kind: 'network' }, { kind: 'configuration' }] }), liveState(live));
    expect(JSON.stringify(plan, null, 2)).toMatchSnapshot();
  });
});
