import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/diff/index.js';
import type { Plan } from '../../src/model/plan.js';
import { renderPlanText } from '../../src/render/render-plan-text.js';
import { renderPlanJson } from '../../src/render/render-plan-json.js';
import { renderPlanMarkdown } from '../../src/render/render-plan-markdown.js';
import { renderPlanGithub } from '../../src/render/render-plan-github.js';
import { fieldName, maskJson } from '../../src/render/plan-changes.js';
import { createMasker, NO_MASK } from '../../src/render/mask.js';
import type { JsonObject } from '../../src/model/json.js';
import { CP, desiredEntity, desiredState, gatewayClaims, liveControlPlane, liveEntity, liveState } from '../diff/helpers.js';

const SECRET = 'hunter2-secret';
const env = [{ name: 'DECK_PASSWORD', value: SECRET }];

/** A plan with a create, an update (whose old value is a secret not from env at plan time), a replace, a delete, a wait. */
function samplePlan(): Plan {
  const pa = liveEntity('provider_account', { id: 'pacc', provider: 'aws' });
  const live = [
    pa,
    liveControlPlane(),
    liveEntity('service', { id: 's1', name: 'orders', host: 'orders.internal', retries: 5, path: '/old' }, { controlPlane: CP }),
    liveEntity('service', { id: 's2', name: 'legacy', host: 'legacy.internal' }, { controlPlane: CP }),
    liveEntity('network', { id: 'n1', name: 'prod', cloud_gateway_provider_account_id: 'pacc', region: 'r', availability_zones: ['a'], cidr_block: '10.0.0.0/22' }, { ids: { pacc: 'aws' } }),
  ];
  const desired = [
    desiredEntity('service', { name: 'orders', host: `${SECRET}.internal`, retries: 3 }, { controlPlane: CP, line: 7 }),
    desiredEntity('service', { name: 'new', host: 'new.internal' }, { controlPlane: CP, line: 12 }),
    desiredEntity('network', { name: 'prod', provider: 'aws', region: 'r', availability_zones: ['a'], cidr_block: '10.1.0.0/22' }, { line: 20 }),
  ];
  return buildPlan(desiredState(desired, { claims: [...gatewayClaims(CP), { kind: 'network' }] }), liveState(live));
}

