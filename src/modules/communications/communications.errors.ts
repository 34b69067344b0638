import { defineErrors } from '../../kernel/errors.js';

/** The communications module's refusals a client acts on. */
export const communicationsErrors = defineErrors('communications', {
  not_draft: { status: 409, title: 'The announcement is no longer a draft', description: 'Only a draft (or a scheduled announcement, which goes back to draft first) can be changed or sent; a sent one stays as it was sent' },
  not_scheduled: { status: 409, title: 'The announcement is not scheduled' },
  in_the_past: { status: 422, title: 'The time to send is in the past' },
  no_audience: { status: 422, title: 'The announcement has no audience', description: 'Give a saved segment (`segmentId`) or criteria' },
  segment_in_use: { status: 409, title: 'The segment is used by an announcement', description: 'A segment an announcement names cannot be removed; the announcement keeps the criteria it was sent to' },
  unknown_documents: { status: 422, title: 'An attachment is not in the library' },
  link_invalid: { status: 403, title: 'The link is not valid', description: 'The unsubscribe link was altered, or made for another tenant' },
  signature_invalid: { status: 403, title: 'The request is not signed by the SMS provider', description: 'The `X-Twilio-Signature` header does not match the request' },
});
