/**
 * A pre-flight check of a PDF's compressed streams before pdf.js reads it: a few kilobytes of
 * Flate data can inflate to gigabytes (a "zip bomb") and pdf.js would allocate all of it. Each stream
 * is inflated by zlib with a hard output cap, so the check itself can never use more than that cap.
 */
import { constants, inflateSync } from 'node:zlib';
import { DocumentFailure } from './failures.ts';

/** A bill's largest honest stream is a page image: 64 MB inflated is far above any real one. */
export const MAX_STREAM_BYTES = 64 * 1024 * 1024;
/** Above this many streams the file is not a bill; checking them all would itself be the attack. */
const MAX_STREAMS = 5000;

/** The bytes between each `stream` keyword and its `endstream` (the PDF stream bodies). */
function* streamBodies(pdf: Buffer): Generator<Buffer> {
  let from = 0;
  for (let count = 0; count < MAX_STREAMS; count++) {
    const keyword = pdf.indexOf('stream', from, 'latin1');
    if (keyword < 0) return;
    // `endstream` also contains "stream": skip it.
    if (pdf.subarray(Math.max(0, keyword - 3), keyword).toString('latin1') === 'end') {
      from = keyword + 6;
      continue;
    }
    let start = keyword + 6;
    if (pdf[start] === 0x0d) start++;
    if (pdf[start] === 0x0a) start++;
    const end = pdf.indexOf('endstream', start, 'latin1');
    yield pdf.subarray(start, end < 0 ? pdf.length : end);
    if (end < 0) return;
    from = end + 9;
  }
  throw new DocumentFailure('inflate_bomb', `More than ${MAX_STREAMS} streams.`);
}

/**
 * Throws `inflate_bomb` when any Flate stream would inflate past `limit` bytes. Streams that are not
 * zlib data (images, fonts in other filters) fail zlib's header check at once and are skipped.
 */
export function checkPdfStreams(pdf: Buffer, limit = MAX_STREAM_BYTES): void {
  for (const body of streamBodies(pdf)) {
    if (body.length < 2 || (body[0]! & 0x0f) !== 8) continue; // not a zlib header (CM = 8, deflate)
    try {
      // Z_SYNC_FLUSH tolerates a stream cut short, which pdf.js also reads as far as it goes.
      inflateSync(body, { maxOutputLength: limit, finishFlush: constants.Z_SYNC_FLUSH });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
        throw new DocumentFailure('inflate_bomb', `A stream inflates past ${limit} bytes.`);
      }
      // Any other zlib error is a damaged or non-Flate stream: pdf.js decides what to do with it.
    }
  }
}
