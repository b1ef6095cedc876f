import type { Contact } from '../../../../shared/domain';
import type { CheckContext } from '../../../../src-main/core/checks/check';
import { makeContact } from '../../../helpers/contact';

let nextId = 1;

/** A working row with only the given SecuTix fields filled. */
export function row(data: Record<string, string>): Contact {
  return makeContact(data, { id: nextId++ });
}

/** A context with the shipped reference data (checks fall back to it when resources are empty). */
export const ctx: CheckContext = { settings: {}, resources: {}, today: new Date('2026-01-15') };

/** Correct, real-looking addresses (real streets of real towns). */
export const CLEAN_ADDRESSES: Record<string, string>[] = [
  { LINE1: 'Bahnhofstrasse 1', ZIPCODE: '8001', TOWN: 'Zürich', COUNTRY: 'CH' },
  { LINE1: 'Rue du Rhône 48', ZIPCODE: '1204', TOWN: 'Genève', COUNTRY: 'CH' },
  { LINE1: 'Avenue de la Gare 10', ZIPCODE: '1003', TOWN: 'Lausanne', COUNTRY: 'CH' },
  { LINE1: 'Bundesplatz 3', ZIPCODE: '3005', TOWN: 'Bern', COUNTRY: 'CH' },
  { LINE1: 'Marktplatz 9', ZIPCODE: '4001', TOWN: 'Basel', COUNTRY: 'CH' },
  { LINE1: 'Via Nassa 5', ZIPCODE: '6900', TOWN: 'Lugano', COUNTRY: 'CH' },
  { LINE1: 'Rue de l’Hôpital 2', ZIPCODE: '2000', TOWN: 'Neuchâtel', COUNTRY: 'CH' },
  { LINE1: 'Zentralstrasse 5', ZIPCODE: '2502', TOWN: 'Biel/Bienne', COUNTRY: 'CH' },
  { LINE1: 'Multergasse 12', ZIPCODE: '9000', TOWN: 'St. Gallen', COUNTRY: 'CH' },
  { LINE1: 'Pilatusstrasse 20', ZIPCODE: '6003', TOWN: 'Luzern', COUNTRY: 'Schweiz' },
  { LINE1: 'Rue de Romont 15', ZIPCODE: '1700', TOWN: 'Fribourg', COUNTRY: 'Suisse' },
  { LINE1: 'Städtle 17', ZIPCODE: '9490', TOWN: 'Vaduz', COUNTRY: 'LI' },
  { LINE1: '55 rue du Faubourg Saint-Honoré', ZIPCODE: '75008', TOWN: 'Paris', COUNTRY: 'FR' },
  { LINE1: '12 place Bellecour', ZIPCODE: '69002', TOWN: 'Lyon', COUNTRY: 'FR' },
  { LINE1: '2 quai du Port', ZIPCODE: '13002', TOWN: 'Marseille', COUNTRY: 'FR' },
  { LINE1: '1 place du Capitole', ZIPCODE: '31000', TOWN: 'Toulouse', COUNTRY: 'FR' },
  { LINE1: '10 rue de la République', ZIPCODE: '42000', TOWN: 'Saint-Étienne', COUNTRY: 'FR' },
  { LINE1: '3 place Kléber', ZIPCODE: '67000', TOWN: 'Strasbourg', COUNTRY: 'France' },
  { LINE1: '5 rue Gambetta', ZIPCODE: '01000', TOWN: 'Bourg-en-Bresse', COUNTRY: 'FR' },
  { LINE1: '8 cours Mirabeau', ZIPCODE: '13100', TOWN: 'Aix-en-Provence', COUNTRY: 'FR' },
  { LINE1: 'Unter den Linden 77', ZIPCODE: '10117', TOWN: 'Berlin', COUNTRY: 'DE' },
  { LINE1: 'Marienplatz 8', ZIPCODE: '80331', TOWN: 'München', COUNTRY: 'DE' },
  { LINE1: 'Jungfernstieg 7', ZIPCODE: '20354', TOWN: 'Hamburg', COUNTRY: 'DE' },
  { LINE1: 'Domkloster 4', ZIPCODE: '50667', TOWN: 'Köln', COUNTRY: 'Deutschland' },
  { LINE1: 'Königstraße 1', ZIPCODE: '70173', TOWN: 'Stuttgart', COUNTRY: 'DE' },
  { LINE1: 'Altmarkt 1', ZIPCODE: '01067', TOWN: 'Dresden', COUNTRY: 'DE' },
  { LINE1: 'Stephansplatz 1', ZIPCODE: '1010', TOWN: 'Wien', COUNTRY: 'AT' },
  { LINE1: 'Getreidegasse 9', ZIPCODE: '5020', TOWN: 'Salzburg', COUNTRY: 'AT' },
  { LINE1: 'Grand-Place 1', ZIPCODE: '1000', TOWN: 'Bruxelles', COUNTRY: 'BE' },
  { LINE1: 'Grote Markt 1', ZIPCODE: '2000', TOWN: 'Antwerpen', COUNTRY: 'BE' },
  { LINE1: '1, Place Guillaume II', ZIPCODE: '1648', TOWN: 'Luxembourg', COUNTRY: 'LU' },
  { LINE1: 'Via del Corso 100', ZIPCODE: '00186', TOWN: 'Roma', COUNTRY: 'IT' },
  { LINE1: 'Piazza del Duomo 1', ZIPCODE: '20121', TOWN: 'Milano', COUNTRY: 'IT' },
  { LINE1: 'Calle de Alcalá 50', ZIPCODE: '28014', TOWN: 'Madrid', COUNTRY: 'ES' },
  { LINE1: 'Damrak 1', ZIPCODE: '1012 LG', TOWN: 'Amsterdam', COUNTRY: 'NL' },
  { LINE1: '10 Downing Street', ZIPCODE: 'SW1A 2AA', TOWN: 'London', COUNTRY: 'GB' },
  { LINE1: '350 Fifth Avenue', ZIPCODE: '10118', TOWN: 'New York', COUNTRY: 'US' },
  { LINE1: '24 Sussex Drive', ZIPCODE: 'K1M 1M4', TOWN: 'Ottawa', COUNTRY: 'CA' },
  { LINE1: 'Rua Augusta 100', ZIPCODE: '1100-053', TOWN: 'Lisboa', COUNTRY: 'PT' },
  { LINE1: 'Trinity College', ZIPCODE: 'D02 PN40', TOWN: 'Dublin', COUNTRY: 'IE' },
];
