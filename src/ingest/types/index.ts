export { classify, type Act, type Classified } from './classify.ts';
export { TAXONOMY, TYPE_IDS, SUBTYPE_IDS, eventType, subtypeOf, taxonomyName, taxonomyTerms } from './taxonomy.ts';
