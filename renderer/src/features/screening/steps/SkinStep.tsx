import { Autocomplete, Box, Paper, Stack, TextField, Typography } from '@mui/material';
import { monofilamentSites, sideLabel } from '#shared/clinical/protocols';
import { footColours, footWarmths, monofilamentSiteKeys, type FootColour, type FootFindings, type FootWarmth, type Nails, type Skin, type Side } from '#shared/domain/findings';
import { examinedSides, updateFoot } from '../model/screeningState';
import { Choice, toYesNo, yesNo } from './controls';
import type { StepProps } from './stepProps';

type SkinFlag = 'activeUlcer' | 'infection' | 'gangrene' | 'callus' | 'fissures' | 'dryness' | 'interdigitalMaceration' | 'preUlcerativeLesion';
type SiteList = 'ulcerSites' | 'callusSites' | 'fissureSites';

const items: { key: SkinFlag; label: string; hint: string; sites?: SiteList }[] = [
  { key: 'activeUlcer', label: 'Active ulcer', hint: 'An open wound or break in the skin that has not healed', sites: 'ulcerSites' },
  { key: 'infection', label: 'Infection', hint: 'Redness, warmth, swelling, pus or spreading cellulitis' },
  { key: 'gangrene', label: 'Gangrene', hint: 'Black, dead tissue' },
  { key: 'callus', label: 'Callus', hint: 'Thick, hard skin over a pressure point', sites: 'callusSites' },
  { key: 'fissures', label: 'Fissures', hint: 'Cracks in the skin, often at the heel', sites: 'fissureSites' },
  { key: 'dryness', label: 'Dry skin', hint: 'Counts in the MNSI appearance item' },
  { key: 'interdigitalMaceration', label: 'Maceration between the toes', hint: 'White, soggy or broken skin between the toes (often fungal)' },
  { key: 'preUlcerativeLesion', label: 'Pre-ulcerative lesion', hint: 'Blister, bleeding under callus, or a deep fissure: an ulcer about to form' },
];

export const colourLabels: Readonly<Record<FootColour, string>> = { normal: 'Normal', red: 'Red', pale: 'Pale', cyanosed: 'Blue (cyanosed)', black: 'Black' };
export const warmthLabels: Readonly<Record<FootWarmth, string>> = { normal: 'Normal', warm: 'Warmer', cold: 'Colder' };
type NailFlag = 'thickened' | 'ingrown' | 'fungal';
export const nailLabels: Readonly<Record<NailFlag, { label: string; hint: string }>> = {
  thickened: { label: 'Thickened nails', hint: 'Nail plate thick and hard to cut (onychauxis, onychogryphosis)' },
  ingrown: { label: 'Ingrown nail', hint: 'Nail edge growing into the skin at the side of the nail' },
  fungal: { label: 'Fungal nail infection suspected', hint: 'Yellow, white or brown, crumbly nail (onychomycosis)' },
};

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
          <FootSkin
            key={side}
            side={side}
            foot={state.findings.feet[side]}
            onChange={(skin) => update((s) => updateFoot(s, side, (f) => ({ ...f, skin })))}
            change={(f) => update((s) => updateFoot(s, side, f))}
          />
        ))}
      </Stack>
    </Stack>
  );
}

interface FootSkinProps {
  side: Side;
  foot: FootFindings;
  onChange: (skin: Skin) => void;
  change: (f: (foot: FootFindings) => FootFindings) => void;
}

function FootSkin({ side, foot, onChange, change }: FootSkinProps): React.JSX.Element {
  const skin: Skin = foot.skin ?? {};
  const nails: Nails = foot.nails ?? {};
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
          {item.key === 'activeUlcer' && skin.activeUlcer === true ? (
            <TextField
              size="small"
              multiline
              fullWidth
              label={`Ulcer: where, size, depth, appearance (${side})`}
              value={skin.ulcerDescription ?? ''}
              onChange={(e) => {
                const { ulcerDescription: _d, ...rest } = skin;
                onChange(e.target.value.trim() === '' ? rest : { ...skin, ulcerDescription: e.target.value });
              }}
              slotProps={{ htmlInput: { maxLength: 1000 } }}
              sx={{ mb: 1, ml: 2, width: 'calc(100% - 16px)' }}
            />
          ) : null}
        </Box>
      ))}
      <Choice
        label="Colour"
        hint="Red: inflammation, infection or Charcot; pale or blue: poor circulation; black: dead tissue"
        value={foot.colour}
        options={footColours.map((c) => ({ value: c, label: colourLabels[c] }))}
        onChange={(v) => change((f) => ({ ...f, colour: v }))}
      />
      <Choice
        label="Temperature to the touch"
        hint="Back of your hand, compared with the other foot"
        value={foot.warmth}
        options={footWarmths.map((w) => ({ value: w, label: warmthLabels[w] }))}
        onChange={(v) => change((f) => ({ ...f, warmth: v }))}
      />
      <Choice
        label="Oedema"
        hint="Swelling of the foot or ankle; pitting when pressed"
        value={toYesNo(foot.oedema)}
        options={yesNo}
        onChange={(v) => change((f) => ({ ...f, oedema: v === 'yes' }))}
      />
      {(Object.keys(nailLabels) as NailFlag[]).map((key) => (
        <Choice
          key={key}
          label={nailLabels[key].label}
          hint={nailLabels[key].hint}
          value={toYesNo(nails[key])}
          options={yesNo}
          onChange={(v) => change((f) => ({ ...f, nails: { ...f.nails, [key]: v === 'yes' } }))}
        />
      ))}
    </Paper>
  );
}
