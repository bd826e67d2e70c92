/** One thing wrong with the input, pointing at where it is. Lines and columns are 1-based. */
export interface Problem {
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** Field path inside the file: `services[0].routes[1].paths`. */
  path?: string;
  /** "did you mean ..." and similar. */
  hint?: string;
}

/** Base of every error konsync raises on purpose. Only src/cli turns errors into exit codes. */
export class KonsyncError extends Error {
  override name = 'KonsyncError';
}

/** The input (files, flags, a plan file) is not acceptable; nothing was sent to Konnect. */
export class ValidationError extends KonsyncError {
  override name = 'ValidationError';
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

export function formatProblem(problem: Problem): string {
  const where = problem.file ? `${problem.file}:${problem.line ?? 1}:${problem.column ?? 1}: ` : '';
  const field = problem.path ? `${problem.path}: ` : '';
  return `${where}${field}${problem.message}${problem.hint ? ` (${problem.hint})` : ''}`;
}

/** Where in the state files an error points. */
export interface FileLocation {
  file: string;
  line: number;
  column: number;
}

/** The plan cannot be built (a cycle, a reference that live state cannot satisfy). */
export class PlanError extends KonsyncError {
  override name = 'PlanError';
  /** Where the entity the error blames is written (annotations, JSON output), when it comes from a file. */
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  constructor(message: string, blame?: FileLocation) {
    super(message);
    if (blame) {
      this.file = blame.file;
      this.line = blame.line;
      this.column = blame.column;
    }
  }
}

/** A saved plan no longer matches live state. */
export class StalePlanError extends KonsyncError {
  override name = 'StalePlanError';
}
