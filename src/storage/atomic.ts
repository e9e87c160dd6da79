/**
 * Writing a file so that a crash never leaves half of it: the text goes to a
 * temporary file beside it, which is flushed to disk and renamed over the
 * old one (a rename within a directory is atomic); then the directory is
 * flushed, so the rename itself survives a power cut. A reader sees the old
 * file or the new one, never a mix.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes `text` to `path` atomically (see the module); creates the directory when missing. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const dir = join(path, '..');
  await mkdir(dir, { recursive: true });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
  await syncDirectory(dir);
}

/** Flushes a directory's entries (a rename or unlink in it) to disk; a platform that cannot is left as it is. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Some platforms and file systems cannot open or sync a directory; the rename is still atomic.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
