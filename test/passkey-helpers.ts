import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';

/**
 * A software authenticator for the passkey tests: an ES256 key pair made with node:crypto, and
 * the WebAuthn answers a browser would send, built by hand (authenticator data, a `none`
 * attestation in CBOR, clientDataJSON). Nothing of the server's library is used to make them.
 */

type Cbor = number | string | Uint8Array | Map<number | string, Cbor>;

/** CBOR (RFC 8949) for the few types a `none` attestation needs: integers, byte and text strings, maps. */
export function cbor(value: Cbor): Buffer {
  const head = (major: number, n: number): Buffer => {
    if (n < 24) return Buffer.from([(major << 5) | n]);
    if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
    if (n < 0x10000) return Buffer.from([(major << 5) | 25, n >> 8, n & 0xff]);
    const b = Buffer.alloc(5);
    b[0] = (major << 5) | 26;
    b.writeUInt32BE(n, 1);
    return b;
  };
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), Buffer.from(value)]);
  return Buffer.concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])]);
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();
const b64 = (b: Buffer) => b.toString('base64url');

const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

export interface SoftPasskey {
  credentialId: Buffer;
  privateKey: KeyObject;
  /** The COSE public key (EC2, P-256, ES256). */
  cose: Buffer;
  /** The user handle it was registered with (the server's user id, as bytes). */
  userHandle: Buffer | null;
  counter: number;
}

export function newPasskey(): SoftPasskey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const cose = cbor(new Map<number | string, Cbor>([[1, 2], [3, -7], [-1, 1], [-2, Buffer.from(jwk.x!, 'base64url')], [-3, Buffer.from(jwk.y!, 'base64url')]]));
  return { credentialId: randomBytes(16), privateKey, cose, userHandle: null, counter: 0 };
}

const clientData = (type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string) => Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));

const counterBytes = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

/** The answer to registration options (`RegistrationResponseJSON`), with a `none` attestation. */
export function attestation(key: SoftPasskey, options: { challenge: string; rp: { id?: string }; user: { id: string } }, origin = 'http://localhost', rpId = options.rp.id ?? 'localhost') {
  key.userHandle = Buffer.from(options.user.id, 'base64url');
  const idLength = Buffer.alloc(2);
  idLength.writeUInt16BE(key.credentialId.length);
  const authData = Buffer.concat([sha256(rpId), Buffer.from([UP | UV | AT]), counterBytes(key.counter), Buffer.alloc(16), idLength, key.credentialId, key.cose]);
  const attestationObject = cbor(new Map<number | string, Cbor>([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]));
  return {
    id: b64(key.credentialId),
    rawId: b64(key.credentialId),
    type: 'public-key' as const,
    clientExtensionResults: {},
    response: { clientDataJSON: b64(clientData('webauthn.create', options.challenge, origin)), attestationObject: b64(attestationObject), transports: ['internal'] },
  };
}

/**
 * The answer to request options (`AuthenticationResponseJSON`): the counter grows by one unless
 * `counter` says what to send; `uv` false answers without user verification.
 */
export function assertion(key: SoftPasskey, options: { challenge: string; rpId?: string }, o: { origin?: string; rpId?: string; counter?: number; uv?: boolean } = {}) {
  const counter = o.counter ?? (key.counter += 1);
  const authData = Buffer.concat([sha256(o.rpId ?? options.rpId ?? 'localhost'), Buffer.from([UP | (o.uv === false ? 0 : UV)]), counterBytes(counter)]);
  const client = clientData('webauthn.get', options.challenge, o.origin ?? 'http://localhost');
  const signature = sign('sha256', Buffer.concat([authData, sha256(client)]), key.privateKey);
  return {
    id: b64(key.credentialId),
    rawId: b64(key.credentialId),
    type: 'public-key' as const,
    clientExtensionResults: {},
    response: { clientDataJSON: b64(client), authenticatorData: b64(authData), signature: b64(signature), ...(key.userHandle ? { userHandle: b64(key.userHandle) } : {}) },
  };
}
