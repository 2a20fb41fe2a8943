//! Fictional demo data: placements in every state a teacher meets (nothing held yet and
//! overdue, a meeting in progress, held on site or online, all three held, a concern flagged,
//! a planned date, a trainer's form come in). Every name and company here is made up.

use chrono::{Duration, NaiveDate, NaiveDateTime, NaiveTime};

use crate::domain::preparation::{PrepSource, Prepared};
use crate::domain::{
    Agreement, AgreementStatus, Answer, Concern, ConcernKind, Example, Guide, KeyId, MeetingRecord,
    Moment, Place, Placement, Planned, PrepQuestion, Preparation, Recognition, Role, Strategy,
};
use crate::store::{Store, StoreError};

const FIRST: [&str; 12] = [
    "Noor", "Daan", "Liv", "Sem", "Yara", "Milan", "Fenna", "Ravi", "Isa", "Jesse", "Amira",
    "Tobias",
];
const LAST: [&str; 10] = [
    "Verbeek",
    "el Amrani",
    "de Klerk",
    "Hoekstra",
    "Yilmaz",
    "van Dijkhuis",
    "Brouwers",
    "Kasanpawiro",
    "Terpstra",
    "Mulderink",
];
const COMPANIES: [(&str, &str, &str, &str); 6] = [
    (
        "Bakkerij Het Zonnige Deeg",
        "Bakker",
        "2",
        "Marieke Zwaneveld",
    ),
    (
        "Autoservice Kwartelweg",
        "Eerste autotechnicus",
        "3",
        "Ruud Pellegrom",
    ),
    (
        "Kinderopvang De Vrolijke Vlinder",
        "Pedagogisch medewerker",
        "4",
        "Sanne Oudeheusden",
    ),
    (
        "Hotel De Zeven Duinen",
        "Zelfstandig medewerker hospitality",
        "3",
        "Karim Bouzerda",
    ),
    (
        "ICT-werkplaats Bitbaai",
        "Medewerker ICT-support",
        "3",
        "Joyce Lammertink",
    ),
    (
        "Tuincentrum De Groene Duim",
        "Medewerker groene detailhandel",
        "2",
        "Hennie Wolfswinkel",
    ),
];
const TEACHERS: [&str; 3] = ["Els Voorthuizen", "Marco Dijkgraaf", "Petra Annink"];

/// How far a demo placement has come. Together the first six show every state the overview
/// knows: a meeting in progress, nothing held and overdue, a start held on site with a concern
/// flagged, start and midway held online with no visit yet, all three held, and a midway
/// meeting on a planned date with the trainer's form in.
#[derive(Clone, Copy)]
enum Stage {
    NothingHeld,
    StartHeld,
    MidwayInProgress,
    MidwayHeld,
    AllHeld,
    PreparedForMidway,
}

const STAGES: [Stage; 6] = [
    Stage::MidwayInProgress,
    Stage::NothingHeld,
    Stage::StartHeld,
    Stage::MidwayHeld,
    Stage::AllHeld,
    Stage::PreparedForMidway,
];

/// Placements in the demo last 20 weeks.
const WEEKS: i64 = 20;

impl Stage {
    /// How many weeks ago the placement started.
    const fn started_weeks_ago(self) -> i64 {
        match self {
            // The start meeting was due three weeks in: two weeks late now.
            Self::NothingHeld => 5,
            Self::StartHeld => 6,
            Self::MidwayInProgress => 9,
            Self::PreparedForMidway => 11,
            Self::MidwayHeld => 16,
            // Ended a month ago.
            Self::AllHeld => WEEKS + 4,
        }
    }

    /// The meetings held, with how many weeks after the start and where.
    const fn held(self) -> &'static [(Moment, i64, Place)] {
        match self {
            Self::NothingHeld => &[],
            Self::StartHeld => &[(Moment::Start, 2, Place::OnSite)],
            Self::MidwayInProgress | Self::PreparedForMidway => {
                &[(Moment::Start, 1, Place::OnSite)]
            }
            Self::MidwayHeld => &[
                (Moment::Start, 1, Place::Online),
                (Moment::Midway, 10, Place::Online),
            ],
            Self::AllHeld => &[
                (Moment::Start, 1, Place::OnSite),
                (Moment::Midway, 10, Place::AtSchool),
                (Moment::Final, WEEKS - 1, Place::OnSite),
            ],
        }
    }
}

