import { createTheme, type Theme } from '@mui/material/styles';

/**
 * Calm, high-contrast theme for a clinic screen, light or dark as the computer is set
 * (prefers-color-scheme, through CSS variables, so the switch needs no reload). Focus outlines
 * are strong because many staff work by keyboard; colours meet WCAG AA on each background.
 * In forced colours (Windows high contrast) the system colours win; components that show a
 * state by colour add a shape and a word, and use system colours there (see the answer buttons).
 */
/** MUI's names for its autofill-detecting animations: InputBase recognises them by name. */
const autofill = 'mui-auto-fill';
const autofillCancel = 'mui-auto-fill-cancel';

export function createAppTheme(): Theme {
  return createTheme({
    cssVariables: { colorSchemeSelector: 'media' },
    colorSchemes: {
      light: {
        palette: {
          primary: { main: '#0b5cad' },
          secondary: { main: '#6a3d9a' },
          error: { main: '#b3261e' },
          warning: { main: '#8a5300' },
          success: { main: '#1b6e3a' },
          background: { default: '#f5f7fa' },
        },
      },
      dark: {
        palette: {
          primary: { main: '#8ab4f8' },
          secondary: { main: '#d7aefb' },
          error: { main: '#f2b8b5' },
          warning: { main: '#fdd663' },
          success: { main: '#81c995' },
          background: { default: '#121417', paper: '#1c1f24' },
        },
      },
    },
    typography: {
      fontFamily: 'system-ui, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
    },
    shape: { borderRadius: 6 },
    components: {
      MuiButtonBase: { defaultProps: { disableRipple: false } },
      // Every MUI input used to mount its own copy of the autofill keyframes as a global style:
      // a <style> element per field, added and removed as a step opens and closes, and each one
      // makes the browser recompute the style of the whole page (a step with ten number fields
      // added ten). The keyframes are written once, in the baseline below; each input still runs
      // the same animation, so a field the browser autofills still lifts its label.
      MuiInputBase: {
        defaultProps: { disableInjectingGlobalStyles: true },
        styleOverrides: {
          input: {
            animationName: autofillCancel,
            animationDuration: '10ms',
            '&:-webkit-autofill': { animationDuration: '5000s', animationName: autofill },
          },
        },
      },
      MuiCssBaseline: {
        styleOverrides: {
          // Non-empty, as MUI writes them (empty keyframes are dropped from production builds).
          [`@keyframes ${autofill}`]: { from: { animationName: autofill } },
          [`@keyframes ${autofillCancel}`]: { from: { animationName: autofillCancel } },
          ':focus-visible': { outline: '3px solid #f2a900', outlineOffset: '2px' },
          // Chart colours (the history timeline and its change marks), readable on either page.
          ':root': {
            '--chart-text': '#424242',
            '--chart-heading': '#212121',
            '--chart-grid': '#e0e0e0',
            '--chart-axis': '#9e9e9e',
            '--chart-hollow': '#ffffff',
            '--chart-nice': '#17324d',
            '--chart-iwgdf': '#00695c',
            '--chart-right': '#0b5cad',
            '--chart-left': '#b34700',
            '--chart-worse': '#b71c1c',
            '--chart-better': '#1b5e20',
            '--chart-changed': '#555555',
          },
          '@media (prefers-color-scheme: dark)': {
            ':root': {
              '--chart-text': '#c4c7c5',
              '--chart-heading': '#e3e3e3',
              '--chart-grid': '#3c4043',
              '--chart-axis': '#80868b',
              '--chart-hollow': '#1c1f24',
              '--chart-nice': '#a8c7fa',
              '--chart-iwgdf': '#4db6ac',
              '--chart-right': '#8ab4f8',
              '--chart-left': '#ffab70',
              '--chart-worse': '#f28b82',
              '--chart-better': '#81c995',
              '--chart-changed': '#bdbdbd',
            },
          },
          // Forced colours: one text colour for everything; shapes and dashes still tell the series apart.
          '@media (forced-colors: active)': {
            ':root': {
              '--chart-text': 'CanvasText',
              '--chart-heading': 'CanvasText',
              '--chart-grid': 'GrayText',
              '--chart-axis': 'CanvasText',
              '--chart-hollow': 'Canvas',
              '--chart-nice': 'CanvasText',
              '--chart-iwgdf': 'CanvasText',
              '--chart-right': 'CanvasText',
              '--chart-left': 'CanvasText',
              '--chart-worse': 'CanvasText',
              '--chart-better': 'CanvasText',
              '--chart-changed': 'CanvasText',
            },
          },
          // Text for screen readers only.
          '.visually-hidden': {
            position: 'absolute',
            width: 1,
            height: 1,
            margin: -1,
            padding: 0,
            overflow: 'hidden',
            clip: 'rect(0 0 0 0)',
            whiteSpace: 'nowrap',
            border: 0,
          },
        },
      },
    },
  });
}
