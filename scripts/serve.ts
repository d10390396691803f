/** `npm run serve`: serves the built `dist/` on http://localhost:4321 (PORT and BASE_PATH respected). */
import { startStaticServer } from './static-server.ts';

const port = Number(process.env.PORT ?? 4321);
const base = process.env.BASE_PATH ?? '/';
await startStaticServer({ root: 'dist', port, base, host: process.env.HOST ?? 'localhost' });
console.log(`Serving dist/ on http://localhost:${port}${base}`);
