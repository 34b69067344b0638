import { describe, expect, it } from 'vitest';
import { parseInbound, parseStatusCallback, smsKeyword, smsStatusOf, twilioSignature, verifyTwilioSignature } from './twilio-signature.js';

// Twilio's worked example ("Validating requests", https://www.twilio.com/docs/usage/security):
// auth token 12345, this URL and these POST parameters. Twilio's published snippets have used
// three sets of caller numbers over the years, each with its own signature (computed here,
// not taken on trust): GvWf1cFY/Q7PnoempGyD5oXAezc= goes with +14158675310
// (TwilioDevEd/api-snippets security/signature_validation.3.x.js and .5.x.php),
// RSOYDt4T1cUTdK1PDd93/VVr8B8= with +14158675309 (.2.x.js), and 0/KCTR6DLpKmkAf8muzZqo1nDgQ=
// with +12349013030 (the newer snippets). GvWf… with +12349013030 is a mix of two of them.
const URL = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const example = (caller: string) => ({ CallSid: 'CA1234567890ABCDE', Caller: caller, Digits: '1234', From: caller, To: '+18005551212' });

describe('twilioSignature', () => {
  it("matches Twilio's documented examples", () => {
    expect(twilioSignature('12345', URL, example('+14158675310'))).toBe('GvWf1cFY/Q7PnoempGyD5oXAezc=');
    expect(twilioSignature('12345', URL, example('+12349013030'))).toBe('0/KCTR6DLpKmkAf8muzZqo1nDgQ=');
    expect(twilioSignature('12345', URL, example('+14158675309'))).toBe('RSOYDt4T1cUTdK1PDd93/VVr8B8=');
  });

  it('does not depend on the order the parameters came in, nor on how they are held', () => {
    const params = example('+14158675310');
    const reversed = Object.fromEntries(Object.entries(params).reverse());
    expect(twilioSignature('12345', URL, reversed)).toBe('GvWf1cFY/Q7PnoempGyD5oXAezc=');
    expect(twilioSignature('12345', URL, new URLSearchParams(reversed))).toBe('GvWf1cFY/Q7PnoempGyD5oXAezc=');
  });

  it('sorts names case-sensitively (capitals first), as Unix sort does', () => {
    // "Zed" < "alpha" in code-unit order; a case-insensitive sort would put alpha first.
    expect(twilioSignature('t', 'https://x.test/', { alpha: '1', Zed: '2' })).toBe(twilioSignature('t', 'https://x.test/Zed2alpha1', {}));
  });
});

