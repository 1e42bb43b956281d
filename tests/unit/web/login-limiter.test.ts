import { describe, expect, it } from 'vitest';
import { memoryFailureStore } from '../../../tools/auth/login-failures.ts';
import { LoginLimiter } from '../../../web-chat/login-limiter.ts';

describe('LoginLimiter: 3 failures per 60 s window', () => {
  // t in seconds; each row: what happens at that moment and the answer expected.
  const steps: { t: number; op: 'fail' | 'check' | 'ok'; key?: string; expect?: number | null }[] = [
    { t: 0, op: 'fail' },
    { t: 10, op: 'fail' },
    { t: 20, op: 'check', expect: null },
    { t: 20, op: 'fail' },
    { t: 21, op: 'check', expect: 39 }, // the oldest failure (t=0) leaves the window at t=60
    { t: 21, op: 'check', key: 'other', expect: null },
    { t: 60, op: 'check', expect: null }, // t=0 has left: two failures remain
    { t: 61, op: 'fail' },
    { t: 62, op: 'check', expect: 8 }, // oldest kept is t=10 → free at t=70
    { t: 62, op: 'ok' },
    { t: 62, op: 'check', expect: null }, // a success forgives
  ];
  it('answers each step as the table says', async () => {
    const limiter = new LoginLimiter(memoryFailureStore(), 3, 60_000);
    for (const s of steps) {
      const key = s.key ?? '1.2.3.4|a@b.c';
      if (s.op === 'fail') await limiter.fail(key, s.t * 1000);
      else if (s.op === 'ok') await limiter.succeed(key);
      else expect([s.t, await limiter.retryAfter(key, s.t * 1000)]).toEqual([s.t, s.expect]);
    }
  });
});
