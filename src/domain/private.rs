//! What a meeting holds for the teacher alone: the private notes and a concern. It never
//! leaves the teacher's own copy, so it is kept apart from the record, which may be shared
//! with colleagues; the two are put together again for the teacher's own views.

use super::record::{Concern, MeetingRecord};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Private {
    pub notes: String,
    pub concern: Option<Concern>,
}

impl Private {
    /// Nothing worth keeping: no note beyond white space, no concern.
    pub fn is_empty(&self) -> bool {
        self.notes.trim().is_empty() && self.concern.as_ref().is_none_or(Concern::is_empty)
    }
}

impl MeetingRecord {
    /// The record as it may be shared, and what is the teacher's alone.
    pub fn split_private(mut self) -> (Self, Private) {
        let private = Private {
            notes: std::mem::take(&mut self.private_notes),
            concern: self.concern.take(),
        };
        (self, private)
    }

    /// Whether the record itself still holds something private, as records written before
    /// the private part was kept apart do.
    pub fn holds_private(&self) -> bool {
        !Private {
            notes: self.private_notes.clone(),
            concern: self.concern.clone(),
        }
        .is_empty()
    }

    /// The record with its private part back. Where the private part has nothing, what the
    /// record itself still holds (from before they were kept apart) stays.
    pub fn with_private(mut self, private: Private) -> Self {
        if !private.notes.trim().is_empty() {
            self.private_notes = private.notes;
        }
        if private.concern.as_ref().is_some_and(|c| !c.is_empty()) {
            self.concern = private.concern;
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::record::ConcernKind;

    fn record(notes: &str, concern: Option<Concern>) -> MeetingRecord {
        let mut r: MeetingRecord = serde_json::from_value(serde_json::json!({
            "schema_version": 4,
            "status": "final",
            "placement": { "id": "x", "student": "Fenna Voorbeeld" },
            "moment": "midway",
            "date": "2026-09-10",
            "time": "10:00:00",
            "guide": { "id": "test", "version": 1 },
            "end_of_file": true,
        }))
        .unwrap();
        r.private_notes = notes.into();
        r.concern = concern;
        r
    }

    #[test]
    fn a_split_record_holds_nothing_private_and_comes_back_whole() {
        let concern = Concern {
            kinds: vec![ConcernKind::SocialSafety],
            note: "alleen voor mij".into(),
        };
        let whole = record("privé notitie", Some(concern));
        let (shared, private) = whole.clone().split_private();
        assert!(!shared.holds_private());
        assert!(!private.is_empty());
        assert_eq!(shared.with_private(private), whole);
    }

    #[test]
    fn an_older_record_keeps_what_it_holds_where_the_private_part_has_nothing() {
        let older = record("van vroeger", None);
        assert!(older.holds_private());
        assert_eq!(older.clone().with_private(Private::default()), older);
    }
}
