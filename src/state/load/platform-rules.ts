import { isJsonObject, type JsonObject } from '../../model/json.js';
import type { Entity } from '../../model/entity.js';
import type { KindName } from '../../kinds/kind-names.js';
import type { FieldPath } from './field-path.js';

const GROUP = 'CLUSTER_TYPE_CONTROL_PLANE_GROUP';

export interface RuleContext {
  all: readonly Entity[];
  /** Desired entity by `kind:key`. */
  find(kind: KindName, key: string): Entity | undefined;
  report(entity: Entity, sub: FieldPath, message: string): void;
}

type Rule = (entity: Entity, ctx: RuleContext) => void;

const isGroup = (cp: Entity | undefined) => cp?.fields.cluster_type === GROUP;
const groups = (fields: JsonObject) => (Array.isArray(fields.dataplane_groups) ? fields.dataplane_groups : []);

/** Checks across fields and entities that JSON Schema cannot express, per kind. */
const RULES: Partial<Record<KindName, Rule[]>> = {
  control_plane_membership: [
    (membership, ctx) => {
      const group = ctx.find('control_plane', String(membership.fields.control_plane));
      if (group && !isGroup(group)) ctx.report(membership, ['members'], `members are allowed only on a control plane group (cluster_type: ${GROUP})`);
      const members = Array.isArray(membership.fields.members) ? membership.fields.members : [];
      const seen = new Set<string>();
      members.forEach((name, index) => {
        if (typeof name !== 'string') return;
        if (seen.has(name)) ctx.report(membership, ['members', index], `control plane "${name}" is listed twice`);
        seen.add(name);
        if (isGroup(ctx.find('control_plane', name))) ctx.report(membership, ['members', index], `control plane groups cannot be nested: "${name}" is a group`);
      });
    },
  ],
  configuration: [
    (configuration, ctx) => {
      const cp = ctx.find('control_plane', String(configuration.fields.control_plane));
      if (cp && cp.fields.cloud_gateway !== true) {
        ctx.report(configuration, ['control_plane'], `control plane "${cp.key}" needs cloud_gateway: true to have a cloud gateway configuration`);
      }
      const placements = new Set<string>();
      groups(configuration.fields).forEach((group, index) => {
        if (!isJsonObject(group)) return;
        const placement = `${String(group.provider)}/${String(group.region)}`;
        if (placements.has(placement)) ctx.report(configuration, ['dataplane_groups', index], `two data plane groups in ${placement}`);
        placements.add(placement);
        const network = typeof group.network === 'string' ? ctx.find('network', group.network) : undefined;
        if (network && (network.fields.provider !== group.provider || network.fields.region !== group.region)) {
          ctx.report(
            configuration,
            ['dataplane_groups', index, 'network'],
            `network "${network.key}" is in ${String(network.fields.provider)}/${String(network.fields.region)}, not ${placement}`,
          );
        }
        const names = new Set<string>();
        const environment = Array.isArray(group.environment) ? group.environment : [];
        environment.forEach((variable, i) => {
          if (!isJsonObject(variable) || typeof variable.name !== 'string') return;
          if (names.has(variable.name)) ctx.report(configuration, ['dataplane_groups', index, 'environment', i, 'name'], `environment variable ${variable.name} is set twice`);
          names.add(variable.name);
        });
      });
    },
  ],
  custom_domain: [
    (domain, ctx) => {
      const cp = ctx.find('control_plane', String(domain.fields.control_plane));
      if (cp && cp.fields.cloud_gateway !== true) ctx.report(domain, ['control_plane'], `control plane "${cp.key}" is not a cloud gateway (cloud_gateway: true)`);
    },
  ],
  add_on: [
    (addOn, ctx) => {
      const owner = isJsonObject(addOn.fields.owner) ? addOn.fields.owner : {};
      if (typeof owner.control_plane_group === 'string') {
        const cp = ctx.find('control_plane', owner.control_plane_group);
        if (cp && !isGroup(cp)) ctx.report(addOn, ['owner', 'control_plane_group'], `"${cp.key}" is not a control plane group; use owner.control_plane`);
      }
      if (typeof owner.control_plane === 'string' && isGroup(ctx.find('control_plane', owner.control_plane))) {
        ctx.report(addOn, ['owner', 'control_plane'], `"${owner.control_plane}" is a control plane group; use owner.control_plane_group`);
      }
      const sameOwner = ctx.all.find((other) => other.kind === addOn.kind && JSON.stringify(other.fields.owner) === JSON.stringify(addOn.fields.owner));
      if (sameOwner && sameOwner !== addOn) {
        ctx.report(addOn, ['owner'], `add-on "${sameOwner.key}" already has this owner; Konnect allows one managed cache per owner`);
      }
    },
  ],
};

/** Rules for every kind, plus one for gateway entities: a control plane group's configuration is read-only. */
export function checkPlatformRules(entities: readonly Entity[], ctx: RuleContext): void {
  const reportedGroups = new Set<string>();
  for (const entity of entities) {
    for (const rule of RULES[entity.kind] ?? []) rule(entity, ctx);
    if (entity.controlPlane !== undefined && isGroup(ctx.find('control_plane', entity.controlPlane)) && !reportedGroups.has(entity.controlPlane)) {
      reportedGroups.add(entity.controlPlane);
      ctx.report(entity, [], `control plane "${entity.controlPlane}" is a control plane group, whose gateway configuration is read-only; declare entities on its members`);
    }
  }
}
