import { CaptureUpdateAction, newElementWith } from "@excalidraw/excalidraw";
import type { BinaryFileData, BinaryFiles, ExcalidrawImperativeAPI } from "@excalidraw/excalidraw/types";
import type { Http } from "../api/http";

type FileApi = Pick<
  ExcalidrawImperativeAPI,
  "getFiles" | "addFiles" | "getSceneElements" | "getSceneElementsIncludingDeleted" | "updateScene"
>;

/**
 * Images on the board: files a person places are uploaded once (their id is Excalidraw's content
 * hash); images other people placed are fetched when an element refers to a file this page lacks.
 * A file can arrive after the element that shows it, so a missing one is asked for again later.
 */
export class FileSync {
  private readonly uploaded = new Set<string>();
  private readonly uploading = new Set<string>();
  private readonly fetching = new Set<string>();

  constructor(
    private readonly api: FileApi,
    private readonly http: Http,
    private readonly boardId: string,
    private readonly notice: (message: string) => void,
  ) {}

  /** Files Excalidraw holds that the server has not stored yet. */
  upload(files: BinaryFiles): void {
    for (const file of Object.values(files)) {
      if (this.uploaded.has(file.id) || this.uploading.has(file.id)) continue;
      this.uploading.add(file.id);
      void this.put(file).finally(() => this.uploading.delete(file.id));
    }
  }

  /** Images in the scene whose file this page does not have yet. */
  fetchMissing(): void {
    const have = this.api.getFiles();
    for (const element of this.api.getSceneElements()) {
      if (element.type !== "image" || !element.fileId) continue;
      const id = element.fileId;
      if (have[id] || this.fetching.has(id)) continue;
      this.fetching.add(id);
      void this.get(id, 0);
    }
  }

  private async put(file: BinaryFileData): Promise<void> {
    const response = await this.http.fetch(`/api/boards/${this.boardId}/files/${encodeURIComponent(file.id)}`, {
      method: "PUT",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ mimeType: file.mimeType, dataURL: file.dataURL }),
    });
    if (response.ok) {
      this.uploaded.add(file.id);
      this.markSaved(file.id);
    } else {
      const problem = (await response.json().catch(() => ({}))) as { detail?: string };
      this.uploaded.add(file.id); // do not retry a refusal in a loop
      this.notice(`This image was not saved: ${problem.detail ?? response.statusText}`);
    }
  }

  /** Excalidraw's host contract: an image whose file is stored moves from "pending" to "saved". */
  private markSaved(fileId: string): void {
    const elements = this.api.getSceneElementsIncludingDeleted();
    if (!elements.some((e) => e.type === "image" && e.fileId === fileId && e.status === "pending")) return;
    this.api.updateScene({
      elements: elements.map((e) =>
        e.type === "image" && e.fileId === fileId && e.status === "pending" ? newElementWith(e, { status: "saved" }) : e,
      ),
      captureUpdate: CaptureUpdateAction.NEVER,
    });
  }

  private async get(id: string, attempt: number): Promise<void> {
    const response = await this.http.fetch(`/api/boards/${this.boardId}/files/${encodeURIComponent(id)}`);
    if (response.ok) {
      const file = (await response.json()) as { id: string; mimeType: BinaryFileData["mimeType"]; dataURL: string };
      this.api.addFiles([{ id: file.id, mimeType: file.mimeType, dataURL: file.dataURL, created: Date.now() } as BinaryFileData]);
      this.uploaded.add(id);
      this.fetching.delete(id);
    } else if (response.status === 404 && attempt < 6) {
      setTimeout(() => void this.get(id, attempt + 1), 500 * 2 ** attempt);
    } else {
      this.fetching.delete(id);
    }
  }
}
