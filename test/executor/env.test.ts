import { describe, expect, it } from 'vitest';
import { envNames, renderEnv } from '../../src/executor/env.js';

describe('rendering env expressions at apply time', () => {
  it('renders DECK_ variables and names every expression', () => {
    const body = { header: 'x:${{ env "DECK_A" }}', list: ['${{ env "DECK_B" }}'] };
    expect(renderEnv(body, { DECK_A: 'a', DECK_B: 'b' })).toEqual({ header: 'x:a', list: ['b'] });
    expect(envNames(body)).toEqual(['DECK_A', 'DECK_B']);
  });

  it('never renders another variable (the token, cloud credentials), whatever a plan file holds', () => {
    expect(() => renderEnv({ host: '${{ env "KONNECT_TOKEN" }}' }, { KONNECT_TOKEN: 'kpat_secret' })).toThrow('only DECK_ variables are');
  });
});
