/**
 * ISO 3166-1 countries and a tolerant reader for the country cells found in customer files.
 *
 * SecuTix wants the alpha-2 code in COUNTRY (spec §3.5; `GB`, never `UK`). Country names in
 * EN/FR/DE/IT come from the runtime's ICU data (`Intl.DisplayNames`, full ICU in Node ≥ 13 and in
 * Chromium), so this file only carries the code table plus the variants ICU does not know
 * (`Schweiz`, `Holland`, `England`, `UK`, …). Pure TS: imported by the field model, checks,
 * postcode check and dedupe, in the main process, workers and the renderer.
 */
import { normalizeKey } from '../text/normalize';

/** alpha-2 → alpha-3, all 249 ISO 3166-1 entries, plus XK (Kosovo, user-assigned but in common use). */
const ALPHA3_TABLE =
  'AD AND AE ARE AF AFG AG ATG AI AIA AL ALB AM ARM AO AGO AQ ATA AR ARG AS ASM AT AUT AU AUS AW ABW ' +
  'AX ALA AZ AZE BA BIH BB BRB BD BGD BE BEL BF BFA BG BGR BH BHR BI BDI BJ BEN BL BLM BM BMU BN BRN ' +
  'BO BOL BQ BES BR BRA BS BHS BT BTN BV BVT BW BWA BY BLR BZ BLZ CA CAN CC CCK CD COD CF CAF CG COG ' +
  'CH CHE CI CIV CK COK CL CHL CM CMR CN CHN CO COL CR CRI CU CUB CV CPV CW CUW CX CXR CY CYP CZ CZE ' +
  'DE DEU DJ DJI DK DNK DM DMA DO DOM DZ DZA EC ECU EE EST EG EGY EH ESH ER ERI ES ESP ET ETH FI FIN ' +
  'FJ FJI FK FLK FM FSM FO FRO FR FRA GA GAB GB GBR GD GRD GE GEO GF GUF GG GGY GH GHA GI GIB GL GRL ' +
  'GM GMB GN GIN GP GLP GQ GNQ GR GRC GS SGS GT GTM GU GUM GW GNB GY GUY HK HKG HM HMD HN HND HR HRV ' +
  'HT HTI HU HUN ID IDN IE IRL IL ISR IM IMN IN IND IO IOT IQ IRQ IR IRN IS ISL IT ITA JE JEY JM JAM ' +
  'JO JOR JP JPN KE KEN KG KGZ KH KHM KI KIR KM COM KN KNA KP PRK KR KOR KW KWT KY CYM KZ KAZ LA LAO ' +
  'LB LBN LC LCA LI LIE LK LKA LR LBR LS LSO LT LTU LU LUX LV LVA LY LBY MA MAR MC MCO MD MDA ME MNE ' +
  'MF MAF MG MDG MH MHL MK MKD ML MLI MM MMR MN MNG MO MAC MP MNP MQ MTQ MR MRT MS MSR MT MLT MU MUS ' +
  'MV MDV MW MWI MX MEX MY MYS MZ MOZ NA NAM NC NCL NE NER NF NFK NG NGA NI NIC NL NLD NO NOR NP NPL ' +
  'NR NRU NU NIU NZ NZL OM OMN PA PAN PE PER PF PYF PG PNG PH PHL PK PAK PL POL PM SPM PN PCN PR PRI ' +
  'PS PSE PT PRT PW PLW PY PRY QA QAT RE REU RO ROU RS SRB RU RUS RW RWA SA SAU SB SLB SC SYC SD SDN ' +
  'SE SWE SG SGP SH SHN SI SVN SJ SJM SK SVK SL SLE SM SMR SN SEN SO SOM SR SUR SS SSD ST STP SV SLV ' +
  'SX SXM SY SYR SZ SWZ TC TCA TD TCD TF ATF TG TGO TH THA TJ TJK TK TKL TL TLS TM TKM TN TUN TO TON ' +
  'TR TUR TT TTO TV TUV TW TWN TZ TZA UA UKR UG UGA UM UMI US USA UY URY UZ UZB VA VAT VC VCT VE VEN ' +
  'VG VGB VI VIR VN VNM VU VUT WF WLF WS WSM YE YEM YT MYT ZA ZAF ZM ZMB ZW ZWE XK XKX';

const ALPHA2_TO_3 = new Map<string, string>();
const ALPHA3_TO_2 = new Map<string, string>();
{
  const parts = ALPHA3_TABLE.split(' ');
  for (let i = 0; i < parts.length; i += 2) {
    ALPHA2_TO_3.set(parts[i]!, parts[i + 1]!);
    ALPHA3_TO_2.set(parts[i + 1]!, parts[i]!);
  }
}

