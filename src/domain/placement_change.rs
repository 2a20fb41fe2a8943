//! Two versions of a placement's details, as when two windows changed the same placement:
//! which details differ, and one version holding the changes of both.

use super::Placement;

/// A detail of a placement that the placement form shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    Student,
    Programme,
    Level,
    Company,
    Trainer,
    Teacher,
    Start,
    End,
    TrainerEmail,
    TrainerLanguage,
}

impl Detail {
    pub const ALL: [Self; 10] = [
        Self::Student,
        Self::Programme,
        Self::Level,
        Self::Company,
        Self::Trainer,
        Self::Teacher,
        Self::Start,
        Self::End,
        Self::TrainerEmail,
        Self::TrainerLanguage,
    ];

    fn same(self, a: &Placement, b: &Placement) -> bool {
        match self {
            Self::Student => a.student == b.student,
            Self::Programme => a.programme == b.programme,
            Self::Level => a.level == b.level,
            Self::Company => a.company == b.company,
            Self::Trainer => a.trainer == b.trainer,
            Self::Teacher => a.teacher == b.teacher,
            Self::Start => a.start == b.start,
            Self::End => a.end == b.end,
            Self::TrainerEmail => a.trainer_email == b.trainer_email,
            Self::TrainerLanguage => a.trainer_language == b.trainer_language,
        }
    }

    fn copy(self, from: &Placement, to: &mut Placement) {
        match self {
            Self::Student => to.student.clone_from(&from.student),
            Self::Programme => to.programme.clone_from(&from.programme),
            Self::Level => to.level.clone_from(&from.level),
            Self::Company => to.company.clone_from(&from.company),
            Self::Trainer => to.trainer.clone_from(&from.trainer),
            Self::Teacher => to.teacher.clone_from(&from.teacher),
            Self::Start => to.start = from.start,
            Self::End => to.end = from.end,
            Self::TrainerEmail => to.trainer_email.clone_from(&from.trainer_email),
            Self::TrainerLanguage => to.trainer_language = from.trainer_language,
        }
    }
}

/// The details in which `a` and `b` differ, in the form's order.
pub fn differences(a: &Placement, b: &Placement) -> Vec<Detail> {
    Detail::ALL.into_iter().filter(|d| !d.same(a, b)).collect()
}

/// `theirs` with every detail that `mine` changed since `base`: where both changed the same
/// detail, mine; every other change of theirs stays.
pub fn merged(base: &Placement, mine: &Placement, theirs: &Placement) -> Placement {
    let mut out = theirs.clone();
    for detail in differences(base, mine) {
        detail.copy(mine, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_side_keeps_its_own_change() {
        let base = Placement {
            id: "p".into(),
            student: "Noor Verbeek".into(),
            teacher: "J. de Wit".into(),
            ..Placement::default()
        };
        let mine = Placement {
            teacher: "K. Smit".into(),
            ..base.clone()
        };
        let theirs = Placement {
            trainer_email: "m.zwaneveld@voorbeeld.nl".into(),
            ..base.clone()
        };
        let both = merged(&base, &mine, &theirs);
        assert_eq!(both.teacher, "K. Smit");
        assert_eq!(both.trainer_email, "m.zwaneveld@voorbeeld.nl");
        assert_eq!(
            differences(&mine, &theirs),
            [Detail::Teacher, Detail::TrainerEmail]
        );
    }
}
