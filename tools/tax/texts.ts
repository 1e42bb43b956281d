/**
 * What sales tax says when it refuses a place, date or line, in French and English: each refusal
 * says what is missing or unknown and what to give instead, in the language of the person asking
 * (not the language the tax labels are printed in).
 */
import type { Lang } from '../context.ts';

export const taxRefusals = {
  fr: {
    noProvince:
      'Une vente au Canada exige la province du lieu de fourniture (celle de l\'acheteur ou de la livraison), p. ex. "QC".',
    unknownProvince: (region: string, provinces: string) =>
      `Province ou territoire inconnu « ${region} ». Utilisez l'un de ${provinces} : la province du lieu de fourniture.`,
    noProvincialRate: (province: string, on: string, from: string | undefined) =>
      `Aucun taux de taxe de vente connu pour ${province} le ${on} : la table de Comptoir couvre ${province} à partir du ${from}.`,
    noGstRate: (on: string, from: string | undefined) =>
      `Aucun taux de TPS connu le ${on} : la table de Comptoir pour le Canada commence le ${from}.`,
    regionInFrance: (region: string) =>
      `Les taux français par région ne sont pas pris en charge (reçu : « ${region} ») : omettez la région pour la France métropolitaine.`,
    noVatRate: (on: string, from: string | undefined) =>
      `Aucun taux de TVA française connu le ${on} : la table de Comptoir pour la France commence le ${from}.`,
    invalidDate: (on: string) =>
      `Date invalide « ${on} » : une date réelle écrite AAAA-MM-JJ est attendue, p. ex. "2025-04-01".`,
    unsupportedCountry: (country: string) =>
      `Pays non pris en charge « ${country} » : les taxes de vente sont calculées pour CA et FR.`,
    unknownTreatment: (line: number, treatment: string, treatments: string) =>
      `Ligne ${line} : traitement fiscal inconnu « ${treatment} » ; utilisez ${treatments}.`,
    unknownVatClass: (line: number, rate: string, classes: string) =>
      `Ligne ${line} : taux de TVA française inconnu « ${rate} » ; utilisez ${classes}.`,
  },
  en: {
    noProvince: 'A Canadian sale needs the province of the place of supply (the buyer or ship-to province), e.g. "QC".',
    unknownProvince: (region: string, provinces: string) =>
      `Unknown province or territory '${region}'. Use one of ${provinces}: the province of the place of supply.`,
    noProvincialRate: (province: string, on: string, from: string | undefined) =>
      `No sales tax rate known for ${province} on ${on}: Comptoir's table covers ${province} from ${from}.`,
    noGstRate: (on: string, from: string | undefined) =>
      `No GST rate known on ${on}: Comptoir's table for Canada starts on ${from}.`,
    regionInFrance: (region: string) =>
      `French rates by region are not supported (got '${region}'): omit region for mainland France.`,
    noVatRate: (on: string, from: string | undefined) =>
      `No French VAT rate known on ${on}: Comptoir's table for France starts on ${from}.`,
    invalidDate: (on: string) => `Invalid date '${on}': expected a real date written YYYY-MM-DD, e.g. "2025-04-01".`,
    unsupportedCountry: (country: string) => `Unsupported country '${country}': sales tax is computed for CA and FR.`,
    unknownTreatment: (line: number, treatment: string, treatments: string) =>
      `Line ${line}: unknown treatment '${treatment}'; use ${treatments}.`,
    unknownVatClass: (line: number, rate: string, classes: string) =>
      `Line ${line}: unknown French VAT class '${rate}'; use ${classes}.`,
  },
} satisfies Record<Lang, unknown>;
