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
    for (const match of text.matchAll(/^(?:import|export)(?!\s+type\b)[^;'"]*?(?:from\s+)?'(\.{1,2}\/[^']+)'/gm)) {
      const target = resolve(dirname(file), match[1]!.replace(/\.js$/, '.ts'));
      if (existsSync(target)) pending.push(target);
    }
  }
  return new Set([...seen].map((file) => relative(resolve('.'), file)));
}

describe('CLI startup', () => {
  const loaded = staticGraph('src/cli/main.ts');

  it('the graph walk finds what every command needs (the check below is not vacuous)', () => {
    expect(loaded).toContain('src/cli/commands/emulator.ts');
    expect(loaded).toContain('src/emulator/defaults.ts');
    expect(loaded).toContain('src/state/load/index.ts');
  });

  it('does not load the emulator server: only `konsync emulator` and `konsync demo` need it, when they run', () => {
    expect([...loaded].filter((file) => /^src\/emulator\/(index|server|router|core\/index|routes\/index)\.ts$/.test(file))).toEqual([]);
  });

  it('does not load undici (about 95 modules) until the first request: validate never makes one', () => {
    const staticUndici = [...loaded].filter((file) => /^(?:import|export)(?!\s+type\b)[^;'"]*?from\s+'undici'/m.test(readFileSync(file, 'utf8')));
    expect(loaded).toContain('src/konnect/transport.ts');
    expect(staticUndici).toEqual([]);
  });

  it('does not load Ajv itself (about 35 ms): the state validator is prebuilt, the plan one compiled by the first plan read', () => {
    const staticAjv = [...loaded].filter((file) => /^(?:import|export)(?!\s+type\b)[^;'"]*?from\s+'ajv(?:\/[^']*)?'/m.test(readFileSync(file, 'utf8')));
    expect(loaded).toContain('src/cli/plan-file.ts');
    expect(staticAjv).toEqual([]);
  });

  it('does not load yaml until a file leaves the block-style fast path: a decK dump never needs it', () => {
    const staticYaml = [...loaded].filter((file) => /^(?:import|export)(?!\s+type\b)[^;'"]*?from\s+'yaml'/m.test(readFileSync(file, 'utf8')));
    expect(loaded).toContain('src/state/load/parse-source.ts');
    expect(staticYaml).toEqual([]);
  });
});
