/** What a Discord client shows of a response: its buttons, and the message a click or a modal comes from. */

export interface ShownButton {
  label: string;
  custom_id: string;
  style: number;
  disabled: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: message JSON as the bot sent it
export function buttonsOf(data: any): ShownButton[] {
  // biome-ignore lint/suspicious/noExplicitAny: message JSON as the bot sent it
  return (data?.components ?? []).flatMap((row: any) => row.components ?? []);
}

/** The custom id of the button with this label; throws (listing what is there) when there is none. */
// biome-ignore lint/suspicious/noExplicitAny: message JSON as the bot sent it
export function buttonId(data: any, label: string | RegExp): string {
  const buttons = buttonsOf(data);
  const found = buttons.find((button) =>
    typeof label === 'string' ? button.label === label : label.test(button.label),
  );
  if (!found) throw new Error(`no button ${label}; buttons: ${buttons.map((b) => b.label).join(', ')}`);
  return found.custom_id;
}

export const EPHEMERAL = 64;
export const RESPONSE = {
  PONG: 1,
  MESSAGE: 4,
  DEFERRED_MESSAGE: 5,
  DEFERRED_UPDATE: 6,
  UPDATE: 7,
  AUTOCOMPLETE: 8,
  MODAL: 9,
} as const;
