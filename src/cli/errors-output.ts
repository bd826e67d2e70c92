import { formatProblem, ValidationError, type Problem } from '../errors.js';
import type { JsonObject } from '../model/json.js';
import type { OutputFormat } from './state-options.js';
import type { Colors } from './output.js';

/** An error as JSON output shows it: `{error: {type, message, problems?, status?}}`. */
export function errorJson(error: unknown): { error: JsonObject } {
  if (!(error instanceof Error)) return { error: { type: 'Error', message: String(error) } };
  const out: JsonObject = { type: error.name, message: error.message };
  if (error instanceof ValidationError) out.problems = error.problems.map((problem) => ({ ...problem }));
  // Konnect's errors carry the request and status; copy what is plain data.
  for (const name of ['status', 'method', 'path', 'variable', 'resource', 'operation', 'file', 'line', 'column']) {
    const value: unknown = (error as unknown as Record<string, unknown>)[name];
    if (typeof value === 'string' || typeof value === 'number') out[name] = value;
  }
  return { error: out };
}

/** GitHub Actions workflow-command escaping. */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=x,line=3,col=5::message`: annotations on the pull request's files. */
export function githubAnnotation(level: 'error' | 'warning' | 'notice', message: string, problem?: Problem): string {
  const props: string[] = [];
  if (problem?.file) props.push(`file=${escapeProperty(problem.file)}`);
  if (problem?.line) props.push(`line=${problem.line}`);
  if (problem?.column) props.push(`col=${problem.column}`);
  props.push(`title=${escapeProperty('konsync')}`);
  return `::${level} ${props.join(',')}::${escapeData(message)}`;
}

function problemsOf(error: unknown): Problem[] | undefined {
  return error instanceof ValidationError ? error.problems : undefined;
}

/** The file position an error blames (a PlanError names the entity's), for annotations. */
function blamed(error: unknown): Problem | undefined {
  if (!(error instanceof Error)) return undefined;
  const { file, line, column } = error as unknown as Record<string, unknown>;
  if (typeof file !== 'string') return undefined;
  return { message: error.message, file, ...(typeof line === 'number' ? { line } : {}), ...(typeof column === 'number' ? { column } : {}) };
}

/** The error for people, in the command's output format. JSON goes to stdout; the others to stderr (text) or stdout. */
export function renderError(error: unknown, format: OutputFormat, c: Colors): { stdout?: string; stderr?: string } {
  const message = error instanceof Error ? error.message : String(error);
  const problems = problemsOf(error);
  if (format === 'json') return { stdout: `${JSON.stringify(errorJson(error), null, 2)}\n` };
  if (format === 'github') {
    const lines = problems
      ? problems.map((problem) => githubAnnotation('error', `${problem.path ? `${problem.path}: ` : ''}${problem.message}${problem.hint ? ` (${problem.hint})` : ''}`, problem))
      : [githubAnnotation('error', message, blamed(error))];
    return { stdout: `${lines.join('\n')}\n` };
  }
  if (format === 'markdown') {
    const body = problems ? problems.map((problem) => `- ${formatProblem(problem)}`).join('\n') : `\`\`\`\n${message}\n\`\`\``;
    return { stdout: `### konsync: error\n\n${body}\n` };
  }
  const name = error instanceof Error && error.name !== 'Error' ? ` (${error.name})` : '';
  if (problems && problems.length > 1) {
    return { stderr: `${c.red(c.bold('error:'))} ${problems.length} problems${name}\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}\n` };
  }
  return { stderr: `${c.red(c.bold('error:'))} ${message}${name}\n` };
}
