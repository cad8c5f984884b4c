import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readExportIdentities } from '../../src/exports/identities.js';
import { identitiesCsvHeader, identityCsvRow } from '../../src/report/identities-csv.js';
import { quotedCell } from '../../src/report/csv.js';

const DIR = new URL('../fixtures/csexport-golden/', import.meta.url);

describe('identities (csanalyzer.ps1 view)', () => {
  it('gives processedbatch1.csv byte for byte', async () => {
    let csv = identitiesCsvHeader();
    await readExportIdentities(createReadStream(new URL('contoso.onmicrosoft.com - AAD.xml', DIR)), 'g.xml', (identity) => {
      csv += identityCsvRow(identity);
    });
    expect(csv).toBe(readFileSync(new URL('processedbatch1.csv', DIR), 'utf8'));
  });

  it('neutralises formulas and doubles quotes', () => {
    expect(['=1+1', '+x', '-2', '@SUM(A1)', 'a"b', 'ok'].map(quotedCell)).toEqual([`"'=1+1"`, `"'+x"`, `"'-2"`, `"'@SUM(A1)"`, '"a""b"', '"ok"']);
  });
});
