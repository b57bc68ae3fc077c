/**
 * `pnpm audit:verify`: walks the audit trail of the configured database and says whether every
 * record is intact and in its place. Exits 1 at the first record that is not.
 */
import { ConfigError, loadConfig } from '../../config.js';
import { openOrm } from '../../db/orm.js';
import { verifyChain } from './audit.service.js';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const orm = await openOrm(config);
try {
  const report = await verifyChain(orm.em.fork());
  if (report.broken) {
    console.error(
      `audit trail BROKEN at record ${report.broken.id}: ${report.broken.reason} (${report.records} records before it are intact)`,
    );
    process.exitCode = 1;
  } else {
    console.log(`audit trail intact: ${report.records} records`);
  }
} finally {
  await orm.close(true);
}
