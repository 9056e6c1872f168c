import type { Translate } from '@/lib/i18n';
import { Steps } from '@/components/steps';
import { stepWords } from '@/components/forms/workflow-texts';

/** The five steps of joining, the current one from the accession's state and what has been recorded. */
export function JoinSteps({
  status,
  hasDecisionDoc,
  hasDecisionFacts,
  t,
}: {
  status: string;
  hasDecisionDoc: boolean;
  hasDecisionFacts: boolean;
  t: Translate;
}) {
  return (
    <Steps
      testId="join-steps"
      label={t('secretaryYear.joinSteps')}
      steps={[
        t('secretaryYear.joinStep1'),
        t('secretaryYear.joinStep2'),
        t('secretaryYear.joinStep3'),
        t('secretaryYear.joinStep4'),
        t('secretaryYear.joinStep5'),
      ]}
      current={status === 'VERIFIED' ? 5 : status === 'SUBMITTED' ? 4 : hasDecisionDoc ? 3 : hasDecisionFacts ? 1 : 0}
      words={stepWords(t)}
    />
  );
}
