/** The HTTP status an Octokit error carries, if any: the one reading of it for every GitHub call. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' ? status : undefined;
}
