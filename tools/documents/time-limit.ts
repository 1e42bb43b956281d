/**
 * Time limits for reading a file: a stage that runs past its limit fails with `timeout` instead of
 * holding a job forever. The stage is asked to stop (its cleanup runs) and its late result is ignored.
 */
import { DocumentFailure } from './failures.ts';

export async function withTimeLimit<T>(
  ms: number,
  work: () => Promise<T>,
  onTimeout?: () => void | Promise<void>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void Promise.resolve(onTimeout?.()).catch(() => undefined);
      reject(new DocumentFailure('timeout', `Stopped after ${ms} ms.`));
    }, ms);
  });
  try {
    return await Promise.race([work(), limit]);
  } finally {
    clearTimeout(timer);
  }
}
