import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { detectImageType, MAX_IMAGE_WIDTH, resizeImage, validateAltText } from "./images";

const image = (format: "png" | "jpeg" | "webp", width = 40) =>
  sharp({ create: { width, height: 20, channels: 3, background: "#000091" } })
    [format]()
    .toBuffer()
    .then((b) => new Uint8Array(b));

describe("follow-up images", () => {
  it("recognises PNG, JPEG and WebP by their bytes only", async () => {
    expect(detectImageType(await image("png"))).toBe("image/png");
    expect(detectImageType(await image("jpeg"))).toBe("image/jpeg");
    expect(detectImageType(await image("webp"))).toBe("image/webp");
    expect(detectImageType(new TextEncoder().encode("<svg onload=alert(1)>"))).toBeNull();
    expect(detectImageType(new TextEncoder().encode("GIF89a"))).toBeNull();
    expect(detectImageType(new TextEncoder().encode("%PDF-1.7"))).toBeNull();
  });

  it("scales wide images down, never small ones up, and keeps the format", async () => {
    const wide = await resizeImage(await image("jpeg", 3000), "image/jpeg");
    expect(wide.width).toBe(MAX_IMAGE_WIDTH);
    expect(detectImageType(wide.bytes)).toBe("image/jpeg");
    const small = await resizeImage(await image("webp", 40), "image/webp");
    expect(small.width).toBe(40);
    expect(detectImageType(small.bytes)).toBe("image/webp");
  });

  it("requires a meaningful alternative text", () => {
    expect(validateAltText("  Atelier de coutellerie à Thiers ")).toBe("Atelier de coutellerie à Thiers");
    expect(validateAltText("")).toBeNull();
    expect(validateAltText("ab")).toBeNull();
    expect(validateAltText(undefined)).toBeNull();
  });
});
