import type { Problem } from '../../errors.js';
import type { EnvUse } from '../../model/state.js';

export interface TemplateOptions {
  env: Record<string, string | undefined>;
  /** `mock`: `env` gives the variable's name and the converters give fixed values, as decK's offline mode does. */
  envMode: 'render' | 'mock';
}

export interface RenderedText {
  text: string;
  /**
   * Line of the original text for each rendered line (1-based): a multi-line value moves the lines after it.
   * Absent when no line moved.
   */
  originalLines?: number[];
  env: EnvUse[];
  problems: Problem[];
}

const EXPRESSION = /\$\{\{(.*?)\}\}/g;
const ENV_CALL = /^env\s+"([^"]*)"$/;
const COMMENT_LINE = /^\s*#/;
/** What decK's mock mode returns from the converters (GDR pkg/file/template.go). */
const MOCK_VALUES = { toBool: 'true', toInt: '42', toFloat: '42' };

type Pipe = (value: string, mock: boolean) => string;

/** Go's strconv.ParseBool spellings. */
const BOOLEAN_WORDS: Record<string, string> = {
  '1': 'true', t: 'true', T: 'true', TRUE: 'true', true: 'true', True: 'true',
  '0': 'false', f: 'false', F: 'false', FALSE: 'false', false: 'false', False: 'false',
};

function pipeFor(call: string): Pipe | string {
  const [name, ...args] = call.trim().split(/\s+/);
  if (name === 'toBool' && args.length === 0) {
    return (value, mock) => {
      if (mock) return MOCK_VALUES.toBool;
      const parsed = BOOLEAN_WORDS[value];
      if (parsed === undefined) throw new Error(`toBool: cannot parse "${value}" as a boolean`);
      return parsed;
    };
  }
  if (name === 'toInt' && args.length === 0) {
    return (value, mock) => {
      if (mock) return MOCK_VALUES.toInt;
      if (!/^[+-]?\d+$/.test(value)) throw new Error(`toInt: cannot parse "${value}" as an integer`);
      return String(Number.parseInt(value, 10));
    };
  }
  if (name === 'toFloat' && args.length === 0) {
    return (value, mock) => {
      if (mock) return MOCK_VALUES.toFloat;
      const parsed = Number(value);
      if (value.trim() === '' || Number.isNaN(parsed)) throw new Error(`toFloat: cannot parse "${value}" as a number`);
      return String(parsed);
    };
  }
  if (name === 'indent' && args.length === 1 && /^\d+$/.test(args[0]!)) {
    const pad = ' '.repeat(Number(args[0]));
    return (value) => value.replace(/\n/g, `\n${pad}`);
  }
  return `unsupported template function "${call.trim()}" (konsync supports env, toBool, toInt, toFloat, indent N)`;
}

/**
 * Renders decK's `${{ env "DECK_X" }}` templates (GDR pkg/file/template.go): only DECK_ names, unset is an error,
 * pipes toBool/toInt/toFloat/indent N, expressions on `#` comment lines left as they are.
 */
export function renderTemplate(file: string, text: string, options: TemplateOptions): RenderedText {
  const problems: Problem[] = [];
  const env: EnvUse[] = [];
  const mock = options.envMode === 'mock';
  if (!text.includes('${{')) return { text, env, problems };
  const lines = text.split('\n').map((line, index) => {
    if (COMMENT_LINE.test(line) || !line.includes('${{')) return line;
    return line.replace(EXPRESSION, (whole, body: string, offset: number) => {
      const where = { file, line: index + 1, column: offset + 1 };
      const [call = '', ...pipes] = body.trim().split('|');
      const match = ENV_CALL.exec(call.trim());
      if (!match) {
        problems.push({ ...where, message: `unsupported template expression ${whole}: konsync supports ${'${{ env "DECK_NAME" }}'}` });
        return whole;
      }
      const name = match[1]!;
      if (!name.startsWith('DECK_')) {
        problems.push({ ...where, message: `environment variables in the state file must be prefixed with 'DECK_', found: '${name}'` });
        return whole;
      }
      let value = mock ? name : options.env[name];
      if (value === undefined) {
        problems.push({ ...where, message: `environment variable '${name}' present in state file but not set` });
        return whole;
      }
      env.push({ name, value });
      for (const call of pipes) {
        const pipe = pipeFor(call);
        if (typeof pipe === 'string') {
          problems.push({ ...where, message: pipe });
          return whole;
        }
        try {
          value = pipe(value, mock);
        } catch (error) {
          problems.push({ ...where, message: `${name}: ${(error as Error).message}` });
          return whole;
        }
      }
      return value;
    });
  });
  const rendered: RenderedText = { text: lines.join('\n'), env, problems };
  if (lines.some((line) => line.includes('\n'))) rendered.originalLines = lines.flatMap((line, index) => line.split('\n').map(() => index + 1));
  return rendered;
}
