/**
 * Reported dead of one event, from its figures: the smallest and the largest number its text
 * allows, for exports (events.csv, events.geojson) and the casualty chart.
 *
 * Counted: figures of people killed or executed, stated as numbers, that are not part of a total
 * already counted ("66 combatants, including 11 ISIL fighters": 66) and not mixed with another
 * kind ("dead or missing"), nor running totals over more time than the event ("since the attack
 * began", 截止12月26日). A figure with one bound counts that number at both ends ("at least
 * 10": 10; "nearly 100": 100). Figures of one account are added; another account of the same
 * happening ("another report put the number at 100") is an alternative: the range runs from the
 * smallest account to the largest.
 */
import type { Figure } from '../../schema/records.ts';

export interface Fatalities {
  low: number;
  high: number;
}

export function countsAsDead(f: Figure): boolean {
  return (f.kind === 'killed' || f.kind === 'executed') && !f.orKind && f.partOf === undefined && !f.cumulative && !f.vague && (f.low !== null || f.high !== null);
}

export function fatalities(figures: Figure[]): Fatalities | null {
  const accounts: Fatalities[] = [];
  for (const f of figures) {
    if (!countsAsDead(f)) continue;
    const low = f.low ?? f.high!;
    const high = f.high ?? f.low!;
    if (f.alternative || accounts.length === 0) accounts.push({ low, high });
    else {
      const a = accounts[accounts.length - 1]!;
      a.low += low;
      a.high += high;
    }
  }
  if (!accounts.length) return null;
  return { low: Math.min(...accounts.map((a) => a.low)), high: Math.max(...accounts.map((a) => a.high)) };
}
