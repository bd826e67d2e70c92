import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML, { isMap, isPair, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { parseBlockYaml, type BlockYaml } from '../../../src/state/load/block-yaml.js';
import { parseSource } from '../../../src/state/load/parse-source.js';

type Path = Array<string | number>;

/** Every offset `yaml` gives for keys and items, by path, next to the value it reads: the reference. */
function reference(text: string): { value: unknown; offsets: Array<[Path, number]> } | 'error' {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) return 'error';
  const offsets: Array<[Path, number]> = [];
  const walk = (node: Node | null, path: Path): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        const at = [...path, String(pair.key.value)];
        offsets.push([at, (pair.key as Node).range![0]]);
        walk(pair.value as Node | null, at);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        offsets.push([[...path, index], (item as Node).range![0]]);
        walk(item as Node, [...path, index]);
      });
    }
  };
  offsets.push([[], (doc.contents as Node).range![0]]);
  walk(doc.contents as Node, []);
  return { value: doc.toJS(), offsets };
}

/** The fast path's offsets for the same paths; for a path under each that does not exist, its ancestor's. */
function fastOffsets(parsed: BlockYaml, paths: Path[]): { found: Map<string, number>; absent: Map<string, number> } {
  const found = new Map<string, number>();
  const absent = new Map<string, number>();
  for (const path of paths) {
    found.set(JSON.stringify(path), parsed.offsets.offsetOf(path));
    absent.set(JSON.stringify(path), parsed.offsets.offsetOf([...path, '\u0000absent', 0]));
  }
  return { found, absent };
}

/** The fast path may decline any text, but what it accepts it must read exactly as `yaml` does, positions included. */
function agreesWithYaml(text: string): 'fast' | 'declined' {
  const fast = parseBlockYaml(text);
  if (!fast) return 'declined';
  const expected = reference(text);
  expect(expected, `yaml rejects what the fast path accepted:\n${text}`).not.toBe('error');
  if (expected === 'error') return 'fast';
  expect(fast.value, text).toStrictEqual(expected.value);
  const expectedOffsets = new Map(expected.offsets.map(([path, offset]) => [JSON.stringify(path), offset]));
  const { found, absent } = fastOffsets(fast, expected.offsets.map(([path]) => path));
  expect(found, text).toEqual(expectedOffsets);
  expect(absent, text).toEqual(expectedOffsets);
  return 'fast';
}