/** Every alpha-2 code this module knows (ISO 3166-1 + XK), upper case. */
export const COUNTRY_CODES: readonly string[] = [...ALPHA2_TO_3.keys()];

export const NAME_LANGUAGES = ['en', 'fr', 'de', 'it'] as const;
export type NameLanguage = (typeof NAME_LANGUAGES)[number];

/**
 * Spellings ICU does not give (local names, old names, abbreviations, regions that customers
 * type in the country column). Keys go through `countryKey`, so accents/case/punctuation don't matter.
 */
const VARIANTS: Record<string, string> = {
  // Switzerland and neighbours
  schweiz: 'CH',
  suisse: 'CH',
  svizzera: 'CH',
  svizra: 'CH',
  helvetia: 'CH',
  'confederation suisse': 'CH',
  'schweizerische eidgenossenschaft': 'CH',
  'swiss confederation': 'CH',
  swiss: 'CH',
  sui: 'CH',
  'fuerstentum liechtenstein': 'LI',
  'furstentum liechtenstein': 'LI',
  fl: 'LI',
  oesterreich: 'AT',
  osterreich: 'AT',
  autriche: 'AT',
  'republik osterreich': 'AT',
  deutschland: 'DE',
  allemagne: 'DE',
  germania: 'DE',
  brd: 'DE',
  'bundesrepublik deutschland': 'DE',
  frankreich: 'FR',
  francia: 'FR',
  'republique francaise': 'FR',
  italien: 'IT',
  italie: 'IT',
  italia: 'IT',
  // United Kingdom
  uk: 'GB',
  'u k': 'GB',
  'united kingdom': 'GB',
  'great britain': 'GB',
  britain: 'GB',
  'grande bretagne': 'GB',
  'gran bretagna': 'GB',
  grossbritannien: 'GB',
  'royaume uni': 'GB',
  'regno unito': 'GB',
  'vereinigtes konigreich': 'GB',
  england: 'GB',
  angleterre: 'GB',
  inghilterra: 'GB',
  scotland: 'GB',
  ecosse: 'GB',
  schottland: 'GB',
  scozia: 'GB',
  wales: 'GB',
  'pays de galles': 'GB',
  'northern ireland': 'GB',
  'irlande du nord': 'GB',
  nordirland: 'GB',
  // Benelux and others often written informally
  holland: 'NL',
  hollande: 'NL',
  olanda: 'NL',
  'the netherlands': 'NL',
  'pays bas': 'NL',
  niederlande: 'NL',
  nederland: 'NL',
  belgie: 'BE',
  belgique: 'BE',
  belgien: 'BE',
  belgio: 'BE',
  letzebuerg: 'LU',
  espana: 'ES',
  spanien: 'ES',
  espagne: 'ES',
  spagna: 'ES',
  portogallo: 'PT',
  'the usa': 'US',
  usa: 'US',
  'u s a': 'US',
  'u s': 'US',
  america: 'US',
  'united states of america': 'US',
  amerika: 'US',
  'etats unis': 'US',
  'etats unis d amerique': 'US',
  'vereinigte staaten': 'US',
  'stati uniti': 'US',
  eire: 'IE',
  irland: 'IE',
  irlande: 'IE',
  irlanda: 'IE',
  'republic of ireland': 'IE',
  russia: 'RU',
  russland: 'RU',
  russie: 'RU',
  'south korea': 'KR',
  korea: 'KR',
  'north korea': 'KP',
  turkey: 'TR',
  turkei: 'TR',
  turquie: 'TR',
  turchia: 'TR',
  turkiye: 'TR',
  czechia: 'CZ',
  'czech republic': 'CZ',
  tschechien: 'CZ',
  'republique tcheque': 'CZ',
  'ivory coast': 'CI',
  'cote d ivoire': 'CI',
  vatican: 'VA',
  'vatican city': 'VA',
  'holy see': 'VA',
  burma: 'MM',
  swaziland: 'SZ',
  macedonia: 'MK',
  'north macedonia': 'MK',
  'hong kong': 'HK',
  macau: 'MO',
  'cape verde': 'CV',
  'east timor': 'TL',
  uae: 'AE',
  'emirats arabes unis': 'AE',
  vae: 'AE',
  tchequie: 'CZ',
  bosnie: 'BA',
  bosnia: 'BA',
  'la reunion': 'RE',
  reunion: 'RE',
};

