// Why the emulator could not listen, in one line that says the fix: a port in use is the first thing
// a second emulator (or anything on 8765) meets, and Node's own `listen EADDRINUSE` says neither.

export function listenProblem(
  error: unknown,
  port: number | undefined,
  host = '127.0.0.1',
): string | undefined {
  const code = (error as { code?: string }).code;
  const where = `${host}:${port ?? 8765}`;
  if (code === 'EADDRINUSE') {
    return `port ${port ?? 8765} is in use on ${host} (another emulator?): choose another with --port ${(port ?? 8765) + 1}, or --port 0 for any free one (then point ODAHU_API_URL at the URL it prints)`;
  }
  if (code === 'EACCES')
    return `not allowed to listen on ${where}: choose a port above 1023 with --port, or --port 0`;
  if (code === 'EADDRNOTAVAIL')
    return `${host} is not an address of this machine: --host 127.0.0.1, or 0.0.0.0 for every one`;
  return undefined;
}
