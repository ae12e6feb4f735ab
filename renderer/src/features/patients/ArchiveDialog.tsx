import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';

interface ArchiveDialogProps {
  open: boolean;
  name: string;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Confirmation before archiving: says what happens and that nothing is deleted. */
export function ArchiveDialog({ open, name, onCancel, onConfirm }: ArchiveDialogProps): React.JSX.Element {
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby="archive-title" aria-describedby="archive-text">
      <DialogTitle id="archive-title">Archive {name}?</DialogTitle>
      <DialogContent>
        <DialogContentText id="archive-text">
          Archived patients are hidden from the patient list and from recall. Their details and screening records are kept
          (they are medical records) and you can restore the patient at any time.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} autoFocus>
          Cancel
        </Button>
        <Button onClick={onConfirm} color="warning" variant="contained">
          Archive patient
        </Button>
      </DialogActions>
    </Dialog>
  );
}
