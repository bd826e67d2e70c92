import { createInterface } from 'node:readline/promises';
import pc from 'picocolors';

export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Where commands write, and what they know about their terminal. The only way commands print or set exit codes,
 * so tests can run them in-process with `captureIO()` instead of spawning processes.
 */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** stdout is a terminal (colour). */
  isTTY: boolean;
  /** stderr is a terminal (live progress). */
  stderrIsTTY: boolean;
  /** Terminal width of stderr, when it is one. */
  columns?: number;
  /** stdin and stderr are a terminal (prompts are possible). */
  interactive: boolean;
  env: Record<string, string | undefined>;
  setExitCode(code: number): void;
  /** Asks a yes/no question on stderr; `false` unless the answer starts with y. */
  confirm(question: string): Promise<boolean>;
}

function processIO(): CliIO {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    columns: process.stderr.columns,
    interactive: process.stdin.isTTY === true && process.stderr.isTTY === true,
    env: process.env,
    setExitCode: (code) => {
      process.exitCode = code;
    },
    confirm: async (question) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        return /^y/i.test((await rl.question(`${question} [y/N] `)).trim());
      } finally {
        rl.close();
      }
    },
  };
}

let current: CliIO | undefined;

/** The IO commands use: the process's, unless a test or the demo swapped it with `useIO`. */
export function io(): CliIO {
  current ??= processIO();
  return current;
}

/** Makes `next` the IO until the returned function is called. */
export function useIO(next: CliIO): () => void {
  const previous = current;
  current = next;
  return () => {
    current = previous;
  };
}

let colorFlag: boolean | undefined;

/** `--no-color` (false) or nothing said (undefined): set by the program before each command runs. */
export function setColorFlag(value: boolean | undefined): void {
  colorFlag = value;
}

/**
 * Colour, in this order: `--no-color` turns it off; FORCE_COLOR turns it on (`0` or `false`: off) even when piped;
 * NO_COLOR (https://no-color.org) or TERM=dumb turn it off; otherwise colour on a terminal only.
 */
export function colorEnabled(target: CliIO = io()): boolean {
  if (colorFlag === false) return false;
  const force = target.env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.toLowerCase());
  const noColor = target.env.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return false;
  if (target.env.TERM === 'dumb') return false;
  return target.isTTY;
}

export function colors(target: CliIO = io()): Colors {
  return pc.createColors(colorEnabled(target));
}

export interface CapturedIO extends CliIO {
  out: string;
  err: string;
  exitCode: number | undefined;
  /** Answers given to `confirm`, in order; `false` when exhausted. */
  answers: boolean[];
  questions: string[];
}

/** An IO that records everything: for tests and for commands run inside other commands. */
export function captureIO(options: { env?: Record<string, string | undefined>; isTTY?: boolean; interactive?: boolean } = {}): CapturedIO {
  const captured: CapturedIO = {
    out: '',
    err: '',
    exitCode: undefined,
    answers: [],
    questions: [],
    isTTY: options.isTTY ?? false,
    stderrIsTTY: options.isTTY ?? false,
    interactive: options.interactive ?? false,
    env: options.env ?? process.env,
    stdout: (text) => {
      captured.out += text;
    },
    stderr: (text) => {
      captured.err += text;
    },
    setExitCode: (code) => {
      captured.exitCode = code;
    },
    confirm: async (question) => {
      captured.questions.push(question);
      return captured.answers.shift() ?? false;
    },
  };
  return captured;
}
