import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { ADMIN_EMAIL, ADMIN_PASSWORD, isolatedDatabase, TENANT_PASSWORD, testConfig } from '../../test/helpers.js';
import { PlatformUsersRepository } from '../../src/control/auth/platform-users.repository.js';
import { hashPassword } from '../../src/kernel/security/passwords.js';
import { createPlatform } from '../../src/platform.js';
import { FakeStripe, SECRET_KEY, WEBHOOK_SECRET } from '../../test/fake-stripe.js';
import { startSmtp } from '../../test/mail-helpers.js';
import { TWILIO_NUMBER, TwilioStandIn } from '../../test/twilio-standin.js';
import { DUNNING_JOB, INVOICE_RUN_JOB } from '../../src/control/billing/billing.jobs.js';
import { BILLED_TENANT, CONSOLE_BILLED_TENANT, createBilledTenant, READ_ONLY_TENANT } from './billed-tenant.js';

export const CHROMIUM = '/usr/bin/chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `mailDir`: where the test's SMTP server, which the Courtyard under test sends all its e-mail to, keeps each message as an .eml file. */
    e2e: {
      url: string; wsEndpoint: string; adminEmail: string; adminPassword: string; mailDir: string; secondOperator: { email: string; password: string };
      stripe: { url: string; secretKey: string; webhookSecret: string };
      /** The Twilio stand-in's API (list a number's messages with `GET .../Messages.json?To=`). */
      twilio: { url: string; accountSid: string; authToken: string };
    };
  }
}

/**
 * One Courtyard (on PostgreSQL when DATABASE_URL is set, else PGlite) on a free port, serving the
 * real build of the web pages, and one Chromium, shared by every end-to-end file: each file
 * connects to both and works in tenants of its own.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) throw new Error(`The end-to-end tests drive Debian's Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  execFileSync(process.execPath, ['scripts/web.mjs', 'ensure'], { stdio: 'inherit' });

  // Card payments talk to a stand-in of Stripe's API on this machine (test/fake-stripe.ts).
  const stripe = new FakeStripe();
  await stripe.start();
  const database = await isolatedDatabase();
  // E-mail leaves through SMTP to a real SMTP server (the `smtp-server` package), which keeps
  // each message as a file the test files read: the journeys open the links people get.
  // Addresses at bounce.test do not exist: the SMTP server refuses them, a hard bounce.
  const mailDir = join(testConfig(database.overrides).dataDir, 'smtp-inbox');
  const smtp = await startSmtp({ saveTo: mailDir, bounce: /@bounce\.test$/ });
  // SMS goes to the Twilio stand-in (test/twilio-standin.ts), whose signed status callbacks
  // reach the tenant's host as a proxy would pass them on: to this server, under /t/{slug}.
  let port = 0;
  const twilio = await TwilioStandIn.start({ reach: (url) => url.replace(/^https?:\/\/([a-z0-9-]+)\.[^/]+/, (_, slug: string) => `http://127.0.0.1:${port}/t/${slug}`) });
  // The platform's own invoices are paid through the same stand-in (the operator's Stripe keys).
  const config = testConfig({ ...database.overrides, stripeApiUrl: stripe.url, billingStripeSecretKey: SECRET_KEY, billingStripeWebhookSecret: WEBHOOK_SECRET, smtpUrl: smtp.url, twilioAccountSid: twilio.accountSid, twilioAuthToken: twilio.authToken, twilioFrom: TWILIO_NUMBER, twilioApiUrl: twilio.url });
  // The platform's clock is the real one, but for the read-only tenant's invoice, issued a month ago (below).
  let clockShift = 0;
  const platform = await createPlatform(config, { inMemory: database.inMemory, workers: true, clock: () => new Date(Date.now() + clockShift) });
  await platform.app.listen({ host: '127.0.0.1', port: 0 });
  port = (platform.app.server.address() as AddressInfo).port;
  // An operator of its own for the journey that turns on two-step sign-in: the administrator
  // every other console journey signs in as keeps signing in with a password alone.
  const secondOperator = { email: 'second-operator@courtyard.test', password: 'a second pair of hands' };
  await new PlatformUsersRepository(platform.main.kysely).insert({ email: secondOperator.email, name: 'Second operator', passwordHash: await hashPassword(secondOperator.password) });

  let browser: BrowserServer;
  try {
    // The read-only journey's tenant: invoiced 30 days ago, due 16 days ago, unpaid. Today's
    // dunning makes it read-only (14 days overdue); no other tenant has an invoice yet.
    const MONTH = 30 * 24 * 3_600_000;
    clockShift = -MONTH;
    await createBilledTenant({ url: `http://127.0.0.1:${port}`, db: platform.main.kysely, admin: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, ownerPassword: TENANT_PASSWORD, slug: READ_ONLY_TENANT, name: 'Hornbeam Estate', now: () => Date.now() - MONTH });
    clockShift = 0;
    // Today: a period ended since is invoiced too (not yet due), and dunning has run.
    for (const job of [INVOICE_RUN_JOB, DUNNING_JOB]) await platform.jobs.definition(job)!.handler({ id: crypto.randomUUID(), name: job, data: {}, retryCount: 0 }, platform.jobs.context());
    // The billing journeys (workspace and console) pay an invoice: their tenants start with a period ended and invoiced.
    for (const [slug, name] of [[BILLED_TENANT, 'Walnut Estate'], [CONSOLE_BILLED_TENANT, 'Chestnut Estate']] as const) {
      await createBilledTenant({ url: `http://127.0.0.1:${port}`, db: platform.main.kysely, admin: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD }, ownerPassword: TENANT_PASSWORD, slug, name });
    }
    // Playwright gives the browser a fresh profile (--user-data-dir) of its own each launch.
    browser = await chromium.launchServer({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (error) {
    await platform.close();
    await database.dispose();
    await stripe.stop();
    await smtp.close();
    await twilio.close();
    throw error;
  }
  project.provide('e2e', {
    url: `http://127.0.0.1:${port}`,
    wsEndpoint: browser.wsEndpoint(),
    adminEmail: ADMIN_EMAIL,
    adminPassword: ADMIN_PASSWORD,
    mailDir,
    secondOperator,
    stripe: { url: stripe.url, secretKey: SECRET_KEY, webhookSecret: WEBHOOK_SECRET },
    twilio: { url: twilio.url, accountSid: twilio.accountSid, authToken: twilio.authToken },
  });

  return async () => {
    await browser.close();
    await platform.close();
    await database.dispose();
    await stripe.stop();
    await smtp.close();
    await twilio.close();
  };
}
