import { type SQL, sql } from 'drizzle-orm';

/** A time as a parameter inside raw `sql`, where Drizzle does not map Dates for the driver. */
export const sqlTime = (time: Date): SQL => sql`${time.toISOString()}::timestamptz`;
