import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/errors.js';
import { load, onlyProblem, problems, yaml } from './helpers.js';

describe('file syntax', () => {
  it('reports bad YAML with the parser position', () => {
    const problem = problems({ 'bad.yaml': yaml('services:', '- name: a', '  host: [unclosed') })[0]!;
    expect(problem).toMatchObject({ file: 'bad.yaml', line: 4, message: expect.stringContaining('invalid YAML') });
  });

  it('rejects duplicate keys in a mapping', () => {
    const problem = problems({ 'dup.yaml': yaml('services:', '- name: a', '  name: b') })[0]!;
    expect(problem).toMatchObject({ file: 'dup.yaml', line: 3, message: expect.stringContaining('unique') });
  });

  it('rejects a file that begins with whitespace, as decK does', () => {
    expect(onlyProblem({ 'ws.yaml': ' _info:\n  select_tags: [a]\n' })).toEqual({
      file: 'ws.yaml',
      line: 1,
      column: 1,
      message: 'file must not begin with a whitespace',
    });
  });

  it('rejects an empty input overall', () => {
    expect(onlyProblem({ 'a.yaml': '', 'b.json': '' }).message).toContain('nothing to load');
    expect(onlyProblem({}).message).toContain('nothing to load');
  });

  it('accepts empty files next to real ones', () => {
    const state = load({ 'a.yaml': '', 'b.yaml': yaml('services:', '- name: s', '  host: h') });
    expect(state.entities).toHaveLength(1);
    expect(state.files).toEqual(['a.yaml', 'b.yaml']);
  });
});

describe('JSON Schema', () => {
  it('names file:line:column and field path for an unknown key, suggesting the nearest known key', () => {
    const problem = onlyProblem({ 'g.yaml': yaml('services:', '- name: a', '  routes:', '  - name: r', '    pathz: [/a]') });
    expect(problem).toEqual({
      file: 'g.yaml',
      line: 5,
      column: 5,
      path: 'services[0].routes[0].pathz',
      message: 'unknown key "pathz"',
      hint: 'did you mean "paths"?',
    });
    expect(formatProblem(problem)).toBe('g.yaml:5:5: services[0].routes[0].pathz: unknown key "pathz" (did you mean "paths"?)');
  });

  it('rejects unknown top-level and _info keys (additionalProperties: false, like decK)', () => {
    const found = problems({ 'g.yaml': yaml('_infos: {}', '_info:', '  select_tag: [a]', 'servicez: []') });
    expect(found.map((p) => [p.line, p.path, p.hint])).toEqual([
      [1, '_infos', 'did you mean "_info"?'],
      [3, '_info.select_tag', 'did you mean "select_tags"?'],
      [4, 'servicez', 'did you mean "services"?'],
    ]);
  });

  it('gives no suggestion when nothing is close', () => {
    expect(onlyProblem({ 'g.yaml': yaml('wibblewobble: 1') }).hint).toBeUndefined();
  });

  it('reports wrong types at the value', () => {
    expect(onlyProblem({ 'g.json': '{"services": {"name": "a"}}' })).toMatchObject({
      file: 'g.json',
      line: 1,
      column: 2,
      path: 'services',
      message: 'must be of type array',
    });
    expect(onlyProblem({ 'g.yaml': yaml('services:', '- name: a', '  port: "80"') })).toMatchObject({ line: 3, path: 'services[0].port', message: 'must be of type integer' });
  });

  it('hints at true/false for a YAML 1.1 boolean word', () => {
    expect(onlyProblem({ 'g.yaml': yaml('services:', '- {name: a, host: h, enabled: yes}') })).toMatchObject({
      message: 'must be of type boolean',
      hint: 'write true or false: YAML 1.2 reads yes/no/on/off as strings',
    });
  });

  it('reports missing required fields at the item', () => {
    expect(onlyProblem({ 'g.yaml': yaml('partials:', '- name: p', '  config: {}') })).toMatchObject({
      line: 2,
      column: 3,
      path: 'partials[0]',
      message: 'missing required field "type"',
    });
  });

  it('lists allowed values for an enum', () => {
    const problem = onlyProblem({ 'p.yaml': yaml('cloud_gateways:', '  networks:', '  - name: n', '    provider: oci', '    region: r', '    availability_zones: [a]', '    cidr_block: 10.0.0.0/16') });
    expect(problem).toMatchObject({ line: 4, path: 'cloud_gateways.networks[0].provider', message: 'must be one of: "aws", "azure", "gcp"' });
  });

  it('checks configuration environment names against ^(KONG|OTEL)_', () => {
    const problem = onlyProblem({
      'p.yaml': yaml(
        'cloud_gateways:',
        '  configurations:',
        '  - control_plane: cp',
        '    dataplane_groups:',
        '    - provider: aws',
        '      region: us-east-2',
        '      environment:',
        '      - name: PATH_PREFIX',
        '        value: x',
      ),
    });
    expect(problem).toMatchObject({ line: 8, path: 'cloud_gateways.configurations[0].dataplane_groups[0].environment[0].name', message: expect.stringContaining('(KONG|OTEL)_') });
  });

  it('requires add-on config kind managed-cache.v0 and exactly one owner', () => {
    const found = problems({
      'p.yaml': yaml(
        'cloud_gateways:',
        '  add_ons:',
        '  - name: cache',
        '    owner: { control_plane: a, control_plane_group: b }',
        '    config: { kind: managed-cache.v1, capacity_config: { kind: tiered, tier: small } }',
      ),
    });
    expect(found.map((p) => [p.line, p.path, p.message])).toEqual([
      [4, 'cloud_gateways.add_ons[0].owner', 'must name exactly one owner: control_plane or control_plane_group'],
      [5, 'cloud_gateways.add_ons[0].config.kind', 'must be "managed-cache.v0"'],
    ]);
  });

  it('requires non-empty default_lookup_tags lists', () => {
    expect(onlyProblem({ 'g.yaml': yaml('_info:', '  default_lookup_tags:', '    partials: []') })).toMatchObject({ line: 3, path: '_info.default_lookup_tags.partials' });
  });

  it('collects problems from every file before failing', () => {
    const found = problems({ 'a.yaml': yaml('servicez: []'), 'b.yaml': yaml('routez: []') });
    expect(found.map((p) => p.file)).toEqual(['a.yaml', 'b.yaml']);
  });
});

