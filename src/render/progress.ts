import { formatDuration } from './duration.js';
import type { ProgressEvent } from '../executor/index.js';

/** Where progress goes: a TTY gets a live block, anything else plain lines. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressRendererOptions {
  stream: ProgressStream;
  /** @default stream.isTTY */
  tty?: boolean;
  /** Colour needs a TTY and no NO_COLOR in `env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** @default Date.now */
  now?: () => number;
  /** Without a TTY: how often a resource still waiting gets a line. @default 10000 */
  plainIntervalMs?: number;
  /** Live lines shown at most; the rest are summed up in one line. @default 20 */
  maxLiveLines?: number;
}

interface Live {
  title: string;
  state: string;
  startedAt: number;
  lastPrinted?: number;
}

const CODES = { green: 32, red: 31, yellow: 33, dim: 2, cyan: 36 } as const;
type Colour = keyof typeof CODES;
const MARKS: Record<string, { mark: string; colour: Colour }> = {
  done: { mark: '✓', colour: 'green' },
  failed: { mark: '✗', colour: 'red' },
  skipped: { mark: '-', colour: 'yellow' },
  pending: { mark: '…', colour: 'cyan' },
};

/**
 * Renders executor ProgressEvents. On a TTY: finished operations scroll as one line each, and a live block below
 * shows every operation in flight with its state and elapsed time, redrawn in place (ANSI; colour unless NO_COLOR).
 * Without a TTY: one line per finished operation, and one line per waiting resource every `plainIntervalMs`.
 * Call `start()` for a 1 s redraw timer on a TTY and `stop()` at the end.
 */
export class ProgressRenderer {
  private readonly live = new Map<string, Live>();
  private readonly tty: boolean;
  private readonly colour: boolean;
  private readonly now: () => number;
  private readonly interval: number;
  private readonly maxLive: number;
  private drawn = 0;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: ProgressRendererOptions) {
    this.tty = options.tty ?? options.stream.isTTY === true;
    const env = options.env ?? process.env;
    this.colour = this.tty && (env.NO_COLOR === undefined || env.NO_COLOR === '');
    this.now = options.now ?? Date.now;
    this.interval = options.plainIntervalMs ?? 10_000;
    this.maxLive = options.maxLiveLines ?? 20;
  }

  handle(event: ProgressEvent): void {
    const mark = MARKS[event.state];
    if (mark) {
      this.live.delete(event.id);
      const why = event.message ? `: ${event.message}` : '';
      const took = event.state === 'done' || event.state === 'failed' ? ` (${formatDuration(event.elapsedMs, 'tenths')})` : '';
      this.print(`${this.paint(mark.colour, mark.mark)} ${event.title}${why}${this.paint('dim', took)}`);
      return;
    }
    const entry = this.live.get(event.id) ?? { title: event.title, state: 'started', startedAt: this.now() - event.elapsedMs };
    entry.state = event.state === 'waiting' ? `waiting (${event.detail ?? 'unknown'})` : 'in progress';
    this.live.set(event.id, entry);
    if (this.tty) this.redraw([]);
    else if (event.state === 'waiting' && (entry.lastPrinted === undefined || this.now() - entry.lastPrinted >= this.interval)) {
      entry.lastPrinted = this.now();
      this.options.stream.write(`… ${event.title}: ${entry.state} ${formatDuration(this.now() - entry.startedAt, 'tenths')}\n`);
    }
  }

  /** Redraws the live block (elapsed times move on). No-op without a TTY. */
  tick(): void {
    if (this.tty) this.redraw([]);
  }

  start(): void {
    if (!this.tty || this.timer) return;
    this.timer = setInterval(() => this.tick(), 1000);
    this.timer.unref();
  }

  /** Stops the timer and clears the live block. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.tty) {
      this.options.stream.write(this.erase());
      this.drawn = 0;
    }
  }

  private print(line: string): void {
    if (this.tty) this.redraw([line]);
    else this.options.stream.write(`${line}\n`);
  }

  /** Erases the previous live block, writes `lines` above it for good, then the current live block. */
  private redraw(lines: string[]): void {
    const block = this.block();
    this.options.stream.write(this.erase() + [...lines, ...block].map((line) => `${this.fit(line)}\n`).join(''));
    this.drawn = block.length;
  }

  private erase(): string {
    return this.drawn > 0 ? `\x1b[${this.drawn}F\x1b[J` : '';
  }

  private block(): string[] {
    const entries = [...this.live.values()];
    const shown = entries.slice(0, this.maxLive).map((entry) => {
      const elapsed = formatDuration(this.now() - entry.startedAt, 'tenths');
      return `${this.paint('cyan', '•')} ${entry.title} ${this.paint('dim', `${entry.state} ${elapsed}`)}`;
    });
    if (entries.length > this.maxLive) shown.push(this.paint('dim', `  … and ${entries.length - this.maxLive} more in progress`));
    return shown;
  }

  /** Cuts a line to the terminal width (ANSI codes do not count) so the redraw's line count stays right. */
  private fit(line: string): string {
    const width = this.options.stream.columns;
    if (!width || visibleLength(line) <= width) return line;
    let out = '';
    let visible = 0;
    for (let i = 0; i < line.length && visible < width - 1; i++) {
      const rest = line.slice(i);
      const code = /^\x1b\[[0-9;]*m/.exec(rest);
      if (code) {
        out += code[0];
        i += code[0].length - 1;
        continue;
      }
      out += line[i];
      visible++;
    }
    return `${out}${this.colour ? '\x1b[0m' : ''}…`;
  }

  private paint(colour: Colour, text: string): string {
    return this.colour && text !== '' ? `\x1b[${CODES[colour]}m${text}\x1b[0m` : text;
  }
}

function visibleLength(line: string): number {
  return line.replace(/\x1b\[[0-9;]*m/g, '').length;
}

