/**
 * The act words of one language (resources/<language>.json), compiled once into one phrase
 * matcher. The engine (classify.ts) names no word of any language itself.
 */
import { readFileSync } from 'node:fs';
import { phraseList, phraseSet, type PhraseMatcher, type PhraseSet } from '../phrases.ts';
import { eventType, subtypeOf } from './taxonomy.ts';
import type { Lang } from '../../schema/records.ts';

export interface TypeRule {
  type: string;
  subtype?: string;
  /** a second sub-type the same words report ("suicide car bomb": car bomb and suicide bomb) */
  also?: string;
  /** [government, anyone else]: the sub-type depends on who acts */
  subtypeByActor?: [string, string];
  needsPlace?: boolean;
  rank: number;
  phrases: string[];
}

export interface TypeResource {
  rules: TypeRule[];
  ignore: string[];
  placeWords: string[];
  passiveBy: string[];
  /** a clause without a subject of its own takes the last group named earlier in its sentence */
  subjectCarries?: boolean;
}

export interface CompiledTypeResource extends TypeResource {
  /** acts: index into rules, or -1 for an ignored phrase; places: the place words. One pass finds both. */
  words: PhraseSet<{ acts: number; places: string }>;
  passive: PhraseMatcher<string>;
}

const cache = new Map<string, CompiledTypeResource>();

/** Checks every id of a resource against the taxonomy (a typo fails loudly, once, at load). */
function validate(resource: TypeResource, file: string): void {
  for (const rule of resource.rules) {
    if (!eventType(rule.type)) throw new Error(`${file}: unknown type "${rule.type}"`);
    for (const s of [rule.subtype, rule.also, ...(rule.subtypeByActor ?? [])])
      if (s !== undefined && subtypeOf(s)?.type.id !== rule.type) throw new Error(`${file}: "${s}" is not a sub-type of "${rule.type}"`);
  }
}

export function loadTypeResource(lang: Lang | 'en' | 'zh'): CompiledTypeResource {
  const key = lang.startsWith('zh') ? 'zh' : 'en';
  let compiled = cache.get(key);
  if (!compiled) {
    const file = `src/ingest/types/resources/${key}.json`;
    const resource = JSON.parse(readFileSync(new URL(`./resources/${key}.json`, import.meta.url), 'utf8')) as TypeResource;
    validate(resource, file);
    compiled = {
      ...resource,
      words: phraseSet({
        acts: [...resource.rules.flatMap((r, i) => r.phrases.map((phrase) => ({ phrase, value: i }))), ...resource.ignore.map((phrase) => ({ phrase, value: -1 }))],
        places: resource.placeWords.map((phrase) => ({ phrase, value: phrase })),
      }),
      passive: phraseList(resource.passiveBy),
    };
    cache.set(key, compiled);
  }
  return compiled;
}
