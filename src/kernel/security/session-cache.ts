import { AppError } from '../errors.js';
import type { AccessClaims } from './tokens.js';

/** What a session (a refresh-token family) and its user are now, as the database says. */
export interface SessionState {
  /** The family is not revoked. */
  alive: boolean;
  /** When the family ends whatever its rotations (epoch ms). */
  endsAt: number;
  /** The user is active. */
  active: boolean;
  /** The user's role keys, sorted. */
  roles: string[];
  /** The member a tenant user is linked to. */
  memberId: string | null;
}

// A safety net only: every change that ends or alters a session invalidates it at once.
const TTL_MS = 60_000;
const MAX_ENTRIES = 100_000;

interface Entry {
  state: Promise<SessionState | null>;
  expires: number;
}

/**
 * The state of live sessions, so that checking an access token against its session costs no
 * query per request. `scope` is a tenant id, or `control` for platform users. A change to a
 * user (sign-out, password, status, roles, member link) calls `changed` once its transaction
 * has committed: the entry goes at once here, and every other process hears of it through
 * `publish` (a PostgreSQL notification) and calls `forget`.
 */
export class SessionCache {
  readonly #entries = new Map<string, Entry>();
  readonly #byUser = new Map<string, Set<string>>();

  constructor(private readonly publish: (payload: string) => void = () => undefined) {}

  get(scope: string, userId: string, sessionId: string, load: () => Promise<SessionState | null>): Promise<SessionState | null> {
    const key = `${scope}:${sessionId}`;
    const now = Date.now();
    const hit = this.#entries.get(key);
    if (hit && hit.expires > now) return hit.state;
    if (this.#entries.size >= MAX_ENTRIES) this.clear();
    const entry: Entry = { state: load(), expires: now + TTL_MS };
    entry.state.catch(() => this.#entries.get(key) === entry && this.#entries.delete(key));
    this.#entries.set(key, entry);
    const userKey = `${scope}:${userId}`;
    let sessions = this.#byUser.get(userKey);
    if (!sessions) this.#byUser.set(userKey, (sessions = new Set()));
    sessions.add(key);
    return entry.state;
  }

  /** A user's sessions changed (after commit): forget them here and tell every other process. */
  changed(scope: string, userId: string): void {
    this.forget(`${scope}:${userId}`);
    this.publish(`${scope}:${userId}`);
  }

  /** Forgets a user's sessions (`scope:userId`, as published), or everything for null (a reconnect may have missed changes). */
  forget(userKey: string | null): void {
    if (userKey === null) return this.clear();
    for (const key of this.#byUser.get(userKey) ?? []) this.#entries.delete(key);
    this.#byUser.delete(userKey);
  }

  clear(): void {
    this.#entries.clear();
    this.#byUser.clear();
  }
}

/**
 * Refuses an access token whose session ended or whose user changed since it was issued: it
 * is only as good as its session (a refresh gets a token that says what is true now).
 */
export function checkSession(state: SessionState | null, claims: Pick<AccessClaims, 'roles' | 'mid'>): void {
  if (!state || !state.alive || state.endsAt <= Date.now()) throw new AppError('unauthenticated', 'The session has ended: sign in again');
  if (!state.active) throw new AppError('unauthenticated', 'The account is disabled');
  const roles = [...claims.roles].sort();
  if (roles.length !== state.roles.length || roles.some((r, i) => r !== state.roles[i]) || (claims.mid ?? null) !== state.memberId) {
    throw new AppError('unauthenticated', 'The account changed since this access token was issued: refresh it');
  }
}
