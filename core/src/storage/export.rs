//! Ledger exports for other tools: CSV for (Dutch) spreadsheets and a plain
//! text journal for hledger/ledger.

use crate::account::ledger::lines;
use crate::i18n::{fold_case, format_date, Key, Lang};
use crate::model::{Account, Direction, Party};

/// One CSV field: quoted when it holds the separator, a quote or a line
/// break; text starting with `= + - @` gets a leading `'` so a spreadsheet
/// never runs it as a formula.
pub fn csv_field(value: &str) -> String {
    let guarded = match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_string(),
    };
    if guarded.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// The ledger of `accounts` as CSV for spreadsheets: UTF-8 with BOM, `;`
/// separated, dates dd-mm-jjjj, a running-balance column per party.
pub fn ledger_csv(accounts: &[&Account], lang: Lang) -> String {
    let header = [
        Key::CsvClient,
        Key::CsvDate,
        Key::CsvParty,
        Key::CsvDirection,
        Key::CsvCategory,
        Key::CsvWeight,
        Key::CsvPoints,
        Key::CsvWho,
        Key::CsvNote,
        Key::CsvEntryId,
        Key::CsvRepairs,
        Key::CsvSupplierSaldo,
        Key::CsvClientSaldo,
    ];
    let mut out = String::from("\u{feff}");
    out.push_str(&header.map(|k| k.text(lang)).join(";"));
    out.push_str("\r\n");
    for account in accounts {
        for line in lines(account, lang) {
            let e = &line.entry;
            let date = format_date(e.date, Lang::Nl);
            let fields = [
                csv_field(&account.client.name),
                date,
                e.party.label(lang).to_string(),
                e.direction.label(lang).to_string(),
                csv_field(&line.category),
                e.weight.get().to_string(),
                e.signed_points().to_string(),
                csv_field(&e.who),
                csv_field(&e.note),
                e.id.0.to_string(),
                e.repairs.map(|r| r.0.to_string()).unwrap_or_default(),
                line.supplier.to_string(),
                line.client.to_string(),
            ];
            out.push_str(&fields.join(";"));
            out.push_str("\r\n");
        }
    }
    out
}

/// A name safe inside an hledger account name: no `:` (the separator), no
/// `;` (comments), no runs of spaces (two spaces end the name), no brackets.
fn account_part(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            ':' | ';' | '(' | ')' | '[' | ']' | '\t' | '\n' | '\r' => '-',
            c => c,
        })
        .collect();
    let collapsed = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    if collapsed.is_empty() {
        "naamloos".to_string()
    } else {
        collapsed
    }
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The ledger as an hledger journal. Every entry is one transaction with two
/// postings in the commodity `pt`: `klant:<name>:<party>:storting|opname`
/// and its counterpart `vertrouwen:<name>:<party>`, so `hledger bal klant`
/// gives the saldi and `hledger bal -M klant` the running balance per month.
pub fn ledger_journal(accounts: &[&Account], lang: Lang) -> String {
    let mut out = String::new();
    out.push_str("; Klantbankrekening\n\n");
    for account in accounts {
        let name = account_part(&account.client.name);
        for line in lines(account, lang) {
            let e = &line.entry;
            let party = match e.party {
                Party::Supplier => "aanbieder",
                Party::Client => "klant",
            };
            let direction = match e.direction {
                Direction::Deposit => "storting",
                Direction::Withdrawal => "opname",
            };
            let label = one_line(&line.category);
            let note = one_line(&e.note);
            // `;` would start a comment in the description.
            let description = if note.is_empty() {
                label.clone()
            } else {
                format!("{label} | {note}")
            }
            .replace(';', ",");
            out.push_str(&format!("{} {}\n", e.date.format("%Y-%m-%d"), description));
            out.push_str(&format!("    ; id: {}\n", e.id.0));
            if !e.who.is_empty() {
                out.push_str(&format!("    ; wie: {}\n", one_line(&e.who)));
            }
            if let Some(r) = e.repairs {
                out.push_str(&format!("    ; herstelt: {}\n", r.0));
            }
            let points = e.signed_points();
            out.push_str(&format!(
                "    klant:{name}:{party}:{direction}  {points} pt\n"
            ));
            out.push_str(&format!(
                "    vertrouwen:{name}:{party}  {} pt\n\n",
                -points
            ));
        }
    }
    out
}

