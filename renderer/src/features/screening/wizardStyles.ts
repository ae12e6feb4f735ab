import type { Theme } from '@mui/material';

/*
 * The frame of the guided screen (its column, the three-column grid, the step's card and scrolling
 * body) and the autosave's status chip: they render again on every answer key (the frame holds the
 * step; the chip flips to "Saving…" on the key), so they are plain elements drawn by this sheet,
 * written once per screen from the theme. As MUI Box / Paper / Chip each ran the sx and theme style
 * functions and emotion on every key. The rules are the ones those components drew.
 */
export function wizardStyles(t: Theme): Record<string, unknown> {
  const p = t.vars?.palette;
  const md = t.breakpoints.up('md');
  const lg = t.breakpoints.up('lg');
  const chipColours = (['success', 'warning', 'error'] as const).map((c) => {
    const main = p?.[c].main ?? t.palette[c].main;
    return [`.save-chip[data-tone="${c}"]`, { color: main, borderColor: t.alpha(main, 0.7) }] as const;
  });
  return {
    // The screen fits the window from 900 px wide (no page scroll): each column scrolls inside itself.
    // 96 px: the dense app bar (48) and the page's top and bottom padding (24 each).
    '.wizard': { display: 'flex', flexDirection: 'column', gap: t.spacing(1), [md]: { height: 'calc(100vh - 96px)', minHeight: 480 } },
    '.wizard-grid': {
      flex: 1,
      minHeight: 0,
      display: 'grid',
      gap: t.spacing(1.5),
      gridTemplateColumns: '1fr',
      [md]: { gridTemplateColumns: 'minmax(220px, 0.8fr) minmax(0, 1.25fr)', gridTemplateRows: 'minmax(0, 1fr)' },
      [lg]: { gridTemplateColumns: 'minmax(240px, 0.85fr) minmax(400px, 1.35fr) minmax(300px, 0.95fr)' },
    },
    // An elevated card, as MUI's Paper draws it (the overlay lightens it in dark).
    '.wizard-step': {
      display: 'flex',
      flexDirection: 'column',
      minHeight: 0,
      backgroundColor: p?.background.paper ?? t.palette.background.paper,
      color: p?.text.primary ?? t.palette.text.primary,
      borderRadius: t.shape.borderRadius,
      boxShadow: t.vars?.shadows[1] ?? t.shadows[1],
      backgroundImage: t.vars?.overlays[1] ?? 'none',
      [md]: { height: '100%' },
    },
    '.wizard-step-body': { padding: `0 ${t.spacing(2)} ${t.spacing(1)}`, flex: 1, minHeight: 0, scrollPaddingBlock: '16px', [md]: { overflowY: 'auto' } },
    // MUI's small outlined Chip.
    '.save-chip': {
      display: 'inline-flex',
      alignItems: 'center',
      justifyContent: 'center',
      boxSizing: 'border-box',
      maxWidth: '100%',
      height: 24,
      borderRadius: 12,
      fontFamily: t.typography.fontFamily,
      fontSize: t.typography.pxToRem(13),
      lineHeight: 1.5,
      whiteSpace: 'nowrap',
      verticalAlign: 'middle',
      backgroundColor: 'transparent',
      color: p?.text.primary ?? t.palette.text.primary,
      border: `1px solid ${p?.Chip.defaultBorder ?? t.palette.grey[400]}`,
    },
    ...Object.fromEntries(chipColours),
    '.save-chip-label': { overflow: 'hidden', textOverflow: 'ellipsis', padding: '0 7px' },
  };
}
