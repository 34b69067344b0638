import { defineErrors } from '../../kernel/errors.js';

/** The documents module's refusals a client acts on. */
export const documentsErrors = defineErrors('documents', {
  type_not_allowed: { status: 415, title: 'This kind of file is not accepted', description: 'The file\'s first bytes are not one of the accepted kinds (PDF, PNG, JPEG, GIF, WebP, Word or Excel documents, plain text or CSV); nothing was stored' },
  too_large: { status: 413, title: 'The file is larger than uploads may be', description: 'The file is larger than `COURTYARD_MAX_UPLOAD_BYTES`; nothing was stored' },
  empty_file: { status: 422, title: 'The file is empty' },
  link_expired: { status: 410, title: 'The download link has expired', description: 'The download link has expired: ask for a new one (`POST /documents/{id}/link`)' },
  link_invalid: { status: 403, title: 'The download link is not valid', description: 'The download link was altered, or made for another tenant' },
  folder_not_empty: { status: 409, title: 'The folder is not empty' },
});
