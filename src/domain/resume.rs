//! Where a draft left off, so a meeting continues as it was: a pop-up form that was open,
//! kept as typed, and the field and cursor the teacher was in.

use serde::{Deserialize, Serialize};

use super::KeyId;
use super::record::{AgreementStatus, Recognition, Role, Strategy};

/// A pop-up form that was open when the draft was saved, kept as typed so that nothing in it
/// is lost when the session ends; continuing the draft opens it again. A date stays as typed,
/// since it may not be a valid date yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "form", rename_all = "snake_case")]
pub enum OpenForm {
    Example {
        key: KeyId,
        /// The example being changed; none for a new one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index: Option<usize>,
        text: String,
        given_by: Role,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        strategy: Option<Strategy>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        recognised: Option<Recognition>,
    },
    Agreement {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index: Option<usize>,
        what: String,
        who: Role,
        #[serde(default)]
        due: String,
        #[serde(default)]
        status: AgreementStatus,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        note: String,
    },
}

impl OpenForm {
    /// Whether anything was typed in the pop-up, or it changes something that exists: an
    /// empty new example or agreement, opened and not yet filled in, holds nothing.
    pub fn holds_typing(&self) -> bool {
        match self {
            Self::Example { index, text, .. } => index.is_some() || !text.trim().is_empty(),
            Self::Agreement {
                index,
                what,
                due,
                note,
                ..
            } => {
                index.is_some()
                    || !what.trim().is_empty()
                    || !due.trim().is_empty()
                    || !note.trim().is_empty()
            }
        }
    }
}

/// A place in the meeting: the field (as the interface names it) and the cursor in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resume {
    pub at: String,
    #[serde(default)]
    pub line: usize,
    #[serde(default)]
    pub column: usize,
}
