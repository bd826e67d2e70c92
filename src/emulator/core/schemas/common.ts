// JSON schemas for request bodies, written from the Control Planes Config v2 spec (v3.15.0).

export type Schema = { [key: string]: unknown };

export const PROTOCOLS = ['grpc', 'grpcs', 'http', 'https', 'tcp', 'tls', 'tls_passthrough', 'udp', 'ws', 'wss'];

export const string: Schema = { type: 'string' };
export const nullableString: Schema = { type: ['string', 'null'] };
export const nullableBoolean: Schema = { type: ['boolean', 'null'] };
export const nullableObject: Schema = { type: ['object', 'null'] };
export const stringList: Schema = { type: ['array', 'null'], items: { type: 'string' } };
export const tags: Schema = stringList;

export function nullableInteger(minimum?: number, maximum?: number): Schema {
  const schema: Schema = { type: ['integer', 'null'] };
  if (minimum !== undefined) schema.minimum = minimum;
  if (maximum !== undefined) schema.maximum = maximum;
  return schema;
}

export function nullableEnum(values: (string | number)[], type = 'string'): Schema {
  return { type: [type, 'null'], enum: [...values, null] };
}

/** A foreign key: Konnect takes and returns `{id}`. */
export const foreign: Schema = {
  type: ['object', 'null'],
  properties: { id: { type: 'string', minLength: 1 } },
  required: ['id'],
  additionalProperties: false,
};

export const protocols: Schema = { type: ['array', 'null'], minItems: 1, items: { type: 'string', enum: PROTOCOLS } };

/** Fields the server makes; the spec lists them on every request schema, so they are accepted. */
const serverFields: Schema = {
  id: { type: ['string', 'null'], minLength: 1 },
  created_at: { type: ['number', 'null'] },
  updated_at: { type: ['number', 'null'] },
};

/** An entity body: closed (unknown fields are rejected, as Konnect does). */
export function entity(properties: Schema, required: string[] = [], extra: Schema = {}): Schema {
  return { type: 'object', additionalProperties: false, properties: { ...serverFields, ...properties }, required, ...extra };
}
