import type { Route } from './types.js';

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

interface CompiledRoute {
  route: Route;
  segments: string[];
}

/** Matches `/a/:id/b` patterns segment by segment; literal segments win over parameters. */
export class Router {
  private readonly routes: CompiledRoute[] = [];

  constructor(routes: Route[] = []) {
    this.add(routes);
  }

  add(routes: Route[]): void {
    for (const route of routes) this.routes.push({ route, segments: split(route.pattern) });
    // More literal segments first, so `/networks/:id` never shadows `/networks/configuration-references`-style paths.
    this.routes.sort((a, b) => literalScore(b.segments) - literalScore(a.segments));
  }

  /** `undefined`: no route has this path; `{allow}`: the path exists, with these other methods only. */
  match(method: string, path: string): RouteMatch | { allow: string[] } | undefined {
    const segments = split(path);
    const allow = new Set<string>();
    for (const compiled of this.routes) {
      const params = matchSegments(compiled.segments, segments);
      if (!params) continue;
      if (compiled.route.method === method) return { route: compiled.route, params };
      allow.add(compiled.route.method);
    }
    return allow.size > 0 ? { allow: [...allow].sort() } : undefined;
  }

  /** Every route's method and pattern (`/a/:id`): what the emulator serves. */
  list(): { method: string; pattern: string }[] {
    return this.routes.map(({ route }) => ({ method: route.method, pattern: route.pattern }));
  }
}

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function literalScore(segments: string[]): number {
  return segments.reduce((score, segment, index) => score + (segment.startsWith(':') ? 0 : 2 ** (16 - index)), 0);
}

function matchSegments(pattern: string[], actual: string[]): Record<string, string> | undefined {
  if (pattern.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i] as string;
    const value = actual[i] as string;
    if (expected.startsWith(':')) {
      try {
        params[expected.slice(1)] = decodeURIComponent(value);
      } catch {
        return undefined;
      }
    } else if (expected !== value) {
      return undefined;
    }
  }
  return params;
}