/// Writes `count` fictional placements with their records into `store`; the same `today`
/// gives the same data.
pub fn write_demo(
    store: &Store,
    guide: &Guide,
    count: usize,
    today: NaiveDate,
) -> Result<(), StoreError> {
    for n in 0..count {
        let stage = STAGES[n % STAGES.len()];
        let placement = demo_placement(n, stage, today);
        let placement = store.create_placement(placement)?;
        for record in demo_records(&placement, guide, stage, n, today) {
            let (id, moment) = (&placement.id, record.moment);
            match record.status {
                crate::domain::RecordStatus::Final => store.save_final(id, moment, &record)?,
                crate::domain::RecordStatus::Draft => store.save_draft(id, moment, &record)?,
            };
        }
        if matches!(stage, Stage::PreparedForMidway) {
            write_trainer_form(store, &placement, Moment::Midway, today)?;
        }
    }
    Ok(())
}

fn demo_placement(n: usize, stage: Stage, today: NaiveDate) -> Placement {
    let (company, programme, level, trainer) = COMPANIES[n % COMPANIES.len()];
    let first = FIRST[n % FIRST.len()];
    let last = LAST[(n / FIRST.len() + n) % LAST.len()];
    // Later rounds of the six states start a few days apart, so a long list is not uniform.
    let spread = Duration::days((n / STAGES.len() % 4) as i64);
    let start = today - Duration::weeks(stage.started_weeks_ago()) - spread;
    let mut planned = Planned::default();
    if matches!(stage, Stage::PreparedForMidway) {
        // The school agreed a date for the midway meeting itself, in a few days.
        planned.midway = Some(today + Duration::days(3));
    }
    Placement {
        id: String::new(),
        student: format!("{first} {last}"),
        programme: programme.into(),
        level: level.into(),
        company: company.into(),
        trainer: trainer.into(),
        teacher: TEACHERS[n % TEACHERS.len()].into(),
        start: Some(start),
        end: Some(start + Duration::weeks(WEEKS)),
        planned,
        ..Placement::default()
    }
}

fn demo_records(
    placement: &Placement,
    guide: &Guide,
    stage: Stage,
    n: usize,
    today: NaiveDate,
) -> Vec<MeetingRecord> {
    let mut records: Vec<MeetingRecord> = Vec::new();
    for (moment, weeks, place) in stage.held() {
        let day = placement.start.unwrap_or(today) + Duration::weeks(*weeks);
        let mut record = held_record(
            placement,
            guide,
            *moment,
            at(day, 10 + n % 5),
            records.last(),
            n,
        );
        record.place = *place;
        if matches!(stage, Stage::StartHeld) {
            record.concern = Some(Concern {
                kinds: vec![ConcernKind::UnfitWork, ConcernKind::InsufficientGuidance],
                note: "Doet vooral schoonmaakwerk en staat vaak alleen in de zaak; navragen bij de praktijkopleider en met de stagecoördinator bespreken.".into(),
            });
        }
        record.finish(&Role::ALL, at(day, 11 + n % 5));
        records.push(record);
    }
    match stage {
        Stage::MidwayInProgress => {
            let mut draft = MeetingRecord::new(
                placement,
                Moment::Midway,
                guide,
                at(today, 9),
                records.last(),
            );
            draft.keys.get_mut(KeyId::LearningProcesses).notes =
                "Vertelt enthousiast over de eerste weken; vooral het werken onder tijdsdruk was wennen.".into();
            draft.time_spent_seconds = 6 * 60;
            records.push(draft);
        }
        Stage::PreparedForMidway => {
            let mut draft = MeetingRecord::new(
                placement,
                Moment::Midway,
                guide,
                at(today, 14),
                records.last(),
            );
            draft.trainer_preparation = Some(trainer_preparation(today));
            records.push(draft);
        }
        _ => {}
    }
    records
}

/// The interim judgement a trainer sends before the midway meeting.
fn trainer_preparation(today: NaiveDate) -> Preparation {
    use PrepQuestion as Q;
    let answers = [
        (
            Q::Grown,
            "Werkt nauwkeurig en vraagt op tijd om hulp. Kan de ochtendbestellingen nu alleen.",
        ),
        (
            Q::GrownExample,
            "Heeft vorige week zelfstandig de ochtendbestellingen klaargezet.",
        ),
        (
            Q::NotYet,
            "Neemt nog weinig initiatief in contact met klanten; wacht tot iemand haar aanspreekt.",
        ),
        (
            Q::NotYetExample,
            "Bij een vraag over allergenen haalde ze er meteen een collega bij, ook toen ze het antwoord wist.",
        ),
        (
            Q::OnCourse,
            "Ja, als het klantcontact de komende weken meer ruimte krijgt.",
        ),
        (
            Q::GuidedShowing,
            "Liet de eerste week zien hoe je een klacht aanneemt, en daarna nog eens.",
        ),
        (
            Q::GuidedEntrusting,
            "Laat de ochtendbestellingen nu helemaal aan haar over.",
        ),
        (
            Q::GuidanceChange,
            "Elke ochtend een half uur samen achter de toonbank, daarna staat ze er alleen.",
        ),
    ];
    Preparation {
        prepared_on: Some(today - Duration::days(2)),
        answers: answers
            .into_iter()
            .map(|(question, text)| Answer {
                question,
                text: text.into(),
            })
            .collect(),
    }
}

