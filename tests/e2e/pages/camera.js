// A fake camera for the trainer's scanner: return codes as the participant
// page shows them, turned into a Y4M video that Chromium plays as its
// camera (--use-file-for-fake-video-capture), and a browser launched with it.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { launchOptions } from '../playwright.config.js';

export const FRAME = { width: 400, height: 300 };

/**
 * The participant page's return QR code as one camera frame: the code as
 * drawn on the phone (its own SVG), on a grey room, in luminance bytes.
 */
export async function qrFrame(page) {
  const bytes = await page.getByTestId('participant-done').getByTestId('qr').evaluate(async (svg, { width, height }) => {
    const text = new XMLSerializer().serializeToString(svg);
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#8c8c8c';
    ctx.fillRect(0, 0, width, height);
    const side = Math.round(height * 0.9);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(img, Math.round((width - side) / 2), Math.round((height - side) / 2), side, side);
    const rgba = ctx.getImageData(0, 0, width, height).data;
    const y = new Array(width * height);
    for (let i = 0; i < y.length; i++) {
      y[i] = Math.round(0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2]);
    }
    return y;
  }, FRAME);
  return Buffer.from(bytes);
}

/** A grey frame with nothing to read. */
export function blankFrame() {
  return Buffer.alloc(FRAME.width * FRAME.height, 0x8c);
}

/**
 * Writes a Y4M file of `frames` (luminance buffers), each shown for the
 * number of frames given, at `fps`; returns its path.
 */
export function writeY4m(segments, fps = 5) {
  const { width, height } = FRAME;
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const parts = [Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  for (const { frame, count } of segments) {
    for (let i = 0; i < count; i++) parts.push(Buffer.from('FRAME\n'), frame, chroma);
  }
  const path = join(mkdtempSync(join(tmpdir(), 'kbr-camera-')), 'camera.y4m');
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

/** Chromium whose camera plays `y4m` (and asks no permission). */
export function cameraBrowser(y4m) {
  return chromium.launch({
    ...launchOptions,
    args: [
      ...launchOptions.args,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${y4m}`,
    ],
  });
}
