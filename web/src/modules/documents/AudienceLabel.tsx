import { useT, type MessageId } from '../../i18n/intl.js';

export const AUDIENCE_KINDS = ['staff', 'members', 'owners', 'unit', 'property', 'member'] as const;
export type AudienceKind = (typeof AUDIENCE_KINDS)[number];
export const audienceKindLabel = (kind: AudienceKind): MessageId => `documents.audience.${kind}`;
export const kindOf = (audience: string): AudienceKind => (audience.split(':')[0] as AudienceKind) ?? 'staff';

/** Who sees a document, in words (the unit, property or member by kind only: their names are on the document's page). */
export function AudienceLabel({ audience, name }: { audience: string; name?: string }) {
  const t = useT();
  const kind = kindOf(audience);
  return <>{name ? `${t(audienceKindLabel(kind))}: ${name}` : t(audienceKindLabel(kind))}</>;
}
