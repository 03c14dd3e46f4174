import { readFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { checkCommand } from '../../src/cli/cards.ts';
import { expandCloze } from '../../src/core/deck/cloze.ts';
import { combineDecks } from '../../src/core/deck/deck-set.ts';
import { parseDeck } from '../../src/core/deck/parse.ts';
import { judge } from '../../src/core/quiz/answer.ts';

const deckOf = (body: string) => parseDeck('cards/bio.md', `---\nid: bio\ntitle: Biology\n---\n\n${body}`);

const KINDS = `## cell
C: The {{c1::mitochondrion}} is the {{c2::powerhouse::a building}} of the cell.
Note: Energy comes as ATP.
Tags: cells

## planets
C: The gas giants are {{c1::Jupiter}} and {{c1::Saturn}}; the biggest is {{c2::Jupiter}}.

## capital
Q: Capital of France?
A: Paris
Accept: paris city
Reverse: yes
`;

describe('cloze cards', () => {
  it('GIVEN a cloze sentence THEN one card per number, the blank shown, the others filled in', () => {
    const { deck, issues } = deckOf(KINDS);
    expect(issues).toEqual([]);
    const cards = deck?.cards ?? [];
    expect(
      cards.map((card) => [card.id, card.kind, card.question, card.answer, card.noteId, card.line]),
    ).toEqual([
      ['cell-c1', 'cloze', 'The […] is the powerhouse of the cell.', 'mitochondrion', 'cell', 6],
      ['cell-c2', 'cloze', 'The mitochondrion is the [a building] of the cell.', 'powerhouse', 'cell', 6],
      [
        'planets-c1',
        'cloze',
        'The gas giants are […] and […]; the biggest is Jupiter.',
        'Jupiter and Saturn',
        'planets',
        11,
      ],
      [
        'planets-c2',
        'cloze',
        'The gas giants are Jupiter and Saturn; the biggest is […].',
        'Jupiter',
        'planets',
        11,
      ],
      ['capital', 'typed', 'Capital of France?', 'Paris', 'capital', 14],
      ['capital-r', 'typed', 'Paris', 'Capital of France?', 'capital', 14],
    ]);
    expect(cards.map((card) => card.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(cards[0]?.note).toBe('Energy comes as ATP.');
    expect(cards[1]?.tags).toEqual(['cells']);
    // The reverse asks the answer: the forward card's aliases do not apply to it.
    expect(cards[4]?.accept).toEqual(['paris city']);
    expect(cards[5]?.accept).toEqual([]);
  });

  it('GIVEN a cloze card THEN its typed answer is graded against the text of its blank', () => {
    const [, , both] = deckOf(KINDS).deck?.cards ?? [];
    if (!both) throw new Error('no card');
    expect(judge(both, { kind: 'typed', text: 'saturn, jupiter' }, null)).toMatchObject({
      verdict: 'correct',
    });
    expect(judge(both, { kind: 'typed', text: 'Mars' }, null)).toMatchObject({ verdict: 'wrong' });
    expect(judge(both, { kind: 'choice', option: 0 }, null)).toEqual({
      ok: false,
      code: 'WRONG_ANSWER_KIND',
    });
  });

  it('GIVEN unbalanced, empty, nested or missing clozes THEN each is reported on its own line', () => {
    const { deck, issues } = deckOf(`## a
C: An {{c1::open one
  and more.

## b
C: An {{c1::}} empty one.

## c
C: Nothing hidden here.

## d
C: A {{c1::nested {{c2::one}} }} here.

## e
C: A broken c1::text}} one.

## f
Q: Both?
C: The {{c1::x}}.
`);
    expect(deck).toBeNull();
    expect(issues.map((issue) => `${issue.line}: ${issue.message}`)).toEqual([
      '7: card "a": unclosed cloze "{{c1::": close it with "}}"',
      '11: card "b": cloze c1 is empty: put the hidden text after "::"',
      '14: card "c": no cloze: mark the hidden part like {{c1::answer}}',
      '17: card "d": a cloze inside another cloze: close the first one with "}}"',
      '20: card "e": a "}}" closes no cloze: open it with "{{c1::"',
      '22: card "f" has both "Q:" and "C:": a cloze card\'s sentence is its question',
    ]);
  });

  it('GIVEN a second line of a cloze sentence with the problem THEN the problem is on that line', () => {
    const { issues } = deckOf('## a\nC: Fine {{c1::here}}\n  but {{c2:: }} there.\n');
    expect(issues.map((issue) => issue.line)).toEqual([8]);
  });

  it('GIVEN braces that open no cloze THEN they are text', () => {
    const result = expandCloze('In Jinja, {{ name }} prints {{c1::a variable}}.');
    expect(result).toEqual({
      ok: true,
      cards: [{ number: 1, question: 'In Jinja, {{ name }} prints […].', answer: 'a variable' }],
    });
  });

  it('GIVEN a generated id that another card already has THEN the second is an error', () => {
    const { issues } = deckOf('## cell\nC: The {{c1::cell}}.\n\n## cell-c1\nQ: Again?\nA: yes\n');
    expect(issues.map((issue) => `${issue.line}: ${issue.message}`)).toEqual([
      '9: card id "cell-c1" is already used on line 6',
    ]);
  });
});

describe('code in a field', () => {
  it('GIVEN a fenced block on the lines of a field THEN its lines keep their indentation and start no field', () => {
    const { deck, issues } = deckOf(`## yaml
Q: What does this define?
  \`\`\`yaml
  a: 1
  nested:
    - [x] item
  ## not a card
  \`\`\`
A: a mapping
`);
    expect(issues).toEqual([]);
    expect(deck?.cards[0]?.question).toBe(
      'What does this define?\n```yaml\na: 1\nnested:\n  - [x] item\n## not a card\n```',
    );
    expect(deck?.cards[0]?.answer).toBe('a mapping');
  });
});

describe('reverse cards', () => {
  it('GIVEN "Reverse:" on a question over 80 characters, or on a card that is not typed THEN it is refused', () => {
    const long = 'Q'.repeat(81);
    const { issues } = deckOf(`## a
Q: ${long}
A: yes
Reverse: yes

## b
Q: Why?
Reveal: Because.
Reverse: yes

## c
Q: Short?
A: yes
Reverse: maybe
`);
    expect(issues.map((issue) => `${issue.line}: ${issue.message}`)).toEqual([
      '9: card "a": a reverse asks the question as the answer, and this one is 81 characters long: keep it to 80, or remove "Reverse:"',
      '14: card "b": "Reverse:" only goes with a typed answer ("Q:" and "A:")',
      '19: card "c": "Reverse:" is "yes" or "no", not "maybe"',
    ]);
  });

  it('GIVEN "Reverse: no" THEN there is one card and no note', () => {
    const { deck } = deckOf('## a\nQ: Short?\nA: yes\nReverse: no\n');
    expect(deck?.cards.map((card) => [card.id, card.noteId])).toEqual([['a', undefined]]);
  });
});

describe('mnemo cards check --json', () => {
  it('GIVEN every kind THEN each deck counts its generated cards by kind', () => {
    const choice = '## pick\nQ: Which?\n- [x] this\n- [ ] that\n\n## why\nQ: Why?\nReveal: Because.\n';
    const set = combineDecks([deckOf(`${KINDS}\n${choice}`)]);
    const stdout = new PassThrough();
    const io = { stdin: new PassThrough(), stdout, stderr: new PassThrough() };
    expect(checkCommand(set, io, true)).toBe(0);
    const [deck] = JSON.parse(String(stdout.read())).decks;
    expect(deck).toMatchObject({ id: 'bio', cards: 8, kinds: { typed: 2, choice: 1, self: 1, cloze: 4 } });
  });
});

describe('the README deck example', () => {
  it('GIVEN the example deck of the README THEN it parses, with the cards the README names', async () => {
    const readme = await readFile('README.md', 'utf8');
    const example = /````markdown\n([\s\S]*?)\n````/.exec(readme)?.[1] ?? '';
    const { deck, issues } = parseDeck('cards/docker.md', example);
    expect(issues).toEqual([]);
    const byId = new Map(deck?.cards.map((card) => [card.id, card]));
    expect(byId.get('docker-layer-cache-c2')?.question).toBe(
      'Each instruction of a Dockerfile adds a [a part of the image].',
    );
    expect(byId.get('docker-run-flag-r')).toMatchObject({ question: '-p', kind: 'typed' });
    expect(byId.get('docker-run-flag')?.note).toBe('For example:\n```bash\ndocker run -p 8080:80 nginx\n```');
  });
});
