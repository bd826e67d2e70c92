import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/diff/index.js';
import { PlanError } from '../../src/errors.js';
import { loadDocuments } from '../../src/state/load/index.js';
import type { Entity } from '../../src/model/entity.js';
import { CP, desiredEntity, desiredState, gatewayClaims, liveControlPlane, liveEntity, liveState, scope } from './helpers.js';

const gw = { controlPlane: CP };
const ids = { 'svc-1': 'orders', 'svc-2': 'legacy', 'svc-3': 'shared', 'cp-1': 'payments', 'pa-1': 'redis', 'pa-2': 'konnect-managed-a188516a-b1a6-4fad-9eda-f9b1be1b7159' };
const svc = (name: string, id: string, tags?: string[]) => liveEntity('service', { id, name, host: `${name}.internal`, ...(tags ? { tags } : {}) }, { controlPlane: CP, ids });

describe('claims: what a sync may delete', () => {
  const live = [liveControlPlane(), svc('orders', 'svc-1', ['team-a']), svc('legacy', 'svc-2', ['team-a']), svc('shared', 'svc-3', ['team-b'])];
  const desired = [desiredEntity('service', { name: 'orders', host: 'orders.internal', tags: ['team-a'] }, gw)];

  it('deletes only live entities carrying all the claim select tags', () => {
    const plan = buildPlan(desiredState(desired, { claims: gatewayClaims(CP, ['team-a']) }), liveState(live));
    expect(plan.operations.map((op) => op.id)).toEqual(['delete:service:payments/legacy']);
    expect(plan.operations[0]!.fingerprint).toEqual({ id: 'svc-2', version: expect.stringMatching(/^sha256:/) });
  });

  it('without select tags the claim covers the whole control plane', () => {
    const plan = buildPlan(desiredState([desiredEntity('service', { name: 'orders', host: 'orders.internal', tags: ['team-a'] }, gw)], { claims: gatewayClaims(CP) }), liveState(live));
    expect(plan.operations.map((op) => op.id)).toEqual(['delete:service:payments/legacy', 'delete:service:payments/shared']);
  });

  it('--select-tag narrows every gateway claim', () => {
    const file = { path: 'kong.yaml', text: `_konnect: {control_plane_name: ${CP}}\nservices: []\n` };
    const { claims } = loadDocuments([file], { env: {}, selectTags: ['team-b'] });
    const plan = buildPlan(desiredState(desired, { claims }), liveState(live));
    expect(plan.operations.map((op) => op.id)).toEqual(['delete:service:payments/shared']);
  });

  it('deletes nothing of a kind no claim names, nor anything in another control plane', () => {
    const other = liveEntity('service', { id: 'x', name: 'x', host: 'x' }, { controlPlane: 'other' });
    const plan = buildPlan(desiredState(desired, { claims: [{ kind: 'route', controlPlane: CP }, { kind: 'service', controlPlane: CP, selectTags: ['team-a'] }] }), liveState([...live, other]));
    expect(plan.operations.map((op) => op.id)).toEqual(['delete:service:payments/legacy']);
  });

  it('never deletes konnect-managed partials, owned certificates or read-only kinds', () => {
    const managed = liveEntity('partial', { id: 'pa-2', name: 'konnect-managed-a188516a-b1a6-4fad-9eda-f9b1be1b7159', type: 'redis-ee', tags: ['konnect-managed'], config: {} }, { controlPlane: CP });
    const domain = liveEntity('custom_domain', { id: 'cd-1', control_plane_id: 'cp-1', domain: 'api.example.com', certificate_id: 'cert-9', sni_id: 'sni-9' }, { ids });
    const cert = liveEntity('certificate', { id: 'cert-9', cert: '-----BEGIN CERTIFICATE-----x', key: 'k' }, { controlPlane: CP });
    const account = liveEntity('provider_account', { id: 'pacc', provider: 'aws' });
    const claims = [...gatewayClaims(CP), { kind: 'provider_account' as const }];
    const plan = buildPlan(desiredState([], { claims }), liveState([liveControlPlane(), managed, domain, cert, account]));
    expect(plan.operations).toEqual([]);
  });
});

