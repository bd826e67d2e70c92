import type { BenchSection } from './run.js';

export const applyBench: BenchSection = {
  name: 'apply',
  async run() {
    return { results: { pending: true }, markdown: 'not measured yet' };
  },
};
