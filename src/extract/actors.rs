//! Naming an article's actors: countries, organisations and government bodies from a
//! gazetteer shipped with the binary, actors of existing timelines, and people found by
//! their titles ("President …", "Mr …") or as capitalised name sequences, a later
//! surname-only mention merged into the full name. Every mention is found by one
//! leftmost-longest Aho-Corasick pass, so that "Russian President Vladimir Putin" is
//! read as Russia then Putin, and "NATO-Russia Council" as one body.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

use super::words::{Word, is_whole_word, only_spaces_between, slug, unique_id, words};
use crate::model::{Actor, ActorKind};

/// The gazetteer's text: `id | kind | name | other names`.
const GAZETTEER: &str = include_str!("gazetteer.txt");

/// One actor of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownActor {
    /// Its id in drafts.
    pub id: &'static str,
    /// What sort of actor it is.
    pub kind: ActorKind,
    /// Its display name.
    pub name: &'static str,
    /// The other names news uses for it (demonyms, capitals, abbreviations).
    pub other_names: Vec<&'static str>,
}

/// The gazetteer, read once.
pub fn gazetteer() -> &'static [KnownActor] {
    static TABLE: OnceLock<Vec<KnownActor>> = OnceLock::new();
    TABLE.get_or_init(|| GAZETTEER.lines().filter_map(gazetteer_line).collect())
}

fn gazetteer_line(line: &'static str) -> Option<KnownActor> {
    if line.trim_start().starts_with('#') {
        return None;
    }
    let mut fields = line.split('|').map(str::trim);
    let id = fields.next().filter(|id| !id.is_empty())?;
    let kind = fields.next()?.parse().ok()?;
    let name = fields.next().filter(|n| !n.is_empty())?;
    let other_names = fields
        .next()
        .unwrap_or("")
        .split(';')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect();
    Some(KnownActor {
        id,
        kind,
        name,
        other_names,
    })
}

/// One place where the text names an actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The byte range in its paragraph.
    pub range: Range<usize>,
    /// The index of the actor in [`Cast::actors`].
    pub actor: usize,
}

/// The actors of an article and where each paragraph names them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cast {
    /// Every actor the text names, in order of first mention; aliases are the surface
    /// forms the text used (added to an existing actor's own).
    pub actors: Vec<Actor>,
    /// For each actor, whether it came from the existing timelines given.
    pub reused: Vec<bool>,
    /// For each paragraph, its mentions in text order.
    pub mentions: Vec<Vec<Mention>>,
}

/// Titles that stand before a person's name ("President Biden", "Mr Biden").
const TITLES: &[&str] = &[
    "President",
    "Vice",
    "Prime",
    "Minister",
    "Foreign",
    "Defense",
    "Defence",
    "Secretary",
    "State",
    "General",
    "Chancellor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Senator",
    "Sen",
    "Rep",
    "Representative",
    "Governor",
    "Gov",
    "Gen",
    "Admiral",
    "Adm",
    "Colonel",
    "Col",
    "Lt",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Pope",
    "Ambassador",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Press",
    "Chief",
    "Director",
    "Mayor",
    "Premier",
    "Speaker",
    "Leader",
    "Chair",
    "Chairman",
    "Chairwoman",
    "Secretary-General",
    "Deputy",
    "Interior",
    "Finance",
    "Health",
    "Commander",
    "Judge",
    "Justice",
    "Sheikh",
    "Emir",
    "Crown",
];

/// Lowercase words that, just before a name, say it is a person's ("press secretary Jen
/// Psaki", "spokesman Dmitry Peskov").
const ROLE_CUES: &[&str] = &[
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "president",
    "envoy",
    "ambassador",
    "official",
    "adviser",
    "advisor",
    "chancellor",
    "leader",
    "director",
    "senator",
    "general",
    "commander",
];

