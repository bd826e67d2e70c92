// Where a one-line string's text starts (the custom-plugin guard points inline Lua errors there): the fast block
// reader and the yaml package's reader must agree, whichever one a file takes.
import { describe, expect, it } from 'vitest';
import { parseBlockYaml } from '../../../src/state/load/block-yaml.js';
import { parseSource } from '../../../src/state/load/parse-source.js';

const TEXT = [
  'custom_plugins:',
  '  - name: stamp',
  '    handler:    local x = require("lfs")',
  "    schema: 'return { name = \"stamp\" }'",
  '    "quoted key": "a: b"',
  '    list:',
  '      - plain item',
  '      -   "quoted item"',
  '',
].join('\n');

const PATHS = [
  ['custom_plugins', 0, 'name'],
  ['custom_plugins', 0, 'handler'],
  ['custom_plugins', 0, 'schema'],
  ['custom_plugins', 0, 'quoted key'],
  ['custom_plugins', 0, 'list', 0],
  ['custom_plugins', 0, 'list', 1],
];

describe('locateText', () => {
  it('is where the value starts on either reader', () => {
    expect(parseBlockYaml(TEXT)).toBeDefined();
    // An anchor sends the file to the yaml package.
    const withAnchor = `${TEXT}anchored: &a 1\n`;
    expect(parseBlockYaml(withAnchor)).toBeUndefined();
    const fast = parseSource('f.yaml', TEXT).source!;
    const slow = parseSource('f.yaml', withAnchor).source!;
    for (const path of PATHS) expect(fast.locateText(path), path.join('.')).toEqual(slow.locateText(path));
    expect(fast.locateText(['custom_plugins', 0, 'handler'])).toEqual({ line: 3, column: 17, block: false });
  });
});
