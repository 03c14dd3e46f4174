import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/core/deck/parse.ts';
import { buttonId, buttonsOf } from './support/client.ts';
import {
  buttonClick,
  modalSubmit,
  STRING,
  sentMessage,
  slashCommand,
  type TestUser,
} from './support/payloads.ts';
import { type Bot, World } from './support/world.ts';

/** A deck of the new kinds, read by the real parser. */
const KINDS = parseDeck(
  'cards/kinds.md',
  `---
id: kinds
title: Kinds
---

## cell
C: The {{c1::mitochondrion}} is the {{c2::powerhouse}} of the \`cell\`.

## shell
Q: Which flag of \`ls\` shows hidden files? (\`*\` and \`_\` stay as typed)
A: -a
Note: For example:
  \`\`\`bash
  for f in $(ls -a ~); do
    echo "$f" # @everyone
  done
  \`\`\`
  Then **read** it; the area is $\\pi r^2$.
`,
);

let world: World;
let bot: Bot;

beforeAll(async () => {
  if (!KINDS.deck) throw new Error(JSON.stringify(KINDS.issues));
  world = await World.start([KINDS.deck]);
  bot = await world.httpBot();
});
afterAll(() => world.close());

const quiz = (user: TestUser) =>
  bot.send(slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'kinds' }], { user }));
// biome-ignore lint/suspicious/noExplicitAny: response JSON
const answer = async (user: TestUser, card: any, text: string) => {
  const modal = await bot.send(buttonClick(buttonId(card.data, 'Answer'), sentMessage(card.data), { user }));
  return bot.send(modalSubmit(modal.data.custom_id, text, sentMessage(card.data), { user }));
};

describe('card kinds on Discord', () => {
  it('GIVEN a cloze card THEN it asks the blank, grades the typed answer, and the sibling waits for tomorrow', async () => {
    const user = world.newUser();
    const card = await quiz(user);
    expect(card.data.content).toMatchInlineSnapshot(`
      "**Question** · \`kinds\` · new
      The […] is the powerhouse of the \`cell\`.
      -# Press **Answer** to type what fills the blank, or **I don’t know** to see it."
    `);
    expect(buttonsOf(card.data).map((button) => button.label)).toEqual(['Answer', 'I don’t know']);
    const verdict = await answer(user, card, 'Mitochondria');
    expect(verdict.data.content).toMatchInlineSnapshot(`
      "🟡 **Close enough**: accepted, rated Hard.
      -# The […] is the powerhouse of the \`cell\`.
      **Your answer:** Mitochondria
      **Answer:** mitochondrion
      Rated **Hard** · back **in 6 minutes**."
    `);
    // The next new card is not cell-c2, shown the same day, but the next note's.
    const next = await bot.send(
      buttonClick(buttonId(verdict.data, 'Next card'), sentMessage(verdict.data), { user }),
    );
    expect(next.data.content).toContain('Which flag of `ls` shows hidden files?');
  });

  it('GIVEN code and maths in a card THEN code shows as code with its language, maths as its TeX, the rest escaped', async () => {
    const user = world.newUser();
    const cloze = await quiz(user);
    await answer(user, cloze, 'mitochondrion');
    const card = await quiz(user);
    expect(card.data.content).toMatchInlineSnapshot(`
      "**Question** · \`kinds\` · new
      Which flag of \`ls\` shows hidden files? (\`*\` and \`_\` stay as typed)
      -# Press **Answer** to type it, or **I don’t know** to see it."
    `);
    const verdict = await answer(user, card, '-a');
    expect(verdict.data.allowed_mentions).toEqual({ parse: [] });
    expect(verdict.data.content).toMatchInlineSnapshot(`
      "✅ **Correct!**
      -# Which flag of \`ls\` shows hidden files? (\`*\` and \`_\` stay as typed)
      **Your answer:** -a
      **Answer:** -a
      **Note:** For example:
      \`\`\`bash
      for f in $(ls -a ~); do
        echo "$f" # @everyone
      done
      \`\`\`
      Then \\*\\*read\\*\\* it; the area is \`$\\pi r^2$\`.
      Rated **Easy** · back **in 8 days**."
    `);
  });
});
