/** Dates stage: language resources, the finder and the resolver. */
export { findDateMentions, type DateMention, type PartialDate, type MentionKind } from './find.ts';
export { resolveMention, spanOf, type ResolveContext, type Span } from './resolve.ts';
export { loadDateResource, resourceLanguage, type DateResource, type FuzzyPart } from './resources.ts';
export { compileRules, applyRules, type RuleSpec, type PatternSpec } from './rules.ts';
