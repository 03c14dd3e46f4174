import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonId, RESPONSE } from './support/client.ts';
import { buttonClick, GUILD, STRING, sentMessage, slashCommand } from './support/payloads.ts';
import { type HttpBot, World } from './support/world.ts';

let world: World;
let bot: HttpBot;

beforeAll(async () => {
  world = await World.start();
  bot = await world.httpBot();
});
afterAll(() => world.close());

/** An interaction as the person's Discord app in `locale` sends it. */
function inLocale<T extends object>(payload: T, locale: string): T & { locale: string } {
  return { ...payload, locale };
}

describe('languages on Discord', () => {
  it('GIVEN a Spanish and a Japanese Discord app THEN /stats answers in each language', async () => {
    const maria = world.newUser();
    const card = await bot.send(
      inLocale(
        slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'choice' }], { user: maria }),
        'es-ES',
      ),
    );
    expect(card.data.content).toContain('Elige una opción.');
    await bot.send(
      inLocale(
        buttonClick(buttonId(card.data, '2. bridge'), sentMessage(card.data), { user: maria, guild: GUILD }),
        'es-ES',
      ),
    );
    const spanish = await bot.send(
      inLocale(slashCommand('stats', [], { user: maria, guild: null }), 'es-ES'),
    );
    expect(spanish).toMatchObject({ type: RESPONSE.MESSAGE });
    expect(spanish.data.content).toContain('📊 **Tu progreso**');
    expect(spanish.data.content).toContain('Repasadas hoy: **1**');
    expect(spanish.data.content).toContain('Racha: **1 día**');

    const yuki = world.newUser();
    const japanese = await bot.send(inLocale(slashCommand('stats', [], { user: yuki, guild: null }), 'ja'));
    expect(japanese.data.content).toContain('📊 **あなたの進み具合**');
    expect(japanese.data.content).toContain('連続記録: **0日**');
    expect(japanese.data.content).not.toContain('Your progress');
  });

  it('GIVEN /settings language:de THEN Mnemo writes German whatever the app says, until language:auto', async () => {
    const user = world.newUser();
    const set = await bot.send(
      inLocale(slashCommand('settings', [{ name: 'language', type: STRING, value: 'de' }], { user }), 'ja'),
    );
    expect(set.data.content).toContain('Mnemo schreibt dir jetzt auf **Deutsch**');
    const stats = await bot.send(inLocale(slashCommand('stats', [], { user, guild: null }), 'ja'));
    expect(stats.data.content).toContain('**Dein Fortschritt**');
    const auto = await bot.send(
      inLocale(slashCommand('settings', [{ name: 'language', type: STRING, value: 'auto' }], { user }), 'ja'),
    );
    expect(auto.data.content).toContain('日本語');
    const after = await bot.send(inLocale(slashCommand('stats', [], { user, guild: null }), 'ja'));
    expect(after.data.content).toContain('あなたの進み具合');
  });
});
