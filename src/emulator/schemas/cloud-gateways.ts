import { PROVIDERS, byKind, geo, str, uuid, variant } from './common.js';

/** Request schemas for configurations, custom domains and add-ons, written from cloud-gateways.v2.yaml. */

const autoscale = byKind(
  variant('static', ['instance_type', 'requested_instances'], {
    instance_type: { type: 'string', enum: ['small', 'medium', 'large'] },
    requested_instances: { type: 'integer' },
  }),
  variant('autopilot', ['base_rps'], { base_rps: { type: 'integer', minimum: 1 }, max_rps: { type: 'integer' } }),
);

const environment = {
  type: 'array',
  items: {
    type: 'object',
    required: ['name', 'value'],
    properties: {
      name: { type: 'string', minLength: 6, maxLength: 120, pattern: '^(KONG|OTEL)_[a-zA-Z_]+[a-zA-Z0-9_]*$' },
      value: { type: 'string', minLength: 1, maxLength: 2048 },
    },
  },
};

export const createConfigurationSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['control_plane_id', 'control_plane_geo', 'dataplane_groups'],
  properties: {
    control_plane_id: uuid,
    control_plane_geo: geo,
    version: str,
    kind: { type: 'string', enum: ['dedicated.v0', 'serverless.v1'] },
    api_access: { type: 'string', enum: ['private', 'public', 'private+public'] },
    dataplane_groups: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['provider', 'region'],
        properties: { provider: { type: 'string', enum: PROVIDERS }, region: str, cloud_gateway_network_id: uuid, autoscale, environment },
      },
    },
  },
};

export const createCustomDomainSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['control_plane_id', 'control_plane_geo', 'domain'],
  properties: {
    control_plane_id: uuid,
    control_plane_geo: geo,
    domain: { type: 'string', minLength: 1 },
    kind: { type: 'string', enum: ['dedicated.v0', 'serverless.v1'] },
  },
};

export const CACHE_TIERS = ['micro', 'small', 'medium', 'large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'];

const cacheConfig = {
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'capacity_config'],
  properties: {
    kind: { const: 'managed-cache.v0' },
    capacity_config: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'tier'],
      properties: { kind: { const: 'tiered' }, tier: { type: 'string', enum: CACHE_TIERS } },
    },
  },
};

export const createAddOnSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'owner', 'config'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 70 },
    owner: byKind(
      variant('control-plane', ['control_plane_id', 'control_plane_geo'], { control_plane_id: uuid, control_plane_geo: geo }),
      variant('control-plane-group', ['control_plane_group_id', 'control_plane_group_geo'], { control_plane_group_id: uuid, control_plane_group_geo: geo }),
    ),
    config: cacheConfig,
  },
};

export const updateAddOnSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['config'],
  properties: { config: cacheConfig },
};
