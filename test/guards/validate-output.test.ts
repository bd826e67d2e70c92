import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { register } from '../../src/cli/commands/validate.js';
import { captureIO, useIO } from '../../src/cli/output.js';
import { fixture } from './helpers.js';

async function validate(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const target = captureIO({ env });
  const restore = useIO(target);
  try {
    const program = new Command('konsync').exitOverride();
    register(program);
    await program.parseAsync(['validate', ...args], { from: 'user' });
  } finally {
    restore();
  }
  return { code: target.exitCode ?? 0, stdout: target.out, stderr: target.err };
}

const WARNINGS_ONLY = ['-s', fixture('plugins-good.yaml')];
const ERRORS = ['-s', fixture('environment-bad.yaml')];

describe('konsync validate runs the guard rails', () => {
  it('errors: each on its own line with file:line:column and field, exit 1', async () => {
    const result = await validate(ERRORS);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    // Seven problems, then the count, on the same stream (issue 7 item 9).
    expect(lines).toHaveLength(8);
    expect(lines[7]).toBe('✗ 7 problems');
    expect(lines[0]).toBe(
      'test/guards/fixtures/environment-bad.yaml:14:45: cloud_gateways.configurations[0].dataplane_groups[0].environment[1].value: KONG_HEADER_UPSTREAM=Server: "Server" is not one of X-Kong-Request-Id, off',
    );
    expect(result.stderr).toContain('warning: test/guards/fixtures/environment-bad.yaml:13:17: cloud_gateways.configurations[0].dataplane_groups[0].environment[0].name: KONG_DATABASE is managed by Konnect');
  });

  it('warnings alone keep exit 0 and the summary', async () => {
    const result = await validate(WARNINGS_ONLY);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('✓ 1 file valid: 1 control plane, 1 entity\n');
    expect(result.stderr).toContain('warning: test/guards/fixtures/plugins-good.yaml:10:24: custom_plugins[0].handler: handler.lua line 2: require("resty.template")');
  });

  it('--output json carries every finding with severity and rule; errors are the problems', async () => {
    const bad = await validate([...ERRORS, '--output', 'json']);
    expect(bad.code).toBe(1);
    const body = JSON.parse(bad.stdout);
    expect(body.valid).toBe(false);
    expect(body.problems).toHaveLength(7);
    expect(body.findings).toHaveLength(10);
    expect(body.findings[0]).toEqual({
      severity: 'warning',
      rule: 'autoscale.static-deprecated',
      file: 'test/guards/fixtures/environment-bad.yaml',
      line: 11,
      column: 24,
      path: 'cloud_gateways.configurations[0].dataplane_groups[0].autoscale.kind',
      message: 'static autoscaling is deprecated; use kind: autopilot with base_rps',
    });
    const good = await validate([...WARNINGS_ONLY, '--output', 'json']);
    expect(good.code).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({ valid: true, problems: [], findings: [{ severity: 'warning', rule: 'custom-plugin.require', line: 10, column: 24 }] });
  });

  it('--output github prints annotations at file, line and column', async () => {
    const result = await validate([...ERRORS, '--output', 'github']);
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toContain(
      '::warning file=test/guards/fixtures/environment-bad.yaml,line=11,col=24,title=konsync::cloud_gateways.configurations[0].dataplane_groups[0].autoscale.kind: static autoscaling is deprecated; use kind: autopilot with base_rps',
    );
    expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(7);
    expect(lines.filter((line) => line.startsWith('::warning '))).toHaveLength(3);
  });

  it('--output github also annotates problems that stop the load', async () => {
    const result = await validate(['-s', fixture('groups-bad.yaml'), fixture('groups-member-a.yaml'), fixture('groups-member-a-tagged.yaml'), '--output', 'github']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error file=test\/guards\/fixtures\/groups-member-a-tagged.yaml,line=\d+,col=\d+,title=konsync::/m);
  });

  it('DECK_ values in a finding are masked, in text and JSON', async () => {
    const env = { DECK_TRUSTED_IPS: 'secret-range-x' };
    const text = await validate(['-s', fixture('environment-secret.yaml')], env);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('KONG_TRUSTED_IPS=[masked]: "[masked]" is not an IPv4 or IPv6 address');
    const json = await validate(['-s', fixture('environment-secret.yaml'), '--output', 'json'], env);
    expect(json.stdout).not.toContain('secret-range-x');
  });
});
