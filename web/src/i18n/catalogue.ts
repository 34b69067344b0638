import common from './en.json';
import { portalEn } from './portal.en.js';
import { staffEn } from './staff.en.js';

/**
 * The English catalogue: the shell's messages (`en.json` here) and each area's own `en.json`
 * beside its pages, ids prefixed with the area (`members.new`). Another language is one file
 * with the same ids (see LOCALES in intl.tsx). The pages never load it whole: the first chunk
 * has the shell's messages, and the portal's or the staff's (staff.en.ts) come with their
 * application (intl.tsx's PACKS); this file is the reference for the types and the tests.
 */
export const en = { ...common, ...staffEn, ...portalEn };
