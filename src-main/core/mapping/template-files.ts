import { readFileSync, writeFileSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { parseTemplate } from '../../../shared/mapping/template';
import type { MappingTemplate } from '../../../shared/mapping/schema';

/** Reads a mapping template file (JSON made by `map --save-template` or the UI's export). */
export function readTemplateFile(path: string): MappingTemplate {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new AppError(
      'template.unreadable',
      `Cannot read mapping template ${path}: ${(e as Error).message}`,
      { path },
    );
  }
  return parseTemplate(text.replace(/^\uFEFF/, ''));
}

/** Writes a template as indented JSON, so a consultant can read and version it. */
export function writeTemplateFile(path: string, template: MappingTemplate): void {
  writeFileSync(path, JSON.stringify(template, null, 2) + '\n', 'utf8');
}
