import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/diff/index.js';
import { resolvePath } from '../../src/diff/requests.js';
import { CP, desiredEntity, desiredState, gatewayClaims, liveControlPlane, liveEntity, liveState } from './helpers.js';

const gw = { controlPlane: CP };

describe('planned requests', () => {
  it('a create POSTs the encoded body to the list path with id placeholders, and captures its id', () => {
    const desired = [
      desiredEntity('service', { name: 'orders', host: 'orders.internal' }, gw),
      desiredEntity('route', { name: 'r', service: 'orders', paths: ['/o'] }, gw),
    ];
    const plan = buildPlan(desiredState(desired, { claims: gatewayClaims(CP) }), liveState([liveControlPlane()]));
    const route = plan.operations.find((op) => op.id === 'create:route:payments/r')!;
    expect(route.requests).toEqual([
      {
        api: 'core-entities',
        method: 'POST',
        path: '/control-planes/{$id:control_plane:payments}/core-entities/routes',
        body: { name: 'r', service: { id: { $id: 'service:payments/orders' } }, paths: ['/o'] },
        captures: 'route:payments/r',
      },
    ]);
    expect(route.dependsOn).toEqual(['create:service:payments/orders']);
  });

  it('resolves {parentId} and {ref:field} templates', () => {
    const member = desiredEntity('consumer_group_member', { consumer_group: 'gold', consumer: 'alice' }, gw);
    expect(resolvePath('/x/{parentId}/consumers/{ref:consumer}', member)).toBe('/x/{$id:consumer_group:payments/gold}/consumers/{$id:consumer:payments/alice}');
    const target = desiredEntity('target', { upstream: 'up', target: '10.0.0.1:80' }, gw);
    expect(resolvePath('/u/{parentId}/targets/{id}', target)).toBe('/u/{$id:upstream:payments/up}/targets/{$id:target:payments/up/10.0.0.1:80}');
  });

  it('a configuration delete is a PUT with empty data plane groups and the live version (required for dedicated), accepting 409', () => {
    const live = liveEntity('configuration', { id: 'cfg-1', control_plane_id: 'cp-1', version: '3.11', dataplane_group_config: [{ provider: 'aws', region: 'us-east-2' }] }, { ids: { 'cp-1': 'payments' } });
    const plan = buildPlan(desiredState([], { claims: [{ kind: 'configuration' }] }), liveState([liveControlPlane(), live]));
    expect(plan.operations.map((op) => op.id)).toEqual(['delete:configuration:payments']);
    expect(plan.operations[0]!.requests).toEqual([
      {
        api: 'cloud-gateways',
        method: 'PUT',
        path: '/cloud-gateways/configurations',
        body: { control_plane_id: { $id: 'control_plane:payments' }, control_plane_geo: 'us', version: '3.11', dataplane_groups: [] },
        acceptStatuses: [409],
      },
    ]);
  });

  it('membership changes use the descriptor’s buildRequests (remove then add)', () => {
    const cps = ['grp', 'a', 'b', 'c'].map((name, i) => liveControlPlane(name, `cp-${i}`));
    const live = liveEntity('control_plane_membership', { members: [{ id: 'cp-1', name: 'a' }, { id: 'cp-2', name: 'b' }] }, { parentKey: 'grp' });
    const desired = desiredEntity('control_plane_membership', { control_plane: 'grp', members: ['b', 'c'] });
    const plan = buildPlan(desiredState([desired], { claims: [{ kind: 'control_plane_membership' }] }), liveState([...cps, live]));
    expect(plan.operations.map((op) => op.id)).toEqual(['update:control_plane_membership:grp']);
    expect(plan.operations[0]!.requests.map((r) => [r.path, r.body])).toEqual([
      ['/control-planes/{$id:control_plane:grp}/group-memberships/remove', { members: [{ id: { $id: 'control_plane:a' } }] }],
      ['/control-planes/{$id:control_plane:grp}/group-memberships/add', { members: [{ id: { $id: 'control_plane:c' } }] }],
    ]);
  });

  it('DECK_ values become env expressions everywhere in the plan, and plan.env lists them', () => {
    const secret = 's3cr3t-value';
    const desired = [
      desiredEntity('service', { name: 'orders', host: 'orders.internal' }, gw),
      desiredEntity('plugin', { name: 'request-transformer', service: 'orders', config: { add: { headers: [`Authorization:Bearer ${secret}`] } } }, gw),
      desiredEntity('vault', { prefix: 'aws', name: 'aws', config: { region: '{vault://env/REGION}' } }, gw),
    ];
    const env = [{ name: 'DECK_TOKEN', value: secret }];
    const plan = buildPlan(desiredState(desired, { claims: gatewayClaims(CP), env }), liveState([liveControlPlane()]));
    const text = JSON.stringify(plan);
    expect(text).not.toContain(secret);
    expect(text).toContain('Bearer ${{ env \\"DECK_TOKEN\\" }}');
    expect(text).toContain('{vault://env/REGION}');
    expect(plan.env).toEqual(['DECK_TOKEN']);
  });

  it('an update body that would carry a secret holds the expression, including the patch and before', () => {
    const liveSvc = liveEntity('service', { id: 's', name: 'orders', host: 'old-secret-host' }, { controlPlane: CP });
    const desired = [desiredEntity('service', { name: 'orders', host: 'new-secret-host' }, gw)];
    const env = [{ name: 'DECK_NEW', value: 'new-secret-host' }, { name: 'DECK_OLD', value: 'old-secret-host' }];
    const plan = buildPlan(desiredState(desired, { claims: gatewayClaims(CP), env }), liveState([liveControlPlane(), liveSvc]));
    const text = JSON.stringify(plan);
    expect(text).not.toMatch(/(new|old)-secret-host/);
    expect(plan.env).toEqual(['DECK_NEW', 'DECK_OLD']);
  });
});

