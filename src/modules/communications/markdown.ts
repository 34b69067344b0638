import MarkdownIt from 'markdown-it';

// Raw HTML in the source is shown as text, and markdown-it refuses javascript:, vbscript:,
// file: and most data: links itself: what comes out is safe to show in pages and e-mail.
const md = new MarkdownIt({ html: false, linkify: true, breaks: true });
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('rel', 'noopener noreferrer nofollow');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** An announcement's Markdown as safe HTML. */
export const renderMarkdown = (source: string): string => md.render(source);

/** An announcement's Markdown as plain text, for SMS and the text part of e-mail: the words, without the marks. */
export function markdownText(source: string): string {
  // The renderer's own line breaks go; each block then ends its line (a paragraph with a blank one).
  const html = md.render(source).replace(/\n(?![^<]*<\/pre>)/g, '');
  return html
    .replace(/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/g, (_m, href: string, text: string) => (text === href ? href : `${text} (${href})`))
    .replace(/<li>/g, '• ')
    .replace(/<\/(li|pre)>/g, '\n')
    .replace(/<\/(p|h[1-6]|blockquote|ul|ol)>/g, '\n\n')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
