/**
 * Everything but names and places that a generated contact is built from: streets, phone number
 * plans, e-mail domains, the ways customers write country, salutation and language, company names
 * and free-text remarks. Country-specific so each record looks like it came from that country.
 */
import type { Culture } from './name-pools';
import type { CountryCode } from './postal-pools';
import type { Prng } from './prng';

const list = (s: string): string[] =>
  s
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);

/** Street names per country (without house number). Swiss French and Italian streets come from `fr`/`it`. */
export const STREETS: Record<CountryCode | 'CH-fr' | 'CH-it', string[]> = {
  CH: list(`Bahnhofstrasse|Hauptstrasse|Dorfstrasse|Kirchgasse|Seestrasse|Schulstrasse|Poststrasse|
    Gartenstrasse|Industriestrasse|Bergstrasse|Rosenweg|Birkenweg|Lindenstrasse|Sonnenbergstrasse|
    Zürcherstrasse|Bernstrasse|Badenerstrasse|Langstrasse|Schaffhauserstrasse|Winterthurerstrasse|
    Oberdorfstrasse|Unterdorfstrasse|Mühlestrasse|Feldstrasse|Kreuzstrasse|Rütistrasse|Weinbergstrasse|
    Chrüzacher|Im Grund|Spitalgasse|Marktgasse|Kramgasse|Gerechtigkeitsgasse|Freie Strasse|Steinenvorstadt|
    Güterstrasse|St. Alban-Vorstadt|Hofstrasse|Aarbergergasse|Laupenstrasse|Thunstrasse|Murtenstrasse`),
  'CH-fr':
    list(`Rue de la Gare|Avenue de la Gare|Rue du Lac|Chemin des Vignes|Route de Lausanne|Rue du Marché|
    Avenue de Cour|Chemin de la Forêt|Rue des Alpes|Rue de Genève|Avenue du Léman|Rue du Simplon|
    Place de la Riponne|Rue de Bourg|Rue Centrale|Chemin du Pré|Route de Berne|Rue de Carouge|
    Boulevard Carl-Vogt|Avenue Louis-Ruchonnet|Rue des Eaux-Vives|Chemin de Beau-Soleil|Rue du Rhône`),
  'CH-it': list(`Via San Gottardo|Via Cantonale|Via Nassa|Via Pretorio|Corso Elvezia|Via Lugano|Piazza Grande|
    Via della Posta|Via ai Monti|Via Ciseri|Via Luini|Viale Stazione|Via Simen|Via Vela`),
  FR: list(`rue de la Paix|rue Victor Hugo|avenue Jean Jaurès|boulevard Gambetta|rue de la République|
    place de la Mairie|rue Pasteur|rue du Général de Gaulle|avenue Foch|rue des Écoles|chemin du Moulin|
    rue Nationale|allée des Tilleuls|impasse des Lilas|rue Saint-Michel|quai de Saône|cours Lafayette|
    rue Émile Zola|avenue de Genève|route d'Annecy`),
  DE: list(`Hauptstraße|Schulstraße|Gartenstraße|Bahnhofstraße|Dorfstraße|Bergstraße|Birkenweg|Lindenstraße|
    Kirchstraße|Waldstraße|Ringstraße|Goethestraße|Schillerstraße|Mozartstraße|Friedrichstraße|
    Am Markt|Rosenstraße|Wiesenweg|Kastanienallee|Münchener Straße|Berliner Allee|Königstraße`),
  AT: list(`Hauptstraße|Bahnhofstraße|Kirchengasse|Schulgasse|Mariahilfer Straße|Linzer Straße|Grazer Straße|
    Herrengasse|Landstraße|Wiener Straße|Salzburger Straße|Dorfplatz|Am Anger|Feldgasse|Mühlgasse`),
  IT: list(`Via Roma|Via Garibaldi|Via Mazzini|Via Dante Alighieri|Corso Italia|Via Verdi|Piazza della Repubblica|
    Via Cavour|Via Milano|Viale Europa|Via San Francesco|Via Marconi|Corso Vittorio Emanuele II|Via Manzoni`),
  GB: list(`High Street|Station Road|Main Street|Park Road|Church Road|Church Street|London Road|Victoria Road|
    Green Lane|Manor Road|Church Lane|Park Avenue|The Avenue|Queens Road|New Road|Grange Road|Kings Road|
    Mill Lane|School Lane|The Crescent|Albert Road|York Road`),
};

/** Street line as written in that country (number first in France and the UK). */
export function streetLine(rng: Prng, country: CountryCode, language: Culture): string {
  const key =
    country === 'CH' && language !== 'de' ? (`CH-${language === 'it' ? 'it' : 'fr'}` as const) : country;
  const street = rng.pick(STREETS[key]);
  const n =
    String(rng.int(1, rng.chance(0.8) ? 60 : 250)) + (rng.chance(0.06) ? rng.pick(['a', 'b', 'A']) : '');
  if (country === 'FR') return `${n}${rng.chance(0.3) ? ',' : ''} ${street}`;
  if (country === 'GB') return `${n} ${street}`;
  if (country === 'IT') return `${street}${rng.chance(0.3) ? ',' : ''} ${n}`;
  return `${street} ${n}`;
}

