/**
 * Reading a PDF: its embedded files (where Factur-X / ZUGFeRD put their XML), its text layer with
 * pdf-parse, and page images for OCR when it is a scan. pdf.js errors become `DocumentFailure`s.
 */
import { DocumentFailure } from './failures.ts';
import { getDocument, PDFParse } from './pdfjs.ts';

/** pdf.js options for untrusted files: no eval of font programs, no fetching, quiet. */
const UNTRUSTED = {
  isEvalSupported: false,
  useSystemFonts: false,
  disableFontFace: true,
  verbosity: 0,
  stopAtErrors: false,
} as const;

/** Maps pdf.js's error names to what people are told. */
export function pdfFailure(error: unknown): DocumentFailure {
  if (error instanceof DocumentFailure) return error;
  const name = (error as { name?: string })?.name ?? '';
  const message = (error as { message?: string })?.message ?? String(error);
  if (name === 'PasswordException' || /password/i.test(message)) return new DocumentFailure('encrypted', message);
  return new DocumentFailure('corrupt', `${name}: ${message}`);
}

export interface Attachment {
  filename: string;
  content: Buffer;
}

/** The PDF's embedded files (EmbeddedFiles name tree), each with its name and bytes. */
export async function pdfAttachments(pdf: Buffer): Promise<Attachment[]> {
  const task = getDocument({ ...UNTRUSTED, data: new Uint8Array(pdf) });
  try {
    const doc = await task.promise;
    const attachments = ((await doc.getAttachments()) ?? {}) as Record<
      string,
      { filename?: string; content?: Uint8Array }
    >;
    return Object.entries(attachments).flatMap(([key, file]) =>
      file.content ? [{ filename: file.filename ?? key, content: Buffer.from(file.content) }] : [],
    );
  } catch (error) {
    throw pdfFailure(error);
  } finally {
    await task.destroy().catch(() => undefined);
  }
}

export interface PdfText {
  pages: string[];
  pageCount: number;
}

/** An open PDF for text and page images; destroy() it when done. */
export class PdfDocument {
  private readonly parser: InstanceType<typeof PDFParse>;

  constructor(pdf: Buffer) {
    this.parser = new PDFParse({ ...UNTRUSTED, data: new Uint8Array(pdf) });
  }

  /** The text layer of each page, in reading order as pdf-parse reconstructs its lines. */
  async text(maxPages: number): Promise<PdfText> {
    try {
      const result = await this.parser.getText({ first: maxPages });
      return { pages: result.pages.map((page) => page.text), pageCount: result.total };
    } catch (error) {
      throw pdfFailure(error);
    }
  }

  /**
   * PNG renderings of the first pages at a fixed width (pixels), so a page of any paper size becomes
   * an image of bounded size for OCR.
   */
  async pageImages(pages: number, width: number): Promise<Buffer[]> {
    try {
      const result = await this.parser.getScreenshot({
        first: pages,
        desiredWidth: width,
        imageBuffer: true,
        imageDataUrl: false,
      });
      return result.pages.map((page) => Buffer.from(page.data));
    } catch (error) {
      throw pdfFailure(error);
    }
  }

  async destroy(): Promise<void> {
    await this.parser.destroy().catch(() => undefined);
  }
}
