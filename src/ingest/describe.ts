/**
 * What a passage reports, after its places and groups are tagged: its type and acts
 * (types/) and its casualty figures (figures/). One call for the pipeline; a passage these
 * stages cannot read keeps the fallback type and no figures, and the error is reported.
 */
import type { Gazetteer } from './entities/index.ts';
import { TAXONOMY, classify } from './types/index.ts';
import { findFigures } from './figures/index.ts';
import type { EventRecord, Lang } from '../schema/records.ts';

export type Described = Pick<EventRecord, 'type' | 'subtype' | 'acts' | 'figures'>;

export function describeEvent(text: string, lang: Lang, gaz: Gazetteer, onError?: (message: string) => void): Described {
  try {
    const { type, subtype, acts } = classify(text, lang, gaz);
    return { type, ...(subtype ? { subtype } : {}), acts, figures: findFigures(text, lang, gaz) } as Described;
  } catch (error) {
    onError?.(`type and figures not read: ${(error as Error).message}`);
    return { type: TAXONOMY.fallback, acts: [], figures: [] } as Described;
  }
}
