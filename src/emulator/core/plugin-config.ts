import type { Json, JsonObject } from '../../model/json.js';
import type { ErrorDetail } from './errors.js';

// Config rules of bundled plugins that a konsync file can trip over, in Koko's words.

type ConfigRule = (config: JsonObject) => ErrorDetail[];

const set = (value: Json | undefined): boolean => value !== null && value !== undefined;
const names = (fields: string[]): string => fields.map((field) => `'config.${field}'`).join(', ');

function required(...fields: string[]): ConfigRule {
  return (config) =>
    fields.filter((field) => !set(config[field])).map((field) => ({ type: 'ERROR_TYPE_FIELD', field: `config.${field}`, messages: ['required field missing'] }));
}

function atLeastOne(...fields: string[]): ConfigRule {
  return (config) =>
    fields.some((field) => set(config[field])) ? [] : [{ type: 'ERROR_TYPE_ENTITY', messages: [`at least one of these fields must be non-empty: ${names(fields)}`] }];
}

function onlyOne(...fields: string[]): ConfigRule {
  return (config) =>
    fields.filter((field) => set(config[field])).length === 1
      ? []
      : [{ type: 'ERROR_TYPE_ENTITY', messages: [`exactly one of these fields must be non-empty: ${names(fields)}`] }];
}

const RULES: Record<string, ConfigRule[]> = {
  'rate-limiting-advanced': [required('limit', 'window_size')],
  'rate-limiting': [atLeastOne('second', 'minute', 'hour', 'day', 'month', 'year')],
  acl: [onlyOne('allow', 'deny')],
  'ip-restriction': [atLeastOne('allow', 'deny')],
  'proxy-cache': [required('strategy')],
  'file-log': [required('path')],
};

export function configErrors(pluginName: string, config: JsonObject): ErrorDetail[] {
  return (RULES[pluginName] ?? []).flatMap((rule) => rule(config));
}
