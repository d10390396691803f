export { findFigures, statedNumbers } from './find.ts';
export { fatalities } from './fatalities.ts';
