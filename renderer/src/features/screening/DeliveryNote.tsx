import { Alert, Button } from '@mui/material';
import { useEffect, useState } from 'react';
import { deliveryStatusText, type ExamDelivery } from '#shared/domain/fhirServer';
import { api } from '../../api/api';
import { formatDateTime } from '../../app/format';

/** How often the note looks again while the screening is still on its way. */
const refreshMs = 5_000;

/**
 * Where this signed screening is on its way to the clinic's FHIR server, in words (queued, sent,
 * or refused with the server's reason and "Retry now"). Nothing shows when sending is off.
 */
export function DeliveryNote({ examId }: { examId: number }): React.JSX.Element | null {
  const [delivery, setDelivery] = useState<ExamDelivery | null>(null);
  const [retryError, setRetryError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const load = (): void => {
      void api()
        .getExamDelivery({ examId })
        .then((r) => {
          if (!live || !r.ok) return;
          setDelivery(r.value);
          if (r.value && (r.value.status === 'queued' || r.value.status === 'sending')) timer = setTimeout(load, refreshMs);
        });
    };
    load();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [examId]);
  if (!delivery) return null;
  const text = deliveryStatusText(delivery);
  switch (delivery.status) {
    case 'sent':
      return (
        <Alert severity="success" role="status" data-testid="delivery-status">
          {text} on {delivery.sentAt ? formatDateTime(delivery.sentAt) : '—'}.
        </Alert>
      );
    case 'queued':
    case 'sending':
      return (
        <Alert severity="info" role="status" data-testid="delivery-status">
          {text}.{delivery.lastError ? ` Last attempt: ${delivery.lastError}` : ''}
        </Alert>
      );
    case 'failed':
      return (
        <Alert
          severity="error"
          role="status"
          data-testid="delivery-status"
          action={
            <Button
              color="inherit"
              size="small"
              onClick={() => {
                setRetryError(null);
                void api()
                  .retryExamDelivery({ examId })
                  .then((r) => (r.ok ? setDelivery(r.value) : setRetryError(r.error.message)));
              }}
            >
              Retry now
            </Button>
          }
        >
          {text}. {delivery.lastError ?? ''}
          {retryError ? ` ${retryError}` : ''}
        </Alert>
      );
  }
}
