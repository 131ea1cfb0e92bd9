import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id is a const enum in the typings; its value is 2.
const ARGON2ID = 2 as const;

/** argon2id with the library's recommended memory and time costs. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID as never, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('jixiao-no-such-user');
  return dummy;
}
