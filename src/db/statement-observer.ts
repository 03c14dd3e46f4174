import type { PGlite, Transaction } from '@electric-sql/pglite';

/**
 * Told the text of every statement a connection sends, as it is sent (BEGIN and COMMIT of PGlite's own
 * transactions excepted). Tests count an interaction's statements with it, so that count cannot silently grow.
 */
export type StatementObserver = (text: string) => void;

/** PGlite has no hook of its own: its query, exec and transaction (and a transaction's own) are wrapped. */
export function observePglite(client: PGlite, observe: StatementObserver): void {
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = ((text: string, ...rest: unknown[]) => {
    observe(text);
    return (query as (...args: unknown[]) => unknown)(text, ...rest);
  }) as PGlite['query'];
  client.exec = (text, options) => {
    observe(text);
    return exec(text, options);
  };
  client.transaction = (work) => transaction((tx) => work(observedTransaction(tx, observe)));
}

function observedTransaction(tx: Transaction, observe: StatementObserver): Transaction {
  return {
    ...tx,
    query: (text, ...rest) => {
      observe(text);
      return tx.query(text, ...rest);
    },
    exec: (text, options) => {
      observe(text);
      return tx.exec(text, options);
    },
    get closed() {
      return tx.closed;
    },
  };
}
