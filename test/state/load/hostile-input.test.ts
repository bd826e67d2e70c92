import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError, type Problem } from '../../../src/errors.js';
import { loadState } from '../../../src/state/load/index.js';
import { load, onlyProblem, yaml } from './helpers.js';

const SERVICE = yaml('_konnect:', '  control_plane_name: cp', 'services:', '- name: a', '  host: h.example.com');

/** Writes `bytes` as a state file in a fresh temp dir and returns the problems loading it reports. */
async function loadBytes(name: string, bytes: Uint8Array): Promise<{ problems: Problem[]; file: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'konsync-hostile-')), name);
  writeFileSync(file, bytes);
  try {
    await loadState([file], { env: {} });
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return { problems: (error as ValidationError).problems, file };
  }
  return { problems: [], file };
}

describe('hostile or broken input: one clear problem naming the file', () => {
  it('rejects bytes that are not UTF-8 at their line and column instead of reading U+FFFD', async () => {
    const bytes = Buffer.concat([Buffer.from('services:\n- name: caf'), Buffer.from([0xe9]), Buffer.from('\n  host: h\n')]);
    const { problems, file } = await loadBytes('latin1.yaml', bytes);
    expect(problems).toEqual([{ file, line: 2, column: 12, message: 'invalid UTF-8 (byte 0xe9): state files must be UTF-8 encoded' }]);
  });

  it('counts columns in characters before the bad byte, and rejects a truncated sequence at the end', async () => {
    const bytes = Buffer.concat([Buffer.from('a: "é'), Buffer.from([0xf0, 0x9f])]);
    const { problems } = await loadBytes('cut.yaml', bytes);
    expect(problems).toMatchObject([{ line: 1, column: 6, message: 'invalid UTF-8 (byte 0xf0): state files must be UTF-8 encoded' }]);
  });

  it('accepts a UTF-8 byte order mark (YAML allows one) instead of calling it whitespace', async () => {
    const { problems } = await loadBytes('bom.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SERVICE)]));
    expect(problems).toEqual([]);
  });

  it('names UTF-16 for what it is', async () => {
    const { problems, file } = await loadBytes('utf16.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SERVICE, 'utf16le')]));
    expect(problems).toEqual([{ file, line: 1, column: 1, message: 'file is UTF-16 encoded: state files must be UTF-8' }]);
  });

  it('refuses an alias bomb at the first alias, quickly', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 10; level++) {
      const prev = String.fromCharCode(96 + level);
      lines.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const problem = onlyProblem({ 'bomb.yaml': yaml(...lines) });
    expect(problem).toMatchObject({ file: 'bomb.yaml', line: 2, column: 8 });
    expect(problem.message).toMatch(/^invalid YAML: .*alias/i);
  });

  it('refuses block nesting deeper than 64 levels at the first block that goes too deep, on either reader', () => {
    const lines = ['_info:'];
    for (let level = 1; level <= 200; level++) lines.push(`${' '.repeat(level)}k:`);
    lines.push(`${' '.repeat(201)}v: 1`);
    // Line n opens the map at depth n: the 65th is the first too deep.
    const expected = { file: 'deep.yaml', line: 65, column: 65, message: 'nested deeper than 64 levels' };
    expect(onlyProblem({ 'deep.yaml': yaml(...lines) })).toEqual(expected);
    // An anchor sends the same text to the yaml package's reader: the same place.
    expect(onlyProblem({ 'deep.yaml': yaml(...lines, 'x: &anchor 1') })).toEqual(expected);
  });

  it('counts an empty flow collection as a level when saying where nesting goes too deep', () => {
    const lines = ['_info:'];
    for (let level = 1; level < 63; level++) lines.push(`${' '.repeat(level)}k:`);
    // The map on line 64 is at depth 64, its empty list the 65th level.
    lines.push(`${' '.repeat(63)}v: []`);
    const expected = { file: 'deep.yaml', line: 64, column: 67, message: 'nested deeper than 64 levels' };
    expect(onlyProblem({ 'deep.yaml': yaml(...lines) })).toEqual(expected);
    expect(onlyProblem({ 'deep.yaml': yaml(...lines, 'x: &anchor 1') })).toEqual(expected);
  });

  it('refuses flow nesting deeper than 64 levels at the bracket that goes too deep, without handing it to the parser', () => {
    const depth = 20_000; // enough to make yaml run out of memory
    const problem = onlyProblem({ 'deep.json': `{"services": ${'['.repeat(depth)}${']'.repeat(depth)}}` });
    expect(problem).toEqual({ file: 'deep.json', line: 1, column: 77, message: 'nested deeper than 64 levels' });
  });

  it('collects any number of template uses and problems without overflowing the stack', () => {
    const count = 200_000;
    const text = `${yaml('_konnect:', '  control_plane_name: cp', 'services:', '- name: a', '  host: h', '  tags:')}${'  - ${{ env "DECK_TAG" }}\n'.repeat(count)}`;
    const state = load({ 'many.yaml': text }, { env: { DECK_TAG: 't' } });
    expect(state.env).toEqual([{ name: 'DECK_TAG', value: 't' }]);
  });
});
