import { describe, expect, it } from 'vitest';
import type { ObjectIdentity } from '../../src/exports/types.js';
import { createRedactor, redactIdentity } from '../../src/redact/redact.js';

const SECRET = 'correct horse battery staple';

describe('createRedactor', () => {
  const redactor = createRedactor(SECRET);

  it('maps a value to the same token every time, whatever its case', () => {
    expect(redactor.value('Megan@Contoso.com')).toBe(redactor.value('megan@contoso.com'));
    expect(redactor.value('megan@contoso.com')).toMatch(/^~[0-9a-f]{10}$/);
  });

  it('gives other tokens under another secret, so a staff list hashed without the secret matches nothing', () => {
    expect(createRedactor('another secret of some length').value('megan@contoso.com')).not.toBe(redactor.value('megan@contoso.com'));
  });

  it('hashes CN values inside DNs and keeps OU and DC', () => {
    const dn = redactor.dn('CN=Bowen\\, Megan,OU=Sales,DC=contoso,DC=com');
    expect(dn).toBe(`CN=${redactor.value('Bowen\\, Megan')},OU=Sales,DC=contoso,DC=com`);
    expect(dn).not.toContain('Megan');
  });

  it('hashes e-mail addresses inside free text', () => {
    expect(redactor.text('proxyAddresses SMTP:lee@contoso.com is already used')).toBe(`proxyAddresses SMTP:${redactor.value('lee@contoso.com')} is already used`);
  });

  it('refuses a short secret', () => {
    expect(() => createRedactor('short')).toThrow(/at least 16 characters/);
  });

  it('redacts every personal field of an identity and keeps the rest', () => {
    const identity: ObjectIdentity = {
      id: '{0A}',
      objectType: 'user',
      dn: 'CN=Megan Bowen,OU=Sales,DC=contoso,DC=com',
      operation: 'delete',
      upn: 'megan@contoso.com',
      displayName: 'Megan Bowen',
      sourceAnchor: 'A003',
      alias: 'megan',
      primarySmtp: 'megan@contoso.com',
      onPremisesSamAccountName: 'meganb',
      mail: 'megan@contoso.com',
    };
    const redacted = redactIdentity(identity, redactor);
    expect(JSON.stringify(redacted)).not.toMatch(/megan|Bowen/i);
    expect(redacted).toMatchObject({ id: '{0A}', objectType: 'user', operation: 'delete', sourceAnchor: 'A003' });
  });
});
