/** Whether a process with this pid exists (signal 0 checks without sending anything): the embedded PostgreSQL's, the PDF browser's. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
