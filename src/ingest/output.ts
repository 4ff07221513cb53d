import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inBatches } from '../lib/collections.ts';

/** Reads every file of a folder into a map (name → content); a missing folder is empty. */
export async function readFolder(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  let names: string[] = [];
  try {
    names = (await readdir(dir)).sort();
  } catch {
    return files;
  }
  const texts = await inBatches(names, (name) => readFile(path.join(dir, name), 'utf8'));
  names.forEach((name, i) => files.set(name, texts[i]!));
  return files;
}

/**
 * Makes a folder hold exactly `files` (name → content), touching only what differs: every new
 * or changed file is first written beside its final name (`<name>.next`), and only when all of
 * them are written are they renamed into place and the files no longer wanted removed. A
 * failure while writing leaves the folder as it was (a leftover `.next` file is removed by the
 * next run); a file is never half-written. Adding one paper to 10,000 writes one file, not
 * 10,000. Returns how many files were added, changed and removed. `current` saves re-reading
 * the folder when the caller has just read it.
 */
export async function replaceFolder(
  dir: string,
  files: ReadonlyMap<string, string>,
  current: ReadonlyMap<string, string> | undefined = undefined,
): Promise<{ added: number; changed: number; removed: number }> {
  current ??= await readFolder(dir);
  const writes = [...files]
    .filter(([name, content]) => current.get(name) !== content)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const added = writes.filter(([name]) => !current.has(name)).length;
  const changed = writes.length - added;
  const removals = [...current.keys()].filter((name) => !files.has(name));
  if (writes.length + removals.length === 0) return { added, changed, removed: 0 };

  await mkdir(dir, { recursive: true });
  try {
    await inBatches(writes, ([name, content]) => writeFile(path.join(dir, `${name}.next`), content));
  } catch (error) {
    await inBatches(writes, ([name]) => rm(path.join(dir, `${name}.next`), { force: true }));
    throw error;
  }
  await inBatches(writes, ([name]) => rename(path.join(dir, `${name}.next`), path.join(dir, name)));
  await inBatches(removals, (name) => rm(path.join(dir, name), { force: true }));
  // `.next` leftovers of an interrupted run are not pages: they count as nothing.
  return { added, changed, removed: removals.filter((name) => !name.endsWith('.next')).length };
}

/** Writes one file atomically (write aside, then rename), unless its content is unchanged. */
export async function replaceFile(file: string, content: string): Promise<boolean> {
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current === content) return false;
  await writeFile(`${file}.next`, content);
  await rename(`${file}.next`, file);
  return true;
}