describe('renderPlanText', () => {
  const text = renderPlanText(samplePlan(), { env });

  it('shows one line per resource with its symbol, field changes old → new, and a summary', () => {
    expect(text).toContain('+ create service payments/new  (kong.yaml:12)');
    expect(text).toContain('- delete service payments/legacy');
    expect(text).toContain('~ update service payments/orders  (kong.yaml:7)');
    expect(text).toContain('    retries: 5 → 3');
    expect(text).toContain('    path: "/old" → (removed)');
    expect(text).toMatch(/± replace cloud gateway network prod \(destructive: cidr_block cannot change in place\)/);
    expect(text).toContain('    cidr_block: "10.0.0.0/22" → "10.1.0.0/22"');
    expect(text).toContain('… wait until cloud gateway network prod is ready');
    expect(text).toContain('Plan: 1 to create, 1 to update, 1 to replace, 1 to delete, 1 to wait for.');
  });

  it('masks DECK_ values in all text', () => {
    expect(text).not.toContain(SECRET);
    expect(text).toContain('[masked].internal');
  });

  it('colours only when asked', () => {
    expect(text).not.toMatch(/\u001b\[/);
    expect(renderPlanText(samplePlan(), { env, color: true })).toMatch(/\u001b\[3\dm/);
  });

  it('says so when there is nothing to do', () => {
    const empty = buildPlan(desiredState([]), liveState([]));
    expect(renderPlanText(empty)).toBe('No changes: Konnect matches the desired state.');
  });
});

describe('renderPlanJson', () => {
  it('is the plan, masked, and still valid JSON', () => {
    const plan = samplePlan();
    const json = renderPlanJson(plan, { env });
    expect(json).not.toContain(SECRET);
    const parsed = JSON.parse(json) as Plan;
    expect(parsed.summary).toEqual(plan.summary);
    expect(parsed.operations.map((op) => op.id)).toEqual(plan.operations.map((op) => op.id));
    expect(renderPlanJson(plan)).toBe(`${JSON.stringify(plan, null, 2)}\n`);
  });

  it('with nothing to mask, writes the plan itself, and the copy where the two would differ', () => {
    const plan = samplePlan();
    expect(createMasker([])).toBe(NO_MASK);
    const copy = (value: Plan) => `${JSON.stringify(maskJson(value, NO_MASK), null, 2)}\n`;
    expect(renderPlanJson(plan)).toBe(copy(plan));
    // A `__proto__` key (data, as JSON.parse makes it) never reaches the output of the copy: nor of the shortcut.
    const odd = structuredClone(plan);
    odd.operations[0]!.after = JSON.parse('{"name": "x", "__proto__": {"polluted": true}}') as JsonObject;
    expect(renderPlanJson(odd)).toBe(copy(odd));
    expect(renderPlanJson(odd)).not.toContain('polluted');
  });
});

describe('renderPlanMarkdown', () => {
  const md = renderPlanMarkdown(samplePlan(), { env });
  it('has a summary table and collapsible details', () => {
    expect(md).toContain('| | Action | Resource | Notes |');
    expect(md).toContain('| ± | replace | `cloud gateway network prod` | ⚠️ destructive: cidr_block cannot change in place |');
    expect(md).toContain('<details><summary>Details</summary>');
    expect(md).toContain('    retries: 5 → 3');
    expect(md).not.toContain(SECRET);
  });
});

describe('renderPlanGithub', () => {
  const out = renderPlanGithub(samplePlan(), { env }).split('\n');
  it('annotates each change at its file and line; destructive ones as warnings', () => {
    expect(out).toContain('::notice file=kong.yaml,line=12,col=1,title=konsync create::+ create service payments/new');
    expect(out.some((line) => line.startsWith('::warning file=kong.yaml,line=20,col=1,title=konsync replace::± replace cloud gateway network prod'))).toBe(true);
    expect(out.some((line) => line.startsWith('::warning title=konsync::'))).toBe(true);
    expect(out.at(-1)).toBe('::notice title=konsync plan::Plan: 1 to create, 1 to update, 1 to replace, 1 to delete, 1 to wait for.');
    expect(out.join('\n')).not.toContain(SECRET);
  });
});

describe('fieldName', () => {
  it('turns JSON pointers into dotted paths', () => {
    expect(fieldName('/config/redis/host')).toBe('config.redis.host');
    expect(fieldName('/paths/0')).toBe('paths[0]');
    expect(fieldName('/labels/a~1b')).toBe('labels.a/b');
  });
});

describe('escaping', () => {
  const plan: Plan = {
    format: 'konsync/plan@1',
    geo: 'us',
    operations: [
      {
        id: 'create:service:payments/a|b',
        action: 'create',
        kind: 'service',
        key: 'payments/a|b',
        title: 'service payments/a|b',
        destructive: false,
        requests: [],
        patch: [],
        dependsOn: [],
        source: { file: 'dir,with:odd.yaml', line: 3, column: 5 },
      },
    ],
    summary: { create: 1, update: 0, replace: 0, delete: 0, wait: 0, total: 1 },
    warnings: ['50% done\nnext line'],
    env: [],
  };

  it('escapes GitHub workflow command properties and data', () => {
    const out = renderPlanGithub(plan).split('\n');
    expect(out[0]).toBe('::notice file=dir%2Cwith%3Aodd.yaml,line=3,col=5,title=konsync create::+ create service payments/a|b');
    expect(out[1]).toBe('::warning title=konsync::50%25 done%0Anext line');
  });

  it('escapes pipes in Markdown table cells', () => {
    expect(renderPlanMarkdown(plan)).toContain('| + | create | `service payments/a\\|b` |  |');
  });
});

describe('masking field values', () => {
  const secret = 'q"uoted-secret';
  const update = (value: string): Plan => ({
    format: 'konsync/plan@1',
    geo: 'us',
    operations: [
      {
        id: 'update:service:payments/orders',
        action: 'update',
        kind: 'service',
        key: 'payments/orders',
        title: 'service payments/orders',
        destructive: false,
        requests: [],
        patch: [{ op: 'replace', path: '/path', value }],
        before: { path: '/old' },
        dependsOn: [],
      },
    ],
    summary: { create: 0, update: 1, replace: 0, delete: 0, wait: 0, total: 1 },
    warnings: [],
    env: [],
  });
  const options = { env: [{ name: 'DECK_X', value: secret }] };

  it('masks a value that long values cut short would split, and one JSON would escape', () => {
    const cut = `${'/a'.repeat(55)}/${secret}`;
    for (const value of [cut, `/${secret}`]) {
      for (const out of [renderPlanText(update(value), options), renderPlanMarkdown(update(value), options)]) {
        expect(out).not.toContain('q"uot');
        expect(out).not.toContain('q\\"uot');
      }
    }
    expect(renderPlanText(update(`/${secret}`), options)).toContain('path: "/old" → "/[masked]"');
  });
});
