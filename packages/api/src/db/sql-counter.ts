import { AsyncLocalStorage } from 'node:async_hooks';
import { DefaultLogger, type LogContext, type LoggerOptions } from '@mikro-orm/core';

/** Counts the SQL statements run inside one unit of work (a GraphQL request), across async hops. */
export interface SqlCount {
  statements: number;
}

const current = new AsyncLocalStorage<SqlCount>();

export function countSql<T>(counter: SqlCount, fn: () => T): T {
  return current.run(counter, fn);
}

/** The counter of the scope this runs in (`countSql`), if any. */
export function sqlCountInScope(): SqlCount | undefined {
  return current.getStore();
}

/** MikroORM hands every statement to its logger, whether or not it prints: we count it there. */
export class CountingLogger extends DefaultLogger {
  override logQuery(context: { query: string } & LogContext): void {
    const counter = current.getStore();
    if (counter && context.level !== 'error') counter.statements += 1;
    super.logQuery(context);
  }

  static override create(this: void, options: LoggerOptions): CountingLogger {
    return new CountingLogger(options);
  }
}
