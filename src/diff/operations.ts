// A Change becomes an Operation (and a wait Operation for async kinds).
import type { Geo } from '../model/state.js';
import type { Operation } from '../model/plan.js';
import { kindOf } from '../kinds/registry.js';
import type { Change } from './compare.js';
import { fingerprintOf } from './fingerprint.js';
import type { PlannedChange } from './order.js';
import { readinessFor, requestsFor } from './requests.js';

export function operationFor(change: Change, geo: Geo): PlannedChange {
  const descriptor = kindOf(change.kind);
  const title = `${descriptor.title} ${change.key}`;
  const op: Operation = {
    id: `${change.action}:${change.kind}:${change.key}`,
    action: change.action,
    kind: change.kind,
    key: change.key,
    title,
    destructive: change.action === 'delete' || change.action === 'replace',
    requests: requestsFor(change, geo),
    patch: change.patch,
    dependsOn: [],
  };
  if (change.reason) op.reason = change.reason;
  if (change.before) op.before = change.before;
  if (change.after) op.after = change.after;
  if (change.live && change.action !== 'create') op.fingerprint = fingerprintOf(change.live);
  if (change.desired?.source) op.source = { ...change.desired.source };
  const planned: PlannedChange = { change, op };
  const readiness = change.desired && change.action !== 'delete' ? readinessFor(change.desired) : undefined;
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
    };
    if (op.source) wait.source = { ...op.source };
    planned.wait = wait;
  }
  return planned;
}
