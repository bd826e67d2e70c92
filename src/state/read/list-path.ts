/** Fills a descriptor's list path template: `{controlPlaneId}` and `{parentId}` (URL-encoded). */
export function listPath(template: string, ids: { controlPlaneId?: string; parentId?: string }): string {
  let path = template;
  if (ids.controlPlaneId !== undefined) path = path.split('{controlPlaneId}').join(encodeURIComponent(ids.controlPlaneId));
  if (ids.parentId !== undefined) path = path.split('{parentId}').join(encodeURIComponent(ids.parentId));
  if (/\{[^}]+\}/.test(path)) throw new Error(`unfilled path template ${template}`);
  return path;
}
