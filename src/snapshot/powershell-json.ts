/**
 * Values as PowerShell's ConvertTo-Json writes them: dates as "/Date(1732440000000)/" (Windows PowerShell) or
 * ISO strings (PowerShell 7), TimeSpans as objects {"Ticks":..., "TotalSeconds":...} or "d.hh:mm:ss" strings,
 * booleans as true/"True". Each reader returns undefined for what it cannot read, never throws.
 */

/** A date as ISO 8601 UTC. A zone-less ISO string is taken as UTC (the ADSync fields are UTC). */
export function psDate(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const ms = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/.exec(value.trim());
    if (ms) {
      // Beyond ±8.64e15 ms a Date is invalid and toISOString() throws.
      const date = new Date(Number(ms[1]));
      return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
    }
    const iso = value.trim();
    if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(iso)) return undefined;
    const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(iso) && iso.length > 10;
    const parsed = Date.parse(hasZone ? iso.replace(' ', 'T') : `${iso.replace(' ', 'T')}${iso.length > 10 ? 'Z' : 'T00:00:00Z'}`);
    return Number.isNaN(parsed) || Math.abs(parsed) > 8.64e15 ? undefined : new Date(parsed).toISOString();
  }
  if (value && typeof value === 'object') {
    // ConvertTo-Json -Depth 1 of a DateTime sometimes yields {"value": "/Date(...)/", "DateTime": "..."}.
    const record = value as Record<string, unknown>;
    return psDate(record.value ?? record.DateTime);
  }
  return undefined;
}

/** A TimeSpan as seconds. */
export function psTimeSpan(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const m = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))?$/.exec(value.trim());
    if (!m) return undefined;
    const seconds = Number(m[2] ?? 0) * 86400 + Number(m[3]) * 3600 + Number(m[4]) * 60 + Number(m[5]) + (m[6] ? Number(`0.${m[6]}`) : 0);
    return m[1] ? -seconds : seconds;
  }
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.TotalSeconds === 'number') return record.TotalSeconds;
    if (typeof record.Ticks === 'number') return record.Ticks / 1e7;
  }
  return undefined;
}

export function psBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  if (typeof value === 'number') return value !== 0;
  return undefined;
}

export function psString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function psNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}
