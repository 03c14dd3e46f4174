import { describe, expect, it } from 'vitest';
import { combineDecks } from '../../src/core/deck/deck-set.ts';
import { parseDeck } from '../../src/core/deck/parse.ts';

const GOOD = `---
id: docker
title: Docker
tags: [docker]
---
An introduction that is not a card.

## docker-container
Q: What is a running instance of an image called?
A: container
Accept: a container | docker container
Tags: s04, Basics
Note: The image is the template.

## docker-network
Q: Which network driver is the default?
- [ ] host
- [x] bridge
- [ ] overlay

## docker-layers
Q: Why are images built in layers?
Reveal: Layers are cached and shared.
  A rebuild reuses unchanged layers.
Tags: s04
`;

describe('parseDeck', () => {
  it('GIVEN a valid deck THEN every card kind is read with its fields and line', () => {
    const { deck, issues } = parseDeck('cards/docker.md', GOOD);
    expect(issues).toEqual([]);
    expect(deck?.id).toBe('docker');
    expect(deck?.cards.map((card) => [card.id, card.kind, card.line])).toEqual([
      ['docker-container', 'typed', 8],
      ['docker-network', 'choice', 15],
      ['docker-layers', 'self', 21],
    ]);
    const [typed, choice, self] = deck?.cards ?? [];
    expect(typed?.accept).toEqual(['a container', 'docker container']);
    expect(typed?.tags).toEqual(['s04', 'basics', 'docker']);
    expect(typed?.note).toBe('The image is the template.');
    expect(choice?.options).toEqual(['host', 'bridge', 'overlay']);
    expect(choice?.correctOption).toBe(1);
    expect(choice?.answer).toBe('bridge');
    expect(self?.answer).toBe('Layers are cached and shared.\nA rebuild reuses unchanged layers.');
  });

  it('GIVEN no id in the front matter THEN the file name is the deck id', () => {
    const { deck } = parseDeck('cards/sql-basics.md', GOOD.replace('id: docker\n', ''));
    expect(deck?.id).toBe('sql-basics');
  });

  it('GIVEN a broken deck THEN every problem is reported with its line and no deck is loaded', () => {
    const broken = `---
title: Broken
---

## Bad Id
Q: What?
A: this

## no-answer
Q: Where is the answer?

## two-right
Q: Pick one
- [x] a
- [x] b
- [ ] a

## mixed
Q: Which?
A: x
Reveal: y

## no-question
A: lonely
A: twice

## no-answer
Q: dup
A: dup
`;
    const { deck, issues } = parseDeck('cards/broken.md', broken);
    expect(deck).toBeNull();
    expect(issues.map((issue) => `${issue.line}: ${issue.message}`)).toEqual([
      '5: card id "Bad Id" is not valid: use lowercase letters, digits and dashes, like "## docker-volumes"',
      '9: card "no-answer" has no answer: add "A: …", "Reveal: …" or options "- [x] …"',
      '12: card "two-right" has 2 right options: mark exactly one with "- [x]"',
      '16: card "two-right": option "a" repeats line 14',
      '18: card "mixed" mixes answer kinds: use one of "A:", "Reveal:" or options',
      '23: card "no-question" has no question: add "Q: …"',
      '25: "A:" appears twice in card "no-question" (first on line 24)',
      '27: card id "no-answer" is already used on line 9',
    ]);
  });

  it('GIVEN front matter without a title THEN the error names the field and its line', () => {
    const { issues } = parseDeck('d.md', '---\nid: d\ntitel: Oops\n---\n## a\nQ: q\nA: a\n');
    expect(issues.map((issue) => `${issue.line}: ${issue.message}`)).toEqual([
      '1: front matter "title": Invalid input: expected string, received undefined',
      '3: front matter: Unrecognized key: "titel"',
    ]);
  });

  it('GIVEN a file without front matter THEN it says how a deck starts', () => {
    const { issues } = parseDeck('d.md', '## a\nQ: q\nA: a\n');
    expect(issues[0]).toEqual({
      path: 'd.md',
      line: 1,
      message: 'a deck starts with front matter: a "---" line, "title: …", then "---"',
    });
  });

  it('GIVEN text outside any field THEN it is reported on its line', () => {
    const { issues } = parseDeck('d.md', '---\ntitle: T\n---\n## a\nstray words\nQ: q\nA: a\n');
    expect(issues).toEqual([
      {
        path: 'd.md',
        line: 5,
        message:
          'text outside a field in card "a": start it with Q:, A:, C:, Accept:, Reveal:, Reverse:, Tags:, Note: or Lang:',
      },
    ]);
  });
});

