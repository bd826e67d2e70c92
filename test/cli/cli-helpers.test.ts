import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/cli/duration.js';
import { unsafeReasons } from '../../src/cli/safety.js';
import { errorJson, githubAnnotation, renderError } from '../../src/cli/errors-output.js';
import { captureIO, colors } from '../../src/cli/output.js';
import { createSession } from '../../src/cli/run-command.js';
import { ValidationError } from '../../src/errors.js';
import type { Operation, Plan } from '../../src/model/plan.js';

const op = (action: Operation['action'], key: string): Operation => ({
  id: `${action}:service:${key}`,
  action,
  kind: 'service',
  key,
  title: `service ${key}`,
  destructive: action === 'delete' || action === 'replace',
  requests: [],
  patch: [],
  dependsOn: [],
});
const plan = (ops: Operation[]): Plan => ({
  format: 'konsync/plan@1',
  geo: 'us',
  operations: ops,
  summary: { create: 0, update: 0, replace: 0, delete: 0, wait: 0, total: ops.length },
  warnings: [],
  env: [],
});

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['45', 45_000],
  ])('%s = %d ms', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it('rejects what is not a duration', () => expect(() => parseDuration('soon')).toThrow(/not a duration/));
});

describe('safety gates', () => {
  it('refuses replacements and deletes beyond --max-deletes unless --allow-destructive', () => {
    const risky = plan([op('replace', 'p/a'), op('delete', 'p/b'), op('delete', 'p/c')]);
    expect(unsafeReasons(risky, { maxDeletes: 10 })).toEqual([expect.stringMatching(/service p\/a would be replaced/)]);
    expect(unsafeReasons(risky, { maxDeletes: 1 })).toHaveLength(2);
    expect(unsafeReasons(risky, { maxDeletes: 0, allowDestructive: true })).toEqual([]);
    expect(unsafeReasons(plan([op('delete', 'p/b')]), { maxDeletes: 1 })).toEqual([]);
  });
});

describe('error output', () => {
  const error = new ValidationError([{ file: 'a, b.yaml', line: 3, column: 5, path: 'services[0].hostt', message: 'unknown key "hostt"', hint: 'did you mean "host"?' }]);
  it('JSON: {error: {type, message, problems}}', () => {
    expect(errorJson(error)).toMatchObject({ error: { type: 'ValidationError', problems: [{ line: 3 }] } });
  });
  it('github: one annotation per problem, with file and line, escaped', () => {
    const out = renderError(error, 'github', colors(captureIO())).stdout!;
    expect(out).toBe('::error file=a%2C b.yaml,line=3,col=5,title=konsync::services[0].hostt: unknown key "hostt" (did you mean "host"?)\n');
    expect(githubAnnotation('warning', 'a\nb')).toBe('::warning title=konsync::a%0Ab');
  });
  it('text goes to stderr, without colour off a terminal', () => {
    expect(renderError(new Error('boom'), 'text', colors(captureIO()))).toEqual({ stderr: 'error: boom\n' });
  });
});

describe('sessions', () => {
  it('mask DECK_ values and the token in everything printed', () => {
    const io = captureIO({ env: { DECK_X: 'hunter22', KONNECT_TOKEN: 'kpat_abc123' } });
    const session = createSession('text', io);
    session.out('secret hunter22 and kpat_abc123');
    expect(io.out).toBe('secret [masked] and [masked]\n');
  });
  it('colour only on a terminal without NO_COLOR', () => {
    expect(colors(captureIO({ isTTY: true, env: {} })).red('x')).not.toBe('x');
    expect(colors(captureIO({ isTTY: true, env: { NO_COLOR: '1' } })).red('x')).toBe('x');
    expect(colors(captureIO({ isTTY: false, env: {} })).red('x')).toBe('x');
  });
});
