import { createTheme, type Theme } from '@mui/material/styles';

/**
 * Calm, high-contrast theme for a clinic screen, light or dark as the computer is set
 * (prefers-color-scheme, through CSS variables, so the switch needs no reload). Focus outlines
 * are strong because many staff work by keyboard; colours meet WCAG AA on each background.
 * In forced colours (Windows high contrast) the system colours win; components that show a
 * state by colour add a shape and a word, and use system colours there (see the answer buttons).
 */
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
      MuiCssBaseline: {
        styleOverrides: {
          ':focus-visible': { outline: '3px solid #f2a900', outlineOffset: '2px' },
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
