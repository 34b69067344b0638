/** What the branding form edits; the API's other branding fields are kept as they are. */
export interface BrandingValues {
  displayName: string;
  primaryColor: string;
  logoUrl: string;
}

export interface Branding {
  displayName?: string;
  primaryColor?: string;
  accentColor?: string;
  logoUrl?: string;
  supportEmail?: string;
}

export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
/** The console's own brand colour (styles.css), shown while no valid colour is typed. */
export const DEFAULT_COLOR = '#1f5f8b';

/**
 * The body of `PUT /control/v1/tenants/{tenant}/branding`: it replaces the whole branding, so the
 * fields this form does not edit (accent colour, support email) are sent as they were, and an
 * emptied field is left out (removed).
 */
export function brandingBody(current: Branding, values: BrandingValues): Branding {
  const body: Branding = {};
  if (current.accentColor) body.accentColor = current.accentColor;
  if (current.supportEmail) body.supportEmail = current.supportEmail;
  const name = values.displayName.trim();
  const color = values.primaryColor.trim();
  const logo = values.logoUrl.trim();
  if (name) body.displayName = name;
  if (color) body.primaryColor = color.toLowerCase();
  if (logo) body.logoUrl = logo;
  return body;
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The preview's top bar: the typed colour when it is a valid one (else the default), and black
 * or white text, whichever reads better on it (at least 4.5:1 whatever the colour).
 */
export function previewColors(typed: string): { background: string; text: string; valid: boolean } {
  const valid = COLOR_PATTERN.test(typed.trim());
  const background = valid ? typed.trim().toLowerCase() : DEFAULT_COLOR;
  const text = contrast(background, '#ffffff') >= contrast(background, '#000000') ? '#ffffff' : '#000000';
  return { background, text, valid };
}

/** A logo address the preview may show: an https URL with a host, as the API requires. */
export function previewLogo(typed: string): string | null {
  try {
    const url = new URL(typed.trim());
    return url.protocol === 'https:' && url.hostname.includes('.') ? url.href : null;
  } catch {
    return null;
  }
}