/// Capitalised words that begin sentences and never names.
const STOPWORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "By",
    "For",
    "From",
    "To",
    "Of",
    "With",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "If",
    "As",
    "Meanwhile",
    "Despite",
    "However",
    "After",
    "Before",
    "When",
    "While",
    "Since",
    "Until",
    "During",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "My",
    "There",
    "Here",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Now",
    "Then",
    "Also",
    "Still",
    "Some",
    "Many",
    "Most",
    "All",
    "Both",
    "Each",
    "Other",
    "Another",
    "No",
    "Not",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Which",
    "According",
    "Asked",
    "Speaking",
    "Under",
    "Over",
    "Amid",
    "Among",
    "Against",
    "Although",
    "Though",
    "Because",
    "Instead",
    "Even",
    "Only",
    "Such",
    "Several",
];

/// Last words of a capitalised sequence that make it an organisation ("CBS News").
const ORGANISATION_ENDINGS: &[&str] = &[
    "News",
    "Council",
    "Command",
    "Ministry",
    "Agency",
    "Committee",
    "Commission",
    "Party",
    "Bank",
    "Fund",
    "Times",
    "Post",
    "Journal",
    "Press",
    "Corporation",
    "Company",
    "Inc",
    "Group",
    "Union",
    "Organization",
    "Organisation",
    "Institute",
    "University",
    "Forces",
    "Army",
    "Navy",
    "Guard",
    "Department",
    "Office",
    "Service",
    "Court",
    "Parliament",
    "Congress",
    "Assembly",
    "Senate",
    "Association",
    "Federation",
    "Foundation",
    "Reuters",
    "Network",
    "Television",
    "Radio",
    "Broadcasting",
];

/// Last words of a capitalised sequence that make it a place, not an actor.
const PLACE_ENDINGS: &[&str] = &[
    "Sea",
    "Ocean",
    "River",
    "Region",
    "Mountains",
    "Street",
    "Square",
    "Island",
    "Islands",
    "Bay",
    "Gulf",
    "Strait",
    "Peninsula",
    "Valley",
    "Lake",
    "Road",
    "Avenue",
    "Oblast",
    "Province",
    "County",
    "City",
    "Airport",
    "Base",
    "Bridge",
    "Coast",
    "Desert",
    "Canal",
];

const CALENDAR_WORDS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Longest capitalised run read as one person's name.
const MAX_NAME_WORDS: usize = 3;

/// A person or organisation the text names without the gazetteer's help.
#[derive(Debug, Clone)]
struct Found {
    name: String,
    kind: ActorKind,
    surfaces: Vec<String>,
}

