import { Alert, Button, Stack, Typography } from '@mui/material';
import { markerStyles } from '#shared/clinical/markerStyles';
import { siteLabel } from '#shared/clinical/protocols';
import { answer, goToSite, markNotTestable, protocolOf, sensationSites, undo } from '../model/screeningState';
import { AnswerPanel } from './AnswerPanel';
import { random, type StepProps } from './stepProps';

export interface MenuControl {
  reasonMenuOpen: boolean;
  setReasonMenuOpen: (open: boolean) => void;
}

const monofilamentReal =
  'Press the 10 g monofilament straight onto the skin until it bends, about 2 seconds from approach to removal. Do not slide it or touch twice.';
const monofilamentSham = 'Bring the filament close and away again WITHOUT touching the skin.';
const ipswichReal = 'Lightly rest your index finger on the tip of the toe for 1–2 seconds. Do not push, prod or tap. Patient’s eyes closed.';

/** Site by site, foot by foot: the protocol's touches including the sham, answered with Y / N. */
export function SensationStep({ state, update, assessment, reasonMenuOpen, setReasonMenuOpen }: StepProps & MenuControl): React.JSX.Element {
  const { position } = state;
  const protocol = protocolOf(state);
  const all = sensationSites(state);
  if (all.length === 0) return <Alert severity="info">No foot is being examined, so there is nothing to test here.</Alert>;
  if (!position.side || !position.site) return <Typography>Choose a site on the diagram to test it.</Typography>;
  if (!position.pending) {
    // Opened from a reason: the recorded result is shown; a new test starts only when asked.
    const side = position.side;
    const site = position.site;
    const foot = assessment.perFoot[side];
    const result = (protocol === 'ipswich' ? foot.touchTest.sites : foot.monofilament.sites).find((x) => x.key === site);
    return (
      <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
        <Typography variant="h6" component="p" sx={{ fontWeight: 700 }}>
          {siteLabel(side, protocol, site)}
        </Typography>
        <Typography>Recorded: {result && result.state !== 'pending' ? markerStyles[result.state].label.toLowerCase() : 'not recorded yet'}.</Typography>
        <Button variant="outlined" onClick={() => update((s) => goToSite(s, { side, key: site }, random))}>
          Test this site again
        </Button>
        <Typography variant="body2" color="text.secondary">
          Or choose another site on the diagram.
        </Typography>
      </Stack>
    );
  }
  const where = siteLabel(position.side, protocol, position.site);
  const done = all.filter((s) => {
    const foot = assessment.perFoot[s.side];
    const sites = protocol === 'ipswich' ? foot.touchTest.sites : foot.monofilament.sites;
    return sites.some((x) => x.key === s.key && x.state !== 'pending');
  }).length;
  return (
    <>
      <p className="answer-intro">
        Demonstrate on the patient’s hand first; the patient must not watch. Site {Math.min(done + 1, all.length)} of {all.length}.
      </p>
      <AnswerPanel
        where={where}
        sequence={position.pending.sequence}
        answers={position.pending.answers}
        realInstruction={protocol === 'ipswich' ? ipswichReal : monofilamentReal}
        shamInstruction={monofilamentSham}
        onAnswer={(a) => update((s) => answer(s, a, random))}
        onNotTestable={(reason) => update((s) => markNotTestable(s, reason, random))}
        onUndo={() => update((s) => undo(s, random))}
        reasonMenuOpen={reasonMenuOpen}
        setReasonMenuOpen={setReasonMenuOpen}
      />
    </>
  );
}
