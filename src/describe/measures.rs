//! What an exposure window measures, in words: an intruder's access, data copied out, data
//! left open to anyone (no one's access established), or not said. Every sentence about a
//! window takes its words from here, so none calls an open database "unauthorised access".

use crate::format::{particle, Particle};
use crate::model::{Lang, Measures};

/// Over the timeline's band and in labels: "Unauthorised access", "Open to anyone".
pub fn label(lang: Lang, m: Measures) -> &'static str {
    match (lang, m) {
        (Lang::En, Measures::Access) => "Unauthorised access",
        (Lang::En, Measures::CopyingOut) => "Data copied out",
        (Lang::En, Measures::OpenToAnyone) => "Open to anyone",
        (Lang::En, Measures::NotStated) => "Exposure",
        (Lang::Ko, Measures::Access) => "무단 접근",
        (Lang::Ko, Measures::CopyingOut) => "데이터 반출",
        (Lang::Ko, Measures::OpenToAnyone) => "공개 방치",
        (Lang::Ko, Measures::NotStated) => "노출",
    }
}

/// After a length: "138 days of unauthorised access", "3 years of data open to anyone".
pub fn noun(lang: Lang, m: Measures) -> &'static str {
    match (lang, m) {
        (Lang::En, Measures::Access) => "unauthorised access",
        (Lang::En, Measures::CopyingOut) => "data being copied out",
        (Lang::En, Measures::OpenToAnyone) => "data open to anyone",
        (Lang::En, Measures::NotStated) => "exposure",
        (Lang::Ko, _) => label(lang, m),
    }
}

/// What starts and ends: "the start of access", "access ended"; "the exposure" where no one's
/// access is established or it is not said.
pub fn short(lang: Lang, m: Measures) -> &'static str {
    match (lang, m) {
        (Lang::En, Measures::Access) => "access",
        (Lang::En, Measures::CopyingOut) => "the copying out",
        (Lang::En, Measures::OpenToAnyone | Measures::NotStated) => "the exposure",
        (Lang::Ko, Measures::Access) => "접근",
        (Lang::Ko, Measures::CopyingOut) => "반출",
        (Lang::Ko, Measures::OpenToAnyone) => "공개",
        (Lang::Ko, Measures::NotStated) => "노출",
    }
}

/// The subject of a sentence about the organisation's data: "Unauthorised access to data held
/// by Hanbit Mart" / "한빛마트가 보유한 데이터에 대한 무단 접근".
pub fn subject(lang: Lang, m: Measures, org: &str) -> String {
    match (lang, m) {
        (Lang::En, Measures::Access) => format!("Unauthorised access to data held by {org}"),
        (Lang::En, Measures::CopyingOut) => format!("The copying out of data held by {org}"),
        (Lang::En, Measures::OpenToAnyone) => {
            format!("The exposure of data held by {org} to anyone online")
        }
        (Lang::En, Measures::NotStated) => format!("The exposure of data held by {org}"),
        (Lang::Ko, Measures::Access) => format!(
            "{} 보유한 데이터에 대한 무단 접근",
            particle(org, Particle::Subject)
        ),
        (Lang::Ko, Measures::CopyingOut) => {
            format!("{} 보유한 데이터의 반출", particle(org, Particle::Subject))
        }
        // "…데이터의 공개 방치 기간은": a noun that takes 기간, never "…열려 있던 상태 기간".
        (Lang::Ko, Measures::OpenToAnyone) => {
            format!(
                "{} 보유한 데이터의 공개 방치",
                particle(org, Particle::Subject)
            )
        }
        (Lang::Ko, Measures::NotStated) => {
            format!("{} 보유한 데이터의 노출", particle(org, Particle::Subject))
        }
    }
}