/// Names the actors of `paragraphs`, reusing the ids and aliases of `existing` wherever
/// they name the same actor.
pub fn find_actors(paragraphs: &[&str], existing: &[Actor]) -> Cast {
    let known = Patterns::new(existing, &[]);
    let found = discover(paragraphs, &known);
    let patterns = Patterns::new(existing, &found);
    let mut cast = Cast::default();
    let mut index_of: HashMap<Owner, usize> = HashMap::new();
    let mut taken: HashSet<String> = existing.iter().map(|a| a.id.clone()).collect();
    taken.extend(gazetteer().iter().map(|k| k.id.to_string()));
    let existing_by_id: HashMap<&str, usize> = existing
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut roles: HashMap<String, usize> = HashMap::new();
    let mut latest_role: HashMap<String, usize> = HashMap::new();
    for paragraph in paragraphs {
        let mut mentions = Vec::new();
        for (range, owner) in patterns.find(paragraph) {
            // A gazetteer actor the existing timelines already have, by id, is theirs.
            let owner = match owner {
                Owner::Gazetteer(i) => existing_by_id
                    .get(gazetteer()[i].id)
                    .map_or(owner, |&j| Owner::Existing(j)),
                other => other,
            };
            let actor = *index_of.entry(owner).or_insert_with(|| {
                let (actor, reused) = patterns.actor(owner, existing, &found, &mut taken);
                cast.actors.push(actor);
                cast.reused.push(reused);
                cast.actors.len() - 1
            });
            let surface = &paragraph[range.clone()];
            let entry = &mut cast.actors[actor];
            if surface != entry.name && !entry.aliases.iter().any(|a| a == surface) {
                entry.aliases.push(surface.to_string());
            }
            mentions.push(Mention { range, actor });
        }
        let covered: Vec<Range<usize>> = mentions.iter().map(|m| m.range.clone()).collect();
        for role in role_mentions(paragraph, &covered) {
            let actor = match role.modifiers {
                Some(surface) => {
                    let key = surface.to_lowercase();
                    let actor = *roles.entry(key.clone()).or_insert_with(|| {
                        let mut name: String = surface.clone();
                        if let Some(first) = name.get(..1) {
                            name = first.to_uppercase() + &name[1..];
                        }
                        cast.actors.push(Actor {
                            id: unique_id(&slug(&key, 5), &mut taken),
                            name,
                            kind: if role.plural {
                                ActorKind::Group
                            } else {
                                ActorKind::Person
                            },
                            aliases: Vec::new(),
                        });
                        cast.reused.push(false);
                        cast.actors.len() - 1
                    });
                    latest_role.insert(role.noun.clone(), actor);
                    actor
                }
                None => match latest_role.get(&role.noun) {
                    Some(&actor) => actor,
                    None => continue,
                },
            };
            let surface = &paragraph[role.range.clone()];
            let entry = &mut cast.actors[actor];
            if !surface.eq_ignore_ascii_case(&entry.name)
                && !entry.aliases.iter().any(|a| a == surface)
            {
                entry.aliases.push(surface.to_string());
            }
            mentions.push(Mention {
                range: role.range,
                actor,
            });
        }
        mentions.sort_by_key(|m| m.range.start);
        cast.mentions.push(mentions);
    }
    cast
}

/// Nouns that name someone by their role ("a senior administration official").
const ROLE_NOUNS: &[(&str, bool)] = &[
    ("official", false),
    ("officials", true),
    ("spokesman", false),
    ("spokeswoman", false),
    ("spokesperson", false),
    ("aide", false),
    ("aides", true),
    ("diplomat", false),
    ("diplomats", true),
    ("negotiator", false),
    ("negotiators", true),
    ("envoy", false),
    ("analyst", false),
    ("analysts", true),
    ("lawmaker", false),
    ("lawmakers", true),
];

/// Words that end the modifiers of a role noun, looking back from it.
const ROLE_STOPS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "and",
    "or", "of", "to", "in", "on", "at", "by", "for", "with", "from", "said", "says", "told",
    "other", "some", "many", "several", "two", "three", "one", "no", "any",
];

/// A role named in the text: "senior administration official" (its modifiers name
/// it), or "the official" (the latest role with that noun).
struct RoleMention {
    range: Range<usize>,
    /// The role as the text words it, if it has lowercase modifiers.
    modifiers: Option<String>,
    /// The role noun, singular.
    noun: String,
    plural: bool,
}

/// The roles a paragraph names outside the mentions already found.
fn role_mentions(text: &str, covered: &[Range<usize>]) -> Vec<RoleMention> {
    let words = words(text);
    let mut out = Vec::new();
    for (j, word) in words.iter().enumerate() {
        let Some(&(noun, plural)) = ROLE_NOUNS.iter().find(|(n, _)| *n == &*word.lower) else {
            continue;
        };
        if covered
            .iter()
            .any(|r| r.start < word.end && word.start < r.end)
        {
            continue;
        }
        let mut from = j;
        while from > 0
            && j - from < 3
            && only_spaces_between(text, &words[from - 1], &words[from])
            && !words[from - 1].is_capitalised()
            && words[from - 1].text.chars().all(char::is_alphabetic)
            && !ROLE_STOPS.contains(&&*words[from - 1].lower)
        {
            from -= 1;
        }
        let singular = noun
            .strip_suffix('s')
            .filter(|_| plural)
            .unwrap_or(noun)
            .to_string();
        if from < j {
            out.push(RoleMention {
                range: words[from].start..word.end,
                modifiers: text.get(words[from].start..word.end).map(str::to_string),
                noun: singular,
                plural,
            });
        } else if let Some(the) = j.checked_sub(1).map(|k| &words[k])
            && &*the.lower == "the"
            && only_spaces_between(text, the, word)
        {
            out.push(RoleMention {
                range: the.start..word.end,
                modifiers: None,
                noun: singular,
                plural,
            });
        }
    }
    out
}

