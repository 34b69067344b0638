import { Transform, type TransformCallback } from 'node:stream';
import { AppError } from '../../kernel/errors.js';
import { documentsErrors } from './documents.errors.js';

/** The kinds of file accepted, by their sniffed content type, with the extension a download gets. */
export const ACCEPTED: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/plain': 'txt',
  'text/csv': 'csv',
};

/** Bytes looked at before deciding what a file is. */
const HEAD = 4096;

const startsWith = (head: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);

/** Text: no NUL byte and valid UTF-8, a multi-byte character cut off by the head's end allowed. */
function looksLikeText(head: Buffer, whole: boolean): boolean {
  if (head.includes(0)) return false;
  for (let cut = 0; cut <= (whole ? 0 : 3); cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // try without a trailing partial character
    }
  }
  return false;
}

/**
 * What the file is, from its first bytes (the client's Content-Type is not believed); null when
 * it is none of the accepted kinds. A zip is a Word or Excel document only by its name's
 * extension: both are zips, told apart only by their parts.
 */
export function sniff(head: Buffer, fileName: string, whole: boolean): string | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext === 'docx') return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
    if (ext === 'xlsx') return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return null;
  }
  if (looksLikeText(head, whole)) return ext === 'csv' ? 'text/csv' : 'text/plain';
  return null;
}

/** A file name safe to keep and to send back in Content-Disposition: no paths, controls or quotes. */
export function sanitiseFileName(raw: string | undefined): string {
  let name = raw ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // kept as sent
  }
  name = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  name = name.replace(/[\u0000-\u001f\u007f"<>:|?*]/g, '').replace(/^[.\s]+/, '').trim().slice(0, 200);
  return name || 'document';
}

/**
 * Passes a request body through, holding its first bytes until the file's kind is known (refused
 * at once when it is not accepted) and refusing it past `limit` bytes; `type` is the kind found.
 */
export class UploadGuard extends Transform {
  type: string | null = null;
  #head: Buffer[] = [];
  #headLength = 0;
  #total = 0;

  constructor(private readonly limit: number, private readonly fileName: string) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.#total += chunk.length;
    if (this.#total > this.limit) return done(tooLarge(this.limit));
    if (this.type) return done(null, chunk);
    this.#head.push(chunk);
    this.#headLength += chunk.length;
    if (this.#headLength < HEAD) return done();
    this.#decide(false, done);
  }

  override _flush(done: TransformCallback): void {
    if (this.type) return done();
    if (this.#headLength === 0) return done(new AppError(documentsErrors.empty_file, 'The file is empty'));
    this.#decide(true, done);
  }

  #decide(whole: boolean, done: TransformCallback): void {
    const head = Buffer.concat(this.#head);
    this.#head = [];
    this.type = sniff(head.subarray(0, HEAD), this.fileName, whole);
    if (!this.type) return done(new AppError(documentsErrors.type_not_allowed, 'Accepted are PDF, PNG, JPEG, GIF, WebP, Word (.docx) and Excel (.xlsx) documents, plain text and CSV'));
    done(null, head);
  }
}

export const tooLarge = (limit: number) => new AppError(documentsErrors.too_large, `A file may be at most ${limit} bytes`, { limit });
