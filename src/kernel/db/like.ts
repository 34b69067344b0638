/** An ILIKE pattern matching `text` anywhere, its surrounding spaces dropped, with the user's `%`, `_` and `\` taken literally. */
export const containsPattern = (text: string): string => `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A LIKE pattern matching text that starts with `prefix`, with the user's `%`, `_` and `\` taken literally. */
export const prefixPattern = (prefix: string): string => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