/// File name for a ledger export of one client (or all): `…-<slug>.csv`.
/// Accented letters keep their letter ("Café Zoë" → `cafe-zoe`): a file
/// name is read by people, and some systems still mangle non-ASCII names.
pub fn file_slug(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for c in fold_case(name).chars() {
        match c {
            c if c.is_ascii_alphanumeric() => slug.push(c),
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => slug.push('a'),
            'ç' | 'č' | 'ć' => slug.push('c'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => slug.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => slug.push('i'),
            'ñ' | 'ń' | 'ň' => slug.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => slug.push('o'),
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => slug.push('u'),
            'ý' | 'ÿ' => slug.push('y'),
            'š' | 'ś' => slug.push('s'),
            'ž' | 'ź' | 'ż' => slug.push('z'),
            'ř' => slug.push('r'),
            'ł' => slug.push('l'),
            'ß' => slug.push_str("ss"),
            'æ' => slug.push_str("ae"),
            'œ' => slug.push_str("oe"),
            'ĳ' => slug.push_str("ij"),
            _ => slug.push('-'),
        }
    }
    let parts: Vec<&str> = slug.split('-').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        "klant".into()
    } else {
        parts.join("-")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo;
    use crate::model::dates::test_dates::today;
    use std::path::PathBuf;

    /// Compares with a golden file; `UPDATE_GOLDEN=1` rewrites it.
    fn golden(name: &str, actual: &str) {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/golden")
            .join(name);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, actual).unwrap();
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("missing golden file {path:?}; run with UPDATE_GOLDEN=1"));
        assert_eq!(actual, expected, "{name} differs from its golden file");
    }

    fn example() -> Account {
        let mut a = demo::example(today(), 5);
        // Text that needs quoting and formula guarding.
        a.entries[0].note = "=SUM(A1); \"quoted\"\nline".into();
        a
    }

    #[test]
    fn csv_matches_golden_file() {
        let a = example();
        let csv = ledger_csv(&[&a], Lang::Nl);
        assert!(csv.starts_with('\u{feff}'));
        golden("ledger.csv", &csv);
        golden("ledger-en.csv", &ledger_csv(&[&a], Lang::En));
    }

    #[test]
    fn csv_last_running_balance_is_the_saldo() {
        let a = demo::synthetic(200, 4, today());
        let csv = ledger_csv(&[&a], Lang::Nl);
        let last = csv.lines().last().unwrap();
        let cols: Vec<&str> = last.split(';').collect();
        let b = crate::account::ledger::entry_balances(&a.entries);
        assert_eq!(cols[11], b.supplier.saldo().to_string());
        assert_eq!(cols[12], b.client.saldo().to_string());
    }

    #[test]
    fn csv_fields_are_quoted_and_guarded() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a;b"), "\"a;b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("-5"), "'-5");
    }

    #[test]
    fn journal_matches_golden_file() {
        let a = example();
        golden("ledger.journal", &ledger_journal(&[&a], Lang::Nl));
    }

    #[test]
    fn journal_is_accepted_by_hledger_and_balances_match() {
        let a = example();
        let journal = ledger_journal(&[&a], Lang::Nl);
        let Ok(out) = std::process::Command::new("hledger")
            .arg("--version")
            .output()
        else {
            eprintln!("hledger not installed: checked against the golden file only");
            return;
        };
        assert!(out.status.success());
        let dir = std::env::temp_dir().join(format!("kbr-journal-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("ledger.journal");
        std::fs::write(&file, &journal).unwrap();
        let out = std::process::Command::new("hledger")
            .args([
                "-f",
                file.to_str().unwrap(),
                "bal",
                "klant",
                "--depth",
                "3",
                "-N",
                "-O",
                "csv",
            ])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "hledger failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let b = crate::account::ledger::entry_balances(&a.entries);
        let expect = format!(
            "\"klant:Van Dalen Logistiek -demo-:aanbieder\",\"{} pt\"",
            b.supplier.saldo()
        );
        assert!(text.contains(&expect), "{text}\nexpected {expect}");
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn account_names_are_sanitised() {
        assert_eq!(account_part("A:B;  C (x)"), "A-B- C -x-");
        assert_eq!(account_part("   "), "naamloos");
        assert_eq!(file_slug("Van Dalen (demo)!"), "van-dalen-demo");
        assert_eq!(
            file_slug("Café Zoë, Bakkerij; Noord"),
            "cafe-zoe-bakkerij-noord"
        );
        assert_eq!(
            file_slug("Straße Æsop Œuvre Łódź"),
            "strasse-aesop-oeuvre-lodz"
        );
        assert_eq!(file_slug("日本"), "klant");
    }
}
