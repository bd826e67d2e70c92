import type { KindDescriptor } from '../kinds/descriptor.js';

/** Splits a full key into control plane and local key, by the kind's scope. */
export function splitKey(descriptor: KindDescriptor, key: string): { controlPlane?: string; local: string } {
  if (descriptor.scope !== 'control_plane') return { local: key };
  const slash = key.indexOf('/');
  if (slash < 0) return { local: key };
  return { controlPlane: key.slice(0, slash), local: key.slice(slash + 1) };
}
