import { isJsonObject, type Json } from '../model/json.js';
import { MissingEnvError } from './errors.js';

/** `${{ env "DECK_X" }}`, as stored in plans in place of DECK_ values. */
const ENV_EXPRESSION = /\$\{\{\s*env\s+"([A-Za-z_][A-Za-z0-9_]*)"\s*\}\}/g;

/** Renders every env expression in the strings of `value` (a copy; the input is not mutated). Throws MissingEnvError. */
export function renderEnv<T extends Json>(value: T, env: Readonly<Record<string, string | undefined>>): T {
  return renderValue(value, env) as T;
}

function renderValue(value: Json, env: Readonly<Record<string, string | undefined>>): Json {
  if (typeof value === 'string') return renderString(value, env);
  if (Array.isArray(value)) return value.map((item) => renderValue(item, env));
  if (isJsonObject(value)) {
    const out: Record<string, Json> = {};
    for (const [key, item] of Object.entries(value)) out[key] = renderValue(item, env);
    return out;
  }
  return value;
}

function renderString(text: string, env: Readonly<Record<string, string | undefined>>): string {
  if (!text.includes('${{')) return text;
  return text.replace(ENV_EXPRESSION, (_match, name: string) => {
    const rendered = env[name];
    if (rendered === undefined) throw new MissingEnvError(name);
    return rendered;
  });
}
