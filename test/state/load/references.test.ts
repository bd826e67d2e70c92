import { describe, expect, it } from 'vitest';
import { entity, keys, load, onlyProblem, problems, yaml } from './helpers.js';

const CP = ['_konnect:', '  control_plane_name: cp'];

describe('references', () => {
  it('resolves a top-level plugin to a service by name, or by {name} object', () => {
    const state = load({
      'g.yaml': yaml(...CP, 'services: [{name: foo, host: h}]', 'routes:', '- name: r', '  paths: [/r]', '  service: {name: foo}', 'plugins:', '- name: cors', '  service: foo'),
    });
    expect(entity(state, 'route', 'cp/r').fields.service).toBe('foo');
    expect(keys(state)).toContain('plugin:cp/cors|service=foo');
  });

  it('maps a pinned id to the key of the entity that pins it', () => {
    const id = '58076db2-28b6-423b-ba39-a797193017f7';
    const state = load({
      'g.yaml': yaml('services:', `- id: ${id}`, '  name: svc1', '  host: h', 'plugins:', '- name: cors', `  service: {id: ${id}}`, 'partials:', '- id: 13dc230d-d65e-439a-9f05-9fd71abfee4d', '  name: p', '  type: redis-ce', '  config: {}', '- name: q', '  type: redis-ce'),
    });
    expect(entity(state, 'service', 'default/svc1').id).toBe(id);
    expect(keys(state)).toContain('plugin:default/cors|service=svc1');
  });

  it('resolves partial links given by id to the partial name', () => {
    const state = load({
      'g.yaml': yaml('partials:', '- id: 13dc230d-d65e-439a-9f05-9fd71abfee4d', '  name: redis', '  type: redis-ee', 'plugins:', '- name: rate-limiting-advanced', '  partials:', '  - id: 13dc230d-d65e-439a-9f05-9fd71abfee4d'),
    });
    expect(entity(state, 'plugin', 'default/rate-limiting-advanced').fields.partials).toEqual([{ name: 'redis' }]);
  });

  it('fails naming both ends when no file declares the target', () => {
    const problem = onlyProblem({ 'g.yaml': yaml(...CP, 'services: [{name: a, host: h}]', 'plugins:', '- name: cors', '- name: rate-limiting', '  service: foo') });
    expect(problem).toMatchObject({
      file: 'g.yaml',
      line: 7,
      column: 3,
      path: 'plugins[1].service',
      message: 'plugin "rate-limiting" (g.yaml:6:3) references service "foo", which no file declares',
      hint: 'declare it, or set _info.default_lookup_tags.services to find it in Konnect',
    });
  });

  it('defers to the planner when the file has lookup tags for the target section', () => {
    const state = load({
      'g.yaml': yaml('_info:', '  default_lookup_tags:', '    services: [global]', '    partials: [shared]', 'plugins:', '- name: rate-limiting-advanced', '  service: foo', '  partials: [{id: 13dc230d-d65e-439a-9f05-9fd71abfee4d}]'),
    });
    expect(entity(state, 'plugin', 'default/rate-limiting-advanced|service=foo').fields.partials).toEqual([{ name: 'id:13dc230d-d65e-439a-9f05-9fd71abfee4d' }]);
  });

  it('lookup tags for one section do not excuse another', () => {
    const problem = onlyProblem({ 'g.yaml': yaml('_info:', '  default_lookup_tags:', '    services: [global]', 'plugins:', '- name: rate-limiting-advanced', '  consumer: bob') });
    expect(problem.message).toContain('references consumer "bob"');
  });

  it('lookup tags of another file do not apply', () => {
    const found = problems({
      'a.yaml': yaml('_info:', '  default_lookup_tags:', '    services: [global]', 'services: []'),
      'b.yaml': yaml('plugins:', '- name: rate-limiting-advanced', '  service: foo'),
    });
    expect(found.map((p) => p.file)).toEqual(['b.yaml']);
  });

  it('resolves across files of the same control plane only', () => {
    const ok = load({ 'a.yaml': yaml(...CP, 'services: [{name: foo, host: h}]'), 'b.yaml': yaml(...CP, 'plugins: [{name: cors, service: foo}]') });
    expect(keys(ok)).toContain('plugin:cp/cors|service=foo');
    const problem = onlyProblem({ 'a.yaml': yaml(...CP, 'services: [{name: foo, host: h}]'), 'b.yaml': yaml('plugins: [{name: cors, service: foo}]') });
    expect(problem.file).toBe('b.yaml');
  });

  it('consumer groups: a consumer in an unknown group fails like decK 051', () => {
    const problem = onlyProblem({ 'g.yaml': yaml('consumers:', '- username: test-consumer', '  groups:', '  - name: non-existent-group') });
    expect(problem).toMatchObject({ line: 4, column: 5, path: 'consumers[0].groups[0].name', message: expect.stringContaining('consumer group "non-existent-group"') });
  });

  it('platform references no file declares are left to plan time: another state may manage them (README "Ownership")', () => {
    const state = load({
      'p.yaml': yaml(
        'control_planes:',
        '- name: group',
        '  cluster_type: CLUSTER_TYPE_CONTROL_PLANE_GROUP',
        '  members: [ghost]',
        'cloud_gateways:',
        '  configurations:',
        '  - control_plane: nope',
        '    dataplane_groups: [{provider: aws, region: r, network: nonet}]',
        '  custom_domains: [{control_plane: nope, domain: a.example.com}]',
        '  add_ons:',
        '  - name: c',
        '    owner: {control_plane: nope}',
        '    config: {kind: managed-cache.v0, capacity_config: {kind: tiered, tier: micro}}',
      ),
    });
    expect((state.deferredReferences ?? []).map((line) => line.replace(/ \(p\.yaml:\d+:\d+\)/, ''))).toEqual([
      'control plane group membership "group" references control plane "ghost", which no file declares: resolved against Konnect at plan time',
      'cloud gateway configuration "nope" references control plane "nope", which no file declares: resolved against Konnect at plan time',
      'cloud gateway configuration "nope" references cloud gateway network "nonet", which no file declares: resolved against Konnect at plan time',
      'custom domain "a.example.com" references control plane "nope", which no file declares: resolved against Konnect at plan time',
      'add-on "c" references control plane "nope", which no file declares: resolved against Konnect at plan time',
    ]);
  });

  it('a platform reference close to a declared name is a typo, reported offline with "did you mean"', () => {
    const found = problems({
      'p.yaml': yaml('control_planes:', '- name: payments', 'cloud_gateways:', '  custom_domains: [{control_plane: paymnets, domain: a.example.com}]'),
    });
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('references control plane "paymnets", which no file declares');
    expect(found[0]!.hint).toContain('did you mean "payments"?');
  });

  it('rejects a nested plugin that also names its parent (decK 036)', () => {
    expect(onlyProblem({ 'g.yaml': yaml('services:', '- name: example-service', '  host: h', '  plugins:', '  - name: request-transformer', '    service: example-service') })).toMatchObject({
      line: 6,
      path: 'services[0].plugins[0].service',
      message: 'nesting service (example-service) under service-scoped plugin (request-transformer) is not allowed',
    });
  });

  it.each([
    ['- path: config.redis', 'missing required fields - name or id'],
    ['- id: null', 'either partial ID or name is required'],
  ])('rejects a partial link with neither name nor id (%s)', (link, message) => {
    expect(onlyProblem({ 'g.yaml': yaml('plugins:', '- name: rate-limiting-advanced', '  partials:', `  ${link}`) })).toMatchObject({
      line: 4,
      path: 'plugins[0].partials[0]',
      message: `partial for plugin rate-limiting-advanced: ${message}`,
    });
  });

  it('a reference typo gets a "did you mean", as a key typo does', () => {
    const groupTypo = onlyProblem({
      'p.yaml': yaml(
        'control_planes:',
        '- {name: edge, cluster_type: CLUSTER_TYPE_CONTROL_PLANE_GROUP, cloud_gateway: true}',
        'cloud_gateways:',
        '  add_ons:',
        '  - name: cache',
        '    owner: {control_plane_group: egde}',
        '    config: {kind: managed-cache.v0, capacity_config: {kind: tiered, tier: small}}',
      ),
    });
    expect(groupTypo).toMatchObject({ file: 'p.yaml', line: 6, path: 'cloud_gateways.add_ons[0].owner.control_plane_group', hint: 'did you mean "edge"?' });
    const serviceTypo = onlyProblem({ 'g.yaml': yaml(...CP, 'services: [{name: orders, host: h}]', 'routes:', '- {name: r, service: ordrs, paths: [/x]}') });
    expect(serviceTypo.hint).toBe('did you mean "orders"? declare it, or set _info.default_lookup_tags.services to find it in Konnect');
    // Names of another control plane are no suggestion: the reference could not reach them.
    const otherPlane = onlyProblem({
      'a.yaml': yaml('_konnect: {control_plane_name: a}', 'services: [{name: orders, host: h}]'),
      'b.yaml': yaml('_konnect: {control_plane_name: b}', 'routes:', '- {name: r, service: ordrs, paths: [/x]}'),
    });
    expect(otherPlane.hint).toBe('declare it, or set _info.default_lookup_tags.services to find it in Konnect');
  });
});
