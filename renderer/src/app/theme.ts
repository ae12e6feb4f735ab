import { createTheme, type Theme } from '@mui/material/styles';

/**
 * Calm, high-contrast theme for a clinic screen. Focus outlines are strong because many staff
 * work by keyboard; colours meet WCAG AA on white.
 */
export function createAppTheme(): Theme {
  return createTheme({
    palette: {
      primary: { main: '#0b5cad' },
      secondary: { main: '#6a3d9a' },
      error: { main: '#b3261e' },
      warning: { main: '#8a5300' },
      success: { main: '#1b6e3a' },
      background: { default: '#f5f7fa' },
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
