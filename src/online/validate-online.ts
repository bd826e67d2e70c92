import type { Problem } from '../errors.js';
import type { Entity } from '../model/entity.js';
import { canonicalJson, isJsonObject, type JsonObject } from '../model/json.js';
import type { DesiredState, LiveState } from '../model/state.js';
import type { KonnectApi } from '../konnect/types.js';
import { kindOf } from '../kinds/registry.js';
import { localKey } from '../model/entity.js';

/**
 * Stands for every referenced entity's id: Konnect's validation checks a body against its schema, not whether what it
 * references exists (it may be created by this very sync).
 */
export const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';

interface Check {
  entityName: string;
  controlPlaneId: string;
  body: JsonObject;
  /** Every desired entity with this exact body: a refusal is reported at each. */
  entities: Entity[];
}

/** The body a create would send, with placeholder ids; the parent, which a create puts in the path, in the body. */
function bodyOf(entity: Entity, geo: DesiredState['geo']): JsonObject {
  const descriptor = kindOf(entity.kind);
  const body = descriptor.encode(entity.fields, { geo, id: () => PLACEHOLDER_ID });
  if (descriptor.parent) body[descriptor.parent.field] = { id: PLACEHOLDER_ID };
  return body;
}

/** Konnect's refusal (Koko's `{message, details[{field, messages}]}`) as lines. */
function refusals(body: unknown): string[] {
  if (!isJsonObject(body)) return ['refused'];
  const details = Array.isArray(body.details) ? body.details.filter(isJsonObject) : [];
  const lines = details.map((detail) => {
    const messages = Array.isArray(detail.messages) ? detail.messages.map(String).join('; ') : '';
    return typeof detail.field === 'string' && detail.field !== '' ? `${detail.field}: ${messages}` : messages;
  });
  return lines.length > 0 ? lines : [String(body.message ?? 'refused')];
}

/**
 * Sends each declared gateway entity to Konnect's `POST /control-planes/{id}/core-entities/schemas/{entityName}/validate`
 * (plugins: their config against the plugin's schema), once per distinct body, through the client's scheduler, as decK's
 * `gateway validate` does. Entities of a control plane that does not exist yet are checked in another one that does
 * (bundled schemas are the same), unless they need something only their own control plane has (a custom plugin).
 * Returns a located problem per refusal; 404 (no such schema) is not a refusal.
 */
export async function validateOnline(desired: DesiredState, live: LiveState, api: KonnectApi, signal?: AbortSignal): Promise<Problem[]> {
  const cpIds = new Map(live.entities.filter((e) => e.kind === 'control_plane' && e.id !== undefined).map((e) => [e.key, e.id!]));
  // Validation goes to the host of the control plane it runs in.
  const cpGeos = new Map(live.entities.filter((e) => e.kind === 'control_plane' && e.id !== undefined && e.geo !== undefined).map((e) => [e.id!, e.geo!]));
  const anyCp = [...cpIds.values()].sort()[0];
  const liveRefs = new Set(live.entities.map((e) => `${e.kind}:${e.key}`));
  const checks = new Map<string, Check>();
  for (const entity of desired.entities) {
    const descriptor = kindOf(entity.kind);
    if (descriptor.validateAs === undefined || entity.controlPlane === undefined) continue;
    const own = cpIds.get(entity.controlPlane);
    // A custom plugin's schema exists only in its control plane, once it is there.
    const needsOwn = (descriptor.implicitRefs?.(entity, desired.entities) ?? []).some((target) => !liveRefs.has(`${target.kind}:${target.key}`));
    const controlPlaneId = needsOwn ? undefined : own ?? anyCp;
    if (controlPlaneId === undefined) continue;
    const body = bodyOf(entity, entity.geo ?? desired.geo);
    const key = canonicalJson({ entityName: descriptor.validateAs, body });
    const found = checks.get(key);
    if (found) found.entities.push(entity);
    else checks.set(key, { entityName: descriptor.validateAs, controlPlaneId, body, entities: [entity] });
  }
  const problems: Problem[] = [];
  await Promise.all(
    [...checks.values()].map(async (check) => {
      const response = await api.request({
        api: 'core-entities',
        method: 'POST',
        path: `/control-planes/${check.controlPlaneId}/core-entities/schemas/${check.entityName}/validate`,
        body: check.body,
        acceptStatuses: [400, 404],
        describe: `validation of ${check.entityName}`,
        ...(cpGeos.has(check.controlPlaneId) ? { geo: cpGeos.get(check.controlPlaneId)! } : {}),
        ...(signal ? { signal } : {}),
      });
      if (response.status !== 400) return;
      for (const entity of check.entities) {
        for (const line of refusals(response.body)) {
          const problem: Problem = { message: `Konnect refuses ${kindOf(entity.kind).title} "${localKey(entity)}": ${line}` };
          if (entity.source) Object.assign(problem, { file: entity.source.file, line: entity.source.line, column: entity.source.column, ...(entity.source.path ? { path: entity.source.path } : {}) });
          problems.push(problem);
        }
      }
    }),
  );
  return problems.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message));
}
