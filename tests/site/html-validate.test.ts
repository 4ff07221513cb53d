import path from 'node:path';
import { FileSystemConfigLoader, HtmlValidate, formatterFactory } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { htmlFiles, siteDir } from '../support/site.ts';

describe('HTML', () => {
  it('uses the project configuration (a known-bad page fails it)', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const report = await validator.validateString(
      '<!doctype html><html lang="en"><head><title>x</title></head><body><p><div></div></p><img src="x.png"></body></html>',
      path.join(siteDir(), 'probe.html'),
    );
    const rules = report.results.flatMap((r) => r.messages.map((m) => m.ruleId));
    expect(rules).toEqual(expect.arrayContaining(['close-order', 'wcag/h37']));
  });

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
