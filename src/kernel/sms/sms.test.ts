import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TWILIO_NUMBER, TwilioStandIn } from '../../../test/twilio-standin.js';
import { ConfigError, loadConfig } from '../config.js';
import { createSmsSender, FileSmsSender, SmsDeliveryError } from './sms.js';

let dir: string;
const logged: { obj: unknown; msg: string | undefined }[] = [];
const log = { info: (obj: unknown, msg?: string) => void logged.push({ obj, msg }) } as never;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'courtyard-sms-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('FileSmsSender', () => {
  it('writes one JSON file per message and logs it, without the number or the text', async () => {
    const sender = createSmsSender({ dataDir: dir, log });
    expect(sender.kind).toBe('file');
    const id = crypto.randomUUID();
    const sent = await sender.send({ id, to: '+447700900123', body: 'Bins go out on Thursday — not Friday 🗑️', statusCallbackUrl: 'https://oak.example.com/cb' });
    expect(sent).toEqual({ providerId: `${id}.json`, status: 'sent', segments: 1 });

    const files = await readdir(join(dir, 'sms'));
    expect(files).toEqual([`${id}.json`]); // nothing left aside
    const written = JSON.parse(await readFile(join(dir, 'sms', `${id}.json`), 'utf8')) as Record<string, unknown>;
    expect(written).toMatchObject({ id, from: null, to: '+447700900123', body: 'Bins go out on Thursday — not Friday 🗑️', statusCallbackUrl: 'https://oak.example.com/cb', encoding: 'UCS-2', parts: 1 });
    expect(new Date(written.writtenAt as string).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const entry = logged.at(-1)!;
    expect(entry.obj).toEqual({ sms: id, parts: 1, file: join(dir, 'sms', `${id}.json`) });
    expect(JSON.stringify(entry)).not.toContain('+447700900123');
    expect(JSON.stringify(entry)).not.toContain('Bins');

    // The same message again (a retry) replaces its file.
    await sender.send({ id, to: '+447700900123', body: 'Bins go out on Thursday' });
    expect(await readdir(join(dir, 'sms'))).toEqual([`${id}.json`]);
    expect(JSON.parse(await readFile(join(dir, 'sms', `${id}.json`), 'utf8'))).toMatchObject({ body: 'Bins go out on Thursday', encoding: 'GSM-7' });
  });

  it('refuses for good what Twilio would refuse, with its codes', async () => {
    const sender = new FileSmsSender(join(dir, 'refusals'), log, TWILIO_NUMBER);
    const refused = async (msg: { id: string; to: string; body: string }) => {
      const e = await sender.send(msg).then(() => null, (error: unknown) => error);
      expect(e).toBeInstanceOf(SmsDeliveryError);
      return { permanent: (e as SmsDeliveryError).permanent, code: (e as SmsDeliveryError).code };
    };
    expect(await refused({ id: '../../etc/passwd', to: '+447700900123', body: 'x' })).toEqual({ permanent: true, code: undefined });
    expect(await refused({ id: crypto.randomUUID(), to: '07700 900123', body: 'x' })).toEqual({ permanent: true, code: 21211 });
    expect(await refused({ id: crypto.randomUUID(), to: '+447700900123', body: '' })).toEqual({ permanent: true, code: 21602 });
    expect(await refused({ id: crypto.randomUUID(), to: '+447700900123', body: 'a'.repeat(1601) })).toEqual({ permanent: true, code: 21617 });
    await expect(readdir(join(dir, 'refusals'))).rejects.toThrow(/ENOENT/);
  });
});

describe('createSmsSender', () => {
  let twilio: TwilioStandIn;
  beforeAll(async () => {
    twilio = await TwilioStandIn.start();
  });
  afterAll(() => twilio?.close());

  it('sends through Twilio when an account is configured', async () => {
    const config = loadConfig({ COURTYARD_DATA_DIR: dir, TWILIO_ACCOUNT_SID: twilio.accountSid, TWILIO_AUTH_TOKEN: twilio.authToken, TWILIO_FROM: TWILIO_NUMBER, TWILIO_API_URL: twilio.url });
    const sender = createSmsSender({ ...config, log });
    expect(sender.kind).toBe('twilio');
    const sent = await sender.send({ id: crypto.randomUUID(), to: '+14155550100', body: 'Hello' });
    expect(sent.providerId).toBe(twilio.messages.at(-1)!.sid);
  });

  it('stops at start-up on half a Twilio configuration, naming what is missing', () => {
    const sid = twilio.accountSid;
    const token = twilio.authToken;
    const fails = (settings: Record<string, string>) => {
      try {
        createSmsSender({ ...loadConfig({ COURTYARD_DATA_DIR: dir, ...settings }), log });
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as Error).message).not.toContain(token);
        return (error as ConfigError).variable;
      }
      return null;
    };
    expect(fails({ TWILIO_ACCOUNT_SID: sid, TWILIO_FROM: TWILIO_NUMBER })).toBe('TWILIO_AUTH_TOKEN');
    expect(fails({ TWILIO_AUTH_TOKEN: token, TWILIO_FROM: TWILIO_NUMBER })).toBe('TWILIO_ACCOUNT_SID');
    expect(fails({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: token })).toBe('TWILIO_FROM');
    expect(fails({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: token, TWILIO_MESSAGING_SERVICE_SID: `MG${'0'.repeat(32)}` })).toBeNull();
    // A number to send from alone is not an account: the file sender writes it down as the sender.
    expect(fails({ TWILIO_FROM: TWILIO_NUMBER })).toBeNull();
  });
});

describe('the Twilio settings', () => {
  it('default to Twilio\'s API and refuse malformed values, naming the variable', () => {
    expect(loadConfig({}).twilioApiUrl).toBe('https://api.twilio.com');
    expect(loadConfig({}).twilioAccountSid).toBeUndefined();
    const refusal = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return null;
      } catch (error) {
        return error instanceof ConfigError ? error.variable : error;
      }
    };
    expect(refusal({ TWILIO_ACCOUNT_SID: 'AC123' })).toBe('TWILIO_ACCOUNT_SID');
    expect(refusal({ TWILIO_ACCOUNT_SID: `MG${'0'.repeat(32)}` })).toBe('TWILIO_ACCOUNT_SID');
    expect(refusal({ TWILIO_MESSAGING_SERVICE_SID: `AC${'0'.repeat(32)}` })).toBe('TWILIO_MESSAGING_SERVICE_SID');
    expect(refusal({ TWILIO_FROM: '07700 900123' })).toBe('TWILIO_FROM');
    expect(refusal({ TWILIO_API_URL: 'ftp://api.twilio.com' })).toBe('TWILIO_API_URL');
    expect(loadConfig({ TWILIO_FROM: ' +447700900123 ' }).twilioFrom).toBe('+447700900123');
  });
});
