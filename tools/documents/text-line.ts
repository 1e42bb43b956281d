/** One line of a bill's text, from a PDF text layer or from OCR. */
export interface TextLine {
  text: string;
  /** 0..1: 1 for a PDF text layer, the OCR line confidence otherwise. */
  confidence: number;
  page: number;
}
