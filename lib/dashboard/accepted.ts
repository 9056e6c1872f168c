import 'server-only';
import { indicatorByKey } from '@/lib/progress/indicators';

export const SPECIALISTS_KEY = 'social_work_specialists_fte';
export const PAY_KEY = 'avg_gross_monthly_pay_eur';
/** Pay is compared only while the indicator is defined (lib/progress/indicators). */
export const HAS_PAY_INDICATOR = indicatorByKey.has(PAY_KEY);

export type CommitmentStatus = 'NOT_STARTED' | 'IN_PROGRESS' | 'ACHIEVED';
