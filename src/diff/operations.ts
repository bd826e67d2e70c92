// A Change becomes an Operation (and a wait Operation for async kinds).
import type { Geo } from '../model/state.js';
import type { Operation } from '../model/plan.js';
import { kindOf } from '../kinds/registry.js';
import type { Change } from './compare.js';
import { liveFingerprint } from './fingerprint.js';
import type { PlannedChange } from './order.js';
import { readinessFor, requestsFor } from './requests.js';

export function operationFor(change: Change, geo: Geo): PlannedChange {
  const descriptor = kindOf(change.kind);
  const title = `${descriptor.title} ${change.key}`;
  const placedIn = (change.desired ?? change.live)?.geo;
  // Keys in the Operation type's order, so saved plans read top to bottom.
  const op: Operation = {
    id: `${change.action}:${change.kind}:${change.key}`,
    action: change.action,
    kind: change.kind,
    key: change.key,
    title,
    destructive: change.action === 'delete' || change.action === 'replace',
    ...(change.reason ? { reason: change.reason } : {}),
    requests: requestsFor(change, geo),
    patch: change.patch,
    ...(change.before ? { before: change.before } : {}),
    ...(change.after ? { after: change.after } : {}),
    ...(change.desired && (change.action === 'update' || change.action === 'replace') ? { fields: change.desired.fields } : {}),
    ...(placedIn !== undefined && placedIn !== geo ? { geo: placedIn } : {}),
    ...(change.renamedFrom !== undefined ? { renamedFrom: change.renamedFrom } : {}),
    ...(change.live && change.action !== 'create' ? { fingerprint: liveFingerprint(change.live) } : {}),
    dependsOn: [],
    ...(change.desired?.source ? { source: { ...change.desired.source } } : {}),
  };
  const planned: PlannedChange = { change, op };
  const readiness = change.desired && change.action !== 'delete' ? readinessFor(change.desired, geo) : undefined;
  if (readiness) {
    const wait: Operation = {
      id: `wait:${change.kind}:${change.key}`,
      action: 'wait',
      kind: change.kind,
      key: change.key,
      title,
      destructive: false,
      reason: `wait until ${title} is ${readiness.ready.join(' or ')}`,
      requests: [],
      readiness,
      patch: [],
      dependsOn: [op.id],
      ...(op.source ? { source: { ...op.source } } : {}),
    };
    planned.wait = wait;
  }
  return planned;
}
