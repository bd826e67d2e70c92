import { it } from 'vitest';
import { brief, findingsOf } from './helpers.js';
it('prints', async () => {
  for (const set of [['networks-bad.yaml'], ['networks-good.yaml'], ['environment-bad.yaml'], ['environment-good.yaml'], ['plugins-bad.yaml'], ['plugins-good.yaml', 'plugins-good-platform.yaml'], ['groups-bad.yaml', 'groups-member-a.yaml', 'groups-member-b.yaml'], ['groups-good.yaml', 'groups-member-a.yaml', 'groups-member-b-distinct.yaml']]) {
    try {
      const f = await findingsOf(set);
      console.log(set.join(' '), '\n' + f.map((x) => `${x.file}:${brief(x)}`).join('\n'));
    } catch (e) { console.log(set, String(e)); }
  }
});
