// Where uploaded files go. The default keeps them on local disk, outside public/, under STORAGE_DIR; they are
// only ever served through an authorized route. A deployment on several nodes (or without a persistent disk)
// sets UPLOADTHING_TOKEN and the files go to uploadthing (lib/storage/uploadthing.ts) with the same behaviour.
import "server-only";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { config } from "@/lib/config";
import { UploadthingStorage } from "@/lib/storage/uploadthing";

export interface Storage {
  put(bytes: Uint8Array): Promise<string>;
  get(key: string): Promise<Uint8Array | null>;
  remove(key: string): Promise<void>;
}

const KEY = /^[0-9a-f-]{36}$/;

export class LocalDiskStorage implements Storage {
  constructor(private readonly root: string) {}

  private file(key: string): string {
    if (!KEY.test(key)) throw new Error("Clé de fichier invalide.");
    return path.join(this.root, key.slice(0, 2), key);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const key = randomUUID();
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes, { flag: "wx", mode: 0o600 });
    return key;
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.file(key));
    } catch {
      return null;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }
}

let storage: Storage | undefined;
export function getStorage(): Storage {
  storage ??= config.uploadthingToken
    ? new UploadthingStorage(config.uploadthingToken, { apiUrl: config.uploadthingApiUrl })
    : new LocalDiskStorage(path.resolve(config.storageDir));
  return storage;
}