describe('deck messages', () => {
  it('GIVEN a YAML error THEN it is given once, at its line in the file', () => {
    const { issues } = parseDeck('d.md', '---\ntitle: T\nid: [unclosed, x\n---\n## a\nQ: q\nA: a\n');
    expect(issues.map((issue) => `${issue.line}: ${issue.message}`)).toEqual([
      '3: front matter: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
  });

  it('GIVEN one option THEN the count reads "1 option"', () => {
    const { issues } = parseDeck('d.md', '---\ntitle: T\n---\n## a\nQ: q\n- [x] yes\n');
    expect(issues.map((issue) => issue.message)).toEqual(['card "a" has 1 option: give 2 to 6']);
  });
});

describe('deck text', () => {
  it('GIVEN a NUL or another control character THEN its line is reported; tabs and CRLF are fine', () => {
    const text = '---\r\ntitle: T\r\n---\r\n## a\r\nQ: what\x00 is\there?\r\nA: a\x1b[0m\r\n';
    const { deck, issues } = parseDeck('d.md', text);
    expect(deck).toBeNull();
    expect(issues.map((issue) => `${issue.line}: ${issue.message}`)).toEqual([
      '5: control character U+0000 in the text: a deck holds plain text only',
      '6: control character U+001B in the text: a deck holds plain text only',
    ]);
  });

  it('GIVEN a question over 4,000 or a field over 10,000 characters THEN the card is refused', () => {
    const long = (n: number) => 'x'.repeat(n);
    const text = `---\ntitle: T\n---\n## a\nQ: ${long(4_001)}\nA: a\n\n## b\nQ: ${long(4_000)}\nA: ${long(10_001)}\n\n## c\nQ: c\n- [x] ${long(10_001)}\n- [ ] no\n`;
    const { issues } = parseDeck('d.md', text);
    expect(issues.map((issue) => `${issue.line}: ${issue.message}`)).toEqual([
      '5: card "a": Q: is 4,001 characters long: keep it to 4,000',
      '10: card "b": A: is 10,001 characters long: keep it to 10,000',
      '14: card "c": an option is 10,001 characters long: keep it to 10,000',
    ]);
  });
});

describe('combineDecks', () => {
  it('GIVEN two files with the same card id THEN the second is reported and not loaded', () => {
    const one = parseDeck('cards/one.md', '---\ntitle: One\n---\n## shared\nQ: q\nA: a\n');
    const two = parseDeck(
      'cards/two.md',
      '---\ntitle: Two\n---\n## other\nQ: q\nA: b\n\n## shared\nQ: q\nA: c\n',
    );
    const set = combineDecks([one, two]);
    expect(set.decks.map((deck) => deck.id)).toEqual(['one']);
    expect(set.issues).toEqual([
      { path: 'cards/two.md', line: 8, message: 'card id "shared" is already used in cards/one.md:4' },
    ]);
  });

  it('GIVEN a new file reusing a stored card id THEN the new file is blamed and the card stays in its deck', () => {
    const added = parseDeck('cards/aaa.md', '---\ntitle: A\n---\n## shared\nQ: new question?\nA: b\n');
    const stored = parseDeck(
      'cards/docker.md',
      '---\ntitle: D\n---\n## other\nQ: q\nA: a\n\n## shared\nQ: q\nA: c\n',
    );
    const set = combineDecks([added, stored], {
      deckOf: (cardId) => (cardId === 'shared' ? 'docker' : undefined),
      heldDecks: new Set(),
    });
    expect(set.decks.map((deck) => deck.id)).toEqual(['docker']);
    expect(set.issues).toEqual([
      { path: 'cards/aaa.md', line: 4, message: 'card id "shared" is already used in cards/docker.md:8' },
    ]);
  });

  it('GIVEN a stored card whose deck file has errors now THEN another file taking its id is refused', () => {
    const added = parseDeck('cards/aaa.md', '---\ntitle: A\n---\n## shared\nQ: new question?\nA: b\n');
    const set = combineDecks([added], { deckOf: () => 'docker', heldDecks: new Set(['docker']) });
    expect(set.decks).toEqual([]);
    expect(set.issues).toEqual([
      {
        path: 'cards/aaa.md',
        line: 4,
        message: 'card id "shared" is stored in deck "docker", whose file has errors: fix that file first',
      },
    ]);
  });
});

describe('card ids', () => {
  it('GIVEN a card id over 50 characters THEN it is refused, since it must fit in a chat button id', () => {
    const id = 'a'.repeat(51);
    const { issues } = parseDeck('d.md', `---\ntitle: T\n---\n## ${id}\nQ: q\nA: a\n`);
    expect(issues).toEqual([
      { path: 'd.md', line: 4, message: `card id "${id}" is 51 characters long: keep it to 50` },
    ]);
  });
});
