/** Query helpers for list(): Konnect's own parameter syntax. */

/** `tags=a,b`: entities carrying every one of `tags` (AND). Konnect reads `a/b` as OR; konsync never needs that. */
export function tagsQuery(tags: readonly string[]): Record<string, string> {
  return tags.length === 0 ? {} : { tags: tags.join(',') };
}

/** `filter[field][op]=value` (deep-object syntax of the platform APIs). */
export function filterQuery(field: string, value: string, op: 'eq' | 'neq' | 'contains' | 'oeq' | 'ocontains' = 'eq'): Record<string, string> {
  return { [`filter[${field}][${op}]`]: value };
}
