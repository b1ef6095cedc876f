import { describe, expect, it } from 'vitest';
import { bundledNicknames, Nicknames } from '../../../src-main/core/dedupe/nicknames';
import { normName } from '../../../src-main/core/dedupe/normalize-fields';

const nick = (a: string, b: string) => bundledNicknames().match(normName(a), normName(b));

describe('nicknames', () => {
  it('nickname Hans/Johannes, Bob/Robert, Sepp/Josef match both ways', () => {
    expect(nick('Hans', 'Johannes')).toBe(true);
    expect(nick('Johannes', 'Hans')).toBe(true);
    expect(nick('Bob', 'Robert')).toBe(true);
    expect(nick('Sepp', 'Josef')).toBe(true);
  });
  it('Hansruedi ~ Hans-Rudolf and JP ~ Jean-Pierre', () => {
    expect(nick('Hansruedi', 'Hans-Rudolf')).toBe(true);
    expect(nick('JP', 'Jean-Pierre')).toBe(true);
    expect(nick('Jeanpierre', 'JP')).toBe(true);
  });
  it('is not transitive across groups and never matches unlisted names', () => {
    expect(nick('Bob', 'Bill')).toBe(false);
    expect(nick('Zoltan', 'Zoli')).toBe(false);
  });
  it('parses a custom list, ignoring comments', () => {
    const n = Nicknames.parse('# c\nalpha\tal,alf\n');
    expect(n.match('al', 'alpha')).toBe(true);
    expect(n.match('al', 'beta')).toBe(false);
  });
});
