/** Events stage: blocks -> dated passages. */
export { segmentEvents, type SegmentContext, type SegmentResult, type DraftEvent, type UndatedPassage } from './segment.ts';
export { classifyMentions, sentenceStarts, type ClassifiedMention, type MentionRole, type AnchorRule } from './anchors.ts';
export { judgeOrder, storyOrder, type OrderVerdict } from './reversal.ts';
