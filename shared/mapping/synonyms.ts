/**
 * Header names seen in customers' files (EN/FR/DE/IT, ticketing and CRM exports) for each
 * suggestion key. A key is a SecuTix field code, or a pseudo key for columns that feed several
 * fields (FULLNAME → FIRSTNAME+LASTNAME, ZIP_TOWN → ZIPCODE+TOWN, HOUSE_NR joined into LINE1).
 * The field labels of shared/secutix/fields.ts are added automatically; the field list itself
 * is never repeated here — this is only the vocabulary of headers.
 * Entries are compared with compactKey (case, accents, spaces and punctuation ignored).
 */
export const PSEUDO_KEYS = ['FULLNAME', 'ZIP_TOWN', 'HOUSE_NR'] as const;
export type PseudoKey = (typeof PSEUDO_KEYS)[number];

const TABLE: Readonly<Record<string, string>> = {
  CONTACT_NR:
    'contact nr|contact number|contact no|customer number|customer no|customer id|client id|client number|kundennr|kundennummer|kunden nr|kunden id|kdnr|no client|n client|numero client|numero de client|num client|id client|numero contatto|numero cliente|codice cliente|contact id|member id|mitgliedernummer|numero membre|customer code',
  TITLE:
    'title|salutation|civility|anrede|civilite|titre|titolo|appellativo|gender|geschlecht|sexe|sesso|sex|honorific|courtesy title',
  LETTER_SALUTATION: 'letter salutation|briefanrede|formule de politesse|salutation lettre|saluto lettera',
  ADDR_SALUTATION: 'address salutation|adressanrede|salutation adresse',
  FUNCTION: 'function|job title|position|funktion|fonction|funzione|poste|beruf|role',
  REMARK:
    'remark|remarks|note|notes|comment|comments|bemerkung|bemerkungen|notiz|kommentar|remarque|commentaire|osservazioni|nota|note interne',
  FIRSTNAME: 'first name|firstname|given name|forename|vorname|prenom|nome|first|fname|prenom contact',
  LASTNAME:
    'last name|lastname|surname|family name|nachname|familienname|nom|nom de famille|cognome|last|lname|name',
  FULLNAME:
    'full name|fullname|name|contact name|customer name|vollstandiger name|vor und nachname|nom complet|nom et prenom|prenom et nom|nome completo|nome e cognome|contact|kunde|client',
  BIRTHDATE:
    'birthdate|birth date|date of birth|dob|birthday|geburtsdatum|geburtstag|gebdatum|date de naissance|naissance|data di nascita|data nascita|date naissance',
  PREF_LANG:
    'language|preferred language|lang|sprache|korrespondenzsprache|langue|langue de correspondance|lingua|idioma|locale',
  OFFICIAL_NAME:
    'company|company name|organisation|organization|firm|firma|firmenname|unternehmen|societe|entreprise|raison sociale|institution name|ditta|azienda|societa|structure|employer|arbeitgeber|business name|account name',
  ADDRESS_NAME2: 'company 2|firma 2|zusatz firma',
  WEB_SITE: 'website|web site|homepage|url|site web|site internet|webseite|internet|sito web|sito',
  LINE1:
    'address|address 1|address line 1|street|street address|adresse|adresse 1|strasse|str|strasse und nr|strasse nr|rue|rue et numero|indirizzo|via|addr1|line1|street 1',
  LINE2:
    'address 2|address line 2|adresse 2|complement adresse|adresszusatz|zusatz|indirizzo 2|addr2|line2|street 2|c o',
  LINE3: 'address 3|address line 3|adresse 3|postfach|case postale|po box|casella postale|addr3|line3',
  HOUSE_NR:
    'street number|house number|hausnummer|hausnr|hnr|nr|no|numero|numero de rue|n|numero civico|civico|number',
  ZIPCODE:
    'zip|zip code|zipcode|postcode|postal code|post code|plz|postleitzahl|npa|cp|code postal|cap|codice postale|code post',
  TOWN: 'town|city|suburb|locality|ort|wohnort|stadt|ortschaft|localite|ville|commune|citta|localita|comune',
  ZIP_TOWN:
    'plz ort|plz und ort|npa localite|npa lieu|cp ville|code postal ville|cap citta|cap localita|zip city|postcode town|postcode city',
  COUNTRY: 'country|country code|land|landcode|pays|code pays|paese|nazione|stato|nation',
  DEPARTMENT: 'department|departement|canton|kanton|cantone|region|provincia|bundesland|county',
  TELEPHONE:
    'telephone|phone|tel|telefon|telefono|phone number|telephone fixe|festnetz|tel prive|telefon privat|tel privat|home phone|landline|tel fixe|telefono fisso|numero de telephone',
  CELLPHONE:
    'mobile|cell|cellphone|cell phone|mobile phone|natel|handy|mobil|mobiltelefon|portable|tel portable|telephone portable|cellulare|mobile number|gsm',
  FAX: 'fax|telefax|fax number|numero de fax',
  EMAIL1:
    'email|e mail|mail|email address|e mail address|emailadresse|e mail adresse|mailadresse|courriel|adresse email|adresse e mail|adresse electronique|posta elettronica|indirizzo email|email 1|email1|primary email',
  EMAIL2: 'email 2|email2|e mail 2|second email|secondary email|courriel 2|alternative email',
  EMAIL3: 'email 3|email3|e mail 3|courriel 3',
  STRUCT_TYPE: 'structure type|company type|type de structure|strukturtyp|firmentyp|tipo di struttura',
  NB_EMPLOYEES:
    'employees|number of employees|nb employees|mitarbeiter|anzahl mitarbeiter|employes|nombre d employes|dipendenti',
  ADMIN_NUMBER: 'siret|siren|uid|vat number|tva|mwst nr|uid nummer|partita iva|admin number',
};

/** Header names per suggestion key (field code or pseudo key). */
export const HEADER_SYNONYMS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(TABLE).map(([key, names]) => [key, names.split('|')]),
);
