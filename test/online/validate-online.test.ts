import { describe, expect, it } from 'vitest';
import type { ApiRequest, KonnectApi } from '../../src/konnect/types.js';
import type { Entity } from '../../src/model/entity.js';
import type { LiveState } from '../../src/model/state.js';
import { PLACEHOLDER_ID, validateOnline } from '../../src/online/validate-online.js';
import { load, yaml } from '../state/load/helpers.js';

/** Answers every validation with `answer(request)`; records what was asked. */
function fakeApi(answer: (request: ApiRequest) => { status: number; body: unknown }): KonnectApi & { asked: ApiRequest[] } {
  const asked: ApiRequest[] = [];
  return {
    asked,
    request: async (request) => {
      asked.push(request);
      const { status, body } = answer(request);
      return { status, body: body as never, headers: {} };
    },
    list: async () => [],
    stats: () => ({ requests: 0, retries: 0, throttled: 0, pages: 0 }),
  };
}

const cp = (name: string, id: string): Entity => ({ kind: 'control_plane', key: name, id, fields: { name } });
const live = (...entities: Entity[]): LiveState => ({ entities });

const desired = () =>
  load(
    {
      'g.yaml': yaml(
        '_format_version: "3.0"',
        '_konnect: {control_plane_name: team}',
        '_info: {include_plugin_definitions: true}',
        'custom_plugins:',
        '- {name: audit, handler: "return {}", schema: "return {name = \\"audit\\", fields = {}}"}',
        'upstreams:',
        '- name: up',
        '  targets: [{target: "10.0.0.1:80"}]',
        'plugins:',
        '- {name: audit}',
        '- {name: cors}',
      ),
    },
    {},
  );

describe('online validation', () => {
  it('sends create bodies with placeholder ids, the parent in the body, to the entity\'s control plane', async () => {
    const api = fakeApi(() => ({ status: 200, body: { message: 'ok' } }));
    const problems = await validateOnline(desired(), live(cp('team', 'cp-1')), api);
    expect(problems).toEqual([]);
    const target = api.asked.find((r) => r.path.endsWith('/schemas/targets/validate'));
    expect(target).toMatchObject({ method: 'POST', path: '/control-planes/cp-1/core-entities/schemas/targets/validate', body: { target: '10.0.0.1:80', upstream: { id: PLACEHOLDER_ID } } });
  });

  it('skips a plugin whose custom plugin is not in Konnect yet, and validates it once it is', async () => {
    const api = fakeApi(() => ({ status: 200, body: {} }));
    await validateOnline(desired(), live(cp('team', 'cp-1')), api);
    const plugins = () => api.asked.filter((r) => r.path.endsWith('/schemas/plugins/validate')).map((r) => (r.body as { name: string }).name);
    expect(plugins()).toEqual(['cors']);
    api.asked.length = 0;
    const customLive: Entity = { kind: 'custom_plugin', key: 'team/audit', controlPlane: 'team', id: 'c1', fields: { name: 'audit' } };
    await validateOnline(desired(), live(cp('team', 'cp-1'), customLive), api);
    expect(plugins().sort()).toEqual(['audit', 'cors']);
  });

  it('uses another control plane when the entity\'s own does not exist yet; none at all: nothing is sent', async () => {
    const api = fakeApi(() => ({ status: 200, body: {} }));
    await validateOnline(desired(), live(cp('other', 'cp-9')), api);
    expect(new Set(api.asked.map((r) => r.path.split('/')[2]))).toEqual(new Set(['cp-9']));
    const none = fakeApi(() => ({ status: 200, body: {} }));
    expect(await validateOnline(desired(), live(), none)).toEqual([]);
    expect(none.asked).toEqual([]);
  });

  it('a 400 is a located problem per field message; a 404 (no such schema) is not', async () => {
    const api = fakeApi((r) =>
      r.path.includes('/upstreams/')
        ? { status: 400, body: { code: 3, message: 'validation error', details: [{ type: 'ERROR_TYPE_FIELD', field: 'name', messages: ['bad name'] }] } }
        : { status: 404, body: {} },
    );
    const problems = await validateOnline(desired(), live(cp('team', 'cp-1')), api);
    expect(problems).toEqual([{ file: 'g.yaml', line: 7, column: 3, path: 'upstreams[0]', message: 'Konnect refuses upstream "up": name: bad name' }]);
  });
});