describe('verifyTwilioSignature', () => {
  const params = example('+14158675310');

  it('accepts the signature and refuses a wrong one, a missing one, other parameters, another URL or token', () => {
    expect(verifyTwilioSignature('12345', URL, params, 'GvWf1cFY/Q7PnoempGyD5oXAezc=')).toBe(true);
    expect(verifyTwilioSignature('12345', URL, params, 'GvWf1cFY/Q7PnoempGyD5oXAezd=')).toBe(false);
    expect(verifyTwilioSignature('12345', URL, params, 'short')).toBe(false);
    expect(verifyTwilioSignature('12345', URL, params, '')).toBe(false);
    expect(verifyTwilioSignature('12345', URL, params, undefined)).toBe(false);
    expect(verifyTwilioSignature('12345', URL, params, ['GvWf1cFY/Q7PnoempGyD5oXAezc='])).toBe(false);
    expect(verifyTwilioSignature('12345', URL, { ...params, Digits: '9999' }, 'GvWf1cFY/Q7PnoempGyD5oXAezc=')).toBe(false);
    expect(verifyTwilioSignature('12345', URL, { ...params, Extra: '' }, 'GvWf1cFY/Q7PnoempGyD5oXAezc=')).toBe(false);
    expect(verifyTwilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=3', params, 'GvWf1cFY/Q7PnoempGyD5oXAezc=')).toBe(false);
    expect(verifyTwilioSignature('54321', URL, params, 'GvWf1cFY/Q7PnoempGyD5oXAezc=')).toBe(false);
  });

  it('accepts the URL signed with its default port written out, or without it, as Twilio\'s libraries do', () => {
    const withPort = twilioSignature('12345', 'https://mycompany.com:443/myapp.php?foo=1&bar=2', params);
    expect(verifyTwilioSignature('12345', URL, params, withPort)).toBe(true);
    expect(verifyTwilioSignature('12345', 'https://mycompany.com:443/myapp.php?foo=1&bar=2', params, 'GvWf1cFY/Q7PnoempGyD5oXAezc=')).toBe(true);
    // Another port is another URL.
    expect(verifyTwilioSignature('12345', URL, params, twilioSignature('12345', 'https://mycompany.com:8443/myapp.php?foo=1&bar=2', params))).toBe(false);
  });
});

describe('parseStatusCallback', () => {
  const base = { AccountSid: `AC${'0'.repeat(32)}`, ApiVersion: '2010-04-01', From: '+15005550006', To: '+14155550100', MessageSid: `SM${'1'.repeat(32)}`, SmsSid: `SM${'1'.repeat(32)}` };

  it('maps Twilio statuses to ours', () => {
    const cases: [string, string][] = [['queued', 'queued'], ['accepted', 'queued'], ['sending', 'queued'], ['sent', 'sent'], ['delivered', 'delivered'], ['failed', 'failed'], ['undelivered', 'failed']];
    for (const [twilio, ours] of cases) expect(parseStatusCallback({ ...base, MessageStatus: twilio, SmsStatus: twilio }), twilio).toEqual({ providerId: base.MessageSid, status: ours });
    expect(smsStatusOf('received')).toBeNull();
    expect(smsStatusOf('toString')).toBeNull();
  });

  it('reads the error code of a failed message', () => {
    expect(parseStatusCallback(new URLSearchParams({ ...base, MessageStatus: 'undelivered', ErrorCode: '30003' }))).toEqual({ providerId: base.MessageSid, status: 'failed', errorCode: 30003 });
  });

  it('refuses what is not a status callback', () => {
    expect(() => parseStatusCallback({ ...base, MessageStatus: 'received' })).toThrow(/unknown MessageStatus/);
    expect(() => parseStatusCallback({ MessageStatus: 'sent' })).toThrow(/no MessageSid/);
  });
});

describe('parseInbound', () => {
  const base = { MessageSid: `SM${'2'.repeat(32)}`, AccountSid: `AC${'0'.repeat(32)}`, From: '+14155550100', To: '+15005550006', NumSegments: '1', ApiVersion: '2010-04-01' };

  it("recognises Twilio's default keywords, whole message, any case, spaces trimmed", () => {
    for (const word of ['STOP', 'stop', ' Stop\n', 'STOPALL', 'unsubscribe', 'CANCEL', 'end', 'QUIT', 'revoke', 'OPTOUT']) expect(smsKeyword(word), word).toBe('stop');
    for (const word of ['START', 'unstop', 'Yes']) expect(smsKeyword(word), word).toBe('start');
    for (const word of ['HELP', 'info']) expect(smsKeyword(word), word).toBe('help');
    for (const text of ['Stop texting me', 'STOP!', 'S T O P', 'stopp', '', 'yes please', 'constructor', 'toString']) expect(smsKeyword(text), text).toBeNull();
  });

  it('reads who wrote to which number, and what', () => {
    expect(parseInbound({ ...base, Body: ' stop ' })).toEqual({ providerId: base.MessageSid, from: '+14155550100', to: '+15005550006', body: ' stop ', keyword: 'stop' });
    expect(parseInbound(new URLSearchParams({ ...base, Body: 'See you at the AGM' })).keyword).toBeNull();
  });

  it("takes Twilio's OptOutType when a Messaging Service's Advanced Opt-Out names one", () => {
    expect(parseInbound({ ...base, Body: 'ARRET', OptOutType: 'STOP' }).keyword).toBe('stop');
    expect(parseInbound({ ...base, Body: 'hello', OptOutType: 'START' }).keyword).toBe('start');
  });

  it('refuses a message without From or To', () => {
    expect(() => parseInbound({ Body: 'STOP', To: '+15005550006' })).toThrow(/no From or To/);
  });
});
