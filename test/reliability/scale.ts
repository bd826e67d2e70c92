/**
 * Short versions run in `npm test`; `npm run reliability` sets KONSYNC_RELIABILITY=long for the long ones.
 * Every figure a suite uses comes from here, so both sizes run the same code.
 */
export const LONG = process.env.KONSYNC_RELIABILITY === 'long';

export const SCALE = LONG
  ? { faultOperations: 500, faultSeeds: [11, 23, 37], killTrials: 12, killOperations: 200, raceOperations: 120 }
  : { faultOperations: 100, faultSeeds: [11], killTrials: 1, killOperations: 60, raceOperations: 40 };

/** vitest timeout of one long test, ms. */
export const SUITE_TIMEOUT_MS = LONG ? 480_000 : 90_000;
