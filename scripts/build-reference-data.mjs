// Builds the compact offline reference data shipped in resources/ (postal + names) from the
// raw open-data copies in ../shared/data/postal (see resources/README.md for sources/licences).
//
//   node scripts/build-reference-data.mjs [--postal DIR] [--faker DIR] [--out DIR (default resources/)]
//
// Postal output: resources/postal/<CC>.tsv, UTF-8, LF, sorted, one `postcode<TAB>town` per line;
// a third column `*` marks an alias (a spelling that counts as correct but is never suggested).
// Names output (only with --faker, the unpacked npm package @faker-js/faker, MIT):
// resources/names/first-names.txt and last-names.txt, one name per line.
// The script is deterministic: re-running it on the same inputs gives identical files.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const postalDir = arg('--postal', join(root, '../shared/data/postal'));
const fakerDir = arg('--faker', undefined);
const outDir = arg('--out', join(root, 'resources'));
const outPostal = join(outDir, 'postal');
const outNames = join(outDir, 'names');

const geonames = (cc) =>
  readFileSync(join(postalDir, 'symerio-postal-codes-data', `${cc}.txt`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t'));
const zauberware = (cc) =>
  execFileSync(
    'unzip',
    [
      '-p',
      join(postalDir, 'zauberware-postal-codes-json-xml-csv', `${cc}.zip`),
      `zipcodes.${cc.toLowerCase()}.csv`,
    ],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  )
    .toString('utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(','));

// Same idea as the loader's town key: an alias that only differs by accents, case, hyphens or
// `St`/`Saint` from a spelling already listed adds nothing.
const matchKey = (s) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(st|sankt|san)\b/g, 'saint')
    .replace(/\b(ste)\b/g, 'sainte')
    .trim();

/** Collects (postcode, town) pairs; a primary spelling wins over the same pair as alias. */
class PairSet {
  map = new Map();
  keys = new Set();
  add(postcode, town, alias = false) {
    postcode = postcode.trim();
    town = town.replace(/\s+/g, ' ').trim();
    if (!postcode || !town) return;
    const key = `${postcode}\t${town}`;
    const folded = `${postcode}\t${matchKey(town)}`;
    if (alias && this.keys.has(folded)) return;
    this.keys.add(folded);
    if (!alias || !this.map.has(key)) this.map.set(key, alias && this.map.get(key) !== false);
  }
  hasPostcode(postcode) {
    for (const k of this.map.keys()) if (k.startsWith(`${postcode}\t`)) return true;
    return false;
  }
  /** Adds each part of bilingual names (`Biel/Bienne`) and well-known exonyms as aliases. */
  addAliases(cc) {
    const exonyms = EXONYMS[cc] ?? {};
    for (const [k, alias] of [...this.map.entries()]) {
      if (alias) continue;
      const [postcode, town] = k.split('\t');
      if (town.includes('/')) for (const part of town.split('/')) this.add(postcode, part, true);
      const key = matchKey(town);
      for (const [official, others] of Object.entries(exonyms)) {
        const o = matchKey(official);
        if (key !== o && !key.startsWith(`${o} `)) continue;
        for (const other of others.split('|')) this.add(postcode, other + town.slice(official.length), true);
      }
    }
  }
  write(cc) {
    this.addAliases(cc);
    const lines = [...this.map.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, alias]) => (alias ? `${k}\t*` : k));
    writeFileSync(join(outPostal, `${cc}.tsv`), lines.join('\n') + '\n');
    console.log(`${cc}: ${lines.length} pairs`);
  }
}

