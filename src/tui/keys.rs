//! The key map: every key binding in one table, from which both key handling and the
//! help overlay are derived.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::commands::Action;

/// A key with its modifiers, as the map lists it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    code: KeyCode,
    ctrl: bool,
}

const fn key(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: false,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn code(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

/// One line of the help overlay: the keys, what they do, and the action they send.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The group the help overlay lists it under.
    pub group: &'static str,
    /// The keys that trigger it.
    pub keys: &'static [Key],
    /// What it does, in a few words.
    pub help: &'static str,
    /// The action sent.
    pub action: Action,
}

/// Every binding, in help order.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind("Move", &[key('j'), code(KeyCode::Down)], "next event / scroll down", Action::Down),
    bind("Move", &[key('k'), code(KeyCode::Up)], "previous event / scroll up", Action::Up),
    bind("Move", &[key('g'), code(KeyCode::Home)], "first", Action::Top),
    bind("Move", &[key('G'), code(KeyCode::End)], "last", Action::Bottom),
    bind("Move", &[ctrl('d')], "half a page down", Action::HalfPageDown),
    bind("Move", &[ctrl('u')], "half a page up", Action::HalfPageUp),
    bind("Move", &[code(KeyCode::PageDown), ctrl('f'), key(' ')], "a page down", Action::PageDown),
    bind("Move", &[code(KeyCode::PageUp), ctrl('b')], "a page up", Action::PageUp),
    bind("Panes", &[code(KeyCode::Tab), code(KeyCode::BackTab)], "focus the other pane", Action::FocusNext),
    bind("Source", &[code(KeyCode::Enter)], "jump to the source paragraph", Action::OpenSource),
    bind("Source", &[key('s')], "jump to the source / back", Action::ToggleSource),
    bind("Source", &[key(']')], "next source of the event", Action::NextSource),
    bind("Source", &[key('[')], "previous source of the event", Action::PrevSource),
    bind("Source", &[code(KeyCode::Esc), code(KeyCode::Backspace)], "back / clear the search", Action::Back),
    bind("Filter", &[key('a')], "pick actors", Action::PickActors),
    bind("Filter", &[key('A')], "only the selected event's actors", Action::FilterBySelectedActors),
    bind("Filter", &[key('&')], "any / all of the chosen actors", Action::ToggleActorMode),
    bind("Filter", &[key('K')], "pick kinds", Action::PickKinds),
    bind("Filter", &[key('S')], "pick statuses (◇ planned ◌ expected ? reported)", Action::PickStatuses),
    bind("Filter", &[key('O')], "sources: all / at least 2 / one only", Action::CycleSources),
    bind("Filter", &[key('d')], "date range (EDTF)", Action::AskDateRange),
    bind("Filter", &[key('/')], "search (Enter keeps, Esc clears)", Action::Search),
    bind("Filter", &[key('n')], "next match", Action::NextMatch),
    bind("Filter", &[key('N')], "previous match", Action::PrevMatch),
    bind("Filter", &[key('f')], "keep only the matches (the search as a filter)", Action::KeepMatches),
    bind("Filter", &[key('x')], "clear all filters and the search", Action::ClearFilters),
    bind("Time", &[key(':'), key('D')], "go to a date (EDTF)", Action::AskJumpDate),
    bind("Time", &[key('}')], "next date group", Action::NextDateGroup),
    bind("Time", &[key('{')], "this / previous date group", Action::PrevDateGroup),
    bind("Time", &[key('t')], "show / hide the time axis", Action::ToggleAxis),
    bind("Time", &[key('+'), key('=')], "zoom the axis in", Action::ZoomIn),
    bind("Time", &[key('-')], "zoom the axis out", Action::ZoomOut),
    bind("Time", &[key('<')], "move the axis earlier", Action::PanEarlier),
    bind("Time", &[key('>')], "move the axis later", Action::PanLater),
    bind("File", &[key('e')], "edit the event's file at its line, then reload", Action::Edit),
    bind("File", &[key('R')], "reload the files now", Action::Reload),
    bind("File", &[key('E')], "why the file no longer loads", Action::ShowErrors),
    bind("File", &[key('w')], "write the shown events to a file (.csv .json .md .ics)", Action::WriteView),
    bind("Documents", &[key('o')], "every document (Enter opens one, f keeps its events)", Action::ShowDocuments),
    bind("Documents", &[key('y')], "copy a citation of the event (OSC 52; printed on quit too)", Action::CopyCitation),
    bind("Notes", &[key('m')], "star / unstar the event", Action::ToggleStar),
    bind("Notes", &[key('T')], "edit the event's tags (Tab completes)", Action::EditTags),
    bind("Notes", &[key('v')], "next review status (✓ verified ✗ disputed § needs-source)", Action::CycleReview),
    bind("Notes", &[key('c')], "write a note on the event", Action::AddNote),
    bind("Notes", &[key('C')], "write a long note in $EDITOR", Action::AddLongNote),
    bind("Notes", &[key('\'')], "next starred event", Action::NextStarred),
    bind("Notes", &[key('`')], "previous starred event", Action::PrevStarred),
    bind("Notes", &[key('*')], "only the starred events / all", Action::ToggleStarredFilter),
    bind("Notes", &[key('#')], "pick tags", Action::PickTags),
    bind("Notes", &[key('V')], "pick review statuses", Action::PickReviews),
    bind("General", &[key('?')], "this help (any key closes it)", Action::ToggleHelp),
    bind("General", &[key('q'), ctrl('c')], "quit", Action::Quit),
];