const TRICKY = [
  'a: b\n  # indented comment\nd: e\n',
  "a: 'it''s'\nb: \"x\\ty\\u00e9\\\\\"\nc: \"\\x41\"\n",
  '- a: 1\n  b:\n  - x\n  - y\n  c: 2\n- b\n',
  'a:\n- 1\n- 2\nb: 2\n',
  'a:\n  - 1\n  - 2\nb:\n  c:\n    d: e\n',
  'a: b #c\nb: b#c\nc: "x" # y\nd: \'x\'#c\n',
  'a: 1.0\nb: .5\nc: 1e3\nd: 0x1F\ne: 0o17\nf: .inf\ng: -.Inf\nh: .nan\n',
  'a: -\n', 'a: - b\n', 'key: value: x\n', 'a: x:\n', 'a:b: c\n', 'a: b:c\n',
  'a: [1]\n', 'a: []\nb: {}\nc: [] # x\nd: []x\n', 'a: { }\n', 'a: [a, b]\n',
  '"a": 1\n\'a b\': 2\n"c d":\n  - 1\n', '"a":1\n', '"a" : 1\n',
  'a:\n  b\n', 'a: multi\n  line\n', 'a: b\na: c\n', '"a": 1\na: 2\n',
  '? a\n: b\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: |\n  x\n', 'a: >-\n  x\n',
  '---\na: 1\n', '--- \na: 1\n', '--- a\n', 'a: 1\n---\nb: 2\n', 'a: 1\n...\n', '%YAML 1.2\n---\na: 1\n',
  '-\n  a: 1\n-\n  - x\n', '- \n- a\n', '-\n', 'a:\n', 'a:\nb:\n', 'a: # c\n  b: 1\n',
  'a: "unterminated\n', 'a: \'x\' y\n', '1: a\n', 'true: x\n', 'null: x\n', '~: x\n', '__proto__: x\n', '<<: x\n',
  'a:  \nb: ~\nc: Null\nd: TRUE\ne: yes\nf: 007\ng: +1\nh: -0\ni: 1_000\nj: 12:30\nk: http://x:80/\n',
  'a: b\r\nc:\r\n  - d\r\n', 'a: b\rc: d\n', 'a: "é ü 日本"\n', '  a: 1\n', '- - a\n', 'a:\n  - b\n - c\n',
  'a:\n  b: 1\n   c: 2\n', 'a:\n   b: 1\n  c: 2\n', 'a: 1\n  b: 2\n', '- a\nb: 1\n', 'a: 1\n- b\n',
  'a: -1\nb: -x\nc: - \n', 'a: "a\\"b"\nb: "c\\\\"\n', 'a: "\\""\n', "a: ''\nb: \"\"\n", 'a: @x\n', 'a: `x`\n',
  'a: %x\n', 'a: ,x\n', 'a: x,y]\n', 'a: ]\n', '# only a comment\n', '', '\n\n', 'plain scalar\n', '- a # c\n-   b\n',
  '-   a: 1\n    b: 2\n', '- a: 1\n   b: 2\n', 'a:\n\n\n  b: 1\n\n', 'a:\tb\n', 'a: "x\ty"\n', 'a: "\u0001"\n',
  'a: 1 # c\n#\n  # c\nb: 2\n', '# c\n---\na: 1\n', 'a #b: c\n', 'a: b\n# c\n  c: d\n', 'é: ü\n',
  // Keys are first looked for as the ones the previous map at that depth had: near misses must read as yaml reads them.
  '- name: a\n  nameX: b\n- nameX: c\n  name: d\n- "name": e\n- name : f\n- name:g\n- name: h\n  name: i\n',
  '- a b: 1\n  \'c #d\': 2\n- a b: 3\n  c #d: 4\n', '- k: 1\n- k:: 2\n- k:\n    k: 3\n',
  // Only spaces end a plain scalar or key: a no-break space is part of it, as in yaml.
  'a\u00a0: b\n', 'a: b\u00a0\n', 'a: b\u00a0 # c\n', 'a: b\u2028\n',
  'a: "b" "c"\n', 'a: \'b\'\'\n', "a: 'b''c''\n", 'a: "\\/"\n', 'a: "\\u12"\n', 'a: " x "\n', "a: ' x '\n",
];

