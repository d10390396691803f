/** Reads the gazetteer content files and builds the single matcher used for every passage. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  AgenciesFile,
  AmbiguousFile,
  GroupsFile,
  OtherNamesFile,
  PlacesFile,
  RulesFile,
  type ContentEntity,
} from './content.ts';
import { foldName } from './fold.ts';
import { buildMatcher, type AliasEntry } from './matcher.ts';
import { OTHER } from './types.ts';
import type { AmbiguousAlias, EntityType, Gazetteer, GazetteerEntity, Rules } from './types.ts';

function readJson<T extends z.ZodType>(file: string, schema: T): z.infer<T> {
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
  return parsed.data;
}

function toEntity(c: ContentEntity, type: EntityType): GazetteerEntity {
  const e: GazetteerEntity = { id: c.id, type, kind: c.kind, name: c.name, aliases: c.aliases };
  if (c.parent) e.parent = c.parent;
  if (c.members) e.members = c.members;
  if (c.coords) e.coords = c.coords;
  if (c.coordsSource) e.coordsSource = c.coordsSource;
  return e;
}

/** Every name an entity answers to: its aliases plus its display names. */
export function namesOf(e: GazetteerEntity): string[] {
  const out = new Set<string>(e.aliases);
  for (const n of Object.values(e.name)) if (n) out.add(n);
  return [...out];
}

export function loadGazetteer(dir = 'content/entities'): Gazetteer {
  const places = readJson(join(dir, 'places.json'), PlacesFile).places.map((c) => toEntity(c, 'place'));
  const groups = readJson(join(dir, 'groups.json'), GroupsFile).groups.map((c) => toEntity(c, 'group'));
  const agencyFile = join(dir, 'sources-agencies.json');
  const agencies = existsSync(agencyFile)
    ? readJson(agencyFile, AgenciesFile).agencies.map((c) => toEntity(c, 'agency'))
    : [];
  const ambFile = join(dir, 'ambiguous.json');
  const ambiguousRaw = existsSync(ambFile) ? readJson(ambFile, AmbiguousFile).aliases : {};
  const otherFile = join(dir, 'other-names.json');
  const otherNames = existsSync(otherFile) ? Object.values(readJson(otherFile, OtherNamesFile).names).flat() : [];
  const rules: Rules = readJson(join(dir, 'rules.json'), RulesFile);

  const byId = new Map<string, GazetteerEntity>();
  for (const e of [...places, ...groups, ...agencies]) {
    if (byId.has(e.id)) throw new Error(`gazetteer: duplicate id "${e.id}"`);
    byId.set(e.id, e);
  }

  const ambiguous = new Map<string, AmbiguousAlias>();
  for (const [alias, a] of Object.entries(ambiguousRaw)) ambiguous.set(foldName(alias).lower, a);

  // alias -> ids, refusing accidental sharing
  const owners = new Map<string, Set<string>>();
  for (const e of byId.values()) {
    for (const n of namesOf(e)) {
      const key = foldName(n).lower;
      if (!key) continue;
      const set = owners.get(key) ?? new Set<string>();
      set.add(e.id);
      owners.set(key, set);
    }
  }
  const clashes = [...owners].filter(([k, ids]) => ids.size > 1 && !ambiguous.has(k));
  if (clashes.length) {
    throw new Error(
      'gazetteer: aliases shared by several entities and not listed in ambiguous.json: ' +
        clashes.map(([k, ids]) => `"${k}" (${[...ids].join(', ')})`).join('; '),
    );
  }

  const entries: AliasEntry[] = [];
  for (const e of byId.values()) for (const n of namesOf(e)) entries.push({ alias: n, ids: [e.id] });
  // known non-entities claim their text too (so "Abu Omar al-Shishani" is not half-read as a place)
  for (const n of otherNames) entries.push({ alias: n, ids: [OTHER] });

  return { places, groups, agencies, otherNames, byId, ambiguous, rules, matcher: buildMatcher(entries) };
}
