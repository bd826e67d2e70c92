import { isJsonObject, type Json } from '../model/json.js';

/** Turns any of Konnect's error bodies into one line: Problem+JSON, the core-entity (Koko) shape, `{message}`, text. */
export function describeErrorBody(body: Json | undefined, text = ''): { title?: string; detail?: string } {
  if (!isJsonObject(body)) {
    const trimmed = text.trim().replace(/\s+/g, ' ');
    return trimmed ? { detail: trimmed.length > 300 ? `${trimmed.slice(0, 300)}…` : trimmed } : {};
  }
  const parts: string[] = [];
  const title = typeof body.title === 'string' ? body.title : undefined;
  if (typeof body.detail === 'string' && body.detail !== '') parts.push(body.detail);
  if (typeof body.message === 'string' && body.message !== '' && body.message !== body.detail) parts.push(body.message);
  const fields: string[] = [];
  if (Array.isArray(body.invalid_parameters)) {
    for (const item of body.invalid_parameters.filter(isJsonObject)) {
      const field = typeof item.field === 'string' ? item.field : '?';
      const reason = typeof item.reason === 'string' ? item.reason : typeof item.rule === 'string' ? item.rule : 'invalid';
      fields.push(`${field}: ${reason}`);
    }
  }
  if (Array.isArray(body.details)) {
    for (const item of body.details.filter(isJsonObject)) {
      const messages = Array.isArray(item.messages) ? item.messages.filter((m): m is string => typeof m === 'string') : [];
      const field = typeof item.field === 'string' && item.field !== '' ? `${item.field}: ` : '';
      if (messages.length > 0) fields.push(`${field}${messages.join('; ')}`);
    }
  }
  if (fields.length > 0) parts.push(`[${fields.join(', ')}]`);
  const out: { title?: string; detail?: string } = {};
  if (title) out.title = title;
  if (parts.length > 0) out.detail = parts.join(' ');
  return out;
}

export interface ErrorContext {
  status: number;
  method: string;
  path: string;
  body?: Json;
  text?: string;
  /** What was being addressed, for people: `control plane "x" in geo eu`. */
  describe?: string;
  attempts?: number;
}

/** A clear, token-free message for a failed request. */
export function apiErrorMessage(ctx: ErrorContext): string {
  const { title, detail } = describeErrorBody(ctx.body, ctx.text);
  const where = `${ctx.method} ${ctx.path}`;
  const about = ctx.describe ? `${ctx.describe} (${where})` : where;
  const tail = detail ? `: ${detail}` : '';
  const retried = ctx.attempts !== undefined && ctx.attempts > 1 ? ` after ${ctx.attempts} attempts` : '';
  if (ctx.status === 401) return `Konnect rejected the token (401): check KONNECT_TOKEN or --konnect-token-file (${where})`;
  if (ctx.status === 403) {
    const quota = /quota/i.test(`${title ?? ''} ${detail ?? ''}`);
    return quota
      ? `Konnect quota exceeded (403) for ${about}${tail}`
      : `Konnect refused ${about} (403): the token lacks permission${tail}`;
  }
  if (ctx.status === 404) return `Not found in Konnect (404): ${about}${tail}`;
  if (ctx.status === 409) return `Conflict (409) on ${about}: it already exists or changed meanwhile${tail}`;
  if (ctx.status === 429) return `Konnect rate limit exceeded (429) on ${about}${retried}${tail}`;
  const label = title ? ` ${title}` : '';
  return `Konnect answered ${ctx.status}${label} to ${about}${retried}${tail}`;
}

/** Removes a secret from text, in case a server echoes it back. */
export function redact(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('[redacted]');
}
