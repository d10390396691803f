import { publishedDataFile } from '../../lib/published-data.ts';

export const GET = publishedDataFile('links.json');
