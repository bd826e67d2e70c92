import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EmulatorData } from './types.js';
import { emptyData } from './seed.js';

const DEBOUNCE_MS = 100;

export function loadData(file: string): EmulatorData | undefined {
  if (!existsSync(file)) return undefined;
  let parsed: Partial<EmulatorData>;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<EmulatorData>;
  } catch (error) {
    throw new Error(`emulator: ${file} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (parsed?.version !== 1) throw new Error(`emulator: ${file} is not an emulator data file (version ${String(parsed.version)})`);
  return { ...emptyData(), ...parsed, version: 1 };
}

/** Written to a temporary file then renamed over the target, so a reader never sees half a file. */
export function saveData(file: string, data: EmulatorData): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(data, null, 2)}\n`);
  renameSync(temporary, file);
}

/**
 * Saves soon after changes (debounced); the timer never keeps the process alive. A failed background save must not
 * crash the server (it would be an uncaught exception in a timer): the next save retries, and `flush()` from
 * `stop()` throws what still fails.
 */
export class Saver {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly file: string,
    private readonly data: () => EmulatorData,
  ) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      try {
        this.flush();
      } catch {
        // Retried by the next save; reported by stop().
      }
    }, DEBOUNCE_MS);
    this.timer.unref();
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    saveData(this.file, this.data());
  }
}
