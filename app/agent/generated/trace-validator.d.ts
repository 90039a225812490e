import type { ValidateFunction } from 'ajv';
import type { Trace } from '../trace';

/** TRACE_SCHEMA compiled by ajv at build time (scripts/gen-validators.ts): no eval at run time. */
declare const validate: ValidateFunction<Trace>;
export default validate;
