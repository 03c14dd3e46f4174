import { z } from 'zod';

/** An environment variable's text, trimmed; empty counts as unset. */
export const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
