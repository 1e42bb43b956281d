/**
 * Email as chat: a message from a person of the company that carries no bill is a request for the
 * agent ("create an invoice for Acme, 3 hours of consulting"). The answer goes back as a reply in
 * the same thread, in the language the person wrote in; the thread is one conversation.
 */
import type { Database } from '../db/client.ts';
import { chatTurn, type ChatDeps } from '../agent/chat.ts';
import { actorOf } from '../tools/auth/api-tokens.ts';
import type { Lang } from '../tools/context.ts';
import { queueEmailReply, threadConversation, userById } from '../tools/conversations/email-thread.ts';

export interface EmailChat {
  tenantId: string;
  userId: string | null;
  from: string;
  subject: string;
  text: string;
  messageId: string;
  references: string[];
}

const FRENCH =
  /\b(le|la|les|des|une|pour|avec|chez|facture|commande|bonjour|merci|heures?|svp|s'il vous pla[iî]t|cr[ée]e[zr]?)\b/gi;
const ENGLISH = /\b(the|a|an|for|with|at|invoice|order|hello|thanks|please|hours?|create)\b/gi;

/** The language the person wrote in; their profile language when the text does not tell. */
export function languageOf(text: string, fallback: Lang): Lang {
  const fr = text.match(FRENCH)?.length ?? 0;
  const en = text.match(ENGLISH)?.length ?? 0;
  return fr === en ? fallback : fr > en ? 'fr' : 'en';
}

/** Only what the person wrote: quoted replies and signatures are history, not the request. */
export function requestText(text: string): string {
  const lines = text.split(/\r?\n/);
  const cut = lines.findIndex((l) => /^>|^-- ?$|^(Le .+ a écrit|On .+ wrote)\s*:?\s*$/.test(l.trim()));
  return (cut === -1 ? lines : lines.slice(0, cut)).join('\n').trim();
}

export async function answerEmail(db: Database, deps: ChatDeps, mail: EmailChat, now: () => Date) {
  if (!mail.userId)
    return { answered: false as const, reason: 'Only people of the company can talk to the agent by email.' };
  const user = await userById(db, mail.tenantId, mail.userId);
  if (!user?.active) return { answered: false as const, reason: 'Unknown or inactive user.' };
  const text = requestText(mail.text);
  const lang = languageOf(`${mail.subject}\n${text}`, user.language);
  const session = { db, tenantId: mail.tenantId, actor: actorOf(user), lang, now };

  // The thread's first message names the conversation, so a reply continues it.
  const threadKey = mail.references[0] ?? mail.messageId;
  const existing = await threadConversation(db, mail.tenantId, threadKey, user.id);
  const reply = await chatTurn(
    session,
    { ...deps, source: 'email' },
    { conversationId: existing?.id, text: text || mail.subject },
  );
  const actions = reply.actions.map((a) => `- ${a.message}`);
  const footer = actions.length ? `\n\n${lang === 'fr' ? 'Actions :' : 'Actions:'}\n${actions.join('\n')}` : '';
  await queueEmailReply(db, mail.tenantId, {
    conversationId: reply.conversationId,
    newThreadKey: existing ? null : threadKey,
    to: mail.from,
    subject: /^re:/i.test(mail.subject)
      ? mail.subject
      : `Re: ${mail.subject || (lang === 'fr' ? 'votre demande' : 'your request')}`,
    text: `${reply.text}${footer}\n\n— Comptoir`,
    inReplyTo: mail.messageId,
  });
  return { answered: true as const, conversationId: reply.conversationId, lang, text: reply.text };
}
