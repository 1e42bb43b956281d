/**
 * The language to answer a request in before or without a session: ?lang=, then the language switch's
 * cookie, then Accept-Language; French by default (Québec first). With a session, its language wins.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Lang } from '../tools/context.ts';
import type { Session } from '../tools/context.ts';

export function requestLang(c: Context, asked?: string): Lang {
  const session = c.get('session') as Session | undefined;
  if (!asked && session) return session.lang;
  const wanted =
    asked ?? c.req.query('lang') ?? getCookie(c, 'comptoir_lang') ?? c.req.header('accept-language') ?? 'fr';
  return wanted.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
