/**
 * One process at a time on an embedded (PGlite) data folder. PGlite is PostgreSQL inside one process,
 * with no shared memory between processes: a second process opening the same folder (a CLI command
 * while the server runs) writes over the first one's pages, and acknowledged writes are lost. So the
 * folder is locked by a file beside it holding the owner's pid; a lock left by a process that died
 * (kill -9, power cut) is taken over, since its pid no longer runs.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';

export class DataFolderBusy extends Error {
  constructor(
    readonly folder: string,
    readonly pid: number,
  ) {
    super(
      `The data folder ${folder} is in use by another Comptoir process (pid ${pid}): stop that process (the server, if it is running) and run this command again, or use a PostgreSQL server (DATABASE_URL) to run several processes.\n` +
        `Le dossier de données ${folder} est utilisé par un autre processus Comptoir (pid ${pid}) : arrêtez ce processus (le serveur, s’il tourne) puis relancez la commande, ou utilisez un serveur PostgreSQL (DATABASE_URL) pour faire tourner plusieurs processus.`,
    );
    this.name = 'DataFolderBusy';
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const held = new Set<string>();

/** Takes the folder's lock for this process, or throws DataFolderBusy; returns the release. */
export function lockDataFolder(folder: string): () => void {
  const file = `${resolve(folder)}.lock`;
  // The same process opening the folder twice would corrupt it just the same.
  if (held.has(file)) throw new DataFolderBusy(folder, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(file);
      const release = () => {
        if (!held.delete(file)) return;
        try {
          if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isFinite(pid) && pid > 0 && running(pid)) throw new DataFolderBusy(folder, pid);
      // Left by a process that no longer runs: take it over.
      unlinkSync(file);
    }
  }
  throw new DataFolderBusy(folder, Number.NaN);
}
