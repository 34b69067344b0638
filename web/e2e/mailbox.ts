import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { expect } from 'vitest';
import { server } from './browser.js';

/**
 * What the e2e SMTP server (global-setup.ts) received: the Courtyard under test sends every
 * e-mail to it over SMTP, and it keeps each message as a numbered .eml file.
 */
async function mailsTo(to: string): Promise<ParsedMail[]> {
  const dir = server().mailDir;
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.eml')).sort();
  const mails = await Promise.all(files.map(async (file) => simpleParser(await readFile(join(dir, file)))));
  return mails.filter((mail) => [mail.to ?? []].flat().some((a) => a.value.some((v) => v.address === to)));
}

/** The newest message to `to` that `matches`, once it has arrived (waits up to 20 s). */
export async function mailTo(to: string, matches: (mail: ParsedMail) => boolean = () => true): Promise<ParsedMail> {
  let found: ParsedMail | undefined;
  await expect.poll(async () => (found = (await mailsTo(to)).filter(matches).at(-1)), { timeout: 20_000 }).toBeTruthy();
  return found!;
}

/** The first group of `pattern` in the text of the newest message to `to` that has it. */
export async function foundInMailTo(to: string, pattern: RegExp): Promise<string> {
  const mail = await mailTo(to, (m) => pattern.test(m.text ?? ''));
  return pattern.exec(mail.text ?? '')![1]!;
}

/** The link of the newest invitation e-mail to `to`. */
export async function invitationLinkTo(to: string): Promise<URL> {
  return new URL(await foundInMailTo(to, /(https?:\/\/\S+\/accept-invitation#token=[A-Za-z0-9_%-]+)/));
}
