import { InputProblem } from './errors.js';
import { type IdType, parseGlobalId } from './global-id.js';

/** A global ID inside a mutation input: a wrong one is a `userErrors` entry on that field. */
export function inputId(value: string, type: IdType, field: string[]): number {
  const parsed = parseGlobalId(value);
  if (!parsed) throw new InputProblem(field, `"${value}" is not a valid ID`, 'INVALID_ID');
  if (parsed.type !== type) throw new InputProblem(field, `Expected the ID of a ${type}, got one of a ${parsed.type}`, 'INVALID_ID');
  return parsed.id;
}

/** Like `inputId` for optional fields: `undefined` stays (not given), `null` stays (cleared). */
export function optionalInputId(value: string | null | undefined, type: IdType, field: string[]): number | null | undefined {
  if (value == null) return value;
  return inputId(value, type, field);
}