describe('decK header rules', () => {
  it('rejects control_plane_name together with runtime_group_name', () => {
    expect(onlyProblem({ 'g.yaml': yaml('_konnect:', '  control_plane_name: a', '  runtime_group_name: a') })).toMatchObject({
      line: 3,
      path: '_konnect.runtime_group_name',
      message: expect.stringContaining('not both'),
    });
  });

  it('accepts the legacy runtime_group_name as the control plane', () => {
    const state = load({ 'g.yaml': yaml('_konnect:', '  runtime_group_name: legacy', 'services:', '- name: s', '  host: h') });
    expect(state.entities[0]).toMatchObject({ key: 'legacy/s', controlPlane: 'legacy' });
  });

  it('rejects _transform: false', () => {
    expect(onlyProblem({ 'g.yaml': yaml('_transform: false', 'services: []') })).toMatchObject({ line: 1, message: '_transform: false is not supported' });
  });

  it('accepts format 1.1 and 3.0 files', () => {
    expect(load({ 'a.yaml': yaml('_format_version: "1.1"', 'services: [{name: a, host: h}]'), 'b.yaml': yaml('_format_version: "3.0"', 'services: [{name: b, host: h}]') }).entities).toHaveLength(2);
  });
});

describe('decK keys konsync does not manage', () => {
  it('rejects filter_chains with a reason', () => {
    expect(onlyProblem({ 'g.yaml': yaml('services:', '- name: s', '  host: h', '  filter_chains:', '  - filters: [{name: f}]') })).toMatchObject({
      line: 4,
      path: 'services[0].filter_chains',
      message: expect.stringContaining('Konnect does not support filter chains'),
    });
  });

  it.each([
    ['cloned_plugins', 'konsync does not manage cloned plugins'],
    ['rbac_roles', 'Konnect has no Kong RBAC roles'],
    ['licenses', 'Konnect manages licenses itself'],
    ['filter_chains', 'Konnect does not support filter chains'],
  ])('rejects a non-empty top-level %s', (key, why) => {
    expect(onlyProblem({ 'g.yaml': yaml('services: []', `${key}:`, '- {name: x}') })).toMatchObject({ line: 2, column: 1, path: key, message: expect.stringContaining(why) });
    expect(load({ 'g.yaml': yaml('services: []', `${key}: []`) }).entities).toEqual([]);
  });

  it('rejects _plugin_configs references', () => {
    expect(onlyProblem({ 'g.yaml': yaml('plugins:', '- name: openid-connect', '  _config: shared') })).toMatchObject({ line: 3, path: 'plugins[0]._config' });
  });

  it('refuses OAuth2 credentials instead of dropping them with a warning (a silent loss)', () => {
    expect(onlyProblem({ 'g.yaml': yaml('consumers:', '- username: u', '  oauth2_credentials:', '  - name: app') })).toMatchObject({
      line: 3,
      path: 'consumers[0].oauth2_credentials',
      message: expect.stringContaining('Konnect has no OAuth2 credentials'),
    });
  });

  it('ignores _workspace with a warning but rejects files naming different workspaces', () => {
    expect(load({ 'a.yaml': yaml('_workspace: w', 'services: [{name: a, host: h}]') }).warnings).toHaveLength(1);
    expect(onlyProblem({ 'a.yaml': yaml('_workspace: one', 'services: []'), 'b.yaml': yaml('_workspace: two', 'services: []') }).message).toContain(
      'different workspaces (one, two)',
    );
  });

  it('points the different-workspaces problem at the _workspace key that differs', () => {
    const problem = onlyProblem({ 'a.yaml': yaml('_workspace: one', 'services: []'), 'b.yaml': yaml('services: []', '_workspace: two') });
    expect(problem).toMatchObject({ file: 'b.yaml', line: 2, column: 1, path: '_workspace' });
  });
});
