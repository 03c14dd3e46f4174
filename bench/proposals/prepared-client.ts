import type postgres from 'postgres';

/**
 * A postgres.js client whose every query is a named prepared statement, the way its tagged templates are.
 * Drizzle asks postgres.js for unnamed statements unless a query is `.prepare()`d, and postgres.js then
 * describes each statement before binding it: two round trips and a fresh plan per query.
 */
export function preparedClient(client: postgres.Sql): postgres.Sql {
  return prepareAll(client);
}

function prepareAll<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, property) {
      const value = Reflect.get(object, property, object) as unknown;
      if (typeof value !== 'function') return value;
      if (property === 'unsafe') {
        return (text: string, params?: unknown[], options?: Record<string, unknown>) =>
          value.call(object, text, params, { ...options, prepare: true });
      }
      if (property === 'begin') {
        return (...args: unknown[]) => {
          const work = args.at(-1) as (tx: object) => unknown;
          return value.call(object, ...args.slice(0, -1), (tx: object) => work(prepareAll(tx)));
        };
      }
      return value.bind(object);
    },
  });
}
