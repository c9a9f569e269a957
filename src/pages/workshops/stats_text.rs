//! Group statistics as one line of text, shared by the group result and
//! the quick scan's spread.

use kbr_core::i18n::{tf, Key, Lang};
use kbr_core::questionnaires::group::{Stats, Unit};

/// A figure in a unit, as the language writes it: 1–5 with one decimal,
/// percentages whole.
pub fn figure(v: f64, unit: Unit, lang: Lang) -> String {
    match unit {
        Unit::Scale => kbr_core::i18n::format_tenths((v * 10.0).round() as i64, lang),
        Unit::Percent => format!("{v:.0}%"),
    }
}

/// "gemiddeld 3,7 · bereik 2,0–4,7 (2,7) · sd 0,94 · n 3"
pub fn stats_line(st: &Stats, unit: Unit, lang: Lang) -> String {
    let sd = st.sd.map_or("–".to_string(), |sd| match unit {
        Unit::Scale => format!("{sd:.2}").replace('.', if lang == Lang::Nl { "," } else { "." }),
        Unit::Percent => format!("{sd:.0}"),
    });
    tf(
        lang,
        Key::GroupStats,
        &[
            ("mean", &figure(st.mean, unit, lang)),
            ("min", &figure(st.min, unit, lang)),
            ("max", &figure(st.max, unit, lang)),
            (
                "range",
                &st.range()
                    .map_or("–".to_string(), |r| figure(r, unit, lang)),
            ),
            ("sd", &sd),
            ("n", &st.n.to_string()),
        ],
    )
}
