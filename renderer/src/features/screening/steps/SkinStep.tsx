import { Autocomplete, Box, Paper, Stack, TextField, Typography } from '@mui/material';
import { monofilamentSites, sideLabel } from '#shared/clinical/protocols';
import { monofilamentSiteKeys, type Skin, type Side } from '#shared/domain/findings';
import { examinedSides, updateFoot } from '../model/screeningState';
import { Choice, toYesNo, yesNo } from './controls';
import type { StepProps } from './stepProps';

type SkinFlag = 'activeUlcer' | 'infection' | 'gangrene' | 'callus' | 'fissures' | 'dryness';
type SiteList = 'ulcerSites' | 'callusSites' | 'fissureSites';

const items: { key: SkinFlag; label: string; hint: string; sites?: SiteList }[] = [
  { key: 'activeUlcer', label: 'Active ulcer', hint: 'An open wound or break in the skin that has not healed', sites: 'ulcerSites' },
  { key: 'infection', label: 'Infection', hint: 'Redness, warmth, swelling, pus or spreading cellulitis' },
  { key: 'gangrene', label: 'Gangrene', hint: 'Black, dead tissue' },
  { key: 'callus', label: 'Callus', hint: 'Thick, hard skin over a pressure point', sites: 'callusSites' },
  { key: 'fissures', label: 'Fissures', hint: 'Cracks in the skin, often at the heel', sites: 'fissureSites' },
  { key: 'dryness', label: 'Dry skin', hint: 'Counts in the MNSI appearance item' },
];

/** Zones where a lesion can be placed on the diagram (the 10-site map's areas). */
export const lesionZones = monofilamentSiteKeys.filter((k) => k !== 'dorsum');

export const lesionLetters: Record<SiteList, { letter: string; word: string }> = {
  ulcerSites: { letter: 'U', word: 'ulcer' },
  callusSites: { letter: 'C', word: 'callus' },
  fissureSites: { letter: 'F', word: 'fissure' },
};

/** Active ulcer, infection, gangrene, callus, fissures, dry skin; lesions placed on the diagram. */
export function SkinStep({ state, update }: StepProps): React.JSX.Element {
  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        Look at both feet, between the toes and the heels. Press N if there is none of these on either foot.
      </Typography>
      <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
        {examinedSides(state.findings).map((side) => (
          <FootSkin key={side} side={side} skin={state.findings.feet[side].skin ?? {}} onChange={(skin) => update((s) => updateFoot(s, side, (f) => ({ ...f, skin })))} />
        ))}
      </Stack>
    </Stack>
  );
}

function FootSkin({ side, skin, onChange }: { side: Side; skin: Skin; onChange: (skin: Skin) => void }): React.JSX.Element {
  return (
    <Paper variant="outlined" sx={{ p: 1.5, flex: 1, minWidth: 0, containerType: 'inline-size' }}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700 }}>
        {sideLabel(side)} foot
      </Typography>
      {items.map((item) => (
        <Box key={item.key}>
          <Choice
            label={item.label}
            hint={item.hint}
            finding={`feet.${side}.skin.${item.key}`}
            value={toYesNo(skin[item.key])}
            options={yesNo}
            onChange={(v) => {
              const next: Skin = { ...skin, [item.key]: v === 'yes' };
              if (v === 'no' && item.sites) delete next[item.sites];
              onChange(next);
            }}
          />
          {item.sites && skin[item.key] === true ? (
            <Autocomplete
              multiple
              size="small"
              options={lesionZones as readonly string[]}
              value={skin[item.sites] ?? []}
              getOptionLabel={(k) => monofilamentSites[k as keyof typeof monofilamentSites]?.name ?? k}
              onChange={(_e, zones) => onChange({ ...skin, [item.sites as SiteList]: zones })}
              renderInput={(params) => <TextField {...params} label={`Where (${item.label.toLowerCase()}, ${side})`} />}
              sx={{ mb: 1, ml: 2 }}
            />
          ) : null}
        </Box>
      ))}
    </Paper>
  );
}