// Names in the other national languages and English that people really write on addresses.
// GeoNames BE lists each place in one language only; CH/IT/AT cities have common exonyms.
const EXONYMS = {
  BE: {
    Bruxelles: 'Brussel|Brussels|Brüssel',
    Anvers: 'Antwerpen|Antwerp',
    Antwerpen: 'Anvers|Antwerp',
    Gent: 'Gand|Ghent',
    Liège: 'Luik|Lüttich',
    Leuven: 'Louvain',
    Mechelen: 'Malines',
    Brugge: 'Bruges',
    Namur: 'Namen',
    Mons: 'Bergen',
    Kortrijk: 'Courtrai',
    Tournai: 'Doornik',
    Ieper: 'Ypres',
    Ixelles: 'Elsene',
    Schaerbeek: 'Schaarbeek',
    Uccle: 'Ukkel',
    Etterbeek: 'Etterbeek',
    Forest: 'Vorst',
    'Saint-Gilles': 'Sint-Gillis',
    'Woluwe-Saint-Lambert': 'Sint-Lambrechts-Woluwe',
    'Woluwe-Saint-Pierre': 'Sint-Pieters-Woluwe',
    'Molenbeek-Saint-Jean': 'Sint-Jans-Molenbeek',
    'Saint-Josse-Ten-Noode': 'Sint-Joost-ten-Node',
    Auderghem: 'Oudergem',
    'Watermael-Boitsfort': 'Watermaal-Bosvoorde',
    'Berchem-Sainte-Agathe': 'Sint-Agatha-Berchem',
    Laeken: 'Laken',
  },
  CH: {
    Genève: 'Genf|Geneva|Ginevra|Geneve',
    Bern: 'Berne|Berna',
    Basel: 'Bâle|Basilea',
    Zürich: 'Zurich|Zurigo',
    Luzern: 'Lucerne|Lucerna',
    Neuchâtel: 'Neuenburg',
    Fribourg: 'Freiburg',
    Sion: 'Sitten',
    Sierre: 'Siders',
    Solothurn: 'Soleure',
    Schaffhausen: 'Schaffhouse',
    'St. Gallen': 'Saint-Gall|San Gallo',
    Chur: 'Coire|Cuira',
    Thun: 'Thoune',
    Murten: 'Morat',
    Delémont: 'Delsberg',
    Bellinzona: 'Bellinzone',
    Visp: 'Viège',
    Brig: 'Brigue',
  },
  IT: {
    Roma: 'Rome|Rom',
    Milano: 'Milan|Mailand',
    Torino: 'Turin',
    Firenze: 'Florence|Florenz',
    Venezia: 'Venice|Venise|Venedig',
    Napoli: 'Naples|Neapel',
    Genova: 'Genoa|Gênes|Genua',
  },
  AT: { Wien: 'Vienna|Vienne' },
  LU: { Luxembourg: 'Luxemburg|Lëtzebuerg', 'Esch-sur-Alzette': 'Esch-Uelzecht|Esch an der Alzette' },
  DE: { München: 'Munich|Monaco di Baviera', Köln: 'Cologne', Nürnberg: 'Nuremberg' },
};

// Swiss office suffixes: `Bern 5`, `Lausanne 25`, `Zürich 80`, `Wohlen AG 1`, `Bern 60 UPD`.
const stripSwissOffice = (name) => name.replace(/\s+\d+(\s.*)?$/, '').trim();

function buildSwiss() {
  const text = readFileSync(join(postalDir, 'nimand2-winklar/AMTOVZ_CSV_LV95.csv'), 'utf8').replace(
    /^\uFEFF/,
    '',
  );
  const rows = text
    .split(/\r?\n/)
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(';'));
  const sets = { CH: new PairSet(), LI: new PairSet() };
  const official = { CH: new Set(), LI: new Set() };
  for (const [name, plz, , , commune, , canton] of rows) {
    const cc = canton ? 'CH' : 'LI';
    const town = stripSwissOffice(name);
    sets[cc].add(plz, town);
    official[cc].add(town);
    // People often write the municipality instead of the locality: accept it, do not suggest it.
    if (commune && commune !== town) sets[cc].add(plz, commune, true);
  }
  for (const cc of ['CH', 'LI']) {
    const known = [...official[cc]].sort((a, b) => b.length - a.length);
    for (const r of geonames(cc)) {
      const raw = stripSwissOffice(r[2]);
      // PO-box codes (1211 Genève, 8000 Zürich) are missing from swisstopo: keep the longest
      // official locality name the GeoNames label starts with (`Zofingen Ringier AG` → `Zofingen`).
      const base = known.find((k) => raw === k || raw.startsWith(`${k} `)) ?? raw;
      sets[cc].add(r[1], base, sets[cc].hasPostcode(r[1]));
    }
    sets[cc].write(cc);
  }
}

