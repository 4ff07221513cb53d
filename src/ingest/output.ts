import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Reads every file of a folder into a map (name → content); a missing folder is empty. */
export async function readFolder(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  let names: string[] = [];
  try {
    names = await readdir(dir);
  } catch {
    return files;
  }
  for (const name of names) files.set(name, await readFile(path.join(dir, name), 'utf8'));
  return files;
}

/**
 * Replaces the content of a folder with `files` (name → content) as one step: everything is
 * written to a sibling folder first and swapped in by renames, so a failure never leaves a
 * half-written folder. When nothing differs, nothing is touched (not even timestamps).
 * Returns how many files were added, changed and removed. `current` saves re-reading the folder
 * when the caller has just read it.
 */
export async function replaceFolder(
  dir: string,
  files: ReadonlyMap<string, string>,
  current: ReadonlyMap<string, string> | undefined = undefined,
): Promise<{ added: number; changed: number; removed: number }> {
  current ??= await readFolder(dir);
  let added = 0;
  let changed = 0;
  for (const [name, content] of files) {
    if (!current.has(name)) added++;
    else if (current.get(name) !== content) changed++;
  }
  const removed = [...current.keys()].filter((name) => !files.has(name)).length;
  if (added + changed + removed === 0) return { added, changed, removed };

  const staging = `${dir}.next`;
  const previous = `${dir}.previous`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  for (const [name, content] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    await writeFile(path.join(staging, name), content);
  }
  await rm(previous, { recursive: true, force: true });
  if (current.size > 0 || (await exists(dir))) await rename(dir, previous);
  await rename(staging, dir);
  await rm(previous, { recursive: true, force: true });
  return { added, changed, removed };
}

/** Writes one file atomically (write aside, then rename), unless its content is unchanged. */
export async function replaceFile(file: string, content: string): Promise<boolean> {
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === content) return false;
  await writeFile(`${file}.next`, content);
  await rename(`${file}.next`, file);
  return true;
}

async function exists(dir: string): Promise<boolean> {
  return readdir(dir).then(
    () => true,
    () => false,
  );
}
