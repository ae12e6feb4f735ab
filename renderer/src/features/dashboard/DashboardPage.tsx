import { Alert, Box, Button, LinearProgress, Link, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import type { Dashboard } from '#shared/domain/recall';
import { recallGuidelineLabels } from '#shared/domain/recallSettings';
import { iwgdfCategoryLabels, niceCategoryLabels, recallCategories } from '#shared/recall/recallRules';
import { addDays, addMonths } from '#shared/text/dates';
import { api } from '../../api/api';
import { formatDate, todayIso } from '../../app/format';
import { navigate, routeHash } from '../../app/router';
import { useSession } from '../auth/AuthContext';
import { ExportPanel } from '../export/ExportPanel';
import { useFieldErrors } from '../../components/useFieldErrors';

const number = new Intl.NumberFormat();
const percent = (part: number, whole: number): string => (whole === 0 ? '—' : `${Math.round((100 * part) / whole)}%`);

interface Range {
  from: string;
  to: string;
}

function presets(today: string): { label: string; range: Range }[] {
  const year = Number(today.slice(0, 4));
  return [
    { label: 'Last 12 months', range: { from: addDays(addMonths(today, -12), 1), to: today } },
    { label: 'This year', range: { from: `${year}-01-01`, to: today } },
    { label: 'Last year', range: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` } },
  ];
}

function Figure({ title, value, detail, link }: { title: string; value: string; detail: React.ReactNode; link?: { label: string; go: () => void; href: string } }): React.JSX.Element {
  return (
    <Paper sx={{ p: 2, flex: '1 1 220px' }} component="section" aria-label={title}>
      <Typography variant="subtitle2" component="h2" color="text.secondary">
        {title}
      </Typography>
      <Typography variant="h4" component="p" sx={{ my: 0.5, fontWeight: 600 }}>
        {value}
      </Typography>
      <Typography variant="body2">{detail}</Typography>
      {link ? (
        <Link
          href={link.href}
          onClick={(e) => {
            e.preventDefault();
            link.go();
          }}
          variant="body2"
        >
          {link.label}
        </Link>
      ) : null}
    </Paper>
  );
}

/** A category mix as a table with a bar in each row: the numbers are text, the bar only repeats them. */
function MixTable({ title, rows, total }: { title: string; rows: { label: string; n: number }[]; total: number }): React.JSX.Element {
  return (
    <Box sx={{ flex: '1 1 360px' }}>
      <Table size="small" aria-label={title}>
        <TableHead>
          <TableRow>
            <TableCell>{title}</TableCell>
            <TableCell align="right">Screenings</TableCell>
            <TableCell align="right">Share</TableCell>
            <TableCell sx={{ width: '40%' }}>
              <span className="visually-hidden">Bar</span>
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.label}>
              <TableCell component="th" scope="row">
                {r.label}
              </TableCell>
              <TableCell align="right">{number.format(r.n)}</TableCell>
              <TableCell align="right">{percent(r.n, total)}</TableCell>
              <TableCell aria-hidden="true">
                <Box sx={{ height: 12, bgcolor: 'var(--chart-nice)', width: total === 0 ? 0 : `${(100 * r.n) / total}%`, minWidth: r.n > 0 ? 2 : 0 }} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/**
 * The clinic dashboard for a chosen period: share of patients screened in the last
 * 12 months, screenings by category, overdue and never screened today, high-risk or active results
 * and how many had a referral letter; and, for administrators, the CSV exports.
 */
export function DashboardPage(): React.JSX.Element {
  const { user } = useSession();
  const today = todayIso();
  const [range, setRange] = useState<Range>(() => presets(today)[0]?.range ?? { from: today, to: today });
  const [data, setData] = useState<Dashboard | null>(null);
  const { refused, clear, of: issue, field } = useFieldErrors();
  const [answered, setAnswered] = useState<Range | null>(null);
  const loading = answered !== range;

  useEffect(() => {
    let current = true;
    void api()
      .getDashboard(range)
      .then((r) => {
        if (!current) return;
        setAnswered(range);
        if (r.ok) {
          setData(r.value);
          clear();
        } else refused(r.error);
      });
    return () => {
      current = false;
    };
  }, [range, refused, clear]);

  const d = data;
  return (
    <Stack spacing={2}>
      <Typography variant="h5" component="h1">
        Clinic dashboard
      </Typography>
      <Paper sx={{ p: 2 }}>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }} role="group" aria-label="Period">
          <TextField
            label="From"
            type="date"
            value={range.from}
            onChange={(e) => setRange((r) => ({ ...r, from: e.target.value }))}
            slotProps={{ inputLabel: { shrink: true } }}
            {...field('from', '')}
          />
          <TextField
            label="To"
            type="date"
            value={range.to}
            onChange={(e) => setRange((r) => ({ ...r, to: e.target.value }))}
            slotProps={{ inputLabel: { shrink: true } }}
            {...field('to', '')}
          />
          {presets(today).map((p) => (
            <Button key={p.label} variant={p.range.from === range.from && p.range.to === range.to ? 'contained' : 'outlined'} onClick={() => setRange(p.range)}>
              {p.label}
            </Button>
          ))}
        </Stack>
        {issue('') ? <Alert severity="error">{issue('')}</Alert> : null}
        <Box sx={{ minHeight: 4, mt: 1.5 }}>{loading ? <LinearProgress aria-label="Counting" /> : null}</Box>
      </Paper>
      {d ? (
        <>
          <Typography variant="body2" color="text.secondary" aria-live="polite">
            {formatDate(d.from)} to {formatDate(d.to)}. Overdue and never screened are counted today ({formatDate(d.today)}); recall follows {recallGuidelineLabels[d.guideline]}.
          </Typography>
          <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2 }}>
            <Figure
              title="Screened in the last 12 months"
              value={percent(d.screened12Months.screened, d.patients)}
              detail={`${number.format(d.screened12Months.screened)} of ${number.format(d.patients)} patients on the register, screened ${formatDate(d.screened12Months.windowFrom)} to ${formatDate(d.screened12Months.windowTo)}`}
            />
            <Figure
              title="Screenings in the period"
              value={number.format(d.screenings)}
              detail={`of ${number.format(d.patientsScreened)} patient${d.patientsScreened === 1 ? '' : 's'} (an amended screening counts once)`}
            />
            <Figure
              title="Overdue today"
              value={number.format(d.overdueToday)}
              detail="past their next due date"
              link={{ label: 'Open the worklist', go: () => navigate({ page: 'worklist' }), href: routeHash({ page: 'worklist' }) }}
            />
            <Figure title="Never screened" value={number.format(d.neverScreened)} detail="on the register with no signed screening" />
            <Figure
              title="High-risk or active results"
              value={number.format(d.highRisk.results)}
              detail={`${number.format(d.highRisk.withReferralLetter)} with a referral letter made (${percent(d.highRisk.withReferralLetter, d.highRisk.results)}). NICE high or active, or IWGDF 3 or active disease.`}
            />
          </Stack>
          <Paper sx={{ p: 2 }} component="section" aria-labelledby="mix-title">
            <Typography id="mix-title" variant="h6" component="h2" gutterBottom>
              Screenings in the period by category
            </Typography>
            <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 3 }}>
              <MixTable title="NICE NG19" total={d.screenings} rows={recallCategories.nice.map((c) => ({ label: niceCategoryLabels[c], n: d.categoryMix.nice[c] }))} />
              <MixTable title="IWGDF 2023" total={d.screenings} rows={recallCategories.iwgdf.map((c) => ({ label: iwgdfCategoryLabels[c], n: d.categoryMix.iwgdf[c] }))} />
            </Stack>
          </Paper>
        </>
      ) : null}
      {user.role === 'administrator' ? <ExportPanel range={range} /> : null}
    </Stack>
  );
}
