import { isJsonObject, type Json } from '../model/json.js';
import { ExecutionError, MissingEnvError } from './errors.js';

/** `${{ env "DECK_X" }}`, as stored in plans in place of DECK_ values. */
const ENV_EXPRESSION = /\$\{\{\s*env\s+"([A-Za-z_][A-Za-z0-9_]*)"\s*\}\}/g;

/** Only these are rendered, as decK allows in state files: a plan never reads the token or any other variable. */
export const RENDERED_PREFIX = 'DECK_';

/** The variables the env expressions in the strings of `value` name, in order of appearance. */
export function envNames(value: Json): string[] {
  if (typeof value === 'string') return [...value.matchAll(ENV_EXPRESSION)].map((match) => match[1]!);
  if (Array.isArray(value)) return value.flatMap(envNames);
  if (isJsonObject(value)) return Object.values(value).flatMap(envNames);
  return [];
}

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
    if (!name.startsWith(RENDERED_PREFIX)) throw new ExecutionError(`refusing to render ${name} from the environment: only ${RENDERED_PREFIX} variables are`);
    const rendered = env[name];
    if (rendered === undefined) throw new MissingEnvError(name);
    return rendered;
  });
}
