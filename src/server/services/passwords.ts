import type * as Argon2 from '@node-rs/argon2';
import commonPasswords from '../../../data/security/common-passwords.json' with { type: 'json' };
import { DomainError } from '../../domain/shared/errors.js';

// Algorithm.Argon2id; the package exports it as an ambient const enum, which isolated modules cannot read.
const ARGON2ID = 2;

/** argon2id at OWASP's 19 MiB / t=2 floor (reliability.md #7). */
const PASSWORD_PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

let hashesComputed = 0;

let argon2: Promise<typeof Argon2> | undefined;
/** The native argon2 module, loaded at the first hash or check rather than when the server starts. */
function loadArgon2(): Promise<typeof Argon2> {
  return (argon2 ??= import('@node-rs/argon2'));
}

export function hashPassword(password: string): Promise<string> {
  hashesComputed += 1;
  return loadArgon2().then((a) => a.hash(password, PASSWORD_PARAMS));
}

/** How many argon2id hashes this process has computed: anonymous routes must not make it climb. */
export function passwordHashesComputed(): number {
  return hashesComputed;
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await (await loadArgon2()).verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** True when a stored hash used weaker parameters than today's, so login can upgrade it. */
export function needsRehash(passwordHash: string): boolean {
  const m = /^\$argon2id\$v=\d+\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(passwordHash);
  if (!m) return true;
  return Number(m[1]) < PASSWORD_PARAMS.memoryCost || Number(m[2]) < PASSWORD_PARAMS.timeCost;
}

// A fixed hash to verify against when the e-mail is unknown, so timing does not reveal which accounts exist.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('closer-decoy-password');
  return decoyHash;
}

const COMMON = new Set(commonPasswords.value.map((p) => p.toLowerCase()));

/** True when a password is on the list of common ones (data/security/common-passwords.json). */
export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.trim().toLowerCase());
}

/** Refuses a common password with 400 PASSWORD_TOO_COMMON on the given field. */
export function assertPasswordNotCommon(password: string, field: string): void {
  if (isCommonPassword(password)) {
    throw new DomainError('PASSWORD_TOO_COMMON', 'This password is on a list of common passwords. Choose another.', field);
  }
}
