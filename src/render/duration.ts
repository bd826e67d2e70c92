/**
 * `120ms`, `12s` / `12.0s`, `1m05s`. Elapsed times show tenths of a second (`tenths`); configured durations
 * (timeouts) read better whole.
 */
export function formatDuration(ms: number, precision: 'seconds' | 'tenths' = 'seconds'): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  const seconds = precision === 'tenths' ? Math.floor(ms / 1000) : Math.round(ms / 1000);
  if (seconds < 60) return precision === 'tenths' ? `${(ms / 1000).toFixed(1)}s` : `${seconds}s`;
  return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}
