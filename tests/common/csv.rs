//! A strict RFC 4180 reader for the tests: records of fields, quoted fields may hold
//! commas, doubled quotes and line breaks. It refuses what a writer must never produce.

/// The records of `text`, each a list of fields; panics on malformed CSV.
pub fn records(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_field_start => {
                loop {
                    match chars.next() {
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(c) => field.push(c),
                        None => panic!("unclosed quoted field in {text:?}"),
                    }
                }
                assert!(
                    matches!(chars.peek(), Some(',') | Some('\n') | None),
                    "text after a closing quote in {text:?}"
                );
                at_field_start = false;
            }
            '"' => panic!("a quote inside an unquoted field {field:?}"),
            ',' => {
                record.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_field_start = true;
            }
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "no final line break in {text:?}"
    );
    records
}
