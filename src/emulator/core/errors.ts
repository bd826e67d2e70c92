import type { EmuResponse } from '../types.js';
import type { JsonObject } from '../../model/json.js';

/** Koko's error detail types, as Konnect's core-entities API returns them. */
export type ErrorType = 'ERROR_TYPE_FIELD' | 'ERROR_TYPE_REFERENCE' | 'ERROR_TYPE_ENTITY';

export interface ErrorDetail {
  type: ErrorType;
  field?: string;
  messages: string[];
}

const DETAIL_TYPE = 'type.googleapis.com/kong.admin.model.v1.ErrorDetail';

function kokoBody(code: number, message: string, details: ErrorDetail[]): JsonObject {
  return {
    code,
    message,
    details: details.map((detail) => {
      const out: JsonObject = { '@type': DETAIL_TYPE, type: detail.type };
      if (detail.field !== undefined) out.field = detail.field;
      out.messages = detail.messages;
      return out;
    }),
  };
}

/** The body failed schema validation (gRPC InvalidArgument). */
export function validationError(details: ErrorDetail[]): EmuResponse {
  return { status: 400, body: kokoBody(3, 'validation error', details) };
}

/** The body is valid but breaks a uniqueness or reference rule. */
export function constraintError(details: ErrorDetail[]): EmuResponse {
  return { status: 400, body: kokoBody(3, 'data constraint error', details) };
}

export function uniqueViolation(field: string): ErrorDetail {
  return { type: 'ERROR_TYPE_REFERENCE', field, messages: [`${field} (type: unique) constraint failed`] };
}

export function foreignViolation(field: string): ErrorDetail {
  return { type: 'ERROR_TYPE_REFERENCE', field: `${field}.id`, messages: [`${field}.id (type: foreign) constraint failed`] };
}

export function entityError(message: string): ErrorDetail {
  return { type: 'ERROR_TYPE_ENTITY', messages: [message] };
}

/** gRPC NotFound (5), as Koko renders it. */
export function entityNotFound(): EmuResponse {
  return { status: 404, body: kokoBody(5, 'not found', []) };
}

/** gRPC AlreadyExists (6): rendered as 409. */
export function alreadyExists(details: ErrorDetail[]): EmuResponse {
  return { status: 409, body: kokoBody(6, 'data constraint error', details) };
}
