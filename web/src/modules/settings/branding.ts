/** What the preview may use of the form's values: a colour only when it is `#rrggbb`, a logo only when it is an https URL. */
export function previewOf(values: { displayName: string; primaryColor: string; logoUrl: string }, fallbackName: string) {
  const color = /^#[0-9a-fA-F]{6}$/.test(values.primaryColor.trim()) ? values.primaryColor.trim() : null;
  let logo: string | null = null;
  try {
    const url = new URL(values.logoUrl.trim());
    if (url.protocol === 'https:') logo = url.href;
  } catch {
    logo = null;
  }
  return { name: values.displayName.trim() || fallbackName, color, logo };
}

/** The PATCH body: every field the form has, an empty one as null (back to the default). */
export function brandingChange(values: { displayName: string; primaryColor: string; logoUrl: string }) {
  const or = (v: string) => v.trim() || null;
  return { displayName: or(values.displayName), primaryColor: or(values.primaryColor), logoUrl: or(values.logoUrl) };
}
