/** Whether a connector is the Entra ID one (the accidental-delete threshold applies only to its exports). */
export function isEntraConnectorName(name: string): boolean {
  return / - AAD$/i.test(name.trim()) || /onmicrosoft\.com/i.test(name) || /\bAAD\b/.test(name);
}