/// Who a pattern names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Owner {
    Existing(usize),
    Gazetteer(usize),
    Found(usize),
}

/// Names and who each belongs to, in one leftmost-longest automaton; a name given
/// twice belongs to its first owner.
struct Matcher {
    automaton: Option<AhoCorasick>,
    owners: Vec<Owner>,
}

impl Matcher {
    fn new(list: Vec<(String, Owner)>) -> Self {
        let mut unique: HashSet<String> = HashSet::new();
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for (name, owner) in list {
            if !name.is_empty() && unique.insert(name.clone()) {
                patterns.push(name);
                owners.push(owner);
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        Matcher { automaton, owners }
    }

    /// The whole-word matches in `text`, with their owners.
    fn find(&self, text: &str) -> Vec<(Range<usize>, Owner)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        automaton
            .find_iter(text)
            .filter(|m| is_whole_word(text, &m.range()))
            .filter_map(|m| Some((m.range(), *self.owners.get(m.pattern().as_usize())?)))
            .collect()
    }
}

/// The gazetteer's names, compiled once.
fn gazetteer_matcher() -> &'static Matcher {
    static MATCHER: OnceLock<Matcher> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let mut list = Vec::new();
        for (i, known) in gazetteer().iter().enumerate() {
            for name in std::iter::once(&known.name).chain(&known.other_names) {
                list.push((name.to_string(), Owner::Gazetteer(i)));
            }
        }
        Matcher::new(list)
    })
}

/// Every name to look for: the gazetteer's (compiled once) and the draft's own
/// (existing actors and names found in the text).
struct Patterns {
    own: Matcher,
}

impl Patterns {
    fn new(existing: &[Actor], found: &[Found]) -> Self {
        let mut list: Vec<(String, Owner)> = Vec::new();
        for (i, actor) in existing.iter().enumerate() {
            for name in std::iter::once(&actor.name).chain(&actor.aliases) {
                list.push((name.trim().to_string(), Owner::Existing(i)));
            }
        }
        for (i, person) in found.iter().enumerate() {
            for name in std::iter::once(&person.name).chain(&person.surfaces) {
                list.push((name.clone(), Owner::Found(i)));
            }
            if person.kind == ActorKind::Person
                && let Some(surname) = person.name.rsplit(' ').next()
            {
                list.push((surname.to_string(), Owner::Found(i)));
            }
        }
        Patterns {
            own: Matcher::new(list),
        }
    }

    /// The mentions in `text`: of all names that match, the leftmost, then the longest,
    /// then an existing actor's before the gazetteer's before one found in the text; no
    /// two overlap.
    fn find(&self, text: &str) -> Vec<(Range<usize>, Owner)> {
        let rank = |owner: &Owner| match owner {
            Owner::Existing(_) => 0,
            Owner::Gazetteer(_) => 1,
            Owner::Found(_) => 2,
        };
        let mut all = gazetteer_matcher().find(text);
        all.extend(self.own.find(text));
        all.sort_by_key(|(r, o)| (r.start, std::cmp::Reverse(r.end), rank(o)));
        let mut kept: Vec<(Range<usize>, Owner)> = Vec::with_capacity(all.len());
        for (range, owner) in all {
            if kept.last().is_none_or(|(last, _)| range.start >= last.end) {
                kept.push((range, owner));
            }
        }
        kept
    }

