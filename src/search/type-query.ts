/**
 * A query that is the name of an event type or sub-type, in any of the three scripts ("car bomb",
 * 汽车炸弹, 汽車炸彈), searches for events of that type: the same events whatever the language of
 * the query. Pure: the page writes the name index at build time, the client reads it.
 */

/** Case, spaces, hyphens and punctuation do not matter: "Car-bomb" = "car bomb" = "carbomb". */
export function normaliseTypeName(s: string): string {
  return s.toLowerCase().replace(/[\s\-_/、，,.·'"“”‘’()（）]+/g, '');
}

/** name → type or sub-type id, from every name and alias (already written in both Chinese scripts). */
export function typeNameIndex(names: Record<string, string[]>): Record<string, string> {
  const index: Record<string, string> = {};
  for (const [id, list] of Object.entries(names)) for (const name of list) {
    const key = normaliseTypeName(name);
    if (key && !(key in index)) index[key] = id;
  }
  return index;
}

/** The type or sub-type a whole query names, if it names one. */
export function typeOfQuery(q: string, index: Record<string, string>): string | undefined {
  const key = normaliseTypeName(q.trim().replace(/^"(.*)"$/, '$1'));
  return key ? index[key] : undefined;
}
