//! Scrolling a long text that is only read: what the keys do to it, a page the size of the
//! screen, and never past its end.

use ratatui::layout::Rect;

use super::action::Action;

/// Where `action` moves a text scrolled to `scroll`, and whether it was a scrolling key;
/// `body` is where the screen was drawn last, for the size of a page.
pub fn scrolled(scroll: u16, action: Action, body: Option<Rect>) -> Option<u16> {
    // A page is the screen less two lines, so the reader keeps their place.
    let page = body.map_or(10, |b| b.height.saturating_sub(3).max(1));
    Some(match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1),
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll.saturating_add(page),
        Action::First => 0,
        Action::Last => u16::MAX,
        _ => return None,
    })
}

/// `scroll`, but not past where the last of `rows` rows is on screen in `body`, so a key back
/// up moves at once.
pub fn within(scroll: u16, rows: usize, body: Rect) -> u16 {
    let rows = u16::try_from(rows).unwrap_or(u16::MAX);
    scroll.min(rows.saturating_sub(body.height.saturating_sub(1)))
}