describe('parseBlockYaml (the fast path of parseSource)', () => {
  it('reads tricky texts exactly as yaml does, or declines them', () => {
    const outcomes = TRICKY.map((text) => agreesWithYaml(text));
    // It must actually take the common forms, not decline everything.
    expect(outcomes.filter((o) => o === 'fast').length).toBeGreaterThan(20);
  });

  it('declines implicit keys longer than yaml allows (1024 characters), which yaml rejects', () => {
    const long = (n: number) => 'k'.repeat(n);
    const texts = [`${long(1100)}: 1\n`, `"${long(1100)}": 1\n`, `- ${long(1030)}: 1\n`, `a: 1\n${long(1024)}: 2\n`, `- a: 1\n  ${long(1030)}: 2\n`];
    for (const text of texts) agreesWithYaml(text);
    // Around the bound, however the key is written.
    for (let n = 1015; n <= 1030; n++) {
      for (const text of [`${long(n)}: 1\n`, `"${long(n)}": 1\n`, `'${long(n)}' : 1\n`, `- ${long(n)}: 1\n`, `a:\n  ${long(n)}:\n    b: 1\n`]) agreesWithYaml(text);
    }
    // Keys within the bound are still read on the fast path.
    expect(agreesWithYaml(`${long(1000)}: 1\n`)).toBe('fast');
  });

  it('does not read a byte order mark opening the text as part of the first key (yaml drops it)', () => {
    for (const text of ['\uFEFFname: a\n', '\uFEFF:\n', '\uFEFF# c\na: 1\n', '\uFEFF- a\n']) agreesWithYaml(text);
    expect(parseBlockYaml('\uFEFFname: a\n')?.value).not.toEqual({ '\uFEFFname': 'a' });
  });

  it('reads decK dumps and the fixtures as yaml does', () => {
    const files: string[] = [];
    const collect = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) collect(path);
        else if (/\.ya?ml$/.test(name)) files.push(path);
      }
    };
    collect('fixtures');
    collect('../shared/deck-corpus');
    expect(files.length).toBeGreaterThan(3);
    const taken = files.filter((file) => agreesWithYaml(readFileSync(file, 'utf8')) === 'fast');
    expect(taken.length).toBeGreaterThan(0);
  });

  it('agrees with yaml on generated data in every block style yaml writes', () => {
    const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('name', 'a b', '1', 'true', 'x: y', '#', '- a', "'", '"'));
    const scalar = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.constantFrom('', ' ', 'a #b', 'a: b', '-', '- a', '[x]', '{}', 'null', 'True', '0x1', '1e3', '.5', '0o7', "it's", 'a"b', '\\', '\n', 'é'),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
      fc.constant(null),
    );
    const data = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 4 }),
      map: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
    })).map;
    const options = fc.record({ indent: fc.integer({ min: 1, max: 4 }), indentSeq: fc.boolean(), defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE') as fc.Arbitrary<'PLAIN'> });
    let taken = 0;
    fc.assert(
      fc.property(data, options, (value, opts) => {
        if (agreesWithYaml(YAML.stringify(value, opts)) === 'fast') taken++;
      }),
      { numRuns: 400 },
    );
    expect(taken).toBeGreaterThan(100);
  });

  it('never accepts differently what yaml rejects or reads otherwise, on random YAML-ish text', () => {
    const alphabet = [...' -:a#"\'\n[]{}1.&*|>?!~e,\\0x'];
    const line = fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }).map((chars) => chars.join(''));
    const text = fc.array(fc.oneof(line, fc.constantFrom('a: b', '- a', 'a:', '  b: c', '  - d', '- a: 1', '    x: y')), { maxLength: 8 }).map((lines) => lines.join('\n') + '\n');
    fc.assert(fc.property(text, (t) => void agreesWithYaml(t)), { numRuns: 3000 });
  });
});

describe('positions (found in the text when asked)', () => {
  it('of every nested block, whichever way it ends (dedent, next key, end of text), compact and comment lines between', () => {
    const text = [
      'services:',
      '  - name: a',
      '    tags:',
      '      - x',
      '    # a comment',
      '',
      '    routes:',
      '      - name: r',
      '        paths:',
      '          - /a',
      '          - /b',
      '  - name: b',
      'list:',
      '- 1',
      '-',
      '  - nested',
      '- k: v',
      '  deep:',
      '    deeper: 1',
      'last: x',
      '',
    ].join('\r\n');
    const parsed = parseBlockYaml(text)!;
    expect(parsed.value).toEqual(YAML.parse(text));
    const at = (needle: string) => text.indexOf(needle);
    const located = (path: Path) => parsed.offsets.offsetOf(path);
    expect(located([])).toBe(0);
    expect(located(['services', 0])).toBe(at('name: a'));
    expect(located(['services', 0, 'tags', 0])).toBe(at('x\r'));
    expect(located(['services', 0, 'routes'])).toBe(at('routes'));
    expect(located(['services', 0, 'routes', 0, 'paths', 1])).toBe(at('/b'));
    expect(located(['services', 1, 'name'])).toBe(at('name: b'));
    expect(located(['services', 2])).toBe(at('services'));
    expect(located(['list', 1])).toBe(at('- nested') );
    expect(located(['list', 1, 0])).toBe(at('nested'));
    expect(located(['list', 2, 'deep', 'deeper'])).toBe(at('deeper'));
    expect(located(['list', 2, 'deep', 'deeper', 'x'])).toBe(at('deeper'));
    expect(located(['last'])).toBe(at('last'));
    expect(located(['services', 0, 'name', 'x'])).toBe(at('name: a'));
    expect(parsed.depth).toBe(6);
  });
});

