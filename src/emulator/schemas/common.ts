export const GEOS = ['us', 'eu', 'au', 'me', 'in', 'sg'];
export const PROVIDERS = ['aws', 'azure', 'gcp'];

export const uuid = { type: 'string', format: 'uuid' };
export const geo = { type: 'string', enum: GEOS };
export const str = { type: 'string' };
export const strings = { type: 'array', items: { type: 'string' } };
