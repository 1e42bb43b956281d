/**
 * Sales tax rates of Canada and France as dated facts: who levies what, at which exact rate, from
 * which day to which day, under which name, on which legal basis. Data only; `compute.ts` applies it.
 * A rate change is a new row with `from`, and an `until` on the row it ends; never an edit of history.
 */

export type TaxCode = 'GST' | 'HST' | 'PST' | 'RST' | 'QST' | 'TVA';

export const PROVINCES = ['AB', 'BC', 'MB', 'NB', 'NL', 'NS', 'NT', 'NU', 'ON', 'PE', 'QC', 'SK', 'YT'] as const;
export type Province = (typeof PROVINCES)[number];

export type Jurisdiction = 'CA' | `CA-${Province}` | 'FR';

/** The French VAT classes a line chooses from (CGI art. 278 to 281 nonies). */
export const FR_RATE_CLASSES = ['normal', 'intermediate', 'reduced', 'special'] as const;
export type FrRateClass = (typeof FR_RATE_CLASSES)[number];

export interface Labels {
  readonly fr: string;
  readonly en: string;
}

export interface TaxRate {
  readonly jurisdiction: Jurisdiction;
  readonly component: TaxCode;
  /** France only: the VAT class this rate belongs to. */
  readonly rateClass?: FrRateClass;
  /** Exact decimal: "0.09975" is 9.975 %. */
  readonly rate: string;
  /** First day in force, YYYY-MM-DD. */
  readonly from: string;
  /** Last day in force, inclusive; absent while the rate is current. */
  readonly until?: string;
  readonly label: Labels;
  readonly source: string;
}

/**
 * Provinces and territories that levy no sales tax of their own: GST alone applies there.
 * Every other province must have a row of its own in force on a date, or the date is refused
 * (see `ratesInForce`), so a gap in this table can never pass for "GST only".
 */
export const GST_ONLY: ReadonlySet<Province> = new Set<Province>(['AB', 'NT', 'NU', 'YT']);

const TPS = { fr: 'TPS', en: 'GST' };
const TVH = { fr: 'TVH', en: 'HST' };
const TVQ = { fr: 'TVQ', en: 'QST' };
const TVP = { fr: 'TVP', en: 'PST' };
const TVD = { fr: 'TVD', en: 'RST' };

