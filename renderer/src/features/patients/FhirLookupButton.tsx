import CloudDownloadIcon from '@mui/icons-material/CloudDownload';
import { Button } from '@mui/material';
import { useEffect, useState } from 'react';
import { api } from '../../api/api';
import { navigate } from '../../app/router';
import { FhirLookupDialog } from './FhirLookupDialog';

/** "Find on FHIR server": shown only once the clinic's FHIR server is set up. */
export function FhirLookupButton(): React.JSX.Element | null {
  const [available, setAvailable] = useState(false);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    let live = true;
    void api()
      .getFhirLookupAvailability({})
      .then((r) => {
        if (live && r.ok) setAvailable(r.value.available);
      });
    return () => {
      live = false;
    };
  }, []);

  if (!available) return null;
  return (
    <>
      <Button variant="outlined" startIcon={<CloudDownloadIcon />} onClick={() => setOpen(true)}>
        Find on FHIR server
      </Button>
      <FhirLookupDialog
        open={open}
        onClose={() => setOpen(false)}
        onOpenPatient={(patientId) => {
          setOpen(false);
          navigate({ page: 'patient', patientId });
        }}
      />
    </>
  );
}
