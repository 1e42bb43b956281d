/** What the agent tells the person about the turn itself (waiting, retrying, stopping), in fr and en. */
import type { Lang } from '../tools/context.ts';

const s = (ms: number) => Math.max(1, Math.round(ms / 1000));

export const turnTexts: Record<
  Lang,
  {
    waiting: (ms: number) => string;
    retrying: (why: string, attempt: number, of: number, waitMs: number) => string;
    reasking: (why: string) => string;
    modelFailed: (why: string) => string;
    callTimeout: (ms: number) => string;
    turnTimeout: (ms: number) => string;
    broken: (why: string) => string;
    tooManyErrors: string;
    tooManySteps: string;
    cancelled: string;
    empty: string;
    done: (actions: string) => string;
  }
> = {
  fr: {
    waiting: (ms) => `Le modèle réfléchit encore… (${s(ms)} s)`,
    retrying: (why, attempt, of, waitMs) =>
      `Le modèle n'a pas répondu (${why}) ; nouvel essai ${attempt}/${of} dans ${s(waitMs)} s…`,
    reasking: (why) => `La réponse du modèle était incomplète (${why}) : rien n'a été exécuté, je lui redemande.`,
    modelFailed: (why) => `Le modèle d'IA n'a pas pu répondre (${why}). Réessayez, ou utilisez une commande (/help).`,
    callTimeout: (ms) => `le modèle n'a rien envoyé pendant ${s(ms)} s`,
    turnTimeout: (ms) =>
      `Je m'arrête : cette demande a dépassé le temps permis (${s(ms)} s). Les actions listées ci-dessous sont les seules faites ; réessayez, peut-être en plus simple.`,
    broken: (why) =>
      `La réponse du modèle a été coupée (${why}) avant que son action soit complète : je n'ai rien exécuté. Réessayez, peut-être en plus court.`,
    tooManyErrors:
      "Je m'arrête : le modèle a envoyé plusieurs fois des paramètres invalides. Rien d'autre n'a été exécuté ; reformulez la demande ou utilisez une commande (/help).",
    tooManySteps: "Je m'arrête : cette demande demandait trop d'étapes. Les actions listées sont les seules faites.",
    cancelled: 'Demande interrompue : la page a été fermée. Aucune autre action ne sera exécutée.',
    empty: "Le modèle n'a rien répondu. Reformulez la demande, ou utilisez une commande (/help).",
    done: (actions) => `Voici ce qui a été fait : ${actions}`,
  },
  en: {
    waiting: (ms) => `The model is still thinking… (${s(ms)} s)`,
    retrying: (why, attempt, of, waitMs) =>
      `The model did not answer (${why}); retry ${attempt}/${of} in ${s(waitMs)} s…`,
    reasking: (why) => `The model's answer was incomplete (${why}): nothing was executed, asking it again.`,
    modelFailed: (why) => `The AI model could not answer (${why}). Try again, or use a command (/help).`,
    callTimeout: (ms) => `the model sent nothing for ${s(ms)} s`,
    turnTimeout: (ms) =>
      `Stopping: this request went over its time limit (${s(ms)} s). The actions listed below are the only ones done; try again, perhaps more simply.`,
    broken: (why) =>
      `The model's answer was cut off (${why}) before its action was complete: nothing was executed. Try again, perhaps with a shorter request.`,
    tooManyErrors:
      'Stopping: the model sent invalid parameters several times. Nothing else was executed; rephrase the request or use a command (/help).',
    tooManySteps: 'Stopping: this request took too many steps. The actions listed are the only ones done.',
    cancelled: 'Request stopped: the page was closed. No further action will be executed.',
    empty: 'The model gave no answer. Rephrase the request, or use a command (/help).',
    done: (actions) => `Here is what was done: ${actions}`,
  },
};

/** Said to the model (in English, the language models read best) when its reply cannot be used as it is. */
export const modelNotes = {
  cut: (why: string) =>
    `Your previous reply ended before its tool call was complete (${why}); nothing was executed. ` +
    'Send the tool call again with complete arguments, keeping them short, or answer in text.',
  badJson: (why: string) =>
    `Error (invalid): the arguments were not valid JSON (${why}); nothing was executed. ` +
    'Call the tool again with a complete JSON object that matches its schema.',
};
