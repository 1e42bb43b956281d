/**
 * Images on their way to OCR: the size is read from the file header and refused above a pixel limit
 * before anything is decoded (a 100 000 × 100 000 PNG is a few kilobytes and 40 GB decoded), then
 * the image is turned upright (EXIF), made grey and scaled to a width tesseract reads well.
 */
import sharp, { type Metadata } from 'sharp';
import { DocumentFailure } from './failures.ts';

/** 40 megapixels: an A4 page at 600 dpi is 35 MP; a phone photo 12 to 48 MP. */
export const MAX_PIXELS = 40_000_000;
/** Text at ~300 dpi on a letter/A4 page: wide enough for 8-point type, small enough to stay fast. */
const OCR_WIDTH = 2400;
const MIN_WIDTH = 1400;

export interface ImageSize {
  width: number;
  height: number;
  format: string;
}

/** The image's size and format from its header only; refuses unknown formats and oversized images. */
export async function imageSize(bytes: Buffer, maxPixels = MAX_PIXELS): Promise<ImageSize> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new DocumentFailure('corrupt', `Not a readable image: ${(error as Error).message}`);
  }
  const { width, height, format } = meta;
  if (!width || !height) throw new DocumentFailure('corrupt', 'The image has no size in its header.');
  if (width * height > maxPixels) {
    throw new DocumentFailure('too_many_pixels', `${width} × ${height} pixels is over the ${maxPixels} pixel limit.`);
  }
  return { width, height, format: format ?? 'unknown' };
}

/** A grey, upright PNG for tesseract. */
export async function imageForOcr(bytes: Buffer, maxPixels = MAX_PIXELS): Promise<Buffer> {
  const size = await imageSize(bytes, maxPixels);
  try {
    // Grey only: tesseract binarises (Otsu) better than a median or contrast stretch here, which on
    // speckled scans made words bolder and dropped its confidence from 92 to 58-79.
    let image = sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error' }).rotate().greyscale();
    if (size.width > OCR_WIDTH || size.width < MIN_WIDTH) image = image.resize({ width: OCR_WIDTH });
    return await image.png({ compressionLevel: 1 }).toBuffer();
  } catch (error) {
    const message = (error as Error).message;
    if (/pixel limit/i.test(message)) throw new DocumentFailure('too_many_pixels', message);
    throw new DocumentFailure('corrupt', `The image could not be decoded: ${message}`);
  }
}
