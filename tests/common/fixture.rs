//! The small valid timeline that the broken-file tests edit, one fault at a time, and a
//! second article's timeline to open beside the bundled one.

/// A small valid timeline. Line numbers matter: the tests below name them.
///
/// ```text
///  1 documents:            8 actors:              12 events:
///  2   - id: doc           9   - id: nato         13   - id: ev
///  3     title: A doc     10     name: NATO       14     date: 2022-01-01
///  4     published: ...   11     kind: org...     15     title: An event
///  5     paragraphs:                              16     kind: talks
///  6       - "Alpha..."                           17     actors: [nato]
///  7       - "Delta..."                           18     sources:
///                                                 19       - doc: doc
///                                                 20         paragraph: 1
///                                                 21         quote: "beta gamma"
/// ```
pub const BASE: &str = r#"documents:
  - id: doc
    title: A doc
    published: 2022-01-01
    paragraphs:
      - "Alpha beta gamma."
      - "Delta epsilon zeta."
actors:
  - id: nato
    name: NATO
    kind: organization
events:
  - id: ev
    date: 2022-01-01
    title: An event
    kind: talks
    actors: [nato]
    sources:
      - doc: doc
        paragraph: 1
        quote: "beta gamma"
"#;

/// `BASE` with the first `from` replaced by `to`; `from` must be there.
pub fn edit(from: &str, to: &str) -> String {
    edit_text(BASE, from, to)
}

pub fn edit_text(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "fixture has no {from:?}");
    text.replacen(from, to, 1)
}

/// A second article's timeline, complete on its own, with a document of its own, that
/// also defines the bundled timeline's `russia`, alike but for an alias of its own.
pub const OTHER: &str = r#"documents:
  - id: reuters-2022-01-06
    title: Russian paratroopers arrive in Kazakhstan
    publisher: Reuters
    published: 2022-01-06
    paragraphs:
      - "Russia sent paratroopers to Kazakhstan on Thursday."
actors:
  - id: russia
    name: Russia
    kind: country
    aliases: [Moscow, Russia]
  - id: kazakhstan
    name: Kazakhstan
    kind: country
events:
  - id: paratroopers-to-kazakhstan
    date: 2022-01-06
    title: Russian paratroopers land in Kazakhstan
    kind: deployment
    actors: [russia, kazakhstan]
    sources:
      - doc: reuters-2022-01-06
        paragraph: 1
        quote: sent paratroopers to Kazakhstan
"#;

/// A new directory holding `articles/`: the bundled timeline as `cbs.yaml` and [`OTHER`]
/// as `reuters.yaml`, beside a file that is no timeline.
pub fn articles_dir() -> tempfile::TempDir {
    let dir = tempfile::TempDir::new().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    let bundled = tline::load::SourceFile::bundled().text;
    std::fs::write(articles.join("cbs.yaml"), bundled).unwrap();
    std::fs::write(articles.join("reuters.yaml"), OTHER).unwrap();
    std::fs::write(articles.join("notes.txt.bak"), "not a timeline").unwrap();
    dir
}
