/**
 * A FROM item that commits the statement's own transaction without waiting for the disk
 * (synchronous_commit off, for that transaction only; the session keeps its setting). A WAL flush costs
 * more than the rest of an interaction's database work, so rows whose loss in a crash of the database
 * would be harmless are written this way; any later ordinary commit (an answer's) makes them durable too.
 * The parameters of an INSERT … SELECT from it need explicit types.
 */
export const NO_FLUSH = `(select set_config('synchronous_commit', 'off', true)) as no_flush`;
