import type { CourtyardClient } from '@courtyard/sdk';

/**
 * Where a user belongs once signed in: a member's login (linked to a member, and holding only
 * `own` permissions: the portal's reads) to the portal, anyone with staff permissions to the
 * workspace. An unreadable answer sends them to the portal, whose sign-in page then decides.
 */
export async function landingOf(api: CourtyardClient, homes: { workspace: string; portal: string }): Promise<string> {
  const me = await api.GET('/api/v1/me').catch(() => null);
  const data = me?.data as { user?: { memberId?: string | null }; permissions?: string[] } | undefined;
  if (!data?.user) return homes.portal;
  return isPortalUser(data.user.memberId ?? null, data.permissions ?? []) ? homes.portal : homes.workspace;
}

/** A member's login with no staff permission: every permission it holds is one of the `own` ones. */
export const isPortalUser = (memberId: string | null, permissions: string[]): boolean => memberId !== null && permissions.every((p) => p.endsWith('.own'));
