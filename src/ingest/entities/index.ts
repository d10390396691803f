export { loadGazetteer, namesOf } from './load.ts';
export { capitalOf, tagText, type Tags } from './tag.ts';
export { findUnknownNames } from './unknown.ts';
export { buildEntityRecords } from './records.ts';
export { resolveLink } from './links.ts';
export { foldText } from './fold.ts';
export type { Gazetteer, GazetteerEntity, Rules, AmbiguousAlias } from './types.ts';
