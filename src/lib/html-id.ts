/**
 * `id` attribute values made from data (a manifest's chronology, an index key): the value as a
 * slug (a-z, 0-9, hyphens), so any value gives a valid, URL-safe fragment. Where slugging changed
 * the value, a short digest of the value follows, so distinct values never share an id.
 */
export function htmlId(prefix: string, value: string): string {
  const slug = value
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug === value) return `${prefix}-${slug}`;
  // FNV-1a over the UTF-16 code units: stable across builds, no dependency.
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 0x01000193) >>> 0;
  return `${prefix}-${slug ? `${slug}-` : ''}${hash.toString(36)}`;
}
