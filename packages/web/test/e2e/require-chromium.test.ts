import { describe, expect, it } from 'vitest';
import { requireChromium } from './harness.js';

describe('browser tests without chromium', () => {
  it('fail with the install command instead of skipping', () => {
    expect(() => requireChromium('/nonexistent/chromium')).toThrow(/apt-get install -y --no-install-recommends chromium/);
  });
});
