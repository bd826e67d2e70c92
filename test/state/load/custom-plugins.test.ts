import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors.js';
import { loadState } from '../../../src/state/load/index.js';
import { MAX_LUA_BYTES, sideFilePath } from '../../../src/state/load/code-fields.js';
import { load, onlyProblem, problems, yaml } from './helpers.js';

const HEAD = ['_info: {include_plugin_definitions: true}', 'custom_plugins:'];

describe('custom plugins', () => {
  it('keeps inline handler and schema as written', () => {
    const state = load({ 'g.yaml': yaml(...HEAD, "- {name: x, handler: 'return { PRIORITY = 1 }', schema: 'return { name = \"x\", fields = {} }'}") });
    expect(state.entities[0]!.fields).toMatchObject({ name: 'x', handler: 'return { PRIORITY = 1 }' });
  });

  it('reads handler_file and schema_file relative to the state file', () => {
    const sideFiles = new Map([
      [sideFilePath('dir/g.yaml', 'lua/handler.lua'), 'return {}\n'],
      [sideFilePath('dir/g.yaml', 'lua/schema.lua'), 'return { name = "x" }\n'],
    ]);
    expect(sideFilePath('dir/g.yaml', 'lua/handler.lua')).toBe('dir/lua/handler.lua');
    const state = load({ 'dir/g.yaml': yaml(...HEAD, '- {name: x, handler_file: lua/handler.lua, schema_file: lua/schema.lua}') }, { sideFiles });
    expect(state.entities[0]!.fields).toEqual({ name: 'x', handler: 'return {}\n', schema: 'return { name = "x" }\n' });
  });

  it('reports an unreadable file, a field given twice, and a missing field', () => {
    const found = problems({ 'g.yaml': yaml(...HEAD, '- {name: x, handler_file: nope.lua, schema: "return {}", schema_file: s.lua}', '- {name: y, handler: "return {}"}') });
    expect(found.map((p) => `${p.line}:${p.path} ${p.message}`)).toEqual([
      '3:custom_plugins[0].handler_file cannot read nope.lua',
      '3:custom_plugins[0].schema_file set either schema or schema_file, not both',
      '4:custom_plugins[1].schema missing required field "schema" (or schema_file)',
    ]);
  });

  it('rejects Lua with a syntax error, naming the field, the Lua position and the YAML line holding it', () => {
    const problem = onlyProblem({ 'g.yaml': yaml(...HEAD, '- name: x', '  handler: |', '    return {', '      PRIORITY = ', '  schema: "return {}"') });
    // The error is at the end of the Lua text (line 3): the last line of the block, YAML line 6.
    expect(problem).toMatchObject({ file: 'g.yaml', line: 6, column: 5, path: 'custom_plugins[0].handler', message: expect.stringMatching(/^handler: Lua syntax error: \[3:0\]/) });
    const early = onlyProblem({ 'g.yaml': yaml(...HEAD, '- name: x', '  handler: |', '    local x = = 1', '    return {}', '  schema: "return {}"') });
    expect(early).toMatchObject({ line: 5, column: 5, message: expect.stringMatching(/^handler: Lua syntax error: \[1:/) });
  });

  it('a syntax error in a handler_file is reported at the handler_file key, naming the file', () => {
    const sideFiles = new Map([[sideFilePath('g.yaml', 'h.lua'), 'return {\n']]);
    const problem = onlyProblem({ 'g.yaml': yaml(...HEAD, '- name: x', '  handler_file: h.lua', '  schema: "return {}"') }, { sideFiles });
    expect(problem).toMatchObject({ line: 4, column: 3, path: 'custom_plugins[0].handler_file', message: expect.stringMatching(/^h\.lua: Lua syntax error: \[2:0\]/) });
  });

  it('rejects Lua over 100 KB', () => {
    const big = `return { x = "${'a'.repeat(MAX_LUA_BYTES)}" }`;
    const problem = onlyProblem({ 'g.yaml': `${HEAD.join('\n')}\n- name: x\n  handler: '${big}'\n  schema: 'return {}'\n` });
    expect(problem.message).toContain('Konnect accepts at most 102400 bytes');
  });
});

describe('code files stay inside the directory of the state file that names them', () => {
  const setup = async () => {
    const root = await mkdtemp(join(tmpdir(), 'konsync-code-'));
    await mkdir(join(root, 'repo/konnect/lua'), { recursive: true });
    await writeFile(join(root, 'repo/konnect/lua/schema.lua'), 'return { name = "x", fields = {} }\n');
    await writeFile(join(root, 'repo/outside.lua'), 'return {}\n');
    return root;
  };
  const gateway = (handler: string) => yaml(...HEAD, `- {name: x, handler_file: ${handler}, schema_file: lua/schema.lua}`);

  it('refuses ../ and absolute paths with file:line:column, without reading them', async () => {
    const root = await setup();
    const file = join(root, 'repo/konnect/g.yaml');
    await writeFile(file, gateway('../outside.lua'));
    const error = (await loadState([file], { env: {} }).catch((e: unknown) => e)) as ValidationError;
    expect(error.problems).toEqual([
      expect.objectContaining({ file, line: 3, column: 13, path: 'custom_plugins[0].handler_file', message: `../outside.lua is outside ${join(root, 'repo/konnect')}, the directory of the state file that names it` }),
    ]);
    await writeFile(file, gateway('/etc/passwd'));
    await expect(loadState([file], { env: {} })).rejects.toThrow(`g.yaml:3:13: custom_plugins[0].handler_file: /etc/passwd is an absolute path; code files must be inside ${join(root, 'repo/konnect')}`);
  });

  it('refuses a symlink inside the directory that points outside it; a link that stays inside is read', async () => {
    const root = await setup();
    const file = join(root, 'repo/konnect/g.yaml');
    await writeFile(file, gateway('lua/handler.lua'));
    await symlink('/etc/passwd', join(root, 'repo/konnect/lua/handler.lua'));
    await expect(loadState([file], { env: {} })).rejects.toThrow(
      `g.yaml:3:13: custom_plugins[0].handler_file: ${join(root, 'repo/konnect/lua/handler.lua')} resolves to /etc/passwd, outside ${join(root, 'repo/konnect')}`,
    );
    await writeFile(join(root, 'repo/konnect/lua/real.lua'), 'return { PRIORITY = 1 }\n');
    await symlink(join(root, 'repo/konnect/lua/real.lua'), join(root, 'repo/konnect/lua/inside.lua'));
    await writeFile(file, gateway('lua/inside.lua'));
    const state = await loadState([file], { env: {} });
    expect(state.entities[0]!.fields.handler).toBe('return { PRIORITY = 1 }\n');
  });

  it('neither blocks on a FIFO nor reads a file over Konnect\'s limit', async () => {
    const root = await setup();
    const file = join(root, 'repo/konnect/g.yaml');
    execFileSync('mkfifo', [join(root, 'repo/konnect/lua/fifo.lua')]);
    await writeFile(file, gateway('lua/fifo.lua'));
    await expect(loadState([file], { env: {} })).rejects.toThrow(`custom_plugins[0].handler_file: ${join(root, 'repo/konnect/lua/fifo.lua')} is not a regular file`);
    await writeFile(join(root, 'repo/konnect/lua/big.lua'), `-- ${'x'.repeat(MAX_LUA_BYTES)}\n`);
    await writeFile(file, gateway('lua/big.lua'));
    await expect(loadState([file], { env: {} })).rejects.toThrow(`big.lua is ${MAX_LUA_BYTES + 4} bytes; Konnect accepts at most ${MAX_LUA_BYTES} bytes (100 KB) per plugin file`);
  });

  it('the pure core refuses an escaping path even when the caller hands it the text', () => {
    const sideFiles = new Map([[sideFilePath('dir/g.yaml', '../x.lua'), 'return {}']]);
    const problem = onlyProblem({ 'dir/g.yaml': gateway('../x.lua').replace('schema_file: lua/schema.lua', 'schema: "return {}"') }, { sideFiles });
    expect(problem.message).toBe('../x.lua is outside dir, the directory of the state file that names it');
  });
});