    /// The actor a pattern's owner stands for, and whether it was an existing one.
    fn actor(
        &self,
        owner: Owner,
        existing: &[Actor],
        found: &[Found],
        taken: &mut HashSet<String>,
    ) -> (Actor, bool) {
        match owner {
            Owner::Existing(i) => (existing[i].clone(), true),
            Owner::Gazetteer(i) => {
                let known = &gazetteer()[i];
                let actor = Actor {
                    id: known.id.to_string(),
                    name: known.name.to_string(),
                    kind: known.kind,
                    aliases: Vec::new(),
                };
                (actor, false)
            }
            Owner::Found(i) => {
                let person = &found[i];
                let surname = person.name.rsplit(' ').next().unwrap_or(&person.name);
                let mut base = if person.kind == ActorKind::Person {
                    slug(surname, 3)
                } else {
                    slug(&person.name, 4)
                };
                if taken.contains(&base) {
                    base = slug(&person.name, 4);
                }
                let actor = Actor {
                    id: unique_id(&base, taken),
                    name: person.name.clone(),
                    kind: person.kind,
                    aliases: Vec::new(),
                };
                (actor, false)
            }
        }
    }
}

/// People and organisations the text names outside the gazetteer and the existing
/// actors: capitalised runs read by their titles, their last word and their length.
fn discover(paragraphs: &[&str], known: &Patterns) -> Vec<Found> {
    let lowercase_words: HashSet<String> = paragraphs
        .iter()
        .flat_map(|p| words(p))
        .filter(|w| !w.is_capitalised())
        .map(|w| w.lower.to_string())
        .collect();
    let mut found = FoundNames::default();
    for paragraph in paragraphs {
        let covered: Vec<Range<usize>> =
            known.find(paragraph).into_iter().map(|(r, _)| r).collect();
        let words = words(paragraph);
        for run in capitalised_runs(paragraph, &words, &covered) {
            // "Turkish Foreign Ministry": a known demonym just before belongs to the name
            // of a body.
            let demonym = run.start.checked_sub(1).filter(|&j| {
                words[j].is_capitalised()
                    && covered
                        .iter()
                        .any(|r| r.start <= words[j].start && words[j].end <= r.end)
                    && joined(paragraph, &words[j], &words[run.start])
            });
            read_run(
                paragraph,
                &words,
                run,
                demonym,
                &lowercase_words,
                &mut found,
            );
        }
    }
    merge_surnames(found.list)
}

/// The runs of capitalised words (as index ranges into `words`) that no known name
/// covers, joined by spaces, or by a full stop after a title ("Mr. Biden").
fn capitalised_runs(text: &str, words: &[Word], covered: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut covered_at = 0;
    let mut is_candidate = |w: &Word| {
        while covered_at < covered.len() && covered[covered_at].end <= w.start {
            covered_at += 1;
        }
        let is_covered = covered
            .get(covered_at)
            .is_some_and(|r| r.start < w.end && w.start < r.end);
        w.is_capitalised()
            && !is_covered
            && !CALENDAR_WORDS.contains(&w.stem())
            && !STOPWORDS.contains(&w.text)
    };
    let candidates: Vec<bool> = words.iter().map(&mut is_candidate).collect();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !candidates[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i + 1 < words.len() && candidates[i + 1] && joined(text, &words[i], &words[i + 1]) {
            i += 1;
        }
        runs.push(start..i + 1);
        i += 1;
    }
    runs
}

/// Whether two capitalised words belong to one name.
fn joined(text: &str, left: &Word, right: &Word) -> bool {
    if only_spaces_between(text, left, right) {
        return true;
    }
    let gap = text.get(left.end..right.start).unwrap_or("");
    gap == "-"
        || (TITLES.contains(&left.text)
            && gap.starts_with('.')
            && gap[1..].trim().is_empty()
            && gap.len() > 1)
}

