import type { ProgressEvent } from '../executor/index.js';
import { ProgressRenderer } from '../render/progress.js';
import type { Session } from './run-command.js';

export interface ProgressPrinter {
  onProgress(event: ProgressEvent): void;
  close(): void;
}

/** Progress on stderr (live block on a terminal), so stdout stays the plan and report, parseable in JSON mode. */
export function progressPrinter(session: Session): ProgressPrinter {
  const renderer = new ProgressRenderer({
    stream: {
      write: (text: string) => session.io.stderr(session.mask(text)),
      isTTY: session.io.stderrIsTTY,
      ...(session.io.columns !== undefined ? { columns: session.io.columns } : {}),
    },
    env: session.io.env,
  });
  renderer.start();
  return { onProgress: (event) => renderer.handle(event), close: () => renderer.stop() };
}
