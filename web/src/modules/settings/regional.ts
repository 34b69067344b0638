import type { useApi } from '../../api/session.js';

/** The tenant's time zone and default locale, as `/api/v1/settings/regional` answers. */
export interface Regional {
  timeZone: string;
  defaultLocale: string;
}

type Answer<R> = { data?: R; error?: unknown; response: Response };

/**
 * Sends a change of the regional settings. The route is newer than the SDK's generated types
 * (the lead regenerates them at merge): typed here by hand until then.
 */
export function patchRegional(api: ReturnType<typeof useApi>, body: Partial<Regional>, headers: Record<string, string> = {}): Promise<Answer<Regional>> {
  const untyped = api as unknown as { PATCH(path: string, init: { body: unknown; headers: Record<string, string> }): Promise<Answer<Regional>> };
  return untyped.PATCH('/api/v1/settings/regional', { body, headers });
}