/// The trainer's preparation as a filled-in e-mail form brings it in, at
/// `<moment>.trainer.prep.yaml` in the placement's folder, where the overview sees it.
fn write_trainer_form(
    store: &Store,
    placement: &Placement,
    moment: Moment,
    today: NaiveDate,
) -> Result<(), StoreError> {
    // As if the trainer filled in the form and the teacher imported the reply.
    let prepared = Prepared::Trainer(trainer_preparation(today));
    store
        .save_preparation(&placement.id, moment, &prepared, PrepSource::Form)
        .map(|_| ())
}

fn at(day: NaiveDate, hour: usize) -> NaiveDateTime {
    day.and_time(
        NaiveTime::from_hms_opt(u32::try_from(hour % 24).unwrap_or(9), 0, 0).unwrap_or_default(),
    )
}

fn held_record(
    placement: &Placement,
    guide: &Guide,
    moment: Moment,
    when: NaiveDateTime,
    previous: Option<&MeetingRecord>,
    n: usize,
) -> MeetingRecord {
    let mut r = MeetingRecord::new(placement, moment, guide, when, previous);
    for a in &mut r.agreements {
        a.status = AgreementStatus::Done;
    }
    r.time_spent_seconds = (35 + (n % 3) as u64 * 5) * 60;
    let notes = match moment {
        Moment::Start => [
            "Koos dit bedrijf omdat een oom er ooit werkte; wil vooral leren zelfstandig een taak af te ronden.",
            "Vaste begeleider op de vloer is een ervaren collega; meekijken kan elke ochtend bij de start.",
            "Eerste indruk: betrokken, nog wat stil in het team. Beoordeling aan het eind op basis van het stageplan.",
            "Begeleider doet eerst voor, daarna samen, daarna zelf. Student weet bij wie ze terecht kan.",
        ],
        Moment::Midway => [
            "Aha-moment: begreep pas bij een drukke zaterdag waarom de voorbereiding zo strak is.",
            "Meer kansen om mee te doen aan overleg; nog weinig werk zonder direct toezicht.",
            "Groeit in tempo en nauwkeurigheid; communicatie met klanten blijft een aandachtspunt.",
            "Begeleider laat nu bewust vaker los; student herkent dat pas na doorvragen als begeleiding.",
        ],
        Moment::Final => [
            "Kijkt terug op een stage waarin zelfvertrouwen het meest gegroeid is.",
            "Het bedrijf bood veel zelfstandig werk in de tweede helft; weinig ruimte voor nabespreken.",
            "Eindoordeel positief: werkt zelfstandig, betrouwbaar, neemt initiatief bij klanten.",
            "Toevertrouwen van eigen klussen werkte het best; advies voor de volgende stage: vraag om feedback.",
        ],
    };
    for (key, text) in KeyId::ALL.into_iter().zip(notes) {
        r.keys.get_mut(key).notes = text.into();
    }
    r.keys
        .get_mut(KeyId::TrainerJudgement)
        .examples
        .push(Example {
            text: "Zag een fout in een bestelling en meldde die zelf voordat de klant het merkte."
                .into(),
            given_by: Role::Trainer,
            strategy: None,
            recognised: None,
        });
    r.keys
        .get_mut(KeyId::GuidanceChoices)
        .examples
        .push(Example {
            text:
                "Mocht na twee weken samen de kassa-afsluiting alleen doen, met controle achteraf."
                    .into(),
            given_by: Role::Trainer,
            strategy: Some(Strategy::Entrusting),
            recognised: Some(if n.is_multiple_of(2) {
                Recognition::Yes
            } else {
                Recognition::Partly
            }),
        });
    if moment != Moment::Final {
        r.agreements.push(Agreement {
            what: "Leerdoelen uitwerken in het stageplan en delen met de praktijkopleider.".into(),
            who: Role::Student,
            due: Some(when.date() + Duration::weeks(2)),
            status: AgreementStatus::Open,
            carried_from: None,
            note: String::new(),
        });
        r.agreements.push(Agreement {
            what: "Inschatting voorbereiden voor het volgende gesprek.".into(),
            who: Role::Trainer,
            due: None,
            status: AgreementStatus::Open,
            carried_from: None,
            note: String::new(),
        });
    }
    r.private_notes =
        "Let op: thuissituatie speelt mee, in een eigen gesprek op school naar vragen.".into();
    r
}