/** Comparison key: accents/case folded, punctuation → space, leading articles dropped. */
export function countryKey(value: string): string {
  return normalizeKey(value.replace(/[.,;:/\\()'’"_-]+/g, ' '))
    .replace(/^(the|la|le|les|l|die|der|das|il|lo|gli|i|el) /, '')
    .trim();
}

let nameIndex: Map<string, string> | undefined;

/** Name → code, built on first use from ICU names in the four languages plus VARIANTS. */
function names(): Map<string, string> {
  if (nameIndex) return nameIndex;
  const index = new Map<string, string>();
  for (const lang of NAME_LANGUAGES) {
    const display = safeDisplayNames(lang);
    if (!display) continue;
    for (const code of COUNTRY_CODES) {
      const name = display.of(code);
      if (name && name !== code) index.set(countryKey(name), code);
    }
  }
  for (const [variant, code] of Object.entries(VARIANTS)) index.set(countryKey(variant), code);
  nameIndex = index;
  return index;
}

function safeDisplayNames(lang: string): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
  } catch {
    return undefined;
  }
}

/** Country name in one of the UI languages (`CH`, 'fr' → `Suisse`); the code when unknown. */
export function countryName(code: string, lang: NameLanguage = 'en'): string {
  return safeDisplayNames(lang)?.of(code.toUpperCase()) ?? code;
}

export function isCountryCode(code: string): boolean {
  return ALPHA2_TO_3.has(code);
}

export function alpha3Of(code: string): string | undefined {
  return ALPHA2_TO_3.get(code.toUpperCase());
}

export interface CountryMatch {
  /** ISO 3166-1 alpha-2, upper case. */
  code: string;
  /** 1 = the value already is the code; ≥ 0.9 = exact name/code in another form; < 0.8 = guessed (typo). */
  confidence: number;
}

/**
 * Reads a country cell: `CH`, `ch`, `CHE`, `Suisse`, `Schweiz`, `Switzerland (CH)`, `UK`, `Holland`,
 * `Deutchland` (typo, low confidence). Returns undefined when nothing fits.
 */
export function normalizeCountry(value: string | null | undefined): CountryMatch | undefined {
  if (value == null) return undefined;
  // Country columns repeat a few hundred spellings over millions of rows: remember the answers.
  const cached = memo.get(value);
  if (cached !== undefined) return cached ?? undefined;
  const result = readCountry(value);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(value, result ?? null);
  return result;
}

const MEMO_LIMIT = 20_000;
const memo = new Map<string, CountryMatch | null>();

function readCountry(value: string): CountryMatch | undefined {
  const raw = value.trim();
  if (raw === '') return undefined;
  // `EN` (spec §3.5 typo) is not in the table, so it falls through to "unknown".
  if (ALPHA2_TO_3.has(raw)) return { code: raw, confidence: 1 };
  const upper = raw.toUpperCase();
  if (upper === 'UK' || upper === 'U.K.') return { code: 'GB', confidence: 0.95 };
  if (/^[A-Z]{2}$/.test(upper) && ALPHA2_TO_3.has(upper)) return { code: upper, confidence: 0.95 };
  if (/^[A-Z]{3}$/.test(upper) && ALPHA3_TO_2.has(upper))
    return { code: ALPHA3_TO_2.get(upper)!, confidence: 0.95 };

  const key = countryKey(raw);
  const byName = names().get(key);
  if (byName) return { code: byName, confidence: 0.95 };

  // "Switzerland (CH)", "CH - Suisse", "Suisse / Schweiz": every part must name the same country.
  const parts = raw
    .split(/[()\-/,]/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length > 1) {
    const found = new Set<string>();
    for (const p of parts) {
      const m = normalizeCountry(p);
      if (!m || m.confidence < 0.9) return fuzzyName(key);
      found.add(m.code);
    }
    if (found.size === 1) return { code: [...found][0]!, confidence: 0.85 };
  }
  return fuzzyName(key);
}

/** One typo (edit distance 1, or 2 for long names) in a name of 6+ letters: `Deutchland`, `Switzerlnd`. */
function fuzzyName(key: string): CountryMatch | undefined {
  if (key.length < 6) return undefined;
  const maxDist = key.length >= 10 ? 2 : 1;
  let best: string | undefined;
  let bestDist = maxDist + 1;
  let tie = false;
  for (const [name, code] of names()) {
    if (Math.abs(name.length - key.length) > maxDist || name.length < 5) continue;
    const d = editDistance(key, name, maxDist);
    if (d < bestDist) {
      bestDist = d;
      best = code;
      tie = false;
    } else if (d === bestDist && code !== best) tie = true;
  }
  if (best === undefined || tie) return undefined;
  return { code: best, confidence: bestDist === 1 ? 0.75 : 0.6 };
}

/** Damerau-Levenshtein (optimal string alignment) with an early exit above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}
