//! Group statistics as one line of text, shared by the group result and
//! the quick scan's spread, and the one line that explains them.

use kbr_core::i18n::{format_points_lang, format_tenths, tf, Key, Lang};
use kbr_core::model::Figure;
use kbr_core::questionnaires::engine::tenths_text;
use kbr_core::questionnaires::group::{Stats, Unit};

/// A figure in a unit, as the language writes it: 1–5 with one decimal,
/// percentages whole.
fn figure(v: f64, unit: Unit, lang: Lang) -> String {
    match unit {
        Unit::Scale => format_tenths((v * 10.0).round() as i64, lang),
        Unit::Percent => format!("{v:.0}%"),
    }
}

/// A group mean as the workshop shows it and a client keeps it (through
/// [`Figure`], so the two never differ by a rounding).
pub fn mean_text(st: &Stats, unit: Unit, lang: Lang) -> String {
    let f = Figure::of(st, unit);
    match unit {
        Unit::Scale => tenths_text(f.mean_tenths(), lang),
        Unit::Percent => format!("{}%", f.percent()),
    }
}

/// "gemiddeld 3,7 · bereik 2,0–4,7 (2,7) · sd 0,94 · n 3"; with one
/// answer, that answer and that a spread takes two.
pub fn stats_line(st: &Stats, unit: Unit, lang: Lang) -> String {
    let sd = st.sd.map(|sd| match unit {
        Unit::Scale => format!("{sd:.2}").replace('.', if lang == Lang::Nl { "," } else { "." }),
        Unit::Percent => format!("{sd:.0}"),
    });
    line(
        st,
        &mean_text(st, unit, lang),
        |v| figure(v, unit, lang),
        sd,
        lang,
    )
}

/// The same for estimated saldi (points, signed).
pub fn points_line(st: &Stats, lang: Lang) -> String {
    let points = |v: f64| format_points_lang(v.round() as i64, true, lang);
    let sd = st.sd.map(|sd| format!("{sd:.0}"));
    line(st, &points(st.mean), points, sd, lang)
}

fn line(
    st: &Stats,
    mean: &str,
    value: impl Fn(f64) -> String,
    sd: Option<String>,
    lang: Lang,
) -> String {
    if st.n < 2 {
        return tf(lang, Key::GroupSingle, &[("value", mean)]);
    }
    tf(
        lang,
        Key::GroupStats,
        &[
            ("mean", mean),
            ("min", &value(st.min)),
            ("max", &value(st.max)),
            ("range", &st.range().map_or("–".to_string(), &value)),
            ("sd", &sd.unwrap_or_else(|| "–".to_string())),
            ("n", &st.n.to_string()),
        ],
    )
}
