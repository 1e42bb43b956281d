/**
 * Failed logins in the database, so that every instance counts the same failures: a guesser spread
 * over several instances (or waiting for a restart) is slowed as if there were one. Keys are the
 * limiter's (IP and email, or email alone); no company is known yet, so this runs as the owner.
 */
import { and, eq, gte, lt } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { loginFailures } from '../../db/schema/index.ts';
import { asSystem } from '../../db/tenant.ts';

export interface FailureStore {
  /** Times (ms) of the key's failures since `since`, oldest first. */
  recent(key: string, since: number): Promise<number[]>;
  add(key: string, at: number): Promise<void>;
  clear(key: string): Promise<void>;
}

/** Failures older than this are of no use to any window and are deleted as new ones come. */
const KEEP_MS = 24 * 60 * 60_000;

export function databaseFailureStore(db: Database): FailureStore {
  return {
    async recent(key, since) {
      const rows = await asSystem(db, (tx) =>
        tx
          .select({ at: loginFailures.failedAt })
          .from(loginFailures)
          .where(and(eq(loginFailures.key, key), gte(loginFailures.failedAt, new Date(since))))
          .orderBy(loginFailures.failedAt),
      );
      return rows.map((row) => row.at.getTime());
    },
    async add(key, at) {
      await asSystem(db, async (tx) => {
        await tx.insert(loginFailures).values({ key, failedAt: new Date(at) });
        await tx
          .delete(loginFailures)
          .where(and(eq(loginFailures.key, key), lt(loginFailures.failedAt, new Date(at - KEEP_MS))));
      });
    },
    async clear(key) {
      await asSystem(db, (tx) => tx.delete(loginFailures).where(eq(loginFailures.key, key)));
    },
  };
}

/** The same, in memory: for unit tests of the limiter's rule. */
export function memoryFailureStore(): FailureStore {
  const failures = new Map<string, number[]>();
  return {
    async recent(key, since) {
      return (failures.get(key) ?? []).filter((t) => t >= since);
    },
    async add(key, at) {
      failures.set(key, [...(failures.get(key) ?? []).filter((t) => t >= at - KEEP_MS), at]);
    },
    async clear(key) {
      failures.delete(key);
    },
  };
}
