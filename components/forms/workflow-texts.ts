import type { Translate } from '@/lib/i18n';

type ConfirmStep = 'submitDecision' | 'verify' | 'withdraw' | 'accept';

/** The texts of a final action's confirmation step (components/forms/confirm-step), one set per workflow step. */
export function confirmTexts(t: Translate, step: ConfirmStep) {
  return {
    heading: t(`secretaryYear.${step}Heading`),
    consequence: t(`secretaryYear.${step}Text`),
    confirmLabel: t(`secretaryYear.${step}Confirm`),
    cancelLabel: t('secretaryYear.cancel'),
  };
}

/** The words that mark each step of a journey (components/steps) as done, current or still to come. */
export function stepWords(t: Translate) {
  return { done: t('secretaryYear.stepDone'), current: t('secretaryYear.stepCurrent'), todo: t('secretaryYear.stepTodo') };
}
