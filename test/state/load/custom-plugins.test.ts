import { describe, expect, it } from 'vitest';
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
