// Konnect's rules on plugin names, shared by the loader (`validate`, offline) and the emulator (at write time).
import { closest, distance } from 'fastest-levenshtein';
import { BUNDLED_PLUGINS } from './bundled-plugins.js';

export { BUNDLED_PLUGINS };

/** A plugin Konnect runs: bundled, or one of the control plane's custom plugins. */
export function isKnownPlugin(name: string, customPlugins: ReadonlySet<string>): boolean {
  return BUNDLED_PLUGINS.has(name) || customPlugins.has(name);
}

/** The nearest known name when it is a plausible typo (at most a third of the name differs). */
export function suggestPlugin(name: string, customPlugins: ReadonlySet<string>): string | undefined {
  const known = [...BUNDLED_PLUGINS, ...customPlugins];
  if (known.length === 0 || name === '') return undefined;
  const best = closest(name, known);
  return distance(name, best) <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}

/** For people: why a plugin name is refused, with a "did you mean" when one is close. */
export function unknownPluginMessage(name: string, customPlugins: ReadonlySet<string>): string {
  const suggestion = suggestPlugin(name, customPlugins);
  const hint = suggestion ? `; did you mean "${suggestion}"?` : '; a custom plugin must be declared under custom_plugins or exist in Konnect';
  return `unknown plugin "${name}": not a plugin bundled with Konnect nor a custom plugin of this control plane${hint}`;
}

/** A custom plugin may not take a bundled plugin's name. */
export function customPluginNameProblem(name: string): string | undefined {
  return BUNDLED_PLUGINS.has(name) ? `'${name}' is a bundled plugin` : undefined;
}

export const CUSTOM_PLUGIN_PARTIALS = 'custom plugins cannot use partials';
