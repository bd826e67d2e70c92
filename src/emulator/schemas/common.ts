export const GEOS = ['us', 'eu', 'au', 'me', 'in', 'sg'];
export const PROVIDERS = ['aws', 'azure', 'gcp'];

export const uuid = { type: 'string', format: 'uuid' };
export const geo = { type: 'string', enum: GEOS };
export const str = { type: 'string' };
export const strings = { type: 'array', items: { type: 'string' } };

/** One variant of a `byKind` union: a closed object whose `kind` is `kind`. */
export function variant(kind: string, required: string[], properties: Record<string, object>) {
  return { type: 'object', additionalProperties: false, required: ['kind', ...required], properties: { kind: { const: kind }, ...properties } };
}

/** A union discriminated by `kind`, as the spec writes them (autoscale, add-on owner, attachment configs). */
export function byKind(...variants: object[]) {
  return { type: 'object', required: ['kind'], discriminator: { propertyName: 'kind' }, oneOf: variants };
}
