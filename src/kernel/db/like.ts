/** An ILIKE pattern matching `text` anywhere, its surrounding spaces dropped, with the user's `%`, `_` and `\` taken literally. */
export const containsPattern = (text: string): string => `%${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
