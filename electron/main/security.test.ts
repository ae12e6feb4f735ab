import { describe, expect, it } from 'vitest';
import { isAllowedNavigation, isTrustedSender, rendererFileFor, safeRelativePath } from './security';

describe('IPC sender check', () => {
  it('trusts only the app page in the main frame', () => {
    expect(isTrustedSender({ url: 'app://renderer/index.html', isMainFrame: true })).toBe(true);
    expect(isTrustedSender({ url: 'app://renderer/index.html#/patients/3', isMainFrame: true })).toBe(true);
  });
  it.each([
    ['an iframe of the app', { url: 'app://renderer/index.html', isMainFrame: false }],
    ['a web page', { url: 'https://example.com/', isMainFrame: true }],
    ['a local file', { url: 'file:///etc/passwd', isMainFrame: true }],
    ['another app host', { url: 'app://evil/index.html', isMainFrame: true }],
    ['a loopback page', { url: 'http://127.0.0.1:3000/', isMainFrame: true }],
    ['garbage', { url: 'not a url', isMainFrame: true }],
  ])('refuses %s', (_label, frame) => {
    expect(isTrustedSender(frame)).toBe(false);
  });
  it('refuses a destroyed frame', () => {
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('navigation', () => {
  it('allows only the app itself', () => {
    expect(isAllowedNavigation('app://renderer/index.html#/settings')).toBe(true);
    expect(isAllowedNavigation('https://example.com')).toBe(false);
    expect(isAllowedNavigation('file:///home')).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
  });
});

describe('renderer files', () => {
  it('maps app URLs to files under the renderer folder', () => {
    expect(rendererFileFor('app://renderer/')).toBe('index.html');
    expect(rendererFileFor('app://renderer/assets/index-abc.js')).toBe('assets/index-abc.js');
  });
  it.each(['/../../etc/passwd', '/assets/%2e%2e/%2e%2e/secret', '/a\\..\\b', '/x%00.js', '/%E0%A4%A'])('refuses %s', (p) => {
    expect(safeRelativePath(p)).toBeNull();
  });
  it('refuses other hosts and schemes', () => {
    expect(rendererFileFor('app://other/index.html')).toBeNull();
    expect(rendererFileFor('file:///index.html')).toBeNull();
  });
});