/// Whether a word opens a sentence: the first of its paragraph, or after a full stop,
/// question or exclamation mark.
fn opens_sentence(text: &str, words: &[Word], i: usize) -> bool {
    let before = match i.checked_sub(1).and_then(|j| words.get(j)) {
        Some(previous) => text.get(previous.end..words[i].start).unwrap_or(""),
        None => return true,
    };
    before.contains(['.', '!', '?', ':'])
}

/// Reads one capitalised run as a person, an organisation or nothing.
fn read_run(
    text: &str,
    words: &[Word],
    run: Range<usize>,
    demonym: Option<usize>,
    lowercase_words: &HashSet<String>,
    found: &mut FoundNames,
) {
    let Some(last_word) = run.end.checked_sub(1).and_then(|j| words.get(j)) else {
        return;
    };
    if ORGANISATION_ENDINGS.contains(&last_word.stem()) {
        let mut from = demonym.unwrap_or(run.start);
        if demonym.is_none()
            && opens_sentence(text, words, from)
            && lowercase_words.contains(&words[from].stem().to_lowercase())
        {
            from += 1;
        }
        if run.end - from >= 2 {
            let end = last_word.start + last_word.stem().len();
            let name = text.get(words[from].start..end).unwrap_or("").to_string();
            add_found(found, name, ActorKind::Organization, None);
        }
        return;
    }
    let first = run.start;
    let mut start = run.start;
    while start < run.end && TITLES.contains(&words[start].stem()) {
        start += 1;
    }
    let titled = start > first;
    if !titled
        && start < run.end
        && opens_sentence(text, words, start)
        && lowercase_words.contains(&words[start].stem().to_lowercase())
    {
        start += 1;
    }
    if start >= run.end {
        return;
    }
    let cued = titled
        || first
            .checked_sub(1)
            .and_then(|j| words.get(j))
            .is_some_and(|w| ROLE_CUES.contains(&w.text));
    let name_words = &words[start..run.end];
    let Some(last) = name_words.last() else {
        return;
    };
    let span = |from: &Word, to: &Word| text.get(from.start..to.end).unwrap_or("").to_string();
    let trimmed_last = last.stem();
    let name_end = last.start + trimmed_last.len();
    if PLACE_ENDINGS.contains(&trimmed_last) || name_words.iter().any(|w| is_acronym(w.text)) {
        return;
    }
    let titled_surface =
        |end: usize| titled.then(|| text.get(words[first].start..end).unwrap_or("").to_string());
    match name_words.len() {
        1 if cued => {
            let name = trimmed_last.to_string();
            add_found(found, name, ActorKind::Person, titled_surface(name_end));
        }
        2..=MAX_NAME_WORDS => {
            let name = text
                .get(name_words[0].start..name_end)
                .unwrap_or("")
                .to_string();
            add_found(found, name, ActorKind::Person, titled_surface(name_end));
        }
        4 => {
            let split = start + 2;
            let name = span(&words[start], &words[split - 1]);
            add_found(
                found,
                name,
                ActorKind::Person,
                titled_surface(words[split - 1].end),
            );
            let name = text
                .get(words[split].start..name_end)
                .unwrap_or("")
                .to_string();
            add_found(found, name, ActorKind::Person, None);
        }
        _ => {}
    }
}

/// Whether a word is an acronym (two or more capitals, no small letter): an aircraft,
/// an agency or an agency's initials the gazetteer does not know.
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_uppercase()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// The names found so far, each once, with where each stands in the list.
#[derive(Default)]
struct FoundNames {
    list: Vec<Found>,
    index: HashMap<String, usize>,
}

