import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Paper, Stack, Typography } from '@mui/material';
import { memo } from 'react';
import type { Assessment } from '#shared/clinical/assessment';
import type { FootDiagramInput } from '#shared/clinical/footDiagramSvg';
import type { ScreeningStep } from '#shared/domain/exam';
import type { Side } from '#shared/domain/findings';
import type { Patient } from '#shared/domain/patient';
import { navigate } from '../../app/router';
import { ExamHeading } from './ExamHeading';
import { useValueAfterPaint } from './useValueAfterPaint';
import { FootDiagram, type DiagramCurrent, type DiagramLesion } from './FootDiagram';
import { LiveResultPanel } from './results/LiveResultPanel';
import { SaveChip } from './SaveChip';
import type { SaveStatusStore } from './saveStatusStore';
import { KeyLegend } from './steps/controls';
import { stepKeys } from './steps/stepKeys';
import { stepTitles } from './StepNav';

/*
 * The parts of the guided screen around the open step. Each is memoised and is handed props that
 * stay the same between answer keys (strings, booleans, memoised objects, stable callbacks), so a
 * key re-renders the step and nothing else here; the styles are module constants, so emotion
 * never has a new object to serialise. A part renders again only when what it shows changes.
 */

const headingRowStyle = { alignItems: 'center', flexWrap: 'nowrap', flexShrink: 0 } as const;
const diagramStyle = { p: 1, minHeight: { xs: 280, md: 0 }, height: { md: '100%' }, display: 'flex', flexDirection: 'column' } as const;
const sectionHeadStyle = { px: 2, pt: 1, flexShrink: 0 } as const;
const footStyle = { px: 2, py: 1, borderTop: 1, borderColor: 'divider', flexShrink: 0 } as const;
const navRowStyle = { mt: 1, flexWrap: 'nowrap', alignItems: 'center' } as const;
const resultColumnStyle = { minHeight: 0, overflowY: 'auto' } as const;
const nowrap = { whiteSpace: 'nowrap' } as const;
const errorStyle = { mt: 1 } as const;

/** Whose screening, when, the autosave's status and the way out (Pause). */
export const WizardHeading = memo(function WizardHeading({ patient, subtitle, saveStatus }: { patient: Patient; subtitle: string; saveStatus: SaveStatusStore }): React.JSX.Element {
  return (
    <ExamHeading patient={patient} subtitle={subtitle}>
      <Stack direction="row" spacing={1} sx={headingRowStyle}>
        <SaveChip store={saveStatus} />
        <Button onClick={() => navigate({ page: 'patient', patientId: patient.id })} sx={nowrap}>
          Pause (come back later)
        </Button>
      </Stack>
    </ExamHeading>
  );
});

interface DiagramPaneProps {
  input: Pick<FootDiagramInput, 'protocol' | 'feet'>;
  current: DiagramCurrent | null;
  label: string;
  lesions: readonly DiagramLesion[];
  onSelectSite: (side: Side, key: string) => void;
  onSelectFork: (side: Side) => void;
}

/** The diagram column: changes when a result or the current site changes, not on every key. */
export const DiagramPane = memo(function DiagramPane({ input, current, label, lesions, onSelectSite, onSelectFork }: DiagramPaneProps): React.JSX.Element {
  return (
    <Paper variant="outlined" sx={diagramStyle}>
      <FootDiagram input={input} current={current} label={label} lesions={lesions} onSelectSite={onSelectSite} onSelectFork={onSelectFork} fill />
    </Paper>
  );
});

/** The open step's title (the section's name). */
export const StepHeading = memo(function StepHeading({ step }: { step: ScreeningStep }): React.JSX.Element {
  return (
    <Box sx={sectionHeadStyle}>
      <Typography id="step-heading" variant="h6" component="h2">
        {stepTitles[step]}
      </Typography>
    </Box>
  );
});

interface StepFooterProps {
  step: ScreeningStep;
  /** The step after this one (its title is on the Next button). */
  next: ScreeningStep;
  first: boolean;
  onBack: () => void;
  onNext: () => void;
}

/** The step's keys and its Back / Next buttons: the same for every key within a step. */
export const StepFooter = memo(function StepFooter({ step, next, first, onBack, onNext }: StepFooterProps): React.JSX.Element {
  return (
    <Box sx={footStyle}>
      <KeyLegend keys={stepKeys[step]} />
      {step !== 'review' ? (
        <Stack direction="row" spacing={1} sx={navRowStyle}>
          <Button onClick={onBack} disabled={first} sx={nowrap}>
            Back
          </Button>
          <Button variant="outlined" onClick={onNext} sx={nowrap}>
            Next: {stepTitles[next]}
          </Button>
        </Stack>
      ) : null}
    </Box>
  );
});

/** The live result beside the step (wide windows), drawn a frame after the diagram (`useValueAfterPaint`). */
export const ResultColumn = memo(function ResultColumn({ assessment, onJump }: { assessment: Assessment; onJump: (paths: readonly string[]) => void }): React.JSX.Element {
  const shown = useValueAfterPaint(assessment);
  return (
    <Box sx={resultColumnStyle}>
      <LiveResultPanel assessment={shown} onJump={onJump} live />
    </Box>
  );
});

interface SignDialogProps {
  open: boolean;
  signerName: string;
  incomplete: boolean;
  signing: boolean;
  error: string | null;
  onCancel: () => void;
  onSign: () => void;
}

/**
 * Asking before signing. Kept mounted while closed (the dialog opens and takes its keys at once:
 * S then Enter signs), memoised so that closed it costs nothing per key.
 */
export const SignDialog = memo(function SignDialog({ open, signerName, incomplete, signing, error, onCancel, onSign }: SignDialogProps): React.JSX.Element {
  return (
    <Dialog open={open} onClose={onCancel} aria-labelledby="sign-title">
      <DialogTitle id="sign-title">Sign this screening?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          Signed by <strong>{signerName}</strong>. {incomplete ? 'The result is incomplete. ' : ''}
          Once signed the exam cannot be changed; a correction is made as an amendment with a reason.
        </DialogContentText>
        {error ? (
          <Alert severity="error" sx={errorStyle}>
            {error}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant="contained" onClick={onSign} autoFocus disabled={signing}>
          {signing ? 'Signing…' : 'Sign'}
        </Button>
      </DialogActions>
    </Dialog>
  );
});

/** Asking before a draft is set aside; kept mounted and memoised like the sign dialog. */
export const DiscardDialog = memo(function DiscardDialog({ open, onKeep, onDiscard }: { open: boolean; onKeep: () => void; onDiscard: () => void }): React.JSX.Element {
  return (
    <Dialog open={open} onClose={onKeep} aria-labelledby="discard-title">
      <DialogTitle id="discard-title">Discard this draft?</DialogTitle>
      <DialogContent>
        <DialogContentText>Everything recorded in this unsigned screening will be set aside. This cannot be undone from the screen.</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onKeep} autoFocus>
          Keep the draft
        </Button>
        <Button color="warning" variant="contained" onClick={onDiscard}>
          Discard
        </Button>
      </DialogActions>
    </Dialog>
  );
});