const INPUT: &str = "In pickers and prompts";

/// Keys in pickers and prompts; any other character is typed.
#[rustfmt::skip]
pub const INPUT_BINDINGS: &[Binding] = &[
    bind(INPUT, &[code(KeyCode::Down), ctrl('n')], "next item", Action::Down),
    bind(INPUT, &[code(KeyCode::Up), ctrl('p')], "previous item", Action::Up),
    bind(INPUT, &[code(KeyCode::PageDown)], "ten items down", Action::PageDown),
    bind(INPUT, &[code(KeyCode::PageUp)], "ten items up", Action::PageUp),
    bind(INPUT, &[code(KeyCode::Tab)], "tick / untick (in pickers; Space types), complete a tag", Action::Tick),
    bind(INPUT, &[code(KeyCode::Enter)], "apply", Action::Confirm),
    bind(INPUT, &[code(KeyCode::Esc)], "cancel", Action::Cancel),
    bind(INPUT, &[code(KeyCode::Backspace)], "erase", Action::Erase),
    bind(INPUT, &[ctrl('c')], "quit", Action::Quit),
];

const fn bind(
    group: &'static str,
    keys: &'static [Key],
    help: &'static str,
    action: Action,
) -> Binding {
    Binding {
        group,
        keys,
        help,
        action,
    }
}

/// The action a key press sends in a picker or prompt: characters are typed, and Tab
/// ticks (or completes) only where it `takes_tab` (a picker, the tags prompt).
pub fn input_action_for(event: &KeyEvent, takes_tab: bool) -> Option<Action> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let bound = INPUT_BINDINGS
        .iter()
        .filter(|b| takes_tab || b.action != Action::Tick)
        .find(|b| {
            b.keys
                .iter()
                .any(|k| k.code == event.code && k.ctrl == ctrl)
        });
    match (bound, event.code) {
        (Some(b), _) => Some(b.action),
        (None, KeyCode::Char(c)) if !ctrl => Some(Action::Type(c)),
        _ => None,
    }
}

/// The action a key press sends while the help overlay is closed.
pub fn action_for(event: &KeyEvent) -> Option<Action> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    BINDINGS
        .iter()
        .find(|b| {
            b.keys
                .iter()
                .any(|k| k.code == event.code && k.ctrl == ctrl)
        })
        .map(|b| b.action)
}

/// How a key is written in the help: `j`, `↓`, `Ctrl-d`, `PgDn`.
pub fn label(key: &Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Down => "↓".to_string(),
        KeyCode::Up => "↑".to_string(),
        KeyCode::Home => "Home".to_string(),
        KeyCode::End => "End".to_string(),
        KeyCode::PageDown => "PgDn".to_string(),
        KeyCode::PageUp => "PgUp".to_string(),
        KeyCode::Tab => "Tab".to_string(),
        KeyCode::BackTab => "Shift-Tab".to_string(),
        KeyCode::Enter => "Enter".to_string(),
        KeyCode::Esc => "Esc".to_string(),
        KeyCode::Backspace => "Backspace".to_string(),
        other => format!("{other:?}"),
    };
    if key.ctrl {
        format!("Ctrl-{name}")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        action_for(&KeyEvent::new(code, modifiers))
    }

    #[test]
    fn vim_and_less_keys_map_to_moves() {
        assert_eq!(
            press(KeyCode::Char('j'), KeyModifiers::NONE),
            Some(Action::Down)
        );
        assert_eq!(press(KeyCode::Down, KeyModifiers::NONE), Some(Action::Down));
        assert_eq!(
            press(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Action::Bottom)
        );
        assert_eq!(
            press(KeyCode::Char('d'), KeyModifiers::CONTROL),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            press(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Action::Quit)
        );
        assert_eq!(press(KeyCode::Char('z'), KeyModifiers::NONE), None);
    }

    #[test]
    fn no_key_is_bound_twice() {
        for table in [BINDINGS, INPUT_BINDINGS] {
            let keys: Vec<&Key> = table.iter().flat_map(|b| b.keys).collect();
            for (i, a) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(a), "{} is bound twice", label(a));
            }
        }
    }

    #[test]
    fn pickers_tick_with_tab_and_type_space_so_names_of_several_words_narrow() {
        let space = KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE);
        let tab = KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE);
        assert_eq!(input_action_for(&tab, true), Some(Action::Tick));
        assert_eq!(input_action_for(&space, true), Some(Action::Type(' ')));
        assert_eq!(input_action_for(&space, false), Some(Action::Type(' ')));
        assert_eq!(input_action_for(&tab, false), None);
        let j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(input_action_for(&j, true), Some(Action::Type('j')));
    }
}
