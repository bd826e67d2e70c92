import { describe, expect, it } from 'vitest';
import { withGeos, type EstateStatus } from '../../src/dcgw/estate.js';
import { renderStatus } from '../../src/dcgw/render-status.js';

const estate = (euDomain: boolean): EstateStatus => ({
  networks: [],
  configurations: [{ controlPlane: 'pay', dataPlaneGroups: [] }],
  customDomains: [{ domain: 'api.example.com', controlPlane: 'far', state: 'ready', records: [], ...(euDomain ? { geo: 'eu' as const } : {}) }],
  addOns: [],
  groups: [],
});

describe('status rows and their geos', () => {
  it('an estate in one geo names no geo: output as before', () => {
    const one = withGeos(estate(false), 'us');
    expect(JSON.stringify(one)).not.toContain('"geo"');
    expect(renderStatus(one, 'text')).toContain('  pay\n');
  });

  it('an estate across geos names every row\'s geo, the default one included', () => {
    const several = withGeos(estate(true), 'us');
    expect(several.configurations[0]!.geo).toBe('us');
    expect(several.customDomains[0]!.geo).toBe('eu');
    const text = renderStatus(several, 'text');
    expect(text).toContain('  pay (us)\n');
    expect(text).toContain('api.example.com  (far in eu)');
    expect(renderStatus(several, 'markdown')).toContain('| api.example.com | far (eu) |');
  });
});
