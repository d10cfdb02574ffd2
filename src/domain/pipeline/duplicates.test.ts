import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, findDuplicateCandidates, normalizeEmployer, normalizeName, type CandidateIdentity } from './duplicates.js';

describe('normalizeName', () => {
  it.each([
    ['  José  Müller ', 'jose muller'],
    ['Zoë O’Brien-Smith', 'zoe o brien smith'],
    ['Łukasz Żółć', 'lukasz zolc'],
    ['Straße', 'strasse'],
    ['Søren Ærø', 'soren aero'],
    ['ＡＤＡ Park', 'ada park'],
  ])('%s -> %s', (input, output) => {
    expect(normalizeName(input)).toBe(output);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(normalizeName(normalizeName(s))).toBe(normalizeName(s));
      }),
    );
  });
});

describe('normalizeEmployer', () => {
  it.each([
    ['Acme, Inc.', 'acme'],
    ['ACME', 'acme'],
    ['Deutsche Bahn AG', 'deutsche bahn'],
    ['Mistral AI SAS', 'mistral ai'],
  ])('%s -> %s', (input, output) => expect(normalizeEmployer(input)).toBe(output));
});

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['jon', 'john', 1],
    ['kitten', 'sitting', 3],
    ['abc', 'abc', 0],
  ])('%s / %s = %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));

  it('gives up above the limit', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });
});

describe('findDuplicateCandidates', () => {
  const existing: (CandidateIdentity & { id: string })[] = [
    { id: 'c1', name: 'Ada Park', email: 'Ada.Park@Example.com', currentEmployer: 'DeepMind' },
    { id: 'c2', name: 'José Müller', email: 'jose@muller.dev', currentEmployer: 'Acme, Inc.' },
    { id: 'c3', name: 'Wei Li', currentEmployer: 'ByteDance' },
    { id: 'c4', name: 'Maria Elena Garcia', currentEmployer: 'Scale AI' },
    { id: 'c5', name: 'Jonathan Smith', currentEmployer: 'OpenAI' },
    { id: 'c6', name: 'Jon Smith', currentEmployer: 'Anthropic' },
    { id: 'c7', name: 'Sam Taylor', emails: ['sam@old.io', 'sam@new.io'] },
    { id: 'c8', name: 'Al Xu', currentEmployer: 'X' },
  ];

  it.each([
    ['the same e-mail in another case, with spaces', { name: 'A. P.', email: '  ada.park@example.COM ' }, [['c1', ['email']]]],
    ['one of several e-mails', { name: 'S T', email: 'SAM@new.io' }, [['c7', ['email']]]],
    ['the same name without accents at the same employer', { name: 'Jose Muller', currentEmployer: 'ACME' }, [['c2', ['name-and-employer']]]],
    ['the same tokens in another order', { name: 'Li Wei', currentEmployer: 'Bytedance' }, [['c3', ['name-and-employer']]]],
    ['a dropped middle name', { name: 'Maria Garcia', currentEmployer: 'Scale AI Inc' }, [['c4', ['name-and-employer']]]],
    ['an initial for the first name', { name: 'J. Smith', currentEmployer: 'OpenAI' }, [['c5', ['name-and-employer']]]],
    ['a one-letter typo', { name: 'Ada Parc', currentEmployer: 'Deepmind' }, [['c1', ['name-and-employer']]]],
    ['e-mail and name both', { name: 'Ada Park', email: 'ada.park@example.com', currentEmployer: 'DeepMind' }, [['c1', ['email', 'name-and-employer']]]],
    ['the same name at another employer', { name: 'Ada Park', currentEmployer: 'OpenAI' }, []],
    ['the same name with no employer', { name: 'Ada Park' }, []],
    ['one letter off in a first name is flagged for a person to confirm', { name: 'Jan Smith', currentEmployer: 'Anthropic' }, [['c6', ['name-and-employer']]]],
    ['two letters off is another person', { name: 'Tom Smith', currentEmployer: 'Anthropic' }, []],
    ['a short name allows no typo', { name: 'Al Wu', currentEmployer: 'X' }, []],
    ['a different person at the same employer', { name: 'Grace Hopper', currentEmployer: 'DeepMind' }, []],
    ['an empty e-mail matches nothing', { name: 'X', email: '   ' }, []],
  ] as [string, CandidateIdentity, [string, string[]][]][])('%s', (_name, candidate, expected) => {
    expect(findDuplicateCandidates(candidate, existing).map((m) => [m.candidate.id, m.reasons])).toEqual(expected);
  });

  it('puts e-mail matches first and reports the name distance', () => {
    const people = [
      { id: 'typo', name: 'Ada Parc', currentEmployer: 'DeepMind' },
      { id: 'mail', name: 'Someone Else', email: 'ada@x.io' },
    ];
    const matches = findDuplicateCandidates({ name: 'Ada Park', email: 'ADA@x.io', currentEmployer: 'DeepMind' }, people);
    expect(matches.map((m) => [m.candidate.id, m.nameDistance])).toEqual([
      ['mail', undefined],
      ['typo', 1],
    ]);
  });
});
