//! The placement-conversation domain: guides, placements, meeting records and what follows
//! from them. Pure data and rules: nothing here touches a terminal or a file.

pub mod agenda;
pub mod at_key;
pub mod company;
pub mod dates;
pub mod due;
pub mod guide;
pub mod guide_check;
pub mod lang;
pub mod placement;
pub mod placement_change;
pub mod prep_question;
pub mod preparation;
pub mod private;
pub mod record;
pub mod rescued;
pub mod resume;
pub mod search;
pub mod story;
pub mod summary;
pub mod text;

pub use guide::{Addressee, CaptureKind, ConcernGuide, Guide, KeyGuide, KeyId, Moment, Prompt};
pub use lang::Lang;
pub use placement::{Placement, PlacementDraft, Planned};
pub use prep_question::{Answer, PrepQuestion, Preparation, Shows};
pub use record::{
    Agreement, AgreementStatus, Concern, ConcernKind, Consent, Example, GuidanceExample, GuideRef,
    KeyCapture, MeetingRecord, OpenForm, Place, Present, Quality, Recognition, RecordStatus,
    Resume, Role, Strategy,
};
