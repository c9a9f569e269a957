//! QR codes of invite and return links, as one SVG path, so a link can be
//! scanned from a phone or from the back of a room when projected.

use qrcodegen::{QrCode, QrCodeEcc};

/// A QR code ready to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qr {
    /// Modules per side, without the quiet zone.
    pub size: u32,
    /// The QR version (1–40): how dense it is.
    pub version: u8,
    /// Every dark module as `M x y h1 v1 h-1z`, in a coordinate system
    /// with a 4-module quiet zone (0 … size + 8).
    pub path: String,
}

impl Qr {
    /// The SVG `viewBox` including the quiet zone.
    pub fn view_box(&self) -> String {
        format!("0 0 {0} {0}", self.size + 8)
    }
}

/// The QR code of `text`, with medium error correction (15 %: a
/// projected or slightly creased code still scans, and links stay at a
/// version a phone camera reads from a distance); `None` when the text is
/// too long for any version.
pub fn qr_of(text: &str) -> Option<Qr> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let mut path = String::with_capacity((size * size * 6) as usize);
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if code.get_module(x, y) {
                // One rectangle per horizontal run keeps the path short.
                let start = x;
                while x < size && code.get_module(x, y) {
                    x += 1;
                }
                path.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + 4,
                    y + 4,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    Some(Qr {
        size: size as u32,
        version: code.version().value(),
        path,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_a_square_of_modules_with_finder_patterns() {
        let qr = qr_of("https://voorbeeld.nl/klantbankrekening/p/#/i/AQABAgMEBQY").unwrap();
        assert_eq!(qr.size, 17 + 4 * u32::from(qr.version));
        assert!(qr.version <= 5, "{}", qr.version);
        // The top-left finder pattern starts with a run of seven modules.
        assert!(qr.path.starts_with("M4 4h7v1h-7z"), "{}", &qr.path[..20]);
        assert_eq!(qr.view_box(), format!("0 0 {0} {0}", qr.size + 8));
        assert!(qr_of(&"x".repeat(5000)).is_none());
    }
}
