import type { Entity } from '../../model/entity.js';
import { isJsonObject, type JsonObject } from '../../model/json.js';
import type { KonnectApi } from '../../konnect/types.js';
import type { KindDescriptor } from '../../kinds/descriptor.js';
import { GATEWAY_KINDS } from '../../kinds/registry.js';
import { localDefaultsKey } from '../../kinds/schema-defaults.js';
import { fillPath } from '../../kinds/path-template.js';
import type { RawStore } from './raw-store.js';
import type { Geo } from '../../model/state.js';

const WITH_SCHEMA = GATEWAY_KINDS.filter((kind): kind is KindDescriptor & Required<Pick<KindDescriptor, 'schemaDefaults'>> => kind.schemaDefaults !== undefined);

/**
 * Defaults from Konnect's schema endpoints, for the plugin names and partial types the static table lacks. Each
 * schema is fetched once: per name for bundled plugins and partial types (the same on every control plane), per
 * (control plane, name) for a control plane's custom plugins. A 404 (unknown name) means no defaults.
 */
export class SchemaDefaults {
  readonly learned: Record<string, JsonObject> = {};
  private readonly started = new Map<string, Promise<void>>();

  constructor(
    private readonly api: KonnectApi,
    private readonly signal?: AbortSignal,
  ) {}

  /** Fetches what one control plane's desired and listed entities need; call once its entities are listed. */
  forControlPlane(controlPlane: string, controlPlaneId: string, desired: readonly Entity[], store: RawStore, geo?: Geo): Promise<void> {
    const jobs = new Set<Promise<void>>();
    for (const descriptor of WITH_SCHEMA) {
      const spec = descriptor.schemaDefaults;
      const local = new Set<string>();
      if (spec.localTo) {
        const { kind, field } = spec.localTo;
        for (const entity of desired) if (entity.kind === kind && typeof entity.fields[field] === 'string') local.add(entity.fields[field]);
        for (const item of store.get(controlPlane, kind)) if (typeof item.raw[field] === 'string') local.add(item.raw[field]);
      }
      const fields = [
        ...desired.filter((entity) => entity.kind === descriptor.kind).map((entity) => entity.fields),
        ...store.get(controlPlane, descriptor.kind).map((item) => item.raw),
      ];
      for (const one of fields) {
        const wanted = spec.of(one);
        if (!wanted) continue;
        const key = local.has(wanted.name) ? localDefaultsKey(controlPlane, wanted.key) : wanted.key;
        let job = this.started.get(key);
        if (!job) {
          job = this.fetch(fillPath(wanted.path, { controlPlaneId }), `schema of ${descriptor.title} "${wanted.name}"`, geo).then((schema) => {
            if (schema) this.learned[key] = spec.convert(schema);
          });
          this.started.set(key, job);
        }
        jobs.add(job);
      }
    }
    return Promise.all(jobs).then(() => undefined);
  }

  private async fetch(path: string, describe: string, geo: Geo | undefined): Promise<JsonObject | undefined> {
    const response = await this.api.request({
      api: 'core-entities',
      method: 'GET',
      path,
      acceptStatuses: [404],
      describe,
      ...(geo !== undefined ? { geo } : {}),
      ...(this.signal ? { signal: this.signal } : {}),
    });
    return response.status === 404 || !isJsonObject(response.body) ? undefined : response.body;
  }
}