type PhoneRange = [prefix: string, digits: number, lead?: string];

interface PhonePlan {
  dial: string;
  /**
   * National prefixes without the trunk 0 (`79`), the subscriber digit count and, where a range is
   * unallocated, the digits a subscriber number may start with (checked against libphonenumber's
   * metadata so clean numbers pass a phone check).
   */
  mobile: PhoneRange[];
  fixed: PhoneRange[];
  trunk: boolean;
}

export const PHONE_PLANS: Record<CountryCode, PhonePlan> = {
  CH: {
    dial: '41',
    trunk: true,
    mobile: ['79', '78', '76', '77', '75'].map((p) => [p, 7]),
    fixed: [
      '21',
      '22',
      '24',
      '26',
      '27',
      '31',
      '32',
      '41',
      '43',
      '44',
      '52',
      '56',
      '61',
      '62',
      '71',
      '81',
      '91',
    ].map((p) => [p, 7]),
  },
  FR: {
    dial: '33',
    trunk: true,
    mobile: [
      ['6', 8, '1245678'],
      ['7', 8, '3456789'],
    ],
    fixed: [
      ['1', 8],
      ['2', 8, '12345789'],
      ['3', 8],
      ['4', 8],
      ['5', 8, '12345678'],
    ],
  },
  DE: {
    dial: '49',
    trunk: true,
    mobile: ['151', '152', '160', '170', '171', '172', '176', '178'].map((p) => [p, 8]),
    fixed: [
      ['30', 8],
      ['40', 8],
      ['89', 8],
      ['69', 8],
      ['221', 7],
      ['711', 7],
    ],
  },
  AT: {
    dial: '43',
    trunk: true,
    mobile: ['664', '660', '676', '699', '650'].map((p) => [p, 7]),
    fixed: [
      ['1', 7, '23456789'],
      ['316', 6],
      ['512', 6],
      ['662', 6],
      ['732', 6],
    ],
  },
  IT: {
    dial: '39',
    trunk: false,
    mobile: ['320', '328', '333', '339', '340', '347', '348', '349', '366', '388'].map((p) => [p, 7]),
    fixed: [
      ['02', 8],
      ['06', 8],
      ['011', 7],
      ['055', 7],
      ['091', 7],
    ],
  },
  GB: {
    dial: '44',
    trunk: true,
    mobile: ['7711', '7812', '7903', '7960', '7448', '7534'].map((p) => [p, 6]),
    fixed: [
      ['20', 8, '378'],
      ['161', 7],
      ['131', 7, '12345678'],
      ['117', 7, '2349'],
      ['113', 7, '23458'],
    ],
  },
};

export interface Phone {
  country: CountryCode;
  /** Area or mobile prefix without the trunk 0 (`79`, `171`). */
  prefix: string;
  subscriber: string;
}

export function phoneNumber(rng: Prng, country: CountryCode, kind: 'mobile' | 'fixed'): Phone {
  const [prefix, digits, lead = '123456789'] = rng.pick(PHONE_PLANS[country][kind]);
  return { country, prefix, subscriber: lead[rng.int(0, lead.length - 1)]! + rng.digits(digits - 1) };
}

export type PhoneStyle = 'national' | 'international' | 'compact' | 'e164' | 'double-zero' | 'slash';

/** Subscriber digits grouped as usual in the country (`123 45 67` in CH, pairs in FR). */
function groupSubscriber(country: CountryCode, s: string): string {
  if (country === 'CH' && s.length === 7) return `${s.slice(0, 3)} ${s.slice(3, 5)} ${s.slice(5)}`;
  if (country === 'FR') return s.replace(/(\d{2})(?=\d)/g, '$1 ');
  return s;
}

/** Writes a number the ways people do: `079 123 45 67`, `+41 79 123 45 67`, `0041791234567` … */
export function formatPhone(phone: Phone, style: PhoneStyle): string {
  const { dial, trunk } = PHONE_PLANS[phone.country];
  const { prefix, subscriber } = phone;
  const trunkPrefix = (trunk ? '0' : '') + prefix;
  const grouped = groupSubscriber(phone.country, subscriber);
  switch (style) {
    case 'national':
      return `${trunkPrefix} ${grouped}`;
    case 'slash':
      return `${trunkPrefix}/${grouped}`;
    case 'international':
      return `+${dial} ${prefix} ${grouped}`;
    case 'compact':
      return trunkPrefix + subscriber;
    case 'e164':
      return `+${dial}${prefix}${subscriber}`;
    case 'double-zero':
      return `00${dial}${prefix}${subscriber}`;
  }
}

