import type { Theme } from '@mui/material';

/*
 * The look of every answer item of the form steps (`Choice`) and of the line shown while a step
 * opens. A step mounts 10-25 items at once and re-renders the one answered on each key, so they
 * are plain elements with class names styled by this one sheet, written once per screen from the
 * theme (CSS variables, so light and dark follow the computer). As MUI ToggleButtonGroups each item
 * was about 20 components running the sx and theme style functions and emotion: most of the time a
 * new step took to appear on a slow PC.
 *
 * It draws what the toggle buttons drew: outlined options joined into one row, the chosen one
 * filled with a check mark and a heavier word; wrapped onto separate buttons in a narrow panel; the
 * row outlined while it has focus, with the option letters shown; Windows high contrast in system
 * colours.
 */
export function choiceStyles(t: Theme): Record<string, unknown> {
  const p = t.vars?.palette;
  const divider = p?.divider ?? t.palette.divider;
  const primary = p?.primary.main ?? t.palette.primary.main;
  const onPrimary = p?.primary.contrastText ?? t.palette.primary.contrastText;
  const hover = p?.action.hover ?? t.palette.action.hover;
  const radius = t.shape.borderRadius;
  const narrow = '@container (max-width: 520px)';
  return {
    '.step-opening': { ...t.typography.body2, margin: `${t.spacing(1)} 0` },
    '.choice': {
      display: 'grid',
      gridTemplateColumns: 'minmax(140px, 1fr) auto',
      alignItems: 'center',
      gap: t.spacing(1),
      padding: t.spacing(0.5),
      borderRadius: radius,
      scrollMarginBlock: '16px',
      // In a narrow panel (one foot of two side by side) the buttons go under the question.
      [narrow]: { gridTemplateColumns: '1fr', gap: t.spacing(0.5) },
    },
    '.choice:focus-within': { backgroundColor: hover, outline: `2px solid ${primary}` },
    // The key letters show only on the focused row, but their space is always kept: if they appeared
    // on mouse-down (which focuses the row) the buttons would move under the pointer, the mouse-up
    // would land on another button and the browser would drop the click — an answer silently lost.
    '.choice:focus-within .answer-key': { visibility: 'visible' },
    // A finding opened from a reason in the result panel.
    '.choice[data-highlight="true"]': { outline: `3px solid ${p?.warning.main ?? t.palette.warning.main}`, backgroundColor: p?.action.selected ?? t.palette.action.selected },
    '.choice-label': { ...t.typography.body2 },
    // The hint in the page's colour, as before (MUI's Typography never applied its "text.secondary" here).
    '.choice-hint': { ...t.typography.caption, display: 'block' },
    // The options wrap onto further lines when the panel is narrow, rather than spilling over the
    // neighbouring panel (where a click would land on another foot's answer).
    '.choice-options': { display: 'inline-flex', flexWrap: 'wrap', borderRadius: radius, [narrow]: { gap: t.spacing(0.5) } },
    '.choice-option': {
      ...t.typography.button,
      textTransform: 'none',
      display: 'inline-flex',
      alignItems: 'center',
      justifyContent: 'center',
      gap: t.spacing(0.5),
      margin: 0,
      padding: `7px ${t.spacing(1.5)}`,
      fontSize: t.typography.pxToRem(13),
      border: `1px solid ${divider}`,
      borderRadius: radius,
      color: p?.action.active ?? t.palette.action.active,
      backgroundColor: 'transparent',
      cursor: 'pointer',
      '&:hover': { backgroundColor: hover },
      '&[aria-pressed="true"], &[aria-pressed="true"]:hover': { backgroundColor: primary, color: onPrimary, fontWeight: 700 },
      '&[data-size="medium"]': { padding: `11px ${t.spacing(1.5)}`, fontSize: t.typography.pxToRem(15) },
      // Joined into one row while the panel is wide enough.
      '&:not(:last-of-type)': { borderTopRightRadius: 0, borderBottomRightRadius: 0 },
      '&:not(:first-of-type)': { marginLeft: -1, borderLeftColor: 'transparent', borderTopLeftRadius: 0, borderBottomLeftRadius: 0 },
      // Wrapped, they are drawn as separate buttons with their own borders.
      [narrow]: { '&:not(:first-of-type), &:not(:last-of-type)': { marginLeft: 0, borderRadius: radius, borderLeftColor: divider } },
    },
    '.choice-check': { width: '1.25rem', height: '1.25rem', fill: 'currentColor', flexShrink: 0 },
    '.choice .answer-key': {
      display: 'inline-block',
      visibility: 'hidden',
      marginLeft: t.spacing(0.5),
      padding: `0 ${t.spacing(0.5)}`,
      border: '1px solid currentColor',
      borderRadius: 3,
      fontSize: 11,
      lineHeight: 1.4,
      fontFamily: 'monospace',
    },
    '@media (forced-colors: active)': {
      '.choice[data-highlight="true"], .choice:focus-within': { outline: '3px solid Highlight' },
      '.choice-option': { forcedColorAdjust: 'none', backgroundColor: 'Canvas', color: 'ButtonText', borderColor: 'ButtonText' },
      '.choice-option[aria-pressed="true"], .choice-option[aria-pressed="true"]:hover': { backgroundColor: 'Highlight', color: 'HighlightText', borderColor: 'Highlight' },
    },
  };
}
