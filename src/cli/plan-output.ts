import type { Plan } from '../model/plan.js';
import { deckValues, type DesiredState } from '../model/state.js';
import type { RenderOptions } from '../render/plan-changes.js';
import { renderPlanText } from '../render/render-plan-text.js';
import { renderPlanJson } from '../render/render-plan-json.js';
import { renderPlanMarkdown } from '../render/render-plan-markdown.js';
import { renderPlanGithub } from '../render/render-plan-github.js';
import { withSecretFieldsMasked } from '../render/secret-plan.js';
import { colorEnabled } from './output.js';
import type { OutputFormat } from './state-options.js';
import type { Session } from './run-command.js';

const RENDERERS: Record<OutputFormat, (plan: Plan, options: RenderOptions) => string> = {
  text: renderPlanText,
  json: renderPlanJson,
  markdown: renderPlanMarkdown,
  github: renderPlanGithub,
};

/** The plan in the session's format, every DECK_ value the desired state knows and every secret field masked. */
export function renderPlan(plan: Plan, session: Session, desired: Pick<DesiredState, 'env' | 'secrets'>): string {
  return RENDERERS[session.format](withSecretFieldsMasked(plan), { env: deckValues(desired), color: colorEnabled(session.io) });
}

/** What `plan --out` says after saving. */
export function renderPlanSaved(plan: Plan, file: string, session: Session): string {
  if (session.format === 'json') return JSON.stringify({ out: file, summary: plan.summary, warnings: plan.warnings, env: plan.env }, null, 2);
  if (plan.summary.total === 0) return `Saved ${file}: no changes.`;
  return `Saved the plan to ${file}. Apply it with: konsync apply ${file}`;
}
