export { findFigures } from './find.ts';
export { fatalities } from './fatalities.ts';
