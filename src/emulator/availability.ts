/** The availability document a new org sees: realistic regions, AZs and CIDR rules for the providers konsync uses. */

export interface Region {
  region: string;
  name: string;
  availability_zones: string[];
  cidr_blocks: string[];
  reserved_cidr_blocks: string[];
}

import { RESERVED_CIDRS, SUPPORTED_CIDRS } from '../guards/cidr.js';

export { RESERVED_CIDRS, SUPPORTED_CIDRS };

function region(id: string, name: string, zones: string[]): Region {
  return { region: id, name, availability_zones: zones, cidr_blocks: SUPPORTED_CIDRS, reserved_cidr_blocks: RESERVED_CIDRS };
}

export const PROVIDER_REGIONS: Record<string, Region[]> = {
  aws: [
    region('us-east-2', 'Ohio (us-east-2)', ['use2-az1', 'use2-az2', 'use2-az3']),
    region('us-west-2', 'Oregon (us-west-2)', ['usw2-az1', 'usw2-az2', 'usw2-az3', 'usw2-az4']),
    region('eu-west-1', 'Ireland (eu-west-1)', ['euw1-az1', 'euw1-az2', 'euw1-az3']),
  ],
  azure: [
    region('eastus', 'East US (eastus)', ['eastus-az1', 'eastus-az2', 'eastus-az3']),
    region('westeurope', 'West Europe (westeurope)', ['westeurope-az1', 'westeurope-az2', 'westeurope-az3']),
  ],
  gcp: [region('us-central1', 'Iowa (us-central1)', ['us-central1-a', 'us-central1-b', 'us-central1-c', 'us-central1-f'])],
};

export const GATEWAY_VERSIONS = ['3.4', '3.6', '3.7', '3.8', '3.9', '3.10', '3.11', '3.12'];

export function findRegion(provider: string, regionId: string): Region | undefined {
  return PROVIDER_REGIONS[provider]?.find((candidate) => candidate.region === regionId);
}

export function availabilityDocument() {
  return {
    versions: GATEWAY_VERSIONS,
    instance_types: [
      { name: 'small', hourly_cost: '0.25', v_cpu: '1', gb_memory: '2' },
      { name: 'medium', hourly_cost: '1.00', v_cpu: '2', gb_memory: '4' },
      { name: 'large', hourly_cost: '4.00', v_cpu: '4', gb_memory: '8' },
    ],
    providers: Object.entries(PROVIDER_REGIONS).map(([provider, regions]) => ({ provider, regions })),
    serverless_v1_providers: [{ provider: 'aws', regions: [{ region: 'us-east-2' }, { region: 'eu-west-1' }] }],
  };
}
