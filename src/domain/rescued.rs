//! Text from a rescue file taken back into the meeting it came from. Nothing already in the
//! meeting is replaced: what the rescue file adds is appended, its notes under a mark, so the
//! teacher sees what came back and can tidy it up.

use super::{KeyId, MeetingRecord};

impl MeetingRecord {
    /// Appends what `rescued` holds and this record lacks: notes (each under `mark`),
    /// examples and agreements. Answers whether anything was added.
    pub fn take_rescued(&mut self, rescued: &Self, mark: &str) -> bool {
        let mut added = false;
        for key in KeyId::ALL {
            let from = rescued.keys.get(key);
            let to = self.keys.get_mut(key);
            added |= append_notes(&mut to.notes, &from.notes, mark);
            for example in &from.examples {
                if !to.examples.iter().any(|e| e.text == example.text) {
                    to.examples.push(example.clone());
                    added = true;
                }
            }
        }
        for agreement in &rescued.agreements {
            if !self.agreements.iter().any(|a| a.what == agreement.what) {
                self.agreements.push(agreement.clone());
                added = true;
            }
        }
        added |= append_notes(&mut self.private_notes, &rescued.private_notes, mark);
        added
    }
}

/// `rescued` under `mark` at the end of `notes`, unless it is empty or already there.
fn append_notes(notes: &mut String, rescued: &str, mark: &str) -> bool {
    let rescued = rescued.trim();
    if rescued.is_empty() || notes.contains(rescued) {
        return false;
    }
    let kept = notes.trim_end().len();
    notes.truncate(kept);
    if !notes.is_empty() {
        notes.push_str("\n\n");
    }
    notes.push_str(mark);
    notes.push('\n');
    notes.push_str(rescued);
    true
}

#[cfg(test)]
mod tests {
    use super::append_notes;

    #[test]
    fn rescued_notes_are_appended_under_the_mark_once() {
        let mut notes = "Eerst dit.".to_string();
        assert!(append_notes(&mut notes, "Eerst dit.\nEn dit.", "[gered]"));
        assert_eq!(notes, "Eerst dit.\n\n[gered]\nEerst dit.\nEn dit.");
        assert!(!append_notes(&mut notes, "En dit.", "[gered]"));
    }
}
