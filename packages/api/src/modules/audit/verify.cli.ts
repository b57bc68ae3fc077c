/**
 * `pnpm audit:verify`: walks the audit trail of the configured database and says whether every
 * record is intact and in its place. Exits 1 at the first record that is not.
 */
import { loadConfigOrExit } from '../../config.js';
import { openOrm } from '../../db/orm.js';
import { verifyChain } from './audit.service.js';

const config = loadConfigOrExit();
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