describe('positions of big files (blocks in several chunks, a block bigger than a chunk)', () => {
  it('locates the first, middle and last items of a 40,000-item list and of 30,000 small maps after it', () => {
    const big = Array.from({ length: 40_000 }, (_, i) => `  - item-${i}`).join('\n');
    const maps = Array.from({ length: 30_000 }, (_, i) => `  - name: map-${i}\n    tags:\n      - t-${i}`).join('\n');
    const text = `big:\n${big}\nmaps:\n${maps}\nlast: x\n`;
    const parsed = parseBlockYaml(text)!;
    const located = (path: Path) => parsed.offsets.offsetOf(path);
    for (const i of [0, 1, 20_000, 39_999]) expect(located(['big', i])).toBe(text.indexOf(`item-${i}\n`));
    for (const i of [0, 1, 15_000, 29_999]) {
      expect(located(['maps', i, 'name'])).toBe(text.indexOf(`name: map-${i}\n`));
      expect(located(['maps', i, 'tags', 0])).toBe(text.indexOf(`t-${i}\n`));
    }
    expect(located(['big', 40_000])).toBe(text.indexOf('big'));
    expect(located(['last'])).toBe(text.indexOf('last'));
  });
});

/** Nesting of maps and sequences (flow ones included) in a `yaml` document, as parseSource's yaml path counts it. */
function yamlDepth(node: unknown): number {
  if (isMap(node)) return 1 + Math.max(0, ...node.items.map((pair) => (isPair(pair) ? yamlDepth(pair.value) : 0)));
  if (isSeq(node)) return 1 + Math.max(0, ...node.items.map((item) => yamlDepth(item)));
  return 0;
}

describe('nesting depth (parseSource refuses more than 64 levels on either path)', () => {
  it('is the depth yaml reads, on generated data with empty collections as leaves', () => {
    const leaf = fc.oneof(fc.constantFrom<unknown>('a', 1, null, true), fc.constant([]), fc.constant({}));
    const data = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'medium' }, leaf, tie('list'), tie('map')),
      list: fc.array(tie('node'), { maxLength: 3 }),
      map: fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('node'), { maxKeys: 3 }),
    })).map;
    fc.assert(
      fc.property(data, fc.boolean(), (value, indentSeq) => {
        const text = YAML.stringify(value, { indentSeq });
        const fast = parseBlockYaml(text);
        if (fast) expect(fast.depth, text).toBe(yamlDepth(parseDocument(text).contents));
      }),
      { numRuns: 1000 },
    );
  });


  it('counts an empty flow collection (`[]`, `{}`) as a level, as the yaml path does', () => {
    for (const leaf of ['[]', '{}', '[1]', '1']) {
      const lines = Array.from({ length: 64 }, (_, level) => `${' '.repeat(level)}k:`);
      lines[63] = `${' '.repeat(63)}k: ${leaf}`;
      const text = `${lines.join('\n')}\n`;
      // The same nesting with a block scalar beside it, which only the yaml path reads.
      const slow = parseSource('f.yaml', `${text}z: |\n  block\n`).problems;
      expect(parseSource('f.yaml', text).problems.length, leaf).toBe(slow.length);
      expect(slow.length, leaf).toBe(leaf === '1' ? 0 : 1);
    }
  });
});
