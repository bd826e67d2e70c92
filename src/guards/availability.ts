import { isJsonObject, type Json } from '../model/json.js';
import { availabilityDocument } from '../emulator/availability.js';

/** A region as Konnect's `GET /cloud-gateways/availability.json` lists it. */
export interface AvailableRegion {
  region: string;
  availability_zones: string[];
  cidr_blocks: string[];
  reserved_cidr_blocks: string[];
}

/** Regions by provider, and whether they came from Konnect (online) or konsync's built-in copy (offline). */
export interface Availability {
  providers: Record<string, AvailableRegion[]>;
  /** `konnect`: read from the org's availability.json; `built-in`: the emulator's document, a known subset. */
  origin: 'konnect' | 'built-in';
}

const strings = (value: Json | undefined): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** Reads an availability.json body; anything unexpected in it is skipped, not fatal. */
export function availabilityFrom(body: Json, origin: Availability['origin']): Availability {
  const providers: Record<string, AvailableRegion[]> = {};
  const list = isJsonObject(body) && Array.isArray(body.providers) ? body.providers : [];
  for (const entry of list) {
    if (!isJsonObject(entry) || typeof entry.provider !== 'string') continue;
    providers[entry.provider] = (Array.isArray(entry.regions) ? entry.regions : []).filter(isJsonObject).map((region) => ({
      region: String(region.region),
      availability_zones: strings(region.availability_zones),
      cidr_blocks: strings(region.cidr_blocks),
      reserved_cidr_blocks: strings(region.reserved_cidr_blocks),
    }));
  }
  return { providers, origin };
}

/** Offline: the same document the emulator serves (src/emulator/availability.ts), not a copy of it. */
export function builtInAvailability(): Availability {
  return availabilityFrom(availabilityDocument() as unknown as Json, 'built-in');
}
