// Build step (`npm run build`): writes the state schema's standalone validator beside the built loader.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_VALIDATOR, validatorSource } from './state-validator.js';

writeFileSync(join(dirname(fileURLToPath(import.meta.url)), GENERATED_VALIDATOR), validatorSource());
