// What a password must be, in one place for every form that sets one (a new account, an admin's
// reset, the user's own change). Problems are catalogue keys in the "password" namespace.
import { randomInt } from "node:crypto";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
/** zxcvbn scores 0–4; 0 and 1 fall to an online guessing attack even with sign-in throttling. */
export const MIN_SCORE = 2;

export type PasswordProblem = "password.tooShort" | "password.tooLong" | "password.sameAsUsername" | "password.common" | "password.weak";

// Ranking the dictionaries takes a moment and some memory: once per process, on first use.
let estimator: ZxcvbnFactory | undefined;
let common: Set<string> | undefined;

function strength(password: string, username: string): number {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator.check(password, [username]).score;
}

function isCommon(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}

/** The first rule the password breaks, or null when it may be used by this user. */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN) return "password.tooShort";
  if (password.length > PASSWORD_MAX) return "password.tooLong";
  if (username && password.trim().toLowerCase() === username.trim().toLowerCase()) return "password.sameAsUsername";
  if (isCommon(password)) return "password.common";
  if (strength(password, username) < MIN_SCORE) return "password.weak";
  return null;
}

// No 0/O, 1/l/I: the admin reads it out over the phone.
const ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A temporary password to show the admin once: three groups of four, e.g. "hT4q-Zm8k-PwX3". */
export function generatePassword(username = ""): string {
  for (;;) {
    const groups = Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""));
    const candidate = groups.join("-");
    if (!passwordProblem(candidate, username)) return candidate;
  }
}
