//! The key map: every key binding in one table, from which both key handling and the
//! help overlay are derived.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::app::Action;

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
pub const BINDINGS: &[Binding] = &[
    Binding {
        group: "Move",
        keys: &[key('j'), code(KeyCode::Down)],
        help: "next event / scroll down",
        action: Action::Down,
    },
    Binding {
        group: "Move",
        keys: &[key('k'), code(KeyCode::Up)],
        help: "previous event / scroll up",
        action: Action::Up,
    },
    Binding {
        group: "Move",
        keys: &[key('g'), code(KeyCode::Home)],
        help: "first",
        action: Action::Top,
    },
    Binding {
        group: "Move",
        keys: &[key('G'), code(KeyCode::End)],
        help: "last",
        action: Action::Bottom,
    },
    Binding {
        group: "Move",
        keys: &[ctrl('d')],
        help: "half a page down",
        action: Action::HalfPageDown,
    },
    Binding {
        group: "Move",
        keys: &[ctrl('u')],
        help: "half a page up",
        action: Action::HalfPageUp,
    },
    Binding {
        group: "Move",
        keys: &[code(KeyCode::PageDown), ctrl('f'), key(' ')],
        help: "a page down",
        action: Action::PageDown,
    },
    Binding {
        group: "Move",
        keys: &[code(KeyCode::PageUp), ctrl('b')],
        help: "a page up",
        action: Action::PageUp,
    },
    Binding {
        group: "Panes",
        keys: &[code(KeyCode::Tab), code(KeyCode::BackTab)],
        help: "focus the other pane",
        action: Action::FocusNext,
    },
    Binding {
        group: "Source",
        keys: &[code(KeyCode::Enter)],
        help: "jump to the source paragraph",
        action: Action::OpenSource,
    },
    Binding {
        group: "Source",
        keys: &[key('s')],
        help: "jump to the source / back",
        action: Action::ToggleSource,
    },
    Binding {
        group: "Source",
        keys: &[key(']')],
        help: "next source of the event",
        action: Action::NextSource,
    },
    Binding {
        group: "Source",
        keys: &[key('[')],
        help: "previous source of the event",
        action: Action::PrevSource,
    },
    Binding {
        group: "Source",
        keys: &[code(KeyCode::Esc), code(KeyCode::Backspace)],
        help: "back",
        action: Action::Back,
    },
    Binding {
        group: "General",
        keys: &[key('?')],
        help: "this help (any key closes it)",
        action: Action::ToggleHelp,
    },
    Binding {
        group: "General",
        keys: &[key('q'), ctrl('c')],
        help: "quit",
        action: Action::Quit,
    },
];

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
        assert_eq!(press(KeyCode::Char('d'), KeyModifiers::NONE), None);
    }

    #[test]
    fn no_key_is_bound_twice() {
        let keys: Vec<&Key> = BINDINGS.iter().flat_map(|b| b.keys).collect();
        for (i, a) in keys.iter().enumerate() {
            assert!(!keys[i + 1..].contains(a), "{} is bound twice", label(a));
        }
    }
}
