//! Reading return codes with the trainer's camera (`docs/DOMAIN.md`,
//! "Workshops"): the text of the QR codes in one greyscale frame, and when
//! a read code is news. A phone held up stays in view for many frames:
//! the same code is handled once until it has been out of view for a
//! moment, so one participant gives one confirmation, while a refused code
//! never stops the scan.

/// How long a code must be out of view before it counts as shown again.
pub const SAME_CODE_MS: f64 = 2_500.0;

/// The texts of the QR codes found in `grey` (one byte per pixel, row by
/// row, `width` × `height`); codes that do not decode are left out.
pub fn read_qr(width: usize, height: usize, grey: &[u8]) -> Vec<String> {
    if width == 0 || height == 0 || grey.len() < width * height {
        return Vec::new();
    }
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| grey[y * width + x]);
    image
        .detect_grids()
        .into_iter()
        .filter_map(|grid| grid.decode().ok().map(|(_, text)| text))
        .collect()
}

/// The luminance of RGBA pixels (a canvas's `ImageData`), one byte each.
pub fn grey_of_rgba(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| {
            let y = 299 * u32::from(p[0]) + 587 * u32::from(p[1]) + 114 * u32::from(p[2]);
            (y / 1000) as u8
        })
        .collect()
}

/// Which codes were seen when, so a code in view is handled once.
#[derive(Clone, Debug, Default)]
pub struct Seen {
    last: Vec<(String, f64)>,
}

impl Seen {
    /// Records that `text` is in view at `now_ms`; true when it is news:
    /// not seen before, or out of view for [`SAME_CODE_MS`] since.
    pub fn is_news(&mut self, text: &str, now_ms: f64) -> bool {
        self.last.retain(|(_, at)| now_ms - at < SAME_CODE_MS);
        match self.last.iter_mut().find(|(t, _)| t == text) {
            Some((_, at)) => {
                *at = now_ms;
                false
            }
            None => {
                self.last.push((text.to_string(), now_ms));
                true
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use qrcodegen::{QrCode, QrCodeEcc};

    /// `text` as a camera might see it: a QR code scaled up, with a quiet
    /// zone, on a grey background, in a frame of `w` × `h`.
    fn frame(text: &str, w: usize, h: usize, scale: usize) -> Vec<u8> {
        let code = QrCode::encode_text(text, QrCodeEcc::Medium).unwrap();
        let size = code.size() as usize;
        let mut out = vec![180u8; w * h];
        let side = (size + 8) * scale;
        let (ox, oy) = ((w - side) / 2, (h - side) / 2);
        for y in 0..side {
            for x in 0..side {
                let (mx, my) = ((x / scale) as i32 - 4, (y / scale) as i32 - 4);
                let dark = code.get_module(mx, my);
                out[(oy + y) * w + ox + x] = if dark { 20 } else { 245 };
            }
        }
        out
    }

    #[test]
    fn a_return_link_on_a_phone_screen_is_read() {
        let link = "https://voorbeeld.nl/klantbankrekening/#/r/AQMAAAAAEJIAAAAFBVBpZXQBAQE";
        let f = frame(link, 640, 480, 5);
        assert_eq!(read_qr(640, 480, &f), vec![link.to_string()]);
        // A blank frame, a frame too small for its size and a cut-off code
        // read nothing.
        assert!(read_qr(640, 480, &[180u8; 640 * 480]).is_empty());
        assert!(read_qr(640, 480, &f[..100]).is_empty());
        let mut cut = f.clone();
        for row in cut.chunks_mut(640).take(240) {
            row.fill(180);
        }
        assert!(read_qr(640, 480, &cut).is_empty());
    }

    #[test]
    fn rgba_becomes_luminance() {
        assert_eq!(
            grey_of_rgba(&[255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255]),
            vec![255, 0, 76]
        );
    }

    #[test]
    fn a_code_in_view_is_news_once_until_it_was_away() {
        let mut seen = Seen::default();
        assert!(seen.is_news("a", 0.0));
        assert!(!seen.is_news("a", 100.0));
        assert!(!seen.is_news("a", 2_000.0));
        assert!(seen.is_news("b", 2_100.0));
        // Held in view the whole time: still the same showing.
        assert!(!seen.is_news("a", 4_400.0));
        // Away for longer than SAME_CODE_MS: shown again.
        assert!(seen.is_news("a", 4_400.0 + SAME_CODE_MS));
    }
}
