/** A person's scheduling preferences. */
export interface SchedulingSettings {
  /** Probability of recall FSRS aims for when it picks the next interval. */
  desiredRetention: number;
  newPerDay: number;
  maxReviewsPerDay: number;
  /** IANA time zone: a person's day starts at their local midnight. */
  timeZone: string;
  /** The lapse on a card that suspends it as a leech for the person; 0: never. */
  leechLapses: number;
}

export const DEFAULT_SETTINGS = {
  desiredRetention: 0.9,
  newPerDay: 20,
  maxReviewsPerDay: 200,
  timeZone: 'UTC',
  leechLapses: 8,
} as const satisfies SchedulingSettings;

export const SETTING_LIMITS = {
  desiredRetention: { min: 0.7, max: 0.99 },
  newPerDay: { min: 0, max: 1_000 },
  maxReviewsPerDay: { min: 1, max: 10_000 },
  leechLapses: { min: 0, max: 100 },
} as const;

export type SettingsRefusal = {
  ok: false;
  code: 'BAD_SETTING';
  field: keyof SchedulingSettings;
  message: string;
};

/** Checks a change of settings; null when every given value is in range. */
export function checkSettings(
  patch: Partial<SchedulingSettings>,
  isTimeZone: (name: string) => boolean,
): SettingsRefusal | null {
  const refuse = (field: keyof SchedulingSettings, message: string): SettingsRefusal => ({
    ok: false,
    code: 'BAD_SETTING',
    field,
    message,
  });
  for (const field of ['desiredRetention', 'newPerDay', 'maxReviewsPerDay', 'leechLapses'] as const) {
    const value = patch[field];
    if (value === undefined) continue;
    const { min, max } = SETTING_LIMITS[field];
    const whole = field !== 'desiredRetention';
    if (!Number.isFinite(value) || value < min || value > max || (whole && !Number.isInteger(value))) {
      return refuse(field, `must be ${whole ? 'a whole number ' : ''}from ${min} to ${max}`);
    }
  }
  if (patch.timeZone !== undefined && !isTimeZone(patch.timeZone)) {
    return refuse('timeZone', 'must be an IANA time zone such as Europe/Berlin');
  }
  return null;
}
