/**
 * `pnpm seed [--scale N] [--reset]`: fills the database with the demo districts.
 * Refuses to touch a database that already has areas unless told to --reset it.
 */
import { parseArgs } from 'node:util';
import type { EntityManager } from '@mikro-orm/sql';
import { loadConfigOrExit } from '../config.js';
import { migrate, openOrm } from '../db/orm.js';
import { AuditRecord } from '../modules/audit/audit.entity.js';
import { isEmpty, seedDemo } from './demo-district.js';

const USAGE =
  'usage: pnpm seed [--scale N] [--reset]\n  --scale N  districts to create, 1 to 100 (default 1)\n  --reset    delete every row of every table (but the append-only audit trail) first';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parseScale(value: string): number {
  if (!/^\d+$/.test(value)) fail(`--scale must be a whole number from 1 to 100, got "${value}"\n${USAGE}`);
  const scale = Number(value);
  if (scale < 1 || scale > 100) fail(`--scale must be from 1 to 100, got ${scale}\n${USAGE}`);
  return scale;
}

/**
 * Empties every table the entities map, in one statement, and restarts their id sequences; but
 * the audit trail, which is append-only: it keeps the history, and records the reset itself.
 */
async function resetAll(em: EntityManager): Promise<void> {
  const tables = [...em.getMetadata().getAll().values()]
    .filter((meta) => meta.tableName && !meta.embeddable && !meta.virtual && !meta.abstract && meta.class !== AuditRecord)
    .map((meta) => `"${meta.tableName}"`);
  await em.execute(`truncate table ${[...new Set(tables)].join(', ')} restart identity cascade`);
}

let args: { scale: number; reset: boolean };
try {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  args = { scale: parseScale(values.scale), reset: values.reset };
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}

const started = performance.now();
const config = loadConfigOrExit();
const orm = await openOrm(config);
try {
  await migrate(orm);
  const seeding = performance.now();
  const summary = await orm.em.fork().transactional(async (em) => {
    if (args.reset) await resetAll(em);
    else if (!(await isEmpty(em))) return null;
    return seedDemo(em, { scale: args.scale });
  });
  if (!summary) {
    console.error('The database already has areas; run with --reset to delete all data and seed again.');
    process.exitCode = 1;
  } else {
    const where = config.databaseUrl ? new URL(config.databaseUrl).host : config.dataDir;
    console.log(`Seeded ${args.scale} district${args.scale === 1 ? '' : 's'} into ${where}:`);
    console.table(summary);
    const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
    console.log(`seeded in ${seconds(seeding)} s (${seconds(started)} s in all)`);
  }
} finally {
  await orm.close(true);
}
