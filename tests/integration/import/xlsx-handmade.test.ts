import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { runImport, storedRows, writeTemp } from './import-helpers';

/** A ZIP archive with stored (uncompressed) entries: enough to hand-craft .xlsx parts. */
function storedZip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const NS = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

describe('XLSX written by other tools', () => {
  it('reads namespace-prefixed parts, rows and cells without r attributes, and an absolute sheet path', async () => {
    const file = storedZip({
      'xl/workbook.xml': `<?xml version="1.0"?><x:workbook ${NS} xmlns:r="${REL}"><x:sheets><x:sheet name="Export &amp; Co" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
      'xl/_rels/workbook.xml.rels': `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/data.xml"/></Relationships>`,
      'xl/worksheets/data.xml': `<?xml version="1.0"?><x:worksheet ${NS}><x:sheetData>
        <x:row><x:c t="inlineStr"><x:is><x:t>Name</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>PLZ</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Note</x:t></x:is></x:c></x:row>
        <x:row><x:c t="inlineStr"><x:is><x:r><x:t>Zoë </x:t></x:r><x:r><x:t>Müller</x:t></x:r></x:is></x:c><x:c><x:v>8001</x:v></x:c><x:c t="str"><x:v>a &lt; b_x000D_</x:v></x:c></x:row>
        <x:row><x:c t="inlineStr"><x:is><x:t><![CDATA[<Ltd> & Co]]></x:t></x:is></x:c></x:row>
      </x:sheetData></x:worksheet>`,
    });
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, writeTemp('other-tool.xlsx', file));
    expect(sources[0]).toMatchObject({ sheet: 'Export & Co', columns: ['Name', 'PLZ', 'Note'] });
    expect(storedRows(ws, sources[0]!.id)).toEqual([
      { row: 2, cells: ['Zoë Müller', '8001', 'a < b\r'], flags: [] },
      { row: 3, cells: ['<Ltd> & Co', '', ''], flags: [] },
    ]);
  });
});
