//! What a verifier accepts: its own audience and purpose, its clock and tolerances, and the
//! requirements the claims must meet. [`Policy::check`] is everything that needs no network.

use crate::error::{ProofError, Result};
use crate::presentation::{Claim, Presentation};
use crate::requirement::Requirement;
use core::time::Duration;
use loyal_core::time::Timestamp;

#[derive(Clone, Debug, PartialEq)]
pub struct Policy {
    /// This verifier's origin, compared byte for byte with the presentation's.
    pub audience: String,
    pub purpose: String,
    /// The verifier's clock.
    pub now: Timestamp,
    /// How far the holder's clock may run ahead of the verifier's (default 30 s).
    pub max_skew: Duration,
    /// How old a presentation may be, whatever its own expiry says (default 5 min).
    pub max_age: Duration,
    /// How far behind consensus the mirror may be (default 5 s). Ownership is read only once
    /// the mirror lists a transaction at or after the end of the presentation's issued-at
    /// second, or, on a network with none since, once that instant + this lag has passed on
    /// the verifier's clock: a transfer made before signing is then visible. Zero reads at once
    /// (for a mirror known to be current, e.g. a devnet without lag).
    pub max_mirror_lag: Duration,
    pub requirements: Vec<Requirement>,
}

impl Policy {
    pub fn new(audience: impl Into<String>, purpose: impl Into<String>, now: Timestamp) -> Self {
        Self {
            audience: audience.into(),
            purpose: purpose.into(),
            now,
            max_skew: Duration::from_secs(30),
            max_age: Duration::from_secs(300),
            max_mirror_lag: Duration::from_secs(5),
            requirements: Vec::new(),
        }
    }

    pub fn with_audience(mut self, audience: impl Into<String>) -> Self {
        self.audience = audience.into();
        self
    }

    pub fn with_purpose(mut self, purpose: impl Into<String>) -> Self {
        self.purpose = purpose.into();
        self
    }

    pub fn with_now(mut self, now: Timestamp) -> Self {
        self.now = now;
        self
    }

    pub fn with_max_skew(mut self, skew: Duration) -> Self {
        self.max_skew = skew;
        self
    }

    pub fn with_max_age(mut self, age: Duration) -> Self {
        self.max_age = age;
        self
    }

    pub fn with_max_mirror_lag(mut self, lag: Duration) -> Self {
        self.max_mirror_lag = lag;
        self
    }

    pub fn with_requirement(mut self, requirement: Requirement) -> Self {
        self.requirements.push(requirement);
        self
    }

    pub fn with_requirements(
        mut self,
        requirements: impl IntoIterator<Item = Requirement>,
    ) -> Self {
        self.requirements.extend(requirements);
        self
    }

    /// Audience, purpose, validity window and the claims' shape against the requirements:
    /// what can be refused before any network read.
    pub fn check(&self, p: &Presentation) -> Result<()> {
        for r in &self.requirements {
            r.validate()?;
        }
        if p.audience != self.audience {
            return Err(ProofError::WrongAudience {
                field: "audience",
                expected: self.audience.clone(),
                got: p.audience.clone(),
            });
        }
        if p.purpose != self.purpose {
            return Err(ProofError::WrongAudience {
                field: "purpose",
                expected: self.purpose.clone(),
                got: p.purpose.clone(),
            });
        }
        let now = self.now.as_nanos();
        let skew = self.max_skew.as_nanos() as i128;
        if p.issued_at.as_nanos() > now + skew {
            return Err(ProofError::NotYetValid {
                issued_at: p.issued_at,
                now: self.now,
            });
        }
        let too_old = p.issued_at.as_nanos() + self.max_age.as_nanos() as i128 + skew < now;
        if p.expires_at.as_nanos() < now || p.expires_at <= p.issued_at || too_old {
            return Err(ProofError::Expired {
                expires_at: p.expires_at,
                now: self.now,
            });
        }
        self.assign(&p.sorted_claims()).map(|_| ())
    }

    /// Whether the requirements can each have a distinct claim of their kind and token, before
    /// anything is read; which claim meets which is decided once the ledger's facts are known
    /// ([`matching`]).
    pub(crate) fn assign(&self, claims: &[Claim]) -> Result<Vec<usize>> {
        matching(self.requirements.len(), claims.len(), |r, c| {
            self.requirements[r].admits(&claims[c])
        })
        .map_err(|r| ProofError::ClaimMissing {
            requirement: self.requirements[r].to_string(),
        })
    }
}

/// A distinct claim for each requirement where `fits(requirement, claim)`: requirements in
/// order, each by an augmenting path (Kuhn), so a claim taken early moves to another
/// requirement when that lets a later one be met — first fit would refuse a presentation whose
/// claims can all be used. `Err` names the first requirement left without a claim.
pub(crate) fn matching(
    requirements: usize,
    claims: usize,
    fits: impl Fn(usize, usize) -> bool,
) -> std::result::Result<Vec<usize>, usize> {
    fn augment(
        r: usize,
        fits: &impl Fn(usize, usize) -> bool,
        holder: &mut [Option<usize>],
        seen: &mut [bool],
    ) -> bool {
        for c in 0..holder.len() {
            if !seen[c] && fits(r, c) {
                seen[c] = true;
                if holder[c].is_none_or(|other| augment(other, fits, holder, seen)) {
                    holder[c] = Some(r);
                    return true;
                }
            }
        }
        false
    }
    // holder[claim] = the requirement it meets.
    let mut holder = vec![None; claims];
    for r in 0..requirements {
        if !augment(r, &fits, &mut holder, &mut vec![false; claims]) {
            return Err(r);
        }
    }
    let mut met_by = vec![0; requirements];
    for (c, r) in holder.iter().enumerate() {
        if let Some(r) = r {
            met_by[*r] = c;
        }
    }
    Ok(met_by)
}
