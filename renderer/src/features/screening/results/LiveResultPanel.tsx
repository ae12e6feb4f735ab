import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Alert, Box, Chip, Divider, Link, Paper, Stack, Typography } from '@mui/material';
import { memo, useState } from 'react';
import type { Assessment, IwgdfResult, NiceResult } from '#shared/clinical/assessment';
import { redFlagLabels } from '#shared/clinical/redFlags';

type Tri = Assessment['lops'];

function triWords(v: Tri): string {
  return v === 'unknown' ? 'not decided' : v ? 'yes' : 'no';
}

/** Severity tone for a category: text always says the category; colour only adds to it. */
function tone(category: IwgdfResult['category'] | NiceResult['category']): 'success' | 'info' | 'warning' | 'error' | 'default' {
  switch (category) {
    case 0:
    case 'low':
      return 'success';
    case 1:
    case 'moderate':
      return 'info';
    case 2:
    case 3:
    case 'high':
      return 'warning';
    case 'urgent':
    case 'active':
      return 'error';
    case 'incomplete':
      return 'default';
  }
}

export function iwgdfTitle(r: IwgdfResult): string {
  return r.category === 'incomplete' ? 'IWGDF 2023: incomplete' : r.category === 'urgent' ? 'IWGDF 2023: urgent (active disease)' : `IWGDF 2023: category ${r.category}, ${r.label.replace(/^Category \d \(|\)$/g, '')}`;
}

export function niceTitle(r: NiceResult): string {
  return r.category === 'incomplete' ? 'NICE NG19: incomplete' : `NICE NG19: ${r.label}`;
}

interface Props {
  assessment: Assessment;
  /** Open where the findings of a reason are recorded; absent on read-only views. */
  onJump?: (paths: readonly string[]) => void;
  /** Live preview (draft) or as signed. */
  live: boolean;
}

type Jump = (paths: readonly string[]) => void;

const linkStyle = { textAlign: 'left', verticalAlign: 'baseline', display: 'inline' } as const;

function FindingLink({ paths, onJump, children }: { paths: readonly string[]; onJump: Jump | undefined; children: React.ReactNode }): React.JSX.Element {
  if (!onJump || paths.length === 0) return <>{children}</>;
  return (
    <Link component="button" type="button" variant="body2" onClick={() => onJump(paths)} sx={linkStyle}>
      {children}
    </Link>
  );
}

function CategoryBlock({ title, result, onJump }: { title: string; result: IwgdfResult | NiceResult; onJump?: Jump }): React.JSX.Element {
  const t = tone(result.category);
  return (
    <Box>
      <Chip label={title} color={t === 'default' ? 'default' : t} variant={t === 'default' ? 'outlined' : 'filled'} sx={{ fontWeight: 700, maxWidth: '100%', height: 'auto', '& .MuiChip-label': { whiteSpace: 'normal', py: 0.5 } }} />
      <Typography variant="body2" sx={{ mt: 0.5 }}>
        <strong>Action:</strong> {result.action}
      </Typography>
      <Typography variant="body2">
        <strong>Review:</strong> {result.interval}
      </Typography>
      <Typography variant="body2" component="div" sx={{ mt: 0.5 }}>
        <strong>Because:</strong>
        {result.category === 'incomplete' ? ` not enough is recorded yet: it could still be ${result.possibleCategories.map(String).join(', ')}.` : null}
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {result.because.filter((b) => b.category !== 'incomplete').map((b) => (
            <li key={b.ruleId}>
              <FindingLink paths={b.findings} onJump={onJump}>
                {b.reason}
              </FindingLink>
            </li>
          ))}
        </Box>
      </Typography>
    </Box>
  );
}

/**
 * What is still missing for either guideline to give a category, listed once (the two often ask
 * for the same findings), the first few shown and the rest on request.
 */
