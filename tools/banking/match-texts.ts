/** The reconciliation engine's factors told to people, in French and English, with amounts written for the reader. */
import type { EvidenceFactor } from '../../db/schema/actions.ts';
import type { Lang } from '../context.ts';
import type { Factor, FactorCode, Proposal } from './engine/match.ts';
import { formatMoney } from '../money.ts';
import type { HoldReason } from './engine/policy.ts';

type Params = Record<string, string | number>;
type Say = (p: Params, money: (cents: number) => string) => string;

const fr: Record<FactorCode, Say> = {
  amount_exact: (p, m) => `${m(+p.cents!)} correspond exactement au solde de ${p.number}.`,
  amount_short_fee: (p, m) =>
    `${m(+p.cents!)} : il manque ${m(+p.fee!)} au solde de ${p.number}, dans la tolérance de frais bancaires.`,
  amount_partial: (p, m) => `${m(+p.cents!)} est une partie du solde de ${m(+p.balance!)} de ${p.number}.`,
  amount_over: (p, m) =>
    `${m(+p.cents!)} dépasse le solde de ${p.number} : ${m(+p.credit!)} resteraient en crédit au client.`,
  amount_group: (p, m) => `${m(+p.cents!)} est la somme des soldes de ${p.count} factures : ${p.numbers}.`,
  reference_full: (p) => `Le libellé bancaire mentionne ${p.number}.`,
  reference_sequence: (p) => `Le libellé cite le numéro de ${p.number} (sans l’année ou le préfixe).`,
  reference_other_document: (p) => `Le libellé cite ${p.other}, pas ${p.number}.`,
  name_strong: (p) => `Le nom sur le relevé correspond à ${p.party} (${p.similarity} %).`,
  name_close: (p) => `Le nom sur le relevé ressemble à ${p.party} (${p.similarity} %).`,
  name_weak: (p) => `Le nom sur le relevé rappelle vaguement ${p.party} (${p.similarity} %).`,
  name_other_party: (p) => `Le payeur « ${p.payer} » ressemble à un autre tiers que ${p.party}.`,
  alias_confirmed: (p) => `« ${p.payer} » a déjà été confirmé comme ${p.party}.`,
  alias_rejected: (p) => `Une personne a déjà refusé « ${p.payer} » comme ${p.party}.`,
  date_plausible: (p) => `Payé ${p.days} jour(s) après l’émission de ${p.number}.`,
  date_before_document: (p) => `L’opération précède l’émission de ${p.number} (${p.issuedOn}).`,
  date_long_after: (p) => `L’opération arrive plus de six mois après l’échéance de ${p.number} (${p.dueOn}).`,
};

const en: Record<FactorCode, Say> = {
  amount_exact: (p, m) => `${m(+p.cents!)} equals the balance of ${p.number} exactly.`,
  amount_short_fee: (p, m) =>
    `${m(+p.cents!)} is ${m(+p.fee!)} short of the balance of ${p.number}, within the bank fee tolerance.`,
  amount_partial: (p, m) => `${m(+p.cents!)} is part of the ${m(+p.balance!)} balance of ${p.number}.`,
  amount_over: (p, m) =>
    `${m(+p.cents!)} is more than the balance of ${p.number}: ${m(+p.credit!)} would remain as the client's credit.`,
  amount_group: (p, m) => `${m(+p.cents!)} is the sum of the balances of ${p.count} invoices: ${p.numbers}.`,
  reference_full: (p) => `The bank text mentions ${p.number}.`,
  reference_sequence: (p) => `The bank text quotes the number of ${p.number} (without its year or prefix).`,
  reference_other_document: (p) => `The bank text quotes ${p.other}, not ${p.number}.`,
  name_strong: (p) => `The name on the statement matches ${p.party} (${p.similarity} %).`,
  name_close: (p) => `The name on the statement is close to ${p.party} (${p.similarity} %).`,
  name_weak: (p) => `The name on the statement faintly resembles ${p.party} (${p.similarity} %).`,
  name_other_party: (p) => `The payer "${p.payer}" looks like another party than ${p.party}.`,
  alias_confirmed: (p) => `"${p.payer}" was confirmed as ${p.party} before.`,
  alias_rejected: (p) => `A person already refused "${p.payer}" as ${p.party}.`,
  date_plausible: (p) => `Paid ${p.days} day(s) after ${p.number} was issued.`,
  date_before_document: (p) => `The transaction is before ${p.number} was issued (${p.issuedOn}).`,
  date_long_after: (p) => `The transaction comes more than six months after ${p.number} was due (${p.dueOn}).`,
};

const holds: Record<Lang, Record<HoldReason, string>> = {
  fr: {
    not_chosen: 'Une autre opération ou une autre facture l’emporte dans le rapprochement du relevé.',
    below_threshold: 'Confiance sous le seuil de l’entreprise.',
    amount_only: 'Seul le montant concorde : une personne confirme.',
    no_history: 'Ce payeur n’a pas encore été confirmé trois fois par une personne.',
  },
  en: {
    not_chosen: 'Another transaction or invoice wins in the statement’s reconciliation.',
    below_threshold: 'Confidence below the company’s threshold.',
    amount_only: 'Only the amount agrees: a person confirms.',
    no_history: 'This payer has not yet been confirmed three times by a person.',
  },
};

export const holdText = (reason: HoldReason, lang: Lang) => holds[lang][reason];

/**
 * A proposal's factors as evidence a person reads. Their weight is 0 for the door: the engine's
 * log-odds are not the door's additive weights, so the one calibrated confidence factor carries the score.
 */
export function evidenceOf(proposal: Proposal, currency: string, lang: Lang): EvidenceFactor[] {
  const say = lang === 'fr' ? fr : en;
  const money = (cents: number) => formatMoney(BigInt(cents), currency, lang === 'fr' ? 'fr-CA' : 'en-CA');
  return proposal.factors.map((f: Factor) => ({
    factor: f.factor,
    weight: 0,
    detail: say[f.factor](f.params, money),
  }));
}

/** The engine's calibrated confidence, as the one factor the door weighs (prior 0.5 + this = the confidence). */
export function confidenceFactor(confidence: number, lang: Lang): EvidenceFactor {
  const shown = confidence.toFixed(2);
  return {
    factor: 'reconciliation_confidence',
    weight: Math.round((confidence - 0.5) * 1000) / 1000,
    detail:
      lang === 'fr'
        ? `Confiance calibrée du rapprochement : ${shown.replace('.', ',')} (évaluée sur des relevés générés).`
        : `Calibrated reconciliation confidence: ${shown} (measured on generated statements).`,
  };
}
