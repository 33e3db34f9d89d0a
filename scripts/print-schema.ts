/** `npm run schema:print`: writes schema.graphql from the Pothos schema (commit the result). */
import { writeFileSync } from 'node:fs';
import { printedSchema } from '../src/graphql/schema';

writeFileSync(new URL('../schema.graphql', import.meta.url), printedSchema());
console.log('wrote schema.graphql');
