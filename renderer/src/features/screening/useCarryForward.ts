import { useEffect, useState } from 'react';
import type { Exam } from '#shared/domain/exam';
import { api } from '../../api/api';
import { formatDate } from '../../app/format';
import { carriedItems, previousSignedExam } from './model/carryForward';
import type { Carried } from './steps/HistoryStep';

/**
 * The answers offered from the patient's last signed screening (null while loading, or when there
 * is none). Read once per draft; a failure to read only means nothing is offered.
 */
export function useCarryForward(exam: Pick<Exam, 'id' | 'seriesId' | 'patientId' | 'version'>): Carried | null {
  const [carried, setCarried] = useState<Carried | null>(null);
  const { id, seriesId, patientId, version } = exam;
  useEffect(() => {
    // An amendment starts from its own signed findings: nothing to offer.
    if (version > 1) return;
    let live = true;
    void (async () => {
      const list = await api().listPatientExams({ patientId });
      if (!list.ok || !live) return;
      const previous = previousSignedExam(list.value, { id, seriesId });
      if (!previous) return;
      const full = await api().getExam({ id: previous.id });
      if (!full.ok || !live) return;
      const items = carriedItems(full.value.findings);
      if (items.length > 0) setCarried({ date: formatDate(previous.examinedOn ?? previous.startedAt.slice(0, 10)), items });
    })();
    return () => {
      live = false;
    };
  }, [id, seriesId, patientId, version]);
  return carried;
}
