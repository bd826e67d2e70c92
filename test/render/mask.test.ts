import { describe, expect, it } from 'vitest';
import { createMasker } from '../../src/render/mask.js';
import { renderPlanText } from '../../src/render/render-plan-text.js';
import { renderPlanJson } from '../../src/render/render-plan-json.js';
import { renderPlanMarkdown } from '../../src/render/render-plan-markdown.js';
import { renderPlanGithub } from '../../src/render/render-plan-github.js';
import { buildPlan } from '../../src/diff/index.js';
import { deckValues } from '../../src/model/state.js';
import { loadDocuments } from '../../src/state/load/index.js';
import { CP, desiredState, gatewayClaims, liveControlPlane, liveEntity, liveState } from '../diff/helpers.js';

const RENDERED = 'rendered-value-123';
const UNRENDERED = 'only-in-env-456';
const file = { path: 'g.yaml', text: '_konnect: {control_plane_name: payments}\nservices: [{name: orders, host: "${{ env "DECK_HOST" }}"}]\n' };
const env = { DECK_HOST: RENDERED, DECK_UNUSED: UNRENDERED, PATH: '/bin', OTHER: 'not-a-deck-value' };

describe('masking every DECK_ value', () => {
  it('the loader records every DECK_ variable of its environment, rendered or not', () => {
    const state = loadDocuments([file], { env });
    expect(state.env).toEqual([{ name: 'DECK_HOST', value: RENDERED }]);
    expect(state.secrets).toEqual([
      { name: 'DECK_HOST', value: RENDERED },
      { name: 'DECK_UNUSED', value: UNRENDERED },
    ]);
  });

  it('the masker masks unrendered DECK_ values too, and nothing that is not DECK_', () => {
    const state = loadDocuments([file], { env });
    const text = `host ${RENDERED}, old ${UNRENDERED}, other not-a-deck-value`;
    expect(createMasker(deckValues(state))(text)).toBe('host [masked], old [masked], other not-a-deck-value');
    expect(createMasker(state.env)(text)).toContain(UNRENDERED);
  });

  it('every renderer masks a value only the environment holds', () => {
    const live = [liveControlPlane(), liveEntity('service', { id: 's', name: 'legacy', host: UNRENDERED }, { controlPlane: CP })];
    // A plan made without the environment's values still carries the live value: the renderers must hide it.
    const plan = buildPlan(desiredState([], { claims: gatewayClaims(CP) }), liveState(live));
    expect(JSON.stringify(plan)).toContain(UNRENDERED);
    const state = loadDocuments([file], { env });
    for (const render of [renderPlanText, renderPlanJson, renderPlanMarkdown, renderPlanGithub]) {
      const out = render(plan, { env: deckValues(state) });
      expect(out, render.name).not.toContain(UNRENDERED);
    }
    expect(renderPlanJson(plan, { env: deckValues(state) })).toContain('[masked]');
  });
});
