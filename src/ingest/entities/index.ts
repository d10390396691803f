export { loadGazetteer, namesOf, roleWordsOf } from './load.ts';
export { textContext, dominantCountry, conflictOfChronology, withContext } from './context.ts';
export { capitalOf, tagText, type Tags } from './tag.ts';
export { findUnknownNames } from './unknown.ts';
export { buildEntityRecords, type FoundInTexts } from './records.ts';
export { cuedGroupNames, cuedNames, looseKey, unifyCued } from './cued.ts';
export { resolveLink } from './links.ts';
export { foldText } from './fold.ts';
export type { Gazetteer, GazetteerEntity, Rules, AmbiguousAlias, Conflict, TagContext } from './types.ts';
