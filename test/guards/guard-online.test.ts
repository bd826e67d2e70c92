import { describe, expect, it } from 'vitest';
import { guardOnline } from '../../src/cli/guard-output.js';
import { captureIO } from '../../src/cli/output.js';
import { createSession } from '../../src/cli/run-command.js';
import { ValidationError } from '../../src/errors.js';
import type { KonnectApi } from '../../src/konnect/types.js';
import { loadState } from '../../src/state/load/index.js';
import { fixture } from './helpers.js';

const failingApi = (requests: string[]): KonnectApi => ({
  request: async (request) => {
    requests.push(`${request.method} ${request.path}`);
    throw new Error('403 Forbidden');
  },
  list: async () => [],
  stats: () => ({ requests: 0, retries: 0, throttled: 0, pages: 0 }),
});

describe('guardOnline', () => {
  it("falls back to the built-in regions when availability.json cannot be read, and says so", async () => {
    const io = captureIO({ env: {} });
    const requests: string[] = [];
    const desired = await loadState([fixture('networks-good.yaml')], { env: {} });
    await guardOnline(desired, { entities: [] }, failingApi(requests), createSession('text', io));
    expect(requests).toEqual(['GET /cloud-gateways/availability.json']);
    expect(io.err).toContain("warning: could not read availability.json (403 Forbidden); networks checked against konsync's built-in regions");
  });

  it('reads nothing when no network is declared, and throws the errors as a ValidationError', async () => {
    const io = captureIO({ env: {} });
    const requests: string[] = [];
    const desired = await loadState([fixture('environment-bad.yaml')], { env: {} });
    const run = guardOnline(desired, { entities: [] }, failingApi(requests), createSession('text', io));
    await expect(run).rejects.toBeInstanceOf(ValidationError);
    await expect(run).rejects.toMatchObject({ problems: expect.arrayContaining([expect.objectContaining({ rule: 'environment.value', line: 16 })]) });
    expect(requests).toEqual([]);
    expect(io.err).toContain('warning: test/guards/fixtures/environment-bad.yaml:13:17:');
  });
});
