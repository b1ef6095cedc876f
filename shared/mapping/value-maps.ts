import { normalizeKey } from '../text/normalize';
import type { ValueMapPreset } from './schema';

/**
 * Built-in value tables for `valueMap` presets: the spellings customers' files use (EN/FR/DE/IT)
 * → the SecuTix code. Keys are compared through `valueKey` (case, accents, dots and spacing ignored).
 */
const TITLE: Record<string, string> = {
  MR: 'herr|herrn|hr|monsieur|m|mr|mister|sir|signor|signore|sig|sgr|egregio signor|egregio signore|gentile signor|masculin|male|m\u00e4nnlich|homme|uomo|h',
  MRS: 'frau|fr|madame|mme|mrs|ms|signora|sig ra|sigra|gentile signora|egregia signora|feminin|female|weiblich|femme|donna|dame|f|w',
  MISS: 'fraulein|frl|mademoiselle|mlle|miss|signorina|sig na|signa|gentile signorina',
  MR_AND_MRS:
    'herr und frau|herrn und frau|monsieur et madame|m et mme|mr and mrs|mr & mrs|mr mrs|signori|sig ri|famille|familie|family|famiglia',
  UNDEFINED: 'undefined|unknown|inconnu|unbekannt|divers|diverse|other|autre|altro|-',
};

/** Criteria booleans are `T`/`F` in SecuTix (spec §3.7). */
const BOOLEAN: Record<string, string> = {
  T: 'oui|yes|ja|si|s\u00ec|true|vrai|wahr|vero|1|x|y|o|j|t|ok',
  F: 'non|no|nein|false|faux|falsch|falso|0|n|f',
};

/** Preferred language: 2-letter ISO language code, lower case (spec §3.3). */
const LANGUAGE: Record<string, string> = {
  de: 'de|deutsch|german|allemand|tedesco|ger|deu|d|de ch|de de|schweizerdeutsch',
  fr: 'fr|francais|french|franzosisch|francese|fra|fre|f|fr ch|fr fr',
  it: 'it|italiano|italian|italien|italienisch|ita|i|it ch',
  en: 'en|english|anglais|englisch|inglese|eng|e|en gb|en us',
  es: 'es|espanol|spanish|espagnol|spanisch|spagnolo|spa',
  pt: 'pt|portugues|portuguese|portugais|portugiesisch|portoghese|por',
  nl: 'nl|nederlands|dutch|neerlandais|niederlandisch|olandese',
  rm: 'rm|rumantsch|romansh|romanche|ratoromanisch|romancio',
};

/** Country names in the four languages → ISO alpha-2 (spec §3.5: `GB`, not `UK`). */
const COUNTRY: Record<string, string> = {
  CH: 'ch|che|schweiz|suisse|svizzera|switzerland|svizra|confederation suisse',
  FR: 'fr|fra|france|frankreich|francia',
  DE: 'de|deu|ger|deutschland|allemagne|germania|germany|d|brd',
  IT: 'it|ita|italia|italie|italien|italy|i',
  AT: 'at|aut|osterreich|autriche|austria|a',
  LI: 'li|lie|liechtenstein|fl',
  LU: 'lu|lux|luxembourg|luxemburg|lussemburgo|l',
  BE: 'be|bel|belgique|belgien|belgio|belgium|b',
  NL: 'nl|nld|nederland|netherlands|pays bas|niederlande|paesi bassi|holland',
  GB: 'gb|gbr|uk|united kingdom|royaume uni|vereinigtes konigreich|regno unito|great britain|england|grossbritannien|grande bretagne',
  ES: 'es|esp|espana|spain|espagne|spanien|spagna|e',
  PT: 'pt|prt|portugal|portogallo|p',
  US: 'us|usa|united states|etats unis|vereinigte staaten|stati uniti|united states of america',
  CA: 'ca|can|canada|kanada',
  SE: 'se|swe|sweden|suede|schweden|svezia',
  DK: 'dk|dnk|denmark|danemark|danimarca|danemark',
  NO: 'no|nor|norway|norvege|norwegen|norvegia',
  PL: 'pl|pol|poland|pologne|polen|polonia',
  CZ: 'cz|cze|czech republic|czechia|republique tcheque|tschechien|repubblica ceca',
  IE: 'ie|irl|ireland|irlande|irland|irlanda',
  MC: 'mc|mco|monaco',
  JP: 'jp|jpn|japan|japon|giappone',
  CN: 'cn|chn|china|chine|cina',
};

/** Key used to compare values: case, accents, dots, and spacing ignored (`Mme.` = `mme`, `M. et Mme` = `m et mme`). */
export function valueKey(s: string): string {
  return normalizeKey(s.replace(/[.\u2019']/g, ' ').replace(/[/+]/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

function expand(table: Record<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [code, spellings] of Object.entries(table))
    for (const s of spellings.split('|')) out.set(valueKey(s), code);
  return out;
}

const PRESETS: Record<ValueMapPreset, Map<string, string>> = {
  title: expand(TITLE),
  boolean: expand(BOOLEAN),
  language: expand(LANGUAGE),
  country: expand(COUNTRY),
};

/** Academic titles written next to the salutation (`Herr Dr.`, `Frau Prof.`): no gender, ignored for TITLE. */
const ACADEMIC = new Set(['dr', 'prof', 'med', 'phil', 'iur', 'jur', 'lic', 'dipl', 'ing', 'mag', 'pd']);

/** Looks a value up in a preset table; undefined when the preset does not know it. */
export function presetLookup(preset: ValueMapPreset, value: string): string | undefined {
  const key = valueKey(value);
  const hit = PRESETS[preset].get(key);
  if (hit !== undefined || preset !== 'title') return hit;
  const words = key.split(' ').filter((w) => !ACADEMIC.has(w));
  return words.length ? PRESETS.title.get(words.join(' ')) : undefined;
}

/** The codes a preset produces (used to tell a code column apart from a free-text one). */
export function presetCodes(preset: ValueMapPreset): Set<string> {
  return new Set(PRESETS[preset].values());
}
