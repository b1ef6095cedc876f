import { Workspace } from '../../core/db/workspace';
import { searchContacts } from '../../core/dedupe/search';
import { optionalInt, requireOption, UsageError, type CliCommand } from '../command';
import { workspaceOption } from './open-workspace';

/** `contact-prep search`: the "find a contact" box from the command line. */
export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'Find contacts by name, email, town (typo tolerant) or exact contact number',
  usage: 'contact-prep search --workspace <file.cprep> QUERY [--limit N] [--json]',
  options: { ...workspaceOption, limit: { type: 'string' }, json: { type: 'boolean' } },
  async run(ctx) {
    const query = ctx.positionals.join(' ').trim();
    if (!query)
      throw new UsageError('Give a search text, e.g. contact-prep search -w ws.cprep "muller geneve".');
    const ws = Workspace.open(requireOption(ctx, 'workspace'));
    try {
      const hits = searchContacts(ws, query, { limit: optionalInt(ctx, 'limit') ?? 20 });
      if (ctx.values.json) {
        ctx.out(JSON.stringify(hits, null, 2) + '\n');
        return;
      }
      if (hits.length === 0) ctx.out(`No contact matches "${query}".\n`);
      for (const h of hits)
        ctx.out(
          `#${String(h.contactId).padEnd(7)} ${h.name || '(no name)'}${h.email ? `  <${h.email}>` : ''}${h.town ? `  ${h.town}` : ''}${h.contactNr ? `  nr ${h.contactNr}` : ''}  (${(1 - h.score).toFixed(2)})\n`,
        );
    } finally {
      ws.close();
    }
  },
};
