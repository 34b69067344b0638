import { useT } from '../../i18n/intl.js';
import { DEAD_LETTER_QUEUE } from './search.js';

/** A queue's name as the pages show it; the dead-letter queue says what it is. */
export function useQueueLabel() {
  const t = useT();
  return (queue: string) => (queue === DEAD_LETTER_QUEUE ? t('jobs.deadLetter', { queue }) : queue);
}
