import { Option, type Command } from 'commander';
import { isJsonObject, type Json } from '../../model/json.js';
import type { ApiName } from '../../kinds/descriptor.js';
import type { KonnectClient } from '../../konnect/client.js';
import { addKonnectOptions, createClient, type KonnectOptions } from '../konnect-options.js';
import { addGeoOption, addOptionOnce, addOutputOption, type OutputFormat } from '../state-options.js';
import { runCommand, type Session } from '../run-command.js';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';

const EXAMPLES = `
Examples:
  $ KONNECT_TOKEN=kpat_... konsync ping                    # token, cloud-gateways and control-planes (geo us)
  $ konsync ping --geo eu --control-plane payments        # also that control plane's core entities
  $ konsync ping --konnect-addr http://127.0.0.1:8080 --konnect-token-file token --output json

Exit codes: 0 every check passed, 1 otherwise. The token is never printed.`;

interface PingOptions extends KonnectOptions {
  controlPlane?: string;
  output: OutputFormat;
}

interface PingCheck {
  api: ApiName;
  /** What was asked: `GET /control-planes`. */
  request: string;
  ok: boolean;
  detail: string;
}

const total = (body: Json): number | undefined => {
  const page = isJsonObject(body) && isJsonObject(body.meta) && isJsonObject(body.meta.page) ? body.meta.page : undefined;
  return typeof page?.total === 'number' ? page.total : undefined;
};
const count = (n: number | undefined, noun: string) => (n === undefined ? 'answered' : `${n} ${noun}${n === 1 ? '' : 's'}`);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Each API once, with the smallest request that proves it answers and accepts the token. */
async function runPing(client: KonnectClient, controlPlane?: string): Promise<PingCheck[]> {
  const checks: PingCheck[] = [];
  const check = async (api: ApiName, path: string, query: Record<string, string>, describe: (body: Json) => string): Promise<Json | undefined> => {
    const request = `GET ${path}`;
    try {
      const response = await client.request({ api, method: 'GET', path, query });
      checks.push({ api, request, ok: true, detail: describe(response.body) });
      return response.body;
    } catch (error) {
      checks.push({ api, request, ok: false, detail: messageOf(error) });
      return undefined;
    }
  };
  await check('cloud-gateways', '/cloud-gateways/provider-accounts', { 'page[size]': '1' }, (body) => count(total(body), 'provider account'));
  await check('control-planes', '/control-planes', { 'page[size]': '1' }, (body) => count(total(body), 'control plane'));
  if (controlPlane === undefined) return checks;
  const found = await check('control-planes', '/control-planes', { 'page[size]': '1', 'filter[name][eq]': controlPlane }, (body) =>
    total(body) === 0 ? 'none' : `control plane "${controlPlane}" found`,
  );
  const first = isJsonObject(found) && Array.isArray(found.data) ? found.data.find(isJsonObject) : undefined;
  const id = first && typeof first.id === 'string' && first.name === controlPlane ? first.id : undefined;
  if (found !== undefined && id === undefined) {
    checks[checks.length - 1] = {
      ...checks[checks.length - 1]!,
      ok: false,
      detail: `control plane "${controlPlane}" not found in geo ${client.geo}`,
    };
    return checks;
  }
  if (id === undefined) return checks;
  await check('core-entities', `/control-planes/${id}/core-entities/services`, { size: '1' }, () => `core entities of "${controlPlane}" answered`);
  return checks;
}

function report(session: Session, client: KonnectClient, checks: PingCheck[]): void {
  const ok = checks.every((c) => c.ok);
  if (session.format === 'json') {
    session.out(JSON.stringify({ ok, geo: client.geo, addr: client.addr ?? null, checks, stats: client.stats() }, null, 2));
    return;
  }
  const where = client.addr ?? `Konnect (geo ${client.geo})`;
  session.out(`pinging ${where}`);
  for (const c of checks) {
    const mark = c.ok ? session.colors.green('✓') : session.colors.red('✗');
    session.out(`${mark} ${c.api.padEnd(14)} ${c.request}: ${c.detail}`);
  }
  if (ok) session.out(session.colors.green('token accepted; every API answered'));
}

/** `konsync ping`: checks the token and that each Konnect API answers. */
export function register(program: Command): void {
  const command = program.command('ping').description('check the Konnect token and that each API answers');
  addKonnectOptions(command);
  addGeoOption(command);
  addOutputOption(command);
  addOptionOnce(command, new Option('--control-plane <name>', 'also check this control plane\'s core entities'));
  command.addHelpText('after', EXAMPLES).action(async (options: PingOptions) => {
    await runCommand(options.output, async (session) => {
      const client = createClient({ ...options, geo: options.geo ?? 'us' }, session.io.env, { retry: { maxAttempts: 3 } });
      const checks = await runPing(client, options.controlPlane);
      report(session, client, checks);
      return checks.every((c) => c.ok) ? EXIT_OK : EXIT_ERROR;
    });
  });
}
