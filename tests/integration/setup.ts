import { beforeEach } from 'vitest';
import { withDatabase } from '../../lib/db/embedded';

// Point lib/db at the integration database before any test imports it.
process.env.DATABASE_URL = withDatabase(process.env.TEST_DATABASE_BASE_URL!, 'memorands_it');
process.env.BCRYPT_COST ??= '4';
process.env.STORAGE_DIR ??= '.data/it-storage';

// Dates matter (council terms, reporting duty, decision dates): unless a test freezes the calendar clock
// itself (lib/clock), it runs on 2025-05-01, in the 2021–2025 term the older suites were written for.
const { freezeClockForTests } = await import('@/lib/clock');
freezeClockForTests('2025-05-01');
beforeEach(() => freezeClockForTests('2025-05-01'));
