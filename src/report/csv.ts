/**
 * CSV cells for files operators open in Excel: RFC 4180 quoting, and a leading `'` on cells that start with
 * `=`, `+`, `-`, `@`, tab or carriage return (OWASP's list) so a spreadsheet shows them instead of running them as
 * formulas.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Always quoted (as PowerShell's Export-Csv does); quotes doubled; CR/LF kept inside the quotes. */
export function quotedCell(value: string | number | undefined): string {
  if (value === undefined) return '""';
  const text = typeof value === 'number' ? String(value) : neutralizeFormula(value);
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvLine(cells: readonly (string | number | undefined)[], newline = '\n'): string {
  return cells.map(quotedCell).join(',') + newline;
}
