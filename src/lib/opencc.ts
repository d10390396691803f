/**
 * OpenCC converters, built once per process and shared: building one loads and indexes its
 * dictionaries (tens of milliseconds each), so the ingest (language detection, gazetteer folding)
 * and the search index reuse the same instances.
 */
import * as OpenCC from 'opencc-js';

export type Convert = (s: string) => string;

const cache = new Map<string, Convert>();

/** A memoised OpenCC.Converter({ from, to }) (locales as opencc-js names them: cn, tw, hk, t, jp). */
export function openccConverter(from: string, to: string): Convert {
  const key = `${from}>${to}`;
  let convert = cache.get(key);
  if (!convert) {
    convert = (OpenCC as unknown as { Converter: (o: { from: string; to: string }) => Convert }).Converter({ from, to });
    cache.set(key, convert);
  }
  return convert;
}
