/**
 * Real postcode ↔ town pairs for the bench data generator, read from the reference files in
 * `/work/shared/data/postal/` (see its README). Every distinct pair is kept (not a sample): with a
 * few hundred places per country, 1M generated rows put so many people in one postcode that
 * unrelated namesakes (same name, same postcode) outnumbered the real duplicates.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Culture } from './name-pools';

export type CountryCode = 'CH' | 'FR' | 'DE' | 'AT' | 'IT' | 'GB';

export interface Place {
  country: CountryCode;
  /** For GB only the outward code (`M9`); the generator adds an inward part. */
  postcode: string;
  town: string;
  language: Culture;
}

export interface CountryPlaces {
  /** Large towns, picked more often (customers cluster in cities). */
  cities: Place[];
  others: Place[];
}

export const POSTAL_DATA_DIR = process.env.CPREP_POSTAL_DIR ?? '/work/shared/data/postal';

export const POSTAL_FILES = {
  CH: 'nimand2-winklar/AMTOVZ_CSV_LV95.csv',
  FR: 'ENS-MediTech-code/019HexaSmal.csv',
  DE: 'symerio-postal-codes-data/DE.txt',
  AT: 'symerio-postal-codes-data/AT.txt',
  IT: 'symerio-postal-codes-data/IT.txt',
  GB: 'symerio-postal-codes-data/GB.txt',
} as const satisfies Record<CountryCode, string>;

const CH_CITIES = new Set(
  'Zürich Genève Basel Bern Lausanne Winterthur Luzern St. Gallen Lugano Biel/Bienne Fribourg Neuchâtel Sion Thun Köniz Chur Schaffhausen Vevey Montreux Nyon'.split(
    ' ',
  ),
);
const FR_CITIES = new Set(
  'PARIS LYON MARSEILLE LILLE STRASBOURG ANNECY ANNEMASSE TOULOUSE NICE BORDEAUX NANTES GRENOBLE'.split(' '),
);
function uniqueBy(places: Place[]): Place[] {
  const seen = new Set<string>();
  return places.filter((p) => {
    const key = `${p.postcode}|${p.town}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function readLines(file: string, encoding: BufferEncoding = 'utf8'): string[] {
  return readFileSync(join(POSTAL_DATA_DIR, file), encoding)
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
}

function loadSwiss(): CountryPlaces {
  // Ortschaftsname;PLZ4;Zusatzziffer;ZIP_ID;Gemeindename;BFS-Nr;Kantonskürzel;…;Sprache;Validity
  const all: Place[] = [];
  for (const line of readLines(POSTAL_FILES.CH).slice(1)) {
    const f = line.split(';');
    const [town, postcode, canton, lang] = [f[0]!, f[1]!, f[6]!, f[10]!];
    if (canton === '' || /\s\d+$/.test(town)) continue; // Liechtenstein; numbered sub-offices
    const language: Culture = lang === 'fr' ? 'fr' : lang === 'it' ? 'it' : 'de';
    all.push({ country: 'CH', postcode, town, language });
  }
  const unique = uniqueBy(all);
  return {
    cities: unique.filter((p) => CH_CITIES.has(p.town)),
    others: unique.filter((p) => !CH_CITIES.has(p.town)),
  };
}

function loadFrench(): CountryPlaces {
  // Latin-1. #Code_commune_INSEE;Nom_de_la_commune;Code_postal;Libellé_d_acheminement;Ligne_5
  const all: Place[] = [];
  for (const line of readLines(POSTAL_FILES.FR, 'latin1').slice(1)) {
    const f = line.split(';');
    const postcode = f[2]!;
    if (/^9[78]/.test(postcode)) continue; // overseas and Monaco
    all.push({ country: 'FR', postcode, town: f[3]!, language: 'fr' });
  }
  const unique = uniqueBy(all);
  return {
    cities: unique.filter((p) => FR_CITIES.has(p.town)),
    others: unique.filter((p) => !FR_CITIES.has(p.town)),
  };
}

function loadGeonames(country: 'DE' | 'AT' | 'IT' | 'GB', language: Culture): CountryPlaces {
  // No header; tab-separated: country, postcode, place name, admin1 …
  const all: Place[] = [];
  for (const line of readLines(POSTAL_FILES[country])) {
    const f = line.split('\t');
    all.push({ country, postcode: f[1]!, town: f[2]!, language });
  }
  return { cities: [], others: uniqueBy(all) };
}

let cache: Record<CountryCode, CountryPlaces> | undefined;

/** The place pools per country (read once per process). */
export function placePools(): Record<CountryCode, CountryPlaces> {
  cache ??= {
    CH: loadSwiss(),
    FR: loadFrench(),
    DE: loadGeonames('DE', 'de'),
    AT: loadGeonames('AT', 'de'),
    IT: loadGeonames('IT', 'it'),
    GB: loadGeonames('GB', 'en'),
  };
  return cache;
}
