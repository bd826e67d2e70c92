import type { BenchSection } from './run.js';

export const diffBench: BenchSection = {
  name: 'diff',
  async run() {
    return { results: { pending: true }, markdown: 'not measured yet' };
  },
};
