import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../../src/state/load/template.js';
import { entity, load, onlyProblem, yaml } from './helpers.js';

const render = (text: string, env: Record<string, string> = {}, envMode: 'render' | 'mock' = 'render') =>
  renderTemplate('f.yaml', text, { env, envMode });

describe('env templating', () => {
  it('substitutes DECK_ variables and records each use', () => {
    const out = render('host: ${{ env "DECK_HOST" }}\ntag: a-${{ env "DECK_HOST" }}-b\n', { DECK_HOST: 'x.example.com' });
    expect(out.text).toBe('host: x.example.com\ntag: a-x.example.com-b\n');
    expect(out.env).toEqual([
      { name: 'DECK_HOST', value: 'x.example.com' },
      { name: 'DECK_HOST', value: 'x.example.com' },
    ]);
    expect(out.problems).toEqual([]);
  });

  it('rejects names without the DECK_ prefix, naming file and line', () => {
    const out = render('a: 1\nhost: ${{ env "SVC2_HOST" }}\n', { SVC2_HOST: 'x' });
    expect(out.problems).toEqual([
      { file: 'f.yaml', line: 2, column: 7, message: "environment variables in the state file must be prefixed with 'DECK_', found: 'SVC2_HOST'" },
    ]);
  });

  it('reports an unset variable with its name and line', () => {
    const out = render('a: 1\n\nhost: ${{ env "DECK_MISSING" }}\n');
    expect(out.problems).toMatchObject([{ file: 'f.yaml', line: 3, message: "environment variable 'DECK_MISSING' present in state file but not set" }]);
  });

  it('leaves expressions on comment lines alone', () => {
    const out = render('  # host: ${{ env "NOT_DECK" }}\na: 1\n');
    expect(out.text).toBe('  # host: ${{ env "NOT_DECK" }}\na: 1\n');
    expect(out.problems).toEqual([]);
  });

  it('converts with toBool, toInt and toFloat', () => {
    const out = render('a: ${{ env "DECK_B" | toBool }}\nb: ${{ env "DECK_I" | toInt }}\nc: ${{ env "DECK_F" | toFloat }}\n', {
      DECK_B: 'True',
      DECK_I: '1337',
      DECK_F: '1.50',
    });
    expect(out.text).toBe('a: true\nb: 1337\nc: 1.5\n');
  });

  it.each([
    ['toBool', 'RIP'],
    ['toInt', 'RIP'],
    ['toFloat', 'RIP'],
  ])('rejects a value %s cannot convert', (pipe, value) => {
    const out = render(`a: \${{ env "DECK_V" | ${pipe} }}\n`, { DECK_V: value });
    expect(out.problems).toHaveLength(1);
    expect(out.problems[0]).toMatchObject({ line: 1, message: expect.stringContaining(`${pipe}: cannot parse "RIP"`) });
  });

  it('indents every following line of a multi-line value', () => {
    const out = render('log: |\n  ${{ env "DECK_LUA" | indent 2 }}\n', { DECK_LUA: 'one\ntwo' });
    expect(out.text).toBe('log: |\n  one\n  two\n');
  });

  it('rejects other template functions', () => {
    const out = render('a: ${{ env "DECK_A" | upper }}\nb: ${{ now }}\n', { DECK_A: 'x' });
    expect(out.problems.map((p) => p.line)).toEqual([1, 2]);
    expect(out.problems[0]!.message).toContain('unsupported template function "upper"');
    expect(out.problems[1]!.message).toContain('unsupported template expression');
  });

  it('substitutes the variable name in mock mode and fixed values for converters', () => {
    const out = render('a: ${{ env "DECK_A" }}\nb: ${{ env "DECK_B" | toInt }}\n', {}, 'mock');
    expect(out.text).toBe('a: DECK_A\nb: 42\n');
    expect(out.problems).toEqual([]);
  });

  it('puts rendered values into the desired state and lists them in state.env', () => {
    const state = load(
      { 'g.yaml': yaml('services:', '- name: svc', '  host: ${{ env "DECK_HOST" }}', '  enabled: ${{ env "DECK_ON" | toBool }}') },
      { env: { DECK_HOST: 'h.example.com', DECK_ON: 'false' } },
    );
    expect(entity(state, 'service', 'default/svc').fields).toMatchObject({ host: 'h.example.com', enabled: false });
    expect(state.env).toEqual([
      { name: 'DECK_HOST', value: 'h.example.com' },
      { name: 'DECK_ON', value: 'false' },
    ]);
  });

  it('keeps positions of the original file after a multi-line value', () => {
    const problem = onlyProblem(
      { 'g.yaml': yaml('plugins:', '- name: pre-function', '  config:', '    log: |', '      ${{ env "DECK_LUA" | indent 6 }}', '  unknown: 1') },
      { env: { DECK_LUA: 'a\nb\nc' } },
    );
    expect(problem).toMatchObject({ line: 6, path: 'plugins[0].unknown' });
  });

  it('fails the load naming file:line for an unset variable', () => {
    const problem = onlyProblem({ 'g.yaml': yaml('services:', '- name: svc', '  host: ${{ env "DECK_HOST" }}') });
    expect(problem).toMatchObject({ file: 'g.yaml', line: 3, message: expect.stringContaining('DECK_HOST') });
  });
});