function StillToRecord({ assessment, onJump }: { assessment: Assessment; onJump: Jump | undefined }): React.JSX.Element | null {
  const [all, setAll] = useState(false);
  const items = new Map<string, { action: string; paths: readonly string[] }>();
  for (const r of [assessment.iwgdf2023, assessment.nice]) {
    if (r.category !== 'incomplete') continue;
    for (const t of r.toSettle) if (!items.has(t.action)) items.set(t.action, { action: t.action, paths: t.findings });
  }
  if (items.size === 0) return null;
  const list = [...items.values()];
  const shown = all ? list : list.slice(0, 5);
  return (
    <Box sx={{ mt: 1.5 }}>
      <Typography variant="subtitle2" component="h3">
        Still to record ({list.length})
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {shown.map((t) => (
          <li key={t.action}>
            <FindingLink paths={t.paths} onJump={onJump}>
              {t.action}
            </FindingLink>
          </li>
        ))}
      </Box>
      {list.length > 5 ? (
        <Link component="button" type="button" variant="body2" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${list.length}`}
        </Link>
      ) : null}
    </Box>
  );
}

/**
 * The engine's result with its reasons, beside the screen while recording (live) and on a signed
 * exam. Every reason, missing item and warning links to the finding it is about.
 */
function ResultPanel({ assessment: a, onJump, live }: Props): React.JSX.Element {
  const mnsi = a.scores.mnsiExam;
  const nds = a.scores.nds;
  return (
    <Paper component="section" aria-labelledby="result-heading" sx={{ p: 2 }} variant="outlined">
      <Typography id="result-heading" variant="h6" component="h2">
        {live ? 'Result so far' : 'Result as signed'}
      </Typography>
      <Box role="status" aria-live="polite" aria-atomic="false">
        <Typography variant="body2" sx={{ mb: 1 }}>
          Loss of protective sensation (LOPS): <strong>{triWords(a.lops)}</strong> · Peripheral artery disease (PAD): <strong>{triWords(a.pad)}</strong>
          {a.redFlag ? (
            <>
              {' '}
              · <strong>Red flag</strong>
            </>
          ) : null}
        </Typography>
        <Stack spacing={1.5} divider={<Divider flexItem />}>
          <CategoryBlock title={iwgdfTitle(a.iwgdf2023)} result={a.iwgdf2023} {...(onJump ? { onJump } : {})} />
          <CategoryBlock title={niceTitle(a.nice)} result={a.nice} {...(onJump ? { onJump } : {})} />
        </Stack>
      </Box>
      <StillToRecord assessment={a} onJump={onJump} />
      {a.redFlag ? (
        <Alert severity="error" icon={<ErrorOutlineIcon />} sx={{ mt: 1.5 }}>
          Red flag: {a.redFlags.present.map((id) => redFlagLabels[id].toLowerCase()).join(', ')}. This is not typical diabetic neuropathy: arrange a medical
          review.
        </Alert>
      ) : null}
      {a.warnings.length > 0 ? (
        <Box sx={{ mt: 1.5 }}>
          <Typography variant="subtitle2" component="h3" sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }}>
            <WarningAmberIcon fontSize="small" color="warning" /> Check ({a.warnings.length})
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {a.warnings.map((w, i) => (
              <li key={`${w.id}-${i}`}>
                <FindingLink paths={w.findings} onJump={onJump}>
                  {w.message}
                </FindingLink>
              </li>
            ))}
          </Box>
        </Box>
      ) : null}
      {a.otherCausesToConsider.length > 0 ? (
        <Box component="details" sx={{ mt: 1.5 }}>
          <Typography component="summary" variant="subtitle2" sx={{ cursor: 'pointer' }}>
            Other causes to consider ({a.otherCausesToConsider.length}): {a.otherCausesToConsider.slice(0, 3).map((c) => c.cause.replace(/ \(.*\)$/, '')).join(', ')}…
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {a.otherCausesToConsider.map((c) => (
              <li key={c.id}>
                <Typography variant="body2" component="span">
                  <strong>{c.cause}</strong>: {c.why}
                </Typography>
              </li>
            ))}
          </Box>
        </Box>
      ) : null}
      <Box sx={{ mt: 1.5 }}>
        <Typography variant="subtitle2" component="h3">
          Neuropathy scores
        </Typography>
        <Typography variant="body2">
          {mnsi.name}: {mnsi.total === null ? `not calculated (missing: ${mnsi.missingItems.length} items)` : `${mnsi.total} of ${mnsi.max}${mnsi.abnormal ? ', abnormal' : ''}`}
        </Typography>
        <Typography variant="body2">
          {nds.name}: {nds.total === null ? `not calculated (missing: ${nds.missingItems.length} items)` : `${nds.total} of ${nds.max}${nds.band ? ` (${nds.band})` : ''}`}
        </Typography>
      </Box>
      {/* Identifiers for whoever audits the rules, out of the nurse's way. */}
      <Typography component="details" variant="caption" color="text.secondary" sx={{ display: 'block', mt: 1.5 }}>
        <summary>Rules used</summary>
        Rules: {a.iwgdf2023.ruleSet} v{a.iwgdf2023.ruleSetVersion}, {a.nice.ruleSet} v{a.nice.ruleSetVersion}; engine {a.engineVersion}. Reasons:{' '}
        {[...a.iwgdf2023.because, ...a.nice.because].map((b) => b.ruleId).join(', ') || 'none'}.
      </Typography>
    </Paper>
  );
}

/** Memoised: it re-renders only when the assessment changes (a new answer), not on every key. */
export const LiveResultPanel = memo(ResultPanel);
