/**
 * What a passage reports, after its places and groups are tagged: its type and acts
 * (types/) and its casualty figures (figures/). One call for the pipeline.
 */
import type { Gazetteer } from './entities/index.ts';
import { classify } from './types/index.ts';
import { findFigures } from './figures/index.ts';
import type { EventRecord, Lang } from '../schema/records.ts';

export function describeEvent(text: string, lang: Lang, gaz: Gazetteer): Pick<EventRecord, 'type' | 'subtype' | 'acts' | 'figures'> {
  const { type, subtype, acts } = classify(text, lang, gaz);
  return { type, ...(subtype ? { subtype } : {}), acts, figures: findFigures(text, lang, gaz) } as Pick<EventRecord, 'type' | 'subtype' | 'acts' | 'figures'>;
}
