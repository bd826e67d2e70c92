import { coreEntity } from '../core-entity.js';
import { str } from '../values.js';
import { customPluginNameProblem } from '../rules/plugin-rules.js';

export const customPlugin = coreEntity({
  kind: 'custom_plugin',
  title: 'custom plugin',
  collection: 'custom-plugins',
  // Streamed plugins: Lua handler and schema, inline or from files beside the state file.
  file: { key: 'custom_plugins', codeFields: ['handler', 'schema'], needsPluginDefinitions: true },
  identity: (fields) => str(fields.name),
  immutable: ['name'],
  overrides: {
    check: (entity, ctx) => {
      const problem = typeof entity.fields.name === 'string' ? customPluginNameProblem(entity.fields.name) : undefined;
      if (problem) ctx.report(entity, ['name'], problem);
    },
  },
});
