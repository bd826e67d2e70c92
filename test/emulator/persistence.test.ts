import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createControlPlane, createNetwork, harness, items, type Harness } from './helpers.js';
import { startEmulator } from '../../src/emulator/index.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.emulator.stop();
  h = undefined;
});

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'konsync-emu-')), 'nested', 'state.json');

describe('persistence', () => {
  it('saves state on stop and reloads it on start', async () => {
    const dataFile = tempFile();
    h = await harness({ dataFile });
    const cp = await createControlPlane(h, { name: 'payments', cloud_gateway: true });
    const network = await createNetwork(h);
    const accounts = items(await h.call('GET', '/cloud-gateways/provider-accounts'));
    await h.emulator.stop();
    const saved = JSON.parse(readFileSync(dataFile, 'utf8')) as { version: number; controlPlanes: Record<string, unknown> };
    expect(saved.version).toBe(1);
    expect(Object.keys(saved.controlPlanes)).toEqual([cp.id]);
    // Atomic write: only the target file remains, no temporary file.
    expect(readdirSync(join(dataFile, '..'))).toEqual(['state.json']);

    h = await harness({ dataFile });
    expect((await h.call('GET', `/control-planes/${cp.id}`)).body.name).toBe('payments');
    expect((await h.call('GET', `/cloud-gateways/networks/${network.id}`)).status).toBe(200);
    // Seeding happens only for a new org: the provider accounts are the same ones.
    expect(items(await h.call('GET', '/cloud-gateways/provider-accounts'))).toEqual(accounts);
  });

  it('keeps pending lifecycles across a restart', async () => {
    const dataFile = tempFile();
    h = await harness({ dataFile, provisionMs: 1000 });
    const network = await createNetwork(h);
    await h.emulator.stop();
    h = await harness({ dataFile, provisionMs: 1000 });
    h.clock.advance(1000);
    expect((await h.call('GET', `/cloud-gateways/networks/${network.id}`)).body.state).toBe('ready');
  });

  it('saves soon after a change, before stop', async () => {
    const dataFile = tempFile();
    h = await harness({ dataFile });
    await createControlPlane(h, { name: 'payments' });
    const deadline = Date.now() + 3000;
    while (!existsSync(dataFile) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(readFileSync(dataFile, 'utf8')).toContain('payments');
  });

  it('refuses a file that is not emulator state', async () => {
    const dataFile = tempFile();
    h = await harness({ dataFile });
    await h.emulator.stop();
    h = undefined;
    writeFileSync(dataFile, JSON.stringify({ version: 7 }));
    await expect(harness({ dataFile })).rejects.toThrow(/not an emulator data file/);
  });

  it('keeps serving when the data file cannot be written, and stop() reports it', async () => {
    const blocker = join(mkdtempSync(join(tmpdir(), 'konsync-emu-')), 'a-file');
    writeFileSync(blocker, '');
    const emulator = await startEmulator({ dataFile: join(blocker, 'state.json') });
    // Past the save debounce: the background save has failed.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const reply = await fetch(`${emulator.url}/v2/control-planes`, { headers: { authorization: `Bearer ${emulator.token}` } });
    expect(reply.status).toBe(200);
    await expect(emulator.stop()).rejects.toThrow();
  });
});