const titleCaseLaPoste = (s) =>
  s
    .toLowerCase()
    .split(' ')
    .map((w) => (w === 'st' ? 'saint' : w === 'ste' ? 'sainte' : w))
    .map((w) =>
      ['de', 'du', 'des', 'la', 'le', 'les', 'sur', 'sous', 'en', 'et', 'l', 'd'].includes(w)
        ? w
        : w[0].toUpperCase() + w.slice(1),
    )
    .join(' ');

function buildFrance() {
  const set = new PairSet();
  for (const r of zauberware('FR')) set.add(r[1].slice(0, 5), r[2]);
  // La Poste (Latin-1): upper-case routing labels, accepted as aliases; also the only source for
  // overseas departments, whose codes are missing from GeoNames FR.
  const text = new TextDecoder('latin1').decode(
    readFileSync(join(postalDir, 'ENS-MediTech-code/019HexaSmal.csv')),
  );
  const geonamesCodes = new Set([...set.map.keys()].map((k) => k.split('\t')[0]));
  for (const line of text.split(/\r?\n/).slice(1)) {
    if (!line) continue;
    const [, commune, cp, label, ligne5] = line.split(';');
    const primary = !geonamesCodes.has(cp);
    set.add(cp, titleCaseLaPoste(commune), !primary);
    if (label !== commune) set.add(cp, titleCaseLaPoste(label), true);
    if (ligne5) set.add(cp, titleCaseLaPoste(ligne5), true);
  }
  set.write('FR');
}

function buildGeonames(cc, { postcode = (p) => p, aliasColumn } = {}) {
  const set = new PairSet();
  for (const r of geonames(cc)) {
    set.add(postcode(r[1]), r[2]);
    if (aliasColumn && r[aliasColumn]) set.add(postcode(r[1]), r[aliasColumn], true);
  }
  set.write(cc);
}

function buildPortugal() {
  // 200k CP7 rows name streets and hamlets; the 4-digit CP4 → municipality (concelho) map is
  // what a town check can use, at a fraction of the size.
  const set = new PairSet();
  for (const r of zauberware('PT')) set.add(r[1].slice(0, 4), r[5]);
  set.write('PT');
}

function buildNames() {
  if (!fakerDir) {
    console.log('names: skipped (pass --faker <unpacked @faker-js/faker package>)');
    return;
  }
  const locales = [
    'de',
    'de_AT',
    'de_CH',
    'fr',
    'fr_BE',
    'fr_CH',
    'fr_LU',
    'it',
    'en',
    'en_GB',
    'en_IE',
    'en_US',
    'es',
    'nl',
    'nl_BE',
    'pt_PT',
  ];
  const first = new Set();
  const last = new Set();
  const collect = (value, into) => {
    if (Array.isArray(value)) value.forEach((v) => collect(v, into));
    else if (value && typeof value === 'object') Object.values(value).forEach((v) => collect(v, into));
    else if (typeof value === 'string' && /^\p{L}[\p{L}' -]*$/u.test(value)) into.add(value.trim());
  };
  return import(join(fakerDir, 'dist/index.js')).then((m) => {
    for (const loc of locales) {
      collect(m[loc]?.person?.first_name, first);
      collect(m[loc]?.person?.last_name, last);
    }
    const sorted = (s) => [...s].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join('\n') + '\n';
    mkdirSync(outNames, { recursive: true });
    writeFileSync(join(outNames, 'first-names.txt'), sorted(first));
    writeFileSync(join(outNames, 'last-names.txt'), sorted(last));
    console.log(`names: ${first.size} first names, ${last.size} last names`);
  });
}

if (!existsSync(postalDir)) throw new Error(`postal data not found: ${postalDir}`);
mkdirSync(outPostal, { recursive: true });
buildSwiss();
buildFrance();
buildGeonames('DE');
buildGeonames('AT', { aliasColumn: 7 }); // admin3 = municipality (Gemeinde)
buildGeonames('IT');
buildGeonames('BE');
buildGeonames('NL');
buildGeonames('LU', { postcode: (p) => p.replace(/^L-/, ''), aliasColumn: 5 }); // admin2 = commune
buildGeonames('ES');
buildGeonames('GB');
buildGeonames('IE');
buildGeonames('US');
buildGeonames('CA');
buildPortugal();
await buildNames();
