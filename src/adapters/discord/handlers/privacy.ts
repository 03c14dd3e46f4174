import { NOTHING_CARRIED } from '../../../chat/action-code.ts';
import { localeFor } from '../../../chat/i18n/locale.ts';
import { type PrivacyAction, runPrivacy } from '../../../chat/privacy.ts';
import { renderReply } from '../chat.ts';
import { personOf } from '../identity.ts';
import type { CommandInteraction, InteractionBase } from '../interaction.ts';
import { answer, type HandlerContext, type Outcome } from './context.ts';

/** `/privacy export | delete`: the person's own data, on Discord; delete asks for a confirmation first. */
export function privacyCommand(interaction: CommandInteraction, context: HandlerContext): Promise<Outcome> {
  const action: PrivacyAction =
    interaction.subcommand === 'delete' ? { kind: 'askErase' } : { kind: 'exportData' };
  return privacyAnswer(interaction, action, context);
}

/** A privacy flow for the person who acted, wherever they are: their data is theirs, not a server's. */
export async function privacyAnswer(
  interaction: InteractionBase,
  action: PrivacyAction,
  context: HandlerContext,
): Promise<Outcome> {
  const person = personOf(interaction);
  const locale = await localeFor(context.quiz, person, interaction.locale);
  const reply = await runPrivacy(context.privacy, action, person, (total) =>
    context.log.info({ rows: total }, 'personal data erased'),
  );
  return answer(renderReply(reply, NOTHING_CARRIED, locale));
}
