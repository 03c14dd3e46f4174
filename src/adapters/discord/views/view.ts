import { NOTHING_CARRIED } from '../../../chat/action-code.ts';
import type { Say } from '../../../chat/messages.ts';
import { customIdOf } from '../actions.ts';
import type { ButtonRow } from '../reply.ts';
import { fitMessage, MESSAGE_LIMIT } from '../text.ts';

/** A message's content before it is sent one way or another: text (escaped markdown) and buttons. */
export interface View {
  text: string;
  rows: ButtonRow[];
}

/**
 * A view whose text may hold a long answer: past the limit, the text is cut and a "Show more" button
 * sends the whole answer (see the showMore action).
 */
export function withShowMore(view: View, promptId: string, say: Say): View {
  const fitted = fitMessage(view.text, MESSAGE_LIMIT);
  if (!fitted.cut) return view;
  const more = {
    label: say('button.showMore'),
    customId: customIdOf({ kind: 'showMore', promptId }, NOTHING_CARRIED),
    style: 'secondary' as const,
  };
  const [first, ...rest] = view.rows;
  const rows = first && first.length < 5 ? [[...first, more], ...rest] : [...view.rows, [more]];
  return { text: fitted.text, rows };
}
