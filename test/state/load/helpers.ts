import { expect } from 'vitest';
import { ValidationError, type Problem } from '../../../src/errors.js';
import { loadDocuments, type CoreOptions } from '../../../src/state/load/index.js';
import type { DesiredState } from '../../../src/model/state.js';
import type { Entity } from '../../../src/model/entity.js';

/** Loads in-memory files (`{path: text}`) through the pure core. */
export function load(files: Record<string, string>, options: Partial<CoreOptions> = {}): DesiredState {
  return loadDocuments(
    Object.entries(files).map(([path, text]) => ({ path, text })),
    { env: {}, ...options },
  );
}

/** The problems a load reports; fails the test when it loads. */
export function problems(files: Record<string, string>, options: Partial<CoreOptions> = {}): Problem[] {
  try {
    load(files, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).problems;
  }
  throw new Error('expected the load to fail');
}

/** The single problem a load reports. */
export function onlyProblem(files: Record<string, string>, options: Partial<CoreOptions> = {}): Problem {
  const found = problems(files, options);
  expect(found, JSON.stringify(found, null, 2)).toHaveLength(1);
  return found[0]!;
}

export function entity(state: DesiredState, kind: Entity['kind'], key: string): Entity {
  const found = state.entities.find((e) => e.kind === kind && e.key === key);
  if (!found) throw new Error(`no ${kind} ${key} in ${state.entities.map((e) => `${e.kind}:${e.key}`).join(', ')}`);
  return found;
}

export const keys = (state: DesiredState) => state.entities.map((e) => `${e.kind}:${e.key}`);

/** YAML from lines, so positions in tests are easy to count. */
export const yaml = (...lines: string[]) => `${lines.join('\n')}\n`;
