import { AppError } from '../errors.js';
import type { AccessClaims } from './tokens.js';
import { CACHE_MAX_ENTRIES, Lru } from '../lru.js';

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
  /** The user's chosen language (a BCP 47 tag), for what the server writes them; none: their client's. */
  locale?: string | null;
}

/**
 * A safety net only: every change that ends or alters a session invalidates it at once. Kept
 * short (unlike the tenant and role caches' hours) because a change made directly in the
 * database, such as disabling an operator, has no other way in; reloading a session costs one
 * statement in the request's own transaction.
 */
const TTL_MS = 60_000;
/** Sessions of one user kept at most: older ones are loaded again if they are still used. */
const SESSIONS_PER_USER = 16;

interface Known {
  state: Promise<SessionState | null>;
  /** The state once loaded (undefined while loading). */
  value?: SessionState | null;
}

/**
 * The state of live sessions, so that checking an access token against its session costs no
 * query per request. `scope` is a tenant id, or `control` for platform users. A change to a
 * user (sign-out, password, status, roles, member link) calls `changed` once its transaction
 * has committed: the user's entry goes at once here, and every other process hears of it
 * through `publish` (a PostgreSQL notification) and calls `forget`.
 *
 * Entries are kept per user, bounded by size (least recently used out first). A load still running when its user is forgotten fills the entry
 * that was forgotten, not the cache: what it read may predate the change.
 */
export class SessionCache {
  readonly #byUser = new Lru<string, Map<string, Known>>(CACHE_MAX_ENTRIES, TTL_MS);

  constructor(private readonly publish: (payload: string) => void = () => undefined) {}

  get(scope: string, userId: string, sessionId: string, load: () => Promise<SessionState | null>): Promise<SessionState | null> {
    const sessions = this.#sessionsOf(`${scope}:${userId}`);
    const hit = sessions.get(sessionId);
    if (hit) return hit.state;
    const known: Known = { state: load() };
    known.state.then(
      (value) => void (known.value = value),
      () => sessions.get(sessionId) === known && sessions.delete(sessionId),
    );
    this.#keep(sessions, sessionId, known);
    return known.state;
  }

  /** The state of a session if it is cached and loaded, without loading it. */
  peek(scope: string, userId: string, sessionId: string): SessionState | null | undefined {
    return this.#byUser.get(`${scope}:${userId}`)?.get(sessionId)?.value;
  }

  /**
   * Where a state about to be loaded by the caller (inside a transaction of its own) is to be
   * kept: taken before the load, so that a change to the user meanwhile drops it.
   */
  reserve(scope: string, userId: string, sessionId: string): (state: SessionState | null) => void {
    const sessions = this.#sessionsOf(`${scope}:${userId}`);
    return (state) => this.#keep(sessions, sessionId, { state: Promise.resolve(state), value: state });
  }

  /** A user's sessions changed (after commit): forget them here and tell every other process. */
  changed(scope: string, userId: string): void {
    this.forget(`${scope}:${userId}`);
    this.publish(`${scope}:${userId}`);
  }

  /** Forgets a user's sessions (`scope:userId`, as published), or everything for null (a reconnect may have missed changes). */
  forget(userKey: string | null): void {
    if (userKey === null) return this.clear();
    this.#byUser.delete(userKey);
  }

  clear(): void {
    this.#byUser.clear();
  }

  #sessionsOf(userKey: string): Map<string, Known> {
    let sessions = this.#byUser.get(userKey);
    if (!sessions) this.#byUser.set(userKey, (sessions = new Map()));
    return sessions;
  }

  #keep(sessions: Map<string, Known>, sessionId: string, known: Known) {
    sessions.set(sessionId, known);
    if (sessions.size > SESSIONS_PER_USER) sessions.delete(sessions.keys().next().value!);
  }
}

/**
 * Refuses an access token whose session ended or whose user changed since it was issued: it
 * is only as good as its session (a refresh gets a token that says what is true now). With
 * `followRoles` (tenant tokens) a change of the user's roles does not refuse the token: the
 * caller acts with the roles of the state instead, so the change shows on the next request.
 */
export function checkSession(state: SessionState | null, claims: Pick<AccessClaims, 'roles' | 'mid'>, options: { followRoles?: boolean } = {}): asserts state is SessionState {
  if (!state || !state.alive || state.endsAt <= Date.now()) throw new AppError('unauthenticated', 'The session has ended: sign in again');
  if (!state.active) throw new AppError('unauthenticated', 'The account is disabled');
  const roles = options.followRoles ? state.roles : [...claims.roles].sort();
  if (roles.length !== state.roles.length || roles.some((r, i) => r !== state.roles[i]) || (claims.mid ?? null) !== state.memberId) {
    throw new AppError('unauthenticated', 'The account changed since this access token was issued: refresh it');
  }
}
