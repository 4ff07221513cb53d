import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { htmlFiles, siteDir } from '../support/site.ts';

describe('HTML', () => {
  it('every built page is valid (html-validate:standard, zero errors)', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const files = htmlFiles();
    const results = [];
    let errors = 0;
    for (const file of files) {
      const report = await validator.validateFile(path.join(siteDir(), file));
      errors += report.errorCount;
      results.push(...report.results);
    }
    expect(errors, formatterFactory('stylish')(results)).toBe(0);
    expect(files.length).toBeGreaterThan(119);
  });
});
