import type { Problem } from '../errors.js';
import type { Entity } from '../model/entity.js';
import type { DesiredState } from '../model/state.js';

/** `error`: Konnect would refuse it. `warning`: Konnect accepts it, but it will not work as written. */
export type Severity = 'error' | 'warning';

/** One guard-rail finding: a problem with a severity and the rule that found it (`network.cidr-prefix`). */
export interface Finding extends Problem {
  severity: Severity;
  rule: string;
}

export type FieldPath = ReadonlyArray<string | number>;

/** `cloud_gateways.networks[0].cidr_block` → `['cloud_gateways', 'networks', 0, 'cidr_block']`. */
export function parseFieldPath(text: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const match of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) out.push(Number(match[2]));
    else if (match[1] !== undefined) out.push(match[1]);
  }
  return out;
}

/** `services[0].routes[1].paths`, the form every problem uses. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  return out;
}

/** Where an entity's field was written: its file path, and position when the state was loaded from files. */
export function fieldPathOf(entity: Entity, field: FieldPath): Array<string | number> {
  return [...parseFieldPath(entity.source?.path ?? ''), ...field];
}

/** Collects findings, locating each at the field of the entity it is about. */
export class FindingList {
  readonly findings: Finding[] = [];
  constructor(private readonly state: Pick<DesiredState, 'locator'>) {}

  /** A finding at `field` (keys and indexes below the entity) of a desired entity. */
  at(entity: Entity, field: FieldPath, severity: Severity, rule: string, message: string, hint?: string): void {
    const source = entity.source;
    const path = fieldPathOf(entity, field);
    const finding: Finding = { severity, rule, message };
    if (source) {
      const position = this.state.locator?.field(source.file, path) ?? { line: source.line, column: source.column };
      Object.assign(finding, { file: source.file, line: position.line, column: position.column });
    }
    if (path.length > 0) finding.path = formatPath(path);
    if (hint) finding.hint = hint;
    this.findings.push(finding);
  }

  /** A finding already located (a Lua line inside a handler). */
  add(finding: Finding): void {
    this.findings.push(finding);
  }
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1 };

/** By file and position, errors first where two share a place. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      (a.file ?? '').localeCompare(b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      ORDER[a.severity] - ORDER[b.severity] ||
      a.message.localeCompare(b.message),
  );
}
