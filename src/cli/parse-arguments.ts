/** @module Parsers for command-line values, shared by every command: a bad value is a usage error naming it. */
import { InvalidArgumentError } from 'commander';
import { isoDayProblem } from '../model/day-number.ts';

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`"${value}" is not a positive whole number.`);
  return n;
}

export function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`"${value}" is not a whole number of 0 or more.`);
  return n;
}

/** A calendar day as `YYYY-MM-DD`, from 0001-01-01 to 9999-12-31. */
export function isoDay(value: string): string {
  const problem = isoDayProblem(value);
  if (problem !== null) throw new InvalidArgumentError(`"${value}" is not a day as YYYY-MM-DD: it ${problem}.`);
  return value;
}

/** The given fields of `value` that are set: command options become store filters without `undefined`s. */
export function pick<T extends object, K extends keyof T>(value: T, ...keys: K[]): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) if (value[key] !== undefined) picked[key] = value[key];
  return picked;
}
