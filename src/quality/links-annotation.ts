/** The hand annotation of same-happening pairs (tests/links/annotation.json), read by its test and its report script. */
import { readFileSync } from 'node:fs';

export interface PassageRef {
  source: string;
  line: number;
  text: string;
}

export interface AnnotatedPair {
  a: PassageRef;
  b: PassageRef;
  judgement: 'same' | 'overlap' | 'different';
  why: string;
}

export const LINKS_ANNOTATION = 'tests/links/annotation.json';

export function loadLinksAnnotation(path = LINKS_ANNOTATION): { pairs: AnnotatedPair[] } {
  return JSON.parse(readFileSync(path, 'utf8')) as { pairs: AnnotatedPair[] };
}
