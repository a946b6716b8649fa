//! A one-line text field and the editing keys every field shares. The text is wiped from
//! memory when dropped (it may be a password).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use zeroize::Zeroizing;

/// The first buffer of a field that grows: room for a typical address or password.
const MIN_CAPACITY: usize = 64;

/// A one-line text field.
#[derive(Debug, Clone, Default)]
pub struct TextField {
    value: Zeroizing<String>,
    /// Cursor position in characters.
    cursor: usize,
}

impl TextField {
    pub fn new(value: &str) -> TextField {
        TextField {
            value: Zeroizing::new(value.to_string()),
            cursor: value.chars().count(),
        }
    }

    pub fn value(&self) -> &str {
        &self.value
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.value
            .char_indices()
            .nth(chars)
            .map_or(self.value.len(), |(i, _)| i)
    }

    pub fn insert(&mut self, c: char) {
        // Control characters (a pasted tab or newline) would break the one-line display.
        let c = if c.is_control() { ' ' } else { c };
        self.room_for(c.len_utf8());
        let at = self.byte_at(self.cursor);
        self.value.insert(at, c);
        self.cursor += 1;
    }

    pub fn insert_str(&mut self, s: &str) {
        for c in s.chars() {
            self.insert(c);
        }
    }

    /// Makes room for `extra` more bytes. `String` growing on its own would free the old
    /// buffer with the text still in it (a password typed so far): move to a bigger
    /// buffer here instead, so that the old one is wiped as it is dropped.
    fn room_for(&mut self, extra: usize) {
        let needed = self.value.len() + extra;
        if needed > self.value.capacity() {
            let capacity = needed.max(self.value.capacity() * 2).max(MIN_CAPACITY);
            let mut bigger = Zeroizing::new(String::with_capacity(capacity));
            bigger.push_str(&self.value);
            self.value = bigger;
        }
    }

    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte_at(self.cursor);
            self.value.remove(at);
        }
    }

    pub fn delete(&mut self) {
        if self.cursor < self.value.chars().count() {
            let at = self.byte_at(self.cursor);
            self.value.remove(at);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.value.chars().count());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.value.chars().count();
    }
}

/// The character a key types, when it types one (no Ctrl or Alt held).
pub fn plain_char(k: &KeyEvent) -> Option<char> {
    match k.code {
        KeyCode::Char(c)
            if !k
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(c)
        }
        _ => None,
    }
}

/// Editing keys shared by every text field; true when the key was used.
pub fn edit(field: &mut TextField, k: &KeyEvent) -> bool {
    if let Some(c) = plain_char(k) {
        field.insert(c);
        return true;
    }
    match k.code {
        KeyCode::Backspace => field.backspace(),
        KeyCode::Delete => field.delete(),
        KeyCode::Left => field.left(),
        KeyCode::Right => field.right(),
        KeyCode::Home => field.home(),
        KeyCode::End => field.end(),
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growing_keeps_the_text_and_never_lets_the_string_reallocate_itself() {
        let mut f = TextField::default();
        let long: String = std::iter::repeat_n("pässwörd-", 20).collect();
        for c in long.chars() {
            // Once `room_for` has run (as `insert` does first), the insert itself stays in
            // the same buffer: `String` never reallocates and frees an unwiped copy.
            f.room_for(c.len_utf8());
            let buffer = f.value.as_ptr();
            f.insert(c);
            assert_eq!(buffer, f.value.as_ptr());
        }
        assert_eq!(f.value(), long);
        assert_eq!(f.cursor(), long.chars().count());
    }
}
