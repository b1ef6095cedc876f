import type { Check, Finding } from './check';
import { finding } from './finding';

/** Windows-1252 bytes 0x80–0x9F → the characters they show as (the rest of 0x00–0xFF is Latin-1). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const TO_BYTE = new Map<string, number>();
for (let i = 0; i < 256; i++)
  TO_BYTE.set(i >= 0x80 && i < 0xa0 ? CP1252_HIGH[i - 0x80]! : String.fromCharCode(i), i);

/** Lead characters of UTF-8 text mis-read as Windows-1252 (`Ã©`, `Ã¨`, `â€™`, `Å“`, `Â `). */
const SUSPECT = /[ÃÂâÅÄÆÐÑÏÎ][\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/;
const LEADS = /[ÃÂâÅÄÆÐÑÏÎ\uFFFD]/;
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Undoes "UTF-8 read as Windows-1252" (`GenÃ¨ve` → `Genève`), repeatedly for double damage.
 * Returns undefined when the text is not that kind of damage (the bytes are not valid UTF-8).
 */
export function repairMojibake(text: string): string | undefined {
  let current = text;
  for (let round = 0; round < 3 && SUSPECT.test(current); round++) {
    const bytes = new Uint8Array(current.length);
    for (let i = 0; i < current.length; i++) {
      const b = TO_BYTE.get(current[i]!);
      if (b === undefined) return round > 0 ? current : undefined; // a character outside cp1252
      bytes[i] = b;
    }
    try {
      current = decoder.decode(bytes);
    } catch {
      return round > 0 ? current : undefined;
    }
  }
  return current === text ? undefined : current;
}

/**
 * Encoding damage in any field: mojibake repaired by re-encoding (windows-1252 → UTF-8), and
 * replacement characters (`�`), whose original letter is lost, flagged for a manual edit.
 */
export const encodingCheck: Check = {
  name: 'encoding',
  codes: ['encoding.mojibake', 'encoding.lost-character'],
  run(contact) {
    // Fast exit for the vast majority of rows: one scan of all values for the lead characters.
    if (!LEADS.test(Object.values(contact.data).join('\n'))) return [];
    const out: Finding[] = [];
    for (const field in contact.data) {
      const value = contact.data[field]!;
      if (value.includes('\uFFFD')) {
        out.push(
          finding(
            contact,
            field,
            'encoding.lost-character',
            'error',
            '"{value}" contains � where a letter was lost when the file was read.',
            {
              value,
            },
          ),
        );
        continue;
      }
      if (!SUSPECT.test(value)) continue;
      const repaired = repairMojibake(value);
      if (repaired)
        out.push(
          finding(
            contact,
            field,
            'encoding.mojibake',
            'error',
            '"{value}" has broken accents: {repaired}.',
            { value, repaired },
            {
              [field]: repaired,
            },
            0.95,
          ),
        );
    }
    return out;
  },
};
