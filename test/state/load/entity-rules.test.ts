import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/errors.js';
import { load, onlyProblem, problems, yaml } from './helpers.js';

// Issue 7 item 5a: Konnect's entity rules run offline, from the same module the emulator uses.
const CP = ['_konnect: {control_plane_name: cp}'];

describe('plugin names', () => {
  it('refuses an unknown plugin name with file:line:column, the field and a "did you mean"', () => {
    const problem = onlyProblem({
      'g.yaml': yaml(...CP, 'services:', '- name: s', '  host: h', '  routes:', '  - name: r', '    paths: [/r]', '    plugins:', '    - name: corz'),
    });
    expect(formatProblem(problem)).toBe(
      'g.yaml:9:7: services[0].routes[0].plugins[0].name: unknown plugin "corz": not a plugin bundled with Konnect nor a custom plugin of this control plane; did you mean "cors"?',
    );
  });

  it('accepts bundled plugins and the custom plugins the files declare; suggests those too', () => {
    const custom = ['_info: {include_plugin_definitions: true}', 'custom_plugins:', '- name: set-header', '  handler: return {}', '  schema: return {}'];
    expect(() => load({ 'g.yaml': yaml(...CP, ...custom, 'plugins:', '- name: set-header', '- name: cors') })).not.toThrow();
    expect(onlyProblem({ 'g.yaml': yaml(...CP, ...custom, 'plugins:', '- name: set-headr') }).message).toContain('did you mean "set-header"?');
  });

  it('leaves a name only Konnect may define to the planner when asked to (diff, plan, sync)', () => {
    const state = load({ 'g.yaml': yaml(...CP, 'plugins:', '- name: my-live-plugin') }, { liveChecks: 'defer' });
    expect(state.liveChecks).toEqual([
      { controlPlane: 'cp', need: { kind: 'custom_plugin', field: 'name', value: 'my-live-plugin' }, problem: expect.objectContaining({ file: 'g.yaml', line: 3 }) },
    ]);
  });

  it('refuses partials on a custom plugin and a custom plugin named like a bundled one', () => {
    const found = problems({
      'g.yaml': yaml(
        ...CP,
        '_info: {include_plugin_definitions: true}',
        'custom_plugins:',
        '- {name: set-header, handler: "return {}", schema: "return {}"}',
        '- {name: cors, handler: "return {}", schema: "return {}"}',
        'partials:',
        '- {name: redis, type: redis-ee, config: {}}',
        'plugins:',
        '- name: set-header',
        '  partials: [{name: redis}]',
      ),
    });
    expect(found.map((p) => `${p.line}: ${p.path}: ${p.message}`)).toEqual([
      "5: custom_plugins[1].name: 'cors' is a bundled plugin",
      '10: plugins[0].partials: custom plugins cannot use partials',
    ]);
  });
});

describe('route matchers', () => {
  it('refuses a route that matches nothing, naming what it may set for its protocols', () => {
    const problem = onlyProblem({ 'g.yaml': yaml(...CP, 'services:', '- name: s', '  host: h', '  routes:', '  - name: r', '    strip_path: false') });
    expect(formatProblem(problem)).toBe(
      "g.yaml:6:5: services[0].routes[0]: route matches nothing: must set one of 'methods', 'hosts', 'headers', 'paths', 'snis' when 'protocols' is 'http', 'https'",
    );
    expect(onlyProblem({ 'g.yaml': yaml(...CP, 'routes:', '- name: r', '  protocols: [tcp]', '  paths: [/a]') }).message).toContain(
      "must set one of 'sources', 'destinations' when 'protocols' is 'tcp'",
    );
    expect(onlyProblem({ 'g.yaml': yaml(...CP, 'routes:', '- name: r', '  paths: []') }).message).toContain('route matches nothing');
  });

  it('accepts each protocol family with one of its matchers, and expression routes', () => {
    const routes = [
      '- {name: a, hosts: [api.example.com]}',
      '- {name: b, protocols: [tcp], destinations: [{ip: 10.0.0.1, port: 80}]}',
      '- {name: c, protocols: [tls_passthrough], snis: [x.example.com]}',
      '- {name: d, protocols: [grpc], paths: [/svc]}',
      '- {name: e, expression: \'http.path == "/a"\'}',
    ];
    expect(() => load({ 'g.yaml': yaml(...CP, 'routes:', ...routes) })).not.toThrow();
  });
});
