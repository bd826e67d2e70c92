import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/diff/index.js';
import { planProblems } from '../../src/diff/plan-check.js';
import type { Entity } from '../../src/model/entity.js';
import type { Plan } from '../../src/model/plan.js';
import { CP, desiredEntity, desiredState, gatewayClaims, liveControlPlane, liveEntity, liveState } from './helpers.js';
import { everythingClaimed, konnectShapedLive, matchingDesired } from './fixture.js';

const plan = (desired: Entity[], live: Entity[]) =>
  JSON.parse(JSON.stringify(buildPlan(desiredState(desired, { claims: everythingClaimed() }), liveState(live)))) as Plan;

/** Gateway entities retagged, control planes relabelled, the cache resized: updates (PUT and PATCH) and waits. */
function touched(entities: Entity[]): Entity[] {
  return entities.map((entity) => {
    if (entity.controlPlane !== undefined) return { ...entity, fields: { ...entity.fields, tags: ['touched'] } };
    if (entity.kind === 'control_plane') return { ...entity, fields: { ...entity.fields, labels: { touched: 'yes' } } };
    if (entity.kind === 'add_on') return { ...entity, fields: { ...entity.fields, config: { kind: 'managed-cache.v0', capacity_config: { kind: 'tiered', tier: 'medium' } } } };
    return entity;
  });
}

function renamed(): Plan {
  const id = '5f0c1d2e-0000-4000-8000-000000000009';
  const gw = { controlPlane: CP };
  const desired = [{ ...desiredEntity('service', { name: 'new', host: 'h' }, gw), id }, desiredEntity('route', { name: 'r', service: 'new', paths: ['/'] }, gw)];
  const live = [
    liveControlPlane(),
    liveEntity('service', { id, name: 'old', host: 'h' }, gw),
    liveEntity('route', { id: 'r1', name: 'r', service: { id }, paths: ['/'] }, { controlPlane: CP, ids: { [id]: 'old' } }),
  ];
  const made = JSON.parse(JSON.stringify(buildPlan(desiredState(desired, { claims: gatewayClaims(CP) }), liveState(live)))) as Plan;
  expect(made.operations[0]).toMatchObject({ id: `update:service:${CP}/new`, renamedFrom: `${CP}/old` });
  return made;
}

function membershipChange(): Plan {
  const group = liveEntity('control_plane', { id: 'cp-2', name: 'platform', config: { cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE_GROUP', auth_type: 'pinned_client_certs', cloud_gateway: false } });
  const membership = liveEntity('control_plane_membership', { members: [{ id: 'cp-1', name: CP }] }, { parentKey: 'platform' });
  const desired = [
    desiredEntity('control_plane', { name: CP, cloud_gateway: true }),
    desiredEntity('control_plane', { name: 'other' }),
    desiredEntity('control_plane', { name: 'platform', cluster_type: 'CLUSTER_TYPE_CONTROL_PLANE_GROUP' }),
    desiredEntity('control_plane_membership', { control_plane: 'platform', members: ['other'] }),
  ];
  const made = JSON.parse(JSON.stringify(buildPlan(desiredState(desired, { claims: [{ kind: 'control_plane' }, { kind: 'control_plane_membership' }] }), liveState([liveControlPlane(), group, membership])))) as Plan;
  expect(made.operations.map((op) => op.id)).toContain('update:control_plane_membership:platform');
  return made;
}

describe('planProblems: a plan as konsync made it passes', () => {
  it.each([
    ['creates of every fixture kind', () => plan(matchingDesired(), konnectShapedLive().filter((entity) => entity.kind === 'provider_account'))],
    ['deletes of every fixture kind', () => plan([], konnectShapedLive())],
    ['updates and replacements', () => plan(touched(matchingDesired()), konnectShapedLive())],
    ['a rename through a pinned id', () => renamed()],
    ['a control plane group membership change', () => membershipChange()],
  ])('%s', (_what, make) => {
    const made = make();
    expect(made.operations.length).toBeGreaterThan(0);
    expect(planProblems(made)).toEqual([]);
  });
});

describe('planProblems: an edited plan is refused', () => {
  const base = () => plan(touched(matchingDesired()), konnectShapedLive());
  const first = (p: Plan, action: string) => p.operations.find((op) => op.action === action && op.requests.length > 0)!;

  it('a request whose method, path or body is not what the operation sends', () => {
    const p = base();
    first(p, 'update').requests[0]!.method = 'DELETE';
    expect(planProblems(p).map((one) => one.message).join('\n')).toMatch(/its requests are not what this update sends \(request 1: method DELETE/);
  });

  it('an operation id that does not match its action, kind and key', () => {
    const p = base();
    const op = first(p, 'update');
    op.action = 'delete';
    expect(planProblems(p).map((one) => one.message).join('\n')).toContain('the id does not match its action, kind and key');
  });

  it('a wait whose readiness check polls something else', () => {
    const p = base();
    const wait = p.operations.find((op) => op.action === 'wait')!;
    wait.readiness!.path = '/cloud-gateways/networks';
    expect(planProblems(p).map((one) => one.message).join('\n')).toContain(`${wait.id}: its readiness check is not what the planner makes`);
  });

  it('a summary that does not count the operations (the max-deletes gate and the prompt read it)', () => {
    const p = base();
    p.summary.update += 1;
    expect(planProblems(p)).toContainEqual({ path: 'summary', message: "the summary does not count the plan's operations" });
  });

  it('names the operations of a cycle', () => {
    const p = base();
    const [a, b] = p.operations.filter((op) => op.action !== 'wait');
    a!.dependsOn.push(b!.id);
    b!.dependsOn.push(a!.id);
    expect(planProblems(p).map((one) => one.message).join('\n')).toMatch(/dependency cycle: .*→/);
  });
});
