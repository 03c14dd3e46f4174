import type { Action } from '../../chat/action.ts';
import { type Carried, decodeAction } from '../../chat/action-code.ts';

/**
 * Custom ids of buttons posted before the shared action code (src/chat/action-code.ts), still on questions
 * of the day, reminders and cards in Discord: `mn:<tag>:<fields>`, a scope `<deck or *>[@<guild>]` last on
 * a card's buttons. Each is rewritten into the shared code and read by its decoder, which checks every field.
 */
const LEGACY: Record<string, { tag: string; scoped: boolean; order?: number[] }> = {
  ans: { tag: 'a', scoped: true },
  typed: { tag: 't', scoped: true },
  idk: { tag: 'k', scoped: true },
  show: { tag: 'v', scoped: true },
  opt: { tag: 'o', scoped: true },
  rate: { tag: 'r', scoped: true },
  next: { tag: 'n', scoped: true },
  st: { tag: 's', scoped: true },
  more: { tag: 'm', scoped: false },
  erase: { tag: 'e', scoped: false },
  impok: { tag: 'ic', scoped: false },
  impno: { tag: 'ix', scoped: false },
  dans: { tag: 'da', scoped: false },
  dtyped: { tag: 'dt', scoped: false },
  dshow: { tag: 'dv', scoped: false },
  // `dopt:<delivery>:<option>:<card>`, `drate:<prompt>:<rating>:<delivery>:<post>`, `right:<review>`.
  dopt: { tag: 'do', scoped: false, order: [0, 2, 1] },
  drate: { tag: 'dr', scoped: false, order: [2, 0, 1] },
};
const SNOWFLAKE = /^\d{1,20}$/;

/** The action behind a custom id of an earlier version, or null. */
export function decodeLegacyId(customId: string): { action: Action; carried: Carried } | null {
  const [prefix, tag = '', ...fields] = customId.split(':');
  if (prefix !== 'mn') return null;
  if (tag === 'right') return fields.length === 1 ? decodeAction(`m:w:::${fields[0]}:*`) : null;
  if (tag === 'start') {
    const [guild = ''] = fields;
    return SNOWFLAKE.test(guild) && fields.length === 1 ? decodeAction(`m:g:${guild}:`) : null;
  }
  const legacy = Object.hasOwn(LEGACY, tag) ? LEGACY[tag] : undefined;
  if (!legacy) return null;
  let place = '';
  let post = '';
  if (legacy.scoped) {
    const [deck = '', guild] = (fields.pop() ?? '').split('@');
    if (guild !== undefined && !SNOWFLAKE.test(guild)) return null;
    fields.push(deck);
    place = guild ?? '';
  }
  if (tag === 'drate') {
    post = fields.pop() ?? '';
    if (!SNOWFLAKE.test(post)) return null;
  }
  const ordered = legacy.order ? legacy.order.map((i) => fields[i] ?? '') : fields;
  if (ordered.length !== fields.length) return null;
  return decodeAction(['m', legacy.tag, place, post, ...ordered].join(':'));
}