describe('pinned ids', () => {
  it('a core entity created with an id pinned in the file keeps it, and id: references to it resolve', () => {
    const svc = { ...desiredEntity('service', { name: 'orders', host: 'h' }, gw), id: '5f0c1d2e-0000-4000-8000-000000000001' };
    const route = desiredEntity('route', { name: 'r', service: 'id:5f0c1d2e-0000-4000-8000-000000000001', paths: ['/'] }, gw);
    const plan = buildPlan(desiredState([svc, route], { claims: gatewayClaims(CP) }), liveState([liveControlPlane()]));
    const create = plan.operations.find((op) => op.id === 'create:service:payments/orders')!;
    expect(create.requests[0]!.body!.id).toBe('5f0c1d2e-0000-4000-8000-000000000001');
    const routeOp = plan.operations.find((op) => op.id === 'create:route:payments/r')!;
    expect(routeOp.requests[0]!.body!.service).toEqual({ id: { $id: 'service:payments/orders' } });
    expect(routeOp.dependsOn).toEqual(['create:service:payments/orders']);
  });
});

describe('renames through pinned ids', () => {
  const ID = '5f0c1d2e-0000-4000-8000-000000000009';
  const ids = { [ID]: 'old' };
  const live = () => [
    liveControlPlane(),
    liveEntity('service', { id: ID, name: 'old', host: 'h' }, { controlPlane: CP }),
    liveEntity('route', { id: 'r1', name: 'r', service: { id: ID }, paths: ['/'] }, { controlPlane: CP, ids }),
  ];

  it('a file pinning a live id under a new name renames the entity instead of creating a duplicate', () => {
    const desired = [
      { ...desiredEntity('service', { name: 'new', host: 'h' }, gw), id: ID },
      desiredEntity('route', { name: 'r', service: 'new', paths: ['/'] }, gw),
    ];
    const plan = buildPlan(desiredState(desired, { claims: gatewayClaims(CP) }), liveState(live()));
    expect(plan.operations.map((op) => op.id)).toEqual(['update:service:payments/new', 'update:route:payments/r']);
    const [rename, route] = plan.operations;
    expect(rename!.reason).toBe('renamed from payments/old');
    expect(rename!.requests[0]).toMatchObject({ method: 'PUT', path: '/control-planes/{$id:control_plane:payments}/core-entities/services/{$id:service:payments/old}', captures: 'service:payments/new' });
    expect(rename!.fingerprint?.id).toBe(ID);
    expect(route!.dependsOn).toEqual(['update:service:payments/new']);
  });

  it('without a pinned id a new name is a create and a delete', () => {
    const desired = [desiredEntity('service', { name: 'new', host: 'h' }, gw), desiredEntity('route', { name: 'r', service: 'new', paths: ['/'] }, gw)];
    const plan = buildPlan(desiredState(desired, { claims: gatewayClaims(CP) }), liveState(live()));
    // The route moves to the new service before the old one is deleted.
    expect(plan.operations.map((op) => op.id)).toEqual(['create:service:payments/new', 'update:route:payments/r', 'delete:service:payments/old']);
  });
});

describe('secrets and placeholders', () => {
  it('never rewrites {"$id"} placeholders, even when a DECK_ value matches a key', () => {
    const desired = [
      desiredEntity('service', { name: 'orders', host: 'orders.internal' }, gw),
      desiredEntity('route', { name: 'r', service: 'orders', paths: ['/orders'] }, gw),
    ];
    const plan = buildPlan(desiredState(desired, { claims: gatewayClaims(CP), env: [{ name: 'DECK_SVC', value: 'orders' }] }), liveState([liveControlPlane()]));
    const route = plan.operations.find((op) => op.kind === 'route')!;
    expect(route.requests[0]!.body!.service).toEqual({ id: { $id: 'service:payments/orders' } });
    expect(route.requests[0]!.body!.paths).toEqual(['/${{ env "DECK_SVC" }}']);
  });
});