/// Adds a name found in the text, once, with the titled form it was seen in.
fn add_found(found: &mut FoundNames, name: String, kind: ActorKind, surface: Option<String>) {
    if name.trim().is_empty() {
        return;
    }
    let at = match found.index.get(&name) {
        Some(&i) => i,
        None => {
            found.index.insert(name.clone(), found.list.len());
            found.list.push(Found {
                name,
                kind,
                surfaces: Vec::new(),
            });
            found.list.len() - 1
        }
    };
    let entry = &mut found.list[at];
    if let Some(surface) = surface.filter(|s| !s.is_empty() && *s != entry.name)
        && !entry.surfaces.contains(&surface)
    {
        entry.surfaces.push(surface);
    }
}

/// Folds each one-word person ("Putin", from "President Putin") into the full name
/// that ends with it ("Vladimir Putin"), if exactly one does.
fn merge_surnames(found: Vec<Found>) -> Vec<Found> {
    let mut full: Vec<Found> = Vec::with_capacity(found.len());
    let mut single: Vec<Found> = Vec::new();
    for f in found {
        if f.kind == ActorKind::Person && !f.name.contains(' ') {
            single.push(f);
        } else {
            full.push(f);
        }
    }
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, f) in full.iter().enumerate() {
        if f.kind == ActorKind::Person
            && let Some(surname) = f.name.rsplit(' ').next()
        {
            by_surname.entry(surname.to_string()).or_default().push(i);
        }
    }
    for one in single {
        match by_surname.get(&one.name).map(Vec::as_slice) {
            Some(&[i]) => {
                for surface in one.surfaces {
                    if !full[i].surfaces.contains(&surface) {
                        full[i].surfaces.push(surface);
                    }
                }
            }
            _ => full.push(one),
        }
    }
    full
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cast(text: &str) -> Cast {
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        find_actors(&paragraphs, &[])
    }

    fn named<'a>(cast: &'a Cast, id: &str) -> &'a Actor {
        cast.actors
            .iter()
            .find(|a| a.id == id)
            .unwrap_or_else(|| panic!("no actor {id} in {:?}", cast.actors))
    }

    #[test]
    fn the_gazetteer_parses_whole_with_unique_slug_ids() {
        let lines = GAZETTEER
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .count();
        assert_eq!(gazetteer().len(), lines);
        let mut ids = HashSet::new();
        for known in gazetteer() {
            assert_eq!(slug(known.id, 9), known.id, "{} is a slug", known.id);
            assert!(ids.insert(known.id), "{} twice", known.id);
        }
    }

    #[test]
    fn demonyms_and_capitals_name_their_country() {
        let cast = cast("Russian troops massed as Moscow and Kyiv traded blame.");
        assert_eq!(named(&cast, "russia").aliases, ["Russian", "Moscow"]);
        assert_eq!(named(&cast, "ukraine").aliases, ["Kyiv"]);
    }

    #[test]
    fn the_longest_name_wins() {
        let cast =
            cast("The NATO-Russia Council met. NATO said so. The US European Command agreed.");
        let ids: Vec<&str> = cast.actors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["nato-russia-council", "nato", "us-european-command"]);
    }

    #[test]
    fn names_inside_words_are_not_mentions() {
        let cast = cast("USAID and the Ukrainianness of it; campus life.");
        assert!(cast.actors.is_empty(), "{:?}", cast.actors);
    }

    #[test]
    fn titles_find_people_and_surnames_merge_into_the_full_name() {
        let cast = cast(
            "President Biden told Russian President Vladimir Putin on Thursday.\n\n\
             Later Biden and Putin agreed. Mr. Biden left.",
        );
        let biden = named(&cast, "biden");
        assert_eq!(biden.name, "Biden");
        assert_eq!(biden.kind, ActorKind::Person);
        assert!(biden.aliases.contains(&"President Biden".to_string()));
        assert!(biden.aliases.contains(&"Mr. Biden".to_string()));
        let putin = named(&cast, "putin");
        assert_eq!(putin.name, "Vladimir Putin");
        assert!(
            putin
                .aliases
                .contains(&"President Vladimir Putin".to_string())
        );
        assert!(putin.aliases.contains(&"Putin".to_string()));
        assert_eq!(cast.mentions[1].len(), 3);
    }

    #[test]
    fn two_capitalised_words_are_a_person_and_a_media_name_an_organisation() {
        let cast = cast(
            "Meanwhile, spokesman Dmitry Peskov told CBS News the Black Sea was calm. \
             Peskov added nothing.",
        );
        let peskov = named(&cast, "peskov");
        assert_eq!(peskov.name, "Dmitry Peskov");
        assert_eq!(peskov.aliases, ["Peskov"]);
        assert_eq!(named(&cast, "cbs-news").kind, ActorKind::Organization);
        assert!(cast.actors.iter().all(|a| !a.name.contains("Sea")));
        assert!(cast.actors.iter().all(|a| a.name != "Meanwhile"));
    }

    #[test]
    fn a_body_named_after_a_title_word_is_an_organisation_with_its_demonym() {
        let cast = cast("The Turkish Foreign Ministry said so. Fed Chair Jerome Powell agreed.");
        let ministry = named(&cast, "turkish-foreign-ministry");
        assert_eq!(ministry.kind, ActorKind::Organization);
        assert_eq!(named(&cast, "powell").name, "Jerome Powell");
    }

    #[test]
    fn a_role_is_an_actor_and_the_role_noun_refers_back_to_it() {
        let cast = cast(
            "A senior administration official said so.\n\nThe official added more. \
             The U.S. official left.",
        );
        let official = named(&cast, "senior-administration-official");
        assert_eq!(official.name, "Senior administration official");
        assert_eq!(official.kind, ActorKind::Person);
        assert!(official.aliases.contains(&"The official".to_string()));
        // "The official" is the senior official; "the U.S. official" names only the US.
        let ids: Vec<&str> = cast.mentions[1]
            .iter()
            .map(|m| cast.actors[m.actor].id.as_str())
            .collect();
        assert_eq!(ids, ["senior-administration-official", "united-states"]);
    }

    #[test]
    fn a_sentence_opening_word_used_in_lowercase_elsewhere_is_no_name() {
        let cast = cast("Troops Advance slowly. The troops advance.");
        assert!(cast.actors.is_empty(), "{:?}", cast.actors);
    }

    #[test]
    fn existing_actors_keep_their_ids_and_aliases() {
        let existing = [Actor {
            id: "potus".into(),
            name: "Joe Biden".into(),
            kind: ActorKind::Person,
            aliases: vec!["Biden".into()],
        }];
        let found = find_actors(&["President Biden spoke with Russia."], &existing);
        assert_eq!(found.actors[0].id, "potus");
        assert_eq!(found.reused, [true, false]);
        assert_eq!(found.actors[0].aliases, ["Biden"]);
        assert_eq!(found.actors[1].id, "russia");
    }

    #[test]
    fn an_existing_actor_with_a_gazetteer_id_takes_the_gazetteer_names() {
        let existing = [Actor {
            id: "russia".into(),
            name: "Russian Federation".into(),
            kind: ActorKind::Country,
            aliases: vec![],
        }];
        let found = find_actors(&["Moscow and Russia agreed."], &existing);
        assert_eq!(found.actors.len(), 1, "{:?}", found.actors);
        assert_eq!(found.actors[0].aliases, ["Moscow", "Russia"]);
        assert_eq!(found.reused, [true]);
    }

    #[test]
    fn odd_text_does_not_panic() {
        for text in [
            "",
            "Mr.",
            "Mr. ",
            "President",
            "A B C D E F",
            "É É",
            "-—-",
            "Mr.\u{a0}X",
        ] {
            let _ = cast(text);
        }
    }
}
