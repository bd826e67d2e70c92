import { mkdtemp, mkdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors.js';
import { loadState } from '../../../src/state/load/index.js';
import { entity, keys, load, onlyProblem, yaml } from './helpers.js';

describe('flattening nested decK lists', () => {
  it('turns services with nested routes and plugins into flat entities with references', () => {
    const state = load({
      'g.yaml': yaml(
        '_konnect: {control_plane_name: payments}',
        'services:',
        '- name: orders',
        '  host: orders.internal',
        '  routes:',
        '  - name: orders-api',
        '    paths: [/orders]',
        '    plugins: [{name: cors}]',
        '  plugins: [{name: rate-limiting, config: {minute: 5}}]',
      ),
    });
    expect(keys(state)).toEqual([
      'service:payments/orders',
      'route:payments/orders-api',
      'plugin:payments/cors|route=orders-api',
      'plugin:payments/rate-limiting|service=orders',
    ]);
    expect(entity(state, 'route', 'payments/orders-api')).toMatchObject({
      controlPlane: 'payments',
      fields: { name: 'orders-api', paths: ['/orders'], service: 'orders' },
      source: { file: 'g.yaml', line: 6, column: 5, path: 'services[0].routes[0]' },
    });
    expect(entity(state, 'service', 'payments/orders').fields).toEqual({ name: 'orders', host: 'orders.internal' });
  });

  it('turns consumer group members and consumer groups into memberships, from either side, once', () => {
    const state = load({
      'g.yaml': yaml(
        'consumer_groups:',
        '- name: gold',
        '  consumers: [{username: foo}]',
        '  plugins: [{name: rate-limiting-advanced, config: {limit: [10]}}]',
        'consumers:',
        '- username: foo',
        '  groups: [{name: gold}]',
        '  plugins: [{name: prometheus}]',
      ),
    });
    expect(keys(state)).toEqual([
      'consumer_group:default/gold',
      'consumer:default/foo',
      'consumer_group_member:default/gold/foo',
      'plugin:default/rate-limiting-advanced|consumer_group=gold',
      'plugin:default/prometheus|consumer=foo',
    ]);
    expect(entity(state, 'consumer_group_member', 'default/gold/foo').fields).toEqual({ consumer_group: 'gold', consumer: 'foo' });
  });

  it('flattens upstream targets, certificate SNIs and group members', () => {
    const state = load({
      'g.yaml': yaml('upstreams:', '- name: up', '  targets: [{target: "10.0.0.1:80", weight: 0}]', 'certificates:', '- cert: CERT', '  key: KEY', '  snis: [{name: a.example.com}]'),
      'p.yaml': yaml('control_planes:', '- {name: grp, cluster_type: CLUSTER_TYPE_CONTROL_PLANE_GROUP, members: [a1]}', '- {name: a1}'),
    });
    expect(entity(state, 'target', 'default/up/10.0.0.1:80').fields).toEqual({ target: '10.0.0.1:80', weight: 0, upstream: 'up' });
    const cert = state.entities.find((e) => e.kind === 'certificate')!;
    expect(entity(state, 'sni', 'default/a.example.com').fields.certificate).toBe(cert.key.slice('default/'.length));
    expect(entity(state, 'control_plane_membership', 'grp').fields).toEqual({ control_plane: 'grp', members: ['a1'] });
    expect(entity(state, 'control_plane', 'grp').fields.members).toBeUndefined();
  });

  it('expands the service url shorthand', () => {
    const state = load({ 'g.yaml': yaml('services:', '- name: a', '  url: https://api.example.com:8443/v1/x', '- name: b', '  url: http://b.example.com') });
    expect(entity(state, 'service', 'default/a').fields).toEqual({ name: 'a', protocol: 'https', host: 'api.example.com', port: 8443, path: '/v1/x' });
    expect(entity(state, 'service', 'default/b').fields).toEqual({ name: 'b', protocol: 'http', host: 'b.example.com', port: 80 });
  });

  it('rejects a url next to the fields it stands for, and a bad url', () => {
    expect(onlyProblem({ 'g.yaml': yaml('services:', '- name: a', '  url: https://x', '  host: y') })).toMatchObject({ line: 2, message: 'set either url or host, not both' });
    expect(onlyProblem({ 'g.yaml': yaml('services:', '- name: a', '  url: "not a url"') }).message).toContain('is not a valid URL');
  });

  it('applies _info.defaults under the file values', () => {
    const state = load({ 'g.yaml': yaml('_info:', '  defaults:', '    service: {port: 8080, retries: 2}', 'services:', '- {name: a, host: h, retries: 9}') });
    expect(entity(state, 'service', 'default/a').fields).toEqual({ port: 8080, retries: 9, name: 'a', host: 'h' });
  });

  it('expands a service url before _info.defaults, so a default port does not conflict with it', () => {
    const state = load({ 'g.yaml': yaml('_info: {defaults: {service: {port: 8080, retries: 2}}}', 'services: [{name: a, url: "https://x.example.com"}]') });
    expect(entity(state, 'service', 'default/a').fields).toEqual({ port: 443, retries: 2, name: 'a', protocol: 'https', host: 'x.example.com' });
  });

  it('drops server-made timestamps and keeps a pinned id on the entity, not in its fields', () => {
    const state = load({ 'g.yaml': yaml('services:', '- {id: 58076db2-28b6-423b-ba39-a797193017f7, name: a, host: h, created_at: 1, updated_at: 2}') });
    expect(state.entities[0]).toMatchObject({ id: '58076db2-28b6-423b-ba39-a797193017f7', fields: { name: 'a', host: 'h' } });
  });

  it('rejects an entity that cannot be identified', () => {
    expect(onlyProblem({ 'g.yaml': yaml('partials:', '- type: redis-ce') })).toMatchObject({ line: 2, message: 'partial "(unnamed)" cannot be identified: give it a name (or pin its id)' });
  });
});

describe('select tags', () => {
  it('adds the file select tags to entities that have tags, not to memberships', () => {
    const state = load({
      'g.yaml': yaml('_info: {select_tags: [team-a]}', 'services: [{name: s, host: h, tags: [x]}]', 'consumer_groups: [{name: g, consumers: [{username: u}]}]', 'consumers: [{username: u}]'),
      'other.yaml': yaml('services: [{name: t, host: h}]'),
    });
    expect(entity(state, 'service', 'default/s').fields.tags).toEqual(['x', 'team-a']);
    expect(entity(state, 'consumer_group', 'default/g').fields.tags).toEqual(['team-a']);
    expect(entity(state, 'consumer_group_member', 'default/g/u').fields.tags).toBeUndefined();
    expect(entity(state, 'service', 'default/t').fields.tags).toBeUndefined();
  });
});

describe('duplicates', () => {
  it('names both places, in two files', () => {
    const problem = onlyProblem({ 'a.yaml': yaml('services:', '- {name: s, host: h}'), 'b.yaml': yaml('# b', 'services:', '- {name: s, host: other}') });
    expect(problem).toMatchObject({ file: 'b.yaml', line: 3, column: 3, message: 'service "default/s" is declared twice: at a.yaml:2:3 (services[0]) and here (b.yaml:3:3)' });
  });

  it('the same name in two control planes is no duplicate', () => {
    const state = load({ 'a.yaml': yaml('_konnect: {control_plane_name: a}', 'services: [{name: s, host: h}]'), 'b.yaml': yaml('_konnect: {control_plane_name: b}', 'services: [{name: s, host: h}]') });
    expect(keys(state)).toEqual(['service:a/s', 'service:b/s']);
  });

  it('the same plugin on the same service, nested and top-level, is a duplicate', () => {
    const problem = onlyProblem({ 'g.yaml': yaml('services:', '- name: s', '  host: h', '  plugins: [{name: cors}]', 'plugins:', '- {name: cors, service: s}') });
    expect(problem.message).toContain('plugin "default/cors|service=s" is declared twice: at g.yaml:4:13 (services[0].plugins[0]) and here (g.yaml:6:3)');
  });
});

describe('files and directories', () => {
  async function tree(files: Record<string, string>): Promise<string> {
    const root = await mkdtemp(join(tmpdir(), 'konsync-load-'));
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(root, path, '..'), { recursive: true });
      await writeFile(join(root, path), text);
    }
    return root;
  }

  it('reads directories recursively, .yaml/.yml/.json in any case, in lexical order, skipping other files', async () => {
    const root = await tree({
      'b/z.yml': yaml('services: [{name: z, host: h}]'),
      'a.YAML': yaml('services: [{name: a, host: h}]'),
      'b/c.json': '{"services": [{"name": "c", "host": "h"}]}',
      'notes.txt': 'services: [{name: nope}]',
      'x.yaml.bak': 'services: [{name: nope}]',
    });
    const state = await loadState([root], { env: {} });
    expect(state.files.map((f) => f.slice(root.length + 1))).toEqual(['a.YAML', 'b/c.json', 'b/z.yml']);
    expect(keys(state)).toEqual(['service:default/a', 'service:default/c', 'service:default/z']);
  });

  it('follows symlinked files but not symlinked directories, as decK\'s walk does', async () => {
    const outside = await tree({ 'linked.yaml': yaml('services: [{name: linked, host: h}]'), 'dir/inner.yaml': yaml('services: [{name: inner, host: h}]') });
    const root = await tree({ 'a.yaml': yaml('services: [{name: a, host: h}]') });
    await symlink(join(outside, 'linked.yaml'), join(root, 'b.yaml'));
    await symlink(join(outside, 'dir'), join(root, 'c'));
    expect(keys(await loadState([root], { env: {} }))).toEqual(['service:default/a', 'service:default/linked']);
  });

  it('merges files and directories given together', async () => {
    const root = await tree({ 'platform.yaml': yaml('control_planes: [{name: cp}]'), 'gw/a.yaml': yaml('_konnect: {control_plane_name: cp}', 'services: [{name: a, host: h}]') });
    const state = await loadState([join(root, 'platform.yaml'), join(root, 'gw')], { env: {} });
    expect(keys(state)).toEqual(['control_plane:cp', 'service:cp/a']);
  });

  it('reports a missing path', async () => {
    await expect(loadState(['/nonexistent/konsync'], { env: {} })).rejects.toThrow(ValidationError);
    await expect(loadState(['/nonexistent/konsync'], { env: {} })).rejects.toThrow('/nonexistent/konsync:1:1: no such file or directory');
  });

  it('rejects an empty directory', async () => {
    const root = await tree({ 'README': 'nothing here' });
    await expect(loadState([root], { env: {} })).rejects.toThrow('nothing to load');
  });
});

