import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { batched, renderListInSteps, yamlChunks } from '../../../src/state/dump/yaml-writer.js';
import { parseBlockYaml } from '../../../src/state/load/block-yaml.js';
import type { JsonObject } from '../../../src/model/json.js';

const write = (content: JsonObject) => [...yamlChunks(content)].join('');

/** Written, then read by yaml and by the loader's fast path (when it takes the text): the same data. */
function roundTrips(content: JsonObject): void {
  const text = write(content);
  expect(parse(text), text).toEqual(content);
  const fast = parseBlockYaml(text);
  if (fast) expect(fast.value, text).toEqual(content);
}

const TRICKY_STRINGS = [
  '', ' ', 'a ', ' a', 'a: b', 'a:b', 'a #b', 'a#b', '#a', '- a', '-a', '-', '?', ':', 'null', 'Null', '~', 'true', 'False', 'yes', 'on', 'N',
  '1', '-1', '1.5', '.5', '1e3', '0x1F', '0o7', '.inf', '.nan', '[a]', '{a}', '*a', '&a', '!a', '|', '>', "'", '"', '%', '@', '`', 'a\nb',
  'line\n', 'two\n\n', '\nlead', ' lead\nx', 'trail \nx', 'tab\tx', 'é', '日本', '\u0000', '\u2028', 'https://x.example.com:8443/p?q=1#f', 'C:\\x',
  'end:', 'a,b', 'a]', '__proto__', '<<', 'x\r\ny',
];

describe('yamlChunks (the dump writer)', () => {
  it('writes strings that read back as themselves, as values and as keys', () => {
    for (const text of TRICKY_STRINGS) {
      roundTrips({ value: text, list: [text, { [text]: text }], [text]: [text] });
    }
  });

  it('writes plain text plainly and multi-line text as a literal block', () => {
    expect(write({ services: [{ name: 'svc', port: 80, tags: ['a'], retries: null, enabled: true }], _format_version: '3.0' })).toBe(
      'services:\n  - name: svc\n    port: 80\n    tags:\n      - a\n    retries: null\n    enabled: true\n_format_version: "3.0"\n',
    );
    expect(write({ code: 'return 1\nend\n' })).toBe('code: |\n  return 1\n  end\n');
  });

  it('round-trips generated data', () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(...TRICKY_STRINGS));
    const scalar = fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.constantFrom(...TRICKY_STRINGS),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
      fc.boolean(),
      fc.constant(null),
    );
    const data = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
    }));
    fc.assert(fc.property(fc.dictionary(key, data.node, { maxKeys: 4 }), (content) => roundTrips(content as JsonObject)), { numRuns: 500 });
  });
});

describe('batched (how the dump command writes)', () => {
  it('joins pieces up to the size, keeps every character in order, and yields nothing for nothing', () => {
    const pieces = ['ab', 'cd', 'e', 'fgh', 'i'];
    expect([...batched(pieces, 4)]).toEqual(['abcd', 'efgh', 'i']);
    expect([...batched(pieces, 1)]).toEqual(pieces);
    expect([...batched([], 4)]).toEqual([]);
    const content = { services: Array.from({ length: 3000 }, (_, i) => ({ name: `svc-${i}`, host: 'h.internal' })) };
    const chunks = [...batched(yamlChunks(content))];
    expect(chunks.join('')).toBe(write(content));
    expect(chunks.length).toBeLessThan(10);
  });
});

describe('lists rendered ahead', () => {
  it('are written as rendered while the list is unchanged, and rendered again once it changed', () => {
    const list: JsonObject[] = [{ name: 'a', port: 1 }, { name: 'b' }];
    const content: JsonObject = { _format_version: '3.0', services: list };
    const plain = [...yamlChunks(content)].join('');
    const steps = renderListInSteps(list, 1);
    let next = steps.next();
    let pauses = 0;
    for (; !next.done; next = steps.next()) pauses++;
    expect(pauses).toBe(2);
    const rendered = new Map([[list, next.value]]);
    const text = (pieces: Iterable<string | Uint8Array>) => [...pieces].map((piece) => (typeof piece === 'string' ? piece : Buffer.from(piece).toString())).join('');
    expect(text(batched(yamlChunks(content, rendered), 8))).toBe(plain);
    list.push({ name: 'c' });
    expect(text(yamlChunks(content, rendered))).toBe([...yamlChunks(content)].join(''));
    expect(text(yamlChunks(content, rendered))).toContain('name: c');
  });
});
