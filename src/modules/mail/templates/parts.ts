/** The pieces the default templates of every language share: the styled button of the HTML part. */
export const button = (href: string, label: string) =>
  `<p style="margin:28px 0"><a href="{{${href}}}" style="display:inline-block;background:{{tenant.accentColor}};color:#ffffff;text-decoration:none;font-weight:600;padding:12px 22px;border-radius:6px">${label}</a></p>`;

export interface TemplateParts {
  subject: string;
  text: string;
  html: string;
}