describe('drafts are copies of the file data', () => {
  /** Every object and array inside the entities' fields, counted by identity. */
  function sharedObjects(fieldsList: unknown[]): number {
    const seen = new Set<unknown>();
    let shared = 0;
    const walk = (value: unknown) => {
      if (value === null || typeof value !== 'object') return;
      if (seen.has(value)) shared += 1;
      seen.add(value);
      for (const child of Object.values(value)) walk(child);
    };
    fieldsList.forEach(walk);
    return shared;
  }

  it('no two entities share an object: defaults, select tags, nested items and entities declared in passing', () => {
    const state = load({
      'g.yaml': yaml(
        '_konnect: {control_plane_name: payments}',
        '_info:',
        '  select_tags: [team]',
        '  defaults:',
        '    service: {connect_timeout: 5000, tags: [base]}',
        'services:',
        '- name: orders',
        '  host: orders.internal',
        '  tags: [svc]',
        '  routes:',
        '  - {name: r1, paths: [/a], tags: [r]}',
        '  plugins:',
        '  - {name: cors, config: {origins: [x]}}',
        '- name: billing',
        '  host: billing.internal',
        'consumer_groups:',
        '- name: gold',
        '  consumers: [{username: alice, tags: [t]}]',
      ),
    });
    expect(state.entities.length).toBeGreaterThanOrEqual(6);
    expect(sharedObjects(state.entities.map((e) => e.fields))).toBe(0);
  });

  it('no two entities share an object written once and aliased (the loader hands the file data to entities uncopied)', () => {
    const state = load({
      'g.yaml': yaml(
        '_konnect: {control_plane_name: payments}',
        'services:',
        '- name: orders',
        '  host: orders.internal',
        '  tags: &tags [shared]',
        '  plugins:',
        '  - {name: cors, config: &cors {origins: [x]}}',
        '- name: billing',
        '  host: billing.internal',
        '  tags: *tags',
        '  plugins:',
        '  - {name: cors, config: *cors}',
      ),
    });
    expect(state.entities).toHaveLength(4);
    expect(sharedObjects(state.entities.map((e) => e.fields))).toBe(0);
  });
});
