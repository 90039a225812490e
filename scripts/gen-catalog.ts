/**
 * Writes app/llm/prebuilt-models.json: WebLLM's prebuilt model list, taken from the pinned
 * package. The page reads this JSON (a small lazy chunk) so the model picker works before
 * any worker starts, and WebLLM's code stays out of the main thread. A unit test fails when
 * the file no longer matches the pinned version: run `npm run models:catalog` after an upgrade.
 */
import { writeFileSync } from 'node:fs';
import { prebuiltAppConfig } from '@mlc-ai/web-llm';

const out = new URL('../app/llm/prebuilt-models.json', import.meta.url);
writeFileSync(out, `${JSON.stringify(prebuiltAppConfig.model_list, null, 1)}\n`);
console.log(`wrote ${prebuiltAppConfig.model_list.length} model records to ${out.pathname}`);
