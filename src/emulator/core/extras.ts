import { isJsonObject, type Json, type JsonObject } from '../../model/json.js';
import type { EmulatorContext, Route } from '../types.js';
import { BUNDLED_PLUGINS } from '../../kinds/rules/bundled-plugins.js';
import { inScope } from './scope.js';
import { defaultsFor } from './defaults.js';
import { saveEntity } from './engine.js';
import { SPECS } from './table.js';
import { entityNotFound } from './errors.js';
import { listPage } from './list.js';
import { pluginsLinking } from './plugin-rules.js';
import { partials as partialSchemas } from './schemas/plugins.js';
import { findItem, itemsOf } from './store.js';

function kongType(value: Json): string {
  if (Array.isArray(value)) return 'array';
  if (isJsonObject(value)) return 'record';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

/** Kong's `fields` form (`[{name: {type, default}}]`) for the defaults the emulator fills. */
function fieldsOf(defaults: JsonObject): Json[] {
  return Object.entries(defaults).map(([name, value]) => {
    const field: JsonObject = { type: kongType(value) };
    if (isJsonObject(value)) field.fields = fieldsOf(value);
    else if (value !== null) field.default = value;
    return { [name]: field };
  });
}

export function extraRoutes(ctx: EmulatorContext, base: string): Route[] {
  return [
    {
      method: 'GET',
      pattern: `${base}/partials/:id/links`,
      handler: inScope(ctx, (scope, request, params) => {
        const partial = findItem(ctx, scope.controlPlaneId, 'partials', params.id ?? '', 'name');
        if (!partial) return entityNotFound();
        const links: JsonObject[] = pluginsLinking(scope, String(partial.id)).map((plugin) => {
          const link: JsonObject = { id: String(plugin.id), name: String(plugin.name), created_at: plugin.created_at ?? 0 };
          if (typeof plugin.instance_name === 'string') link.instance_name = plugin.instance_name;
          return link;
        });
        const page = listPage(request, links);
        // An error (a bad `offset` or `size`) goes out as it is: only a page has links to count.
        if (page.status === 200 && isJsonObject(page.body)) {
          page.body.count = links.length;
          page.body.data = (page.body.data as JsonObject[]).map(({ created_at: _created, ...link }) => link);
        }
        return page;
      }),
    },
    {
      method: 'GET',
      pattern: `${base}/schemas/plugins/:name`,
      handler: inScope(ctx, (scope, _request, params) => {
        const name = params.name ?? '';
        const custom = itemsOf(ctx, scope.controlPlaneId, 'custom-plugins').some((item) => item.name === name);
        if (!BUNDLED_PLUGINS.has(name) && !custom) return entityNotFound();
        const defaults = defaultsFor(`plugin:${name}`, 'plugin');
        const config = isJsonObject(defaults.config) ? defaults.config : {};
        return { status: 200, body: { fields: [{ protocols: { type: 'set', default: defaults.protocols ?? null } }, { config: { type: 'record', fields: fieldsOf(config) } }] } };
      }),
    },
    {
      method: 'POST',
      pattern: `${base}/schemas/:entityName/validate`,
      handler: inScope(ctx, (scope, request, params) => {
        const name = params.entityName ?? '';
        const spec = SPECS.get(name) ?? SPECS.get(`${name}s`) ?? SPECS.get(name.replace('_', '-').concat('s'));
        if (!spec) return entityNotFound();
        const result = saveEntity(scope, spec, request.body, { dryRun: true });
        return 'error' in result ? result.error : { status: 200, body: { message: 'schema validation successful' } };
      }),
    },
    {
      method: 'GET',
      pattern: `${base}/schemas/partials/:type`,
      handler: inScope(ctx, (_scope, _request, params) => {
        const type = params.type ?? '';
        if (!partialSchemas[type]) return entityNotFound();
        const config = defaultsFor(`partial:${type}`, 'partial').config;
        return { status: 200, body: { fields: [{ config: { type: 'record', fields: fieldsOf(isJsonObject(config) ? config : {}) } }] } };
      }),
    },
  ];
}
