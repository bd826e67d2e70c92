import type { KindDescriptor } from '../kinds/descriptor.js';
import type { KindName } from '../kinds/kind-names.js';

/** Fills `{name}` slots of a descriptor path template; a slot with no value is left as is. */
export function fillTemplate(template: string, values: Readonly<Record<string, string | undefined>>): string {
  return template.replace(/\{([A-Za-z:_]+)\}/g, (slot, name: string) => {
    const value = values[name];
    return value === undefined ? slot : encodeURIComponent(value);
  });
}

/** Splits a full key into control plane and local key, by the kind's scope. */
export function splitKey(descriptor: KindDescriptor, key: string): { controlPlane?: string; local: string } {
  if (descriptor.scope !== 'control_plane') return { local: key };
  const slash = key.indexOf('/');
  if (slash < 0) return { local: key };
  return { controlPlane: key.slice(0, slash), local: key.slice(slash + 1) };
}

export function refOf(kind: KindName, key: string): string {
  return `${kind}:${key}`;
}
