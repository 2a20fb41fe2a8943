//! What a reviewer wants to know about a placement at a glance: which moments were held and
//! what is still open.

use super::guide::Moment;
use super::placement::Placement;
use super::record::{MeetingRecord, RecordStatus};

/// The state of one contact moment of a placement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MomentState {
    NotHeld,
    Draft,
    Held,
    /// A file of this moment cannot be read; it needs attention before anything else.
    Damaged,
    /// A file of this moment was written by a newer version; it is left alone.
    Newer,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlacementSummary {
    pub placement: Placement,
    /// Indexed by `Moment::index`.
    pub moments: [MomentState; 3],
    pub open_agreements: usize,
}

impl PlacementSummary {
    /// `records` are whatever records and drafts exist for the placement, in any order.
    pub fn new(placement: Placement, records: &[MeetingRecord]) -> Self {
        let mut moments = [MomentState::NotHeld; 3];
        for record in records {
            let state = match record.status {
                RecordStatus::Final => MomentState::Held,
                RecordStatus::Draft => MomentState::Draft,
            };
            let slot = &mut moments[record.moment.index()];
            if *slot == MomentState::NotHeld || *slot == MomentState::Draft {
                *slot = state;
            }
        }
        let open_agreements = latest_held(records).map_or(0, MeetingRecord::open_agreements);
        Self {
            placement,
            moments,
            open_agreements,
        }
    }

    /// Marks a moment whose files could not be used; damage outranks everything else.
    pub fn mark(&mut self, moment: Moment, state: MomentState) {
        let slot = &mut self.moments[moment.index()];
        if *slot != MomentState::Damaged {
            *slot = state;
        }
    }

    pub fn moments_held(&self) -> usize {
        self.moments
            .iter()
            .filter(|m| **m == MomentState::Held)
            .count()
    }

    /// One letter per moment: capital when held, lowercase for a draft, a dot when not yet, `!`
    /// when a file of it is damaged, `^` when it was written by a newer version.
    pub fn marks(&self) -> String {
        Moment::ALL
            .into_iter()
            .map(|m| {
                let letter = m.code().chars().next().unwrap_or('?');
                match self.moments[m.index()] {
                    MomentState::Held => letter.to_ascii_uppercase(),
                    MomentState::Draft => letter,
                    MomentState::NotHeld => '·',
                    MomentState::Damaged => '!',
                    MomentState::Newer => '^',
                }
            })
            .collect()
    }

    /// The first moment that has not been held, the natural one to pick next.
    pub fn next_moment(&self) -> Option<Moment> {
        Moment::ALL
            .into_iter()
            .find(|m| self.moments[m.index()] != MomentState::Held)
    }
}

/// The most recent final record: its agreements are the ones that are still open.
pub fn latest_held(records: &[MeetingRecord]) -> Option<&MeetingRecord> {
    records
        .iter()
        .filter(|r| r.status == RecordStatus::Final)
        .max_by_key(|r| r.moment)
}
