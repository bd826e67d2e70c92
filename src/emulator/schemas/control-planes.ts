/** Request schemas for the control-planes API, written from control-planes.v2.yaml. */

const CLUSTER_TYPES = [
  'CLUSTER_TYPE_CONTROL_PLANE',
  'CLUSTER_TYPE_K8S_INGRESS_CONTROLLER',
  'CLUSTER_TYPE_CONTROL_PLANE_GROUP',
  'CLUSTER_TYPE_SERVERLESS',
  'CLUSTER_TYPE_KAFKA_NATIVE_EVENT_PROXY',
  'CLUSTER_TYPE_SERVERLESS_V1',
];

const proxyUrls = {
  type: 'array',
  maxItems: 5,
  uniqueItems: true,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['host', 'port', 'protocol'],
    properties: {
      host: { type: 'string', minLength: 1, maxLength: 120 },
      // The spec gives only the lower bound; a TCP port ends at 65535.
      port: { type: 'integer', minimum: 1, maximum: 65535 },
      protocol: { type: 'string', minLength: 1, maxLength: 32 },
    },
  },
};

/** Keys 1–63 characters, not starting with kong/konnect/mesh/kic/_; values like `^[a-z0-9A-Z]...$`. */
const labels = {
  type: 'object',
  propertyNames: { minLength: 1, maxLength: 63, pattern: '^(?!(kong|konnect|mesh|kic|_))' },
  additionalProperties: {
    type: 'string',
    minLength: 1,
    maxLength: 63,
    pattern: '^[a-z0-9A-Z]{1}([a-z0-9A-Z\\-\\.\\_]*[a-z0-9A-Z]+)?$',
  },
};

const common = {
  name: { type: 'string', minLength: 2, maxLength: 256 },
  description: { type: 'string', maxLength: 2048 },
  auth_type: { type: 'string', enum: ['pinned_client_certs', 'pki_client_certs'] },
  proxy_urls: proxyUrls,
  labels,
};

export const createControlPlaneSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    ...common,
    cluster_type: { type: 'string', enum: CLUSTER_TYPES },
    cloud_gateway: { type: 'boolean' },
  },
};

export const updateControlPlaneSchema = {
  type: 'object',
  additionalProperties: false,
  properties: common,
};

export const groupMembershipSchema = {
  type: 'object',
  required: ['members'],
  properties: {
    members: {
      type: 'array',
      items: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } },
    },
  },
};