// Canada's table starts on 2008-01-01, when GST became 5 %. Québec before 2013 and Prince Edward
// Island before 2013-04-01 levied their provincial tax on the price *including* GST (compounded);
// that rule is not modelled, so those dates are refused rather than computed wrongly.
const CANADA: readonly TaxRate[] = [
  // GST applies in every province without HST; HST replaces it (Excise Tax Act s. 165(2)).
  {
    jurisdiction: 'CA',
    component: 'GST',
    rate: '0.05',
    from: '2008-01-01',
    label: TPS,
    source: 'Excise Tax Act (Canada) s. 165(1); 5 % since 2008-01-01 (S.C. 2007, c. 35)',
  },

  {
    jurisdiction: 'CA-BC',
    component: 'PST',
    rate: '0.07',
    from: '2008-01-01',
    until: '2010-06-30',
    label: TVP,
    source: 'Social Service Tax Act (B.C.), replaced by HST on 2010-07-01',
  },
  {
    jurisdiction: 'CA-BC',
    component: 'HST',
    rate: '0.12',
    from: '2010-07-01',
    until: '2013-03-31',
    label: TVH,
    source: 'Excise Tax Act Sched. VIII; B.C. left HST on 2013-04-01 after the 2011 referendum',
  },
  {
    jurisdiction: 'CA-BC',
    component: 'PST',
    rate: '0.07',
    from: '2013-04-01',
    label: TVP,
    source: 'Provincial Sales Tax Act (B.C.), S.B.C. 2012, c. 35; PST back on 2013-04-01',
  },

  {
    jurisdiction: 'CA-SK',
    component: 'PST',
    rate: '0.05',
    from: '2008-01-01',
    until: '2017-03-22',
    label: TVP,
    source: 'Provincial Sales Tax Act (Sask.)',
  },
  {
    jurisdiction: 'CA-SK',
    component: 'PST',
    rate: '0.06',
    from: '2017-03-23',
    label: TVP,
    source: 'Provincial Sales Tax Act (Sask.); 6 % from 2017-03-23, Saskatchewan Budget 2017-18',
  },

  {
    jurisdiction: 'CA-MB',
    component: 'RST',
    rate: '0.07',
    from: '2008-01-01',
    until: '2013-06-30',
    label: TVD,
    source: 'The Retail Sales Tax Act (Man.), C.C.S.M. c. R130',
  },
  {
    jurisdiction: 'CA-MB',
    component: 'RST',
    rate: '0.08',
    from: '2013-07-01',
    until: '2019-06-30',
    label: TVD,
    source: 'The Retail Sales Tax Act (Man.); 8 % from 2013-07-01, Manitoba Budget 2013',
  },
  {
    jurisdiction: 'CA-MB',
    component: 'RST',
    rate: '0.07',
    from: '2019-07-01',
    label: TVD,
    source:
      'The Retail Sales Tax Act (Man.); 7 % from 2019-07-01, Manitoba Budget 2019 (the 6 % announced for 2020 was deferred)',
  },

  {
    jurisdiction: 'CA-ON',
    component: 'RST',
    rate: '0.08',
    from: '2008-01-01',
    until: '2010-06-30',
    label: TVD,
    source: 'Retail Sales Tax Act (Ont.), R.S.O. 1990, c. R.31, replaced by HST on 2010-07-01',
  },
  {
    jurisdiction: 'CA-ON',
    component: 'HST',
    rate: '0.13',
    from: '2010-07-01',
    label: TVH,
    source: 'Excise Tax Act Sched. VIII; Ontario HST 13 % since 2010-07-01',
  },

  // QST is levied on the price before GST since 2013-01-01 (harmonization agreement with Canada).
  {
    jurisdiction: 'CA-QC',
    component: 'QST',
    rate: '0.09975',
    from: '2013-01-01',
    label: TVQ,
    source: 'Act respecting the Québec sales tax, CQLR c. T-0.1, s. 16; 9.975 % on the pre-GST price since 2013-01-01',
  },

  {
    jurisdiction: 'CA-NB',
    component: 'HST',
    rate: '0.13',
    from: '2008-01-01',
    until: '2016-06-30',
    label: TVH,
    source: 'Excise Tax Act Sched. VIII',
  },
  {
    jurisdiction: 'CA-NB',
    component: 'HST',
    rate: '0.15',
    from: '2016-07-01',
    label: TVH,
    source: 'Excise Tax Act Sched. VIII; 15 % from 2016-07-01, New Brunswick Budget 2016-17',
  },

  {
    jurisdiction: 'CA-NL',
    component: 'HST',
    rate: '0.13',
    from: '2008-01-01',
    until: '2016-06-30',
    label: TVH,
    source: 'Excise Tax Act Sched. VIII',
  },
  {
    jurisdiction: 'CA-NL',
    component: 'HST',
    rate: '0.15',
    from: '2016-07-01',
    label: TVH,
    source: 'Excise Tax Act Sched. VIII; 15 % from 2016-07-01, Newfoundland and Labrador Budget 2016',
  },

  {
    jurisdiction: 'CA-NS',
    component: 'HST',
    rate: '0.13',
    from: '2008-01-01',
    until: '2010-06-30',
    label: TVH,
    source: 'Excise Tax Act Sched. VIII',
  },
  {
    jurisdiction: 'CA-NS',
    component: 'HST',
    rate: '0.15',
    from: '2010-07-01',
    until: '2025-03-31',
    label: TVH,
    source: 'Excise Tax Act Sched. VIII; 15 % from 2010-07-01, Nova Scotia Budget 2010-11',
  },
  {
    jurisdiction: 'CA-NS',
    component: 'HST',
    rate: '0.14',
    from: '2025-04-01',
    label: TVH,
    source: 'Excise Tax Act Sched. VIII; NS HST 14 % from 2025-04-01, Nova Scotia Finance and Treasury Board notice',
  },

  {
    jurisdiction: 'CA-PE',
    component: 'HST',
    rate: '0.14',
    from: '2013-04-01',
    until: '2016-09-30',
    label: TVH,
    source: 'Excise Tax Act Sched. VIII; P.E.I. joined HST on 2013-04-01',
  },
  {
    jurisdiction: 'CA-PE',
    component: 'HST',
    rate: '0.15',
    from: '2016-10-01',
    label: TVH,
    source: 'Excise Tax Act Sched. VIII; 15 % from 2016-10-01, P.E.I. Budget 2016',
  },
];

// French labels keep a no-break space before "%" (French typography), so a label never wraps there.
const FRANCE: readonly TaxRate[] = [
  {
    jurisdiction: 'FR',
    component: 'TVA',
    rateClass: 'normal',
    rate: '0.20',
    from: '2014-01-01',
    label: { fr: 'TVA 20\u00a0%', en: 'VAT 20%' },
    source: 'CGI art. 278; 20 % since 2014-01-01 (loi n° 2012-1510 du 29 décembre 2012)',
  },
  {
    jurisdiction: 'FR',
    component: 'TVA',
    rateClass: 'intermediate',
    rate: '0.10',
    from: '2014-01-01',
    label: { fr: 'TVA 10\u00a0%', en: 'VAT 10%' },
    source: 'CGI art. 278 bis and 279; 10 % since 2014-01-01 (loi n° 2012-1510 du 29 décembre 2012)',
  },
  {
    jurisdiction: 'FR',
    component: 'TVA',
    rateClass: 'reduced',
    rate: '0.055',
    from: '2014-01-01',
    label: { fr: 'TVA 5,5\u00a0%', en: 'VAT 5.5%' },
    source: 'CGI art. 278-0 bis',
  },
  {
    jurisdiction: 'FR',
    component: 'TVA',
    rateClass: 'special',
    rate: '0.021',
    from: '2014-01-01',
    label: { fr: 'TVA 2,1\u00a0%', en: 'VAT 2.1%' },
    source: 'CGI art. 281 quater to 281 nonies',
  },
];

/** Every dated rate Comptoir knows, Canada then France. */
export const TAX_RATES: readonly TaxRate[] = [...CANADA, ...FRANCE];
