import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The src/ files `entry` loads at startup: its static imports and re-exports, transitively (type-only ones erased). */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [resolve(entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    // A dynamic `import('…')` inside a statement is not a static import.
    for (const match of text.matchAll(/^(?:import|export)(?!\s+type\b)(?![^;'"]*\bimport\()[^;'"]*?(?:from\s+)?'(\.{1,2}\/[^']+)'/gm)) {
      const target = resolve(dirname(file), match[1]!.replace(/\.js$/, '.ts'));
      if (existsSync(target)) pending.push(target);
    }
  }
  return new Set([...seen].map((file) => relative(resolve('.'), file)));
}

describe('CLI startup', () => {
  /** What `konsync <command>` loads: the entry point, and that command's module (src/cli/commands/lazy.ts). */
  const entry = staticGraph('src/cli/main.ts');
  const loaded = new Set([...entry, ...staticGraph('src/cli/commands/validate.ts')]);
  /** Every command's module at once: `konsync --help`, completion scripts. */
  const whole = staticGraph('src/cli/commands/index.ts');
  /** What any command loads: the checks on libraries below hold for every one. */
  const any = new Set([...entry, ...whole]);

  it('the graph walk finds what every command needs (the checks below are not vacuous)', () => {
    expect(whole).toContain('src/cli/commands/emulator.ts');
    expect(whole).toContain('src/emulator/defaults.ts');
    expect(loaded).toContain('src/state/load/index.ts');
  });

  it('the entry point loads no command: `konsync <command>` imports that command alone', async () => {
    expect([...entry].filter((file) => file.startsWith('src/cli/commands/') && file !== 'src/cli/commands/lazy.ts')).toEqual([]);
    const { COMMAND_LOADERS } = await import('../../src/cli/commands/lazy.js');
    const { buildProgram } = await import('../../src/cli/commands/index.js');
    // completion lists every command, so it runs with the whole program.
    expect([...Object.keys(COMMAND_LOADERS), 'completion'].sort()).toEqual(buildProgram().commands.map((command) => command.name()).sort());
  });

  it('validate loads neither the planner nor the live reader: only `validate --online` reads Konnect, and imports them then', () => {
    expect(whole).toContain('src/diff/index.ts');
    expect(whole).toContain('src/state/read/index.ts');
    // The guards share the claims helpers with the planner (src/diff/claims.ts); the planner itself stays out.
    expect([...loaded].filter((file) => file === 'src/diff/index.ts' || /^src\/(state\/read|online)\//.test(file))).toEqual([]);
  });

  it('does not load the emulator server: only `konsync emulator` and `konsync demo` need it, when they run', () => {
    expect([...whole].filter((file) => /^src\/emulator\/(index|server|router|core\/index|routes\/index)\.ts$/.test(file))).toEqual([]);
  });

  it('does not load undici (about 95 modules) until the first request: validate never makes one', () => {
    const staticUndici = [...any].filter((file) => /^(?:import|export)(?!\s+type\b)[^;'"]*?from\s+'undici'/m.test(readFileSync(file, 'utf8')));
    expect(any).toContain('src/konnect/transport.ts');
    expect(staticUndici).toEqual([]);
  });

  it('does not load Ajv itself (about 35 ms): the state validator is prebuilt, the plan one compiled by the first plan read', () => {
    const staticAjv = [...any].filter((file) => /^(?:import|export)(?!\s+type\b)[^;'"]*?from\s+'ajv(?:\/[^']*)?'/m.test(readFileSync(file, 'utf8')));
    expect(any).toContain('src/cli/plan-file.ts');
    expect(staticAjv).toEqual([]);
  });

  it('does not load yaml until a file leaves the block-style fast path: a decK dump never needs it', () => {
    const staticYaml = [...any].filter((file) => /^(?:import|export)(?!\s+type\b)[^;'"]*?from\s+'yaml'/m.test(readFileSync(file, 'utf8')));
    expect(any).toContain('src/state/load/parse-source.ts');
    expect(staticYaml).toEqual([]);
  });
});