describe('references', () => {
  const plugin = (extra = {}) => desiredEntity('plugin', { name: 'rate-limiting-advanced', service: 'shared', config: { limit: [1], window_size: [1] }, ...extra }, { controlPlane: CP, line: 12 });

  it('a reference to something neither desired nor looked up fails, naming both ends', () => {
    const run = () => buildPlan(desiredState([plugin()], { claims: gatewayClaims(CP) }), liveState([liveControlPlane()]));
    expect(run).toThrow(PlanError);
    expect(run).toThrow(/kong\.yaml:12: plugin payments\/rate-limiting-advanced\|service=shared references service "shared" \(service:payments\/shared/);
  });

  it('resolves through default_lookup_tags to a live entity carrying those tags, and never deletes or updates it', () => {
    const live = [liveControlPlane(), svc('shared', 'svc-3', ['global'])];
    const state = desiredState([plugin()], { claims: gatewayClaims(CP), scopes: [scope(CP, { services: ['global'] })] });
    const plan = buildPlan(state, liveState(live));
    expect(plan.operations.map((op) => op.id)).toEqual(['create:plugin:payments/rate-limiting-advanced|service=shared']);
    expect(plan.warnings).toContain('service payments/shared resolved from live state through default_lookup_tags (services)');
    expect(plan.operations[0]!.dependsOn).toEqual([]);
    expect(plan.operations[0]!.requests[0]!.body!.service).toEqual({ id: { $id: 'service:payments/shared' } });
  });

  it('lookup fails when the live entity lacks the lookup tags', () => {
    const state = desiredState([plugin()], { claims: gatewayClaims(CP), scopes: [scope(CP, { services: ['global'] })] });
    expect(() => buildPlan(state, liveState([liveControlPlane(), svc('shared', 'svc-3', ['other'])]))).toThrow(/lacks the lookup tags \[global\]/);
  });

  it('maps id:<uuid> references to keys through live ids, and keys the entity by the name', () => {
    const desired = [desiredEntity('service', { name: 'shared', host: 'shared.internal', tags: ['global'] }, gw), plugin({ service: 'id:svc-3' })];
    const existing = liveEntity('plugin', { id: 'pl-1', name: 'rate-limiting-advanced', service: { id: 'svc-3' }, config: { limit: [1], window_size: [1], namespace: 'gen' } }, { controlPlane: CP, ids });
    const plan = buildPlan(desiredState(desired, { claims: gatewayClaims(CP) }), liveState([liveControlPlane(), svc('shared', 'svc-3', ['global']), existing]));
    expect(plan.operations).toEqual([]);
  });

  it('an unclaimed platform resource may be referenced as it is; a claimed one must be desired', () => {
    const cfg = desiredEntity('configuration', { control_plane: 'payments', version: '3.11', dataplane_groups: [] });
    expect(buildPlan(desiredState([cfg], { claims: [{ kind: 'configuration' }] }), liveState([liveControlPlane()])).operations.map((op) => op.action)).toEqual(['create', 'wait']);
    expect(() => buildPlan(desiredState([cfg], { claims: [{ kind: 'configuration' }, { kind: 'control_plane' }] }), liveState([liveControlPlane()]))).toThrow(PlanError);
  });

  it('a gateway entity needs its control plane', () => {
    const desired: Entity[] = [desiredEntity('service', { name: 'orders', host: 'x' }, gw)];
    expect(() => buildPlan(desiredState(desired), liveState([]))).toThrow(/belongs to control plane "payments", which is neither in the desired state nor in Konnect\. Name the control plane of its file/);
  });
});

describe('claims on children', () => {
  it('a claim with a parent covers only that parent’s children', () => {
    const tgw = (network: string, id: string) =>
      liveEntity('transit_gateway', { id, name: 'tgw', cidr_blocks: [], transit_gateway_attachment_config: { kind: 'aws-transit-gateway-attachment' } }, { parentKey: network });
    const net = (name: string, id: string) =>
      liveEntity('network', { id, name, cloud_gateway_provider_account_id: 'x', region: 'r', availability_zones: [], cidr_block: 'c' }, { ids: { x: 'aws' } });
    // The network declares its transit_gateways list, so it is declared too (unchanged).
    const prod = net('prod', 'n1');
    const desired = desiredState([desiredEntity('network', prod.fields)], { claims: [{ kind: 'transit_gateway', parent: 'prod' }] });
    const aws = liveEntity('provider_account', { id: 'x', provider: 'aws' });
    const plan = buildPlan(desired, liveState([aws, prod, net('dev', 'n2'), tgw('prod', 't1'), tgw('dev', 't2')]));
    expect(plan.operations.map((op) => op.id)).toEqual(['delete:transit_gateway:prod/tgw']);
  });
});
