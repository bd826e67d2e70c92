import { InvalidArgumentError } from 'commander';

/** A commander argParser for a whole number ≥ `min`, written in digits (`--port 8080`, `--max-deletes 0`). */
export function wholeNumber(min: number): (text: string) => number {
  return (text) => {
    const trimmed = text.trim();
    if (!/^\d+$/.test(trimmed) || Number(trimmed) < min) throw new InvalidArgumentError(`expected a whole number ≥ ${min}`);
    return Number(trimmed);
  };
}
