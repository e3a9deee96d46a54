import { describe, expect, it } from "vitest";
import { checkUpload, PHOTO_RULE } from "@/lib/storage/upload-check";

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

describe("photo uploads are judged by their bytes", () => {
  it("accepts a real PNG whatever its name", async () => {
    const result = await checkUpload(new File([PNG], "photo.txt", { type: "text/plain" }), PHOTO_RULE);
    expect(result).toMatchObject({ ok: true, mime: "image/png" });
  });

  it("refuses text named like an image", async () => {
    const result = await checkUpload(new File(["pas une image"], "photo.png", { type: "image/png" }), PHOTO_RULE);
    expect(result).toEqual({
      ok: false,
      message: "Ce fichier n'est pas accepté : formats possibles JPEG, PNG, WebP, HEIC, 5 Mo au maximum.",
    });
  });

  it("refuses a PDF, and anything over 5 MB", async () => {
    const pdf = Buffer.from("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n");
    expect(await checkUpload(new File([pdf], "photo.pdf"), PHOTO_RULE)).toMatchObject({ ok: false });
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PNG);
    expect(await checkUpload(new File([big], "grande.png"), PHOTO_RULE)).toEqual({
      ok: false,
      message: "Le fichier dépasse 5 Mo : choisissez un fichier plus léger.",
    });
  });
});
