import { ForeignKeyConstraintViolationException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { InputProblem, InputProblems } from './errors.js';

@ObjectType({ description: 'A problem with a mutation input; nothing was written.' })
export class UserError {
  @Field(() => [String], { description: 'Path into the arguments, e.g. ["input", "name"].' })
  field!: string[];
  @Field(() => String)
  message!: string;
  @Field(() => String, { description: 'INVALID, REQUIRED, NOT_FOUND, TAKEN, NOT_ALLOWED_HERE, …' })
  code!: string;
}

/**
 * Runs a mutation's work; problems with the input come back as `userErrors` (and, being thrown
 * inside the transaction, roll back whatever was written), anything else propagates.
 */
export async function withUserErrors<T extends object>(work: () => Promise<T>): Promise<T | { userErrors: UserError[] }> {
  try {
    const result = await work();
    // Assigned, not spread: a payload may hold getters (fields loaded only when asked for).
    return Object.assign(result, { userErrors: [] });
  } catch (error) {
    if (error instanceof InputProblems) return { userErrors: error.problems.map(toUserError) };
    if (error instanceof InputProblem) return { userErrors: [toUserError(error)] };
    if (error instanceof UniqueConstraintViolationException) {
      return { userErrors: [{ field: ['input'], message: 'A record with these values exists already', code: 'TAKEN' }] };
    }
    if (error instanceof ForeignKeyConstraintViolationException) {
      return { userErrors: [{ field: ['input'], message: 'A referenced record does not exist', code: 'NOT_FOUND' }] };
    }
    throw error;
  }
}

function toUserError(problem: InputProblem): UserError {
  return { field: problem.field, message: problem.message, code: problem.code };
}
