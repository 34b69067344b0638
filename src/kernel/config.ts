import { resolve } from 'node:path';
import { passwordRefusals } from './security/password-policy.js';

/**
 * Every environment variable Courtyard reads, in one table. The README's configuration
 * table is generated from it (`courtyard config --markdown`), so the two cannot drift.
 */
interface Setting<T> {
  env: string;
  description: string;
  default?: T;
  /** The default as it would be written in the variable, where it is not a plain value. */
  defaultText?: string;
  parse: (raw: string) => T;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const text = (raw: string) => raw;
const integer = (min: number, max: number) => (raw: string) => {
  if (!/^-?\d+$/.test(raw.trim())) throw new Error(`expected an integer, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new Error(`expected an integer between ${min} and ${max}, got ${n}`);
  return n;
};
const boolean = (raw: string) => {
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(v)) return false;
  throw new Error(`expected true or false, got "${raw}"`);
};
const oneOf = <T extends string>(...values: T[]) => (raw: string) => {
  if (!values.includes(raw as T)) throw new Error(`expected one of ${values.join(', ')}, got "${raw}"`);
  return raw as T;
};
const url = (...protocols: string[]) => (raw: string) => {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error('is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) throw new Error(`expected a ${protocols.join(' or ')} URL`);
  return raw;
};
/** When dunning acts, in days after an invoice fell due: `remind=0,7;past_due=3;read_only=14;suspend=30`. */
export interface DunningSchedule {
  remind: number[];
  pastDue: number;
  readOnly: number;
  suspend: number;
}
const dunning = (raw: string): DunningSchedule => {
  const parts = new Map(raw.split(';').map((p) => p.split('=').map((x) => x.trim()) as [string, string]));
  const day = (key: string) => {
    const v = parts.get(key);
    if (v === undefined || !/^\d{1,3}$/.test(v)) throw new Error(`${key}= must be a number of days`);
    return Number(v);
  };
  const remind = (parts.get('remind') ?? '').split(',').filter((x) => x.trim() !== '').map((x) => {
    if (!/^\d{1,3}$/.test(x.trim())) throw new Error('remind= must be days separated by commas');
    return Number(x);
  });
  const schedule = { remind: [...new Set(remind)].sort((a, b) => a - b), pastDue: day('past_due'), readOnly: day('read_only'), suspend: day('suspend') };
  if (!(schedule.pastDue <= schedule.readOnly && schedule.readOnly <= schedule.suspend)) throw new Error('expected past_due ≤ read_only ≤ suspend');
  return schedule;
};
const email = (raw: string) => {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(raw)) throw new Error(`"${raw}" is not an e-mail address`);
  return raw.toLowerCase();
};
const password = (raw: string) => {
  const refusal = passwordRefusals(raw, {})[0];
  if (refusal) throw new Error(refusal.message);
  return raw;
};
const domain = (raw: string) => {
  const v = raw.trim().toLowerCase();
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(v)) throw new Error(`"${raw}" is not a domain name`);
  return v;
};

/** A Twilio SID: two letters naming the kind (`AC` account, `MG` Messaging Service) and 32 hex digits. */
const twilioSid = (prefix: string) => (raw: string) => {
  const v = raw.trim();
  if (!new RegExp(`^${prefix}[0-9a-fA-F]{32}$`).test(v)) throw new Error(`expected ${prefix} followed by 32 hexadecimal digits`);
  return v;
};
/** A phone number in E.164: `+`, a country code and the number, 7 to 15 digits in all. */
const e164 = (raw: string) => {
  const v = raw.trim();
  if (!/^\+[1-9]\d{6,14}$/.test(v)) throw new Error(`"${raw}" is not a phone number in E.164 form (+ and 7 to 15 digits, e.g. +14155550100)`);
  return v;
};

/** `key=value,key2=value2` with URL-encoded values, as the OpenTelemetry specification writes headers. */
const otlpHeaders = (raw: string) => {
  const headers: Record<string, string> = {};
  // Values are secrets (API keys): a message names a pair by its place, never by its text.
  for (const [i, pair] of raw.split(',').entries()) {
    if (pair.trim() === '') continue;
    const at = pair.indexOf('=');
    const key = at > 0 ? pair.slice(0, at).trim() : '';
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(key)) throw new Error(`expected key=value pairs separated by commas; pair ${i + 1} is not one`);
    try {
      headers[key.toLowerCase()] = decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      throw new Error(`the value of ${key} is not URL-encoded`);
    }
  }
  return headers;
};

export const settings = {
  databaseUrl: { env: 'DATABASE_URL', description: 'PostgreSQL server (15+) for the control plane and pooled tenants. Unset: embedded PGlite under `COURTYARD_DATA_DIR`.', parse: url('postgres:', 'postgresql:') },
  dataDir: { env: 'COURTYARD_DATA_DIR', description: 'Directory for the embedded database, dedicated PGlite tenants and files.', default: './data', parse: text },
  host: { env: 'HOST', description: 'Address the HTTP server listens on.', default: '127.0.0.1', parse: text },
  port: { env: 'PORT', description: 'HTTP port.', default: 3000, parse: integer(0, 65535) },
  baseDomain: { env: 'COURTYARD_BASE_DOMAIN', description: 'Tenants are reachable at `{slug}.{base domain}`.', default: 'localhost', parse: domain },
  adminEmail: { env: 'COURTYARD_ADMIN_EMAIL', description: 'E-mail of the platform administrator created on first start.', default: 'admin@courtyard.local', parse: email },
  adminPassword: { env: 'COURTYARD_ADMIN_PASSWORD', description: 'Password of that administrator: 12+ characters, not a common password nor containing the e-mail name (docs/security.md). Unset: one is generated and printed once.', parse: password },
  operatorTwoStep: { env: 'COURTYARD_OPERATOR_TWO_STEP', description: '`required`: every platform operator signs in with an authenticator app (one without enrols at their next sign-in) and steps up before dangerous console actions. `optional`: those who enrolled do.', default: 'optional' as 'optional' | 'required', parse: oneOf('optional', 'required') },
  tokenSecret: { env: 'COURTYARD_TOKEN_SECRET', description: 'HMAC secret for access tokens (32+ characters). Unset: generated once and kept in the control database.', parse: (raw: string) => { if (raw.length < 32) throw new Error('must be at least 32 characters'); return raw; } },
  licencePrivateKey: { env: 'COURTYARD_LICENCE_PRIVATE_KEY', description: 'Ed25519 private key (PKCS#8 PEM) that signs licences. Unset: generated once and kept in the control database.', parse: text },
  licencePublicKey: { env: 'COURTYARD_LICENCE_PUBLIC_KEY', description: 'Ed25519 public key (SPKI PEM) a data plane verifies licences with. Unset: read from the control database.', parse: text },
  licenceGraceDays: { env: 'COURTYARD_LICENCE_GRACE_DAYS', description: 'Days a licence keeps working after it expires.', default: 14, parse: integer(0, 365) },
  accessTokenTtl: { env: 'COURTYARD_ACCESS_TOKEN_TTL', description: 'Access token lifetime in seconds.', default: 900, parse: integer(30, 86_400) },
  refreshTokenTtl: { env: 'COURTYARD_REFRESH_TOKEN_TTL', description: 'Refresh token lifetime in seconds.', default: 2_592_000, parse: integer(300, 31_536_000) },
  sessionLifetime: { env: 'COURTYARD_SESSION_LIFETIME', description: 'Seconds a session lasts after sign-in, however often its tokens are refreshed; then the user signs in again.', default: 2_592_000, parse: integer(300, 31_536_000) },
  poolMax: { env: 'COURTYARD_DB_POOL_MAX', description: 'Connections in the main PostgreSQL pool.', default: 10, parse: integer(1, 1000) },
  pgliteCacheMb: { env: 'COURTYARD_PGLITE_CACHE_MB', description: "Embedded database only: megabytes of PostgreSQL's page cache (`shared_buffers`) per open database. Larger serves big estates from memory; each MB is resident once touched.", default: 32, parse: integer(8, 4096) },
  dedicatedPoolMax: { env: 'COURTYARD_DEDICATED_POOL_MAX', description: 'Connections per dedicated tenant database pool.', default: 3, parse: integer(1, 100) },
  dedicatedPoolsMax: { env: 'COURTYARD_DEDICATED_POOLS_MAX', description: 'Dedicated tenant databases kept open at once (least recently used are closed).', default: 20, parse: integer(1, 10_000) },
  redisUrl: { env: 'REDIS_URL', description: 'Redis for shared rate limits. Unset: limits are kept in memory.', parse: url('redis:', 'rediss:') },
  loginRatePerIp: { env: 'COURTYARD_LOGIN_RATE_PER_IP', description: 'Sign-in attempts allowed per IP address per 15 minutes.', default: 50, parse: integer(1, 1_000_000) },
  loginRatePerAccount: { env: 'COURTYARD_LOGIN_RATE_PER_ACCOUNT', description: 'Failed sign-ins allowed per account from one IP address per 15 minutes; past it that address is refused for that account. Past the same number of failures from all addresses together, every attempt on the account is slowed down (never refused).', default: 10, parse: integer(1, 1_000_000) },
  resetRatePerIp: { env: 'COURTYARD_RESET_RATE_PER_IP', description: 'Password-reset requests allowed per IP address per 15 minutes; past it that address gets 429.', default: 20, parse: integer(1, 1_000_000) },
  resetRatePerAccount: { env: 'COURTYARD_RESET_RATE_PER_ACCOUNT', description: 'Password-reset requests allowed per e-mail address (known or not) per 15 minutes, from all addresses together; past it 429, and no more e-mail is sent to it.', default: 5, parse: integer(1, 1_000_000) },
  apiRatePerPrincipal: { env: 'COURTYARD_API_RATE_PER_PRINCIPAL', description: 'Requests to `/api/v1` allowed per signed-in user or API key per minute (and to `/control/v1` per operator or platform key); past it 429 with `Retry-After`. A plan can set its own. 0: no limit.', default: 600, parse: integer(0, 100_000_000) },
  apiRatePerTenant: { env: 'COURTYARD_API_RATE_PER_TENANT', description: "Requests to `/api/v1` allowed per tenant per minute, all its users and API keys together (the operators together on `/control/v1`); past it 429 with `Retry-After`. A plan can set its own. 0: no limit.", default: 3000, parse: integer(0, 100_000_000) },
  smtpUrl: { env: 'SMTP_URL', description: 'SMTP server for outgoing e-mail, e.g. `smtp://user:password@mail.example.com:587` (`smtps:` for implicit TLS). Unset: messages are written as `.eml` files under `COURTYARD_DATA_DIR/mail` and logged.', parse: url('smtp:', 'smtps:') },
  mailFrom: { env: 'COURTYARD_MAIL_FROM', description: 'Sender address of outgoing e-mail; the display name is the tenant\'s, replies go to its support address.', default: 'no-reply@courtyard.local', parse: email },
  twilioAccountSid: { env: 'TWILIO_ACCOUNT_SID', description: 'Twilio account (`AC…`) that sends SMS, with `TWILIO_AUTH_TOKEN` and `TWILIO_FROM` or `TWILIO_MESSAGING_SERVICE_SID`. Unset: each SMS is written as a `.json` file under `COURTYARD_DATA_DIR/sms` and logged (docs/sms.md).', parse: twilioSid('AC') },
  twilioAuthToken: { env: 'TWILIO_AUTH_TOKEN', description: "Auth token of that account: signs in to Twilio's API and checks the `X-Twilio-Signature` of the status callbacks and incoming messages Twilio posts. A secret.", parse: text },
  twilioFrom: { env: 'TWILIO_FROM', description: 'Number of the account SMS are sent from, in E.164 (`+14155550100`).', parse: e164 },
  twilioMessagingServiceSid: { env: 'TWILIO_MESSAGING_SERVICE_SID', description: "Twilio Messaging Service (`MG…`) that sends SMS instead, choosing a number of its sender pool. With `TWILIO_FROM` too, Twilio sends from that number, which must be in the pool.", parse: twilioSid('MG') },
  twilioApiUrl: { env: 'TWILIO_API_URL', description: 'Base URL of the Twilio REST API that SMS are sent through. Change it only to point tests at a local stand-in.', default: 'https://api.twilio.com', parse: url('http:', 'https:') },
  invitationTtl: { env: 'COURTYARD_INVITATION_TTL', description: 'Seconds an invitation link stays valid.', default: 604_800, parse: integer(300, 2_592_000) },
  webhooksAllowPrivate: { env: 'COURTYARD_WEBHOOKS_ALLOW_PRIVATE', description: 'Let webhook endpoints point at loopback, private, link-local, CGNAT and metadata addresses (refused otherwise, at registration and after name resolution at every delivery). For development and closed networks only.', default: false, parse: boolean },
  webhooksEndpointConcurrency: { env: 'COURTYARD_WEBHOOKS_ENDPOINT_CONCURRENCY', description: 'Webhook attempts in flight to one endpoint at once from one process (and the kept-alive connections to it). An attempt that finds no free slot within a second goes back to the queue, so a slow receiver holds no more than this of the delivery workers.', default: 8, parse: integer(1, 256) },
  billingPaymentTermsDays: { env: 'COURTYARD_BILLING_PAYMENT_TERMS_DAYS', description: "Days from a platform invoice's issue to its due date.", default: 14, parse: integer(0, 365) },
  billingDunning: { env: 'COURTYARD_BILLING_DUNNING', description: "When an unpaid platform invoice's tenant is reminded by e-mail, becomes past due (its licence still works), read-only (changes answer 402) and suspended, in days after the due date: `remind=0,7;past_due=3;read_only=14;suspend=30`. Paying restores the tenant at once.", default: dunning('remind=0,7;past_due=3;read_only=14;suspend=30'), defaultText: 'remind=0,7;past_due=3;read_only=14;suspend=30', parse: dunning },
  billingStripeSecretKey: { env: 'COURTYARD_BILLING_STRIPE_SECRET_KEY', description: "The operator's own Stripe secret key, which tenants pay the platform's invoices through (Checkout). Unset: invoices are paid by bank transfer only. A secret.", parse: text },
  billingStripeWebhookSecret: { env: 'COURTYARD_BILLING_STRIPE_WEBHOOK_SECRET', description: 'Signing secret (`whsec_…`) of the Stripe webhook endpoint `/control/v1/billing/stripe/webhook`, which records card payments of invoices. A secret.', parse: text },
  stripeApiUrl: { env: 'COURTYARD_STRIPE_API_URL', description: 'Base URL of the Stripe API that card payments talk to (host, port and protocol are used). Change it only to point tests at a local stand-in.', default: 'https://api.stripe.com', parse: url('http:', 'https:') },
  s3Bucket: { env: 'COURTYARD_S3_BUCKET', description: 'S3 or S3-compatible bucket for the files Courtyard makes (statement PDFs). Unset: they are kept under `COURTYARD_DATA_DIR/files`.', parse: text },
  s3Endpoint: { env: 'COURTYARD_S3_ENDPOINT', description: 'Endpoint of an S3-compatible service (MinIO, R2, Ceph), addressed path-style. Unset: AWS S3.', parse: url('http:', 'https:') },
  s3Region: { env: 'COURTYARD_S3_REGION', description: 'Region of the bucket.', default: 'us-east-1', parse: text },
  s3AccessKeyId: { env: 'COURTYARD_S3_ACCESS_KEY_ID', description: 'Access key of the bucket. Unset: the AWS SDK\'s default credentials (environment, instance role).', parse: text },
  s3SecretAccessKey: { env: 'COURTYARD_S3_SECRET_ACCESS_KEY', description: 'Secret key that goes with `COURTYARD_S3_ACCESS_KEY_ID`.', parse: text },
  bodyLimit: { env: 'COURTYARD_BODY_LIMIT', description: 'Largest request body accepted, in bytes.', default: 1_048_576, parse: integer(1024, 1_073_741_824) },
  maxUploadBytes: { env: 'COURTYARD_MAX_UPLOAD_BYTES', description: 'Largest document a member of staff may upload, in bytes (streamed to storage, never held in memory). A plan\'s storage limit applies as well.', default: 104_857_600, parse: integer(1024, 10_737_418_240) },
  trustProxy: { env: 'COURTYARD_TRUST_PROXY', description: 'Trust `X-Forwarded-*` headers (set behind a load balancer).', default: false, parse: boolean },
  metricsToken: { env: 'COURTYARD_METRICS_TOKEN', description: 'Bearer token a scraper sends to read `/metrics` from anywhere. Unset: `/metrics` answers only requests from this machine (loopback).', parse: (raw: string) => { if (raw.length < 16) throw new Error('must be at least 16 characters'); return raw; } },
  drainDelay: { env: 'COURTYARD_DRAIN_DELAY', description: 'Seconds between SIGTERM and closing the listener. Meanwhile `/health/ready` answers 503 and requests are still served, so a load balancer stops sending new ones before connections are refused. SIGINT (Ctrl-C) does not wait.', default: 5, parse: integer(0, 120) },
  webhookRetentionDays: { env: 'COURTYARD_WEBHOOK_RETENTION_DAYS', description: 'Days a finished webhook delivery (succeeded or failed) and its attempts are kept; a daily job deletes older ones.', default: 30, parse: integer(1, 3650) },
  mailRetentionDays: { env: 'COURTYARD_MAIL_RETENTION_DAYS', description: 'Days a sent or failed e-mail stays in the mail log; a daily job deletes older ones.', default: 90, parse: integer(1, 3650) },
  shutdownTimeout: { env: 'COURTYARD_SHUTDOWN_TIMEOUT', description: 'Seconds SIGTERM waits for in-flight requests before exiting.', default: 25, parse: integer(1, 600) },
  otlpEndpoint: { env: 'OTEL_EXPORTER_OTLP_ENDPOINT', description: 'OpenTelemetry collector (OTLP over HTTP) that traces are sent to, e.g. `http://otel-collector:4318`; spans go to `/v1/traces` under it. Unset (and `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` unset): no tracing, and nothing of OpenTelemetry is loaded. See docs/tracing.md.', parse: url('http:', 'https:') },
  otlpTracesEndpoint: { env: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', description: 'The full URL traces are sent to, used as given (no `/v1/traces` added); wins over `OTEL_EXPORTER_OTLP_ENDPOINT`.', parse: url('http:', 'https:') },
  otlpProtocol: { env: 'OTEL_EXPORTER_OTLP_PROTOCOL', description: 'How traces are encoded: `http/protobuf` or `http/json` (gRPC is not offered).', default: 'http/protobuf', parse: oneOf('http/protobuf', 'http/json') },
  otlpHeaders: { env: 'OTEL_EXPORTER_OTLP_HEADERS', description: 'Headers sent with every export, `key=value` pairs separated by commas, values URL-encoded (e.g. `authorization=Bearer%20abc`).', parse: otlpHeaders },
  serviceName: { env: 'OTEL_SERVICE_NAME', description: 'The `service.name` traces carry.', default: 'courtyard', parse: text },
  logLevel: { env: 'LOG_LEVEL', description: 'Log level: fatal, error, warn, info, debug, trace or silent.', default: 'info', parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent') },
} satisfies Record<string, Setting<unknown>>;

type Settings = typeof settings;
type ValueOf<S> = S extends Setting<infer T> ? T : never;
export type Config = {
  [K in keyof Settings]: Settings[K] extends { default: unknown } ? ValueOf<Settings[K]> : ValueOf<Settings[K]> | undefined;
};

/** Reads the configuration from an environment; a wrong value throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const config: Record<string, unknown> = {};
  for (const [key, setting] of Object.entries(settings) as [string, Setting<unknown>][]) {
    const raw = env[setting.env];
    if (raw === undefined || raw === '') {
      config[key] = setting.default;
      continue;
    }
    try {
      config[key] = setting.parse(raw);
    } catch (error) {
      throw new ConfigError(setting.env, (error as Error).message);
    }
  }
  const result = { ...(config as Config), ...overrides };
  result.dataDir = resolve(result.dataDir);
  return result;
}

/** The configuration table as Markdown, for the README. */
export function configMarkdown(): string {
  const rows = (Object.values(settings) as Setting<unknown>[]).map((s) => `| \`${s.env}\` | ${s.default === undefined ? '—' : `\`${s.defaultText ?? String(s.default)}\``} | ${s.description} |`);
  return ['| variable | default | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}
