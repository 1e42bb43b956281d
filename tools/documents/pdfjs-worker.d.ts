/** pdf.js's worker module ships no types; Comptoir only hands it to pdf.js (globalThis.pdfjsWorker). */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