export const EMAIL_DOMAINS: Record<CountryCode, string[]> = {
  CH: list(
    'bluewin.ch|gmail.com|gmx.ch|hispeed.ch|sunrise.ch|hotmail.com|outlook.com|yahoo.com|bluemail.ch|icloud.com',
  ),
  FR: list('orange.fr|gmail.com|free.fr|wanadoo.fr|laposte.net|hotmail.fr|yahoo.fr|sfr.fr|outlook.fr'),
  DE: list('gmx.de|web.de|t-online.de|gmail.com|yahoo.de|freenet.de|outlook.de'),
  AT: list('gmx.at|aon.at|chello.at|gmail.com|a1.net|hotmail.com'),
  IT: list('libero.it|gmail.com|virgilio.it|alice.it|hotmail.it|tiscali.it'),
  GB: list('btinternet.com|gmail.com|hotmail.co.uk|yahoo.co.uk|outlook.com|sky.com|aol.com'),
};

/** How the `Land` column spells each country (ISO code, or the name in several languages). */
export const COUNTRY_SPELLINGS: Record<CountryCode, string[]> = {
  CH: list('CH|CH|CH|Schweiz|Suisse|Switzerland|Svizzera|CHE'),
  FR: list('FR|Frankreich|France|Francia|F'),
  DE: list('DE|Deutschland|Allemagne|Germany|D'),
  AT: list('AT|Österreich|Autriche|Austria|A'),
  IT: list('IT|Italien|Italie|Italia|Italy|I'),
  GB: list('GB|UK|Grossbritannien|United Kingdom|Royaume-Uni|England'),
};

export const SALUTATIONS: Record<Culture, { male: string[]; female: string[] }> = {
  de: { male: list('Herr|Herr|Herr|Hr.|Herr Dr.'), female: list('Frau|Frau|Frau|Fr.|Frau Dr.') },
  fr: { male: list('Monsieur|M.|M.|Monsieur|Dr'), female: list('Madame|Mme|Mme|Madame|Mlle') },
  it: {
    male: list('Signor|Sig.|Sig.|Egregio Signor'),
    female: list('Signora|Sig.ra|Sig.ra|Gentile Signora'),
  },
  en: { male: list('Mr|Mr.|Mr|Dr'), female: list('Mrs|Ms|Mrs.|Miss|Dr') },
};

/** `Sprache` values: short codes, ISO codes, or the language name. */
export const LANGUAGE_SPELLINGS: Record<Culture, string[]> = {
  de: list('D|D|D|de|de|DE|Deutsch|deutsch'),
  fr: list('F|F|F|fr|fr|FR|Französisch|Français'),
  it: list('I|I|it|it|IT|Italienisch|Italiano'),
  en: list('E|E|en|en|EN|Englisch|English'),
};

const COMPANY_PATTERNS: Record<Culture, string[]> = {
  de: list(`{L} AG|{L} & Co. AG|{L} GmbH|Schreinerei {L}|Bäckerei {L}|Garage {L} AG|Treuhand {L} & Partner|
    {L} Immobilien AG|Architekturbüro {L}|Gemeinde {T}|Musikverein {T}|{L} Elektro GmbH|Praxis Dr. {L}`),
  fr: list(`{L} SA|{L} Sàrl|Boulangerie {L}|Garage du Lac SA|Fiduciaire {L} SA|Commune de {T}|
    Cabinet médical {L}|{L} & Fils SA|Café du Commerce|Pharmacie {L} Sàrl|Chœur mixte de {T}`),
  it: list(`{L} SA|{L} Sagl|Ristorante {L}|{L} S.r.l.|Fiduciaria {L} SA|Comune di {T}|Farmacia {L}`),
  en: list(`{L} Ltd|{L} & Sons Ltd|{L} Consulting Ltd|{L} plc|The {L} Trust|{T} Theatre Society`),
};

export function companyName(rng: Prng, culture: Culture, lastName: string, town: string): string {
  return rng.pick(COMPANY_PATTERNS[culture]).replace('{L}', lastName).replace('{T}', town);
}

/** Free-text remarks; some contain commas, quotes or a line break to exercise CSV quoting. */
export const REMARKS: string[] = [
  'Abonnent seit 2015',
  'VIP',
  'Newsletter: ja',
  'bitte nicht anrufen',
  'Gönner, Kategorie B',
  'Abo Saison 2024/25',
  'client fidèle',
  'ne souhaite pas recevoir de courrier',
  'Rollstuhlplatz benötigt',
  'Pressekontakt',
  'Adresse geändert 03.2023',
  'Member "Friends of the Opera"',
  'Rechnung an Firma, z.H. Buchhaltung',
  'Zeile 1\nZeile 2: Notiz aus altem System',
  'Ehemann: siehe Kundennr. 004711',
  'abonnement annulé; rembourser',
  'cliente dal 2010',
  'Sponsor',
];
