/**
 * pdf.js and pdf-parse, loaded so that they cannot slow down the rest of the process: neither its
 * polyfills nor its source maps.
 *
 * The legacy build of pdf.js (the one that runs on Node 20, and the one pdf-parse imports) bundles
 * core-js, which on load replaces built-ins Node already has with JavaScript polyfills: JSON.parse,
 * Array.prototype.push, AbortSignal, DOMException, Function.prototype.toString… Every request the
 * server answers would then pay for them, not only the ones that read a PDF. So these modules are
 * loaded once, here, and every built-in property that existed before is put back as it was. What the
 * polyfills add that Node 20 lacks (Promise.withResolvers, iterator helpers, Set methods) stays:
 * pdf.js uses it.
 */

type Descriptors = Map<object, Map<PropertyKey, PropertyDescriptor>>;

const isObject = (value: unknown): value is object =>
  (typeof value === 'object' && value !== null) || typeof value === 'function';

/** The global object, each built-in namespace and constructor on it, and their prototypes. */
function builtIns(): object[] {
  const objects = new Set<object>([globalThis]);
  for (const key of Reflect.ownKeys(globalThis)) {
    // Descriptors only: reading a property would run Node's lazy getters (Request, Blob…).
    const value = Object.getOwnPropertyDescriptor(globalThis, key)?.value as unknown;
    if (isObject(value)) {
      objects.add(value);
      // Function.prototype is itself a function.
      const prototype = (value as { prototype?: unknown }).prototype;
      if (isObject(prototype)) objects.add(prototype);
    }
  }
  // Reachable only through instances: %IteratorPrototype%, %TypedArray% and its prototype.
  objects.add(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())) as object);
  objects.add(Object.getPrototypeOf(Uint8Array) as object);
  objects.add(Object.getPrototypeOf(Uint8Array.prototype) as object);
  return [...objects];
}

function snapshot(): Descriptors {
  return new Map(
    builtIns().map((object) => [
      object,
      new Map(Reflect.ownKeys(object).map((key) => [key, Object.getOwnPropertyDescriptor(object, key)!])),
    ]),
  );
}

const same = (a: PropertyDescriptor, b: PropertyDescriptor) =>
  Object.is(a.value, b.value) && a.get === b.get && a.set === b.set;

/** Puts back every property that existed in the snapshot and was since replaced; keeps additions. */
function restore(before: Descriptors): void {
  for (const [object, properties] of before) {
    for (const [key, descriptor] of properties) {
      const now = Object.getOwnPropertyDescriptor(object, key);
      if (now && same(now, descriptor)) continue;
      if (now && !now.configurable) continue; // cannot be redefined: left as it is
      Object.defineProperty(object, key, descriptor);
    }
  }
}

async function load() {
  const before = snapshot();
  // pdf.js ships 8 MB of source maps. With source maps on (tsx turns them on), Node would parse and
  // keep them for the life of the process: about 150 MB of heap, which every full garbage collection
  // walks. Its code is not minified; its stack traces read well without them.
  const sourceMaps = process.sourceMapsEnabled;
  process.setSourceMapsEnabled(false);
  try {
    const [pdfParse, pdfjs, worker] = await Promise.all([
      import('pdf-parse'),
      import('pdfjs-dist/legacy/build/pdf.mjs'),
      // pdf.js runs its "worker" in this thread when it finds it here, instead of importing it (and its
      // own copy of core-js) at the first document.
      import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
    ]);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return { PDFParse: pdfParse.PDFParse, getDocument: pdfjs.getDocument };
  } finally {
    process.setSourceMapsEnabled(sourceMaps);
    restore(before);
  }
}

export const { PDFParse, getDocument } = await load();
