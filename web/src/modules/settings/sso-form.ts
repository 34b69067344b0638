import type { SsoProvider, SsoProviderBody } from '../../api/sso.js';

/** What the provider form holds: lists as text (one line or comma each), the mapping as `value = role` lines. */
export interface SsoFormValues {
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  roleClaim: string;
  roleMapping: string;
  defaultRoles: string;
  emailDomains: string;
  required: boolean;
  jitProvisioning: boolean;
}

const list = (text: string) => text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);

export const emptySsoForm: SsoFormValues = { name: '', issuer: '', clientId: '', clientSecret: '', scopes: 'openid email profile', roleClaim: 'groups', roleMapping: '', defaultRoles: 'staff', emailDomains: '', required: false, jitProvisioning: true };

export function formOf(p: SsoProvider): SsoFormValues {
  return {
    name: p.name,
    issuer: p.issuer,
    clientId: p.clientId,
    clientSecret: '',
    scopes: p.scopes.join(' '),
    roleClaim: p.roleClaim ?? '',
    roleMapping: Object.entries(p.roleMapping).map(([claim, role]) => `${claim} = ${role}`).join('\n'),
    defaultRoles: p.defaultRoles.join(', '),
    emailDomains: p.emailDomains.join(', '),
    required: p.required,
    jitProvisioning: p.jitProvisioning,
  };
}

/** Lines of `claim value = role key`; a line without `=` is left out. */
export function mappingOf(text: string): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const eq = line.lastIndexOf('=');
    if (eq <= 0) continue;
    const claim = line.slice(0, eq).trim();
    const role = line.slice(eq + 1).trim();
    if (claim && role) mapping[claim] = role;
  }
  return mapping;
}

/** The body the API takes; an empty secret field keeps the secret the provider has. */
export function bodyOf(v: SsoFormValues): SsoProviderBody {
  return {
    name: v.name.trim(),
    issuer: v.issuer.trim(),
    clientId: v.clientId.trim(),
    ...(v.clientSecret ? { clientSecret: v.clientSecret } : {}),
    scopes: list(v.scopes),
    roleClaim: v.roleClaim.trim() || null,
    roleMapping: mappingOf(v.roleMapping),
    defaultRoles: list(v.defaultRoles),
    emailDomains: list(v.emailDomains),
    required: v.required,
    jitProvisioning: v.jitProvisioning,
  };
}
