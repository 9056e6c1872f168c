import { withDatabase } from '../../lib/db/embedded';

// Point lib/db at the integration database before any test imports it.
process.env.DATABASE_URL = withDatabase(process.env.TEST_DATABASE_BASE_URL!, 'memorands_it');
process.env.BCRYPT_COST ??= '4';
process.env.STORAGE_DIR ??= '.data/it-storage';
