import { NOTHING_CARRIED } from '../../../chat/action-code.ts';
import { DECK_FILE_FORMATS, type DeckFileAction, runDeckFiles } from '../../../chat/deck-files.ts';
import { localeFor } from '../../../chat/i18n/locale.ts';
import { wordsOf } from '../../../chat/messages.ts';
import { renderReply } from '../chat.ts';
import { actorOf, personOf, placeOf } from '../identity.ts';
import type { CommandInteraction, InteractionBase } from '../interaction.ts';
import { messageBody } from '../render.ts';
import { DISCORD_STYLE } from '../style.ts';
import { answer, type HandlerContext, type Outcome } from './context.ts';

/** The `/deck` subcommands that handle a server's decks as files, or hide its bundled ones. */
export const DECK_FILE_SUBCOMMANDS = new Set(['import', 'export', 'hide', 'show']);

/** `/deck import | export | hide | show`, decoded into the deck-file flow's actions. */
export function deckFileActionOf(interaction: CommandInteraction): DeckFileAction {
  const { subcommand, options, files } = interaction;
  const deckId = String(options.deck ?? '').trim();
  if (subcommand === 'hide' || subcommand === 'show')
    return { kind: 'deckVisibility', deckId, hidden: subcommand === 'hide' };
  if (subcommand === 'export') {
    const format = DECK_FILE_FORMATS.find((name) => name === options.format) ?? 'md';
    return { kind: 'deckExport', deckId, format };
  }
  const file = files[String(options.file ?? '')];
  return {
    kind: 'deckImport',
    // An attachment option always resolves; were it not to, the download is refused as unfetchable.
    file: { url: file?.url ?? '', name: file?.name ?? 'upload', size: file?.size ?? null },
    deckId: deckId === '' ? null : deckId,
  };
}

/**
 * A deck-file command or a preview's button. An import is deferred at once (see the router) and its steps
 * replace the deferred message while the file is fetched and read.
 */
export async function deckFilesAnswer(
  interaction: InteractionBase,
  action: DeckFileAction,
  context: HandlerContext,
): Promise<Outcome> {
  const actor = {
    place: placeOf(interaction),
    person: personOf(interaction),
    isAdmin: actorOf(interaction).isAdmin,
  };
  const locale = await localeFor(context.quiz, actor.person, interaction.locale);
  const onStep =
    action.kind === 'deckImport'
      ? async (step: 'downloading' | 'reading') => {
          const text = wordsOf({ code: 'IMPORT_STEP', step }, DISCORD_STYLE, locale);
          await context.api.editOriginal(interaction.token, messageBody({ text, rows: [] }));
        }
      : undefined;
  const reply = await runDeckFiles(context.deckFiles, action, actor, onStep);
  return answer(renderReply(reply, NOTHING_CARRIED, locale));
}
